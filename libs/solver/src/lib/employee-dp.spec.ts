import { compile, type Compiled } from './compile';
import { solveRow } from './employee-dp';
import { rowHard } from './evaluate';
import type { EmployeeSpec, ForbiddenSuccession, RosterProblem } from './model';
import { Random } from './random';

/** A random one-employee problem: horizon ≤ 7, one or two shift types, random hard limits. */
function randomEmployee(rng: Random): { c: Compiled; cost: Float64Array } {
  const H = 2 + rng.int(6);
  const T = 1 + rng.int(2);
  const shiftTypes = Array.from({ length: T }, (_, t) => ({
    id: `S${t}`,
    startMinute: 0,
    lengthMinutes: [240, 480, 600][rng.int(3)] ?? 480,
  }));
  const maybe = (p: number, value: () => number): number | undefined =>
    rng.next() < p ? value() : undefined;
  const maxShifts: Record<string, number> = {};
  for (const s of shiftTypes) if (rng.next() < 0.4) maxShifts[s.id] = rng.int(H);
  const daysOff: number[] = [];
  for (let d = 0; d < H; d++) if (rng.next() < 0.15) daysOff.push(d);
  const employee: EmployeeSpec = {
    id: 'E',
    maxShifts,
    minTotalMinutes: maybe(0.5, () => rng.int(H * 300)),
    maxTotalMinutes: maybe(0.5, () => 480 + rng.int(H * 400)),
    maxConsecutiveShifts: maybe(0.6, () => 1 + rng.int(4)),
    minConsecutiveShifts: maybe(0.6, () => 1 + rng.int(3)),
    minConsecutiveDaysOff: maybe(0.6, () => 1 + rng.int(3)),
    maxWeekends: maybe(0.4, () => rng.int(2)),
    daysOff,
  };
  const forbiddenSuccessions: ForbiddenSuccession[] = [];
  for (const a of shiftTypes)
    for (const b of shiftTypes)
      if (rng.next() < 0.3) forbiddenSuccessions.push({ first: a.id, second: b.id });
  const problem: RosterProblem = {
    horizon: H,
    shiftTypes,
    employees: [employee],
    cover: [],
    forbiddenSuccessions,
    edgeBlocks: rng.next() < 0.5 ? 'exempt' : 'enforced',
  };
  const cost = Float64Array.from({ length: H * (T + 1) }, () => rng.int(21) - 8);
  return { c: compile(problem), cost };
}

/** Every row with the values outside [from, to) fixed, in lexicographic order. */
function* rows(c: Compiled, fixed: Int16Array, from: number, to: number): Generator<Int16Array> {
  const row = Int16Array.from(fixed);
  const rec = function* (d: number): Generator<Int16Array> {
    if (d === to) {
      yield row;
      return;
    }
    for (let v = -1; v < c.T; v++) {
      row[d] = v;
      yield* rec(d + 1);
    }
  };
  yield* rec(from);
}

function rowCost(c: Compiled, cost: Float64Array, row: Int16Array, from: number, to: number) {
  let sum = 0;
  for (let d = from; d < to; d++) {
    const v = row[d] ?? -1;
    sum += cost[d * (c.T + 1) + (v < 0 ? c.T : v)] ?? 0;
  }
  return sum;
}

function bruteForce(
  c: Compiled,
  cost: Float64Array,
  fixed: Int16Array,
  from: number,
  to: number,
): { best: number; feasibleRows: Int16Array[] } {
  const counts = new Int32Array(c.T);
  let best = Infinity;
  const feasibleRows: Int16Array[] = [];
  for (const row of rows(c, fixed, from, to)) {
    if (rowHard(c, row, 0, counts) > 1e-9) continue;
    feasibleRows.push(Int16Array.from(row));
    best = Math.min(best, rowCost(c, cost, row, from, to));
  }
  return { best, feasibleRows };
}

