import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress, Roster, RosterProblem, SolveOptions, SolveResult } from './model';
import { SharedIncumbent } from './shared-incumbent';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './worker-protocol';

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
   * Seconds to wait before starting that second worker (default 0): a model the MIP proves
   * sooner never starts it and keeps both cores for the proof.
   */
  readonly parallelAfterSeconds?: number;
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

function startWorker(script: string | undefined): Worker {
  if (script !== undefined) return new Worker(script);
  const js = join(__dirname, 'solver.worker.js');
  if (existsSync(js)) return new Worker(js);
  const ts = join(__dirname, 'solver.worker.ts');
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(ts)});`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Idle workers kept for the next solve, per script. A worker that has solved keeps HiGHS loaded
 * and its WebAssembly compiled by the optimising tier: a fresh one spends a second or more of a
 * week's solve on that (and on its start-up). Idle workers do not keep the process alive.
 */
const MAX_IDLE_PER_SCRIPT = 2;
const idle = new Map<string, Worker[]>();
/**
 * An idle worker is ended after this long without a solve: a warm worker holds HiGHS and its
 * compiled code, about 45 MB of a server's resident memory, which a server that plans a week now
 * and then should not keep all day. Auto-fills close together (a manager trying variants) find it.
 */
let idleTimeoutMs = 10 * 60_000;
const idleTimers = new WeakMap<Worker, ReturnType<typeof setTimeout>>();

/** Sets how long an idle worker is kept (for tests; the default is ten minutes). */
export function configureSolverPool(options: { idleTimeoutMs: number }): void {
  idleTimeoutMs = options.idleTimeoutMs;
}

/** Idle workers kept now, all scripts together (for tests and diagnostics). */
export function idleSolverWorkers(): number {
  return [...idle.values()].reduce((sum, list) => sum + list.length, 0);
}
/** Workers that have loaded HiGHS and run it: the MIP's choice. */
const hot = new WeakSet<Worker>();
const poolKey = (script: string | undefined): string => script ?? '';

function dropIdle(key: string, worker: Worker): void {
  const list = idle.get(key);
  const at = list?.indexOf(worker) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

function acquireWorker(script: string | undefined, forMip: boolean): Worker {
  const key = poolKey(script);
  const list = idle.get(key) ?? [];
  // The MIP takes a worker that has run HiGHS, the local search alone one that has not.
  const at = list.findIndex((worker) => hot.has(worker) === forMip);
  const reused = list.splice(at >= 0 ? at : list.length - 1, 1)[0];
  if (reused) {
    clearTimeout(idleTimers.get(reused));
    reused.ref();
    return reused;
  }
  const worker = startWorker(script);
  // An idle worker that fails or exits leaves the pool (a running one is watched by its run).
  worker.on('error', () => dropIdle(key, worker));
  worker.on('exit', () => dropIdle(key, worker));
  return worker;
}

function releaseWorker(script: string | undefined, worker: Worker): void {
  const key = poolKey(script);
  const list = idle.get(key) ?? [];
  idle.set(key, list);
  if (list.length >= MAX_IDLE_PER_SCRIPT) {
    // Full: a worker that has run HiGHS stays rather than one that has not.
    const cold = hot.has(worker) ? list.findIndex((other) => !hot.has(other)) : -1;
    if (cold < 0) {
      void worker.terminate();
      return;
    }
    void list.splice(cold, 1)[0]?.terminate();
  }
  worker.unref();
  list.push(worker);
  const timer = setTimeout(() => {
    dropIdle(key, worker);
    void worker.terminate();
  }, idleTimeoutMs);
  timer.unref();
  idleTimers.set(worker, timer);
}

let warming: Promise<void> | undefined;

/**
 * Starts solver workers (one by default: the MIP's) ahead of the first solve and has them load
 * HiGHS and solve a small made-up week, so the first real solve finds them compiled. Resolves
 * when they are ready; a failure only leaves them cold. A solve asked meanwhile waits for them.
 */
export function warmSolverPool(
  options: { workers?: number; workerScript?: string } = {},
): Promise<void> {
  const done = warmWorkers(options).finally(() => {
    if (warming === done) warming = undefined;
  });
  warming = done;
  return done;
}

async function warmWorkers(options: { workers?: number; workerScript?: string }): Promise<void> {
  const count = Math.min(options.workers ?? 1, MAX_IDLE_PER_SCRIPT);
  const script = options.workerScript;
  const key = poolKey(script);
  const have = idle.get(key)?.length ?? 0;
  const warm = Array.from({ length: Math.max(0, count - have) }, async () => {
    const worker = acquireWorker(script, true);
    const ready = await new Promise<boolean>((resolve) => {
      const onMessage = (message: WorkerMessage): void => {
        if (message.type !== 'warm') return;
        cleanup();
        resolve(true);
      };
      const onEnd = (): void => {
        cleanup();
        resolve(false);
      };
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onEnd);
        worker.off('exit', onEnd);
      };
      worker.on('message', onMessage);
      worker.on('error', onEnd);
      worker.on('exit', onEnd);
      worker.postMessage({ type: 'warm' } satisfies WorkerRequest);
    });
    if (ready) {
      hot.add(worker);
      releaseWorker(script, worker);
    }
  });
  await Promise.all(warm);
}

/** Ends the idle workers (a server shutting down, the end of a test file). */
export async function closeSolverPool(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  for (const worker of all) clearTimeout(idleTimers.get(worker));
  await Promise.all(all.map((worker) => worker.terminate()));
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
  const forMip = !input.helper && (input.options.useMip ?? true);
  const worker = acquireWorker(script, forMip);
  if (forMip) hot.add(worker);
  let armGuard: (ms: number) => void = () => undefined;
  const promise = new Promise<SolveResult>((resolve, reject) => {
    let last: { progress: Progress; roster: Roster } | undefined;
    let settled = false;
    let guard: ReturnType<typeof setTimeout> | undefined;
    const settle = (action: () => void, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      if (guard !== undefined) clearTimeout(guard);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      action();
      // A worker that answered is free for the next solve; one that overran or failed is ended.
      if (reusable) releaseWorker(script, worker);
      else void worker.terminate();
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
      }, false);
    armGuard = (ms) => {
      // A stop requested after the run settled must not leave a timer behind.
      if (settled) return;
      if (guard !== undefined) clearTimeout(guard);
      guard = setTimeout(fallback, ms);
    };
    armGuard((input.options.timeLimitSeconds ?? 60) * 1000 + graceMs);
    const onMessage = (message: WorkerMessage): void => {
      if (message.type === 'progress') {
        last = { progress: message.progress, roster: message.roster };
        onProgress?.(message.progress);
      } else if (message.type === 'done') {
        settle(() => resolve(message.result), true);
      } else if (message.type === 'error') {
        settle(() => reject(new Error(message.message)), false);
      }
    };
    const onError = (error: Error): void => settle(() => reject(error), false);
    const onExit = (): void => fallback();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'solve', input } satisfies WorkerRequest);
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
  const {
    signal,
    onProgress,
    workerScript,
    graceSeconds,
    parallel,
    parallelAfterSeconds,
    ...solveOptions
  } = options;
  const startedAt = Date.now();
  // Workers being warmed up are the pool's: waiting for them beats starting cold ones (the wait
  // counts in the budget).
  if (warming !== undefined) await warming.catch(() => undefined);
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const graceMs = (graceSeconds ?? 1) * 1000;
  const useMip = solveOptions.useMip ?? true;
  // Both workers publish their best feasible roster here and start their next step from it.
  const shared = SharedIncumbent.allocate(problem.employees.length * problem.horizon);
  const runs = [
    runWorker(
      { problem, options: solveOptions, stop, startedAt, shared },
      workerScript,
      graceMs,
      onProgress,
    ),
  ];
  let stopped = false;
  let hybridDone = false;
  let delay: ReturnType<typeof setTimeout> | undefined;
  const stopAll = (): void => {
    stopped = true;
    if (delay !== undefined) clearTimeout(delay);
    Atomics.store(flag, 0, 1);
    for (const run of runs) run.stopping();
  };
  const startSecond = (): void => {
    delay = undefined;
    if (stopped || hybridDone) return;
    const helperOptions: SolveOptions = { ...solveOptions, seed: (solveOptions.seed ?? 1) + 1000 };
    runs.push(
      runWorker(
        { problem, options: helperOptions, stop, startedAt, helper: true, shared },
        workerScript,
        graceMs,
        onProgress,
      ),
    );
  };
  // The second worker's runs join the wait as they start.
  let secondStarted: () => void = () => undefined;
  const second = new Promise<void>((resolve) => (secondStarted = resolve));
  if (useMip && (parallel ?? availableParallelism() >= 2)) {
    const afterMs = (parallelAfterSeconds ?? 0) * 1000;
    if (afterMs <= 0) {
      startSecond();
      secondStarted();
    } else {
      delay = setTimeout(() => {
        startSecond();
        secondStarted();
      }, afterMs);
      // Nothing to wait for when the hybrid answers first or the solve is stopped.
      void runs[0]?.promise.finally(() => {
        hybridDone = true;
        if (delay !== undefined) clearTimeout(delay);
        delay = undefined;
        secondStarted();
      });
    }
  } else secondStarted();
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
    await runs[0]?.promise.catch(() => undefined);
    await second;
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
