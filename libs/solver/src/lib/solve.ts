import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress, Roster, RosterProblem, SolveOptions, SolveResult } from './model';
import type { WorkerInput, WorkerMessage } from './worker-protocol';

export interface AsyncSolveOptions extends SolveOptions {
  /** Aborting ends the solve early; the promise then resolves with the best roster so far. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /**
   * Second worker running the local search alone for the whole budget, next to the hybrid one
   * (default: when the machine has at least 2 cores and the MIP is used).
   */
  readonly parallel?: boolean;
  /**
   * Script of the worker. Default: `solver.worker.js` next to this module when it exists (built
   * code), otherwise `solver.worker.ts` loaded through tsx's CommonJS hook (tests, scripts).
   */
  readonly workerScript?: string;
  /**
   * Extra wait after the time limit or a cancel before a worker is terminated and its last
   * reported roster (its best) is used (default 1 s: HiGHS cannot be interrupted everywhere, and
   * a roster is due on time).
   */
  readonly graceSeconds?: number;
}

function startWorker(input: WorkerInput, script: string | undefined): Worker {
  if (script !== undefined) return new Worker(script, { workerData: input });
  const js = join(__dirname, 'solver.worker.js');
  if (existsSync(js)) return new Worker(js, { workerData: input });
  const ts = join(__dirname, 'solver.worker.ts');
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(ts)});`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

interface RunOne {
  readonly promise: Promise<SolveResult>;
  /** Starts the grace period after which the worker is dropped for its last reported roster. */
  readonly stopping: () => void;
}

function runWorker(
  input: WorkerInput,
  script: string | undefined,
  graceMs: number,
  onProgress: ((progress: Progress) => void) | undefined,
): RunOne {
  const started = performance.now();
  const worker = startWorker(input, script);
  let armGuard: (ms: number) => void = () => undefined;
  const promise = new Promise<SolveResult>((resolve, reject) => {
    let last: { progress: Progress; roster: Roster } | undefined;
    let settled = false;
    let guard: ReturnType<typeof setTimeout> | undefined;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      if (guard !== undefined) clearTimeout(guard);
      action();
      void worker.terminate();
    };
    const fallback = (): void =>
      settle(() => {
        if (last === undefined) {
          reject(new Error('solver worker stopped without a roster'));
          return;
        }
        resolve({
          roster: last.roster,
          objective: last.progress.objective,
          feasible: last.progress.feasible,
          optimal: false,
          status: last.progress.feasible ? 'feasible' : 'unknown',
          seconds: (performance.now() - started) / 1000,
          foundBy: last.progress.foundBy,
        });
      });
    armGuard = (ms) => {
      // A stop requested after the run settled must not leave a timer behind.
      if (settled) return;
      if (guard !== undefined) clearTimeout(guard);
      guard = setTimeout(fallback, ms);
    };
    armGuard((input.options.timeLimitSeconds ?? 60) * 1000 + graceMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        last = { progress: message.progress, roster: message.roster };
        onProgress?.(message.progress);
      } else if (message.type === 'done') {
        settle(() => resolve(message.result));
      } else {
        settle(() => reject(new Error(message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', fallback);
  });
  return { promise, stopping: () => armGuard(graceMs) };
}

function better(a: SolveResult, b: SolveResult): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  return a.objective < b.objective || (a.objective === b.objective && a.optimal && !b.optimal);
}

/**
 * Solves on worker threads so the caller's event loop stays free (HiGHS is synchronous).
 * Anytime: on abort, or if a worker overruns its budget, resolves with the best roster reported
 * so far.
 */
export async function solve(
  problem: RosterProblem,
  options: AsyncSolveOptions = {},
): Promise<SolveResult> {
  const { signal, onProgress, workerScript, graceSeconds, parallel, ...solveOptions } = options;
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const graceMs = (graceSeconds ?? 1) * 1000;
  const useMip = solveOptions.useMip ?? true;
  const startedAt = Date.now();
  const runs = [
    runWorker(
      { problem, options: solveOptions, stop, startedAt },
      workerScript,
      graceMs,
      onProgress,
    ),
  ];
  if (useMip && (parallel ?? availableParallelism() >= 2)) {
    const lsOptions: SolveOptions = {
      ...solveOptions,
      useMip: false,
      seed: (solveOptions.seed ?? 1) + 1000,
    };
    runs.push(
      runWorker(
        { problem, options: lsOptions, stop, startedAt },
        workerScript,
        graceMs,
        onProgress,
      ),
    );
  }
  const stopAll = (): void => {
    Atomics.store(flag, 0, 1);
    for (const run of runs) run.stopping();
  };
  const onAbort = (): void => stopAll();
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  // A proof of optimality makes the other worker pointless.
  void runs[0]?.promise.then(
    (r) => {
      if (r.optimal) stopAll();
    },
    () => undefined,
  );
  try {
    const settledRuns = await Promise.allSettled(runs.map((r) => r.promise));
    let best: SolveResult | undefined;
    let failure: unknown;
    for (const s of settledRuns) {
      if (s.status === 'rejected') failure ??= s.reason;
      else if (best === undefined || better(s.value, best)) best = s.value;
    }
    if (best === undefined) throw failure instanceof Error ? failure : new Error(String(failure));
    const lowerBound = settledRuns.flatMap((s) =>
      s.status === 'fulfilled' && s.value.lowerBound !== undefined ? [s.value.lowerBound] : [],
    );
    const bound = lowerBound.length > 0 ? Math.max(...lowerBound) : undefined;
    // The hybrid's bound also proves a roster found by the other worker when it meets it.
    const optimal =
      best.optimal || (bound !== undefined && best.feasible && best.objective <= bound + 1e-6);
    return { ...best, optimal, status: optimal ? 'optimal' : best.status, lowerBound: bound };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
