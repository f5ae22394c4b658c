import type { AutoFillJob, AutoFillProposal, PersonSummary } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { todayIn } from '../../../common/today';
import { TIME_ZONE } from '../../../common/week';
import { startTestApp, TestApp } from '../../../testing/test-app';

/**
 * The soft terms of auto-fill, each on sites of its own built for the case: two candidates
 * equal in everything but what the term looks at. Where the term is indifferent the solver keeps
 * the first roster it builds (people in name order), which is the wrong one in each case.
 */
describe('auto-fill soft terms over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let organisationId: string;
  const today = todayIn();
  const week = addIsoWeeks(isoWeekOf(today), 8);
  const monday = windowOfIsoWeek(week).from;
  const instant = (date: string, time: string) =>
    new Date(zonedInstant(date, time, TIME_ZONE)).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('direction@relais.demo');
    hr = await t.login('rh@relais.demo');
    const [row] = await t.dataSource.query('SELECT organisation_id AS id FROM site LIMIT 1');
    organisationId = row.id;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  /** A plain site (not France Services, no opening hours) with one desk; returns both ids. */
  async function newSite(code: string): Promise<{ siteId: string; locationId: string }> {
    const [site] = await t.dataSource.query(
      `INSERT INTO site (organisation_id, code, name, address) VALUES ($1, $2, $3, 'rue du Test') RETURNING id`,
      [organisationId, code, `Site ${code}`],
    );
    const [location] = await t.dataSource.query(
      `INSERT INTO location (organisation_id, site_id, code, name, kind, address)
       VALUES ($1, $2, $3, $4, 'site', 'rue du Test') RETURNING id`,
      [organisationId, site.id, `${code}-DESK`, `Accueil ${code}`],
    );
    return { siteId: site.id, locationId: location.id };
  }

  /** A mediator of the site on a 35-hour CDI. */
  async function newMediator(lastName: string, homeSiteId: string): Promise<string> {
    const created = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: { firstName: 'Test', lastName, homeSiteId, role: 'mediator' },
    });
    expect(created.status).toBe(201);
    const contract = await t.request('POST', '/api/contracts', {
      cookie: hr,
      body: { personId: created.body.id, type: 'CDI', start: addDays(today, -1), weeklyHours: 35 },
    });
    expect(contract.status).toBe(201);
    return created.body.id;
  }

  async function need(locationId: string, weekday: number, start: string, end: string, n = 1) {
    const created = await t.request('POST', '/api/coverage', {
      cookie: admin,
      body: { locationId, weekday, startTime: start, endTime: end, minStaff: n },
    });
    expect(created.status).toBe(201);
  }

  async function shift(
    personId: string,
    locationId: string,
    date: string,
    start: string,
    end: string,
    breakMinutes = 0,
  ) {
    const created = await t.request('POST', '/api/shifts', {
      cookie: admin,
      body: {
        personId,
        locationId,
        activity: 'accueil',
        start: instant(date, start),
        end: instant(date, end),
        breakMinutes,
      },
    });
    expect(created.status).toBe(201);
  }

  async function autoFill(siteIds: string[]): Promise<AutoFillProposal> {
    const started = await t.request<AutoFillJob>('POST', '/api/rota/auto-fill', {
      cookie: admin,
      body: { siteIds, week, mode: 'fill', timeLimitSeconds: 5 },
    });
    expect(started.status).toBe(202);
    let job = started.body;
    for (let i = 0; i < 300 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (
        await t.request<AutoFillJob>('GET', `/api/rota/auto-fill/${job.id}`, { cookie: admin })
      ).body;
    }
    expect(job.status).toBe('done');
    const proposal = job.proposal;
    if (!proposal) throw new Error('no proposal');
    expect(proposal.violations.filter((v) => v.severity === 'block')).toEqual([]);
    expect(proposal.unfilled).toEqual([]);
    return proposal;
  }

  const who = (proposal: AutoFillProposal, date: string) =>
    proposal.add.filter((p) => p.start.startsWith(date)).map((p) => p.personId);

  it('gives the shift to the one further below their contract hours', async () => {
    const { siteId, locationId } = await newSite('SOFT-H');
    const near = await newMediator('Aubert', siteId);
    const far = await newMediator('Bernard', siteId);
    // Aubert already has 28 h this week (7 h short of 35), Bernard nothing.
    for (const day of [0, 2, 3, 4]) {
      await shift(near, locationId, addDays(monday, day), '09:00', '16:20', 20);
    }
    await need(locationId, 2, '09:00', '12:00');

    const proposal = await autoFill([siteId]);
    expect(who(proposal, addDays(monday, 1))).toEqual([far]);
    // The per-person summary tells the manager where each one stands.
    expect(proposal.hours).toEqual(
      expect.arrayContaining([
        {
          personId: near,
          personName: 'Test Aubert',
          plannedMinutes: 28 * 60,
          contractMinutes: 35 * 60,
        },
        {
          personId: far,
          personName: 'Test Bernard',
          plannedMinutes: 3 * 60,
          contractMinutes: 35 * 60,
        },
      ]),
    );
  });

  it('leaves the Saturday to the one who worked fewer Saturdays in the last 4 weeks', async () => {
    const { siteId, locationId } = await newSite('SOFT-F');
    const often = await newMediator('Aubry', siteId);
    const seldom = await newMediator('Bertin', siteId);
    // The same hours over the last 4 weeks: Aubry on three Saturdays, Bertin on three Wednesdays.
    for (const weeksBack of [1, 2, 3]) {
      const before = addDays(monday, -7 * weeksBack);
      await shift(often, locationId, addDays(before, 5), '09:00', '12:00');
      await shift(seldom, locationId, addDays(before, 2), '09:00', '12:00');
    }
    await need(locationId, 6, '09:00', '12:00');

    const proposal = await autoFill([siteId]);
    expect(who(proposal, addDays(monday, 5))).toEqual([seldom]);
  });

  it('keeps each person on their home site when two sites are solved together', async () => {
    const first = await newSite('SOFT-H1');
    const second = await newSite('SOFT-H2');
    const zola = await newMediator('Zola', first.siteId);
    const arnaud = await newMediator('Arnaud', second.siteId);
    // Arnaud helped the first site on Wednesday, which puts him on its team this week.
    await shift(arnaud, first.locationId, addDays(monday, 2), '09:00', '12:00');
    await need(first.locationId, 1, '09:00', '12:00');
    await need(second.locationId, 1, '09:00', '12:00');

    const proposal = await autoFill([first.siteId, second.siteId]);
    expect(proposal.add.filter((p) => p.start.startsWith(monday))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: zola, siteId: first.siteId }),
        expect.objectContaining({ personId: arnaud, siteId: second.siteId }),
      ]),
    );
  });

  it('keeps each person on one site across the week', async () => {
    const home = await newSite('SOFT-C1');
    const other = await newSite('SOFT-C2');
    const aubert = await newMediator('Aubert', home.siteId);
    const blanc = await newMediator('Blanc', home.siteId);
    const dumas = await newMediator('Dumas', other.siteId);
    // Monday and Tuesday: one desk of 4 h at home, two people for 3 h at the other site. Someone
    // of home must help the other site on both days: the same person, rather than one each day.
    for (const weekday of [1, 2]) {
      await need(home.locationId, weekday, '09:00', '13:00');
      await need(other.locationId, weekday, '09:00', '12:00', 2);
    }

    const proposal = await autoFill([home.siteId, other.siteId]);
    const sitesOf = (personId: string) =>
      new Set(proposal.add.filter((p) => p.personId === personId).map((p) => p.siteId));
    expect(proposal.add).toHaveLength(6);
    expect(sitesOf(dumas)).toEqual(new Set([other.siteId]));
    const helper = [aubert, blanc].find((id) => sitesOf(id).has(other.siteId));
    const stayer = [aubert, blanc].find((id) => id !== helper) as string;
    expect(sitesOf(helper as string)).toEqual(new Set([other.siteId]));
    expect(sitesOf(stayer)).toEqual(new Set([home.siteId]));
  });

  it('never staffs a window past its need just to fill someone’s hours', async () => {
    const { siteId, locationId } = await newSite('SOFT-N');
    const planned = await newMediator('Aubin', siteId);
    await newMediator('Barbier', siteId);
    // Thursday's desk needs one person and has one, in a draft; Barbier has no hours this week.
    await need(locationId, 4, '09:00', '12:00');
    await shift(planned, locationId, addDays(monday, 3), '09:00', '12:00');

    const proposal = await autoFill([siteId]);
    expect(proposal.add).toEqual([]);
    expect(proposal.release).toEqual([]);
  });
});
