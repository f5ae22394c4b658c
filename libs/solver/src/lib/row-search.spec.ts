import fc from 'fast-check';
import { compile, type Compiled } from './compile';
import { solveInProcess } from './engine';
import { evaluateAssign, evaluateRoster, rowHard } from './evaluate';
import { greedy } from './local-search';
import { RowSearch, rowSearchApplicable } from './row-search';
import { randomProblem } from './testing/random-problem';

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
