import type { ApiError, RotaWeek, ShiftResult, Site, Violation } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';
const BASIS = 'Arrêté préfectoral n° 75-2026-11-02-004 (C. trav., L3132-20)';

/**
 * A derogation to Sunday rest recorded for one site (L3132-12 and following): who may record it,
 * what it silences (SUNDAY at that site only, in the rota and in a person's compliance), audited.
 */
describe('a Sunday derogation recorded per site', () => {
  let t: TestApp;
  let hr: string;
  let sud: Site;
  let sudEst: Site;
  // A far week nobody plans: the two Sunday shifts are alone in it.
  const week = addIsoWeeks(isoWeekOf(todayIn()), 23);
  const sunday = addDays(windowOfIsoWeek(week).from, 6);
  const people: Record<string, string> = {};

  const desk = (site: Site): string =>
    (site.locations.find((location) => location.kind === 'site') ?? site.locations[0]).id;

  const record = (cookie: string, siteId: string, body: unknown) =>
    t.request<Site | ApiError>('PUT', `/api/sites/${siteId}/sunday-derogation`, { cookie, body });

  async function sundayViolations(site: Site): Promise<Violation[]> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body.violations.filter((violation) => violation.rule === 'SUNDAY');
  }

  async function complianceRules(personId: string): Promise<string[]> {
    const response = await t.request<Violation[]>(
      'GET',
      `/api/compliance?personId=${personId}&from=${sunday}&to=${sunday}`,
      { cookie: hr },
    );
    expect(response.status).toBe(200);
    return response.body.map((violation) => violation.rule);
  }

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    sud = sites.find((site) => site.code === 'S') as Site;
    sudEst = sites.find((site) => site.code === 'SE') as Site;
    for (const [name, site] of [
      ['Dimanchesud', sud],
      ['Dimanchesudest', sudEst],
    ] as const) {
      const person = await newPersonWithAccount(t, hr, {
        lastName: name,
        homeSiteId: site.id,
        contract: { start: todayIn(), weeklyHours: 35 },
      });
      people[site.code] = person.id;
      const created = await t.request<ShiftResult>('POST', '/api/shifts', {
        cookie: hr,
        body: {
          personId: person.id,
          locationId: desk(site),
          activity: 'accueil',
          start: new Date(zonedInstant(sunday, '10:00', TZ)).toISOString(),
          end: new Date(zonedInstant(sunday, '13:00', TZ)).toISOString(),
          breakMinutes: 0,
        },
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('without a derogation, a Sunday shift is flagged at both sites', async () => {
    expect(sud.sundayDerogation).toBeNull();
    expect((await sundayViolations(sud)).map((violation) => violation.personId)).toEqual([
      people['S'],
    ]);
    expect((await sundayViolations(sudEst)).map((violation) => violation.personId)).toEqual([
      people['SE'],
    ]);
  });

  it('refuses bad bodies in French, and leaves the site as it was', async () => {
    for (const [body, message] of [
      [{ basis: '' }, '« basis » : vide : le fondement de la dérogation, ou null pour la retirer'],
      [
        { basis: '   ' },
        '« basis » : vide : le fondement de la dérogation, ou null pour la retirer',
      ],
      [{ basis: 'x'.repeat(201) }, '« basis » : trop long'],
      [{ basis: 12 }, '« basis » : doit être un texte'],
      [{}, '« basis » : champ obligatoire'],
      [{ basis: BASIS, site: 'S' }, '« site » : champ inconnu, à retirer'],
    ] as const) {
      const response = await record(hr, sud.id, body);
      expect(response.status).toBe(400);
      expect((response.body as ApiError).message).toBe(`Requête invalide — ${message}.`);
    }
    const unknown = await record(hr, '00000000-0000-4000-8000-000000000000', { basis: BASIS });
    expect(unknown.status).toBe(404);
    expect((unknown.body as ApiError).message).toBe('Site introuvable.');
    const [row] = await t.dataSource.query(`SELECT sunday_derogation FROM site WHERE id = $1`, [
      sud.id,
    ]);
    expect(row.sunday_derogation).toBeNull();
  });

  it('is recorded by HR or an admin only', async () => {
    for (const email of ['manager.sud@relais.demo', 'mediateur@relais.demo']) {
      const cookie = await t.login(email);
      expect((await record(cookie, sud.id, { basis: BASIS })).status).toBe(403);
    }
  });

  it('once recorded for Sud, silences SUNDAY at Sud only, in the rota and the compliance', async () => {
    const response = await record(hr, sud.id, { basis: `  ${BASIS} ` });
    expect(response.status).toBe(200);
    const site = response.body as Site;
    expect(site.sundayDerogation).toEqual({
      basis: BASIS,
      at: expect.any(String),
      byName: expect.stringMatching(/\S+ \S+/),
    });
    expect(Date.now() - Date.parse(site.sundayDerogation?.at ?? '')).toBeLessThan(60_000);
    const listed = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    expect(listed.find((one) => one.id === sud.id)?.sundayDerogation?.basis).toBe(BASIS);
    expect(listed.find((one) => one.id === sudEst.id)?.sundayDerogation).toBeNull();

    expect(await sundayViolations(sud)).toEqual([]);
    expect((await sundayViolations(sudEst)).map((violation) => violation.personId)).toEqual([
      people['SE'],
    ]);
    expect(await complianceRules(people['S'])).not.toContain('SUNDAY');
    expect(await complianceRules(people['SE'])).toContain('SUNDAY');

    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'site.sunday_derogation' AND entity_id = $1
        ORDER BY at DESC LIMIT 1`,
      [sud.id],
    );
    expect(audit.details).toEqual({ site: 'S', before: null, after: BASIS });
  });

  it('removed with null, the Sunday shift at Sud is flagged again', async () => {
    const response = await record(hr, sud.id, { basis: null });
    expect(response.status).toBe(200);
    expect((response.body as Site).sundayDerogation).toBeNull();
    expect((await sundayViolations(sud)).map((violation) => violation.personId)).toEqual([
      people['S'],
    ]);
  });
});
