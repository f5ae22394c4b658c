import type { Assign, Compiled } from './compile';
import { NO_LIMIT } from './compile';
import { solveRow, type EndState, type RowResult } from './employee-dp';
import { coverCellCost, evaluateAssign } from './evaluate';
import { Random } from './random';
import { tailBound, type TailBound } from './tail-bound';

/** Horizons up to this many periods are re-solved whole; longer ones by windows. */
const WHOLE_ROW_LIMIT = 63;
/** Length of a window on long horizons (four weeks of days). */
const WINDOW = 28;
/** Longest horizon on which a row the windows could not build is built whole. */
const WHOLE_FALLBACK_LIMIT = 4 * WHOLE_ROW_LIMIT;
/**
 * Length of a window of the construction beyond the whole-row fallback (one week): the
 * sub-solver's work grows with the square of a window's length (its minutes range grows with
 * it), and the tail bound keeps short windows from starving the later ones. Shorter horizons are
 * built by {@link WINDOW}s.
 */
const LONG_BUILD_WINDOW = 7;
/**
 * How many earlier windows the construction may re-decide when a window cannot be completed (four
 * times as many with one-week windows).
 */
const BACKTRACK_WINDOWS = 2;
const EPS = 1e-9;
/** Cost noise of a kick, in units of the mean weight. */
const KICK_NOISE = 0.3;

/**
 * Whether every hard rule belongs to one employee (no linear constraints), there is no soft term
 * over a whole row (minutes target, spread) and weekends are runs of consecutive periods: then a
 * row can be re-optimised exactly against the cover of the others by {@link solveRow}.
 */
export function rowSearchApplicable(c: Compiled): boolean {
  if (c.linear.length > 0 || c.hasEmployeeSoft) return false;
  const seen = new Set<number>();
  for (let d = 0; d < c.H; d++) {
    const w = c.weekendOf[d] ?? -1;
    if (w < 0) continue;
    if (seen.has(w) && (c.weekendOf[d - 1] ?? -1) !== w) return false;
    seen.add(w);
  }
  return true;
}

export interface RowSearchRun {
  readonly shouldStop: () => boolean;
  /** Budget of row re-solves (for reproducible runs). */
  readonly maxMoves?: number;
}

/**
 * Large-neighbourhood search over rows: each move re-solves one employee's row (or a window of it
 * on long horizons) exactly against the marginal cover costs left by the others, so every roster
 * it holds keeps the hard rules as soon as the start does. Kicks re-solve several rows with
 * perturbed costs.
 */
export class RowSearch {
  readonly a: Assign;
  private readonly cnt: Int32Array;
  private readonly rng: Random;
  private readonly cost: Float64Array;
  private readonly scale: number;
  /** Rows the sub-solver could not make feasible (kept as they were). */
  failed = 0;
  private readonly tails = new Map<number, TailBound>();
  /** Ends a sub-solver run that would overrun the budget (set by `construct` and `improve`). */
  private stop: () => boolean = () => false;

  constructor(
    private readonly c: Compiled,
    seed: number,
    initial?: Assign,
  ) {
    this.rng = new Random(seed ^ 0x5bd1e995);
    this.a = initial ? Int16Array.from(initial) : new Int16Array(c.E * c.H).fill(-1);
    this.cnt = new Int32Array(c.H * c.T);
    this.cost = new Float64Array(c.H * (c.T + 1));
    let sum = 0;
    let n = 0;
    for (const arr of [c.coverUnder, c.coverOver, c.cellCost]) {
      for (const w of arr) {
        if (w > 0) {
          sum += w;
          n++;
        }
      }
    }
    this.scale = n > 0 ? sum / n : 1;
    this.load(this.a);
  }

  /** Replaces the held roster (e.g. by a better one found elsewhere). */
  load(assign: Assign): void {
    const { c } = this;
    this.a.set(assign);
    this.cnt.fill(0);
    for (let e = 0; e < c.E; e++) {
      for (let d = 0; d < c.H; d++) {
        const v = this.a[e * c.H + d] ?? -1;
        if (v >= 0) this.cnt[d * c.T + v] = (this.cnt[d * c.T + v] ?? 0) + 1;
      }
    }
  }

