import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RotaPerson, RotaWeek, Shift, Site, WallRotaWeek } from '@relais/api-types';
import {
  addIsoWeeks,
  checkRotaWeek,
  coverageCells,
  DEFAULT_ORGANISATION_SETTINGS,
} from '@relais/rules';
import { FirstRead } from '../core/first-read';
import { ROTA_FR } from './rota.i18n.fr';
import { deltaSentence, duration, premiumWords, violationDelta } from './rota.model';
import { RotaStore } from './rota.store';

const SITE: Site = {
  id: 'site-sud',
  code: 'PSUD',
  name: 'Paris Sud',
  address: '1 rue du Test',
  isFranceServices: false,
  openingHours: [],
  sundayDerogation: null,
  locations: [
    {
      id: 'loc-desk',
      siteId: 'site-sud',
      code: 'PSUD',
      name: 'Accueil',
      kind: 'site',
      address: '',
    },
    {
      id: 'loc-out',
      siteId: 'site-sud',
      code: 'RUE',
      name: 'Pied d’immeuble',
      kind: 'outreach',
      address: '',
    },
  ],
};

function person(id: string, firstName: string, lastName: string, extra: Partial<RotaPerson> = {}) {
  const contract = { type: 'CDI' as const, start: '2025-01-01', end: null, weeklyHours: 35 };
  return {
    id,
    firstName,
    lastName,
    homeSiteId: 'site-sud',
    contract,
    contracts: [contract],
    plannedMinutes: 0,
    absences: [],
    skills: [],
    otherItems: [],
    ...extra,
  } satisfies RotaPerson;
}

function shift(id: string, personId: string | null, start: string, end: string): Shift {
  return {
    id,
    siteId: 'site-sud',
    personId,
    locationId: 'loc-desk',
    activity: 'accueil',
    start,
    end,
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: false,
  };
}

// Week 49 of 2026: Monday 30 November to Sunday 6 December, Paris winter time (+01:00).
const MONDAY_EVENING = shift(
  's-mon',
  'p-awa',
  '2026-11-30T13:00:00+01:00',
  '2026-11-30T21:00:00+01:00',
);
const WEDNESDAY_EARLY = shift(
  's-wed',
  'p-awa',
  '2026-12-02T07:00:00+01:00',
  '2026-12-02T12:00:00+01:00',
);
const OPEN = shift('s-open', null, '2026-12-01T09:00:00+01:00', '2026-12-01T12:30:00+01:00');

/** The server's answer, with its checks of the week (the same engine) unless given. */
function week(overrides: Partial<RotaWeek> = {}): RotaWeek {
  const answer = { ...answerWithoutChecks(), ...overrides };
  const input = {
    ...answer,
    site: SITE,
    settings: {
      ...answer.settings,
      travelTimes: answer.travelTimes ?? [],
      sundayDerogationLocations: answer.sundayDerogationLocations ?? {},
    },
  };
  return {
    ...answer,
    violations: overrides.violations ?? checkRotaWeek(input),
    coverage: overrides.coverage ?? coverageCells(input),
  };
}

function answerWithoutChecks(): RotaWeek {
  const shifts = [MONDAY_EVENING, WEDNESDAY_EARLY, OPEN];
  return {
    view: 'planner',
    siteId: 'site-sud',
    week: '2026-W49',
    status: 'draft',
    version: 0,
    publishedAt: null,
    unpublishedChanges: 0,
    shifts,
    violations: [],
    coverage: [],
    people: [
      person('p-zoe', 'Zoé', 'Lefèvre', { plannedMinutes: 0 }),
      person('p-guest', 'Yanis', 'Abdi', { homeSiteId: 'site-nord' }),
      // 13 h here plus 4 h at another site.
      person('p-awa', 'Awa', 'Diallo', { plannedMinutes: 13 * 60 + 4 * 60 }),
      person('p-bruno', 'Bruno', 'Martin', {
        contract: { type: 'PEC', start: '2025-01-01', end: null, weeklyHours: 20 },
        contracts: [{ type: 'PEC', start: '2025-01-01', end: null, weeklyHours: 20 }],
      }),
    ],
    requirements: [],
    holidays: [],
    travelTimes: [],
    sundayDerogationLocations: {},
    settings: DEFAULT_ORGANISATION_SETTINGS,
    totals: { minutes: 0, labourCostCents: null, peopleWithoutCost: 0 },
  };
}

