import fc from 'fast-check';
import { WorkItem } from './person-input';
import { workMinutesByDay, workMinutesByWeek } from './work-timeline';
import { addDays, civilDate, isoWeekOf, MINUTE_MS, parseIsoWeek, zonedInstant } from './zoned-time';

const TZ = 'Europe/Paris';
// From a week before the spring change to a week after the autumn one.
const FROM = zonedInstant('2026-03-22', '00:00', TZ);
const TO = zonedInstant('2026-11-01', '00:00', TZ);

const itemArb = fc
  .record({
    start: fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS }),
    minutes: fc.integer({ min: 30, max: 14 * 60 }),
    breakMinutes: fc.integer({ min: 0, max: 25 }),
  })
  .map(
    ({ start, minutes, breakMinutes }): WorkItem => ({
      id: `i${start}`,
      activity: 'accueil',
      start: start * MINUTE_MS,
      end: (start + minutes) * MINUTE_MS,
      breakMinutes,
    }),
  );

describe('day and week bucketing (properties)', () => {
  it('spreads every effective minute over civil days, and days over ISO weeks', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 6 }), (items) => {
        const expected = items.reduce(
          (s, i) => s + (Number(i.end) - Number(i.start)) / MINUTE_MS - (i.breakMinutes ?? 0),
          0,
        );
        const days = [...workMinutesByDay(items).values()].reduce((a, b) => a + b, 0);
        const weeks = [...workMinutesByWeek(items).values()].reduce((a, b) => a + b, 0);
        expect(days).toBeCloseTo(expected, 6);
        expect(weeks).toBeCloseTo(expected, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('puts every instant inside the bounds of its ISO week', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (ms) => {
        const date = civilDate(ms, TZ);
        const week = parseIsoWeek(isoWeekOf(date), TZ);
        expect(ms).toBeGreaterThanOrEqual(week.start);
        expect(ms).toBeLessThan(week.end);
        expect(week.days).toContain(date);
        expect(addDays(week.monday, 6)).toBe(week.sunday);
      }),
      { numRuns: 200 },
    );
  });
});
