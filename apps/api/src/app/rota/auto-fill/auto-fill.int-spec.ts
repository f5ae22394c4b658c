import type {
  ApiError,
  AutoFillApplyResult,
  AutoFillJob,
  PublishResult,
  RotaChange,
  RotaWeek,
  Site,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../../common/today';
import { startTestApp, TestApp } from '../../../testing/test-app';

describe('auto-fill over HTTP', () => {
  let t: TestApp;
  let manager: string;
  let sites: Site[];
  const thisWeek = isoWeekOf(todayIn());
  const nextWeek = addIsoWeeks(thisWeek, 1);
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager.sud@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  async function rota(code: string, week: string): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${site(code).id}&week=${week}`,
      { cookie: manager },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  const blockingOf = (week: RotaWeek) =>
    week.violations
      .filter((violation) => violation.severity === 'block')
      .map((violation) => `${violation.rule}: ${violation.message}`);

  async function run(
    codes: string[],
    week: string,
    mode: 'fill' | 'replan',
    timeLimitSeconds = 5,
  ): Promise<AutoFillJob> {
    const started = await t.request<AutoFillJob>('POST', '/api/rota/auto-fill', {
      cookie: manager,
      body: { siteIds: codes.map((code) => site(code).id), week, mode, timeLimitSeconds },
    });
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    let job = started.body;
    for (let i = 0; i < 300 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (
        await t.request<AutoFillJob>('GET', `/api/rota/auto-fill/${job.id}`, { cookie: manager })
      ).body;
    }
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    return job;
  }

  async function shiftCount(): Promise<number> {
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM shift');
    return row.n;
  }

  it('fills next week of Sud and Sud Est with no blocking violation left', async () => {
    const before = [await rota('S', nextWeek), await rota('SE', nextWeek)];
    expect(before.flatMap(blockingOf).length).toBeGreaterThan(0);

    const job = await run(['S', 'SE'], nextWeek, 'fill');
    const proposal = job.proposal;
    if (!proposal) throw new Error('no proposal');
    // The draft's 11 h rest breach is re-planned, the Sud Est desk gets its trained agents.
    expect(proposal.release.map((release) => release.rule)).toContain('DAILY_REST');
    expect(proposal.add.length).toBeGreaterThan(0);
    expect(proposal.violations.filter((v) => v.severity === 'block')).toEqual([]);
    expect(job.progress?.feasible).toBe(true);
    // Every proposed shift says what decided it; the trained desk agents say they are trained.
    for (const add of proposal.add) expect(add.reasons.length).toBeGreaterThan(0);
    expect(proposal.add.flatMap((add) => add.reasons)).toContainEqual({
      code: 'skill',
      skill: 'france_services_initial',
    });

    const applied = await t.request<AutoFillApplyResult>(
      'POST',
      `/api/rota/auto-fill/${job.id}/apply`,
      { cookie: manager },
    );
    expect(applied.status).toBe(200);
    expect(applied.body.created + applied.body.assigned).toBe(proposal.add.length);
    expect(applied.body.removed).toBe(proposal.release.length);

    const after = [await rota('S', nextWeek), await rota('SE', nextWeek)];
    expect(after.flatMap(blockingOf)).toEqual([]);
    const added = proposal.add.filter((p) => !p.openShiftId).length;
    expect(after.reduce((sum, week) => sum + week.shifts.length, 0)).toBe(
      before.reduce((sum, week) => sum + week.shifts.length, 0) + added - proposal.release.length,
    );
    // The writes are in the week's history as one auto-fill step, in the manager's name.
    const history = await t.request<RotaChange[]>(
      'GET',
      `/api/rota/history?siteId=${site('S').id}&week=${nextWeek}`,
      { cookie: manager },
    );
    const step = history.body.find((change) => change.kind === 'auto_filled');
    expect(step).toBeDefined();
    expect(step?.count).toBeGreaterThan(0);
    expect(step?.actorName).toBeTruthy();

    const again = await t.request<ApiError>('POST', `/api/rota/auto-fill/${job.id}/apply`, {
      cookie: manager,
    });
    expect(again.status).toBe(409);
  });

  it('re-plans a published week after an absence, changing only what the absence broke', async () => {
    const published = await t.request<PublishResult>('POST', '/api/rota/publish', {
      cookie: manager,
      body: { siteId: site('S').id, week: nextWeek, justification: 'Points à justifier relus.' },
    });
    expect(published.status).toBe(200);
    const week = await rota('S', nextWeek);
    const monday = windowOfIsoWeek(nextWeek).from;
    // Someone working on Thursday of next week falls ill for Thursday and Friday.
    const thursday = addDays(monday, 3);
    const friday = addDays(monday, 4);
    // Preferably the one person of a satellite slot, whose absence leaves a real gap.
    const onThursday = week.shifts.filter(
      (shift) => shift.personId !== null && shift.start.startsWith(thursday),
    );
    const target = onThursday.find((shift) => shift.activity === 'digital_help') ?? onThursday[0];
    if (!target?.personId) throw new Error('no shift on Thursday');
    const absent = target.personId;
    const theirShifts = week.shifts.filter(
      (shift) =>
        shift.personId === absent &&
        shift.start.slice(0, 10) >= thursday &&
        shift.start.slice(0, 10) <= addDays(monday, 4),
    );
    const hr = await t.login('rh@relais.demo');
    const absence = await t.request('POST', `/api/people/${absent}/absences`, {
      cookie: hr,
      body: { kind: 'sickness', start: thursday, end: friday },
    });
    expect(absence.status).toBe(201);

    const job = await run(['S'], nextWeek, 'replan');
    const proposal = job.proposal;
    if (!proposal) throw new Error('no proposal');
    const broken = proposal.release.filter((release) => release.rule === 'DURING_ABSENCE');
    expect(new Set(broken.map((release) => release.shiftId))).toEqual(
      new Set(theirShifts.map((shift) => shift.id)),
    );
    // Anything else released was moved on purpose, to cover the gap.
    expect(
      proposal.release.every((r) => r.rule === 'DURING_ABSENCE' || r.rule === 'AUTO_FILL_MOVE'),
    ).toBe(true);
    expect(
      proposal.add.some(
        (p) =>
          p.personId === absent &&
          p.start.slice(0, 10) >= thursday &&
          p.start.slice(0, 10) <= friday,
      ),
    ).toBe(false);
    expect(proposal.changedPublished).toBe(proposal.release.length + proposal.add.length);
    expect(proposal.changedPublished).toBeLessThan(week.shifts.length / 2);
    // The gap is re-staffed by someone else, or comes back with its reason.
    const replaced = proposal.add.some(
      (p) =>
        p.locationId === target.locationId &&
        p.start.slice(0, 10) === thursday &&
        p.start.slice(11, 16) <= target.start.slice(11, 16),
    );
    const reported = proposal.unfilled.some(
      (gap) => gap.locationId === target.locationId && gap.date === thursday,
    );
    expect(replaced || reported).toBe(true);
    for (const gap of proposal.unfilled) expect(gap.message).toMatch(/manquante/);

    const applied = await t.request<AutoFillApplyResult>(
      'POST',
      `/api/rota/auto-fill/${job.id}/apply`,
      { cookie: manager },
    );
    expect(applied.status).toBe(200);
    const after = await rota('S', nextWeek);
    expect(blockingOf(after)).toEqual([]);
    expect(after.shifts.filter((shift) => theirShifts.some((s) => s.id === shift.id))).toEqual([]);
    // Every other shift of the published week is untouched.
    const released = new Set(proposal.release.map((release) => release.shiftId));
    const untouched = week.shifts.filter((shift) => !released.has(shift.id));
    for (const shift of untouched) {
      expect(after.shifts).toContainEqual(
        expect.objectContaining({ id: shift.id, personId: shift.personId, version: shift.version }),
      );
    }
  });

  it('stops a long run on request and still offers the best proposal found', async () => {
    const week = addIsoWeeks(thisWeek, 3);
    const started = await t.request<AutoFillJob>('POST', '/api/rota/auto-fill', {
      cookie: manager,
      body: { siteIds: [site('S').id, site('SE').id], week, mode: 'fill', timeLimitSeconds: 60 },
    });
    expect(started.status).toBe(202);
    const stopped = await t.request<AutoFillJob>(
      'POST',
      `/api/rota/auto-fill/${started.body.id}/stop`,
      { cookie: manager },
    );
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('done');
    expect(stopped.body.proposal?.add.length).toBeGreaterThan(0);
    // No proposed shift breaks a rule; a desk nobody can staff is reported, not hidden.
    expect(
      stopped.body.proposal?.violations.filter(
        (v) =>
          v.severity === 'block' &&
          v.shiftIds.some((id) => id.startsWith('proposal:')) &&
          v.personId,
      ),
    ).toEqual([]);
  });

  it('refuses to apply a proposal once the week has moved, and writes nothing', async () => {
    const week = addIsoWeeks(thisWeek, 4);
    const job = await run(['SE'], week, 'fill', 2);
    const monday = windowOfIsoWeek(week).from;
    const created = await t.request('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: null,
        locationId: site('SE').locations[0]?.id,
        activity: 'back_office',
        start: new Date(`${addDays(monday, 5)}T09:00:00+01:00`).toISOString(),
        end: new Date(`${addDays(monday, 5)}T10:00:00+01:00`).toISOString(),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const count = await shiftCount();
    const refused = await t.request<ApiError>('POST', `/api/rota/auto-fill/${job.id}/apply`, {
      cookie: manager,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/changé depuis le calcul/);
    expect(await shiftCount()).toBe(count);
  });

  it('says why demand stays unfilled when nobody holds the skill', async () => {
    const week = addIsoWeeks(thisWeek, 5);
    const requirement = await t.request('POST', '/api/coverage', {
      cookie: manager,
      body: {
        locationId: site('SE').locations[0]?.id,
        weekday: 6,
        startTime: '10:00',
        endTime: '12:00',
        minStaff: 1,
        requiredSkill: 'language',
        activity: 'workshop',
      },
    });
    expect(requirement.status).toBe(201);
    await t.dataSource.query(`DELETE FROM person_skill WHERE skill = 'language'`);
    const job = await run(['SE'], week, 'fill', 2);
    expect(job.proposal?.unfilled).toContainEqual(
      expect.objectContaining({
        date: addDays(windowOfIsoWeek(week).from, 5),
        startTime: '10:00',
        reason: 'no_skill',
        missing: 1,
      }),
    );
  });

  it('refuses bad requests with the field named, and other people’s sites and jobs', async () => {
    const bad = await t.request<ApiError>('POST', '/api/rota/auto-fill', {
      cookie: manager,
      body: { siteIds: [site('S').id], week: '2026-W60', mode: 'guess', timeLimitSeconds: 0 },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.details as { field: string }[]).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['week', 'mode', 'timeLimitSeconds']));

    const other = await t.request<ApiError>('POST', '/api/rota/auto-fill', {
      cookie: manager,
      body: { siteIds: [site('NO').id], week: nextWeek, mode: 'fill' },
    });
    expect(other.status).toBe(403);

    const mediator = await t.login('mediateur@relais.demo');
    const asMediator = await t.request<ApiError>('POST', '/api/rota/auto-fill', {
      cookie: mediator,
      body: { siteIds: [site('S').id], week: nextWeek, mode: 'fill' },
    });
    expect(asMediator.status).toBe(403);

    const job = await run(['SE'], addIsoWeeks(thisWeek, 6), 'fill', 1);
    const east = await t.login('manager.est@relais.demo');
    const foreign = await t.request<ApiError>('GET', `/api/rota/auto-fill/${job.id}`, {
      cookie: east,
    });
    expect(foreign.status).toBe(404);
  });
});
