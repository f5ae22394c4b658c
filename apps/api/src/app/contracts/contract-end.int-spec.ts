import type {
  ApiError,
  Contract,
  EndContractResult,
  ExitRecord,
  HrNote,
  PathwayDashboard,
  PersonDetail,
  PersonSummary,
} from '@relais/api-types';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('contracts ended early and corrected, HR notes, people search (over HTTP)', () => {
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

  let counter = 0;
  async function newPerson(siteCode = 'S'): Promise<PersonSummary> {
    const [site] = await t.dataSource.query(`SELECT id FROM site WHERE code = $1`, [siteCode]);
    const response = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: 'Essai',
        lastName: `Fin ${++counter}`,
        homeSiteId: site.id,
        role: 'mediator',
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function newContract(body: Record<string, unknown>): Promise<Contract> {
    const response = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: { weeklyHours: 35, ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** A CDD in force: started 2 months ago, ending in 4 months. */
  async function personWithCdd(): Promise<{ person: PersonSummary; contract: Contract }> {
    const person = await newPerson();
    const contract = await newContract({
      personId: person.id,
      type: 'CDD',
      start: addDays(today, -60),
      end: addDays(today, 120),
      reason: 'temporary_increase',
    });
    return { person, contract };
  }

  async function exitRows(contractId: string): Promise<{ category: string | null }[]> {
    return t.dataSource.query(`SELECT category FROM exit_record WHERE contract_id = $1`, [
      contractId,
    ]);
  }

  async function stored(id: string): Promise<{ end_date: string | null; end_reason: string }> {
    const [row] = await t.dataSource.query(
      `SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason FROM contract WHERE id = $1`,
      [id],
    );
    return row;
  }

  describe('the motif of a CDD (L1242-2)', () => {
    it('refuses a CDD without its motif with a 400 naming the field, and writes nothing', async () => {
      const person = await newPerson();
      const response = await t.request<ApiError>('POST', '/api/contracts', {
        cookie: hr,
        body: {
          personId: person.id,
          type: 'CDD',
          start: addDays(today, 10),
          end: addDays(today, 100),
          weeklyHours: 35,
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect(response.body.message).toContain('motif de recours');
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM contract WHERE person_id = $1`,
        [person.id],
      );
      expect(row.n).toBe(0);
    });

    it('refuses to correct a contract into a CDD without a motif', async () => {
      const person = await newPerson();
      const contract = await newContract({
        personId: person.id,
        type: 'CDI',
        start: addDays(today, 10),
      });
      const response = await t.request<ApiError>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body: { type: 'CDD', end: addDays(today, 100) },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      const [row] = await t.dataSource.query(`SELECT type FROM contract WHERE id = $1`, [
        contract.id,
      ]);
      expect(row.type).toBe('CDI');
    });
  });

  describe('correcting a contract', () => {
    it('changes the data, checks it like a new contract and audits before and after', async () => {
      const { contract } = await personWithCdd();
      const absent = await newPerson();
      const corrected = await t.request<Contract>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body: { weeklyHours: 28, reason: 'replacement', replacedPersonId: absent.id },
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({
        weeklyHours: 28,
        reason: 'replacement',
        replacedPersonId: absent.id,
      });
      const [audit] = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'contract.correct' AND entity_id = $1`,
        [contract.id],
      );
      expect(audit.details).toMatchObject({
        before: { weeklyHours: 35, reason: 'temporary_increase' },
        after: { weeklyHours: 28, reason: 'replacement', replacedPersonId: absent.id },
      });

      const refused = await t.request<ApiError>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body: { end: addDays(contract.start, -1) },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'end' })]);
      expect((await stored(contract.id)).end_date).toBe(contract.end);
    });
  });

  describe('ending a contract early', () => {
    it('ends a CDD by common agreement, audits it and opens the exit record to complete', async () => {
      const { person, contract } = await personWithCdd();
      const end = addDays(today, 5);
      const response = await t.request<EndContractResult>(
        'POST',
        `/api/contracts/${contract.id}/end`,
        { cookie: hr, body: { end, reason: 'mutual_agreement' } },
      );
      expect(response.status).toBe(200);
      expect(response.body.contract).toMatchObject({
        end,
        endReason: 'mutual_agreement',
        plannedEnd: contract.end,
        status: 'active',
      });
      expect(response.body.exitRecordId).toEqual(expect.any(String));
      expect(await exitRows(contract.id)).toEqual([{ category: null }]);
      const [audit] = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'contract.end' AND entity_id = $1`,
        [contract.id],
      );
      expect(audit.details).toMatchObject({
        reason: 'mutual_agreement',
        before: { end: contract.end },
        after: { end },
      });

      // The record to complete counts in no rate and waits on the HR dashboard…
      const exits = await t.request<ExitRecord[]>('GET', '/api/exits', { cookie: hr });
      expect(exits.body.map((exit) => exit.personId)).not.toContain(person.id);
      const dashboard = await t.request<PathwayDashboard>('GET', '/api/reports/pathways', {
        cookie: hr,
      });
      expect(dashboard.body.missingExits.map((row) => row.contractId)).toContain(contract.id);

      // …until the exit form completes it (no 409 for the record opened here).
      const completed = await t.request<ExitRecord>('POST', '/api/exits', {
        cookie: hr,
        body: { contractId: contract.id, exitDate: end, category: 'AUTRE_SORTIE' },
      });
      expect(completed.status).toBe(201);
      expect(completed.body.id).toBe(response.body.exitRecordId);
      expect(await exitRows(contract.id)).toEqual([{ category: 'AUTRE_SORTIE' }]);
    });

    it('opens no exit record when a later contract follows', async () => {
      const { person, contract } = await personWithCdd();
      await newContract({
        personId: person.id,
        type: 'CDI',
        start: addDays(today, 200),
      });
      const response = await t.request<EndContractResult>(
        'POST',
        `/api/contracts/${contract.id}/end`,
        { cookie: hr, body: { end: addDays(today, 10), reason: 'permanent_job_elsewhere' } },
      );
      expect(response.status).toBe(200);
      expect(response.body.exitRecordId).toBeNull();
      expect(await exitRows(contract.id)).toEqual([]);
    });

    it('refuses a ground the contract type does not allow, in French, naming the field', async () => {
      const { contract } = await personWithCdd();
      const response = await t.request<ApiError>('POST', `/api/contracts/${contract.id}/end`, {
        cookie: hr,
        body: { end: addDays(today, 5), reason: 'resignation' },
      });
      expect(response.status).toBe(422);
      expect(response.body.message).toContain('« Démission » ne met pas fin à un contrat à durée');
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect(await stored(contract.id)).toEqual({ end_date: contract.end, end_reason: null });
      expect(await exitRows(contract.id)).toEqual([]);
    });

    it('lets a CDI end by resignation but not by force majeure', async () => {
      const person = await newPerson();
      const contract = await newContract({
        personId: person.id,
        type: 'CDI',
        start: addDays(today, -300),
      });
      const refused = await t.request<ApiError>('POST', `/api/contracts/${contract.id}/end`, {
        cookie: hr,
        body: { end: addDays(today, 30), reason: 'force_majeure' },
      });
      expect(refused.status).toBe(422);
      const ended = await t.request<EndContractResult>(
        'POST',
        `/api/contracts/${contract.id}/end`,
        { cookie: hr, body: { end: addDays(today, 30), reason: 'resignation' } },
      );
      expect(ended.status).toBe(200);
      expect(ended.body.contract).toMatchObject({ end: addDays(today, 30), plannedEnd: null });
    });

    it.each([
      ['before the start', -61, 'précède le début du contrat'],
      ['after the planned end', 121, 'suit la fin prévue du contrat'],
    ])('refuses an end date %s', async (_label, offset, message) => {
      const { contract } = await personWithCdd();
      const response = await t.request<ApiError>('POST', `/api/contracts/${contract.id}/end`, {
        cookie: hr,
        body: { end: addDays(today, offset), reason: 'mutual_agreement' },
      });
      expect(response.status).toBe(422);
      expect(response.body.message).toContain(message);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'end' })]);
      expect(await stored(contract.id)).toEqual({ end_date: contract.end, end_reason: null });
    });

    it('refuses with a 409 listing the shifts planned after the new end, and changes nothing', async () => {
      const { person, contract } = await personWithCdd();
      const [location] = await t.dataSource.query(
        `SELECT l.id, l.site_id FROM location l JOIN site s ON s.id = l.site_id WHERE s.code = 'S' LIMIT 1`,
      );
      const day = addDays(today, 20);
      await t.dataSource.query(
        `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, break_minutes)
         SELECT organisation_id, $1, $2, $3, 'back_office', $4, $5, 0 FROM person WHERE id = $2`,
        [
          location.site_id,
          person.id,
          location.id,
          `${day}T09:00:00+01:00`,
          `${day}T12:00:00+01:00`,
        ],
      );
      const response = await t.request<ApiError>('POST', `/api/contracts/${contract.id}/end`, {
        cookie: hr,
        body: { end: addDays(today, 10), reason: 'mutual_agreement' },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/^Un créneau est prévu après le /);
      expect(response.body.message).toContain('09:00–12:00');
      expect(await stored(contract.id)).toEqual({ end_date: contract.end, end_reason: null });
      expect(await exitRows(contract.id)).toEqual([]);
    });
  });

  describe('HR notes', () => {
    it('are written and read by HR, never answered to the manager nor to the person', async () => {
      const [mediator] = await t.dataSource.query(
        `SELECT person_id FROM account WHERE email = 'mediateur@relais.demo'`,
      );
      const personId: string = mediator.person_id;
      const text = 'Entretien du 12 : souhaite passer le titre professionnel.';
      const added = await t.request<HrNote>('POST', `/api/people/${personId}/hr-notes`, {
        cookie: hr,
        body: { text },
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ text, authorName: expect.any(String) });

      const listed = await t.request<HrNote[]>('GET', `/api/people/${personId}/hr-notes`, {
        cookie: hr,
      });
      expect(listed.body.map((note) => note.text)).toEqual([text]);

      for (const email of ['manager.sud@relais.demo', 'mediateur@relais.demo']) {
        const cookie = await t.login(email);
        const notes = await t.request('GET', `/api/people/${personId}/hr-notes`, { cookie });
        expect({ email, status: notes.status }).toEqual({ email, status: 403 });
        const record = await t.request<PersonDetail>('GET', `/api/people/${personId}`, { cookie });
        expect(record.status).toBe(200);
        expect(JSON.stringify(record.body)).not.toContain('titre professionnel');
        const deleted = await t.request('DELETE', `/api/hr-notes/${added.body.id}`, { cookie });
        expect(deleted.status).toBe(403);
      }

      const tooLong = await t.request<ApiError>('POST', `/api/people/${personId}/hr-notes`, {
        cookie: hr,
        body: { text: 'x'.repeat(4001) },
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'text' })]);

      const removed = await t.request('DELETE', `/api/hr-notes/${added.body.id}`, { cookie: hr });
      expect(removed.status).toBe(204);
      const after = await t.request<HrNote[]>('GET', `/api/people/${personId}/hr-notes`, {
        cookie: hr,
      });
      expect(after.body).toEqual([]);
    });
  });

  describe('people search', () => {
    it('finds a name whatever the accents and case, and an e-mail', async () => {
      const byName = await t.request<PersonSummary[]>('GET', '/api/people?q=etienne&status=all', {
        cookie: hr,
      });
      expect(byName.status).toBe(200);
      expect(byName.body.map((person) => person.lastName)).toEqual(['Étienne']);

      const byEmail = await t.request<PersonSummary[]>(
        'GET',
        '/api/people?q=MANAGER.SUD@&status=all',
        { cookie: hr },
      );
      expect(byEmail.body.map((person) => person.email)).toEqual(['manager.sud@relais.demo']);
    });

    it('filters by role and sorts last names in French order', async () => {
      const managers = await t.request<PersonSummary[]>(
        'GET',
        '/api/people?role=manager&status=all',
        { cookie: hr },
      );
      expect(managers.body.length).toBeGreaterThan(0);
      expect(managers.body.every((person) => person.role === 'manager')).toBe(true);

      const all = await t.request<PersonSummary[]>('GET', '/api/people?status=all', {
        cookie: hr,
      });
      const names = all.body.map((person) => person.lastName);
      const etienne = names.indexOf('Étienne');
      // "Étienne" sorts with the E's, not after "Vasseur" as a byte order would put it.
      expect(etienne).toBeGreaterThan(-1);
      expect(etienne).toBeLessThan(names.indexOf('Vasseur'));
      expect(names).toEqual([...names].sort((a, b) => new Intl.Collator('fr').compare(a, b) || 0));
    });
  });
});
