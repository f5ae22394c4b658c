import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MyShift, MyWeek } from '@relais/api-types';
import { asOfLabel, dayTitle, rangeOf } from './me.format';
import { groupWeek, MyWeekStore } from './my-week.store';
import { MY_WEEK_CACHE_KEY } from './offline';

function shift(id: string, start: string, end: string, change: MyShift['change'] = null): MyShift {
  return {
    id,
    siteId: 's',
    siteName: 'Paris Sud',
    locationName: 'Accueil Paris Sud',
    locationAddress: '12 rue du Test, 75014 Paris',
    activity: 'accueil',
    start,
    end,
    breakMinutes: 0,
    note: null,
    version: 1,
    colleagues: [],
    change,
    previous: null,
    pendingSwapId: null,
  };
}

const week: MyWeek = {
  from: '2026-11-23',
  to: '2026-12-11',
  week: '2026-W48',
  generatedAt: '2026-11-27T07:12:00.000Z',
  lastSeenAt: null,
  weeklyHours: 35,
  complementaryHours: null,
  shifts: [
    shift('a', '2026-11-27T09:00:00+01:00', '2026-11-27T12:30:00+01:00'),
    shift('b', '2026-11-30T09:00:00+01:00', '2026-11-30T17:00:00+01:00', 'new'),
    shift('c', '2026-12-01T09:00:00+01:00', '2026-12-01T12:00:00+01:00', 'cancelled'),
  ],
};

describe('my week', () => {
  afterEach(() => localStorage.clear());

  it('groups shifts by ISO week and Paris day, counting hours without the cancelled ones', () => {
    const groups = groupWeek(week.shifts);
    expect(groups.map((group) => [group.number, group.plannedMinutes])).toEqual([
      [48, 210],
      [49, 480],
    ]);
    expect(groups[1].days.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-01']);
  });

  it('formats times, days and the "as of" moment in Paris time', () => {
    expect(rangeOf('2026-11-30T08:00:00Z', '2026-11-30T11:30:00Z')).toBe('09:00–12:30');
    expect(dayTitle('2026-12-01', 'fr')).toBe('mardi 1er décembre');
    expect(dayTitle('2026-12-01', 'en')).toBe('Tuesday 1 December');
    expect(asOfLabel(week.generatedAt, 'fr')).toBe('ven. 27/11 à 08:12');
  });

  it('marks the week as seen, keeps a copy, and shows that copy offline', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(MyWeekStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/me/week').flush(week);
    await loading;
    const seen = http.expectOne('/api/me/week/seen');
    expect(seen.request.body).toEqual({ seenAt: week.generatedAt });
    seen.flush(null);
    expect(store.changedCount()).toBe(2);
    expect(JSON.parse(localStorage.getItem(MY_WEEK_CACHE_KEY) ?? 'null')).toEqual(week);

    const offline = store.load();
    http.expectOne('/api/me/week').error(new ProgressEvent('error'));
    await offline;
    expect(store.isOffline()).toBe(true);
    expect(store.week()?.generatedAt).toBe(week.generatedAt);
    http.verify();
  });

  it('moves week by week, counting each shown week whole, and comes back to this week', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(MyWeekStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/me/week').flush(week);
    await loading;
    http.expectOne('/api/me/week/seen').flush(null);
    expect(store.shownGroup()?.week).toBe('2026-W48');
    expect(store.isCurrentWeek()).toBe(true);

    const next = store.moveWeek(1);
    const asked = http.expectOne((request) => request.url === '/api/me/week');
    expect(asked.request.params.get('week')).toBe('2026-W49');
    asked.flush({
      ...week,
      from: '2026-11-30',
      to: '2026-12-06',
      week: '2026-W49',
      shifts: week.shifts.filter((shift) => shift.start >= '2026-11-30'),
    });
    await next;
    expect(store.isCurrentWeek()).toBe(false);
    expect(store.shownGroup()?.number).toBe(49);

    await store.moveWeek(0);
    expect(store.isCurrentWeek()).toBe(true);
    expect(store.shownGroup()?.week).toBe('2026-W48');
    http.verify();
  });

  it('says so when there is neither a network nor a copy', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(MyWeekStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/me/week').error(new ProgressEvent('error'));
    await loading;
    expect(store.hasError()).toBe(true);
    expect(store.week()).toBeNull();
  });

  it('marks a shift as offered once the swap is sent, and reports the server refusal otherwise', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(MyWeekStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/me/week').flush(week);
    await loading;
    http.expectOne('/api/me/week/seen').flush(null);

    const refused = store.offerSwap(week.shifts[1], 'p2', null);
    http.expectOne('/api/swaps').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Ce créneau a changé depuis votre lecture.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await refused).toBe('Ce créneau a changé depuis votre lecture.');

    const sent = store.offerSwap(week.shifts[1], 'p2', 'Merci !');
    const request = http.expectOne('/api/swaps');
    expect(request.request.body).toEqual({
      shiftId: 'b',
      version: 1,
      toPersonId: 'p2',
      message: 'Merci !',
    });
    request.flush({ id: 'swap-1' });
    expect(await sent).toBeNull();
    expect(store.week()?.shifts.find((item) => item.id === 'b')?.pendingSwapId).toBe('swap-1');
    http.verify();
  });
});
