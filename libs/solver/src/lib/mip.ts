import highsLoader, { type Highs, type ModelData } from 'highs';
import type { Assign, Compiled } from './compile';
import { NO_LIMIT } from './compile';
import { deviationUnits } from './evaluate';

let highsPromise: Promise<Highs> | undefined;

/** The WebAssembly runtime is loaded once per thread and reused by every solve. */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

class RowBuilder {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  add(indices: readonly number[], values: readonly number[], lower: number, upper: number): void {
    if (indices.length === 0) return;
    this.indices.push(...indices);
    this.values.push(...values);
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  get count(): number {
    return this.lower.length;
  }
}

export interface MipModel {
  readonly data: ModelData;
  /** Column of x[e, d, t] at [(e * H + d) * T + t], -1 when the cell cannot take that shift. */
  readonly xColumn: Int32Array;
  readonly coverColumns: readonly {
    readonly k: number;
    readonly under: number;
    readonly over: number;
  }[];
  readonly weekendColumns: readonly {
    readonly e: number;
    readonly w: number;
    readonly column: number;
  }[];
  /** Integer slacks of each minutes target: one per tier short, one over (-1 when free). */
  readonly targetColumns: readonly {
    readonly e: number;
    readonly under: readonly number[];
    readonly over: number;
  }[];
  /** One binary per group used, and the count of groups beyond the free ones. */
  readonly spreadColumns: readonly {
    readonly e: number;
    readonly groups: readonly number[];
    readonly excess: number;
  }[];
}

/**
 * Time-indexed formulation (as in Curtois & Qu): one binary per allowed (employee, period,
 * shift), block rules as forbidden-pattern cuts, cover with continuous under/over slacks.
 */
export function buildMip(c: Compiled, infinity: number): MipModel {
  const { H, T, E } = c;
  const xColumn = new Int32Array(E * H * T).fill(-1);
  const cost: number[] = [];
  const lowerBound: number[] = [];
  const upperBound: number[] = [];
  const integrality: (0 | 1)[] = [];
  let offset = 0;
  const addColumn = (objective: number, integer: boolean, upper: number): number => {
    cost.push(objective);
    lowerBound.push(0);
    upperBound.push(upper);
    integrality.push(integer ? 1 : 0);
    return cost.length - 1;
  };
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < H; d++) {
      const cb = (e * H + d) * (T + 1);
      const off = c.cellCost[cb + T] ?? 0;
      offset += off;
      for (let t = 0; t < T; t++) {
        if (!c.allowed[(e * H + d) * T + t]) continue;
        xColumn[(e * H + d) * T + t] = addColumn((c.cellCost[cb + t] ?? 0) - off, true, 1);
      }
    }
  }
  const rows = new RowBuilder();
  const work = (e: number, d: number, sign: number, idx: number[], val: number[]): void => {
    for (let t = 0; t < T; t++) {
      const col = xColumn[(e * H + d) * T + t] ?? -1;
      if (col >= 0) {
        idx.push(col);
        val.push(sign);
      }
    }
  };

  const weekendColumns: { e: number; w: number; column: number }[] = [];
  for (let e = 0; e < E; e++) {
    if (T > 1) {
      for (let d = 0; d < H; d++) {
        const idx: number[] = [];
        const val: number[] = [];
        work(e, d, 1, idx, val);
        if (idx.length > 1) rows.add(idx, val, -infinity, 1);
      }
    }
    if (c.hasForbidden) {
      // One row per first shift: x[d, a] + the sum of the shifts it forbids next <= 1. Valid
      // (and tighter than one row per pair) because a period holds at most one shift.
      for (let d = 0; d + 1 < H; d++) {
        for (let a = 0; a < T; a++) {
          const x1 = xColumn[(e * H + d) * T + a] ?? -1;
          if (x1 < 0) continue;
          const idx = [x1];
          for (let b = 0; b < T; b++) {
            if (!c.forbidden[a * T + b]) continue;
            const x2 = xColumn[(e * H + d + 1) * T + b] ?? -1;
            if (x2 >= 0) idx.push(x2);
          }
          if (idx.length > 1)
            rows.add(
              idx,
              idx.map(() => 1),
              -infinity,
              1,
            );
        }
      }
    }
    for (let t = 0; t < T; t++) {
      const max = c.maxPerType[e * T + t] ?? NO_LIMIT;
      if (max >= H) continue;
      const idx: number[] = [];
      for (let d = 0; d < H; d++) {
        const col = xColumn[(e * H + d) * T + t] ?? -1;
        if (col >= 0) idx.push(col);
      }
      if (idx.length > max)
        rows.add(
          idx,
          idx.map(() => 1),
          -infinity,
          max,
        );
    }
    {
      const idx: number[] = [];
      const val: number[] = [];
      for (let d = 0; d < H; d++) {
        for (let t = 0; t < T; t++) {
          const col = xColumn[(e * H + d) * T + t] ?? -1;
          if (col >= 0) {
            idx.push(col);
            val.push(c.shiftLength[t] ?? 0);
          }
        }
      }
      const min = c.minMinutes[e] ?? 0;
      const max = c.maxMinutes[e] ?? NO_LIMIT;
      rows.add(idx, val, min > 0 ? min : -infinity, max >= NO_LIMIT ? infinity : max);
    }
    const maxCons = c.maxConsecutive[e] ?? NO_LIMIT;
    if (maxCons < H) {
      for (let d = 0; d + maxCons < H; d++) {
        const idx: number[] = [];
        const val: number[] = [];
        for (let j = d; j <= d + maxCons; j++) work(e, j, 1, idx, val);
        if (idx.length > 0) rows.add(idx, val, -infinity, maxCons);
      }
    }
    // A work block of exactly s periods is cut off by: worked(block) - worked(neighbours) <= s - 1.
    // Outside the horizon: exempt => no cut; enforced => neighbours count as off.
    const minCons = c.minConsecutive[e] ?? 1;
    for (let s = 1; s < minCons; s++) {
      for (let d = -1; d + s < H; d++) {
        const before = d;
        const after = d + s + 1;
        if (c.edgeExempt && (before < 0 || after >= H)) continue;
        const idx: number[] = [];
        const val: number[] = [];
        for (let j = d + 1; j <= d + s; j++) work(e, j, 1, idx, val);
        if (before >= 0) work(e, before, -1, idx, val);
        if (after < H) work(e, after, -1, idx, val);
        rows.add(idx, val, -infinity, s - 1);
      }
    }
    // An off block of exactly s periods: worked(neighbours) - worked(block) <= 1 (or <= 0 at an
    // enforced edge, where the outside counts as worked).
    const minOff = c.minDaysOff[e] ?? 1;
    for (let s = 1; s < minOff; s++) {
      for (let d = -1; d + s < H; d++) {
        const before = d;
        const after = d + s + 1;
        const outside = (before < 0 ? 1 : 0) + (after >= H ? 1 : 0);
        if (outside > 0 && c.edgeExempt) continue;
        const idx: number[] = [];
        const val: number[] = [];
        for (let j = d + 1; j <= d + s; j++) work(e, j, -1, idx, val);
        if (before >= 0) work(e, before, 1, idx, val);
        if (after < H) work(e, after, 1, idx, val);
        rows.add(idx, val, -infinity, 1 - outside);
      }
    }
    const maxWe = c.maxWeekends[e] ?? NO_LIMIT;
    if (maxWe < c.weekendCount) {
      const yIdx: number[] = [];
      for (let w = 0; w < c.weekendCount; w++) {
        const days: number[] = [];
        for (let d = 0; d < H; d++) if (c.weekendOf[d] === w) days.push(d);
        const probe: number[] = [];
        for (const d of days) work(e, d, 1, probe, []);
        if (probe.length === 0) continue;
        const y = addColumn(0, true, 1);
        weekendColumns.push({ e, w, column: y });
        yIdx.push(y);
        for (const d of days) {
          const idx: number[] = [];
          const val: number[] = [];
          work(e, d, 1, idx, val);
          if (idx.length === 0) continue;
          idx.push(y);
          // Valid with one y per weekend because a period holds at most one shift.
          val.push(-1);
          rows.add(idx, val, -infinity, 0);
        }
      }
      if (yIdx.length > maxWe)
        rows.add(
          yIdx,
          yIdx.map(() => 1),
          -infinity,
          maxWe,
        );
    }
  }

  // Soft minutes targets: minutes + unit * (short slacks) >= target, minutes - unit * over <= target,
  // the slacks integer (started units); tier weights do not decrease, so cheaper tiers fill first.
  const targetColumns: { e: number; under: number[]; over: number }[] = [];
  const spreadColumns: { e: number; groups: number[]; excess: number }[] = [];
  for (let e = 0; e < E; e++) {
    const target = c.targets[e];
    if (target) {
      const idx: number[] = [];
      const val: number[] = [];
      for (let d = 0; d < H; d++) {
        for (let t = 0; t < T; t++) {
          const col = xColumn[(e * H + d) * T + t] ?? -1;
          if (col >= 0) {
            idx.push(col);
            val.push(c.shiftLength[t] ?? 0);
          }
        }
      }
      const under: number[] = [];
      if (target.minutes > 0 && target.tierUnits.length > 0) {
        target.tierUnits.forEach((units, i) => {
          under.push(
            addColumn(target.tierWeights[i] ?? 0, true, Number.isFinite(units) ? units : infinity),
          );
        });
        rows.add(
          [...idx, ...under],
          [...val, ...under.map(() => target.unit)],
          target.minutes,
          infinity,
        );
      }
      let over = -1;
      if (target.over > 0) {
        over = addColumn(target.over, true, infinity);
        rows.add([...idx, over], [...val, -target.unit], -infinity, target.minutes);
      }
      targetColumns.push({ e, under, over });
    }
    const spread = c.spreads[e];
    if (spread) {
      const groups: number[] = [];
      for (const group of spread.groups) {
        const y = addColumn(0, true, 1);
        groups.push(y);
        const byDay = new Map<number, number[]>();
        for (const cell of group) {
          const t = cell % T;
          const d = (cell - t) / T;
          const col = xColumn[(e * H + d) * T + t] ?? -1;
          if (col >= 0) byDay.set(d, [...(byDay.get(d) ?? []), col]);
        }
        // Valid with one row per period because a period holds at most one shift.
        for (const cols of byDay.values()) {
          rows.add([...cols, y], [...cols.map(() => 1), -1], -infinity, 0);
        }
      }
      const excess = addColumn(spread.weight, false, infinity);
      rows.add([...groups, excess], [...groups.map(() => 1), -1], -infinity, spread.free);
      spreadColumns.push({ e, groups, excess });
    }
  }

  const coverColumns: { k: number; under: number; over: number }[] = [];
  for (let d = 0; d < H; d++) {
    for (let t = 0; t < T; t++) {
      const k = d * T + t;
      if (!c.hasCover[k]) continue;
      const under = addColumn(c.coverUnder[k] ?? 0, false, infinity);
      const over = addColumn(c.coverOver[k] ?? 0, false, infinity);
      coverColumns.push({ k, under, over });
      const idx = [under, over];
      const val = [1, -1];
      for (let e = 0; e < E; e++) {
        const col = xColumn[(e * H + d) * T + t] ?? -1;
        if (col >= 0) {
          idx.push(col);
          val.push(1);
        }
      }
      const req = c.coverReq[k] ?? 0;
      rows.add(idx, val, req, req);
    }
  }

  for (const lc of c.linear) {
    const idx: number[] = [];
    const val: number[] = [];
    for (let i = 0; i < lc.coefficients.length; i++) {
      const e = lc.employees[i] ?? 0;
      const d = lc.days[i] ?? 0;
      const s = lc.shifts[i] ?? -1;
      for (let t = 0; t < T; t++) {
        if (s >= 0 && s !== t) continue;
        const col = xColumn[(e * H + d) * T + t] ?? -1;
        if (col >= 0) {
          idx.push(col);
          val.push(lc.coefficients[i] ?? 0);
        }
      }
    }
    const lo = Number.isFinite(lc.min) ? lc.min : -infinity;
    const hi = Number.isFinite(lc.max) ? lc.max : infinity;
    if (idx.length > 0) rows.add(mergeDuplicates(idx, val), val, lo, hi);
    else if (0 < lc.min || 0 > lc.max) rows.add([], [], lo, hi);
  }

  const numCols = cost.length;
  const data: ModelData = {
    numCols,
    numRows: rows.count,
    offset,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lowerBound),
    colUpper: Float64Array.from(upperBound),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    matrix: {
      format: 'csr',
      numRows: rows.count,
      numCols,
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.indices),
      values: Float64Array.from(rows.values),
    },
    integrality: Int32Array.from(integrality),
  };
  return { data, xColumn, coverColumns, weekendColumns, targetColumns, spreadColumns };
}