describe('RotaStore', () => {
  let store: RotaStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(RotaStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // A full load also asks for the last batch still to undo (none in these weeks).
    for (const request of http.match('/api/rota/batches/last?siteId=site-sud&week=2026-W49'))
      request.flush({ batch: null });
    http.verify();
  });

  async function open(answer: RotaWeek | WallRotaWeek = week()): Promise<void> {
    const sites = store.loadSites();
    http.expectOne('/api/sites').flush([SITE]);
    await sites;
    const loading = store.load('site-sud', '2026-W49');
    http.expectOne('/api/rota?siteId=site-sud&week=2026-W49').flush(answer);
    await loading;
  }

  /** The quiet re-read after a write. */
  async function flushReload(answer: RotaWeek): Promise<void> {
    await Promise.resolve();
    http.expectOne('/api/rota?siteId=site-sud&week=2026-W49').flush(answer);
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('lists the open line first, then the team by name, then people from other sites', async () => {
    await open();
    expect(store.personRows().map((row) => [row.kind, row.name])).toEqual([
      ['open', ''],
      ['team', 'Awa Diallo'],
      ['team', 'Zoé Lefèvre'],
      ['team', 'Bruno Martin'],
      ['guest', 'Yanis Abdi'],
    ]);
  });

  it('takes the week the app asked for ahead (one request), and asks the server again on the next load', async () => {
    TestBed.inject(FirstRead).start('/api/rota', { siteId: 'site-sud', week: '2026-W49' });
    http.expectOne('/api/rota?siteId=site-sud&week=2026-W49').flush(week());
    await store.load('site-sud', '2026-W49');
    expect(store.personRows().map((row) => row.name)).toContain('Awa Diallo');
    http.expectNone('/api/rota?siteId=site-sud&week=2026-W49');

    const again = store.load('site-sud', '2026-W49');
    http.expectOne('/api/rota?siteId=site-sud&week=2026-W49').flush(week());
    await again;
  });

  it('takes the site list the app asked for ahead', async () => {
    TestBed.inject(FirstRead).start('/api/sites', {});
    http.expectOne('/api/sites').flush([SITE]);
    await expect(store.loadSites()).resolves.toEqual([SITE]);
    http.expectNone('/api/sites');
  });

  it('draws a mediator’s wall week with names only: no counters, checks or coverage', async () => {
    const planner = week();
    const wall: WallRotaWeek = {
      view: 'wall',
      siteId: planner.siteId,
      week: planner.week,
      status: 'published',
      version: 1,
      publishedAt: '2026-11-27T08:00:00+01:00',
      shifts: planner.shifts,
      people: planner.people.map(({ id, firstName, lastName, homeSiteId }) => ({
        id,
        firstName,
        lastName,
        homeSiteId,
      })),
      holidays: [],
    };
    await open(wall);
    expect(store.isWall()).toBe(true);
    expect(store.shifts()).toEqual(planner.shifts);
    expect(store.personRows().map((row) => row.name)).toContain('Awa Diallo');
    expect(store.counters().size).toBe(0);
    expect(store.violations()).toEqual([]);
    expect(store.coverage()).toEqual([]);
  });

  it('counts planned hours of every site against the contract, and says under or over', async () => {
    await open();
    const awa = store.counters().get('p-awa');
    // 8 h + 5 h here, 4 h elsewhere = 17 h for 35 h.
    expect(awa && [duration(awa.planned), duration(awa.target), awa.state]).toEqual([
      '17\u00a0h',
      '35\u00a0h',
      'under',
    ]);
    expect(awa && duration(awa.delta, true)).toBe('−18\u00a0h');
    const bruno = store.counters().get('p-bruno');
    expect(bruno?.target).toBe(20 * 60);
    expect(bruno?.ceiling).toBe(22 * 60);
  });

  it('splits a part-timer’s week by pay band live, and says it in a few French words', async () => {
    // Bruno (20 h) works 5 h a day from Monday to Friday: 25 h, 2 h (1/10) at +10 %, 3 h at +25 %.
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
    const bruno = days.map((date, i) =>
      shift(`s-bruno-${i}`, 'p-bruno', `${date}T09:00:00+01:00`, `${date}T14:00:00+01:00`),
    );
    await open(week({ shifts: [...bruno, OPEN] }));
    const bands = store.counters().get('p-bruno')?.bands ?? null;
    expect(bands).toEqual({
      normal: 20 * 60,
      complementary10: 120,
      complementary25: 180,
      overtime25: 0,
      overtime50: 0,
    });
    const fr = (key: string, params: Record<string, unknown>): string => {
      const text = key
        .split('.')
        .slice(1)
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ROTA_FR);
      return (text as string).replace(/\{\{ (\w+) \}\}/g, (_, name: string) =>
        String(params[name]),
      );
    };
    expect(premiumWords(bands, fr)).toBe(
      'dont 2\u00a0h complémentaires à +10\u00a0%, 3\u00a0h à +25\u00a0%',
    );
    expect(
      premiumWords(
        { normal: 2100, complementary10: 0, complementary25: 0, overtime25: 60, overtime50: 0 },
        fr,
      ),
    ).toBe('dont 1\u00a0h supplémentaire à +25\u00a0%');
    expect(
      premiumWords(
        { normal: 600, complementary10: 0, complementary25: 0, overtime25: 0, overtime50: 0 },
        fr,
      ),
    ).toBe('');
  });

  it.each([
    ['the law’s 1/10', 0.1, ['COMPLEMENTARY_HOURS'], 22 * 60],
    ['an agreement’s 1/3', 1 / 3, [], 26 * 60 + 40],
  ])(
    'checks a part-timer’s complementary hours live against %s from the answer',
    async (_, complementaryHoursRatio, rules, ceiling) => {
      // Bruno (20 h) works 5 h a day from Monday to Friday: 25 h, 5 h above his contract.
      const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
      const bruno = days.map((date, i) =>
        shift(`s-bruno-${i}`, 'p-bruno', `${date}T09:00:00+01:00`, `${date}T14:00:00+01:00`),
      );
      const settings = { ...DEFAULT_ORGANISATION_SETTINGS, complementaryHoursRatio };
      await open(week({ shifts: [...bruno, OPEN], settings }));
      expect(store.counters().get('p-bruno')?.ceiling).toBe(ceiling);

      // Friday moved to Saturday: still 25 h, now checked in the browser.
      void store.move('s-bruno-4', { personId: 'p-bruno', date: '2026-12-05' });
      const blocking = store
        .violations()
        .filter((v) => v.personId === 'p-bruno' && v.severity === 'block')
        .map((v) => v.rule);
      expect(blocking).toEqual(rules);
      const moved = store.shifts().find((s) => s.id === 's-bruno-4');
      http.expectOne('/api/shifts/s-bruno-4').flush({ shift: moved, violations: [] });
      await flushReload(week({ shifts: [...bruno, OPEN], settings }));
    },
  );

  it('lowers the target by the days of absence', async () => {
    await open(
      week({
        people: [
          person('p-awa', 'Awa', 'Diallo', {
            absences: [{ start: '2026-11-30', end: '2026-12-01', kind: 'leave' }],
          }),
        ],
      }),
    );
    expect(store.counters().get('p-awa')?.target).toBe(3 * 7 * 60);
    expect(store.isAbsent('p-awa', '2026-12-01')?.kind).toBe('leave');
    expect(store.isAbsent('p-awa', '2026-12-02')).toBeNull();
  });

  it('shows the server’s checks of the week as loaded, and checks in the browser from the first change', async () => {
    const notice = {
      rule: 'PART_TIME_NOTICE',
      severity: 'warn' as const,
      personId: 'p-awa',
      shiftIds: ['s-mon'],
      message: 'Délai de prévenance',
    };
    const under = {
      rule: 'WEEKLY_UNDER_CONTRACT',
      severity: 'warn' as const,
      personId: 'p-awa',
      shiftIds: [],
      message: 'Sous les heures du contrat',
    };
    const coverage = [
      {
        requirementId: 'req-1',
        locationId: 'loc-desk',
        date: '2026-11-30',
        startTime: '09:00',
        endTime: '12:00',
        required: 2,
        assigned: 1,
        qualified: 1,
        status: 'under' as const,
      },
    ];
    await open(week({ violations: [notice, under], coverage }));
    // What the server found stands, the rules only it can judge listed last.
    expect(store.violations()).toEqual([under, notice]);
    expect(store.coverage()).toEqual(coverage);

    void store.move('s-wed', { personId: 'p-awa', date: '2026-12-01' });
    const rules = store.violations().map((v) => v.rule);
    expect(rules).toContain('DAILY_REST');
    // The browser's check replaces the server's list, keeping what only the server can judge.
    expect(rules).toContain('PART_TIME_NOTICE');
    expect(store.coverage()).not.toEqual(coverage);
    http.expectOne('/api/shifts/s-wed').flush({ shift: { ...WEDNESDAY_EARLY }, violations: [] });
    await flushReload(week());
  });

  it('shows a daily rest breach as soon as a shift is moved, before the server answers', async () => {
    await open();
    expect(store.violations().map((v) => v.rule)).not.toContain('DAILY_REST');
    const before = store.violations();

    // Wednesday 07:00 moved to Tuesday: 10 h after Monday 21:00.
    const moving = store.move('s-wed', { personId: 'p-awa', date: '2026-12-01' });
    const moved = store.shifts().find((s) => s.id === 's-wed');
    expect(moved?.start).toBe('2026-12-01T07:00:00+01:00');
    expect(moved?.end).toBe('2026-12-01T12:00:00+01:00');
    const rest = store.violations().find((v) => v.rule === 'DAILY_REST');
    expect(rest?.severity).toBe('block');
    expect(rest?.shiftIds).toContain('s-wed');
    expect(
      store
        .violationsByShift()
        .get('s-wed')
        ?.map((v) => v.rule),
    ).toContain('DAILY_REST');
    expect(deltaSentence(violationDelta(before, store.violations()))).toContain(
      '1 bloquant (repos quotidien de 11 h)',
    );

    const request = http.expectOne('/api/shifts/s-wed');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      personId: 'p-awa',
      start: '2026-12-01T07:00:00+01:00',
      end: '2026-12-01T12:00:00+01:00',
      version: 1,
    });
    request.flush({ shift: { ...moved, version: 2 }, violations: [] });
    expect((await moving).ok).toBe(true);
    await flushReload(
      week({ shifts: [MONDAY_EVENING, { ...WEDNESDAY_EARLY, ...moved, version: 2 }, OPEN] }),
    );
    expect(store.canUndo()).toBe(true);
  });

  it('checks the 12-week average in the browser with the earlier weeks the server summed', async () => {
    // 11 earlier weeks summed by the server: with this week's 13 h, exactly 44 h on average.
    const weekMinutes: Record<string, number> = {};
    for (let back = 1; back <= 11; back++) {
      weekMinutes[addIsoWeeks('2026-W49', -back)] = back === 1 ? 45 * 60 : 47 * 60;
    }
    const answer = week({
      people: answerWithoutChecks().people.map((one) =>
        one.id === 'p-awa' ? { ...one, workHistory: { weekMinutes, nightMinutes: 0 } } : one,
      ),
    });
    await open(answer);
    expect(store.violations().map((v) => v.rule)).not.toContain('WEEKLY_AVG_12W');

    // One more minute on Wednesday: 44 h 00 min 05 s on average, above 44 h (L3121-22).
    const updating = store.update('s-wed', { end: '2026-12-02T12:01:00+01:00' });
    expect(store.violations().find((v) => v.rule === 'WEEKLY_AVG_12W')).toMatchObject({
      severity: 'block',
      personId: 'p-awa',
    });
    const moved = { ...WEDNESDAY_EARLY, end: '2026-12-02T12:01:00+01:00', version: 2 };
    http.expectOne('/api/shifts/s-wed').flush({ shift: moved, violations: [] });
    await updating;
    await flushReload(answer);
  });

  it('puts the shift back and reloads the week when someone else changed it (409)', async () => {
    await open();
    const moving = store.move('s-wed', { personId: 'p-zoe', date: '2026-12-03' });
    expect(
      store
        .cellsByPerson()
        .get('p-zoe|2026-12-03')
        ?.map((s) => s.id),
    ).toEqual(['s-wed']);
    http
      .expectOne('/api/shifts/s-wed')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Créneau modifié par Fatou K. à 10:42.' },
        { status: 409, statusText: 'Conflict' },
      );
    const outcome = await moving;
    expect(outcome).toMatchObject({
      ok: false,
      isConflict: true,
      message: 'Créneau modifié par Fatou K. à 10:42.',
    });
    expect(store.cellsByPerson().get('p-zoe|2026-12-03')).toBeUndefined();
    expect(store.shifts().find((s) => s.id === 's-wed')).toEqual(WEDNESDAY_EARLY);
    // The week is read again: the other person's change shows.
    const changed = { ...WEDNESDAY_EARLY, personId: 'p-bruno', version: 2 };
    await flushReload(week({ shifts: [MONDAY_EVENING, changed, OPEN] }));
    expect(store.shifts().find((s) => s.id === 's-wed')?.personId).toBe('p-bruno');
    expect(store.canUndo()).toBe(false);
  });

  it('removes an optimistic copy refused for an overlap, with the server’s message', async () => {
    await open();
    const copying = store.copy('s-mon', { personId: 'p-zoe', date: '2026-12-04' });
    expect(store.cellsByPerson().get('p-zoe|2026-12-04')).toHaveLength(1);
    const request = http.expectOne('/api/shifts');
    expect(request.request.body).toMatchObject({
      personId: 'p-zoe',
      start: '2026-12-04T13:00:00+01:00',
      end: '2026-12-04T21:00:00+01:00',
    });
    request.flush(
      { statusCode: 409, error: 'Conflict', message: 'Chevauche une permanence à Paris Nord.' },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await copying).toMatchObject({ ok: false, isConflict: false });
    expect(store.cellsByPerson().get('p-zoe|2026-12-04')).toBeUndefined();
    await flushReload(week());
  });

  it('undoes a deletion by creating the shift again', async () => {
    await open();
    const removing = store.remove('s-open');
    expect(store.shifts().map((s) => s.id)).not.toContain('s-open');
    const del = http.expectOne('/api/shifts/s-open?version=1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await removing;
    await flushReload(week({ shifts: [MONDAY_EVENING, WEDNESDAY_EARLY] }));

    const undoing = store.undo();
    const post = http.expectOne('/api/shifts');
    expect(post.request.body).toMatchObject({ personId: null, start: OPEN.start, end: OPEN.end });
    post.flush({ shift: { ...OPEN, id: 's-open-2' }, violations: [] });
    expect((await undoing).ok).toBe(true);
    await flushReload(week());
    expect(store.canUndo()).toBe(false);
  });

  it('returns the server’s blocking list when publication is refused (422)', async () => {
    await open();
    const publishing = store.publish(null);
    http.expectOne('/api/rota/publish').flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'La semaine contient 1 problème bloquant.',
        violations: [{ rule: 'DAILY_REST', severity: 'block', shiftIds: ['s-wed'], message: 'x' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const outcome = await publishing;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.violations.map((v) => v.rule)).toEqual(['DAILY_REST']);
  });
});
