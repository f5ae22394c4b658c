import type { Progress, Roster, RosterProblem, SolveOptions, SolveResult } from './model';

export interface WorkerInput {
  readonly problem: RosterProblem;
  readonly options: SolveOptions;
  /** Int32 flag: non-zero asks the engine to stop and return its best roster. */
  readonly stop: SharedArrayBuffer;
  /** `Date.now()` when the solve was asked for: the worker's start-up counts in the budget. */
  readonly startedAt?: number;
  /** The solve's second worker (see `SolveControl.helper`). */
  readonly helper?: boolean;
  /** The best roster of all of the solve's workers (`SharedIncumbent`). */
  readonly shared?: SharedArrayBuffer;
}

/** What a (reused) worker is asked: one solve at a time, or to get ready for the first one. */
export type WorkerRequest =
  | { readonly type: 'solve'; readonly input: WorkerInput }
  | { readonly type: 'warm' };

export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: Progress; readonly roster: Roster }
  | { readonly type: 'done'; readonly result: SolveResult }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'warm' };
