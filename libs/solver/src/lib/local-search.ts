import type { Assign, Compiled } from './compile';
import { coverCellCost, linearViolation, rowHard, rowSoft } from './evaluate';
import { Random } from './random';

export interface LocalSearchOptions {
  readonly seed: number;
  readonly maxIterations?: number;
  /** Polled every few hundred moves; returning true ends the search with the best roster. */
  readonly shouldStop: () => boolean;
  readonly initial?: Assign;
  /** Ends the search after this many moves without a new best roster. */
  readonly stagnationLimit?: number;
  /** Called with each new best roster that keeps every hard rule. */
  readonly onFeasibleImprovement?: (assign: Assign, objective: number) => void;
}

export interface LocalSearchResult {
  readonly assign: Assign;
  readonly objective: number;
  readonly hardViolation: number;
  readonly iterations: number;
}

const HISTORY = 1000;
const ADAPT_EVERY = 20000;
const EPS = 1e-9;

/**
 * Penalty-based late-acceptance hill climbing: hard-rule violations are priced with a weight
 * well above any single soft cost, so the search can cross infeasible states while converging to
 * feasible ones. Moves: change one cell, swap one period between two people, swap a block of
 * periods between two people, set a block of periods of one person.
 */
export class LocalSearch {
  private readonly a: Assign;
  private readonly cnt: Int32Array;
  private readonly rowCost: Float64Array;
  private readonly rowHardAmount: Float64Array;
  private readonly linViol: Float64Array;
  private readonly counts: Int32Array;
  private hardWeight: number;
  private readonly baseWeight: number;
  private readonly rng: Random;
  /** First period and length of each weekend, for moves that free or swap a whole weekend. */
  private readonly weekendStarts: { start: number; length: number }[] = [];
  private total = 0;
  private hardTotal = 0;
  // Scratch buffers of one tentative move.
  private readonly mvCells = new Int32Array(64);
  private readonly mvVals = new Int16Array(64);
  private readonly mvOld = new Int16Array(64);
  private mvN = 0;
  private readonly mvEmp = [-1, -1];
  private readonly mvRowNew = new Float64Array(2);
  private readonly mvHardNew = new Float64Array(2);
  private readonly mvLinIdx: number[] = [];
  private readonly mvLinNew: number[] = [];

  constructor(
    private readonly c: Compiled,
    seed: number,
    initial?: Assign,
  ) {
    this.rng = new Random(seed);
    this.a = initial ? Int16Array.from(initial) : greedy(c);
    this.cnt = new Int32Array(c.H * c.T);
    this.rowCost = new Float64Array(c.E);
    this.rowHardAmount = new Float64Array(c.E);
    this.linViol = new Float64Array(c.linear.length);
    this.counts = new Int32Array(c.T);
    let maxWeight = 1;
    for (const w of c.coverUnder) maxWeight = Math.max(maxWeight, w);
    for (const w of c.coverOver) maxWeight = Math.max(maxWeight, w);
    for (const w of c.cellCost) maxWeight = Math.max(maxWeight, w);
    for (const t of c.targets)
      for (const w of t?.tierWeights ?? []) maxWeight = Math.max(maxWeight, w);
    for (const s of c.spreads) maxWeight = Math.max(maxWeight, s?.weight ?? 0);
    this.baseWeight = maxWeight;
    this.hardWeight = 10 * maxWeight;
    for (let d = 0; d < c.H; d++) {
      const w = c.weekendOf[d] ?? -1;
      if (w < 0) continue;
      const last = this.weekendStarts[this.weekendStarts.length - 1];
      if (last !== undefined && c.weekendOf[last.start] === w && last.start + last.length === d)
        last.length++;
      else this.weekendStarts.push({ start: d, length: 1 });
    }
    this.recomputeAll();
  }

  private recomputeAll(): void {
    const { c, a } = this;
    this.total = 0;
    this.hardTotal = 0;
    this.cnt.fill(0);
    for (let e = 0; e < c.E; e++) {
      for (let d = 0; d < c.H; d++) {
        const v = a[e * c.H + d] ?? -1;
        if (v >= 0) this.cnt[d * c.T + v] = (this.cnt[d * c.T + v] ?? 0) + 1;
      }
      const hard = rowHard(c, a, e, this.counts);
      this.rowHardAmount[e] = hard;
      this.rowCost[e] = rowSoft(c, a, e) + this.hardWeight * hard;
      this.total += this.rowCost[e] ?? 0;
      this.hardTotal += hard;
    }
    for (let k = 0; k < c.H * c.T; k++) this.total += coverCellCost(c, k, this.cnt[k] ?? 0);
    for (let i = 0; i < c.linear.length; i++) {
      const v = linearViolation(c, a, i);
      this.linViol[i] = v;
      this.total += this.hardWeight * v;
      this.hardTotal += v;
    }
  }

  get assign(): Assign {
    return this.a;
  }

  get hardViolation(): number {
    return this.hardTotal;
  }

  /** Soft objective of the current state (total minus priced violations). */
  get objective(): number {
    return this.total - this.hardWeight * this.hardTotal;
  }

