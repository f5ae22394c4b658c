import { TINY_ONE_SHIFT } from './curtois/fixtures';
import { curtoisToProblem, parseCurtois } from './curtois/parser';
import { scoreCurtois } from './curtois/scorer';
import {
  closeSolverPool,
  configureSolverPool,
  idleSolverWorkers,
  solve,
  warmSolverPool,
} from './solve';

// One worker round trip each: the worker is loaded through tsx, which takes a second or two.
describe('solve (worker thread)', () => {
  const instance = parseCurtois(TINY_ONE_SHIFT);
  const problem = curtoisToProblem(instance);

  afterAll(() => closeSolverPool());

  it('solves off the main thread and keeps the event loop free', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const result = await solve(problem, { timeLimitSeconds: 10 });
    clearInterval(timer);
    expect(result.optimal).toBe(true);
    expect(scoreCurtois(instance, result.roster.assignments)).toMatchObject({
      objective: result.objective,
      feasible: true,
    });
    expect(ticks).toBeGreaterThan(5);
  }, 20_000);

  it('returns the incumbent when cancelled', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = solve(problem, {
      timeLimitSeconds: 60,
      useMip: false,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const result = await pending;
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.optimal).toBe(false);
    expect(result.roster.assignments).toHaveLength(2);
    expect(scoreCurtois(instance, result.roster.assignments).objective).toBe(result.objective);
  }, 20_000);

  it('reuses its workers: a second solve gets the same answer from the warm pool', async () => {
    await warmSolverPool({ workers: 1 });
    const first = await solve(problem, { timeLimitSeconds: 10, parallel: false });
    const second = await solve(problem, { timeLimitSeconds: 10, parallel: false });
    expect(second).toMatchObject({ optimal: true, objective: first.objective });
    expect(second.roster.assignments).toEqual(first.roster.assignments);
  }, 30_000);

  it('ends a worker left idle longer than the pool keeps it, and starts afresh after', async () => {
    await closeSolverPool();
    configureSolverPool({ idleTimeoutMs: 300 });
    try {
      await solve(problem, { timeLimitSeconds: 10, parallel: false });
      expect(idleSolverWorkers()).toBe(1);
      // Left alone past the limit.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(idleSolverWorkers()).toBe(0);
      const again = await solve(problem, { timeLimitSeconds: 10, parallel: false });
      expect(again.optimal).toBe(true);
    } finally {
      configureSolverPool({ idleTimeoutMs: 10 * 60_000 });
    }
  }, 30_000);

  it('does not wait for a second worker the hybrid did not need', async () => {
    const started = performance.now();
    const result = await solve(problem, {
      timeLimitSeconds: 10,
      parallel: true,
      parallelAfterSeconds: 8,
    });
    expect(result.optimal).toBe(true);
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 30_000);
});
