import type { ApiError, Contract, ExitRecord, Pathway } from '@relais/api-types';
import { addDays, addMonths } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

// Plans recomputed on every contract change, what moved shown to HR, and milestones closed by
// the facts that fulfil them (issue #21), over HTTP on PostgreSQL.
describe('pathway plans that follow the contracts (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.dataSource.query(sql, params);
    return row as T;
  }

  const personId = async (lastName: string) =>
    (await one<{ id: string }>('SELECT id FROM person WHERE last_name = $1', [lastName])).id;
  const pathway = async (person: string) =>
    (await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie: hr })).body;
  const milestone = (p: Pathway, code: string) => p.milestones.find((m) => m.code === code);
  const contracts = async (person: string) =>
    (await t.request<Contract[]>('GET', `/api/people/${person}/contracts`, { cookie: hr })).body;

  it('moves the end milestones when a PEC is renewed, and tells HR what moved', async () => {
    const person = await personId('Fontaine');
    const before = await pathway(person);
    const current = (await contracts(person)).at(-1);
    if (!current?.end) throw new Error('seed: S25 has a PEC with an end');
    const end = addMonths(current.end, 6);
    const renewal = await t.request<Contract & ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: person,
        type: 'PEC',
        start: addDays(current.end, 1),
        end,
        weeklyHours: current.weeklyHours,
        renewalOf: current.id,
        tutorId: current.tutorId,
        justification: 'Renouvellement accordé par le prescripteur.',
      },
    });
    expect(renewal.status).toBe(201);
    const after = await pathway(person);
    expect(after.contractEnd).toBe(end);
    // Exit interview one month before the new end, exit on it, follow-up six months after.
    expect(milestone(after, 'P12')?.due).toBe(addMonths(end, -1));
    expect(milestone(after, 'P13')?.due).toBe(end);
    expect(milestone(after, 'P14')?.due).toBe(addMonths(end, 6));
    expect(milestone(after, 'P13')?.due).not.toBe(milestone(before, 'P13')?.due);
    const [change] = after.planChanges;
    expect(change).toMatchObject({ reason: 'contract_renew', contractType: null });
    expect(change.moves).toContainEqual({
      code: 'P13',
      title: 'Sortie qualifiée',
      before: current.end,
      after: end,
    });
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'pathway_plan.recompute' AND details->>'personId' = $1`,
        [person],
      ),
    ).toEqual({ n: 1 });
  });

  it('keeps a due day HR moved by hand; follows a change of type (PEC → adulte-relais)', async () => {
    const person = await personId('Lévy');
    const start = await pathway(person);
    const p11 = milestone(start, 'P11');
    if (!p11?.due) throw new Error('seed: S19 has P11');
    const handMoved = addDays(p11.due, 10);
    expect(
      (
        await t.request('PATCH', `/api/pathways/milestones/${p11.id}`, {
          cookie: hr,
          body: { dueOn: handMoved },
        })
      ).status,
    ).toBe(200);
    const current = (await contracts(person)).at(-1);
    if (!current?.end) throw new Error('seed: S19 has a PEC with an end');
    // The adulte-relais checks the hiring facts: 26 or more, out of work, living in a QPV.
    const eligible = await t.request('PUT', `/api/people/${person}/eligibility`, {
      cookie: hr,
      body: {
        birthDate: '1990-04-12',
        isPecExtendedCapEligible: false,
        isOutOfWorkAtHiring: true,
        qpvName: 'Porte de Vanves',
        qpvCheckedOn: current.start,
        prefectException: null,
      },
    });
    expect(eligible.status).toBe(200);
    const corrected = await t.request<Contract & ApiError>(
      'PATCH',
      `/api/contracts/${current.id}`,
      {
        cookie: hr,
        body: {
          type: 'ADULTE_RELAIS',
          end: addDays(addMonths(current.start, 36), -1),
          conventionNumber: 'AR-075-2025-014',
          conventionStart: current.start,
          conventionEnd: addDays(addMonths(current.start, 36), -1),
          justification: 'Poste adulte-relais obtenu.',
        },
      },
    );
    expect(corrected.status).toBe(200);
    const after = await pathway(person);
    expect(after.contractType).toBe('ADULTE_RELAIS');
    // The adulte-relais template adds the Aidants Connect habilitation and the title (P04, P09).
    expect(milestone(after, 'P04')).toBeDefined();
    expect(milestone(after, 'P09')).toBeDefined();
    expect(milestone(after, 'P11')?.due).toBe(handMoved);
    const [change] = after.planChanges;
    expect(change).toMatchObject({
      reason: 'contract_correct',
      contractType: { before: 'PEC', after: 'ADULTE_RELAIS' },
      kept: ['P11'],
    });
    expect(change.moves.map((move) => move.code)).toEqual(
      expect.arrayContaining(['P04', 'P09', 'P12', 'P13']),
    );
  });

  it('closes the follow-up milestone when the 6-month follow-up is recorded, never by hand', async () => {
    // A PEC that ended seven months ago (SQL fixture), its exit recorded over HTTP.
    const [site] = await t.dataSource.query(
      `SELECT id, organisation_id FROM site WHERE code = 'S'`,
    );
    const [person] = await t.dataSource.query(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id)
       VALUES ($1, 'Awa', 'Suivie', $2) RETURNING id`,
      [site.organisation_id, site.id],
    );
    const end = addMonths(today, -7);
    const [contract] = await t.dataSource.query(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours)
       VALUES ($1, $2, 'PEC', $3, $4, 26) RETURNING id`,
      [site.organisation_id, person.id, addMonths(end, -12), end],
    );
    const exit = await t.request<ExitRecord>('POST', '/api/exits', {
      cookie: hr,
      body: { contractId: contract.id, exitDate: end, outcome: 'CDD', jobMonths: 12 },
    });
    expect(exit.status).toBe(201);
    const open = milestone(await pathway(person.id), 'P14');
    expect(open).toMatchObject({ due: addMonths(end, 6), doneOn: null, status: 'en_retard' });
    const byHand = await t.request<ApiError>('PATCH', `/api/pathways/milestones/${open?.id}`, {
      cookie: hr,
      body: { doneOn: today },
    });
    expect(byHand.status).toBe(422);
    expect(byHand.body.details).toEqual([
      { field: 'doneOn', message: 'fermé par les faits, pas à la main' },
    ]);
    const followUp = await t.request('PUT', `/api/exits/${exit.body.id}/follow-up`, {
      cookie: hr,
      body: { situation: 'EMPLOI_DURABLE', contactedOn: today },
    });
    expect(followUp.status).toBe(200);
    expect(milestone(await pathway(person.id), 'P14')).toMatchObject({
      doneOn: today,
      status: 'fait',
    });
  });

  it('marks first aid done only while the certificate is valid, and P01 with the contract’s tutor', async () => {
    const person = await personId('Fontaine');
    await t.dataSource.query(
      `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on, expires_on)
       SELECT organisation_id, id, 'sst', $2, $3 FROM person WHERE id = $1`,
      [person, addMonths(today, -25), addDays(today, -1)],
    );
    // Expired yesterday: not done.
    expect(milestone(await pathway(person), 'P06')).toMatchObject({ doneOn: null });
    await t.dataSource.query(
      `UPDATE person_skill SET expires_on = $2 WHERE person_id = $1 AND skill = 'sst'`,
      [person, addDays(today, 30)],
    );
    expect(milestone(await pathway(person), 'P06')).toMatchObject({
      doneOn: addMonths(today, -25),
      status: 'fait',
    });
    // The tutor milestone follows the tutor named on the current contract.
    expect(milestone(await pathway(person), 'P01')?.status).toBe('fait');
    const current = (await contracts(person)).at(-1);
    await t.dataSource.query(`UPDATE contract SET tutor_id = NULL WHERE id = $1`, [current?.id]);
    expect(milestone(await pathway(person), 'P01')).toMatchObject({ doneOn: null });
  });
});