  private push(e: number, d: number, v: number): void {
    if (this.mvN >= this.mvCells.length) return;
    this.mvCells[this.mvN] = e * this.c.H + d;
    this.mvVals[this.mvN] = v;
    this.mvN++;
  }

  /** Applies the pending move and returns its cost delta; `revert()` undoes it. */
  private apply(): number {
    const { c, a, cnt } = this;
    const { H, T } = c;
    let delta = 0;
    this.mvEmp[0] = -1;
    this.mvEmp[1] = -1;
    for (let i = 0; i < this.mvN; i++) {
      const cell = this.mvCells[i] ?? 0;
      const old = a[cell] ?? -1;
      const nv = this.mvVals[i] ?? -1;
      this.mvOld[i] = old;
      if (old === nv) continue;
      const d = cell % H;
      const e = (cell - d) / H;
      if (this.mvEmp[0] !== e && this.mvEmp[1] !== e) {
        if (this.mvEmp[0] === -1) this.mvEmp[0] = e;
        else this.mvEmp[1] = e;
      }
      if (old >= 0) {
        const k = d * T + old;
        const n = cnt[k] ?? 0;
        delta += coverCellCost(c, k, n - 1) - coverCellCost(c, k, n);
        cnt[k] = n - 1;
      }
      if (nv >= 0) {
        const k = d * T + nv;
        const n = cnt[k] ?? 0;
        delta += coverCellCost(c, k, n + 1) - coverCellCost(c, k, n);
        cnt[k] = n + 1;
      }
      a[cell] = nv;
    }
    this.mvLinIdx.length = 0;
    this.mvLinNew.length = 0;
    for (let j = 0; j < 2; j++) {
      const e = this.mvEmp[j] ?? -1;
      if (e < 0) continue;
      const hard = rowHard(c, a, e, this.counts);
      const row = rowSoft(c, a, e) + this.hardWeight * hard;
      this.mvHardNew[j] = hard;
      this.mvRowNew[j] = row;
      delta += row - (this.rowCost[e] ?? 0);
      for (const li of c.linearByEmployee[e] ?? []) {
        if (this.mvLinIdx.includes(li)) continue;
        const v = linearViolation(c, a, li);
        this.mvLinIdx.push(li);
        this.mvLinNew.push(v);
        delta += this.hardWeight * (v - (this.linViol[li] ?? 0));
      }
    }
    return delta;
  }

  private commit(delta: number): void {
    this.total += delta;
    for (let j = 0; j < 2; j++) {
      const e = this.mvEmp[j] ?? -1;
      if (e < 0) continue;
      this.hardTotal += (this.mvHardNew[j] ?? 0) - (this.rowHardAmount[e] ?? 0);
      this.rowHardAmount[e] = this.mvHardNew[j] ?? 0;
      this.rowCost[e] = this.mvRowNew[j] ?? 0;
    }
    this.mvLinIdx.forEach((li, j) => {
      this.hardTotal += (this.mvLinNew[j] ?? 0) - (this.linViol[li] ?? 0);
      this.linViol[li] = this.mvLinNew[j] ?? 0;
    });
  }

  private revert(): void {
    const { a, cnt, c } = this;
    for (let i = this.mvN - 1; i >= 0; i--) {
      const cell = this.mvCells[i] ?? 0;
      const old = this.mvOld[i] ?? -1;
      const nv = a[cell] ?? -1;
      if (old === nv) continue;
      const d = cell % c.H;
      if (nv >= 0) cnt[d * c.T + nv] = (cnt[d * c.T + nv] ?? 0) - 1;
      if (old >= 0) cnt[d * c.T + old] = (cnt[d * c.T + old] ?? 0) + 1;
      a[cell] = old;
    }
  }

  private isAllowed(e: number, d: number, v: number): boolean {
    return v < 0 || this.c.allowed[(e * this.c.H + d) * this.c.T + v] === 1;
  }

  /** A random value for cell (e, d) other than its current one, or null when none is allowed. */
  private randomValue(e: number, d: number, avoid: number): number | null {
    const T = this.c.T;
    const pick = this.rng.int(T + 1) - 1;
    for (let i = 0; i <= T; i++) {
      const v = ((pick + 1 + i) % (T + 1)) - 1;
      if (v !== avoid && this.isAllowed(e, d, v)) return v;
    }
    return null;
  }

