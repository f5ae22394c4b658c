import type {
  ApiError,
  RotaWeek,
  Shift,
  ShiftSwap,
  Site,
  SiteLoan,
  Violation,
  WallRotaWeek,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * What a mediator and a borrowing manager may see: a mediator sees published weeks only, and of
 * colleagues what a printed rota on the office wall shows; a manager staffs another site's
 * person only once she is lent, and sees of her only what the rules need.
 */
describe('rota privacy over HTTP', () => {
  let t: TestApp;
  let sites: Site[];
  let managerSud: string;
  let managerEst: string;
  let mediator: string;
  let traore: string;
  const thisWeek = isoWeekOf(todayIn());
  const nextWeek = addIsoWeeks(thisWeek, 1);
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;
  const desk = (code: string) =>
    site(code).locations.find((location) => location.code === code)?.id as string;
  const dayOf = (week: string, weekday: number) => addDays(windowOfIsoWeek(week).from, weekday - 1);

  beforeAll(async () => {
    t = await startTestApp();
    managerSud = await t.login('manager.sud@relais.demo');
    managerEst = await t.login('manager.est@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: managerSud })).body;
    [{ id: traore }] = await t.dataSource.query("SELECT id FROM person WHERE last_name = 'Traoré'");
  });

  afterAll(async () => {
    await t.close();
  });

  async function read<T>(path: string, cookie: string): Promise<T> {
    const response = await t.request<T>('GET', path, { cookie });
    expect(response.status).toBe(200);
    return response.body;
  }

  const rotaPath = (code: string, week: string) => `/api/rota?siteId=${site(code).id}&week=${week}`;

  it('shows a mediator a never-published week as empty: no colleague’s draft, contract, qualification or hours', async () => {
    const draft = await read<RotaWeek>(rotaPath('S', nextWeek), managerSud);
    expect(draft.shifts.length).toBeGreaterThan(20);
    const wall = await read<WallRotaWeek>(rotaPath('S', nextWeek), mediator);
    expect(wall.view).toBe('wall');
    expect(wall.shifts).toEqual([]);
    expect(wall.people.length).toBeGreaterThan(3);
    for (const person of wall.people) {
      expect(Object.keys(person).sort()).toEqual(['firstName', 'homeSiteId', 'id', 'lastName']);
    }
    expect(Object.keys(wall)).not.toEqual(
      expect.arrayContaining(['violations', 'coverage', 'requirements', 'travelTimes']),
    );
    const text = JSON.stringify(wall);
    for (const shift of draft.shifts) expect(text).not.toContain(shift.id);
  });

  it('gives a mediator their own checks on published data only, never on the manager’s draft', async () => {
    const draft = await read<RotaWeek>(rotaPath('S', nextWeek), managerSud);
    const draftIds = new Set(draft.shifts.map((shift) => shift.id));
    const { from, to } = windowOfIsoWeek(nextWeek);
    // The demo's draft next week breaks Traoré's 11-hour rest: the manager sees it…
    const managerView = await read<Violation[]>(
      `/api/compliance?personId=${traore}&from=${from}&to=${to}`,
      managerSud,
    );
    expect(managerView.some((violation) => violation.shiftIds.some((id) => draftIds.has(id)))).toBe(
      true,
    );
    // …the mediator does not: nothing of that week is published.
    const own = await read<Violation[]>(
      `/api/compliance?personId=${traore}&from=${from}&to=${to}`,
      mediator,
    );
    expect(own.filter((violation) => violation.shiftIds.some((id) => draftIds.has(id)))).toEqual(
      [],
    );
  });

  it('shows a mediator the published week as the wall shows it, and a swap’s shift as published, not as since moved', async () => {
    // The manager repairs the demo's rest problem and publishes next week.
    const draft = await read<RotaWeek>(rotaPath('S', nextWeek), managerSud);
    const tuesday = draft.shifts.find(
      (shift) => shift.personId === traore && shift.start.slice(0, 10) === dayOf(nextWeek, 2),
    ) as Shift;
    const repaired = await t.request('PATCH', `/api/shifts/${tuesday.id}`, {
      cookie: managerSud,
      body: {
        version: tuesday.version,
        start: tuesday.start.replace('08:45', '09:15'),
        breakMinutes: 30,
      },
    });
    expect(repaired.status).toBe(200);
    // A manager's note on a colleague's shift: the wall must not show it to Traoré.
    const colleagueShift = draft.shifts.find(
      (shift) => shift.personId && shift.personId !== traore && !shift.trainingSessionId,
    ) as Shift;
    const noteSet = await t.request('PATCH', `/api/shifts/${colleagueShift.id}`, {
      cookie: managerSud,
      body: { version: colleagueShift.version, note: 'Ouvrir le guichet CAF' },
    });
    expect(noteSet.status).toBe(200);
    const published = await t.request('POST', '/api/rota/publish', {
      cookie: managerSud,
      body: { siteId: site('S').id, week: nextWeek, justification: 'Points à justifier relus.' },
    });
    expect(published.status).toBe(200);

    const planner = await read<RotaWeek>(rotaPath('S', nextWeek), managerSud);
    const wall = await read<WallRotaWeek>(rotaPath('S', nextWeek), mediator);
    expect(wall.shifts.map((shift) => shift.id).sort()).toEqual(
      planner.shifts.map((shift) => shift.id).sort(),
    );
    // The note is the manager's word to that person: on the wall, only the reader's own.
    expect(planner.shifts.find((shift) => shift.id === colleagueShift.id)?.note).toBe(
      'Ouvrir le guichet CAF',
    );
    expect(wall.shifts.find((shift) => shift.id === colleagueShift.id)?.note).toBeNull();

    // Traoré offers a published shift of Thursday to a colleague; the manager then moves it.
    const thursday = planner.shifts.find(
      (shift) => shift.personId === traore && shift.start.slice(0, 10) === dayOf(nextWeek, 4),
    ) as Shift;
    // Someone who may take it: a mediator of the site with an account, under contract that day.
    const colleague = await newPersonWithAccount(t, await t.login('rh@relais.demo'), {
      lastName: 'Privat',
      homeSiteId: site('S').id,
      contract: { start: todayIn(), weeklyHours: 35 },
    });
    const offered = await t.request<ShiftSwap>('POST', '/api/swaps', {
      cookie: mediator,
      body: { shiftId: thursday.id, version: thursday.version, toPersonId: colleague?.id },
    });
    expect(offered.status).toBe(201);
    const later = new Date(new Date(thursday.start).getTime() + 30 * 60_000).toISOString();
    const moved = await t.request('PATCH', `/api/shifts/${thursday.id}`, {
      cookie: managerSud,
      body: { version: thursday.version, start: later },
    });
    expect(moved.status).toBe(200);

    const swaps = await read<ShiftSwap[]>('/api/swaps', mediator);
    const mine = swaps.find((swap) => swap.id === offered.body.id) as ShiftSwap;
    expect(new Date(mine.start).getTime()).toBe(new Date(thursday.start).getTime());
    const wallAfter = await read<WallRotaWeek>(rotaPath('S', nextWeek), mediator);
    const seen = wallAfter.shifts.find((shift) => shift.id === thursday.id) as Shift;
    expect(new Date(seen.start).getTime()).toBe(new Date(thursday.start).getTime());
    // The manager sees the move.
    const managerSwaps = await read<ShiftSwap[]>('/api/swaps', managerSud);
    expect(managerSwaps.find((swap) => swap.id === offered.body.id)?.start).not.toBe(mine.start);
  });

  it('refuses to staff another site’s person until she is lent, then shows the borrower only what the rules need', async () => {
    const week = addIsoWeeks(thisWeek, 3);
    // A Paris Sud mediator with a contract, qualifications and shifts at Paris Sud that week.
    const [lent] = await t.dataSource.query(
      `SELECT p.id, p.first_name, p.last_name FROM person p JOIN contract c ON c.person_id = p.id
        WHERE p.home_site_id = $1 AND p.id <> $2
          AND NOT EXISTS (SELECT 1 FROM manager_site ms WHERE ms.person_id = p.id)
          AND c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $3) LIMIT 1`,
      [site('S').id, traore, dayOf(week, 7)],
    );
    const sudShift = await t.request<{ shift: Shift }>('POST', '/api/shifts', {
      cookie: managerSud,
      body: {
        personId: lent.id,
        locationId: desk('S'),
        activity: 'accueil',
        start: `${dayOf(week, 2)}T08:45:00+01:00`,
        end: `${dayOf(week, 2)}T12:30:00+01:00`,
        breakMinutes: 0,
        note: 'Note de Paris Sud',
      },
    });
    expect(sudShift.status).toBe(201);
    const estShift = (start: string, end: string) =>
      t.request<{ shift: Shift } & ApiError>('POST', '/api/shifts', {
        cookie: managerEst,
        body: {
          personId: lent.id,
          locationId: desk('E'),
          activity: 'accueil',
          start: `${dayOf(week, 3)}T${start}:00+01:00`,
          end: `${dayOf(week, 3)}T${end}:00+01:00`,
          breakMinutes: 0,
        },
      });

    const refused = await estShift('09:00', '12:00');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('prêter');
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'personId' })]);

    // Paris Est's manager may not lend her; her own site's manager may.
    const loanBody = { siteId: site('E').id, from: dayOf(week, 1), until: dayOf(week, 5) };
    expect(
      (
        await t.request('POST', `/api/people/${lent.id}/loans`, {
          cookie: managerEst,
          body: loanBody,
        })
      ).status,
    ).toBe(403);
    const loan = await t.request<SiteLoan>('POST', `/api/people/${lent.id}/loans`, {
      cookie: managerSud,
      body: loanBody,
    });
    expect(loan.status).toBe(201);
    const [audit] = await t.dataSource.query(
      `SELECT details, ip FROM audit_event WHERE action = 'site_loan.create' AND entity_id = $1`,
      [loan.body.id],
    );
    expect(audit.details).toMatchObject({ personId: lent.id, siteId: site('E').id });
    // The caller's address, from the request's context.
    expect(audit.ip).toMatch(/127\.0\.0\.1$/);

    const staffed = await estShift('09:00', '12:00');
    expect(staffed.status).toBe(201);
    // Outside the loan's days: refused again.
    const saturday = await t.request('POST', '/api/shifts', {
      cookie: managerEst,
      body: {
        personId: lent.id,
        locationId: desk('E'),
        activity: 'accueil',
        start: `${dayOf(week, 6)}T09:00:00+01:00`,
        end: `${dayOf(week, 6)}T12:00:00+01:00`,
        breakMinutes: 0,
      },
    });
    expect(saturday.status).toBe(422);

    // The borrower's week: she is on it, with her Paris Sud items as bare time ranges.
    const est = await read<RotaWeek>(rotaPath('E', week), managerEst);
    const row = est.people.find((person) => person.id === lent.id);
    expect(row).toBeDefined();
    const sudIds = (await read<RotaWeek>(rotaPath('S', week), managerSud)).shifts.map(
      (shift) => shift.id,
    );
    const text = JSON.stringify(est);
    expect(sudIds.filter((id) => text.includes(id))).toEqual([]);
    expect(text).not.toContain('Note de Paris Sud');
    expect(row?.otherItems.length).toBeGreaterThan(0);
    expect(row?.otherItems.every((item) => item.id.startsWith('ailleurs:'))).toBe(true);
    const [{ n: contracts }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM contract WHERE person_id = $1',
      [lent.id],
    );
    expect(row?.contracts.length).toBeLessThanOrEqual(contracts);
    for (const contract of row?.contracts ?? []) {
      expect(contract.start <= windowOfIsoWeek(week).to).toBe(true);
    }

    // A clash with her Paris Sud slot is explained without showing Paris Sud's rota.
    const clash = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: managerEst,
      body: {
        personId: lent.id,
        locationId: desk('E'),
        activity: 'accueil',
        start: `${dayOf(week, 2)}T10:00:00+01:00`,
        end: `${dayOf(week, 2)}T11:00:00+01:00`,
        breakMinutes: 0,
      },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('sur un autre site');
    expect(clash.body.message).toContain('08:45');
    const [sudDesk] = await t.dataSource.query('SELECT name FROM location WHERE id = $1', [
      desk('S'),
    ]);
    expect(clash.body.message).not.toContain(sudDesk.name);

    // Her own site's manager ends the loan: the borrower can no longer add her.
    expect(
      (
        await t.request('DELETE', `/api/loans/${loan.body.id}`, {
          cookie: managerSud,
        })
      ).status,
    ).toBe(204);
    expect((await estShift('14:00', '16:00')).status).toBe(422);
  });
});
