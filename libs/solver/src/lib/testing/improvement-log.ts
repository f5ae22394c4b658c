import type { Assign, Compiled } from '../compile';
import { evaluateAssign } from '../evaluate';

/**
 * Records the rosters a search reports as improvements (`onImprovement`), for specs to check
 * that every one keeps the hard rules and that each is strictly better than the one before.
 */
export function improvementLog(c: Compiled): {
  readonly onImprovement: (a: Assign) => void;
  /** Whether every reported roster was feasible. */
  readonly allFeasible: () => boolean;
  /** Whether the reported objectives strictly decrease from `start` (none reported: true). */
  readonly strictlyBetterFrom: (start: number) => boolean;
} {
  const objectives: number[] = [];
  let feasible = true;
  return {
    onImprovement: (a) => {
      const ev = evaluateAssign(c, a);
      feasible &&= ev.feasible;
      objectives.push(ev.objective);
    },
    allFeasible: () => feasible,
    strictlyBetterFrom: (start) =>
      objectives.every((objective, i) => objective < (i === 0 ? start : (objectives[i - 1] ?? 0))),
  };
}
