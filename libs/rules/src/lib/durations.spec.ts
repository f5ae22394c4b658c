import { effectiveMinutes, minutesOfDay } from './durations';

describe('effectiveMinutes', () => {
  it.each([
    ['a morning with no break', '2026-12-07T08:45:00+01:00', '2026-12-07T12:30:00+01:00', 0, 225],
    [
      'a day with a 45-minute break',
      '2026-12-07T09:00:00+01:00',
      '2026-12-07T17:45:00+01:00',
      45,
      480,
    ],
    // 28 March 2027: clocks go forward at 02:00, so 01:00–05:00 lasts three hours.
    [
      'a night across the spring change',
      '2027-03-28T01:00:00+01:00',
      '2027-03-28T05:00:00+02:00',
      0,
      180,
    ],
    [
      'a break longer than the span',
      '2026-12-07T09:00:00+01:00',
      '2026-12-07T09:30:00+01:00',
      60,
      0,
    ],
  ])('%s', (_, start, end, breakMinutes, expected) => {
    expect(effectiveMinutes({ start, end, breakMinutes })).toBe(expected);
  });

  it('reads dates and epoch milliseconds as well as ISO instants, and a missing break as none', () => {
    const start = new Date('2026-12-07T08:00:00Z');
    expect(effectiveMinutes({ start, end: start.getTime() + 90 * 60_000 })).toBe(90);
  });
});

describe('minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['08:45', 525],
    ['23:59', 1439],
  ])('%s is %i minutes after midnight', (time, minutes) => {
    expect(minutesOfDay(time)).toBe(minutes);
  });
});
