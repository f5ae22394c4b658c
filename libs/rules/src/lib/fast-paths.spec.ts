import fc from 'fast-check';
import { checkPersonCompliance } from './person-compliance';
import { WorkItem } from './person-input';
import { nightMinutesByNight, nightPeriod } from './work-timeline';
import {
  addDays,
  CivilDate,
  DayBucket,
  dayBucket,
  Interval,
  MINUTE_MS,
  splitByCivilDay,
  toEpochMs,
  wallClock,
  zonedInstant,
} from './zoned-time';

// The engine takes fast paths (hand-written ISO parser, day numbers instead of date strings,
// caches shared between people). These properties pin them to the plain algorithms they replace.

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** `toEpochMs` as it was: a regex for the offset, then `Date.parse`. */
function referenceEpochMs(instant: string): number | string {
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(instant)) return 'no zone';
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? ms : 'invalid';
}

function epochMsOrError(instant: string): number | string {
  try {
    return toEpochMs(instant);
  } catch (e) {
    return (e as Error).message.startsWith('Instant sans fuseau') ? 'no zone' : 'invalid';
  }
}

/** `splitByCivilDay` as it was: a loop on civil date strings. */
function referenceSplit(interval: Interval, timeZone: string): DayBucket[] {
  const out: DayBucket[] = [];
  if (interval.end <= interval.start) return out;
  let date = wallClock(interval.start, timeZone).date;
  for (;;) {
    const day = dayBucket(date, timeZone);
    if (day.start >= interval.end) break;
    const start = Math.max(day.start, interval.start);
    const end = Math.min(day.end, interval.end);
    if (end > start) out.push({ date, start, end });
    date = addDays(date, 1);
  }
  return out;
}

describe('fast paths match the plain algorithms', () => {
  it('parses canonical and near-canonical ISO strings like Date.parse', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 900, max: 9999 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hours: fc.integer({ min: 0, max: 24 }),
          minutes: fc.integer({ min: 0, max: 60 }),
          ms: fc.option(fc.integer({ min: 0, max: 999 })),
          offset: fc.option(fc.integer({ min: -24 * 60, max: 24 * 60 })),
        }),
        ({ year, month, day, hours, minutes, ms, offset }) => {
          const zone =
            offset === null
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const s = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:07${ms === null ? '' : `.${pad(ms, 3)}`}${zone}`;
          expect(epochMsOrError(s)).toEqual(referenceEpochMs(s));
        },
      ),
      { numRuns: 1000 },
    );
    for (const s of [
      '2026-12-01T09:00:00',
      '2026-12-01T09:00:00+0100',
      '2026-12-01 09:00:00Z',
      '2026-12-01T09:00:00.5Z',
      '2024-02-29T23:59:59.999-00:00',
      '2026-02-29T00:00:00Z',
      '2026-12-01T09:00:00+01:00x',
    ]) {
      expect(epochMsOrError(s)).toEqual(referenceEpochMs(s));
    }
  });

  it('splits intervals by civil day like the loop on dates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: -60, max: 80 * 60 }),
        (zone, start, minutes) => {
          const interval = { start, end: start + minutes * MINUTE_MS };
          expect(splitByCivilDay(interval, zone)).toEqual(referenceSplit(interval, zone));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reads wall clocks like a Date shifted by the offset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        const clock = wallClock(ms, zone);
        const shifted = new Date(ms + offsetOf(ms, zone));
        expect(clock).toEqual({
          date: shifted.toISOString().slice(0, 10),
          hours: shifted.getUTCHours(),
          minutes: shifted.getUTCMinutes(),
        });
      }),
      { numRuns: 600 },
    );
  });

  it('counts night minutes like the loop on night periods', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(['21:00', '06:00'], ['22:00', '05:00'], ['00:00', '05:00']),
        fc.array(
          fc.record({
            start: fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS }),
            minutes: fc.integer({ min: 1, max: 30 * 60 }),
          }),
          { maxLength: 6 },
        ),
        (timeZone, [nightStart, nightEnd], raw) => {
          const settings = { timeZone, nightStart, nightEnd };
          const segments = raw.map((r) => ({
            start: r.start * MINUTE_MS,
            end: (r.start + r.minutes) * MINUTE_MS,
          }));
          const expected = new Map<CivilDate, number>();
          for (const s of segments) {
            const last = wallClock(s.end, timeZone).date;
            for (
              let d = addDays(wallClock(s.start, timeZone).date, -1);
              d <= last;
              d = addDays(d, 1)
            ) {
              const night = nightPeriod(d, settings);
              const ms = Math.min(night.end, s.end) - Math.max(night.start, s.start);
              if (ms > 0) expected.set(d, (expected.get(d) ?? 0) + ms / MINUTE_MS);
            }
          }
          expect([...nightMinutesByNight(segments, settings)]).toEqual([...expected]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function offsetOf(ms: number, zone: string): number {
  // The offset from Intl, independently of the engine's cache.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .format(new Date(ms))
    .split('GMT')[1];
  if (!parts) return 0;
  const sign = parts.startsWith('-') ? -1 : 1;
  const [h, m] = parts.slice(1).split(':').map(Number);
  return sign * (h * 60 + (m || 0)) * MINUTE_MS;
}

describe('shared per-window data', () => {
  /** Two weeks of work around the window, plus optional history 20 to 30 weeks earlier. */
  const input = (personId: string, withHistory: boolean) => {
    const days = Array.from({ length: 14 }, (_, i) => i);
    if (withHistory) days.unshift(...Array.from({ length: 70 }, (_, i) => i - 210));
    const items: WorkItem[] = days.map((i) => {
      const date = addDays('2026-09-07', i);
      return {
        id: `${personId}-${i}`,
        personId,
        start: new Date(zonedInstant(date, '08:00', 'Europe/Paris')).toISOString(),
        end: new Date(
          zonedInstant(date, i % 3 === 0 ? '20:30' : '15:00', 'Europe/Paris'),
        ).toISOString(),
        activity: 'accueil' as const,
      };
    });
    return {
      personId,
      items,
      contracts: [{ id: 'c', type: 'CDI' as const, start: '2020-01-01', weeklyHours: 24 }],
      window: { from: '2026-09-09', to: '2026-09-16' },
    };
  };

  it('gives the same answer on repeated checks and for another person', () => {
    const first = checkPersonCompliance(input('a', false));
    expect(first.length).toBeGreaterThan(0);
    expect(checkPersonCompliance(input('a', false))).toEqual(first);
    const other = checkPersonCompliance(input('b', false));
    expect(JSON.stringify(other).replace(/"b(-\d+)?"/g, '"a$1"')).toBe(JSON.stringify(first));
  });

  it('is not changed by work far outside every window the rules look at', () => {
    expect(checkPersonCompliance(input('a', true))).toEqual(
      checkPersonCompliance(input('a', false)),
    );
  });
});
