import type {
  ApiError,
  ContratProReport,
  FranceServicesReport,
  Pathway,
  PathwayDashboard,
  Site,
  SubsidisedReport,
} from '@relais/api-types';
import { addDays, addMonths, formatDate } from '@relais/rules';
import { todayIn } from '../../common/today';
import { pdfText } from '../../testing/pdf-text';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * The funders' documents over HTTP, in March 2025 (no public holiday; far from the demo's weeks):
 * Paris Sud open Monday to Friday 9 h – 14 h (25 h). Week 11 is held by two trained agents all
 * along; week 12 has one trained agent alone on Tuesday 18 March from 12 h 30 to 14 h; the other
 * weeks of the month are not published.
 */
describe('funder documents', () => {
  let t: TestApp;
  let hr: string;
  let sud: Site;
  let organisationId: string;
  let desk: string;
  const ids: Record<string, string> = {};

  async function one<T = Record<string, string>>(sql: string, params: unknown[]): Promise<T> {
    const [row] = await t.dataSource.query(sql, params);
    return row as T;
  }

  async function person(key: string, lastName: string, isTrained: boolean): Promise<string> {
    const { id } = await one<{ id: string }>(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [organisationId, key, lastName, sud.id],
    );
    if (isTrained)
      await t.dataSource.query(
        `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on)
         VALUES ($1, $2, 'france_services_initial', '2020-01-01')`,
        [organisationId, id],
      );
    ids[key] = id;
    return id;
  }

  async function shift(
    who: string,
    start: string,
    end: string,
    activity = 'accueil',
    breakMinutes = 0,
  ): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, break_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [organisationId, sud.id, ids[who], desk, activity, start, end, breakMinutes],
    );
  }

  async function contract(
    who: string,
    type: string,
    start: string,
    end: string,
    weeklyHours: number,
    extra: { conventionNumber?: string; conventionEnd?: string; tutor?: string } = {},
  ): Promise<string> {
    const { id } = await one<{ id: string }>(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours,
                             convention_number, convention_end, tutor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        organisationId,
        ids[who],
        type,
        start,
        end,
        weeklyHours,
        extra.conventionNumber ?? null,
        extra.conventionEnd ?? null,
        extra.tutor ? ids[extra.tutor] : null,
      ],
    );
    return id;
  }

  async function training(
    who: string,
    moduleCode: string,
    start: string,
    end: string,
    breakMinutes: number,
  ): Promise<void> {
    const session = await one<{ id: string }>(
      `INSERT INTO training_session (organisation_id, module_id, site_id, location_id, start_at, end_at, break_minutes, capacity)
       SELECT $1, m.id, $2, $3, $4, $5, $6, 10 FROM training_module m WHERE m.code = $7 RETURNING id`,
      [organisationId, sud.id, desk, start, end, breakMinutes, moduleCode],
    );
    await t.dataSource.query(
      `INSERT INTO training_enrolment (organisation_id, session_id, person_id, status)
       VALUES ($1, $2, $3, 'present')`,
      [organisationId, session.id, ids[who]],
    );
  }

  const day = (date: string, time: string) => `${date}T${time}:00+01:00`;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    sud = sites.find((site) => site.code === 'S') as Site;
    organisationId = (await one<{ id: string }>(`SELECT id FROM organisation`, [])).id;
    desk = (await one<{ id: string }>(`SELECT id FROM location WHERE code = 'S'`, [])).id;
    const hours = await t.request('PUT', `/api/sites/${sud.id}/opening-hours`, {
      cookie: hr,
      body: {
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({
          weekday,
          start: '09:00',
          end: '14:00',
        })),
      },
    });
    expect(hours.status).toBe(200);

    await person('Anouk', 'Formée', true);
    await person('Bastien', 'Formé', true);
    await person('Céleste', 'Débutante', false);
    for (const week of ['2025-W11', '2025-W12'])
      await t.dataSource.query(
        `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
         VALUES ($1, $2, $3, 'published', 1, now())`,
        [organisationId, sud.id, week],
      );
    // Week 11 (10–14 March): two trained agents the whole opening.
    for (const date of ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14']) {
      await shift('Anouk', day(date, '09:00'), day(date, '14:00'));
      await shift('Bastien', day(date, '09:00'), day(date, '14:00'));
    }
    // Week 12 (17–21 March): on Tuesday Bastien leaves at 12:30 and an untrained agent takes over.
    for (const date of ['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21']) {
      await shift('Anouk', day(date, '09:00'), day(date, '14:00'));
      if (date === '2025-03-18') {
        await shift('Bastien', day(date, '09:00'), day(date, '12:30'));
        await shift('Céleste', day(date, '12:30'), day(date, '14:00'));
      } else await shift('Bastien', day(date, '09:00'), day(date, '14:00'));
    }
    // Week 13 is not published: Anouk and Bastien's Monday there counts for nothing.
    await shift('Anouk', day('2025-03-24', '09:00'), day('2025-03-24', '14:00'));
    await shift('Bastien', day('2025-03-24', '09:00'), day('2025-03-24', '14:00'));

    // A PEC: back office on Monday 10 March (8 h 15 less a 45 min break) and Tuesday 11 March
    // (5 h 20), the desk on Wednesday 12 (2 h), a training on Thursday 13 (3 h 30), and a
    // Monday of the unpublished week 13.
    await person('Paulette', 'Emploi', false);
    ids['pec'] = await contract('Paulette', 'PEC', '2024-10-01', '2025-09-30', 26, {
      conventionNumber: 'PEC-075-24-0042',
      tutor: 'Anouk',
    });
    await shift(
      'Paulette',
      day('2025-03-10', '09:00'),
      day('2025-03-10', '17:15'),
      'back_office',
      45,
    );
    await shift('Paulette', day('2025-03-11', '15:00'), day('2025-03-11', '20:20'), 'back_office');
    await shift('Paulette', day('2025-03-12', '14:00'), day('2025-03-12', '16:00'), 'accueil');
    await shift('Paulette', day('2025-03-25', '09:00'), day('2025-03-25', '12:00'), 'back_office');
    await training('Paulette', 'T05', day('2025-03-13', '14:00'), day('2025-03-13', '17:30'), 0);

    // An adulte-relais whose contract goes beyond the State's convention, without its number.
    await person('Rachid', 'Relais', false);
    ids['ar'] = await contract('Rachid', 'ADULTE_RELAIS', '2023-01-02', '2025-12-31', 35, {
      conventionEnd: '2025-06-30',
    });

    // A contrat pro of a year (1 825 h): 7 h of training in October, 7 h in March.
    await person('Quentin', 'Alternant', false);
    ids['pro'] = await contract('Quentin', 'PRO', '2024-09-01', '2025-08-31', 35, {
      tutor: 'Anouk',
    });
    await training('Quentin', 'T16', day('2024-10-15', '09:00'), day('2024-10-15', '16:30'), 30);
    await training('Quentin', 'T16', day('2025-03-20', '09:00'), day('2025-03-20', '16:30'), 30);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('France Services month', () => {
    let report: FranceServicesReport;

    beforeAll(async () => {
      const response = await t.request<FranceServicesReport>(
        'GET',
        `/api/reports/france-services?siteId=${sud.id}&month=2025-03`,
        { cookie: hr },
      );
      expect(response.status).toBe(200);
      report = response.body;
    });

    it('lists a stretch held by one trained agent as a gap, with its date and times', () => {
      expect(report.gaps).toEqual([
        { date: '2025-03-18', start: '12:30', end: '14:00', trainedAgents: 1 },
      ]);
      const tuesday = report.days.find((found) => found.date === '2025-03-18');
      expect(tuesday).toMatchObject({ openingMinutes: 300, coveredMinutes: 210 });
    });

    it('a week held all along meets the label’s minimum; the week with the gap does not', () => {
      const week = (name: string) => report.weeks.find((found) => found.week === name);
      expect(week('2025-W11')).toMatchObject({
        openingMinutes: 1500,
        coveredMinutes: 1500,
        coveredDays: 5,
        isPublished: true,
        meetsMinimum: true,
      });
      expect(week('2025-W12')).toMatchObject({
        coveredMinutes: 1410,
        isPublished: true,
        meetsMinimum: false,
      });
      expect(report.minimumWeeklyMinutes).toBe(24 * 60);
      expect(report.openingShortfall).toBeNull();
    });

    it('counts nothing of weeks not published and names them', () => {
      expect(report.unpublishedWeeks).toEqual(['2025-W09', '2025-W10', '2025-W13', '2025-W14']);
      const monday = report.days.find((found) => found.date === '2025-03-24');
      expect(monday).toMatchObject({ isPublished: false, coveredMinutes: 0 });
      expect(report.weeks.find((found) => found.week === '2025-W13')?.meetsMinimum).toBe(false);
      // Saturdays and Sundays are not opening days: not listed.
      expect(report.days.some((found) => found.date === '2025-03-15')).toBe(false);
    });

    it('refuses a bad month or site in French, and an unknown site is a 404', async () => {
      for (const [query, status, field, message] of [
        [`siteId=${sud.id}&month=2025-3`, 400, 'month', 'mois invalide (format AAAA-MM attendu)'],
        [`siteId=${sud.id}&month=2025-13`, 400, 'month', 'mois invalide (format AAAA-MM attendu)'],
        [`siteId=${sud.id}`, 400, 'month', 'champ obligatoire'],
        [`siteId=abc&month=2025-03`, 400, 'siteId', 'identifiant invalide'],
      ] as const) {
        const response = await t.request<ApiError>('GET', `/api/reports/france-services?${query}`, {
          cookie: hr,
        });
        expect(response.status).toBe(status);
        expect(response.body.details).toContainEqual({ field, message });
      }
      const unknown = await t.request<ApiError>(
        'GET',
        '/api/reports/france-services?siteId=6f1c2d3e-4b5a-4c6d-8e7f-001122334455&month=2025-03',
        { cookie: hr },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('Site introuvable.');
    });
  });

  it('gives the hours of the aided contracts exact to the minute, published weeks only', async () => {
    const response = await t.request<SubsidisedReport>(
      'GET',
      '/api/reports/subsidised?month=2025-03',
      { cookie: hr },
    );
    expect(response.status).toBe(200);
    const pec = response.body.rows.find((row) => row.contractId === ids['pec']);
    // 450 + 320 + 120 minutes; the Monday of week 13 is not published.
    expect(pec).toMatchObject({
      personName: 'Paulette Emploi',
      type: 'PEC',
      workedMinutes: 890,
      trainingMinutes: 210,
      conventionNumber: 'PEC-075-24-0042',
      tutorName: 'Anouk Formée',
      contractMinutes: Math.round((31 / 7) * 26 * 60),
      issues: [],
    });
    expect(pec?.requirements[0]).toContain('Convention individuelle PEC n° PEC-075-24-0042');
    const ar = response.body.rows.find((row) => row.contractId === ids['ar']);
    expect(ar?.issues).toEqual([
      'Numéro de convention non renseigné.',
      'Le contrat va au-delà de la fin de la convention État (30/06/2025).',
    ]);
    expect(response.body.rows.some((row) => row.contractId === ids['pro'])).toBe(false);
    expect(response.body.unpublishedWeeks).toContain('PIMMS Médiation Paris Sud : semaine 13');
  });

  it('follows a contrat pro’s training against 15 % of its hours and 150 h', async () => {
    const response = await t.request<ContratProReport>(
      'GET',
      '/api/reports/contrat-pro?month=2025-03',
      { cookie: hr },
    );
    expect(response.status).toBe(200);
    const pro = response.body.rows.find((row) => row.contractId === ids['pro']);
    // 365 days × 35 h ÷ 7 = 1 825 h: 15 % is 273 h 45, rounded up to 274 h; 25 % is 456 h.
    expect(pro).toMatchObject({
      monthMinutes: 420,
      cumulatedMinutes: 840,
      requiredMinutes: 274 * 60,
      maximumMinutes: 456 * 60,
      expectedByNowMinutes: Math.round((274 * 60 * 212) / 365),
      ratioPercent: 0.8,
      status: 'behind',
    });
    expect(pro?.statusMessage).toMatch(/^En retard : 14 h de formation, 159 h 09 attendues/);
    const bad = await t.request<ApiError>('GET', '/api/reports/contrat-pro?month=mars', {
      cookie: hr,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual({
      field: 'month',
      message: 'mois invalide (format AAAA-MM attendu)',
    });
  });

  it('writes the PEC’s attestation d’expérience: person, activities with hours, training', async () => {
    const response = await t.request(
      'GET',
      `/api/contracts/${ids['pec']}/experience-attestation.pdf`,
      { cookie: hr },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(response.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Attestation d');
    expect(text).toContain('Paulette Emploi');
    expect(text).toContain('Contrat du 01/10/2024 au 30/09/2025, 26 h par semaine.');
    expect(text).toContain('Back-office : 12 h 50');
    expect(text).toContain('Accueil France Services : 2 h');
    expect(text).toContain('Aidants Connect : formation avant habilitation : 3 h 30');
    expect(text).toContain('Tuteur ou tutrice : Anouk Formée');
  });

  it('reminds HR of the attestation a month before it is due, until HR issues it', async () => {
    const today = todayIn();
    await person('Inès', 'Bientôtfinie', false);
    const contractId = await contract(
      'Inès',
      'PEC',
      addMonths(today, -10),
      addDays(today, 45),
      20,
      { conventionNumber: 'PEC-075-26-0099', tutor: 'Anouk' },
    );
    const reminders = async () =>
      (
        await t.request<Pathway>('GET', `/api/pathways/${ids['Inès']}`, { cookie: hr })
      ).body.alerts.filter((alert) => alert.rule === 'EXPERIENCE_ATTESTATION_DUE');
    const dashboard = async () =>
      (
        await t.request<PathwayDashboard>('GET', '/api/reports/pathways', { cookie: hr })
      ).body.attestationsDue.filter((due) => due.contractId === contractId);
    const [reminder] = await reminders();
    expect(reminder?.message).toContain(
      `à remettre au plus tard le ${formatDate(addMonths(addDays(today, 45), -1))}`,
    );
    expect(await dashboard()).toEqual([
      {
        contractId,
        personId: ids['Inès'],
        personName: 'Inès Bientôtfinie',
        end: addDays(today, 45),
        due: addMonths(addDays(today, 45), -1),
        isLate: false,
      },
    ]);
    const pdf = await t.request('GET', `/api/contracts/${contractId}/experience-attestation.pdf`, {
      cookie: hr,
    });
    expect(pdf.status).toBe(200);
    expect(await reminders()).toEqual([]);
    expect(await dashboard()).toEqual([]);
  });

  it('refuses the attestation for a contract that is not a PEC, in French', async () => {
    const response = await t.request<ApiError>(
      'GET',
      `/api/contracts/${ids['pro']}/experience-attestation.pdf`,
      { cookie: hr },
    );
    expect(response.status).toBe(422);
    expect(response.body.message).toContain(
      'L’attestation d’expérience professionnelle est propre au PEC ; ce contrat est un Contrat de professionnalisation.',
    );
  });
});