  get objective(): number {
    return evaluateAssign(this.c, this.a).objective;
  }

  private setCell(e: number, d: number, v: number): void {
    const { c } = this;
    const cell = e * c.H + d;
    const old = this.a[cell] ?? -1;
    if (old === v) return;
    if (old >= 0) this.cnt[d * c.T + old] = (this.cnt[d * c.T + old] ?? 0) - 1;
    if (v >= 0) this.cnt[d * c.T + v] = (this.cnt[d * c.T + v] ?? 0) + 1;
    this.a[cell] = v;
  }

  /** Per-cell costs of employee e's row against the others' cover (e's own cover removed). */
  private fillCosts(e: number, from: number, to: number, noise: number): void {
    const { c, cost } = this;
    const { H, T } = c;
    for (let d = from; d < to; d++) {
      const own = this.a[e * H + d] ?? -1;
      const base = d * (T + 1);
      const cellBase = (e * H + d) * (T + 1);
      cost[base + T] = c.cellCost[cellBase + T] ?? 0;
      for (let t = 0; t < T; t++) {
        const k = d * T + t;
        const others = (this.cnt[k] ?? 0) - (own === t ? 1 : 0);
        cost[base + t] =
          (c.cellCost[cellBase + t] ?? 0) +
          coverCellCost(c, k, others + 1) -
          coverCellCost(c, k, others);
      }
      if (noise > 0) {
        for (let v = 0; v <= T; v++) {
          cost[base + v] = (cost[base + v] ?? 0) + (this.rng.next() - 0.5) * noise * this.scale;
        }
      }
    }
  }

  private windowCost(e: number, from: number, to: number): number {
    const { c, cost } = this;
    let sum = 0;
    for (let d = from; d < to; d++) {
      const v = this.a[e * c.H + d] ?? -1;
      sum += cost[d * (c.T + 1) + (v < 0 ? c.T : v)] ?? 0;
    }
    return sum;
  }

  /**
   * Re-solves row e on [from, to) (whole row by default). Without noise the new row is kept when
   * it is not worse; with noise (a kick) or `force` it is kept whenever the sub-solver finds one
   * (`false` when it finds none, with `force`). Returns
   * the change of the objective (0 when nothing changed).
   */
  resolve(e: number, from = 0, to = this.c.H, noise = 0, force = false): number | false {
    const { c } = this;
    const { H } = c;
    this.fillCosts(e, from, to, noise);
    const current = this.windowCost(e, from, to);
    const row = this.a.subarray(e * H, (e + 1) * H);
    const result = solveRow(c, e, this.cost, {
      row: Int16Array.from(row),
      from,
      to,
      shouldStop: this.stop,
    });
    if (result === null) return force ? false : 0;
    if (!force && noise === 0 && result.cost > current + EPS) return 0;
    let delta = 0;
    if (noise > 0) {
      this.fillCosts(e, from, to, 0);
      delta = -this.windowCost(e, from, to);
    } else delta = result.cost - current;
    for (let d = from; d < to; d++) this.setCell(e, d, result.row[d] ?? -1);
    if (noise > 0) {
      this.fillCosts(e, from, to, 0);
      delta += this.windowCost(e, from, to);
    }
    return delta;
  }

  /**
   * Length of the windows re-solved by a move. Beyond the whole-row fallback, moves start on
   * one-week windows (many cheap moves) and double the length when a pass gains nothing.
   */
  private moveWindow = WINDOW;

  private randomWindow(size = this.moveWindow): [number, number] {
    const H = this.c.H;
    if (H <= WHOLE_ROW_LIMIT) return [0, H];
    if (H <= size) return [0, H];
    const from = this.rng.int(H - size + 1);
    return [from, from + size];
  }

