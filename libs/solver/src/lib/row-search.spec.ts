import fc from 'fast-check';
import { compile, type Compiled } from './compile';
import { solveInProcess } from './engine';
import { evaluateAssign, evaluateRoster, rowHard } from './evaluate';
import { greedy } from './local-search';
import type { CoverRequirement, EmployeeSpec, RosterProblem } from './model';
import { Random } from './random';
import { RowSearch, rowSearchApplicable } from './row-search';

/** A random benchmark-like problem (short horizons re-solve whole rows, long ones by windows). */
function randomProblem(seed: number, long: boolean): RosterProblem {
  const rng = new Random(seed);
  const H = long ? 64 + rng.int(20) : 3 + rng.int(12);
  const T = 1 + rng.int(3);
  const E = 2 + rng.int(4);
  const shiftTypes = Array.from({ length: T }, (_, t) => ({
    id: `S${t}`,
    startMinute: 0,
    lengthMinutes: [480, 480, 600][rng.int(3)] ?? 480,
  }));
  const employees: EmployeeSpec[] = Array.from({ length: E }, (_, e) => {
    const maxShifts: Record<string, number> = {};
    for (const s of shiftTypes) if (rng.next() < 0.4) maxShifts[s.id] = rng.int(H);
    const daysOff: number[] = [];
    for (let d = 0; d < H; d++) if (rng.next() < 0.1) daysOff.push(d);
    const maxMinutes = 480 * Math.ceil(H * (0.4 + 0.4 * rng.next()));
    return {
      id: `E${e}`,
      maxShifts,
      maxTotalMinutes: maxMinutes,
      minTotalMinutes: rng.next() < 0.7 ? Math.floor(maxMinutes * 0.5 * rng.next()) : undefined,
      maxConsecutiveShifts: 3 + rng.int(4),
      minConsecutiveShifts: 1 + rng.int(2),
      minConsecutiveDaysOff: 1 + rng.int(2),
      maxWeekends: rng.int(Math.ceil(H / 7) + 1),
      daysOff,
    };
  });
  const cover: CoverRequirement[] = [];
  for (let d = 0; d < H; d++) {
    for (const s of shiftTypes) {
      cover.push({
        day: d,
        shift: s.id,
        requirement: rng.int(3),
        weightUnder: 1 + rng.int(100),
        weightOver: 1 + rng.int(10),
      });
    }
  }
  const requests = (n: number) =>
    Array.from({ length: n }, () => ({
      employee: `E${rng.int(E)}`,
      day: rng.int(H),
      shift: `S${rng.int(T)}`,
      weight: 1 + rng.int(3),
    }));
  return {
    horizon: H,
    shiftTypes,
    employees,
    cover,
    shiftOnRequests: requests(rng.int(E * 2)),
    shiftOffRequests: requests(rng.int(E * 2)),
    forbiddenSuccessions: T > 1 ? [{ first: 'S1', second: 'S0' }] : [],
    edgeBlocks: rng.next() < 0.7 ? 'exempt' : 'enforced',
  };
}

function feasibleRows(c: Compiled, a: Int16Array): boolean[] {
  const counts = new Int32Array(c.T);
  return Array.from({ length: c.E }, (_, e) => rowHard(c, a, e, counts) < 1e-9);
}

describe('RowSearch', () => {
  it.each([
    ['short horizons (whole rows)', false, 120],
    ['long horizons (windows)', true, 15],
  ])('never breaks a hard rule on %s', (_name, long, runs) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const c = compile(randomProblem(seed, long));
        expect(rowSearchApplicable(c)).toBe(true);
        const search = new RowSearch(c, seed);
        const fallback = greedy(c);
        search.construct(fallback, () => false);
        // Every row the sub-solver built keeps the hard rules; so the roster does when none failed.
        if (search.failed === 0) expect(evaluateAssign(c, search.a).feasible).toBe(true);
        const before = feasibleRows(c, search.a);
        const objective = search.objective;
        search.improve({ shouldStop: () => false, maxMoves: 4 * c.E });
        // Moves without noise never make the roster worse.
        expect(search.objective).toBeLessThanOrEqual(objective + 1e-9);
        search.kick();
        search.improve({ shouldStop: () => false, maxMoves: 4 * c.E });
        const after = feasibleRows(c, search.a);
        before.forEach((ok, e) => {
          if (ok) expect(after[e]).toBe(true);
        });
      }),
      { numRuns: runs },
    );
  });

  it('is reproducible for a seed and a move budget', () => {
    const c = compile(randomProblem(99, true));
    const run = () => {
      const search = new RowSearch(c, 5);
      search.construct(greedy(c), () => false);
      search.kick();
      search.improve({ shouldStop: () => false, maxMoves: 50 });
      return Array.from(search.a);
    };
    expect(run()).toEqual(run());
  });

  it('gives the engine rosters that pass the hard-rule check of evaluate.ts', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const problem = randomProblem(seed, seed % 4 === 0);
      const c = compile(problem);
      const search = new RowSearch(c, 1);
      search.construct(greedy(c), () => false);
      if (search.failed > 0) continue; // some random problems have an employee with no feasible row
      const result = await solveInProcess(problem, {
        useMip: false,
        maxIterations: 20_000,
        seed,
      });
      expect(result.feasible).toBe(true);
      expect(evaluateRoster(problem, result.roster).feasible).toBe(true);
    }
  });
});
