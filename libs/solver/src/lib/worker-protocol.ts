import type { Progress, Roster, RosterProblem, SolveOptions, SolveResult } from './model';

export interface WorkerInput {
  readonly problem: RosterProblem;
  readonly options: SolveOptions;
  /** Int32 flag: non-zero asks the engine to stop and return its best roster. */
  readonly stop: SharedArrayBuffer;
  /** `Date.now()` when the solve was asked for: the worker's start-up counts in the budget. */
  readonly startedAt?: number;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: Progress; readonly roster: Roster }
  | { readonly type: 'done'; readonly result: SolveResult }
  | { readonly type: 'error'; readonly message: string };
