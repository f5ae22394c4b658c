import { compile, type Compiled } from './compile';
import { rowHard } from './evaluate';
import { greedy } from './local-search';
import type { CoverRequirement, EmployeeSpec, RosterProblem } from './model';
import { Random } from './random';
import { RowSearch } from './row-search';
import { tailBound } from './tail-bound';

/** One employee, no minutes range and no per-type maxima: the rules the tail bound keeps. */
function smallProblem(seed: number): RosterProblem {
  const rng = new Random(seed);
  const H = 5 + rng.int(5);
  const T = 1 + rng.int(2);
  const shiftTypes = Array.from({ length: T }, (_, t) => ({
    id: `S${t}`,
    startMinute: 0,
    lengthMinutes: [480, 600][rng.int(2)] ?? 480,
  }));
  const daysOff: number[] = [];
  for (let d = 0; d < H; d++) if (rng.next() < 0.15) daysOff.push(d);
  return {
    horizon: H,
    shiftTypes,
    employees: [
      {
        id: 'E0',
        maxTotalMinutes: 600 * H,
        maxConsecutiveShifts: 2 + rng.int(3),
        minConsecutiveShifts: 1 + rng.int(2),
        minConsecutiveDaysOff: 1 + rng.int(2),
        maxWeekends: rng.int(2),
        daysOff,
      },
    ],
    cover: [],
    forbiddenSuccessions: T > 1 ? [{ first: 'S1', second: 'S0' }] : [],
    edgeBlocks: rng.next() < 0.7 ? 'exempt' : 'enforced',
  };
}

/** The state of row r before period b, as the tail bound reads it. */
function prefixState(c: Compiled, r: Int16Array, b: number) {
  const last = r[b - 1] ?? -1;
  let start = b - 1;
  while (start > 0 && (r[start - 1] ?? -1) >= 0 === last >= 0) start--;
  const worked = new Set<number>();
  for (let d = 0; d < b; d++) {
    const w = c.weekendOf[d] ?? -1;
    if (w >= 0 && (r[d] ?? -1) >= 0) worked.add(w);
  }
  const w = c.weekendOf[b] ?? -1;
  return {
    last,
    run: b - start,
    edge: start === 0,
    weekendsLeft: (c.maxWeekends[0] ?? 0) - worked.size,
    weekendOpen: w >= 0 && c.weekendOf[b - 1] === w && worked.has(w),
  };
}

function tailMinutes(c: Compiled, r: Int16Array, b: number): number {
  let sum = 0;
  for (let d = b; d < c.H; d++) {
    const v = r[d] ?? -1;
    if (v >= 0) sum += c.shiftLength[v] ?? 0;
  }
  return sum;
}

/**
 * A year-long problem shaped like the benchmark's longest ones: a tight minimum (about 97 % of
 * what the block rules allow on the days available), half the weekends at most, holidays.
 */
function yearProblem(seed: number): RosterProblem {
  const rng = new Random(seed);
  const H = 364;
  const shiftTypes = [
    { id: 'E', startMinute: 360, lengthMinutes: 480 },
    { id: 'L', startMinute: 840, lengthMinutes: 480 },
    { id: 'N', startMinute: 1320, lengthMinutes: 480 },
  ];
  const employees: EmployeeSpec[] = Array.from({ length: 4 }, (_, e) => {
    const daysOff = new Set<number>();
    for (let holiday = 0; holiday < 4; holiday++) {
      const start = rng.int(H - 10);
      const length = 1 + rng.int(7);
      for (let d = start; d < start + length; d++) daysOff.add(d);
    }
    const shifts = Math.floor(((H - daysOff.size) * 5 * 0.97) / 7);
    return {
      id: `P${e}`,
      maxShifts: { N: 40 + rng.int(20) },
      maxTotalMinutes: 480 * (shifts + 2),
      minTotalMinutes: 480 * shifts,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 26,
      daysOff: [...daysOff].sort((a, b) => a - b),
    };
  });
  const cover: CoverRequirement[] = [];
  for (let d = 0; d < H; d++) {
    for (const s of shiftTypes) {
      cover.push({
        day: d,
        shift: s.id,
        requirement: 1,
        weightUnder: 100,
        weightOver: 1 + rng.int(5),
      });
    }
  }
  return {
    horizon: H,
    shiftTypes,
    employees,
    cover,
    forbiddenSuccessions: [
      { first: 'L', second: 'E' },
      { first: 'N', second: 'E' },
      { first: 'N', second: 'L' },
    ],
  };
}

describe('tailBound', () => {
  it('equals the most minutes the feasible completions of a prefix bring (brute force)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const c = compile(smallProblem(seed));
      const b = 1 + (seed % (c.H - 1));
      const bound = tailBound(c, 0, [b]);
      // Best tail of each prefix over every row keeping the hard rules.
      const best = new Map<string, { r: Int16Array; minutes: number }>();
      const r = new Int16Array(c.H);
      const counts = new Int32Array(c.T);
      const total = (c.T + 1) ** c.H;
      for (let code = 0; code < total; code++) {
        let x = code;
        for (let d = 0; d < c.H; d++) {
          r[d] = (x % (c.T + 1)) - 1;
          x = Math.floor(x / (c.T + 1));
        }
        if (rowHard(c, r, 0, counts) > 0) continue;
        const key = Array.from(r.subarray(0, b)).join(',');
        const minutes = tailMinutes(c, r, b);
        if ((best.get(key)?.minutes ?? -1) < minutes)
          best.set(key, { r: Int16Array.from(r), minutes });
      }
      for (const { r: row, minutes } of best.values()) {
        const s = prefixState(c, row, b);
        expect(bound.maxMinutes(b, s.last, s.run, s.edge, s.weekendsLeft, s.weekendOpen)).toBe(
          minutes,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('lets a year-long construction (and the moves after it) give every row its minutes range and weekend limit', () => {
    for (const seed of [1, 2, 3]) {
      const c = compile(yearProblem(seed));
      const search = new RowSearch(c, seed);
      search.construct(greedy(c), () => false);
      expect(search.failed).toBe(0);
      // Moves (one-week windows first on a year) and a kick keep every row feasible.
      const objective = search.objective;
      search.improve({ shouldStop: () => false, maxMoves: 300 });
      expect(search.objective).toBeLessThanOrEqual(objective + 1e-9);
      search.kick();
      search.improve({ shouldStop: () => false, maxMoves: 300 });
      const counts = new Int32Array(c.T);
      for (let e = 0; e < c.E; e++) {
        expect(rowHard(c, search.a, e, counts)).toBe(0);
        let minutes = 0;
        const weekends = new Set<number>();
        for (let d = 0; d < c.H; d++) {
          const v = search.a[e * c.H + d] ?? -1;
          if (v < 0) continue;
          minutes += c.shiftLength[v] ?? 0;
          const w = c.weekendOf[d] ?? -1;
          if (w >= 0) weekends.add(w);
        }
        expect(minutes).toBeGreaterThanOrEqual(c.minMinutes[e] ?? 0);
        expect(minutes).toBeLessThanOrEqual(c.maxMinutes[e] ?? 0);
        expect(weekends.size).toBeLessThanOrEqual(c.maxWeekends[e] ?? 0);
      }
    }
  });
});