  /**
   * A start feasible by construction: employees in random order, each given its best row against
   * the cover of those before (long horizons: window after window with prorated totals). Rows
   * the sub-solver cannot build (or left when `shouldStop` says so) keep `fallback`'s row.
   */
  construct(fallback: Assign, shouldStop: () => boolean): void {
    const { c } = this;
    const { H } = c;
    this.load(new Int16Array(c.E * H).fill(-1));
    this.stop = shouldStop;
    const order = this.shuffled(c.E);
    let stopped = false;
    for (const e of order) {
      stopped ||= shouldStop();
      // Long horizons: window after window, the whole row when that fails (up to a size).
      // Windows first with prorated totals alone, then with the tail bound (no window may leave
      // the rest of the horizon unable to reach the minimum minutes within the weekend limit).
      const ok =
        !stopped &&
        ((H > WHOLE_ROW_LIMIT && (this.buildByWindows(e) || this.buildByWindows(e, false, true))) ||
          (H <= WHOLE_FALLBACK_LIMIT && this.buildWhole(e)));
      if (ok) continue;
      if (!stopped) this.failed++;
      // Too long to build whole: a row short of the minimum minutes only, for the local search
      // to repair, beats the greedy row.
      if (!stopped && H > WHOLE_FALLBACK_LIMIT && this.buildByWindows(e, true, true)) continue;
      for (let d = 0; d < H; d++) this.setCell(e, d, fallback[e * H + d] ?? -1);
    }
  }

  private buildWhole(e: number): boolean {
    const { c } = this;
    this.fillCosts(e, 0, c.H, 0);
    const result = solveRow(c, e, this.cost, { shouldStop: this.stop });
    if (result === null) return false;
    for (let d = 0; d < c.H; d++) this.setCell(e, d, result.row[d] ?? -1);
    return true;
  }

  private buildByWindows(e: number, lastResort = false, guarded = false): boolean {
    const { c } = this;
    const { H } = c;
    const step = this.buildWindow;
    const backtrack = (BACKTRACK_WINDOWS * WINDOW) / step;
    const tail = guarded ? this.tailOf(e) : undefined;
    const endCheck =
      tail === undefined
        ? undefined
        : (to: number) =>
            (end: EndState): boolean =>
              end.minutes +
                tail.maxMinutes(
                  to,
                  end.last,
                  end.run,
                  end.edge,
                  (c.maxWeekends[e] ?? NO_LIMIT) - end.weekends,
                  end.weekendOpen,
                ) >=
              (c.minMinutes[e] ?? 0);
    const maxMin = c.maxMinutes[e] ?? 0;
    const minMin = c.minMinutes[e] ?? 0;
    const maxWk = c.maxWeekends[e] ?? 0;
    const totalWeekends = Math.max(1, c.weekendCount);
    let weekendsBefore = 0;
    let lastLength = 0;
    for (let t = 0; t < c.T; t++) lastLength = Math.max(lastLength, c.shiftLength[t] ?? 0);
    // Capacity of each period: the longest shift the employee may work there, times the share of
    // periods the block rules let one work. Totals are prorated on it (days off near the end
    // make the earlier windows work more).
    const maxCons = Math.min(c.maxConsecutive[e] ?? 0, H);
    const workShare = maxCons / (maxCons + (c.minDaysOff[e] ?? 1));
    const capacityAfter = new Float64Array(H + 1);
    for (let d = H - 1; d >= 0; d--) {
      let longest = 0;
      for (let t = 0; t < c.T; t++) {
        if (c.allowed[(e * H + d) * c.T + t]) longest = Math.max(longest, c.shiftLength[t] ?? 0);
      }
      capacityAfter[d] = (capacityAfter[d + 1] ?? 0) + longest;
    }
    const capacity = Math.max(1, capacityAfter[0] ?? 0);
    for (let from = 0; from < H; from += step) {
      const to = Math.min(H, from + step);
      // Prorated totals keep the later windows feasible; relaxed ones are the fallback.
      for (let d = from; d < to; d++) {
        const w = c.weekendOf[d] ?? -1;
        if (w >= 0 && (d === 0 || (c.weekendOf[d - 1] ?? -1) !== w)) weekendsBefore++;
      }
      const share = 1 - (capacityAfter[to] ?? 0) / capacity;
      // Minutes the periods after the window can still bring at most.
      const reachable = (capacityAfter[to] ?? 0) * workShare;
      // When the window cannot be completed, the window before it is re-decided with it.
      let result: RowResult | null = null;
      let start = from;
      for (let back = 0; back <= backtrack && result === null && start >= 0; back++) {
        start = from - back * step;
        if (start < 0) break;
        this.fillCosts(e, start, to, 0);
        const row = Int16Array.from(this.a.subarray(e * H, (e + 1) * H));
        const attempts =
          to === H
            ? [{}, ...(lastResort ? [{ ignoreMinMinutes: true }] : [])]
            : [
                {
                  endMinutes: [minMin * share, maxMin * share + lastLength] as const,
                  endWeekends: Math.ceil((maxWk * weekendsBefore) / totalWeekends),
                },
                {
                  endMinutes: [minMin * share - 2 * lastLength, maxMin] as const,
                  endWeekends: Math.ceil((maxWk * weekendsBefore) / totalWeekends),
                },
                { endMinutes: [minMin - reachable, maxMin] as const, endWeekends: maxWk },
                { endMinutes: [-Infinity, maxMin] as const, endWeekends: maxWk },
              ];
        const check = to < H ? endCheck?.(to) : undefined;
        for (const bounds of attempts) {
          result = solveRow(c, e, this.cost, {
            row,
            from: start,
            to,
            suffix: 'free',
            shouldStop: this.stop,
            ...bounds,
            ...(check === undefined ? {} : { endCheck: check }),
          });
          if (result !== null) break;
        }
      }
      if (result === null) return false;
      for (let d = start; d < to; d++) this.setCell(e, d, result.row[d] ?? -1);
    }
    return true;
  }

