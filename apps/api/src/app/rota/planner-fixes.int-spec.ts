import type {
  ApiError,
  BatchResult,
  CandidatesAnswer,
  CopyWeekResult,
  RotaBatch,
  RotaWeek,
  ShiftResult,
  Site,
  Violation,
  ViolationFixes,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  frenchPublicHolidays,
  isoWeekday,
  isoWeekOf,
  windowOfIsoWeek,
} from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('safe bulk actions over HTTP', () => {
  let t: TestApp;
  let manager: string;
  let sites: Site[];
  const thisWeek = isoWeekOf(todayIn());
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;

  /** A week at least 3 weeks ahead holding a public holiday on a weekday (nothing seeded there). */
  function holidayWeek(after: number): { week: string; holiday: string } {
    const from = addDays(windowOfIsoWeek(addIsoWeeks(thisWeek, after)).from, 0);
    const year = Number(from.slice(0, 4));
    const holidays = [...frenchPublicHolidays(year), ...frenchPublicHolidays(year + 1)];
    // The week before is filled from this week as the copy's source: neither may lose that
    // weekday to a holiday of its own (from 7 December, 1 January's week follows Christmas's).
    const sameWeekdayIn = (week: string, weekday: number) =>
      holidays.some(
        (other) => isoWeekOf(other.date) === week && isoWeekday(other.date) === weekday,
      );
    const holiday = holidays.find(
      (candidate) =>
        candidate.date >= from &&
        isoWeekday(candidate.date) <= 5 &&
        !sameWeekdayIn(addIsoWeeks(isoWeekOf(candidate.date), -1), isoWeekday(candidate.date)) &&
        !sameWeekdayIn(thisWeek, isoWeekday(candidate.date)),
    );
    if (!holiday) throw new Error('no holiday ahead');
    return { week: isoWeekOf(holiday.date), holiday: holiday.date };
  }

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager.sud@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
  });

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

  async function lastBatch(code: string, week: string): Promise<RotaBatch | null> {
    const response = await t.request<{ batch: RotaBatch | null }>(
      'GET',
      `/api/rota/batches/last?siteId=${site(code).id}&week=${week}`,
      { cookie: manager },
    );
    expect(response.status).toBe(200);
    return response.body.batch;
  }

  it('copies a week without its holiday, leaves an absent person’s shifts open, adds nothing twice, and undoes it as one step', async () => {
    const { week: target, holiday } = holidayWeek(3);
    const source = addIsoWeeks(target, -1);
    // The source week: the seeded week's shifts copied as they are (a clean start).
    const seeded = await rota('S', thisWeek);
    expect(seeded.shifts.length).toBeGreaterThan(10);
    const prepared = await t.request<CopyWeekResult>('POST', '/api/rota/copy', {
      cookie: manager,
      body: { siteId: site('S').id, fromWeek: thisWeek, toWeek: source },
    });
    expect(prepared.status).toBe(201);
    const sourceWeek = await rota('S', source);
    expect(sourceWeek.shifts.length).toBeGreaterThan(10);

    // Someone staffed on a working day of the target week is on leave that day.
    const holidayWeekday = isoWeekday(holiday);
    const onLeave = sourceWeek.shifts.find(
      (shift) => shift.personId && isoWeekday(shift.start.slice(0, 10)) !== holidayWeekday,
    );
    if (!onLeave?.personId) throw new Error('no staffed shift in the source week');
    const leaveDay = addDays(
      windowOfIsoWeek(target).from,
      isoWeekday(onLeave.start.slice(0, 10)) - 1,
    );
    await t.dataSource.query(
      `INSERT INTO absence (organisation_id, person_id, kind, start_date, end_date)
       SELECT organisation_id, id, 'leave', $2, $2 FROM person WHERE id = $1`,
      [onLeave.personId, leaveDay],
    );
    const name = sourceWeek.people.find((person) => person.id === onLeave.personId);

    const body = { siteId: site('S').id, fromWeek: source, toWeek: target };
    const preview = await t.request<CopyWeekResult>('POST', '/api/rota/copy?dryRun=true', {
      cookie: manager,
      body,
    });
    expect(preview.status).toBe(201);
    expect(preview.body.batchId).toBeNull();
    expect((await rota('S', target)).shifts).toEqual([]);
    const onHoliday = sourceWeek.shifts.filter(
      (shift) => isoWeekday(shift.start.slice(0, 10)) === holidayWeekday,
    );
    expect(onHoliday.length).toBeGreaterThan(0);
    expect(preview.body.skipped).toHaveLength(onHoliday.length);
    expect(preview.body.skipped.every((item) => item.reason === 'holiday')).toBe(true);
    expect(preview.body.skipped[0].why).toMatch(/^jour férié/);
    expect(preview.body.added.length).toBeGreaterThan(0);
    expect(preview.body.added.every((item) => !item.start.startsWith(holiday))).toBe(true);
    const leftOpen = preview.body.added.filter((item) => item.unassigned);
    expect(leftOpen.length).toBeGreaterThan(0);
    expect(leftOpen[0].personId).toBeNull();
    expect(leftOpen[0].unassigned).toBe(
      `${name?.firstName} ${name?.lastName} a une absence ou un congé ce jour-là`,
    );

    const copied = await t.request<CopyWeekResult>('POST', '/api/rota/copy', {
      cookie: manager,
      body,
    });
    expect(copied.status).toBe(201);
    expect(copied.body.created).toBe(preview.body.added.length);
    expect(copied.body.batchId).toEqual(expect.any(String));
    const afterCopy = await rota('S', target);
    expect(afterCopy.shifts).toHaveLength(copied.body.created);
    expect(afterCopy.shifts.some((shift) => shift.start.startsWith(holiday))).toBe(false);
    expect(
      afterCopy.shifts.some(
        (shift) => shift.personId === onLeave.personId && shift.start.startsWith(leaveDay),
      ),
    ).toBe(false);

    // Clicking again adds nothing: everything is already there.
    const again = await t.request<CopyWeekResult>('POST', '/api/rota/copy', {
      cookie: manager,
      body,
    });
    expect(again.status).toBe(201);
    expect(again.body.created).toBe(0);
    expect(again.body.batchId).toBeNull();
    expect(again.body.skipped.filter((item) => item.reason === 'duplicate')).toHaveLength(
      copied.body.created,
    );
    expect((await rota('S', target)).shifts).toHaveLength(copied.body.created);

    // The undo is the server's: found again after a reload, one step for the whole copy.
    const batch = await lastBatch('S', target);
    expect(batch).toMatchObject({
      id: copied.body.batchId,
      kind: 'copy',
      shiftCount: copied.body.created,
    });
    expect(batch?.label).toContain(`Copie de la semaine ${Number(source.slice(6))}`);
    const undone = await t.request<BatchResult>(
      'POST',
      `/api/rota/batches/${copied.body.batchId}/undo`,
      { cookie: manager },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.shiftCount).toBe(copied.body.created);
    expect((await rota('S', target)).shifts).toEqual([]);
    expect(await lastBatch('S', target)).toBeNull();
    const twice = await t.request<ApiError>(
      'POST',
      `/api/rota/batches/${copied.body.batchId}/undo`,
      { cookie: manager },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('Cette action a déjà été annulée.');
  });

  it('applies templates as open shifts except on the holiday, once, and refuses to undo after an edit', async () => {
    const { week, holiday } = holidayWeek(8);
    const body = { siteId: site('SE').id, week };
    const manager2 = await t.login('manager.sud@relais.demo');
    const preview = await t.request<CopyWeekResult>(
      'POST',
      '/api/rota/apply-template?dryRun=true',
      { cookie: manager2, body },
    );
    expect(preview.status).toBe(201);
    // 3 templates on the 5 weekdays, minus the holiday's 3.
    expect(preview.body.added).toHaveLength(12);
    expect(preview.body.skipped).toHaveLength(3);
    expect(preview.body.skipped.every((item) => item.start.startsWith(holiday))).toBe(true);
    expect(preview.body.skipped[0].reason).toBe('holiday');

    const applied = await t.request<CopyWeekResult>('POST', '/api/rota/apply-template', {
      cookie: manager2,
      body,
    });
    expect(applied.body.created).toBe(12);
    const again = await t.request<CopyWeekResult>('POST', '/api/rota/apply-template', {
      cookie: manager2,
      body,
    });
    expect(again.body.created).toBe(0);
    expect(again.body.skipped.filter((item) => item.reason === 'duplicate')).toHaveLength(12);

    const weekNow = await rota('SE', week);
    expect(weekNow.shifts).toHaveLength(12);
    const edited = weekNow.shifts[0];
    const patch = await t.request<ShiftResult>('PATCH', `/api/shifts/${edited.id}`, {
      cookie: manager2,
      body: { version: edited.version, note: 'Gardé' },
    });
    expect(patch.status).toBe(200);
    const refused = await t.request<ApiError>(
      'POST',
      `/api/rota/batches/${applied.body.batchId}/undo`,
      { cookie: manager2 },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(
      /^Annulation refusée : le créneau à pourvoir du \S+ \d\d\/\d\d\/\d{4} \d\d:\d\d–\d\d:\d\d a été modifié depuis « Modèles appliqués \(12 créneaux\) »/,
    );
    expect((await rota('SE', week)).shifts).toHaveLength(12);
  });

  it('deletes and moves several shifts in one step each, and undoes them', async () => {
    const week = addIsoWeeks(thisWeek, 14);
    const applied = await t.request<CopyWeekResult>('POST', '/api/rota/apply-template', {
      cookie: manager,
      body: { siteId: site('S').id, week },
    });
    expect(applied.body.created).toBeGreaterThan(3);
    const [a, b, c, d] = (await rota('S', week)).shifts;

    const moved = await t.request<BatchResult>('POST', '/api/rota/bulk-move', {
      cookie: manager,
      body: { shifts: [a, b].map(({ id, version }) => ({ id, version })), dayOffset: 1 },
    });
    expect(moved.status).toBe(200);
    const afterMove = await rota('S', week);
    const movedA = afterMove.shifts.find((shift) => shift.id === a.id);
    expect(movedA?.start.slice(0, 10)).toBe(addDays(a.start.slice(0, 10), 1));
    expect(movedA?.start.slice(11)).toBe(a.start.slice(11));

    const stale = await t.request<ApiError>('POST', '/api/rota/bulk-delete', {
      cookie: manager,
      body: { shifts: [a, c].map(({ id, version }) => ({ id, version })) },
    });
    expect(stale.status).toBe(409);
    expect((await rota('S', week)).shifts.some((shift) => shift.id === c.id)).toBe(true);

    const fresh = afterMove.shifts.filter((shift) => shift.id === c.id || shift.id === d.id);
    const deleted = await t.request<BatchResult>('POST', '/api/rota/bulk-delete', {
      cookie: manager,
      body: { shifts: fresh.map(({ id, version }) => ({ id, version })) },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.shiftCount).toBe(2);
    expect((await rota('S', week)).shifts).toHaveLength(applied.body.created - 2);

    const undoDelete = await t.request('POST', `/api/rota/batches/${deleted.body.batchId}/undo`, {
      cookie: manager,
    });
    expect(undoDelete.status).toBe(200);
    const undoMove = await t.request('POST', `/api/rota/batches/${moved.body.batchId}/undo`, {
      cookie: manager,
    });
    expect(undoMove.status).toBe(200);
    const restored = await rota('S', week);
    expect(restored.shifts).toHaveLength(applied.body.created);
    expect(restored.shifts.find((shift) => shift.id === a.id)?.start).toBe(a.start);

    const empty = await t.request<ApiError>('POST', '/api/rota/bulk-delete', {
      cookie: manager,
      body: { shifts: [] },
    });
    expect(empty.status).toBe(400);
  });

  const blockingKeys = (violations: Violation[]) =>
    violations
      .filter((v) => v.severity === 'block')
      .map((v) => `${v.rule}|${v.personId ?? ''}|${[...v.shiftIds].sort().join(',')}`)
      .sort();

  it('fixes the demo’s 11 h rest breach with a legal fix, undone as one step', async () => {
    const week = addIsoWeeks(thisWeek, 1);
    const before = await rota('S', week);
    const rest = before.violations.find((v) => v.rule === 'DAILY_REST');
    expect(rest?.severity).toBe('block');
    const answer = await t.request<ViolationFixes[]>(
      'GET',
      `/api/rota/fixes?siteId=${site('S').id}&week=${week}`,
      { cookie: manager },
    );
    expect(answer.status).toBe(200);
    const entry = answer.body.find((item) => item.violation.rule === 'DAILY_REST');
    expect(entry?.fixes.length).toBeGreaterThan(0);
    expect(entry?.fixes.length).toBeLessThanOrEqual(3);
    // 10 h 45 of rest: the Tuesday desk starts 15 min later, exactly what is missing.
    expect(entry?.fixes[0].label).toMatch(
      /^Commencer le créneau du mardi 08:45–17:15 à 09:00 \(15 min plus tard\)$/,
    );
    const applied = await t.request<BatchResult>('POST', '/api/rota/fixes/apply', {
      cookie: manager,
      body: { siteId: site('S').id, week, fixId: entry?.fixes[0].id },
    });
    expect(applied.status).toBe(200);
    const after = await rota('S', week);
    expect(after.violations.some((v) => v.rule === 'DAILY_REST')).toBe(false);
    const had = new Set(blockingKeys(before.violations));
    expect(blockingKeys(after.violations).filter((key) => !had.has(key))).toEqual([]);

    // Applying it twice: the problem is gone, so is the fix.
    const stale = await t.request<ApiError>('POST', '/api/rota/fixes/apply', {
      cookie: manager,
      body: { siteId: site('S').id, week, fixId: entry?.fixes[0].id },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^Ce correctif ne s’applique plus/);

    const undone = await t.request('POST', `/api/rota/batches/${applied.body.batchId}/undo`, {
      cookie: manager,
    });
    expect(undone.status).toBe(200);
    expect((await rota('S', week)).violations.some((v) => v.rule === 'DAILY_REST')).toBe(true);
  });

  it('lists as candidates only people who can take the shift without a new blocking problem', async () => {
    const week = addIsoWeeks(thisWeek, 1);
    const before = await rota('S', week);
    const rest = before.violations.find((v) => v.rule === 'DAILY_REST');
    const tired = rest?.personId as string;
    const tuesday = addDays(windowOfIsoWeek(week).from, 1);
    // Tuesday 06:30–08:30: the person who left a meeting at 22:00 on Monday cannot take it.
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: site('S').locations.find((l) => l.kind === 'site')?.id,
        activity: 'back_office',
        start: `${tuesday}T06:30:00+01:00`,
        end: `${tuesday}T08:30:00+01:00`,
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const open = created.body.shift;
    const answer = await t.request<CandidatesAnswer>(
      'GET',
      `/api/rota/candidates?shiftId=${open.id}`,
      { cookie: manager },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.label).toMatch(/^mardi \d\d\/\d\d\/\d{4} 06:30–08:30 · Back-office$/);
    const ids = answer.body.candidates.map((candidate) => candidate.personId);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).not.toContain(tired);
    expect(answer.body.candidates[0].reasons.length).toBeGreaterThan(0);
    // Anyone staffed that morning already (overlap) is not offered either.
    const busy = before.shifts
      .filter((s) => s.personId && s.start < `${tuesday}T08:30` && s.end > `${tuesday}T06:30`)
      .map((s) => s.personId);
    expect(ids.filter((id) => busy.includes(id))).toEqual([]);
    // Each of the first three, assigned, adds no blocking problem to the week.
    const had = new Set(blockingKeys(before.violations));
    for (const candidate of answer.body.candidates.slice(0, 3)) {
      const current = (await rota('S', week)).shifts.find((s) => s.id === open.id);
      const assigned = await t.request<ShiftResult>('PATCH', `/api/shifts/${open.id}`, {
        cookie: manager,
        body: { version: current?.version, personId: candidate.personId },
      });
      expect(assigned.status).toBe(200);
      const weekNow = await rota('S', week);
      expect({
        who: candidate.name,
        added: blockingKeys(weekNow.violations).filter((key) => !had.has(key)),
      }).toEqual({ who: candidate.name, added: [] });
      await t.request('PATCH', `/api/shifts/${open.id}`, {
        cookie: manager,
        body: { version: assigned.body.shift.version, personId: null },
      });
    }
    await t.request('DELETE', `/api/shifts/${open.id}?version=${open.version + 6}`, {
      cookie: manager,
    });
  });

  it('refuses to publish a week with points to justify without a justification, naming them', async () => {
    const week = await rota('S', thisWeek);
    const warnings = week.violations.filter((v) => v.severity === 'warn');
    expect(warnings.length).toBeGreaterThan(0);
    expect(week.violations.filter((v) => v.severity === 'block')).toEqual([]);
    for (const justification of [undefined, '   ']) {
      const refused = await t.request<ApiError>('POST', '/api/rota/publish', {
        cookie: manager,
        body: { siteId: site('S').id, week: thisWeek, justification },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(
        /^Justification obligatoire pour publier : \d+ point\(s\) à justifier — /,
      );
      expect(refused.body.details).toEqual([
        { field: 'justification', message: expect.stringMatching(/^obligatoire : /) },
      ]);
    }
    const published = await t.request('POST', '/api/rota/publish', {
      cookie: manager,
      body: {
        siteId: site('S').id,
        week: thisWeek,
        justification: 'Renfort validé par la direction.',
      },
    });
    expect(published.status).toBe(200);
  });
});
