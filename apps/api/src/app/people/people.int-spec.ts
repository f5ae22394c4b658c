import type { Absence, ApiError, PersonSummary, StaffRequest } from '@relais/api-types';
import { addDays } from '@relais/rules';
import ExcelJS from 'exceljs';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('people, requests and exports over HTTP', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();
  const siteIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    for (const row of await t.dataSource.query('SELECT id, code FROM site'))
      siteIds[row.code] = row.id;
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

  it('scopes the people list by role', async () => {
    const all = await t.request<PersonSummary[]>('GET', '/api/people?status=all', { cookie: hr });
    expect(all.body).toHaveLength(35);

    const managerEst = await t.login('manager.est@relais.demo');
    const est = await t.request<PersonSummary[]>('GET', '/api/people', { cookie: managerEst });
    expect(est.body.length).toBe(6);
    expect(est.body.every((person) => person.homeSiteId === siteIds['E'])).toBe(true);

    const mediator = await t.login('mediateur@relais.demo');
    const own = await t.request<PersonSummary[]>('GET', '/api/people', { cookie: mediator });
    expect(own.body.map((person) => person.lastName)).toEqual(['Traoré']);
  });

  it('gives 403 to a manager reading a person of another site, 404 for unknown, 400 for a bad id', async () => {
    const managerEst = await t.login('manager.est@relais.demo');
    const other = await t.request<ApiError>('GET', `/api/people/${await personId('Traoré')}`, {
      cookie: managerEst,
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Cette personne ne fait pas partie de votre périmètre.');
    const own = await t.request('GET', `/api/people/${await personId('Belkacem')}`, {
      cookie: managerEst,
    });
    expect(own.status).toBe(200);
    const unknown = await t.request('GET', '/api/people/00000000-0000-4000-8000-000000000000', {
      cookie: hr,
    });
    expect(unknown.status).toBe(404);
    const bad = await t.request<ApiError>('GET', '/api/people/42', { cookie: hr });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'id', message: 'identifiant invalide' }]);
  });

  it('filters by contract type, ending soon and missing qualification', async () => {
    const pec = await t.request<PersonSummary[]>('GET', '/api/people?contractType=PEC', {
      cookie: hr,
    });
    expect(pec.body.length).toBeGreaterThan(0);
    expect(pec.body.every((person) => person.currentContract?.type === 'PEC')).toBe(true);

    const ending = await t.request<PersonSummary[]>('GET', '/api/people?endingWithinDays=90', {
      cookie: hr,
    });
    // The demo has contracts ending within three months (a PEC, a CDD of replacement…).
    expect(ending.body.length).toBeGreaterThan(0);
    expect(
      ending.body.every((person) => person.endingInDays !== null && person.endingInDays <= 90),
    ).toBe(true);

    const noSst = await t.request<PersonSummary[]>('GET', '/api/people?missingSkill=sst', {
      cookie: hr,
    });
    expect(noSst.body.map((person) => person.lastName)).toContain('Fontaine');
    expect(noSst.body.map((person) => person.lastName)).not.toContain('Raman');

    const bad = await t.request<ApiError>('GET', '/api/people?endingWithinDays=lots', {
      cookie: hr,
    });
    expect(bad.status).toBe(400);
  });

  it('lets HR create a person with an account; a manager cannot', async () => {
    const managerSud = await t.login('manager.sud@relais.demo');
    const body = {
      firstName: 'Nour',
      lastName: 'Essai',
      email: 'nour.essai@relais.demo',
      homeSiteId: siteIds['S'],
      role: 'mediator',
    };
    expect((await t.request('POST', '/api/people', { cookie: managerSud, body })).status).toBe(403);
    const created = await t.request<PersonSummary>('POST', '/api/people', { cookie: hr, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      role: 'mediator',
      isAccountActive: true,
      currentContract: null,
    });
    const again = await t.request<ApiError>('POST', '/api/people', { cookie: hr, body });
    expect(again.status).toBe(422);
    expect(again.body.details).toEqual([{ field: 'email', message: 'adresse déjà utilisée' }]);
  });

  it('runs a leave request from the mediator to the manager of their site', async () => {
    const mediator = await t.login('mediateur@relais.demo');
    const start = addDays(today, 20);
    const created = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start, end: addDays(start, 4), comment: 'Congés' },
    });
    expect(created.status).toBe(201);
    const overlapping = await t.request<ApiError>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start: addDays(start, 2), end: addDays(start, 6) },
    });
    expect(overlapping.status).toBe(422);
    const past = await t.request<ApiError>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start: addDays(today, -3), end: addDays(today, -1) },
    });
    expect(past.status).toBe(422);
    expect(past.body.details).toEqual([{ field: 'start', message: 'date passée' }]);

    const managerEst = await t.login('manager.est@relais.demo');
    const foreign = await t.request('POST', `/api/requests/${created.body.id}/decision`, {
      cookie: managerEst,
      body: { status: 'approved' },
    });
    expect(foreign.status).toBe(403);
    const managerSud = await t.login('manager.sud@relais.demo');
    const queue = await t.request<StaffRequest[]>('GET', '/api/requests?status=pending', {
      cookie: managerSud,
    });
    expect(queue.body.map((request) => request.id)).toContain(created.body.id);
    const approved = await t.request<StaffRequest>(
      'POST',
      `/api/requests/${created.body.id}/decision`,
      { cookie: managerSud, body: { status: 'approved', reply: 'Bonnes vacances' } },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const twice = await t.request('POST', `/api/requests/${created.body.id}/decision`, {
      cookie: managerSud,
      body: { status: 'refused' },
    });
    expect(twice.status).toBe(409);
    const absences: { start_date: string }[] = await t.dataSource.query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date FROM absence WHERE person_id = $1`,
      [created.body.personId],
    );
    expect(absences.map((absence) => absence.start_date)).toEqual([start]);
  });

  it('records an absence; the reason stays out of exports', async () => {
    const id = await personId('Fontaine');
    const created = await t.request<Absence>('POST', `/api/people/${id}/absences`, {
      cookie: hr,
      body: {
        kind: 'other',
        start: addDays(today, 3),
        end: addDays(today, 3),
        reason: 'RAISON-CONFIDENTIELLE',
      },
    });
    expect(created.status).toBe(201);
    const csv = await fetch(`${t.baseUrl}/api/exports/people.csv`, { headers: { cookie: hr } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('Nom;Prénom;Site');
    expect(text).toContain('Fontaine');
    expect(text).not.toContain('RAISON-CONFIDENTIELLE');
  });

  it('exports the filtered list as a real XLSX workbook', async () => {
    const response = await fetch(`${t.baseUrl}/api/exports/people.xlsx?contractType=PEC`, {
      headers: { cookie: hr },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Personnes');
    const pec = await t.request<PersonSummary[]>('GET', '/api/people?contractType=PEC', {
      cookie: hr,
    });
    expect(sheet?.rowCount).toBe(pec.body.length + 1);
    // Words, not codes; dates as real dates; hours as a number to sum (shown "24 h" by its format).
    const row = sheet?.getRow(2);
    expect(row?.getCell(6).value).toBe('PEC (CUI-CAE)');
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(
      await (
        await fetch(`${t.baseUrl}/api/exports/people.xlsx`, { headers: { cookie: hr } })
      ).arrayBuffer(),
    );
    const roles = all.getWorksheet('Personnes')?.getColumn(5).values ?? [];
    expect(roles).toContain('Médiateur ou médiatrice');
    expect(roles).toContain('Responsable de site');
    expect(roles).not.toContain('mediator');
    expect(row?.getCell(7).value).toBeInstanceOf(Date);
    expect(row?.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect((row?.getCell(7).value as Date).toISOString().slice(0, 10)).toBe(
      pec.body[0].currentContract?.start,
    );
    expect(typeof row?.getCell(9).value).toBe('number');
    expect(row?.getCell(9).numFmt).toBe('0.##" h"');
    const mediator = await t.login('mediateur@relais.demo');
    expect(
      (await fetch(`${t.baseUrl}/api/exports/people.xlsx`, { headers: { cookie: mediator } }))
        .status,
    ).toBe(403);
  });
});
