import { addDays } from '@relais/rules';
import type { EntityManager } from 'typeorm';

/** People whose aided contract's obligations the demo leaves open, for HR to follow on screen. */
const LEFT_OPEN = ['S07', 'S25'];

/**
 * What HR had recorded for the demo's aided contracts already started: a PEC's prescriber,
 * tripartite interview and declared actions, an adulte-relais post, a contrat pro's OPCO and
 * filing. Camara's and Fontaine's PEC are left open (the browser journey follows one to the end).
 */
export async function seedDemoObligations(
  manager: EntityManager,
  organisationId: string,
  personId: (ref: string) => string,
  today: string,
): Promise<void> {
  const open = LEFT_OPEN.map(personId);
  const contracts: { id: string; type: string; start: string }[] = await manager.query(
    `SELECT id, type, to_char(start_date, 'YYYY-MM-DD') AS start FROM contract
      WHERE organisation_id = $1 AND type IN ('PEC', 'ADULTE_RELAIS', 'PRO')
        AND start_date <= $2::date AND NOT (person_id = ANY($3)) ORDER BY start_date, id`,
    [organisationId, today, open],
  );
  const rows: [string, string, string, string | null, string | null][] = [];
  contracts.forEach((contract, index) => {
    const { id, start } = contract;
    if (contract.type === 'PEC') {
      const prescriber = index % 2 === 0 ? 'france_travail' : 'mission_locale';
      rows.push(
        [id, 'PEC_PRESCRIBER', start, prescriber, 'Conseillère référente du parcours'],
        [id, 'PEC_TRIPARTITE', start, null, null],
        [id, 'PEC_ACTIONS', start, null, 'Accompagnement par le tuteur, un entretien par mois'],
      );
    } else if (contract.type === 'ADULTE_RELAIS') {
      rows.push([id, 'AR_POST', start, null, `Poste 75-${String(412 + index).padStart(4, '0')}`]);
    } else {
      rows.push(
        [id, 'PRO_OPCO', start, 'cohesion_sociale', 'Organisme de formation du TP MSADS'],
        [id, 'PRO_FILING', addDays(start, 3), 'accordee', null],
      );
    }
  });
  for (const [contractId, code, doneOn, outcome, reference] of rows) {
    await manager.query(
      `INSERT INTO contract_obligation (organisation_id, contract_id, code, done_on, outcome, reference)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [organisationId, contractId, code, doneOn, outcome, reference],
    );
  }
}
