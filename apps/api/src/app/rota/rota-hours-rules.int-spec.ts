import type {
  ApiError,
  Contract,
  OrganisationSettings,
  OrganisationSettingsAnswer,
  RotaWeek,
  ShiftResult,
  Site,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  checkRotaWeek,
  isoWeekOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';

/**
 * A night worker's 8 h of night work per 24 hours across midnight (L3122-6), the grouping of a
 * part-timer's hours under 24 h (PART_TIME_GROUPING, L3123-7) and the week's hours by pay band
 * (`people[].hourBands`, L3123-29 and L3121-36), over HTTP against PostgreSQL.
 */
describe('night hours per 24 hours, grouped half-days and pay bands through GET /api/rota', () => {
  let t: TestApp;
  let hr: string;
  let site: Site;
  const today = todayIn();
  const thisWeek = isoWeekOf(today);

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    // Seeded France Services sites block an empty week on the desk's trained pair: Sud plans
    // here as an ordinary site.
    await t.dataSource.query(`UPDATE site SET is_france_services = false WHERE code = 'S'`);
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    site = sites.find((candidate) => candidate.code === 'S') as Site;
  });

  afterAll(async () => {
    await t.close();
  });

  const desk = (): string =>
    (site.locations.find((location) => location.kind === 'site') ?? site.locations[0]).id;
  const at = (date: string, time: string) => new Date(zonedInstant(date, time, TZ)).toISOString();
  const rulesOf = (violations: Violation[], personId: string, rule: string) =>
    violations.filter((violation) => violation.personId === personId && violation.rule === rule);

  async function rota(week: string): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function person(lastName: string, weeklyHours: number): Promise<string> {
    return (
      await newPersonWithAccount(t, hr, {
        lastName,
        homeSiteId: site.id,
        contract: { start: addDays(today, -60), weeklyHours },
      })
    ).id;
  }

  /** What the planner's live check finds on the same answer (the store's call of the rules). */
  function browserCheck(read: RotaWeek): Violation[] {
    return checkRotaWeek({
      site,
      week: read.week,
      shifts: read.shifts,
      people: read.people,
      requirements: read.requirements,
      settings: {
        ...read.settings,
        travelTimes: read.travelTimes ?? [],
        sundayDerogationLocations: read.sundayDerogationLocations ?? {},
      },
    });
  }

  const sameIn = (violations: Violation[], personId: string, rule: string) =>
    rulesOf(violations, personId, rule).map(({ severity, message, shiftIds }) => ({
      severity,
      message,
      shiftIds: [...shiftIds].sort(),
    }));

  /** A shift from `from` to `to` (the next day when `to` is earlier). */
  async function shift(personId: string, date: string, from: string, to: string, pause = 0) {
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: hr,
      body: {
        personId,
        locationId: desk(),
        activity: 'accueil',
        start: at(date, from),
        end: at(to <= from ? addDays(date, 1) : date, to),
        breakMinutes: pause,
      },
    });
    expect(created.status).toBe(201);
    return created.body.shift;
  }

  it('blocks 8 h 01 of night work in 24 real hours across the spring change (2027-W12)', async () => {
    const night = await person('Veilleuse', 35);
    const day = await person('Matinale', 35);
    const [contract] = (
      await t.request<Contract[]>('GET', `/api/people/${night}/contracts`, { cookie: hr })
    ).body;
    const corrected = await t.request<Contract>('PATCH', `/api/contracts/${contract.id}`, {
      cookie: hr,
      body: { isNightWorker: true },
    });
    expect(corrected.status).toBe(200);

    // Saturday 27 March 2027 22:00 → Sunday 06:00 lasts 7 h (the clocks skip 02:00–03:00);
    // Sunday 21:59 is then 23 h 59 later: 7 h + 1 h 01 = 8 h 01 within 24 hours.
    const ids = [
      (await shift(night, '2027-03-27', '22:00', '06:00')).id,
      (await shift(night, '2027-03-28', '21:59', '23:00')).id,
    ];
    await shift(day, '2027-03-27', '22:00', '06:00');
    await shift(day, '2027-03-28', '21:59', '23:00');
    const read = await rota('2027-W12');
    const violations = read.violations;
    expect(sameIn(browserCheck(read), night, 'NIGHT_WORK')).toEqual(
      sameIn(violations, night, 'NIGHT_WORK'),
    );
    const per24h = rulesOf(violations, night, 'NIGHT_WORK').filter((v) =>
      v.message.includes('en 24 heures'),
    );
    expect(per24h).toHaveLength(1);
    expect(per24h[0]).toMatchObject({
      severity: 'block',
      legalRef: 'C. trav., art. L3122-6',
      message:
        'Travailleur de nuit : 8 h 01 de travail de nuit en 24 heures, du samedi 27/03/2027 22:00 au dimanche 28/03/2027 23:00 : 8 h au plus (L3122-6).',
    });
    expect([...per24h[0].shiftIds].sort()).toEqual([...ids].sort());
    expect(rulesOf(violations, day, 'NIGHT_WORK')).toEqual([]);
  });

  it('warns on a block under the half-day minimum of a part-timer under 24 h by derogation, with the setting (L3123-7)', async () => {
    const week = addIsoWeeks(thisWeek, 31);
    const monday = windowOfIsoWeek(week).from;
    const grouped = await person('Regroupee', 35);
    const plain = await person('Ordinaire', 24);
    // HR recorded a 20 h contract at the person's written request (L3123-7 2°).
    await t.dataSource.query(
      `UPDATE contract SET weekly_hours = 20, part_time_derogation = 'employee_request',
              derogation_requested_on = $2 WHERE person_id = $1`,
      [grouped, addDays(today, -60)],
    );
    const short = await shift(grouped, addDays(monday, 1), '09:00', '11:59');
    await shift(grouped, addDays(monday, 2), '09:00', '12:00');
    await shift(plain, addDays(monday, 1), '09:00', '11:00');

    let read = await rota(week);
    const violations = read.violations;
    expect(sameIn(browserCheck(read), grouped, 'PART_TIME_GROUPING')).toEqual(
      sameIn(violations, grouped, 'PART_TIME_GROUPING'),
    );
    const flagged = rulesOf(violations, grouped, 'PART_TIME_GROUPING');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ severity: 'warn', shiftIds: [short.id] });
    expect(flagged[0].message).toContain('Bloc de travail de 2 h 59');
    expect(flagged[0].message).toContain('L3123-7');
    expect(rulesOf(violations, plain, 'PART_TIME_GROUPING')).toEqual([]);

    const admin = await t.login('direction@relais.demo');
    const current = (
      await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
        cookie: admin,
      })
    ).body.settings;
    expect(current.partTimeGroupingMinBlockMinutes).toBe(180);
    const refused = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, partTimeGroupingMinBlockMinutes: 59 },
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('partTimeGroupingMinBlockMinutes');
    const saved = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, partTimeGroupingMinBlockMinutes: 120 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.partTimeGroupingMinBlockMinutes).toBe(120);
    read = await rota(week);
    expect(rulesOf(read.violations, grouped, 'PART_TIME_GROUPING')).toEqual([]);
    expect(rulesOf(browserCheck(read), grouped, 'PART_TIME_GROUPING')).toEqual([]);
    // A body without the field keeps it.
    const withoutBlock: Partial<OrganisationSettings> = { ...current };
    delete withoutBlock.partTimeGroupingMinBlockMinutes;
    const kept = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: withoutBlock,
    });
    expect(kept.body.settings.partTimeGroupingMinBlockMinutes).toBe(120);
    // Back to the default for the rest of the file.
    await t.request('PUT', '/api/organisation/settings', { cookie: admin, body: current });
  });

  it('gives each person the week by pay band: one minute past 1/10, one past 43 h', async () => {
    const week = addIsoWeeks(thisWeek, 32);
    const monday = windowOfIsoWeek(week).from;
    const partTimer = await person('Complementaire', 24);
    const fullTimer = await person('Supplementaire', 35);
    // 4 × 5 h 40 + 3 h 45 = 26 h 25: 24 h, then 2 h 24 (1/10) at +10 % and 1 min at +25 %.
    for (let d = 0; d < 4; d++) await shift(partTimer, addDays(monday, d), '09:00', '15:00', 20);
    await shift(partTimer, addDays(monday, 4), '09:00', '12:45');
    // 4 × 8 h 36 + 8 h 37 = 43 h 01: 35 h, 8 h at +25 %, 1 min at +50 %.
    for (let d = 0; d < 4; d++) await shift(fullTimer, addDays(monday, d), '08:00', '17:06', 30);
    await shift(fullTimer, addDays(monday, 4), '08:00', '17:07', 30);

    const people = (await rota(week)).people;
    const bandsOf = (id: string) => people.find((p) => p.id === id)?.hourBands;
    expect(bandsOf(partTimer)).toEqual({
      normal: 1440,
      complementary10: 144,
      complementary25: 1,
      overtime25: 0,
      overtime50: 0,
    });
    expect(bandsOf(fullTimer)).toEqual({
      normal: 2100,
      complementary10: 0,
      complementary25: 0,
      overtime25: 480,
      overtime50: 1,
    });
  });
});
