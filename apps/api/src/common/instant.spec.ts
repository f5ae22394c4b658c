import { toZonedIso } from './instant';

describe('toZonedIso', () => {
  it.each([
    ['2026-12-01T08:00:00Z', '2026-12-01T09:00:00+01:00'],
    ['2026-07-01T07:30:00Z', '2026-07-01T09:30:00+02:00'],
    // The night of the October change: 00:30 UTC is 02:30 summer time, 01:30 UTC is 02:30 winter time.
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
  ])('%s is %s in Paris', (utc, paris) => {
    expect(toZonedIso(new Date(utc))).toBe(paris);
    expect(new Date(paris).getTime()).toBe(new Date(utc).getTime());
  });
});
