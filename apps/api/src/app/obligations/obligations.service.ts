import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTRACT_TYPE_LABELS,
  OBLIGATION_FIELDS,
  OBLIGATION_OUTCOME_LABELS,
  type ContractObligations,
  type ContractType,
  type DueObligation,
  type DueObligations,
  type ObligationCode,
  type ObligationRecord,
} from '@relais/api-types';
import {
  contractObligations,
  conventionRenewedOnce,
  formatDate,
  type ObligationContract,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PersonEntity } from '../people/person.entity';
import type { RecordObligationDto } from './dto/obligations.dto';
import { ContractObligationEntity } from './obligation.entities';

/** The facts one contract's obligations are computed from (see `contractObligations`). */
export interface ObligationFacts {
  contractId: string;
  personId: string;
  personName: string;
  homeSiteId: string | null;
  contractType: ContractType;
  contract: ObligationContract;
  items: ContractObligations['items'];
}

interface ContractFactsRow {
  id: string;
  person_id: string;
  person_name: string;
  home_site_id: string | null;
  type: ContractType;
  start_date: string;
  end_date: string | null;
  convention_number: string | null;
  convention_start: string | null;
  convention_end: string | null;
  tutor_id: string | null;
  training_hours: number | null;
  renewed_on: string | null;
  france_services: boolean;
  ac_since: string | null;
  attended_minutes: number;
  tutor_pro_tutees: number;
}

const CONTRACT_FACTS = `
  SELECT c.id, c.person_id, p.first_name || ' ' || p.last_name AS person_name, p.home_site_id, c.type,
         to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         c.convention_number, to_char(c.convention_start, 'YYYY-MM-DD') AS convention_start,
         to_char(c.convention_end, 'YYYY-MM-DD') AS convention_end, c.tutor_id, c.training_hours,
         (SELECT to_char(min(r.start_date), 'YYYY-MM-DD') FROM contract r WHERE r.renewal_of = c.id) AS renewed_on,
         coalesce(s.is_france_services, false) AS france_services,
         (SELECT to_char(min(k.acquired_on), 'YYYY-MM-DD') FROM person_skill k
           WHERE k.person_id = c.person_id AND k.skill = 'aidants_connect') AS ac_since,
         ((SELECT coalesce(sum(r.hours), 0) * 60 FROM training_record r
            WHERE r.person_id = c.person_id AND r.completed_on >= c.start_date
              AND (c.end_date IS NULL OR r.completed_on <= c.end_date))
          + (SELECT coalesce(sum(e.attended_minutes), 0) FROM training_enrolment e
               JOIN training_session ts ON ts.id = e.session_id
              WHERE e.person_id = c.person_id AND e.status = 'validated' AND e.record_id IS NULL
                AND ts.start_at >= c.start_date AND (c.end_date IS NULL OR ts.start_at < c.end_date + 1)))::int AS attended_minutes,
         (SELECT count(*)::int FROM contract t
           WHERE c.tutor_id IS NOT NULL AND t.tutor_id = c.tutor_id AND t.type = 'PRO'
             AND (t.id = c.id OR (t.start_date <= $2::date AND (t.end_date IS NULL OR t.end_date >= $2::date)))) AS tutor_pro_tutees
    FROM contract c JOIN person p ON p.id = c.person_id LEFT JOIN site s ON s.id = p.home_site_id`;

/**
 * Each contract's obligations (PEC, adulte-relais, contrat pro, France Services): computed by
 * `libs/rules` from what HR recorded here and the facts elsewhere; recorded by HR and admin.
 */