/** Sums repeated columns in place (HiGHS rejects duplicate entries in a row); returns indices. */
function mergeDuplicates(idx: number[], val: number[]): number[] {
  const seen = new Map<number, number>();
  const outIdx: number[] = [];
  const outVal: number[] = [];
  idx.forEach((col, i) => {
    const at = seen.get(col);
    if (at === undefined) {
      seen.set(col, outIdx.length);
      outIdx.push(col);
      outVal.push(val[i] ?? 0);
    } else {
      outVal[at] = (outVal[at] ?? 0) + (val[i] ?? 0);
    }
  });
  val.length = 0;
  val.push(...outVal);
  return outIdx;
}

export function assignFromColumns(c: Compiled, m: MipModel, colValue: ArrayLike<number>): Assign {
  const a = new Int16Array(c.E * c.H).fill(-1);
  for (let cell = 0; cell < c.E * c.H; cell++) {
    for (let t = 0; t < c.T; t++) {
      const col = m.xColumn[cell * c.T + t] ?? -1;
      if (col >= 0 && (colValue[col] ?? 0) > 0.5) a[cell] = t;
    }
  }
  return a;
}

/** Full column vector of a roster, to seed the MIP with the local search's incumbent. */
export function columnsFromAssign(c: Compiled, m: MipModel, a: Assign): Float64Array {
  const x = new Float64Array(m.data.numCols);
  const cnt = new Int32Array(c.H * c.T);
  for (let e = 0; e < c.E; e++) {
    for (let d = 0; d < c.H; d++) {
      const v = a[e * c.H + d] ?? -1;
      if (v < 0) continue;
      cnt[d * c.T + v] = (cnt[d * c.T + v] ?? 0) + 1;
      const col = m.xColumn[(e * c.H + d) * c.T + v] ?? -1;
      if (col >= 0) x[col] = 1;
    }
  }
  for (const { k, under, over } of m.coverColumns) {
    const diff = (cnt[k] ?? 0) - (c.coverReq[k] ?? 0);
    x[under] = Math.max(0, -diff);
    x[over] = Math.max(0, diff);
  }
  for (const { e, w, column } of m.weekendColumns) {
    for (let d = 0; d < c.H; d++)
      if (c.weekendOf[d] === w && (a[e * c.H + d] ?? -1) >= 0) x[column] = 1;
  }
  for (const { e, under, over } of m.targetColumns) {
    const target = c.targets[e];
    if (!target) continue;
    let minutes = 0;
    for (let d = 0; d < c.H; d++) {
      const v = a[e * c.H + d] ?? -1;
      if (v >= 0) minutes += c.shiftLength[v] ?? 0;
    }
    let short = deviationUnits(target.minutes - minutes, target.unit);
    under.forEach((column, i) => {
      const take = Math.min(short, target.tierUnits[i] ?? 0);
      x[column] = take;
      short -= take;
    });
    if (over >= 0) x[over] = deviationUnits(minutes - target.minutes, target.unit);
  }
  for (const { e, groups, excess } of m.spreadColumns) {
    const spread = c.spreads[e];
    if (!spread) continue;
    let used = 0;
    spread.groups.forEach((group, g) => {
      const column = groups[g] ?? -1;
      for (const cell of group) {
        const t = cell % c.T;
        if (a[e * c.H + (cell - t) / c.T] === t) {
          if (column >= 0) x[column] = 1;
          used++;
          return;
        }
      }
    });
    x[excess] = Math.max(0, used - spread.free);
  }
  return x;
}

