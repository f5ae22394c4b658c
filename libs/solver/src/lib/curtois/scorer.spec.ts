import { TINY_ONE_SHIFT, TINY_TWO_SHIFTS } from './fixtures';
import { parseCurtois } from './parser';
import { scoreCurtois } from './scorer';

const row = (text: string): (string | null)[] => [...text].map((ch) => (ch === '.' ? null : ch));

describe('scoreCurtois', () => {
  const one = parseCurtois(TINY_ONE_SHIFT);

  it('prices requests and cover of a feasible roster', () => {
    // A: days 0-2 and 5-6 (5 shifts = 2400 min, 1 weekend); B: days 1-2 (960 min, no weekend).
    const score = scoreCurtois(one, [row('DDD..DD'), row('.DD....')]);
    expect(score.violations).toEqual([]);
    // Cover: day 2 has 2 for 1 (+5), days 3 and 4 have nobody (+50 +50).
    // Requests: A on day 0 and B on day 1 granted, A's off request on day 6 refused (+4).
    expect(score.objective).toBe(109);
    expect(score.feasible).toBe(true);
  });

  it('reports every kind of broken hard rule', () => {
    const score = scoreCurtois(one, [row('DDDDDDD'), row('.D.D.D.')]);
    const text = score.violations.join('\n');
    expect(text).toMatch(/A works on day off 3/);
    expect(text).toMatch(/A: 7 shifts in a row from day 0 > 4/);
    expect(text).toMatch(/A: 3360 min > 2400/);
    expect(text).toMatch(/B: 1 shifts in a row from day 1 < 2/);
    expect(text).toMatch(/B: 1 weekends > 0/);
    expect(score.feasible).toBe(false);
  });

  it('does not apply minimum block lengths to blocks touching the horizon ends', () => {
    const score = scoreCurtois(one, [row('D.DDD..'), row('......D')]);
    expect(score.violations.filter((v) => v.includes('in a row'))).toEqual([]);
    expect(score.violations.some((v) => v.includes('days off from day 1'))).toBe(true);
  });

  it('checks forbidden successions and per-type maxima', () => {
    const two = parseCurtois(TINY_TWO_SHIFTS);
    const score = scoreCurtois(two, [row('LELLL'), row('EEEEL')]);
    const text = score.violations.join('\n');
    expect(text).toMatch(/A day 0: E cannot follow L/);
    expect(text).toMatch(/A: 4 × L > max 2/);
    expect(text).toMatch(/B: 1 × L > max 0/);
    expect(text).toMatch(/B works on day off 4/);
  });
});
