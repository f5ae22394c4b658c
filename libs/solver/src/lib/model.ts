/**
 * A general rostering model: periods (days, or time slots of a week), shift types, demand per
 * period × shift type and employees with hard limits and weighted requests.
 */

export interface ShiftType {
  readonly id: string;
  /** Minute of the period at which the shift starts (informative for the engine). */
  readonly startMinute: number;
  readonly lengthMinutes: number;
}

export interface EmployeeSpec {
  readonly id: string;
  /** Maximum count of each shift type (by shift id); an absent id means no limit, 0 means never. */
  readonly maxShifts?: Readonly<Record<string, number>>;
  readonly minTotalMinutes?: number;
  readonly maxTotalMinutes?: number;
  /** At most this many worked periods in a row. */
  readonly maxConsecutiveShifts?: number;
  /** A block of worked periods lasts at least this long. */
  readonly minConsecutiveShifts?: number;
  /** A block of periods off lasts at least this long. */
  readonly minConsecutiveDaysOff?: number;
  /** At most this many worked weekends (see {@link RosterProblem.weekends}). */
  readonly maxWeekends?: number;
  /** Periods on which the employee cannot work at all. */
  readonly daysOff?: readonly number[];
  /** Finer availability: (period, shift type) pairs the employee cannot work. */
  readonly unavailable?: readonly { readonly day: number; readonly shift: string }[];
  /** Soft target on the employee's total minutes (e.g. contract hours). */
  readonly minutesTarget?: MinutesTarget;
  /** Soft: how many groups of cells (e.g. sites) the employee's shifts spread over. */
  readonly spread?: GroupSpread;
}

/** A (period, shift type) cell of one employee. */
export interface Cell {
  readonly day: number;
  readonly shift: string;
}

/**
 * Soft target on an employee's total minutes. A deviation is counted in started units of
 * `unitMinutes` (so that costs stay integers); a unit short costs the weight of its tier (tiers
 * are taken in order, each covering `units` units, the last one all the rest; weights must not
 * decrease, so the cost is convex and the MIP needs no extra binaries); a unit over costs
 * `weightOver`.
 */
export interface MinutesTarget {
  readonly minutes: number;
  /** Length of one unit of deviation (default 60). */
  readonly unitMinutes?: number;
  readonly under: readonly { readonly units?: number; readonly weight: number }[];
  readonly weightOver?: number;
}

/**
 * Soft: the employee may work cells of `free` groups at no cost; every further group used costs
 * `weight` (groups = sites: "stay on one site across the week").
 */
export interface GroupSpread {
  readonly groups: readonly (readonly Cell[])[];
  readonly free: number;
  readonly weight: number;
}

export interface CoverRequirement {
  readonly day: number;
  readonly shift: string;
  readonly requirement: number;
  readonly weightUnder: number;
  readonly weightOver: number;
}

export interface ShiftRequest {
  readonly employee: string;
  readonly day: number;
  readonly shift: string;
  readonly weight: number;
}

/** Shift `first` worked on period d forbids shift `second` on period d + 1. */
export interface ForbiddenSuccession {
  readonly first: string;
  readonly second: string;
}

/**
 * Extra hard linear constraint over assignment indicators, the hook for pairwise or group rules
 * (e.g. "A and B never on the same slot", "at least one senior per slot"). A term without
 * `shift` counts the employee working any shift on that period.
 */
export interface LinearConstraint {
  readonly terms: readonly {
    readonly employee: string;
    readonly day: number;
    readonly shift?: string;
    readonly coefficient: number;
  }[];
  readonly min?: number;
  readonly max?: number;
}

/**
 * How minimum block lengths treat blocks touching the first or last period: `exempt` (the
 * default, as in the Curtois & Qu benchmark) assumes the block may continue outside the horizon.
 */
export type EdgeBlocks = 'exempt' | 'enforced';

export interface RosterProblem {
  /** Number of periods. */
  readonly horizon: number;
  readonly shiftTypes: readonly ShiftType[];
  readonly employees: readonly EmployeeSpec[];
  readonly cover: readonly CoverRequirement[];
  readonly shiftOnRequests?: readonly ShiftRequest[];
  readonly shiftOffRequests?: readonly ShiftRequest[];
  readonly forbiddenSuccessions?: readonly ForbiddenSuccession[];
  /** Groups of periods forming one weekend; default: Saturday/Sunday with period 0 a Monday. */
  readonly weekends?: readonly (readonly number[])[];
  readonly edgeBlocks?: EdgeBlocks;
  readonly linearConstraints?: readonly LinearConstraint[];
}

/** `assignments[e][d]` is the shift id worked by employee e on period d, or null when off. */
export interface Roster {
  readonly assignments: readonly (readonly (string | null)[])[];
}

export interface Evaluation {
  /** Soft cost (requests and cover), the quantity minimised. */
  readonly objective: number;
  /** Total amount of hard-constraint violation; 0 means feasible. */
  readonly hardViolation: number;
  readonly feasible: boolean;
}

export interface SolveOptions {
  /** Wall-clock budget in seconds (default 60). */
  readonly timeLimitSeconds?: number;
  /** Seed of the pseudo-random generator of the local search (default 1). */
  readonly seed?: number;
  /**
   * Local-search move budget. With a budget and `useMip: false` the result depends only on the
   * seed, whatever the machine speed.
   */
  readonly maxIterations?: number;
  /** Share of the time limit given to the local search before the MIP starts (default 0.3). */
  readonly localSearchShare?: number;
  /** Whether to run the MIP phase (default true). */
  readonly useMip?: boolean;
  /**
   * Whether to run the row search (exact per-employee re-solves alternating with the local
   * search) when the model allows it: no linear constraints, no minutes target or spread
   * (default true).
   */
  readonly rowSearch?: boolean;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface SolveResult {
  readonly roster: Roster;
  readonly objective: number;
  readonly feasible: boolean;
  /** True when the MIP proved that no better roster exists. */
  readonly optimal: boolean;
  readonly status: SolveStatus;
  /** Best proven lower bound on the objective, when the MIP produced one. */
  readonly lowerBound?: number;
  readonly seconds: number;
  /** Which phase found the returned roster. */
  readonly foundBy: 'greedy' | 'local-search' | 'mip';
}

export interface Progress {
  readonly objective: number;
  readonly feasible: boolean;
  readonly seconds: number;
  readonly foundBy: SolveResult['foundBy'];
}
