import { parentPort, workerData } from 'node:worker_threads';
import { solveInProcess } from './engine';
import type { WorkerInput, WorkerMessage } from './worker-protocol';

const input = workerData as WorkerInput;
const stop = new Int32Array(input.stop);
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

// Starting the worker (loading the engine, compiling it under tsx) is part of the budget.
const spent = input.startedAt === undefined ? 0 : (Date.now() - input.startedAt) / 1000;
const limit = input.options.timeLimitSeconds ?? 60;
const options = { ...input.options, timeLimitSeconds: Math.max(0.1, limit - spent) };

solveInProcess(input.problem, options, {
  // HiGHS blocks this thread, so a posted "cancel" message would never be read: the flag lives
  // in shared memory and is polled by both phases.
  shouldStop: () => Atomics.load(stop, 0) !== 0,
  onProgress: (progress, roster) => post({ type: 'progress', progress, roster }),
}).then(
  (result) => post({ type: 'done', result }),
  (error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
