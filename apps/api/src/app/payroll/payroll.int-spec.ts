import type {
  ApiError,
  HoursStatementSummary,
  PayrollAdjustment,
  PayrollMappingEntry,
  PayrollMonthView,
  ShiftResult,
  Site,
} from '@relais/api-types';
import ExcelJS from 'exceljs';
import { todayIn } from '../../common/today';
import { pdfText } from '../../testing/pdf-text';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * The month close over HTTP against PostgreSQL: November 2025 at Paris Sud for a part-timer on
 * 24 h with complementary hours beyond 1/10, a Sunday, a public holiday (11 November), a night
 * shift and a sick leave; the close refused while a week is unpublished, the month locked once
 * closed, a correction carried by December, the payroll export, the statement on the phone.
 */
describe('month close, payroll export and hours statement (HTTP)', () => {
  let t: TestApp;
  let hr: string;
  let site: Site;
  let desk: string;
  let person: { id: string; cookie: string };
  const month = '2025-11';
  const shifts: ShiftResult['shift'][] = [];

  const view = async (which = month) =>
    (
      await t.request<PayrollMonthView>('GET', `/api/payroll/months/${which}?siteId=${site.id}`, {
        cookie: hr,
      })
    ).body;

  const shift = async (
    date: string,
    start: string,
    end: string,
    breakMinutes = 0,
    endDate = date,
  ) => {
    const created = await t.request<ShiftResult & ApiError>('POST', '/api/shifts', {
      cookie: hr,
      body: {
        personId: person.id,
        locationId: desk,
        activity: 'accueil',
        start: `${date}T${start}:00+01:00`,
        end: `${endDate}T${end}:00+01:00`,
        breakMinutes,
        note: null,
      },
    });
    if (created.status !== 201) throw new Error(`shift ${date}: ${JSON.stringify(created.body)}`);
    shifts.push(created.body.shift);
    return created.body.shift;
  };

  const publishAsIs = async (week: string) => {
    const rota = await t.request<{ shifts: unknown[] }>(
      'GET',
      `/api/rota?siteId=${site.id}&week=${week}`,
      { cookie: hr },
    );
    const [siteWeek] = await t.dataSource.query(
      `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
       SELECT organisation_id, id, $2, 'published', 1, now() FROM site WHERE id = $1
       ON CONFLICT (site_id, week) DO UPDATE SET status = 'published', version = site_week.version + 1, published_at = now()
       RETURNING id, organisation_id, version`,
      [site.id, week],
    );
    await t.dataSource.query(
      `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts) VALUES ($1, $2, $3, $4)`,
      [siteWeek.organisation_id, siteWeek.id, siteWeek.version, JSON.stringify(rota.body.shifts)],
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie: hr });
    site = sites.body.find((candidate) => candidate.code === 'S') as Site;
    desk = site.locations.find((location) => location.code === 'S')?.id as string;
    person = await newPersonWithAccount(t, hr, {
      lastName: 'Paiemois',
      homeSiteId: site.id,
      contract: { start: '2025-01-01', weeklyHours: 24 },
    });
    // Week 46 of 2025: four days of 5 h 30 (Tuesday 11 is Armistice) and Sunday 16, 5 h:
    // 27 h on a 24 h contract, 2 h 24 at +10 % and 36 min at +25 %.
    for (const day of ['2025-11-10', '2025-11-11', '2025-11-12', '2025-11-13']) {
      await shift(day, '09:00', '15:00', 30);
    }
    await shift('2025-11-16', '10:00', '15:00');
    // Friday 21 20:00 → Saturday 22 02:00: 5 h of night work (21 h → 6 h).
    await shift('2025-11-21', '20:00', '02:00', 0, '2025-11-22');
    const sick = await t.request('POST', `/api/people/${person.id}/absences`, {
      cookie: hr,
      body: { kind: 'sickness', start: '2025-11-03', end: '2025-11-05', reason: null },
    });
    expect(sick.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists the unpublished weeks first and refuses the close with them', async () => {
    const open = await view();
    expect(open.status).toBe('open');
    expect(open.weeks).toEqual(['2025-W44', '2025-W45', '2025-W46', '2025-W47', '2025-W48']);
    const blocking = open.anomalies.filter((anomaly) => anomaly.isBlocking);
    expect(blocking.map((anomaly) => anomaly.week)).toEqual(['2025-W46', '2025-W47']);
    expect(blocking[0].message).toContain('semaine 46');

    const refused = await t.request<ApiError>('POST', '/api/payroll/closes', {
      cookie: hr,
      body: { month: month, siteId: site.id },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('semaine 46');
    expect(refused.body.message).toContain('semaine 47');
    const stored = await t.dataSource.query(`SELECT 1 FROM payroll_month WHERE month = $1`, [
      month,
    ]);
    expect(stored).toHaveLength(0);
  });

  it('computes the variables to the minute once the weeks are published', async () => {
    // Paris Sud had no other staff planned in 2025: its France Services coverage and the
    // 1/10 cap (an agreement would lift it to 1/3) would block the rota's publish button. The
    // weeks are recorded as published exactly as the publication leaves them (week and snapshot).
    for (const week of ['2025-W46', '2025-W47']) await publishAsIs(week);
    const open = await view();
    expect(open.anomalies.filter((anomaly) => anomaly.isBlocking)).toEqual([]);
    const mine = open.people.find((entry) => entry.personId === person.id);
    expect(mine?.quantities).toEqual({
      HEURES_CONTRAT: 6240, // 24 h × 52 / 12 = 104 h
      HEURES_TRAVAILLEES: 4 * 330 + 300 + 360,
      HEURES_FORMATION: 0,
      HEURES_COMPL_10: 144,
      HEURES_COMPL_25: 36,
      HEURES_SUP_25: 0,
      HEURES_SUP_50: 0,
      HEURES_DIMANCHE: 300,
      HEURES_FERIE: 330,
      HEURES_NUIT: 300,
      ABS_CONGES_PAYES: 0,
      ABS_MALADIE: 3,
      ABS_FORMATION: 0,
      ABS_INDISPONIBILITE: 0,
      ABS_AUTRE: 0,
    });
    expect(mine?.contracts).toBe('CDI · 24 h');
    expect(
      open.anomalies.some((a) => a.kind === 'MISSING_PAYROLL_ID' && a.personId === person.id),
    ).toBe(true);
  });

  it('closes the month, then refuses any change to its shifts with a 409 naming it', async () => {
    const payrollId = await t.request('PUT', `/api/payroll/people/${person.id}/payroll-id`, {
      cookie: hr,
      body: { payrollId: 'M0042' },
    });
    expect(payrollId.status).toBe(204);
    const closed = await t.request<PayrollMonthView>('POST', '/api/payroll/closes', {
      cookie: hr,
      body: { month: month, siteId: site.id },
    });
    expect(closed.status).toBe(201);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedByName).toBeTruthy();
    expect(closed.body.people.find((p) => p.personId === person.id)?.payrollId).toBe('M0042');

    const [first] = shifts;
    const moved = await t.request<ApiError>('PATCH', `/api/shifts/${first.id}`, {
      cookie: hr,
      body: { version: first.version, end: '2025-11-10T16:00:00+01:00' },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain(
      'Novembre 2025 est clôturé pour PIMMS Médiation Paris Sud',
    );
    const removed = await t.request<ApiError>(
      'DELETE',
      `/api/shifts/${first.id}?version=${first.version}`,
      {
        cookie: hr,
      },
    );
    expect(removed.status).toBe(409);
    await expect(shift('2025-11-25', '09:00', '12:00')).rejects.toThrow('clôturé');
    const [row] = await t.dataSource.query(`SELECT end_at FROM shift WHERE id = $1`, [first.id]);
    expect(new Date(row.end_at).toISOString()).toBe('2025-11-10T14:00:00.000Z');

    const again = await t.request<ApiError>('POST', '/api/payroll/closes', {
      cookie: hr,
      body: { month: month, siteId: site.id },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('déjà clôturé pour PIMMS Médiation Paris Sud');
  });

  it('carries a correction of the closed month by the next open one, audited', async () => {
    const adjusted = await t.request<PayrollAdjustment>('POST', '/api/payroll/adjustments', {
      cookie: hr,
      body: {
        personId: person.id,
        correctsMonth: month,
        code: 'HEURES_TRAVAILLEES',
        quantity: 1.5,
        reason: 'Réunion du 20 novembre oubliée',
      },
    });
    expect(adjusted.status).toBe(201);
    expect(adjusted.body).toMatchObject({ month: '2025-12', correctsMonth: month, quantity: 90 });
    const december = await view('2025-12');
    expect(december.status).toBe('open');
    expect(december.people.find((p) => p.personId === person.id)?.adjustments).toHaveLength(1);
    const audit = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'payroll.adjust' AND entity_id = $1`,
      [adjusted.body.id],
    );
    expect(audit).toHaveLength(1);

    const notClosed = await t.request<ApiError>('POST', '/api/payroll/adjustments', {
      cookie: hr,
      body: {
        personId: person.id,
        correctsMonth: '2025-10',
        code: 'HEURES_NUIT',
        quantity: 1,
        reason: 'x',
      },
    });
    expect(notClosed.status).toBe(422);
    expect(notClosed.body.message).toContain('Octobre 2025 n’est pas clôturé');
  });

  it('exports the closed month for the payroll software, with the codes HR mapped', async () => {
    const unknown = await t.request<ApiError>('PUT', '/api/payroll/mapping', {
      cookie: hr,
      body: { entries: [{ code: 'HEURES_MAGIQUES', externalCode: '9999' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('HEURES_MAGIQUES');
    const mapped = await t.request<PayrollMappingEntry[]>('PUT', '/api/payroll/mapping', {
      cookie: hr,
      body: { entries: [{ code: 'HEURES_COMPL_10', externalCode: 'HC10' }] },
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body.find((entry) => entry.code === 'HEURES_COMPL_10')?.externalCode).toBe(
      'HC10',
    );

    const csv = await fetch(
      `${t.baseUrl}/api/payroll/months/${month}/export.csv?siteId=${site.id}`,
      {
        headers: { cookie: hr },
      },
    );
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toBe(
      'matricule;nom;periode;code;code_paie;libelle;quantite;unite;taux;mois_corrige',
    );
    const mine = lines.filter((line) => line.startsWith('"M0042"'));
    expect(mine).toContain(
      '"M0042";"Paiemois Inès";"2025-11";"HEURES_COMPL_10";"HC10";"Heures complémentaires à +10 %";2,4;"H";10;',
    );
    expect(mine).toContain(
      '"M0042";"Paiemois Inès";"2025-11";"HEURES_CONTRAT";"HEURES_CONTRAT";"Heures du contrat (mensualisées)";104;"H";;',
    );
    expect(mine.some((line) => line.includes('"ABS_MALADIE"') && line.includes(';3;"J"'))).toBe(
      true,
    );

    const xlsx = await fetch(
      `${t.baseUrl}/api/payroll/months/${month}/export.xlsx?siteId=${site.id}`,
      {
        headers: { cookie: hr },
      },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((row) => row[4] === 'HEURES_NUIT' && row[1] === 'M0042')?.[7]).toBe(5);

    const openMonth = await t.request<ApiError>(
      'GET',
      `/api/payroll/months/2025-12/export.csv?siteId=${site.id}`,
      { cookie: hr },
    );
    expect(openMonth.status).toBe(409);
  });

  it('sends the statement, which the person reads and signs off from the phone', async () => {
    const hrPdf = await fetch(
      `${t.baseUrl}/api/payroll/months/${month}/people/${person.id}/statement.pdf`,
      { headers: { cookie: hr } },
    );
    expect(hrPdf.status).toBe(200);
    const text = await pdfText(await hrPdf.arrayBuffer());
    expect(text).toContain("Relevé d'heures - novembre 2025");
    expect(text).toContain('Paiemois Inès - matricule M0042');
    expect(text).toContain('Heures complémentaires à +10 % : 2 h 24');
    expect(text).toContain('Heures de nuit : 5 h');
    expect(text).toContain('mardi 11/11/2025 : 5 h 30');

    expect(
      (
        await t.request<HoursStatementSummary[]>('GET', '/api/me/statements', {
          cookie: person.cookie,
        })
      ).body,
    ).toEqual([]);
    const sent = await t.request<HoursStatementSummary>('POST', '/api/payroll/statements', {
      cookie: hr,
      body: { month, personId: person.id },
    });
    expect(sent.status).toBe(201);
    const mine = await t.request<HoursStatementSummary[]>('GET', '/api/me/statements', {
      cookie: person.cookie,
    });
    expect(mine.body.map((s) => [s.month, s.signedAt])).toEqual([[month, null]]);
    const phonePdf = await fetch(`${t.baseUrl}/api/me/statements/${month}/statement.pdf`, {
      headers: { cookie: person.cookie },
    });
    expect(await pdfText(await phonePdf.arrayBuffer())).toContain('Non encore validé');
    const signed = await t.request<HoursStatementSummary>('POST', '/api/me/statements/sign-off', {
      cookie: person.cookie,
      body: { month },
    });
    expect(signed.status).toBe(201);
    expect(signed.body.signedAt).toBeTruthy();
    expect(
      (await view()).people.find((p) => p.personId === person.id)?.statement.signedAt,
    ).toBeTruthy();
    const other = await t.request('GET', '/api/me/statements/2025-10/statement.pdf', {
      cookie: person.cookie,
    });
    expect(other.status).toBe(404);
  });

  it('refuses a month not over, a malformed month, and a mediator', async () => {
    const current = todayIn().slice(0, 7);
    const early = await t.request<ApiError>('POST', '/api/payroll/closes', {
      cookie: hr,
      body: { month: current },
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('n’est pas terminé');
    const malformed = await t.request<ApiError>('GET', '/api/payroll/months/2025-13', {
      cookie: hr,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('AAAA-MM');
    const mediator = await t.request('GET', `/api/payroll/months/${month}`, {
      cookie: person.cookie,
    });
    expect(mediator.status).toBe(403);
  });
});
