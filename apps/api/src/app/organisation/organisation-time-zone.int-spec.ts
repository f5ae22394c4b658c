import type { ApiError, RotaWeek, ShiftResult, Site } from '@relais/api-types';
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
 * An association in La Réunion (UTC+4, no daylight saving): its days, weeks and the times its
 * messages give are Réunion's, not Paris's (UTC+1 in winter).
 */
describe('an organisation outside Paris time', () => {
  let t: TestApp;
  let manager: string;
  let sites: Site[];
  const week = addIsoWeeks(isoWeekOf(todayIn()), 8);
  const monday = windowOfIsoWeek(week).from;
  // Monday 02:00–04:00 in La Réunion is still Sunday 23:00–01:00 in Paris (the week before).
  const start = `${monday}T02:00:00+04:00`;
  const end = `${monday}T04:00:00+04:00`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('direction@relais.demo');
    const saved = await t.request('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...DEFAULT_ORGANISATION_SETTINGS, timeZone: 'Indian/Reunion' },
    });
    expect(saved.status).toBe(200);
    // Sessions read the organisation's time zone when they resolve the caller.
    manager = await t.login('manager.sud@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
  });

  afterAll(async () => {
    await t.close();
  });

  it('files a shift under the week and day of the organisation, and names its times in that zone', async () => {
    const sud = sites.find((site) => site.code === 'S') as Site;
    const desk = sud.locations.find((location) => location.code === 'S')?.id;
    const [person] = await t.dataSource.query(
      `SELECT p.id FROM person p JOIN contract c ON c.person_id = p.id
        WHERE p.home_site_id = $1 AND c.start_date <= $2 AND (c.end_date IS NULL OR c.end_date >= $2)
          AND NOT EXISTS (SELECT 1 FROM manager_site ms WHERE ms.person_id = p.id)
        ORDER BY p.last_name LIMIT 1`,
      [sud.id, monday],
    );
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: person.id,
        locationId: desk,
        activity: 'back_office',
        start,
        end,
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'shift.create' AND entity_id = $1`,
      [created.body.shift.id],
    );
    // Paris would file it under the week before.
    expect(audit.details.week).toBe(week);
    expect(isoWeekOf(addDays(monday, -1))).not.toBe(week);
    const rota = await t.request<RotaWeek>('GET', `/api/rota?siteId=${sud.id}&week=${week}`, {
      cookie: manager,
    });
    expect(rota.body.shifts.map((shift) => shift.id)).toContain(created.body.shift.id);

    const clash = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: person.id,
        locationId: desk,
        activity: 'back_office',
        start: `${monday}T03:00:00+04:00`,
        end: `${monday}T05:00:00+04:00`,
        breakMinutes: 0,
      },
    });
    expect(clash.status).toBe(409);
    // 02:00–04:00 as the association reads its clock (Paris would say Sunday 23:00–01:00).
    expect(clash.body.message).toContain('02:00');
    expect(clash.body.message).toContain('04:00');
  });
});