  /** Tail bounds at the window boundaries of the construction, built once per employee. */
  private tailOf(e: number): TailBound {
    let tail = this.tails.get(e);
    if (tail === undefined) {
      const boundaries: number[] = [];
      const step = this.buildWindow;
      for (let b = step; b < this.c.H; b += step) boundaries.push(b);
      tail = tailBound(this.c, e, boundaries);
      this.tails.set(e, tail);
    }
    return tail;
  }

  private get buildWindow(): number {
    return this.c.H > WHOLE_FALLBACK_LIMIT ? LONG_BUILD_WINDOW : WINDOW;
  }

  private shuffled(n: number): number[] {
    return this.rng.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /**
   * Passes over the rows in random order until a whole pass brings no improvement (or the
   * budget or `shouldStop` ends it). Returns the number of moves made.
   */
  improve(run: RowSearchRun): number {
    const { c } = this;
    this.moveWindow = c.H > WHOLE_FALLBACK_LIMIT ? LONG_BUILD_WINDOW : WINDOW;
    let moves = 0;
    const max = run.maxMoves ?? Infinity;
    this.stop = run.shouldStop;
    for (;;) {
      let gained = 0;
      const windowsPerRow = c.H <= WHOLE_ROW_LIMIT ? 1 : 2 * Math.ceil(c.H / this.moveWindow);
      for (const e of this.shuffled(c.E)) {
        for (let k = 0; k < windowsPerRow; k++) {
          if (moves >= max || run.shouldStop()) return moves;
          const [from, to] = this.randomWindow();
          gained += this.resolve(e, from, to) || 0;
          moves++;
        }
      }
      if (gained > -EPS) {
        if (this.moveWindow >= WINDOW) return moves;
        this.moveWindow = Math.min(WINDOW, 2 * this.moveWindow);
      }
    }
  }

  /**
   * Ruin and recreate: a few random rows (or the same window of them) are emptied, then rebuilt
   * one after the other, in random order, against slightly perturbed costs.
   */
  kick(rows = Math.max(2, Math.ceil(this.c.E / 8)), noise = KICK_NOISE): void {
    const { c } = this;
    const chosen = this.shuffled(c.E).slice(0, Math.min(rows, c.E));
    const [from, to] = this.randomWindow(WINDOW);
    const saved = chosen.map((e) => Int16Array.from(this.a.subarray(e * c.H, (e + 1) * c.H)));
    for (const e of chosen) for (let d = from; d < to; d++) this.setCell(e, d, -1);
    chosen.forEach((e, i) => {
      const ok = this.resolve(e, from, to, noise, true);
      // An emptied window the sub-solver cannot refill (rules across its ends) is restored.
      if (!ok) for (let d = from; d < to; d++) this.setCell(e, d, saved[i]?.[d] ?? -1);
    });
  }
}
