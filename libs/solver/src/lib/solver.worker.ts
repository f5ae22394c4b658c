import { parentPort } from 'node:worker_threads';
import { solveInProcess } from './engine';
import { loadHighs } from './mip';
import type { RosterProblem } from './model';
import { SharedIncumbent } from './shared-incumbent';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './worker-protocol';

const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

/** Budget of the warm-up solve: long enough for the optimising tier, whether it proves or not. */
const WARM_UP_SECONDS = 1;

/**
 * A made-up week shaped like an auto-fill (30 people, 3 sites of 4 windows, half-day periods,
 * hours targets, site spread, daily maxima, successions): solving it once makes the engine's code
 * and HiGHS's WebAssembly hot enough to be optimised before the first real solve.
 */
export function warmUpProblem(): RosterProblem {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const shiftTypes = Array.from({ length: 12 }, (_, t) => ({
    id: `s${Math.floor(t / 4)}-${t % 4}`,
    startMinute: t % 2 === 0 ? 540 : 810,
    lengthMinutes: 180 + 30 * (t % 3),
  }));
  const half = (t: number): number => t % 2;
  const siteOf = (t: number): number => Math.floor(t / 4);
  const open = (e: number, day: number, t: number): boolean =>
    day % 2 === half(t) && day < 12 && (siteOf(t) === e % 3 || random() < 0.3);
  const employees = Array.from({ length: 30 }, (_, e) => {
    const unavailable: { day: number; shift: string }[] = [];
    const groups: { day: number; shift: string }[][] = [[], [], []];
    for (let day = 0; day < 14; day++) {
      shiftTypes.forEach((type, t) => {
        if (open(e, day, t)) groups[siteOf(t)]?.push({ day, shift: type.id });
        else unavailable.push({ day, shift: type.id });
      });
    }
    const hours = [35, 28, 24, 17.5][e % 4] ?? 35;
    return {
      id: `e${e}`,
      maxTotalMinutes: hours * 60,
      unavailable,
      minutesTarget: {
        minutes: hours * 60,
        unitMinutes: 60,
        under: [{ units: 9, weight: 1 }, { weight: 2 }],
        weightOver: 1,
      },
      spread: { groups: groups.filter((cells) => cells.length > 0), free: 1, weight: 4 },
    };
  });
  const cover = Array.from({ length: 12 }, (_, day) =>
    shiftTypes.flatMap((type, t) =>
      day % 2 === half(t)
        ? [{ day, shift: type.id, requirement: 1 + (t % 3), weightUnder: 300, weightOver: 0 }]
        : [],
    ),
  ).flat();
  const linearConstraints = employees.flatMap((employee, e) =>
    Array.from({ length: 6 }, (_, day) => ({
      terms: shiftTypes.flatMap((type, t) =>
        [2 * day, 2 * day + 1]
          .filter((period) => open(e, period, t))
          .map((period) => ({
            employee: employee.id,
            day: period,
            shift: type.id,
            coefficient: type.lengthMinutes,
          })),
      ),
      max: 420,
    })).filter((constraint) => constraint.terms.length > 1),
  );
  return {
    horizon: 14,
    shiftTypes,
    employees,
    cover,
    shiftOnRequests: [],
    shiftOffRequests: employees.flatMap((employee, e) =>
      shiftTypes
        .filter((_, t) => siteOf(t) !== e % 3)
        .map((type, t) => ({ employee: employee.id, day: t % 12, shift: type.id, weight: 3 })),
    ),
    forbiddenSuccessions: shiftTypes.flatMap((a, i) =>
      shiftTypes
        .filter((b, j) => half(i) === 0 && half(j) === 1 && siteOf(i) !== siteOf(j))
        .map((b) => ({ first: a.id, second: b.id })),
    ),
    weekends: [[10, 11, 12, 13]],
    linearConstraints,
  };
}

async function run(input: WorkerInput): Promise<void> {
  const stop = new Int32Array(input.stop);
  // Starting the worker (loading the engine, compiling it under tsx) is part of the budget.
  const spent = input.startedAt === undefined ? 0 : (Date.now() - input.startedAt) / 1000;
  const limit = input.options.timeLimitSeconds ?? 60;
  const options = { ...input.options, timeLimitSeconds: Math.max(0.1, limit - spent) };
  try {
    const result = await solveInProcess(input.problem, options, {
      // HiGHS blocks this thread, so a posted "cancel" message would never be read: the flag
      // lives in shared memory and is polled by both phases.
      shouldStop: () => Atomics.load(stop, 0) !== 0,
      onProgress: (progress, roster) => post({ type: 'progress', progress, roster }),
      helper: input.helper,
      shared: input.shared === undefined ? undefined : new SharedIncumbent(input.shared),
    });
    post({ type: 'done', result });
  } catch (error: unknown) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function warm(): Promise<void> {
  try {
    await loadHighs();
    await solveInProcess(warmUpProblem(), {
      timeLimitSeconds: WARM_UP_SECONDS,
      localSearchShare: 0,
    });
  } catch {
    // Warming is only an optimisation: a failure leaves the worker as it was.
  }
  post({ type: 'warm' });
}

// One request at a time: the pool hands a worker a new solve only after its answer.
parentPort?.on('message', (request: WorkerRequest) => {
  void (request.type === 'solve' ? run(request.input) : warm());
});
