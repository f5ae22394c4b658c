import { formatDuration, formatLongDate, rangeMinutes } from './time';

describe('time formatting', () => {
  it('formats durations the French way, never as decimals', () => {
    expect(formatDuration(35 * 60)).toBe('35\u00a0h');
    expect(formatDuration(31 * 60 + 30)).toBe('31\u00a0h\u00a030');
    expect(formatDuration(7 * 60 + 5)).toBe('7\u00a0h\u00a005');
    expect(formatDuration(0)).toBe('0\u00a0h');
  });

  it('sums opening ranges', () => {
    expect(
      rangeMinutes([
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '17:00' },
      ]),
    ).toBe(7 * 60);
  });

  it('gives the Paris date even when UTC is still the day before', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1).
    expect(formatLongDate(new Date('2026-12-31T23:30:00Z'), 'fr')).toBe(
      'vendredi 1er janvier 2027',
    );
    expect(formatLongDate(new Date('2026-12-31T23:30:00Z'), 'en')).toMatch(
      /^Friday,? 1 January 2027$/,
    );
  });
});
