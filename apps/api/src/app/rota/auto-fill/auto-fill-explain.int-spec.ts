import type { AutoFillJob, AutoFillProposal, PersonSummary } from '@relais/api-types';
import { addDays, isoWeekday, isoWeekOf, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { todayIn } from '../../../common/today';
import { TIME_ZONE } from '../../../common/week';
import { startTestApp, TestApp } from '../../../testing/test-app';

/**
 * Auto-fill explains itself: it leaves closed days alone and says so, says in data why it adds
 * nothing, and gives every proposed shift the reasons that decided it. Each case on sites of its
 * own, built for it.
 */
describe('auto-fill explanations over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let organisationId: string;
  const today = todayIn();
  // The next Christmas Day still ahead, and its week.
  const christmas = `${today.slice(5) <= '12-25' ? today.slice(0, 4) : Number(today.slice(0, 4)) + 1}-12-25`;
  const christmasWeek = isoWeekOf(christmas);
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

  /** A plain site (not France Services) open every day of the week, with one desk. */
  async function newSite(code: string): Promise<{ siteId: string; locationId: string }> {
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '09:00',
      end: '17:00',
    }));
    const [site] = await t.dataSource.query(
      `INSERT INTO site (organisation_id, code, name, address, opening_hours)
       VALUES ($1, $2, $3, 'rue du Test', $4) RETURNING id`,
      [organisationId, code, `Site ${code}`, JSON.stringify(everyDay)],
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

  async function openShift(locationId: string, date: string, start: string, end: string) {
    const created = await t.request('POST', '/api/shifts', {
      cookie: admin,
      body: {
        personId: null,
        locationId,
        activity: 'accueil',
        start: instant(date, start),
        end: instant(date, end),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
  }

  async function need(locationId: string, weekday: number, start: string, end: string) {
    const created = await t.request('POST', '/api/coverage', {
      cookie: admin,
      body: { locationId, weekday, startTime: start, endTime: end, minStaff: 1 },
    });
    expect(created.status).toBe(201);
  }

  async function autoFill(siteIds: string[], week: string): Promise<AutoFillProposal> {
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
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    if (!job.proposal) throw new Error('no proposal');
    return job.proposal;
  }

  it('never staffs an open shift or a need on Christmas Day, and says it left them', async () => {
    const { siteId, locationId } = await newSite('XP-NOEL');
    const person = await newMediator('Noël', siteId);
    const eve = addDays(christmas, -1);
    await openShift(locationId, eve, '09:00', '12:00');
    await openShift(locationId, christmas, '09:00', '12:00');
    await openShift(locationId, christmas, '13:00', '16:00');
    // A need on Christmas Day's weekday, as every week.
    await need(locationId, isoWeekday(christmas), '14:00', '17:00');

    const proposal = await autoFill([siteId], christmasWeek);
    expect(proposal.add.map((p) => p.start.slice(0, 10))).not.toContain(christmas);
    expect(proposal.add).toContainEqual(
      expect.objectContaining({ personId: person, personName: 'Test Noël' }),
    );
    expect(proposal.add.some((p) => p.start.startsWith(eve))).toBe(true);
    expect(proposal.explanation).toContainEqual({
      code: 'closed-day',
      days: [{ date: christmas, reason: 'holiday' }],
      openShifts: 2,
      needs: 1,
    });
    // Christmas Day is not owed either: the contract owes four fifths of 35 h that week.
    const owed = proposal.hours.find((row) => row.personId === person)?.contractMinutes;
    expect(owed).toBe(28 * 60);
    for (const add of proposal.add) {
      expect(add.reasons.length).toBeGreaterThan(0);
    }
    expect(proposal.add.find((p) => p.start.startsWith(eve))?.reasons).toContainEqual({
      code: 'hours-owed',
      minutes: 28 * 60,
    });
  });

  it('says nothing was to staff, and how many people stay under their hours', async () => {
    const { siteId } = await newSite('XP-VIDE');
    await newMediator('Aubry', siteId);
    await newMediator('Barre', siteId);

    const proposal = await autoFill([siteId], christmasWeek);
    expect(proposal.add).toEqual([]);
    expect(proposal.explanation).toEqual([{ code: 'no-open-need', underHours: 2 }]);
  });

  it('gives every proposed shift its reasons, and counts what stays uncovered', async () => {
    const { siteId, locationId } = await newSite('XP-WHY');
    const aubin = await newMediator('Aubin', siteId);
    const monday = windowOfIsoWeek(christmasWeek).from;
    // Aubin already works Monday's desk; Tuesday's desk needs one person, Wednesday's two.
    const planned = await t.request('POST', '/api/shifts', {
      cookie: admin,
      body: {
        personId: aubin,
        locationId,
        activity: 'accueil',
        start: instant(monday, '09:00'),
        end: instant(monday, '12:00'),
        breakMinutes: 0,
      },
    });
    expect(planned.status).toBe(201);
    await need(locationId, 2, '09:00', '12:00');
    await openShift(locationId, addDays(monday, 2), '09:00', '12:00');
    await openShift(locationId, addDays(monday, 2), '09:00', '12:00');

    const proposal = await autoFill([siteId], christmasWeek);
    expect(proposal.add.length).toBeGreaterThanOrEqual(2);
    for (const add of proposal.add) {
      expect(add.personId).toBe(aubin);
      expect(add.reasons).toContainEqual({ code: 'hours-owed', minutes: 28 * 60 - 3 * 60 });
      // The same desk and activity on Monday.
      expect(add.reasons).toContainEqual(
        expect.objectContaining({ code: 'continuity', dates: expect.arrayContaining([monday]) }),
      );
    }
    // One person cannot be on Wednesday's desk twice at once: one stays open, with its reason.
    expect(proposal.explanation).toContainEqual(
      expect.objectContaining({ code: 'uncovered', missing: 1 }),
    );
  });
});
