import { compile } from './compile';
import { bruteForce } from './curtois/fixtures';
import { solveInProcess } from './engine';
import { evaluateRoster, targetCost } from './evaluate';
import type { RosterProblem } from './model';

describe('targetCost', () => {
  const target = compile({
    horizon: 1,
    shiftTypes: [],
    cover: [],
    employees: [
      {
        id: 'a',
        minutesTarget: {
          minutes: 600,
          under: [{ units: 2, weight: 1 }, { weight: 3 }],
          weightOver: 2,
        },
      },
    ],
  }).targets[0];

  it.each([
    [600, 0],
    [599.9999999999, 0],
    [570, 1], // a started hour short
    [480, 2],
    [420, 2 + 3],
    [0, 2 + 8 * 3],
    [630, 2],
    [721, 3 * 2],
  ])('%d minutes against a 600-minute target cost %d', (minutes, cost) => {
    if (!target) throw new Error('no target');
    expect(targetCost(target, minutes)).toBe(cost);
  });

  it('refuses decreasing tier weights (the cost would not be convex)', () => {
    expect(() =>
      compile({
        horizon: 1,
        shiftTypes: [],
        cover: [],
        employees: [
          {
            id: 'a',
            minutesTarget: { minutes: 60, under: [{ units: 1, weight: 2 }, { weight: 1 }] },
          },
        ],
      }),
    ).toThrow(/must not decrease/);
  });
});

/** Two people, one 4-hour shift type, `days` periods each needing one person. */
function twoPeople(days: number, extra: Partial<RosterProblem> = {}): RosterProblem {
  return {
    horizon: days,
    shiftTypes: [{ id: 'D', startMinute: 540, lengthMinutes: 240 }],
    employees: [{ id: 'near' }, { id: 'far' }],
    cover: Array.from({ length: days }, (_, day) => ({
      day,
      shift: 'D',
      requirement: 1,
      weightUnder: 100,
      weightOver: 20,
    })),
    ...extra,
  };
}

describe('soft minutes targets', () => {
  // "near" is 4 h short of its target, "far" 16 h: the convex cost gives the shift to "far".
  const tiers = [{ units: 2, weight: 1 }, { weight: 2 }];
  const problem = twoPeople(1, {
    employees: [
      { id: 'near', minutesTarget: { minutes: 240, under: tiers, weightOver: 1 } },
      { id: 'far', minutesTarget: { minutes: 960, under: tiers, weightOver: 1 } },
    ],
  });

  it('gives the shift to the one furthest below target, proven by the MIP', async () => {
    const result = await solveInProcess(problem, { timeLimitSeconds: 10 });
    expect(result.roster.assignments).toEqual([[null], ['D']]);
    // near: 4 h short = 2×1 + 2×2; far: 12 h short = 2×1 + 10×2.
    expect(result.objective).toBe(6 + 22);
    expect(result.optimal).toBe(true);
    expect(evaluateRoster(problem, { assignments: [['D'], [null]] }).objective).toBe(2 + 28);
  });

  it('finds the same roster by local search alone', async () => {
    const result = await solveInProcess(problem, { useMip: false, maxIterations: 20_000 });
    expect(result.roster.assignments).toEqual([[null], ['D']]);
    expect(result.objective).toBe(28);
  });

  it('prices hours over the target, and the MIP agrees with the evaluation everywhere', async () => {
    const over = twoPeople(3, {
      employees: [
        { id: 'near', minutesTarget: { minutes: 300, under: tiers, weightOver: 3 } },
        { id: 'far', minutesTarget: { minutes: 420, under: tiers, weightOver: 1 } },
      ],
    });
    const optimum = bruteForce(2, 3, ['D'], (rows) => evaluateRoster(over, { assignments: rows }));
    const result = await solveInProcess(over, { timeLimitSeconds: 10 });
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(optimum);
    // 12 h of work for 12 h of targets: 5 h and 7 h, so one of them works over in any case.
    expect(evaluateRoster(over, result.roster).objective).toBe(optimum);
  });
});

describe('group spread', () => {
  // Two desks X and Y, each needing one person on both days; each person should keep to one.
  const problem: RosterProblem = {
    horizon: 2,
    shiftTypes: [
      { id: 'X', startMinute: 540, lengthMinutes: 240 },
      { id: 'Y', startMinute: 540, lengthMinutes: 240 },
    ],
    employees: ['ana', 'bo'].map((id) => ({
      id,
      spread: {
        groups: [
          [0, 1].map((day) => ({ day, shift: 'X' })),
          [0, 1].map((day) => ({ day, shift: 'Y' })),
        ],
        free: 1,
        weight: 3,
      },
    })),
    cover: [0, 1].flatMap((day) =>
      ['X', 'Y'].map((shift) => ({ day, shift, requirement: 1, weightUnder: 100, weightOver: 20 })),
    ),
  };

  it('charges each group beyond the free ones', () => {
    expect(
      evaluateRoster(problem, {
        assignments: [
          ['X', 'Y'],
          ['Y', 'X'],
        ],
      }).objective,
    ).toBe(6);
    expect(
      evaluateRoster(problem, {
        assignments: [
          ['X', 'X'],
          ['Y', 'Y'],
        ],
      }).objective,
    ).toBe(0);
  });

  it('keeps each person on one group', async () => {
    const optimum = bruteForce(2, 2, ['X', 'Y'], (rows) =>
      evaluateRoster(problem, { assignments: rows }),
    );
    expect(optimum).toBe(0);
    const result = await solveInProcess(problem, { timeLimitSeconds: 10 });
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(0);
    for (const row of result.roster.assignments) expect(new Set(row).size).toBe(1);
  });
});
