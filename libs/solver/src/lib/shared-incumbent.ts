import type { Assign } from './compile';

/** Lock and version (Int32 each), the objective (Float64), then the roster (Int16 per cell). */
const HEADER_BYTES = 16;
const LOCK = 0;
const VERSION = 1;
const EPS = 1e-6;

/**
 * The best feasible roster found by any of a solve's workers, in shared memory: a worker
 * publishes each new best and, between steps, moves to a better one another worker published. A
 * spin lock guards the copy (a roster is a few kilobytes; a worker holds the lock only to copy).
 */
export class SharedIncumbent {
  private readonly header: Int32Array;
  private readonly objective: Float64Array;
  private readonly cells: Int16Array;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.objective = new Float64Array(buffer, 8, 1);
    this.cells = new Int16Array(buffer, HEADER_BYTES);
  }

  /** Memory for a roster of `cells` cells, holding no roster yet. */
  static allocate(cells: number): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(HEADER_BYTES + 2 * cells);
    new Float64Array(buffer, 8, 1)[0] = Infinity;
    return buffer;
  }

  /** Publishes a feasible roster when it beats the one held; true when it did. */
  offer(assign: Assign, objective: number): boolean {
    if (assign.length !== this.cells.length) return false;
    if (!(objective < (this.objective[0] ?? Infinity) - EPS)) return false;
    return this.locked(() => {
      if (!(objective < (this.objective[0] ?? Infinity) - EPS)) return false;
      this.cells.set(assign);
      this.objective[0] = objective;
      Atomics.add(this.header, VERSION, 1);
      return true;
    });
  }

  /** A copy of the roster held when its objective is below `objective`. */
  better(objective: number): { assign: Assign; objective: number } | undefined {
    if (!((this.objective[0] ?? Infinity) < objective - EPS)) return undefined;
    return this.locked(() => {
      const held = this.objective[0] ?? Infinity;
      if (!(held < objective - EPS)) return undefined;
      return { assign: Int16Array.from(this.cells), objective: held };
    });
  }

  private locked<R>(action: () => R): R {
    while (Atomics.compareExchange(this.header, LOCK, 0, 1) !== 0) {
      Atomics.wait(this.header, LOCK, 1, 1);
    }
    try {
      return action();
    } finally {
      Atomics.store(this.header, LOCK, 0);
      Atomics.notify(this.header, LOCK, 1);
    }
  }
}