  /** Builds a random move into the scratch buffers; false when the draw gave nothing to try. */
  private randomMove(): boolean {
    const { c, rng, a } = this;
    const { H, E } = c;
    this.mvN = 0;
    const r = rng.next();
    const e = rng.int(E);
    const d = rng.int(H);
    if (r < 0.4 || E < 2) {
      const v = this.randomValue(e, d, a[e * H + d] ?? -1);
      if (v === null) return false;
      this.push(e, d, v);
      return true;
    }
    let e2 = rng.int(E - 1);
    if (e2 >= e) e2++;
    if (r < 0.7) {
      const v1 = a[e * H + d] ?? -1;
      const v2 = a[e2 * H + d] ?? -1;
      if (v1 === v2 || !this.isAllowed(e, d, v2) || !this.isAllowed(e2, d, v1)) return false;
      this.push(e, d, v2);
      this.push(e2, d, v1);
      return true;
    }
    // A weekend counts once whichever of its days is worked: single-cell moves cannot lower a
    // weekend excess, so a fifth of the block moves act on whole weekends.
    const weekend =
      this.weekendStarts.length > 0 && rng.next() < 0.2
        ? this.weekendStarts[rng.int(this.weekendStarts.length)]
        : undefined;
    if (r < 0.9) {
      const len = weekend?.length ?? 2 + rng.int(Math.min(6, H - 1));
      const from = weekend?.start ?? d;
      const end = Math.min(H, from + len);
      for (let j = from; j < end; j++) {
        const v1 = a[e * H + j] ?? -1;
        const v2 = a[e2 * H + j] ?? -1;
        if (!this.isAllowed(e, j, v2) || !this.isAllowed(e2, j, v1)) return false;
        if (v1 !== v2) {
          this.push(e, j, v2);
          this.push(e2, j, v1);
        }
      }
      return this.mvN > 0;
    }
    const len = weekend?.length ?? 1 + rng.int(Math.min(5, H));
    const from = weekend?.start ?? d;
    const end = Math.min(H, from + len);
    const v = weekend !== undefined ? -1 : rng.int(c.T + 1) - 1;
    for (let j = from; j < end; j++) {
      if (this.isAllowed(e, j, v) && (a[e * H + j] ?? -1) !== v) this.push(e, j, v);
    }
    return this.mvN > 0;
  }

  run(options: LocalSearchOptions): LocalSearchResult {
    const history = new Float64Array(HISTORY).fill(this.total);
    let best = Int16Array.from(this.a);
    let bestHard = this.hardTotal;
    let bestObjective = this.objective;
    const better = (hard: number, objective: number): boolean =>
      hard < bestHard - EPS ||
      (Math.abs(hard - bestHard) <= EPS && objective < bestObjective - EPS);
    let iterations = 0;
    const max = options.maxIterations ?? Infinity;
    const stagnation = options.stagnationLimit ?? Infinity;
    let lastImprovement = 0;
    while (iterations < max && iterations - lastImprovement < stagnation) {
      if ((iterations & 511) === 0 && options.shouldStop()) break;
      iterations++;
      if (iterations % ADAPT_EVERY === 0) {
        // Strategic oscillation: price violations higher while infeasible, lower while feasible,
        // so the search keeps crossing the infeasible region between good feasible rosters.
        const factor = this.hardTotal > EPS ? 1.5 : 1 / 1.2;
        this.hardWeight = Math.min(
          1000 * this.baseWeight,
          Math.max(this.baseWeight / 4, this.hardWeight * factor),
        );
        this.recomputeAll();
        history.fill(this.total);
      }
      if (!this.randomMove()) continue;
      const delta = this.apply();
      const candidate = this.total + delta;
      const slot = iterations % HISTORY;
      if (delta <= EPS || candidate <= (history[slot] ?? Infinity) + EPS) {
        this.commit(delta);
        if (better(this.hardTotal, this.objective)) {
          bestHard = this.hardTotal;
          bestObjective = this.objective;
          lastImprovement = iterations;
          best = Int16Array.from(this.a);
          if (bestHard < EPS) options.onFeasibleImprovement?.(best, bestObjective);
        }
      } else {
        this.revert();
      }
      if (this.total < (history[slot] ?? Infinity)) history[slot] = this.total;
    }
    return {
      assign: best,
      objective: Math.round(bestObjective * 1e6) / 1e6,
      hardViolation: bestHard,
      iterations,
    };
  }
}

/** Fills demand day by day with the least-loaded people who may take the shift. */
export function greedy(c: Compiled): Assign {
  const { H, T, E } = c;
  const a = new Int16Array(E * H).fill(-1);
  const minutes = new Int32Array(E);
  const perType = new Int32Array(E * T);
  const order = Array.from({ length: E }, (_, i) => i);
  for (let d = 0; d < H; d++) {
    for (let t = 0; t < T; t++) {
      const k = d * T + t;
      if (!c.hasCover[k]) continue;
      let need = c.coverReq[k] ?? 0;
      order.sort((x, y) => (minutes[x] ?? 0) - (minutes[y] ?? 0) || x - y);
      for (const e of order) {
        if (need <= 0) break;
        if ((a[e * H + d] ?? -1) >= 0 || !c.allowed[(e * H + d) * T + t]) continue;
        if ((perType[e * T + t] ?? 0) >= (c.maxPerType[e * T + t] ?? 0)) continue;
        if ((minutes[e] ?? 0) + (c.shiftLength[t] ?? 0) > (c.maxMinutes[e] ?? 0)) continue;
        const prev = d > 0 ? (a[e * H + d - 1] ?? -1) : -1;
        if (prev >= 0 && c.forbidden[prev * T + t]) continue;
        a[e * H + d] = t;
        minutes[e] = (minutes[e] ?? 0) + (c.shiftLength[t] ?? 0);
        perType[e * T + t] = (perType[e * T + t] ?? 0) + 1;
        need--;
      }
    }
  }
  return a;
}
