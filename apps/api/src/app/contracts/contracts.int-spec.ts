import type { ApiError, Contract, PersonDetail, PersonSummary } from '@relais/api-types';
import { addDays, addMonths, checkContract } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { PersonEntity } from '../people/person.entity';
import { ContractJobsService } from './contract-jobs.service';
import { ContractEntity } from './contract.entity';
import { contractPerson, toDraft } from './contracts.service';

describe('contracts over HTTP (group D)', () => {
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

  async function personId(lastName: string): Promise<string> {
    const [row] = await t.dataSource.query('SELECT id FROM person WHERE last_name = $1', [
      lastName,
    ]);
    return row.id;
  }

  async function contractCount(): Promise<number> {
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM contract');
    return row.n;
  }

  async function newPerson(lastName: string, email?: string): Promise<PersonSummary> {
    const [site] = await t.dataSource.query(`SELECT id FROM site WHERE code = 'S'`);
    const response = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: { firstName: 'Test', lastName, email, homeSiteId: site.id, role: 'mediator' },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('seeds contracts that pass every blocking group-D check', async () => {
    const contracts = await t.dataSource
      .getRepository(ContractEntity)
      .find({ order: { startDate: 'ASC' } });
    expect(new Set(contracts.map((contract) => contract.personId)).size).toBe(35);
    const people = await t.dataSource.getRepository(PersonEntity).find();
    for (const contract of contracts) {
      const person = people.find((candidate) => candidate.id === contract.personId);
      const previous = contracts.filter(
        (other) => other.personId === contract.personId && other.id !== contract.id,
      );
      const blocking = checkContract({
        contract: toDraft(contract),
        previousContracts: previous.map(toDraft),
        person: person ? contractPerson(person) : { id: contract.personId },
      }).filter((violation) => violation.severity === 'block');
      expect({ contract: `${contract.type} ${contract.startDate}`, blocking }).toEqual({
        contract: `${contract.type} ${contract.startDate}`,
        blocking: [],
      });
    }
  });

  it('refuses a PEC at 18 h a week (PEC_HOURS) without writing anything, then accepts 20 h', async () => {
    const person = await newPerson('Pec');
    const tutorId = await personId('Meziane');
    const start = addDays(today, 7);
    const body = {
      personId: person.id,
      type: 'PEC',
      start,
      end: addDays(addMonths(start, 12), -1),
      weeklyHours: 18,
      tutorId,
    };
    const before = await contractCount();
    const refused = await t.request<ApiError>('POST', '/api/contracts', { cookie: hr, body });
    expect(refused.status).toBe(422);
    expect(refused.body.violations?.map((violation) => violation.rule)).toEqual(['PEC_HOURS']);
    expect(refused.body.message).toContain('20 h');
    expect(await contractCount()).toBe(before);

    const accepted = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: { ...body, weeklyHours: 20 },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      type: 'PEC',
      weeklyHours: 20,
      status: 'upcoming',
      start,
    });
    expect(await contractCount()).toBe(before + 1);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'contract.create' AND entity_id = $1`,
      [accepted.body.id],
    );
    expect(audit.n).toBe(1);
  });

  it('refuses to renew a CDD that already reaches 18 months (CDD_MAX_DURATION)', async () => {
    const id = await personId('Ould-Ahmed');
    const contracts = (
      await t.request<Contract[]>('GET', `/api/people/${id}/contracts`, { cookie: hr })
    ).body;
    const last = contracts.at(-1);
    if (!last?.end) throw new Error('seed: S34 has a CDD');
    const refused = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: id,
        type: 'CDD',
        start: addDays(last.end, 1),
        end: addDays(last.end, 1),
        weeklyHours: 35,
        reason: 'temporary_increase',
        renewalOf: last.id,
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations?.map((violation) => violation.rule)).toContain(
      'CDD_MAX_DURATION',
    );
  });

  it.each([
    ['an end before the start', { end: 'START-1' }, 'end'],
    ['a CDI with an end date', { type: 'CDI', end: 'START+30' }, 'end'],
    ['a CDD without an end date', { end: null }, 'end'],
  ])('refuses %s with a 422 naming the field', async (_label, override, field) => {
    const person = await newPerson(`Dates${field}${Math.random()}`);
    const start = addDays(today, 14);
    const resolve = (value: unknown) =>
      value === 'START-1' ? addDays(start, -1) : value === 'START+30' ? addDays(start, 30) : value;
    const body: Record<string, unknown> = {
      personId: person.id,
      type: 'CDD',
      start,
      end: addDays(start, 90),
      weeklyHours: 35,
      reason: 'temporary_increase',
    };
    for (const [key, value] of Object.entries(override)) body[key] = resolve(value);
    const response = await t.request<ApiError>('POST', '/api/contracts', { cookie: hr, body });
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([expect.objectContaining({ field })]);
  });

  it('refuses a second contract overlapping the first', async () => {
    const id = await personId('Traoré');
    const response = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: id,
        type: 'CDD',
        start: today,
        end: addDays(today, 30),
        weeklyHours: 35,
        reason: 'temporary_increase',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/chevauche le contrat ADULTE_RELAIS/);
    expect(response.body.details).toEqual([
      { field: 'start', message: 'chevauche un autre contrat' },
    ]);
  });

  it('answers 400 naming the field for wrong types and unknown fields', async () => {
    const response = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: 'pas-un-uuid',
        type: 'CDX',
        start: '2026-02-30',
        weeklyHours: 'beaucoup',
        salary: 2000,
      },
    });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[])
      .map((detail) => detail.field)
      .sort();
    expect(fields).toEqual(['personId', 'salary', 'start', 'type', 'weeklyHours']);
  });

  it('only HR and admin create contracts', async () => {
    const manager = await t.login('manager.sud@relais.demo');
    const response = await t.request('POST', '/api/contracts', {
      cookie: manager,
      body: {
        personId: await personId('Traoré'),
        type: 'CDI',
        start: addDays(today, 400),
        weeklyHours: 35,
      },
    });
    expect(response.status).toBe(403);
  });

  it('lists contracts ending within 6 months in the caller’s scope, renewed ones excluded', async () => {
    const all = await t.request<(Contract & { personName: string })[]>(
      'GET',
      '/api/contracts/ending?months=6',
      { cookie: hr },
    );
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(3);
    const ends = all.body.map((contract) => contract.end ?? '');
    expect(ends).toEqual([...ends].sort());
    expect(ends.every((end) => end >= today && end <= addMonths(today, 6))).toBe(true);

    const managerEst = await t.login('manager.est@relais.demo');
    const scoped = await t.request<(Contract & { siteId: string })[]>(
      'GET',
      '/api/contracts/ending',
      { cookie: managerEst },
    );
    const [est] = await t.dataSource.query(`SELECT id FROM site WHERE code = 'E'`);
    expect(scoped.body.length).toBeGreaterThan(0);
    expect(scoped.body.every((contract) => contract.siteId === est.id)).toBe(true);
  });

  it('disables the account and revokes its sessions when the last contract has ended', async () => {
    const person = await newPerson('Sortant', 'sortant@relais.demo');
    const invitation = await t.request<{ url: string }>(
      'POST',
      `/api/people/${person.id}/invitation`,
      { cookie: hr },
    );
    expect(invitation.status).toBe(201);
    const token = invitation.body.url.split('/').at(-1);
    const accepted = await t.request('POST', '/api/auth/accept-link', {
      body: { token, password: 'un-mot-de-passe-long' },
    });
    expect(accepted.status).toBe(204);
    const reused = await t.request<ApiError>('POST', '/api/auth/accept-link', {
      body: { token, password: 'un-autre-mot-de-passe' },
    });
    expect(reused.status).toBe(422);
    const cookie = await t.login('sortant@relais.demo', 'un-mot-de-passe-long');

    const created = await t.request('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: person.id,
        type: 'CDD',
        start: addDays(today, -60),
        end: addDays(today, -1),
        weeklyHours: 35,
        reason: 'temporary_increase',
      },
    });
    expect(created.status).toBe(201);
    const jobs = t.app.get(ContractJobsService);
    const result = await jobs.runDaily(today);
    expect(result.disabledAccounts).toHaveLength(1);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'sortant@relais.demo', password: 'un-mot-de-passe-long' },
    });
    expect(login.status).toBe(401);
    // Demo accounts keep their contracts in force: nobody else is disabled.
    expect((await jobs.runDaily(today)).disabledAccounts).toEqual([]);
  });

  it('raises each CONTRACT_ENDING reminder once', async () => {
    const jobs = t.app.get(ContractJobsService);
    await jobs.runDaily(today);
    const [first] = await t.dataSource.query('SELECT count(*)::int AS n FROM contract_alert');
    expect(first.n).toBeGreaterThan(0);
    expect((await jobs.runDaily(today)).alerts).toBe(0);
    const [second] = await t.dataSource.query('SELECT count(*)::int AS n FROM contract_alert');
    expect(second.n).toBe(first.n);
  });

  it('shows a person with contracts, skills and absences to HR', async () => {
    const id = await personId('Raman');
    const response = await t.request<PersonDetail>('GET', `/api/people/${id}`, { cookie: hr });
    expect(response.status).toBe(200);
    expect(response.body.currentContract).toMatchObject({
      type: 'CDI',
      weeklyHours: 28,
      status: 'active',
    });
    expect(response.body.plannedThisWeek.minutes).toBeGreaterThan(0);
    expect(response.body.plannedThisWeek.minutes).toBeLessThanOrEqual(28 * 60);
    expect(response.body.skills.map((skill) => skill.skill).sort()).toEqual([
      'aidants_connect',
      'france_services_initial',
      'sst',
    ]);
  });
});
