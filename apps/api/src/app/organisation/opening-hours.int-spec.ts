import type { ApiError, OpeningHours, RotaWeek, Site } from '@relais/api-types';
import { addIsoWeeks, isoWeekOf } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * A site's public opening hours, recorded by HR or an admin: they decide the France Services
 * minimum (FS_OPENING_HOURS, which blocks publication), refused in French when a range ends
 * before it starts or overlaps another, audited with the hours before and after.
 */
describe('a site’s opening hours', () => {
  let t: TestApp;
  let hr: string;
  let sud: Site;
  const week = addIsoWeeks(isoWeekOf(todayIn()), 21);
  const fourDays: OpeningHours[] = [1, 2, 3, 4].map((weekday) => ({
    weekday,
    start: '09:00',
    end: '17:00',
  }));

  const put = (cookie: string, siteId: string, body: unknown) =>
    t.request<Site | ApiError>('PUT', `/api/sites/${siteId}/opening-hours`, { cookie, body });

  async function openingViolations(): Promise<RotaWeek['violations']> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${sud.id}&week=${week}`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body.violations.filter((violation) => violation.rule === 'FS_OPENING_HOURS');
  }

  async function storedHours(): Promise<OpeningHours[]> {
    const [row] = await t.dataSource.query(`SELECT opening_hours FROM site WHERE id = $1`, [
      sud.id,
    ]);
    return row.opening_hours;
  }

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    sud = sites.find((site) => site.code === 'S') as Site;
  });

  afterAll(async () => {
    await t.close();
  });

  it('the demo’s France Services site opens long enough: nothing to flag', async () => {
    expect(sud.isFranceServices).toBe(true);
    expect(await openingViolations()).toEqual([]);
  });

  it('refuses bad hours in French, naming the field, and leaves the site as it was', async () => {
    const before = await storedHours();
    for (const [body, status, message] of [
      [{}, 400, 'Requête invalide — « openingHours » : champ obligatoire.'],
      [
        { openingHours: [{ weekday: 8, start: '09:00', end: '12:00' }] },
        400,
        'Requête invalide — « openingHours.0.weekday » : valeur trop grande.',
      ],
      [
        { openingHours: [{ weekday: 1, start: '9h', end: '12:00' }] },
        400,
        'Requête invalide — « openingHours.0.start » : heure invalide (HH:MM, de 00:00 à 23:59).',
      ],
      [
        { openingHours: [{ weekday: 1, start: '09:00', end: '24:00' }] },
        400,
        'Requête invalide — « openingHours.0.end » : heure invalide (HH:MM, de 00:00 à 23:59).',
      ],
      [
        { openingHours: [{ weekday: 3, start: '14:00', end: '12:00' }] },
        422,
        'Horaires refusés — le mercredi, la plage doit finir après 14 h.',
      ],
      [
        {
          openingHours: [
            { weekday: 2, start: '09:00', end: '12:31' },
            { weekday: 2, start: '12:30', end: '17:00' },
          ],
        },
        422,
        'Horaires refusés — le mardi, 12 h 30–17 h chevauche 9 h–12 h 31.',
      ],
    ] as const) {
      const response = await put(hr, sud.id, body);
      expect(response.status).toBe(status);
      expect((response.body as ApiError).message).toBe(message);
    }
    const overlap = await put(hr, sud.id, {
      openingHours: [
        { weekday: 2, start: '09:00', end: '12:31' },
        { weekday: 2, start: '12:30', end: '17:00' },
      ],
    });
    expect((overlap.body as ApiError).details).toEqual([
      { field: 'openingHours.1.start', message: 'le mardi, 12 h 30–17 h chevauche 9 h–12 h 31' },
    ]);
    const unknown = await put(hr, '00000000-0000-4000-8000-000000000000', { openingHours: [] });
    expect(unknown.status).toBe(404);
    expect(await storedHours()).toEqual(before);
  });

  it('is recorded by HR or an admin only', async () => {
    for (const email of ['manager.sud@relais.demo', 'mediateur@relais.demo']) {
      const cookie = await t.login(email);
      expect((await put(cookie, sud.id, { openingHours: fourDays })).status).toBe(403);
    }
  });

  it('under 24 h over 5 days, the France Services week is blocked until the hours are mended', async () => {
    const before = await storedHours();
    const response = await put(hr, sud.id, { openingHours: [...fourDays].reverse() });
    expect(response.status).toBe(200);
    expect((response.body as Site).openingHours).toEqual(fourDays);

    const [violation] = await openingViolations();
    expect(violation).toMatchObject({
      rule: 'FS_OPENING_HOURS',
      severity: 'block',
      message:
        'Horaires publics de 32 h sur 4 jours : un espace France Services ouvre au moins 24 h sur 5 jours (charte nationale France Services).',
    });
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'site.opening_hours' AND entity_id = $1
        ORDER BY at DESC LIMIT 1`,
      [sud.id],
    );
    expect(audit.details).toEqual({ site: 'S', before, after: fourDays });

    const friday = { weekday: 5, start: '09:00', end: '12:00' };
    const mended = await put(hr, sud.id, { openingHours: [...fourDays, friday] });
    expect(mended.status).toBe(200);
    expect(await openingViolations()).toEqual([]);
  });
});