describe('solveRow (exact per-employee sub-solver)', () => {
  const rng = new Random(2024);
  const cases = Array.from({ length: 400 }, () => randomEmployee(rng));

  it('finds the brute-force optimum of whole rows, or null when no row is feasible', () => {
    let feasibleCases = 0;
    for (const { c, cost } of cases) {
      const empty = new Int16Array(c.H).fill(-1);
      const { best } = bruteForce(c, cost, empty, 0, c.H);
      const result = solveRow(c, 0, cost);
      if (best === Infinity) {
        expect(result).toBeNull();
        continue;
      }
      feasibleCases++;
      expect(result).not.toBeNull();
      if (result === null) continue;
      expect(result.cost).toBe(best);
      expect(result.exact).toBe(true);
      expect(rowCost(c, cost, result.row, 0, c.H)).toBe(best);
      expect(rowHard(c, result.row, 0, new Int32Array(c.T))).toBe(0);
    }
    // The generator must exercise both outcomes.
    expect(feasibleCases).toBeGreaterThan(100);
    expect(feasibleCases).toBeLessThan(cases.length);
  });

  it('re-optimises a window with the rest of a feasible row fixed, as brute force does', () => {
    const windowRng = new Random(7);
    let checked = 0;
    for (const { c, cost } of cases) {
      const empty = new Int16Array(c.H).fill(-1);
      const { feasibleRows } = bruteForce(c, cost, empty, 0, c.H);
      if (feasibleRows.length === 0) continue;
      const fixed = feasibleRows[windowRng.int(feasibleRows.length)] ?? empty;
      const from = windowRng.int(c.H);
      const to = from + 1 + windowRng.int(c.H - from);
      const { best } = bruteForce(c, cost, fixed, from, to);
      const result = solveRow(c, 0, cost, { row: fixed, from, to });
      // The fixed row itself is a candidate, so a feasible row always exists.
      expect(result).not.toBeNull();
      if (result === null) continue;
      expect(result.cost).toBe(best);
      expect(rowHard(c, result.row, 0, new Int32Array(c.T))).toBe(0);
      for (let d = 0; d < c.H; d++) if (d < from || d >= to) expect(result.row[d]).toBe(fixed[d]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('re-optimises a window of several stretches (periods kept inside it), as brute force does', () => {
    const windowRng = new Random(11);
    let checked = 0;
    for (const { c, cost } of cases) {
      if (c.H < 4) continue;
      const empty = new Int16Array(c.H).fill(-1);
      const { feasibleRows } = bruteForce(c, cost, empty, 0, c.H);
      if (feasibleRows.length === 0) continue;
      const fixed = feasibleRows[windowRng.int(feasibleRows.length)] ?? empty;
      const from = windowRng.int(c.H - 2);
      const to = from + 3 + windowRng.int(c.H - from - 2);
      const keep = new Uint8Array(c.H);
      for (let d = from + 1; d < to - 1; d++) keep[d] = windowRng.next() < 0.5 ? 1 : 0;
      let best = Infinity;
      for (const row of rows(c, fixed, from, to)) {
        if (row.some((v, d) => keep[d] === 1 && v !== fixed[d])) continue;
        if (rowHard(c, row, 0, new Int32Array(c.T)) > 1e-9) continue;
        best = Math.min(best, rowCost(c, cost, row, from, to));
      }
      const result = solveRow(c, 0, cost, { row: fixed, from, to, keep });
      expect(result).not.toBeNull();
      if (result === null) continue;
      expect(result.cost).toBe(best);
      expect(rowHard(c, result.row, 0, new Int32Array(c.T))).toBe(0);
      for (let d = 0; d < c.H; d++)
        if (d < from || d >= to || keep[d]) expect(result.row[d]).toBe(fixed[d]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps every hard rule when the state cap makes it heuristic', () => {
    for (const { c, cost } of cases.slice(0, 100)) {
      const result = solveRow(c, 0, cost, { maxStates: 2 });
      if (result !== null) expect(rowHard(c, result.row, 0, new Int32Array(c.T))).toBe(0);
    }
  });
});