@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The obligations of the person's latest contract, for whoever may read their pathway. */
  async forPerson(user: AuthUser, personId: string): Promise<ContractObligations | null> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id: personId, organisationId: user.organisationId });
    if (!person) throw new NotFoundException('Personne introuvable.');
    this.access.requireReadPerson(
      user,
      person,
      'Ce parcours ne fait pas partie de votre périmètre.',
    );
    const [latest]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM contract WHERE person_id = $1 ORDER BY start_date DESC LIMIT 1`,
      [person.id],
    );
    if (!latest) return null;
    const [facts] = await loadObligations(
      this.dataSource.manager,
      user.organisationId,
      todayIn(user.timeZone),
      'c.id = $3',
      [latest.id],
    );
    return toView(facts);
  }

  /** HR's list: every obligation not met that falls due by the end of the month, late ones first. */
  async due(user: AuthUser, month: string | undefined): Promise<DueObligations> {
    const today = todayIn(user.timeZone);
    const chosen = month ?? today.slice(0, 7);
    const monthEnd = lastDayOfMonth(chosen);
    const all = await currentObligations(this.dataSource.manager, user.organisationId, today);
    const items: DueObligation[] = all
      .flatMap((facts) =>
        facts.items.map((item) => ({
          ...item,
          personId: facts.personId,
          personName: facts.personName,
          contractId: facts.contractId,
          contractType: facts.contractType,
        })),
      )
      .filter((item) => item.status !== 'fait' && item.due !== null && item.due <= monthEnd)
      .sort(
        (a, b) =>
          (a.due as string).localeCompare(b.due as string) ||
          a.personName.localeCompare(b.personName, 'fr'),
      );
    return { month: chosen, items };
  }

  async record(
    user: AuthUser,
    contractId: string,
    body: RecordObligationDto,
  ): Promise<ContractObligations> {
    const obligation = body.code;
    const spec = OBLIGATION_FIELDS[obligation];
    if (!spec) {
      refuse(
        'Cette obligation se suit d’elle-même à partir des faits (formations, tuteur, certificats) : rien à enregistrer.',
        'code',
        'suivie par les faits',
      );
    }
    const today = todayIn(user.timeZone);
    if (body.doneOn > today) {
      refuse(
        `La date ne peut pas être dans le futur (${formatDate(body.doneOn)}).`,
        'doneOn',
        'dans le futur',
      );
    }
    const outcome = body.outcome ?? null;
    if (spec.outcome && (outcome === null || !spec.outcome.values.includes(outcome))) {
      refuse(
        `${spec.outcome.label} : choisissez parmi ${spec.outcome.values
          .map((value) => OBLIGATION_OUTCOME_LABELS[value])
          .join(', ')}.`,
        'outcome',
        outcome === null ? 'requis' : 'valeur inconnue',
      );
    }
    if (!spec.outcome && outcome !== null) {
      refuse('Cette obligation n’a pas de décision à choisir.', 'outcome', 'non attendu');
    }
    const reference = body.reference?.trim() || null;
    const moduleCodes = [...new Set(body.moduleCodes ?? [])];
    if (!spec.modules && moduleCodes.length) {
      refuse('Cette obligation ne déclare pas de formations.', 'moduleCodes', 'non attendu');
    }
    if (spec.reference && !spec.modules && reference === null) {
      refuse(`${spec.reference.label} : à renseigner.`, 'reference', 'requis');
    }
    if (!spec.reference && reference !== null) {
      refuse('Cette obligation n’a pas de texte à renseigner.', 'reference', 'non attendu');
    }
    if (spec.modules && moduleCodes.length === 0 && reference === null) {
      refuse(
        'Déclarez au moins une formation ou une action d’accompagnement de la demande d’aide.',
        'moduleCodes',
        'requis',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const [facts] = await loadObligations(
        manager,
        user.organisationId,
        today,
        'c.id = $3',
        [contractId],
        true,
      );
      if (!facts) throw new NotFoundException('Contrat introuvable.');
      if (!facts.items.some((item) => item.code === obligation)) {
        refuse(
          `Cette obligation ne concerne pas ce contrat (${CONTRACT_TYPE_LABELS[facts.contractType]}).`,
          'code',
          'ne concerne pas ce contrat',
        );
      }
      this.checkAgainstContract(obligation, facts, body.doneOn, outcome);
      if (moduleCodes.length) {
        const known: { code: string }[] = await manager.query(
          `SELECT code FROM training_module WHERE organisation_id = $1 AND code = ANY($2)`,
          [user.organisationId, moduleCodes],
        );
        const unknown = moduleCodes.filter((c) => !known.some((row) => row.code === c));
        if (unknown.length) {
          refuse(
            `Formation inconnue du catalogue : ${unknown.join(', ')}.`,
            'moduleCodes',
            'inconnue',
          );
        }
      }
      const existing = await manager.findOneBy(ContractObligationEntity, {
        contractId,
        code: obligation,
      });
      const values = {
        doneOn: body.doneOn,
        outcome,
        reference,
        moduleCodes,
        evidence: body.evidence?.trim() || null,
        recordedBy: user.accountId,
      };
      if (existing) {
        await manager.update(
          ContractObligationEntity,
          { id: existing.id },
          { ...values, recordedAt: new Date() },
        );
      } else {
        await manager.insert(ContractObligationEntity, {
          ...values,
          organisationId: user.organisationId,
          contractId,
          code: obligation,
        });
      }
      await this.audit.record(manager, user, {
        action: existing ? 'obligation.update' : 'obligation.record',
        entity: 'contract',
        entityId: contractId,
        details: { code: obligation, doneOn: body.doneOn, outcome },
      });
      const [after] = await loadObligations(manager, user.organisationId, today, 'c.id = $3', [
        contractId,
      ]);
      return toView(after);
    });
  }

  /** Takes back what was recorded by mistake: the obligation is open again. */
  async remove(user: AuthUser, recordId: string): Promise<ContractObligations> {
    const today = todayIn(user.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOneBy(ContractObligationEntity, {
        id: recordId,
        organisationId: user.organisationId,
      });
      if (!record) throw new NotFoundException('Rien n’est enregistré sous cet identifiant.');
      await loadObligations(
        manager,
        user.organisationId,
        today,
        'c.id = $3',
        [record.contractId],
        true,
      );
      await manager.delete(ContractObligationEntity, { id: record.id });
      await this.audit.record(manager, user, {
        action: 'obligation.remove',
        entity: 'contract',
        entityId: record.contractId,
        details: { code: record.code },
      });
      const [after] = await loadObligations(manager, user.organisationId, today, 'c.id = $3', [
        record.contractId,
      ]);
      return toView(after);
    });
  }

  /** The refusals that depend on the contract: dates around its end, the convention's renewal. */
  private checkAgainstContract(
    code: ObligationCode,
    facts: ObligationFacts,
    doneOn: string,
    outcome: string | null,
  ): void {
    const { start, end } = facts.contract;
    if (code === 'PEC_EXIT_INTERVIEW' && (doneOn < start || (end !== null && doneOn > end))) {
      refuse(
        `L’entretien de sortie se tient pendant le contrat, avant sa fin${
          end ? ` le ${formatDate(end)}` : ''
        }.`,
        'doneOn',
        'hors du contrat',
      );
    }
    if (
      code === 'AR_CONVENTION_END' &&
      (outcome === 'renouvellement_demande' || outcome === 'renouvelee') &&
      conventionRenewedOnce(facts.contract)
    ) {
      refuse(
        'La convention adulte-relais a déjà été renouvelée une fois : elle ne peut plus l’être (3 ans, renouvelable une fois).',
        'outcome',
        'déjà renouvelée',
      );
    }
  }
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function toView(facts: ObligationFacts): ContractObligations {
  return {
    personId: facts.personId,
    contractId: facts.contractId,
    contractType: facts.contractType,
    items: facts.items,
  };
}

/** Each person's latest contract still running or ended within three months, with its obligations. */
export function currentObligations(
  manager: EntityManager,
  organisationId: string,
  today: string,
): Promise<ObligationFacts[]> {
  return loadObligations(
    manager,
    organisationId,
    today,
    `c.id IN (SELECT DISTINCT ON (l.person_id) l.id FROM contract l
               WHERE l.organisation_id = $1 ORDER BY l.person_id, l.start_date DESC)
     AND (c.end_date IS NULL OR c.end_date >= $2::date - 92)`,
    [],
  );
}

/**
 * The obligations of the contracts `where` selects ($1 organisation, $2 today, then `params`):
 * a handful of queries whatever their number. `lock` takes the contracts' rows for a write.
 */
export async function loadObligations(
  manager: EntityManager,
  organisationId: string,
  today: string,
  where: string,
  params: unknown[],
  lock = false,
): Promise<ObligationFacts[]> {
  const rows: ContractFactsRow[] = await manager.query(
    `${CONTRACT_FACTS} WHERE c.organisation_id = $1 AND ${where} ORDER BY c.id${
      lock ? ' FOR UPDATE OF c' : ''
    }`,
    [organisationId, today, ...params],
  );
  if (rows.length === 0) return [];
  const people = [...new Set(rows.map((row) => row.person_id))];
  const done: { person_id: string; code: string; completed_on: string }[] = await manager.query(
    `SELECT r.person_id, m.code, to_char(max(r.completed_on), 'YYYY-MM-DD') AS completed_on
       FROM training_record r JOIN training_module m ON m.id = r.module_id
      WHERE r.person_id = ANY($1) GROUP BY r.person_id, m.code`,
    [people],
  );
  const records: {
    contract_id: string;
    code: ObligationCode;
    done_on: string;
    outcome: string | null;
    reference: string | null;
    module_codes: string[];
    evidence: string | null;
    recorded_by: string | null;
    recorded_at: Date;
    id: string;
  }[] = await manager.query(
    `SELECT o.id, o.contract_id, o.code, to_char(o.done_on, 'YYYY-MM-DD') AS done_on, o.outcome, o.reference,
            o.module_codes, o.evidence, o.recorded_at,
            rp.first_name || ' ' || rp.last_name AS recorded_by
       FROM contract_obligation o
       LEFT JOIN account a ON a.id = o.recorded_by LEFT JOIN person rp ON rp.id = a.person_id
      WHERE o.contract_id = ANY($1)`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) => {
    const contract: ObligationContract = {
      type: row.type,
      start: row.start_date,
      end: row.end_date,
      conventionNumber: row.convention_number,
      conventionStart: row.convention_start,
      conventionEnd: row.convention_end,
      tutorId: row.tutor_id,
      trainingHours: row.training_hours,
      renewedOn: row.renewed_on,
    };
    const recorded = new Map<ObligationCode, ObligationRecord>(
      records
        .filter((record) => record.contract_id === row.id)
        .map((record) => [
          record.code,
          {
            id: record.id,
            doneOn: record.done_on,
            outcome: record.outcome,
            reference: record.reference,
            moduleCodes: record.module_codes,
            evidence: record.evidence,
            recordedBy: record.recorded_by,
            recordedAt: new Date(record.recorded_at).toISOString(),
          },
        ]),
    );
    return {
      contractId: row.id,
      personId: row.person_id,
      personName: row.person_name,
      homeSiteId: row.home_site_id,
      contractType: row.type,
      contract,
      items: contractObligations({
        today,
        contract,
        records: recorded,
        modulesDone: new Map(
          done
            .filter((module) => module.person_id === row.person_id)
            .map((module) => [module.code, module.completed_on]),
        ),
        trainingHoursAttended: row.attended_minutes / 60,
        tutorProTutees: row.tutor_pro_tutees,
        franceServices: row.france_services,
        aidantsConnectSince: row.ac_since,
      }),
    };
  });
}
