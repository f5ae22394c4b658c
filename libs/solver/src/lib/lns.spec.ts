import fc from 'fast-check';
import { compile, type Assign } from './compile';
import { evaluateAssign } from './evaluate';
import { runLns } from './lns';
import { greedy } from './local-search';
import { loadHighs, runMip } from './mip';
import { RowSearch } from './row-search';
import { improvementLog } from './testing/improvement-log';
import { randomProblem } from './testing/random-problem';

const far = (): number => performance.now() + 60_000;

describe('runLns (MIP neighbourhoods)', () => {
  it('keeps every hard rule and never makes the roster worse', async () => {
    const highs = await loadHighs();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, long) => {
        const c = compile(randomProblem(seed, long));
        const rows = new RowSearch(c, seed);
        rows.construct(greedy(c), () => false);
        // Some random problems have an employee without a feasible row: no feasible start.
        fc.pre(rows.failed === 0);
        const start = evaluateAssign(c, rows.a);
        expect(start.feasible).toBe(true);
        const log = improvementLog(c);
        const result = runLns(highs, c, rows.a, {
          deadline: far(),
          shouldStop: () => false,
          seed,
          flavour: seed % 2 === 0 ? 'days' : 'employees',
          maxSteps: 6,
          onImprovement: log.onImprovement,
        });
        const end = evaluateAssign(c, result.assign);
        expect(end.feasible).toBe(true);
        expect(end.objective).toBeCloseTo(result.objective, 6);
        expect(result.objective).toBeLessThanOrEqual(start.objective + 1e-6);
        // Each reported roster keeps the hard rules and is strictly better than the one before.
        expect(log.allFeasible()).toBe(true);
        expect(log.strictlyBetterFrom(start.objective + 1e-6)).toBe(true);
        expect(result.solved).toBe(6);
      }),
      { numRuns: 25 },
    );
  });

  it('reaches the optimum the full MIP proves, from a poor roster', async () => {
    const highs = await loadHighs();
    let compared = 0;
    for (let seed = 1; seed <= 40 && compared < 4; seed++) {
      const c = compile(randomProblem(seed, false));
      const rows = new RowSearch(c, seed);
      rows.construct(greedy(c), () => false);
      if (rows.failed > 0) continue;
      const full = runMip(highs, c, { deadline: far(), shouldStop: () => false });
      if (!full.optimal || full.objective === undefined) continue;
      const start = evaluateAssign(c, rows.a).objective;
      if (start <= full.objective + 1e-6) continue; // already optimal: nothing to show
      const result = runLns(highs, c, rows.a, {
        deadline: far(),
        shouldStop: () => false,
        seed,
        flavour: 'days',
        maxSteps: 40,
        onImprovement: () => undefined,
      });
      expect(result.objective).toBeCloseTo(full.objective, 6);
      expect(result.improved).toBeGreaterThan(0);
      compared++;
    }
    expect(compared).toBe(4);
  });

  it('moves to a better roster published by another worker', async () => {
    const highs = await loadHighs();
    // The first random problem whose row start is feasible but not optimal.
    for (let seed = 1; seed <= 40; seed++) {
      const c = compile(randomProblem(seed, false));
      const rows = new RowSearch(c, seed);
      rows.construct(greedy(c), () => false);
      if (rows.failed > 0) continue;
      const optimum = runMip(highs, c, { deadline: far(), shouldStop: () => false });
      const start = evaluateAssign(c, rows.a).objective;
      if (!optimum.optimal || optimum.objective === undefined || optimum.assign === undefined)
        continue;
      if (start <= optimum.objective + 1e-6) continue;
      const best = optimum.objective;
      const outside: Assign = optimum.assign;
      const asked: number[] = [];
      const result = runLns(highs, c, rows.a, {
        deadline: far(),
        shouldStop: () => false,
        seed,
        flavour: 'days',
        maxSteps: 1,
        onImprovement: () => undefined,
        better: (objective) => {
          asked.push(objective);
          return objective > best + 1e-6 ? outside : undefined;
        },
      });
      expect(asked).toEqual([start]);
      expect(result.objective).toBeCloseTo(best, 6);
      return;
    }
    throw new Error('no random problem with a feasible, non-optimal start');
  });
});
