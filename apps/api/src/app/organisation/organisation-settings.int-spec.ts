import type {
  ApiError,
  AutoFillJob,
  FieldError,
  OrganisationSettingsAnswer,
  RotaWeek,
  ShiftResult,
  Site,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  DEFAULT_ORGANISATION_SETTINGS,
  isoWeekOf,
  windowOfIsoWeek,
} from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * An admin raises the complementary-hours cap from 1/10 to 1/3 (L3123-20): the grid, publication
 * and auto-fill stop blocking a part-timer's week between the two; out-of-bound values are
 * refused in French, naming the field and the bound; each change is audited.
 */
describe('organisation settings over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let sites: Site[];
  // A week nobody else plans: the part-timer's shifts are the only ones written.
  const week = addIsoWeeks(isoWeekOf(todayIn()), 6);
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;
  let partTimer: { id: string; weeklyHours: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('direction@relais.demo');
    manager = await t.login('manager.sud@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    const { from, to } = windowOfIsoWeek(week);
    const [row] = await t.dataSource.query(
      `SELECT p.id, c.weekly_hours FROM person p
         JOIN contract c ON c.person_id = p.id JOIN site s ON s.id = p.home_site_id
        WHERE s.code = 'S' AND c.weekly_hours BETWEEN 18 AND 26
          AND c.start_date <= $1 AND (c.end_date IS NULL OR c.end_date >= $2)
          AND NOT EXISTS (SELECT 1 FROM unavailability u WHERE u.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.person_id = p.id
                           AND a.start_date <= $2 AND a.end_date >= $1)
        ORDER BY p.last_name LIMIT 1`,
      [from, to],
    );
    partTimer = { id: row.id, weeklyHours: Number(row.weekly_hours) };
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  async function rota(): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${site('S').id}&week=${week}`,
      { cookie: manager },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  const blockingRulesOf = (violations: readonly Violation[], personId: string) => [
    ...new Set(
      violations
        .filter((v) => v.severity === 'block' && v.personId === personId)
        .map((v) => v.rule),
    ),
  ];

  async function autoFillReleases(): Promise<string[]> {
    const started = await t.request<AutoFillJob>('POST', '/api/rota/auto-fill', {
      cookie: manager,
      body: { siteIds: [site('S').id], week, mode: 'fill', timeLimitSeconds: 2 },
    });
    expect(started.status).toBe(202);
    let job = started.body;
    for (let i = 0; i < 300 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (
        await t.request<AutoFillJob>('GET', `/api/rota/auto-fill/${job.id}`, { cookie: manager })
      ).body;
    }
    expect(job.status).toBe('done');
    return (job.proposal?.release ?? [])
      .filter((release) => release.personId === partTimer.id)
      .map((release) => release.rule);
  }

  async function publishRefusals(): Promise<string[]> {
    const response = await t.request<ApiError & { violations?: Violation[] }>(
      'POST',
      '/api/rota/publish',
      {
        cookie: manager,
        body: { siteId: site('S').id, week, justification: 'Points à justifier relus.' },
      },
    );
    return response.status === 422
      ? blockingRulesOf(response.body.violations ?? [], partTimer.id)
      : [];
  }

  it('answers the law’s values until an admin changes them; mediators may not read them', async () => {
    for (const email of ['direction@relais.demo', 'rh@relais.demo', 'manager.sud@relais.demo']) {
      const cookie = await t.login(email);
      const response = await t.request<OrganisationSettingsAnswer>(
        'GET',
        '/api/organisation/settings',
        { cookie },
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        settings: DEFAULT_ORGANISATION_SETTINGS,
        updatedAt: null,
        splitDayAgreementRecorded: null,
      });
    }
    const mediator = await t.login('mediateur@relais.demo');
    const refused = await t.request('GET', '/api/organisation/settings', { cookie: mediator });
    expect(refused.status).toBe(403);
  });

  it('blocks a part-timer’s week 5 h over contract at 1/10, in the grid, publication and auto-fill', async () => {
    // Five days, the contract plus 5 h: above 1/10 of it, below 1/3, under 35 h.
    const dailyWork = ((partTimer.weeklyHours + 5) * 60) / 5;
    const desk = site('S').locations.find((location) => location.kind === 'site')?.id as string;
    const { from } = windowOfIsoWeek(week);
    for (let day = 0; day < 5; day++) {
      const date = addDays(from, day);
      const start = new Date(`${date}T09:00:00+01:00`);
      const end = new Date(start.getTime() + (dailyWork + 30) * 60_000);
      const created = await t.request<ShiftResult>('POST', '/api/shifts', {
        cookie: manager,
        body: {
          personId: partTimer.id,
          locationId: desk,
          activity: 'accueil',
          start: start.toISOString(),
          end: end.toISOString(),
          breakMinutes: 30,
        },
      });
      expect(created.status).toBe(201);
    }
    const grid = await rota();
    expect(grid.settings.complementaryHoursRatio).toBe(0.1);
    expect(blockingRulesOf(grid.violations, partTimer.id)).toEqual(['COMPLEMENTARY_HOURS']);
    expect(await publishRefusals()).toEqual(['COMPLEMENTARY_HOURS']);
    expect(await autoFillReleases()).toContain('COMPLEMENTARY_HOURS');
  }, 60_000);

  it('lets only an admin change them, within the legal bounds, with French errors naming the field', async () => {
    const valid = { ...DEFAULT_ORGANISATION_SETTINGS, complementaryHoursRatio: 1 / 3 };
    const byManager = await t.request('PUT', '/api/organisation/settings', {
      cookie: manager,
      body: valid,
    });
    expect(byManager.status).toBe(403);

    const tooMuch = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...valid, complementaryHoursRatio: 0.5 },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.details).toEqual([
      {
        field: 'complementaryHoursRatio',
        message:
          'hors des bornes légales — heures complémentaires : 1/10 des heures du contrat par la loi, jusqu’à 1/3 par accord (C. trav., art. L3123-20)',
      },
    ]);
    expect(tooMuch.body.message).toContain('« complementaryHoursRatio »');

    const longDays = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...valid, dailyMaxMinutes: 13 * 60, partTimeNoticeWorkingDays: 2 },
    });
    expect(longDays.status).toBe(422);
    expect((longDays.body.details as FieldError[]).map((detail) => detail.field)).toEqual([
      'dailyMaxMinutes',
      'partTimeNoticeWorkingDays',
    ]);
    expect(longDays.body.message).toContain('jusqu’à 12 h par accord');

    const missing = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { complementaryHoursRatio: 1 / 3 },
    });
    expect(missing.status).toBe(400);
    expect((missing.body.details as FieldError[])[0]).toEqual({
      field: 'timeZone',
      message: 'champ obligatoire',
    });

    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM organisation_settings`,
    );
    expect(count).toBe(0);
  });

  it('applies 1/3 to the grid, publication and auto-fill once an admin sets it, and audits the change', async () => {
    const saved = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...DEFAULT_ORGANISATION_SETTINGS, complementaryHoursRatio: 0.3333334 },
    });
    expect(saved.status).toBe(200);
    // A third rounded up by a client is the third.
    expect(saved.body.settings.complementaryHoursRatio).toBe(1 / 3);
    expect(saved.body.updatedAt).not.toBeNull();

    const [event] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'organisation_settings.update'`,
    );
    expect(event.details.changed).toEqual(['complementaryHoursRatio']);
    expect(event.details.before.complementaryHoursRatio).toBe(0.1);
    expect(event.details.after.complementaryHoursRatio).toBe(1 / 3);

    const grid = await rota();
    expect(grid.settings.complementaryHoursRatio).toBe(1 / 3);
    expect(blockingRulesOf(grid.violations, partTimer.id)).toEqual([]);
    expect(await publishRefusals()).toEqual([]);
    expect(await autoFillReleases()).not.toContain('COMPLEMENTARY_HOURS');
  }, 60_000);

  it('records a split-day agreement only with its counterparts, with who recorded it and when (L3123-30)', async () => {
    const current = (
      await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
        cookie: admin,
      })
    ).body.settings;
    const bare = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, splitDayAgreement: { reference: 'Accord ALISFA', counterparts: ' ' } },
    });
    expect(bare.status).toBe(422);
    expect(bare.body.message).toContain('splitDayAgreement');
    expect(bare.body.message).toContain('L3123-30');
    const agreement = {
      reference: 'Accord de branche ALISFA, art. 4.2',
      counterparts: 'Prime de coupure de 5 €',
    };
    const saved = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, splitDayAgreement: agreement },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.splitDayAgreement).toEqual(agreement);
    expect(saved.body.splitDayAgreementRecorded).toEqual({
      at: expect.any(String),
      byName: expect.any(String),
    });
    // Back to the law: no agreement, split days block again.
    const removed = await t.request<OrganisationSettingsAnswer>(
      'PUT',
      '/api/organisation/settings',
      { cookie: admin, body: { ...current, splitDayAgreement: null } },
    );
    expect(removed.body.splitDayAgreementRecorded).toBeNull();
  });

  it('records the habilitation an activity requires, refuses an unknown one by field, keeps it when left out', async () => {
    const current = (
      await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
        cookie: admin,
      })
    ).body.settings;
    expect(current.requiredSkillByActivity).toEqual({});
    for (const [required, message] of [
      [{ guichet: 'aidants_connect' }, 'activité inconnue « guichet »'],
      [{ digital_help: 'permis' }, 'habilitation inconnue pour « digital_help »'],
    ] as const) {
      const refused = await t.request<ApiError>('PUT', '/api/organisation/settings', {
        cookie: admin,
        body: { ...current, requiredSkillByActivity: required },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain(`« requiredSkillByActivity » : ${message}`);
    }
    const saved = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, requiredSkillByActivity: { digital_help: 'aidants_connect' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.requiredSkillByActivity).toEqual({
      digital_help: 'aidants_connect',
    });
    // A client that does not know the field leaves it as it was.
    const older: Partial<typeof current> = { ...current };
    delete older.requiredSkillByActivity;
    const again = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: older,
    });
    expect(again.body.settings.requiredSkillByActivity).toEqual({
      digital_help: 'aidants_connect',
    });
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'organisation_settings.update'
        ORDER BY id DESC LIMIT 1 OFFSET 1`,
    );
    expect(audit.details.changed).toEqual(['requiredSkillByActivity']);
  });
});
