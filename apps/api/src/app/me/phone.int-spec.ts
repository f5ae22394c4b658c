import type { MyColleague, MyWeek, Shift, ShiftResult, Site } from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  isoWeekOf,
  mondayOfIsoWeek,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { randomUUID } from 'node:crypto';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';

describe('the mediator on the phone: swap picker, week navigation, complementary hours', () => {
  let t: TestApp;
  let hr: string;
  let manager: string;
  let mediator: string;
  let sud: Site;
  let traore: string;
  const today = todayIn();
  // Weeks far enough ahead to be empty in the demo.
  const farWeek = addIsoWeeks(isoWeekOf(today), 9);

  /** Publishes a site-week with these shifts, as a publication writes its snapshot. */
  async function publish(week: string, shifts: Shift[]): Promise<void> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
       SELECT organisation_id, id, $2, 'published', 1, now() FROM site WHERE id = $1
       ON CONFLICT (site_id, week) DO UPDATE SET status = 'published', version = 1, published_at = now()
       RETURNING id`,
      [sud.id, week],
    );
    await t.dataSource.query(
      `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts)
       SELECT organisation_id, id, 1, $2 FROM site_week WHERE id = $1`,
      [id, JSON.stringify(shifts)],
    );
  }

  function shiftOf(personId: string, date: string, from: string, to: string): Shift {
    return {
      id: randomUUID(),
      siteId: sud.id,
      personId,
      locationId: sud.locations[0].id,
      activity: 'accueil',
      start: toZonedIso(zonedInstant(date, from, TZ)),
      end: toZonedIso(zonedInstant(date, to, TZ)),
      breakMinutes: 0,
      note: null,
      version: 1,
      isChangedSincePublication: false,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    manager = await t.login('manager.sud@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
    sud = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body.find(
      (site) => site.code === 'S',
    ) as Site;
    [{ id: traore }] = await t.dataSource.query("SELECT id FROM person WHERE last_name = 'Traoré'");
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('offers a shift only to mediators of the site under contract on its day', async () => {
    const day = addDays(mondayOfIsoWeek(farWeek), 1);
    const present = await newPersonWithAccount(t, hr, {
      lastName: 'Présente',
      homeSiteId: sud.id,
      contract: { start: addDays(today, -1), weeklyHours: 35 },
    });
    const later = await newPersonWithAccount(t, hr, {
      lastName: 'Arrivéeaprès',
      homeSiteId: sud.id,
      contract: { start: addDays(day, 1), weeklyHours: 35 },
    });
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: traore,
        locationId: sud.locations[0].id,
        activity: 'accueil',
        start: toZonedIso(zonedInstant(day, '13:30', TZ)),
        end: toZonedIso(zonedInstant(day, '17:00', TZ)),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const shift = created.body.shift;
    const [{ person_id: managerId }] = await t.dataSource.query(
      "SELECT person_id FROM account WHERE email = 'manager.sud@relais.demo'",
    );
    const [{ count: managerHasContract }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM contract c JOIN person p ON p.id = c.person_id WHERE c.person_id = $1 AND p.home_site_id = $2',
      [managerId, sud.id],
    );
    // The demo's site manager is of the site and under contract: only the role keeps them out.
    expect(managerHasContract).toBeGreaterThan(0);

    const picker = await t.request<MyColleague[]>('GET', `/api/me/colleagues?shiftId=${shift.id}`, {
      cookie: mediator,
    });
    expect(picker.status).toBe(200);
    const ids = picker.body.map((colleague) => colleague.id);
    expect(ids).toContain(present.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(managerId);
    expect(ids).not.toContain(traore);
    // Without a shift the list still leaves out accounts that are not mediators.
    const all = await t.request<MyColleague[]>('GET', '/api/me/colleagues', { cookie: mediator });
    expect(all.body.map((colleague) => colleague.id)).not.toContain(managerId);
    // Someone else's shift, or a malformed id: refused plainly.
    expect(
      (await t.request('GET', `/api/me/colleagues?shiftId=${shift.id}`, { cookie: present.cookie }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', '/api/me/colleagues?shiftId=abc', { cookie: mediator })).status,
    ).toBe(400);

    // The offer itself is refused the same way, whatever the page sends.
    await publish(farWeek, [shift]);
    const offer = (toPersonId: string) =>
      t.request<{ message: string }>('POST', '/api/swaps', {
        cookie: mediator,
        body: { shiftId: shift.id, version: shift.version, toPersonId },
      });
    const tooEarly = await offer(later.id);
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.message).toMatch(/Arrivéeaprès n’a pas de contrat le/);
    const toManager = await offer(managerId);
    expect(toManager.status).toBe(422);
    expect(toManager.body.message).toMatch(/qu’entre médiateurs/);
    expect((await offer(present.id)).status).toBe(201);
  });

  it('navigates by week and counts the whole week and a part-timer’s complementary hours', async () => {
    const partTimer = await newPersonWithAccount(t, hr, {
      lastName: 'Tempspartiel',
      homeSiteId: sud.id,
      contract: { start: addDays(today, -1), weeklyHours: 24 },
    });
    const week = addIsoWeeks(farWeek, 1);
    const monday = mondayOfIsoWeek(week);
    // 27 h in the week for a 24 h contract: 3 h of complementary hours, above the 1/10 limit
    // (2 h 24).
    const shifts = [0, 1, 2].map((offset) =>
      shiftOf(partTimer.id, addDays(monday, offset), '08:00', '17:00'),
    );
    await publish(week, shifts);

    const shown = await t.request<MyWeek>('GET', `/api/me/week?week=${week}`, {
      cookie: partTimer.cookie,
    });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ ...windowOfIsoWeek(week), week, weeklyHours: 24 });
    expect(shown.body.shifts.map((shift) => shift.id).sort()).toEqual(
      shifts.map((shift) => shift.id).sort(),
    );
    const thursday = addDays(monday, 3);
    const weeksInMonth = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].filter(
      (offset) => addDays(thursday, offset * 7).slice(0, 7) === thursday.slice(0, 7),
    ).length;
    expect(shown.body.complementaryHours).toEqual({
      ratio: 0.1,
      weekMinutes: 180,
      weekCapMinutes: 144,
      month: thursday.slice(0, 7),
      monthMinutes: 180,
      monthCapMinutes: 144 * weeksInMonth,
    });
    // The week after: nothing planned, nothing complementary.
    const next = await t.request<MyWeek>('GET', `/api/me/week?week=${addIsoWeeks(week, 1)}`, {
      cookie: partTimer.cookie,
    });
    expect(next.body.shifts).toEqual([]);
    expect(next.body.complementaryHours?.weekMinutes).toBe(0);

    // Without a week: from Monday of this week, so the week's total counts the days gone by.
    const current = await t.request<MyWeek>('GET', '/api/me/week', { cookie: mediator });
    expect(current.body.from).toBe(mondayOfIsoWeek(isoWeekOf(today)));
    expect(current.body.week).toBe(isoWeekOf(today));
    // A full-timer has no complementary hours.
    expect(current.body.complementaryHours).toBeNull();

    const invalid = await t.request<{ message: string }>('GET', '/api/me/week?week=2026-W99', {
      cookie: mediator,
    });
    expect(invalid.status).toBe(400);
  });
});
