import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from './compile';
import { bruteForce, TINY_ONE_SHIFT, TINY_TWO_SHIFTS } from './curtois/fixtures';
import { curtoisToProblem, parseCurtois } from './curtois/parser';
import { scoreCurtois } from './curtois/scorer';
import { solveInProcess } from './engine';
import { evaluateAssign, evaluateRoster } from './evaluate';
import { greedy } from './local-search';
import type { RosterProblem } from './model';

describe.each([
  ['one shift type', TINY_ONE_SHIFT],
  ['two shift types', TINY_TWO_SHIFTS],
])('solveInProcess on a tiny instance with %s', (_name, text) => {
  const instance = parseCurtois(text);
  const optimum = bruteForce(
    instance.staff.length,
    instance.horizon,
    instance.shifts.map((s) => s.id),
    (roster) => scoreCurtois(instance, roster),
  );

  it('proves the exhaustive optimum, with a roster the independent scorer accepts', async () => {
    const result = await solveInProcess(curtoisToProblem(instance), { timeLimitSeconds: 10 });
    const score = scoreCurtois(instance, result.roster.assignments);
    expect(score.violations).toEqual([]);
    expect(score.objective).toBe(optimum);
    expect(result.objective).toBe(optimum);
    expect(result.optimal).toBe(true);
    expect(result.status).toBe('optimal');
  });

  it('reaches the optimum by local search alone', async () => {
    const result = await solveInProcess(curtoisToProblem(instance), {
      useMip: false,
      maxIterations: 200_000,
    });
    expect(scoreCurtois(instance, result.roster.assignments)).toEqual({
      objective: optimum,
      feasible: true,
      violations: [],
    });
    expect(result.optimal).toBe(false);
  });
});

describe('solveInProcess', () => {
  const problem = curtoisToProblem(parseCurtois(TINY_ONE_SHIFT));

  it('is deterministic for a seed with a move budget', async () => {
    const options = { useMip: false, maxIterations: 30_000, seed: 7 } as const;
    const a = await solveInProcess(problem, options);
    const b = await solveInProcess(problem, options);
    expect(b.roster).toEqual(a.roster);
    expect(b.objective).toBe(a.objective);
  });

  it('returns the incumbent at once when asked to stop', async () => {
    const started = performance.now();
    const result = await solveInProcess(
      problem,
      { timeLimitSeconds: 30 },
      { shouldStop: () => true },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.roster.assignments).toHaveLength(2);
    expect(result.optimal).toBe(false);
    expect(result.objective).toBe(evaluateRoster(problem, result.roster).objective);
  });

  it('honours availability and an extra linear constraint', async () => {
    const custom: RosterProblem = {
      horizon: 3,
      shiftTypes: [
        { id: 'AM', startMinute: 8 * 60, lengthMinutes: 240 },
        { id: 'PM', startMinute: 14 * 60, lengthMinutes: 240 },
      ],
      employees: [
        { id: 'ana', unavailable: [{ day: 0, shift: 'AM' }] },
        { id: 'bo', daysOff: [2] },
        { id: 'cy', maxShifts: { PM: 0 } },
      ],
      cover: [0, 1, 2].flatMap((day) => [
        { day, shift: 'AM', requirement: 1, weightUnder: 10, weightOver: 1 },
        { day, shift: 'PM', requirement: 1, weightUnder: 10, weightOver: 1 },
      ]),
      // ana and bo never work the same period.
      linearConstraints: [0, 1, 2].map((day) => ({
        terms: [
          { employee: 'ana', day, coefficient: 1 },
          { employee: 'bo', day, coefficient: 1 },
        ],
        max: 1,
      })),
      shiftOnRequests: [{ employee: 'bo', day: 0, shift: 'AM', weight: 3 }],
    };
    const result = await solveInProcess(custom, { timeLimitSeconds: 10 });
    // Day 2: bo is off and cy cannot do PM, so ana takes PM and cy AM; days 0-1: cy AM plus one
    // of ana/bo on PM. Every slot is covered, bo's request (AM day 0) loses to cy's only shift.
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(3);
    const [ana, bo, cy] = result.roster.assignments;
    expect(cy).toEqual(['AM', 'AM', 'AM']);
    expect(ana?.[2]).toBe('PM');
    expect(bo?.[2]).toBeNull();
    for (let d = 0; d < 3; d++) expect(ana?.[d] === null || bo?.[d] === null).toBe(true);
    expect(evaluateRoster(custom, result.roster).feasible).toBe(true);
  });

  it('enforces minimum blocks at the horizon edges when asked', async () => {
    const base: RosterProblem = {
      horizon: 4,
      shiftTypes: [{ id: 'D', startMinute: 0, lengthMinutes: 60 }],
      employees: [{ id: 'x', minConsecutiveShifts: 3, minConsecutiveDaysOff: 2 }],
      cover: [0, 1, 2, 3].map((day) => ({
        day,
        shift: 'D',
        requirement: day === 0 ? 1 : 0,
        weightUnder: 10,
        weightOver: 1,
      })),
    };
    const exempt = await solveInProcess(base, { timeLimitSeconds: 10 });
    expect(exempt.roster.assignments[0]).toEqual(['D', null, null, null]);
    expect(exempt.objective).toBe(0);
    const enforced = await solveInProcess(
      { ...base, edgeBlocks: 'enforced' },
      { timeLimitSeconds: 10 },
    );
    // Now a block must last 3 days and a trailing single day off is too short: working all four
    // days (3 of over-cover) beats leaving day 0 uncovered (10).
    expect(enforced.roster.assignments[0]).toEqual(['D', 'D', 'D', 'D']);
    expect(enforced.objective).toBe(3);
    expect(enforced.optimal).toBe(true);
  });
});

describe('solveInProcess with the MIP neighbourhoods', () => {
  it('goes on with the row search until it has a feasible roster when its share runs out first', async () => {
    // Six weeks, 32 people: the greedy start breaks rules and building the rows takes a moment.
    const instance = parseCurtois(
      readFileSync(join(__dirname, '../../benchmarks/curtois/Instance14.txt'), 'utf8'),
    );
    const problem = curtoisToProblem(instance);
    const c = compile(problem);
    expect(evaluateAssign(c, greedy(c)).feasible).toBe(false);
    // No share at all: the row search is stopped before it has built a roster.
    const result = await solveInProcess(problem, { timeLimitSeconds: 5, localSearchShare: 0 });
    expect(result.feasible).toBe(true);
    expect(scoreCurtois(instance, result.roster.assignments).violations).toEqual([]);
  });
});
