import type {
  ApiError,
  NoticeAgreementResult,
  OrganisationSettingsAnswer,
  PublishResult,
  RotaChange,
  RotaWeek,
  ShiftResult,
  Site,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  DEFAULT_RULE_SETTINGS,
  isoWeekOf,
  nightMinutesOfItem,
  windowOfIsoWeek,
  WorkItem,
  workMinutesByWeek,
  zonedInstant,
} from '@relais/rules';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';
import { loadWorkHistory } from './site-week/work-history';

const TZ = 'Europe/Paris';

/**
 * The rules that read beyond the week (the 12-week average, the night worker's 12 months) and
 * the part-time notice with the facts that decide it, over HTTP against PostgreSQL.
 */
describe('rules fed beyond the week, and the part-time notice', () => {
  let t: TestApp;
  let hr: string;
  let site: Site;
  const thisWeek = isoWeekOf(todayIn());

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    // Every seeded site is a France Services one, whose empty far weeks block on the desk's
    // trained pair (FS_TRAINED_COVERAGE): this file plans on Sud as an ordinary site.
    await t.dataSource.query(`UPDATE site SET is_france_services = false WHERE code = 'S'`);
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    site = sites.find((candidate) => candidate.code === 'S') as Site;
  });

  afterAll(async () => {
    await t.close();
  });

  const desk = (): string =>
    (site.locations.find((location) => location.kind === 'site') ?? site.locations[0]).id;

  async function rota(week: string): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  const publish = (week: string) =>
    t.request<PublishResult | ApiError>('POST', '/api/rota/publish', {
      cookie: hr,
      body: { siteId: site.id, week, justification: 'Vérifié avec l’équipe.' },
    });

  const rulesOf = (violations: Violation[], personId: string, rule: string) =>
    violations.filter((violation) => violation.personId === personId && violation.rule === rule);

  /** Monday–Friday from 08:00 with a 30-minute break: 8 h 48 of work a day, 44 h a week. */
  function weekOfDays(week: string, lastEnd = '17:18'): { start: string; end: string }[] {
    const monday = windowOfIsoWeek(week).from;
    return [0, 1, 2, 3, 4].map((offset) => {
      const date = addDays(monday, offset);
      return {
        start: new Date(zonedInstant(date, '08:00', TZ)).toISOString(),
        end: new Date(zonedInstant(date, offset === 4 ? lastEnd : '17:18', TZ)).toISOString(),
      };
    });
  }

  async function insertShift(personId: string, start: string | number, end: string | number) {
    await t.dataSource.query(
      `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, break_minutes)
       SELECT organisation_id, $1, $2, $3, 'accueil', $4, $5, 30 FROM site WHERE id = $1`,
      [site.id, personId, desk(), new Date(start), new Date(end)],
    );
  }

  describe('WEEKLY_AVG_12W blocks publication (L3121-22)', () => {
    // A far week nobody else plans, and the 11 weeks before it at exactly 44 h.
    const week = addIsoWeeks(thisWeek, 20);
    let personId: string;
    let fridayShift: { id: string; version: number };

    beforeAll(async () => {
      personId = (
        await newPersonWithAccount(t, hr, {
          lastName: 'Moyenne',
          homeSiteId: site.id,
          contract: { start: todayIn(), weeklyHours: 35 },
        })
      ).id;
      for (let back = 11; back >= 1; back--) {
        for (const day of weekOfDays(addIsoWeeks(week, -back))) {
          await insertShift(personId, day.start, day.end);
        }
      }
      // The week itself through the API, Friday one minute longer: 44 h 01.
      for (const [index, day] of weekOfDays(week, '17:19').entries()) {
        const created = await t.request<ShiftResult>('POST', '/api/shifts', {
          cookie: hr,
          body: {
            personId,
            locationId: desk(),
            activity: 'accueil',
            start: day.start,
            end: day.end,
            breakMinutes: 30,
          },
        });
        expect(created.status).toBe(201);
        if (index === 4) fridayShift = created.body.shift;
      }
    });

    it('44 h 01 on average over 12 weeks: GET /api/rota shows it blocking and publication is refused', async () => {
      const read = await rota(week);
      const [average] = rulesOf(read.violations, personId, 'WEEKLY_AVG_12W');
      expect(average).toMatchObject({
        severity: 'block',
        legalRef: expect.stringContaining('L3121-22'),
      });
      expect(average.message).toContain('528 h 01 en 12 semaines');
      // The browser's live check reads the same sums of the earlier weeks.
      const person = read.people.find((candidate) => candidate.id === personId);
      expect(person?.workHistory?.weekMinutes[addIsoWeeks(week, -11)]).toBe(44 * 60);
      expect(person?.workHistory?.weekMinutes[addIsoWeeks(week, -2)]).toBe(44 * 60);

      const refused = await publish(week);
      expect(refused.status).toBe(422);
      expect(
        ((refused.body as ApiError & { violations: Violation[] }).violations ?? []).map(
          (violation) => violation.rule,
        ),
      ).toContain('WEEKLY_AVG_12W');

      // GET /api/compliance over the 12 weeks says the same.
      const compliance = await t.request<Violation[]>(
        'GET',
        `/api/compliance?personId=${personId}&from=${windowOfIsoWeek(addIsoWeeks(week, -11)).from}&to=${windowOfIsoWeek(week).to}`,
        { cookie: hr },
      );
      expect(compliance.status).toBe(200);
      expect(rulesOf(compliance.body, personId, 'WEEKLY_AVG_12W')).toHaveLength(1);
      // And over the week alone, with the earlier weeks summed.
      const weekOnly = await t.request<Violation[]>(
        'GET',
        `/api/compliance?personId=${personId}&from=${windowOfIsoWeek(week).from}&to=${windowOfIsoWeek(week).to}`,
        { cookie: hr },
      );
      expect(rulesOf(weekOnly.body, personId, 'WEEKLY_AVG_12W')).toHaveLength(1);
    });

    it('exactly 44 h on average passes and publishes', async () => {
      const day = weekOfDays(week)[4];
      const updated = await t.request<ShiftResult>('PATCH', `/api/shifts/${fridayShift.id}`, {
        cookie: hr,
        body: { version: fridayShift.version, start: day.start, end: day.end, breakMinutes: 30 },
      });
      expect(updated.status).toBe(200);
      const read = await rota(week);
      expect(rulesOf(read.violations, personId, 'WEEKLY_AVG_12W')).toEqual([]);
      expect(read.violations.filter((violation) => violation.severity === 'block')).toEqual([]);
      const published = await publish(week);
      expect(published.status).toBe(200);
    });
  });

  it('sums the work outside the items in SQL exactly as the engine does (DST, midnight, travel, nights)', async () => {
    const personId = (
      await newPersonWithAccount(t, hr, {
        lastName: 'Historique',
        homeSiteId: site.id,
        contract: { start: '2026-01-01', weeklyHours: 35 },
      })
    ).id;
    const [a, b] = site.locations;
    const items: WorkItem[] = [];
    const add = async (date: string, from: string, to: string, breakMinutes = 0, at = a.id) => {
      const start = zonedInstant(date, from, TZ);
      const end = zonedInstant(to <= from ? addDays(date, 1) : date, to, TZ);
      await t.dataSource.query(
        `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, break_minutes)
         SELECT organisation_id, $1, $2, $3, 'accueil', $4, $5, $6 FROM site WHERE id = $1`,
        [site.id, personId, at, new Date(start), new Date(end), breakMinutes],
      );
      items.push({
        id: `${items.length}`,
        activity: 'accueil',
        start,
        end,
        breakMinutes,
        locationId: at,
      });
    };
    // Nights across the DST changes of 2027 (28 March, 31 October), a Sunday night into Monday,
    // and two places the same day (travel is work when the matrix knows the pair).
    await add('2027-03-27', '21:00', '05:00', 30);
    await add('2027-10-30', '21:00', '05:00', 30);
    await add('2027-10-24', '22:00', '04:00');
    await add('2027-10-26', '09:00', '12:00', 0, a.id);
    await add('2027-10-26', '13:00', '17:00', 0, b?.id ?? a.id);
    for (let i = 0; i < 20; i++) await add(addDays('2027-06-01', i * 7), '20:00', '02:00', 20);
    const evaluated = windowOfIsoWeek('2027-W47');
    const near = {
      fromMs: zonedInstant(addDays(evaluated.from, -8), '00:00', TZ),
      toMs: zonedInstant(addDays(evaluated.to, 9), '00:00', TZ),
    };
    const [organisation] = await t.dataSource.query(
      'SELECT organisation_id FROM site WHERE id = $1',
      [site.id],
    );
    const travelTimes: { from_location_id: string; to_location_id: string; minutes: number }[] =
      await t.dataSource.query('SELECT * FROM travel_time WHERE organisation_id = $1', [
        organisation.organisation_id,
      ]);
    const history = (
      await loadWorkHistory(
        t.dataSource.manager,
        organisation.organisation_id,
        [personId],
        near,
        evaluated,
        TZ,
      )
    ).get(personId);
    const settings = {
      timeZone: TZ,
      travelTimes: travelTimes.map((row) => ({
        fromLocationId: row.from_location_id,
        toLocationId: row.to_location_id,
        minutes: row.minutes,
      })),
    };
    const expectedWeeks = Object.fromEntries(
      [...workMinutesByWeek(items, settings)].filter(
        // 14 weeks before (PART_TIME_HOURS_REVIEW's 15), 11 after (WEEKLY_AVG_12W's 12).
        ([week]) => week >= addIsoWeeks('2027-W47', -14) && week <= addIsoWeeks('2027-W47', 11),
      ),
    );
    expect(history?.weekMinutes).toEqual(expectedWeeks);
    const yearStart = addDays(evaluated.to, -365);
    const nights = items
      .filter((item) => Number(item.start) >= zonedInstant(yearStart, '00:00', TZ))
      .reduce(
        (sum, item) => sum + nightMinutesOfItem(item, { ...DEFAULT_RULE_SETTINGS, timeZone: TZ }),
        0,
      );
    expect(history?.nightMinutes).toBe(nights);
  });

  it('a part-timer 2 h over the contract on average for 12 weeks: HR is told the hours the contract must reach (L3123-13)', async () => {
    const week = addIsoWeeks(thisWeek, 40);
    const people: Record<string, string> = {};
    // 26 h a week (5 × 5 h 12 after a 30-minute break) for 24 h; the other one minute less.
    for (const [name, lastEnd] of [
      ['Revision', '14:42'],
      ['Norevision', '14:41'],
    ] as const) {
      const personId = (
        await newPersonWithAccount(t, hr, {
          lastName: name,
          homeSiteId: site.id,
          contract: { start: todayIn(), weeklyHours: 24 },
        })
      ).id;
      people[name] = personId;
      for (let back = 14; back >= 0; back--) {
        const monday = windowOfIsoWeek(addIsoWeeks(week, -back)).from;
        for (let day = 0; day < 5; day++) {
          const date = addDays(monday, day);
          await insertShift(
            personId,
            zonedInstant(date, '09:00', TZ),
            zonedInstant(date, day === 4 ? lastEnd : '14:42', TZ),
          );
        }
      }
    }
    const violations = (await rota(week)).violations;
    const [review] = rulesOf(violations, people['Revision'], 'PART_TIME_HOURS_REVIEW');
    expect(review).toMatchObject({ severity: 'warn', legalRef: 'C. trav., art. L3123-13' });
    expect(review.message).toContain(
      '2 h de plus que le contrat (24 h) en moyenne sur 12 semaines',
    );
    expect(review.message).toContain('porté à 26 h par semaine');
    expect(rulesOf(violations, people['Norevision'], 'PART_TIME_HOURS_REVIEW')).toEqual([]);
    const { from, to } = windowOfIsoWeek(week);
    const compliance = await t.request<Violation[]>(
      'GET',
      `/api/compliance?personId=${people['Revision']}&from=${from}&to=${to}`,
      { cookie: hr },
    );
    expect(compliance.body.map((violation) => violation.rule)).toContain('PART_TIME_HOURS_REVIEW');
  });

  it('split days block a part-timer’s week until the settings record an agreement with counterparts (L3123-30)', async () => {
    const week = addIsoWeeks(thisWeek, 25);
    const tuesday = addDays(windowOfIsoWeek(week).from, 1);
    const personId = (
      await newPersonWithAccount(t, hr, {
        lastName: 'Coupure',
        homeSiteId: site.id,
        contract: { start: todayIn(), weeklyHours: 24 },
      })
    ).id;
    // One coupure of 2 h 01: one minute over the law's 2 h.
    for (const [from, to] of [
      ['09:00', '11:00'],
      ['13:01', '15:00'],
    ]) {
      const created = await t.request<ShiftResult>('POST', '/api/shifts', {
        cookie: hr,
        body: {
          personId,
          locationId: desk(),
          activity: 'accueil',
          start: new Date(zonedInstant(tuesday, from, TZ)).toISOString(),
          end: new Date(zonedInstant(tuesday, to, TZ)).toISOString(),
          breakMinutes: 0,
        },
      });
      expect(created.status).toBe(201);
    }
    const [blocking] = rulesOf((await rota(week)).violations, personId, 'PART_TIME_SPLIT_DAY');
    expect(blocking).toMatchObject({ severity: 'block' });
    expect(blocking.message).toContain('L3123-30');
    expect((await publish(week)).status).toBe(422);

    const admin = await t.login('direction@relais.demo');
    const current = (
      await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
        cookie: admin,
      })
    ).body.settings;
    const agreement = {
      reference: 'Accord de branche ALISFA, art. 4.2',
      counterparts: 'Prime de coupure de 5 €',
    };
    const saved = await t.request('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, splitDayAgreement: agreement },
    });
    expect(saved.status).toBe(200);
    const [allowed] = rulesOf((await rota(week)).violations, personId, 'PART_TIME_SPLIT_DAY');
    expect(allowed).toMatchObject({ severity: 'warn' });
    expect(allowed.message).toContain('Accord de branche ALISFA');
    expect((await publish(week)).status).toBe(200);
    // Back to the law for the rest of the file.
    await t.request('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...current, splitDayAgreement: null },
    });
  });

  describe('PART_TIME_NOTICE (L3123-31) and a written agreement', () => {
    // Tuesday and Wednesday of next week: fewer than 7 working days from today.
    const week = addIsoWeeks(thisWeek, 1);
    const tuesday = addDays(windowOfIsoWeek(week).from, 1);
    const wednesday = addDays(tuesday, 1);
    let personId: string;
    const shifts: { id: string; version: number }[] = [];

    const at = (date: string, time: string) => new Date(zonedInstant(date, time, TZ)).toISOString();

    beforeAll(async () => {
      // The seeded draft of next week is someone else's business: the week starts empty here.
      const { from, to } = windowOfIsoWeek(week);
      await t.dataSource.query(
        `DELETE FROM shift WHERE site_id = $1 AND start_at >= $2 AND start_at < $3`,
        [
          site.id,
          new Date(zonedInstant(from, '00:00', TZ)),
          new Date(zonedInstant(addDays(to, 1), '00:00', TZ)),
        ],
      );
      await t.dataSource.query(
        `DELETE FROM rota_publication WHERE site_week_id IN (SELECT id FROM site_week WHERE site_id = $1 AND week = $2)`,
        [site.id, week],
      );
      await t.dataSource.query(`DELETE FROM site_week WHERE site_id = $1 AND week = $2`, [
        site.id,
        week,
      ]);
      personId = (
        await newPersonWithAccount(t, hr, {
          lastName: 'Prevenance',
          homeSiteId: site.id,
          contract: { start: todayIn(), weeklyHours: 24 },
        })
      ).id;
      for (const date of [tuesday, wednesday]) {
        const created = await t.request<ShiftResult>('POST', '/api/shifts', {
          cookie: hr,
          body: {
            personId,
            locationId: desk(),
            activity: 'accueil',
            start: at(date, '09:00'),
            end: at(date, '13:00'),
            breakMinutes: 0,
          },
        });
        expect(created.status).toBe(201);
        shifts.push(created.body.shift);
      }
      const first = await publish(week);
      expect({ status: first.status, body: first.status === 200 ? null : first.body }).toEqual({
        status: 200,
        body: null,
      });
    });

    it('a moved shift blocks, shows in GET /api/compliance, and a written agreement lifts it', async () => {
      const moved = await t.request<ShiftResult>('PATCH', `/api/shifts/${shifts[0].id}`, {
        cookie: hr,
        body: {
          version: shifts[0].version,
          start: at(tuesday, '10:00'),
          end: at(tuesday, '14:00'),
        },
      });
      expect(moved.status).toBe(200);
      shifts[0] = moved.body.shift;
      const [notice] = rulesOf((await rota(week)).violations, personId, 'PART_TIME_NOTICE');
      expect(notice).toMatchObject({ severity: 'block', shiftIds: [shifts[0].id] });
      expect(notice.message).toContain('L3123-31');
      expect((await publish(week)).status).toBe(422);

      const compliance = await t.request<Violation[]>(
        'GET',
        `/api/compliance?personId=${personId}&from=${windowOfIsoWeek(week).from}&to=${windowOfIsoWeek(week).to}`,
        { cookie: hr },
      );
      expect(rulesOf(compliance.body, personId, 'PART_TIME_NOTICE')).toHaveLength(1);

      const agreed = await t.request<NoticeAgreementResult>('POST', '/api/rota/notice-agreements', {
        cookie: hr,
        body: {
          siteId: site.id,
          week,
          personId,
          reference: 'Accord écrit signé par la salariée le jour même',
        },
      });
      expect(agreed.status).toBe(201);
      expect(agreed.body.changeCount).toBe(1);
      const [audit] = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'rota.notice_agreement' ORDER BY at DESC LIMIT 1`,
      );
      expect(audit.details).toMatchObject({
        personId,
        reference: expect.stringContaining('Accord'),
      });
      // The week's history tells it, with who recorded it and when.
      const history = await t.request<RotaChange[]>(
        'GET',
        `/api/rota/history?siteId=${site.id}&week=${week}`,
        { cookie: hr },
      );
      expect(history.body.find((line) => line.kind === 'notice_agreed')).toMatchObject({
        personName: 'Inès Prevenance',
        actorName: expect.any(String),
        at: expect.any(String),
        count: 1,
        justification: 'Accord écrit signé par la salariée le jour même',
      });

      expect(rulesOf((await rota(week)).violations, personId, 'PART_TIME_NOTICE')).toEqual([]);
      const againCompliance = await t.request<Violation[]>(
        'GET',
        `/api/compliance?personId=${personId}&from=${windowOfIsoWeek(week).from}&to=${windowOfIsoWeek(week).to}`,
        { cookie: hr },
      );
      expect(rulesOf(againCompliance.body, personId, 'PART_TIME_NOTICE')).toEqual([]);
      expect((await publish(week)).status).toBe(200);
    });

    it('the agreement covers the change as it was: moving the shift again needs a new one', async () => {
      const again = await t.request<ShiftResult>('PATCH', `/api/shifts/${shifts[0].id}`, {
        cookie: hr,
        body: {
          version: shifts[0].version,
          start: at(tuesday, '11:00'),
          end: at(tuesday, '15:00'),
        },
      });
      expect(again.status).toBe(200);
      shifts[0] = again.body.shift;
      expect(rulesOf((await rota(week)).violations, personId, 'PART_TIME_NOTICE')).toHaveLength(1);
    });

    it('deleting a published shift is a change the notice counts', async () => {
      const removed = await t.request(
        'DELETE',
        `/api/shifts/${shifts[1].id}?version=${shifts[1].version}`,
        { cookie: hr },
      );
      expect(removed.status).toBe(204);
      const notices = rulesOf((await rota(week)).violations, personId, 'PART_TIME_NOTICE');
      expect(notices.map((violation) => violation.message)).toContainEqual(
        expect.stringContaining('Suppression d’un créneau'),
      );
    });

    it('refuses an agreement with nothing to cover, naming the field in French', async () => {
      const nothing = await t.request<ApiError>('POST', '/api/rota/notice-agreements', {
        cookie: hr,
        body: { siteId: site.id, week: addIsoWeeks(thisWeek, 30), personId, reference: 'Accord' },
      });
      expect(nothing.status).toBe(422);
      expect(nothing.body.message).toContain('jamais publiée');
      const blank = await t.request<ApiError>('POST', '/api/rota/notice-agreements', {
        cookie: hr,
        body: { siteId: site.id, week, personId, reference: '  ' },
      });
      expect(blank.status).toBe(422);
    });
  });
});