export interface MipRunOptions {
  /** `performance.now()` by which HiGHS must stop (its time limit counts from after the build). */
  readonly deadline: number;
  readonly start?: Assign;
  readonly shouldStop: () => boolean;
  readonly onIncumbent?: (assign: Assign, objective: number) => void;
}

export interface MipRunResult {
  readonly assign?: Assign;
  readonly objective?: number;
  readonly optimal: boolean;
  readonly infeasible: boolean;
  readonly lowerBound?: number;
}

/** Synchronous: blocks the calling thread for up to the time limit (run it in a worker). */
export function runMip(highs: Highs, c: Compiled, options: MipRunOptions): MipRunResult {
  const m = buildMip(c, highs.infinity);
  const cb = highs.constants.callbackType;
  const status = highs.constants.modelStatus;
  return highs.withModel(m.data, (model) => {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.1, (options.deadline - performance.now()) / 1000),
      mip_rel_gap: 0,
      mip_abs_gap: 0.999,
      random_seed: 0,
    });
    if (options.start) model.setSolution({ colValue: columnsFromAssign(c, m, options.start) });
    let lowerBound: number | undefined;
    model.run({
      [cb.mipImprovingSolution](event) {
        const sol = event.data.mip_solution;
        const obj = event.data.objective_function_value;
        if (sol && obj !== undefined && options.onIncumbent)
          options.onIncumbent(assignFromColumns(c, m, sol), obj);
        return undefined;
      },
      [cb.mipInterrupt](event) {
        const bound = event.data.mip_dual_bound;
        if (bound !== undefined && Number.isFinite(bound)) lowerBound = bound;
        if (options.shouldStop()) event.interrupt();
        return undefined;
      },
    });
    const modelStatus = model.getModelStatus();
    const infeasible = modelStatus === status.infeasible;
    const optimal = modelStatus === status.optimal;
    const dual = Number(model.info.get('mip_dual_bound'));
    if (Number.isFinite(dual)) lowerBound = dual;
    const hasSolution =
      Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!hasSolution || infeasible) return { optimal: false, infeasible, lowerBound };
    const primal = Number(model.info.get('objective_function_value'));
    const solution = model.getSolution();
    return {
      assign: assignFromColumns(c, m, solution.colValue),
      objective: primal,
      optimal,
      infeasible,
      lowerBound,
    };
  });
}
