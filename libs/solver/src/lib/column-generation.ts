import type { Highs } from 'highs';
import type { Assign, Compiled } from './compile';
import { solveRow } from './employee-dp';
import { evaluateAssign } from './evaluate';
import { Random } from './random';

/**
 * What a run re-decides for every employee, the rest of each row fixed to the start's: a window
 * of periods [from, to) (the whole horizon by default), or the periods `free` marks (1 = free,
 * indexed by period; several stretches, the periods between them kept), from the first of them
 * to the last.
 */
export type ColumnGenerationSpan =
  | { readonly from?: number; readonly to?: number; readonly free?: undefined }
  | { readonly free: Uint8Array; readonly from?: undefined; readonly to?: undefined };

export type ColumnGenerationOptions = ColumnGenerationSpan & {
  /** `performance.now()` by which the run (pricing and dive) must end. */
  readonly deadline: number;
  readonly shouldStop: () => boolean;
  /**
   * Objectives are integers (integer weights): a roster then meets the bound once it is within
   * its rounding up, and the dives stop there (proven optimal).
   */
  readonly integral?: boolean;
  /** Dives at most (reproducible runs); the deadline still applies. */
  readonly maxDives?: number;
  /** Seeds the noise of the later dives. */
  readonly seed?: number;
  /** Each roster better than the best so far (feasible by construction). */
  readonly onImprovement?: (assign: Assign) => void;
};

export interface ColumnGenerationResult {
  /** The best roster: the start, or the dive's when it is better. */
  readonly assign: Assign;
  readonly objective: number;
  /** Whether the dive found a better roster than the start. */
  readonly improved: boolean;
  /**
   * A lower bound on the model's objective (Lagrangian bound of the master), when the window is
   * the whole horizon and every pricing problem of an iteration was solved exactly.
   */
  readonly lowerBound?: number;
  /** Whether the master's LP was solved to optimality (no column with a negative reduced cost). */
  readonly converged: boolean;
}

const EPS = 1e-6;
/** Reduced cost a column must beat to enter the master. */
const ENTER = 1e-4;
/** Pricing rounds of a dive step when the dive is behind its pace. */
const HURRIED_ROUNDS = 3;
/** Dives in a row without a better roster after which the search gives up. */
const STALL_DIVES = 50;
/** Noise on the LP values that order the fractional columns of the second and later dives. */
const NOISE = 0.3;

/**
 * Price-and-branch over employee rows (the set-partitioning model of branch-and-price, Burke &
 * Curtois): the master chooses one row per employee, cover shortfall and excess priced as in the
 * model; its LP is grown by column generation, each employee's best row against the cover duals
 * coming from the exact per-employee sub-solver ({@link solveRow}), the start's rows being the
 * first columns. Then dives: the columns the LP takes whole are fixed with the most-taken
 * fractional one, and the LP is priced again, until it takes one whole row per employee; dives
 * repeat with noise. Every row is built by the sub-solver or taken from the start, so any roster
 * it returns keeps every hard rule. On a window, each row is re-decided on [from, to) with the
 * rest of it fixed (the sub-solver checks the rules across both ends). Applies where every hard
 * rule belongs to one employee (`rowSearchApplicable`).
 */
export function runColumnGeneration(
  highs: Highs,
  c: Compiled,
  start: Assign,
  options: ColumnGenerationOptions,
): ColumnGenerationResult {
  const { E, H, T } = c;
  const free = options.free;
  const from = free === undefined ? (options.from ?? 0) : Math.max(0, free.indexOf(1));
  const to = free === undefined ? (options.to ?? H) : free.lastIndexOf(1) + 1;
  const whole = from === 0 && to === H && free === undefined;
  const keep = free?.map((f) => (f ? 0 : 1));
  const startObjective = evaluateAssign(c, start).objective;
  // Cover rows: one per (period, shift type) with a demand, after the employees' rows.
  const coverRow = new Int32Array(H * T).fill(-1);
  const coverKeys: number[] = [];
  for (let d = from; d < to; d++)
    for (let t = 0; t < T; t++)
      if (c.hasCover[d * T + t] && (free === undefined || free[d])) {
        coverRow[d * T + t] = E + coverKeys.length;
        coverKeys.push(d * T + t);
      }
  const numRows = E + coverKeys.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let e = 0; e < E; e++) {
    rowLower[e] = 1;
    rowUpper[e] = 1;
  }
  coverKeys.forEach((k, i) => {
    rowLower[E + i] = c.coverReq[k] ?? 0;
    rowUpper[E + i] = c.coverReq[k] ?? 0;
  });
  // Slack columns first: under (+1) and over (-1) per cover row.
  const costs: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  coverKeys.forEach((k, i) => {
    costs.push(c.coverUnder[k] ?? 0, c.coverOver[k] ?? 0);
    indices.push(E + i, E + i);
    values.push(1, -1);
    starts.push(indices.length - 1, indices.length);
  });
  const slackCount = costs.length;
  /** Employee and row of each row column (after the slacks). */
  const owners: number[] = [];
  const patterns: Int16Array[] = [];
  const seen: Set<string>[] = Array.from({ length: E }, () => new Set<string>());

  const rowCost = (e: number, row: Int16Array): number => {
    let sum = 0;
    for (let d = from; d < to; d++) {
      const v = row[d] ?? -1;
      sum += c.cellCost[(e * H + d) * (T + 1) + (v < 0 ? T : v)] ?? 0;
    }
    return sum;
  };
  /** The column of a row as sparse entries, or undefined when that row is already a column. */
  const column = (
    e: number,
    row: Int16Array,
  ): { indices: number[]; values: number[]; cost: number } | undefined => {
    const part = row.subarray(from, to);
    const key = part.join(',');
    const known = seen[e];
    if (known === undefined || known.has(key)) return undefined;
    known.add(key);
    owners.push(e);
    patterns.push(Int16Array.from(part));
    const idx = [e];
    const val = [1];
    for (let d = from; d < to; d++) {
      const v = row[d] ?? -1;
      if (v < 0) continue;
      const r = coverRow[d * T + v] ?? -1;
      if (r >= 0) {
        idx.push(r);
        val.push(1);
      }
    }
    return { indices: idx, values: val, cost: rowCost(e, row) };
  };

  for (let e = 0; e < E; e++) {
    const col = column(e, start.subarray(e * H, (e + 1) * H));
    if (col === undefined) continue;
    costs.push(col.cost);
    indices.push(...col.indices);
    values.push(...col.values);
    starts.push(indices.length);
  }

  const status = highs.constants.modelStatus;
  return highs.withModel(
    {
      numCols: costs.length,
      numRows,
      offset: 0,
      colCost: Float64Array.from(costs),
      colLower: new Float64Array(costs.length),
      colUpper: new Float64Array(costs.length).fill(highs.infinity),
      rowLower,
      rowUpper,
      matrix: {
        format: 'csc',
        numRows,
        numCols: costs.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    },
    (model): ColumnGenerationResult => {
      model.options.set({ output_flag: false });
      const price = new Float64Array(H * (T + 1));
      let lowerBound: number | undefined;
      /**
       * Bound on the rosters this run can reach (the rest of the horizon fixed): the dives stop
       * once one meets it; on the whole horizon, the model's lower bound.
       */
      let windowBound: number | undefined;
      /**
       * The start's cost outside what the master prices (cells outside the window, cover outside
       * its free periods), a constant of every roster this run can reach: the first LP holds only
       * the start's rows, so its value is the start's cost inside the master.
       */
      let outside: number | undefined;
      /** The column each employee is fixed to by the dive, -1 while it is free. */
      const chosen = new Int32Array(E).fill(-1);
      const startRows = Array.from({ length: E }, (_, e) => start.subarray(e * H, (e + 1) * H));
      const stop = (): boolean => options.shouldStop() || performance.now() >= options.deadline;
      /** Column generation over the employees not fixed yet: true when the LP is optimal. */
      const generate = (maxIterations = Infinity): boolean => {
        for (let it = 0; !stop(); it++) {
          model.options.set({
            time_limit: Math.max(0.05, (options.deadline - performance.now()) / 1000),
          });
          // HiGHS's time limit counts the model's whole run time unless its clocks are reset.
          model.zeroAllClocks();
          model.run();
          if (model.getModelStatus() !== status.optimal) return false;
          if (it >= maxIterations) return true;
          const dual = model.getSolution().rowDual;
          const lp = model.getObjectiveValue();
          outside ??= startObjective - lp;
          let added = 0;
          let reducedSum = 0;
          let exact = true;
          for (let e = 0; e < E && !stop(); e++) {
            if ((chosen[e] ?? -1) >= 0) continue;
            for (let d = from; d < to; d++) {
              const base = d * (T + 1);
              const cellBase = (e * H + d) * (T + 1);
              price[base + T] = c.cellCost[cellBase + T] ?? 0;
              for (let t = 0; t < T; t++) {
                const r = coverRow[d * T + t] ?? -1;
                price[base + t] = (c.cellCost[cellBase + t] ?? 0) - (r >= 0 ? (dual[r] ?? 0) : 0);
              }
            }
            const result = solveRow(c, e, price, {
              row: startRows[e],
              from,
              to,
              keep,
              shouldStop: stop,
            });
            if (result === null) {
              exact = false;
              continue;
            }
            if (!result.exact) exact = false;
            const reduced = result.cost - (dual[e] ?? 0);
            reducedSum += Math.min(0, reduced);
            if (reduced >= -ENTER) continue;
            const col = column(e, result.row);
            if (col === undefined) continue;
            model.addCol(col.cost, 0, highs.infinity, {
              indices: Int32Array.from(col.indices),
              values: Float64Array.from(col.values),
            });
            added++;
          }
          if (stop()) return false;
          if (exact && chosen.every((j) => j < 0)) {
            const bound = outside + lp + reducedSum;
            windowBound = windowBound === undefined ? bound : Math.max(windowBound, bound);
            if (whole) lowerBound = windowBound;
          }
          if (added === 0) return true;
        }
        return false;
      };
      const converged = generate();
      /**
       * One dive from the LP's optimum: fix the columns the LP takes whole and the most-taken
       * fractional one(s), price again, until the LP takes one whole row per employee; cut short
       * by the deadline, it ends by rounding (each employee not fixed yet gets its most-taken
       * row). Its fixings are undone after; `random` perturbs which fractional columns go first.
       */
      const dive = (random: Random | undefined): Assign => {
        let value = model.getSolution().colValue;
        let steps = 0;
        const diveStarted = performance.now();
        for (;;) {
          const newlyFixed: number[] = [];
          const fractions: number[] = [];
          for (let j = 0; j < owners.length; j++) {
            if ((chosen[owners[j] ?? 0] ?? -1) >= 0) continue;
            const x = value[slackCount + j] ?? 0;
            if (x >= 1 - EPS) newlyFixed.push(j);
            else if (x > EPS) fractions.push(j);
          }
          if (fractions.length === 0) break;
          // One fractional column a step when time allows; more when the steps so far say the
          // dive would not end by the deadline at that pace.
          const unfixed = chosen.filter((j) => j < 0).length - newlyFixed.length;
          const left = options.deadline - performance.now();
          const pace = steps > 0 ? (performance.now() - diveStarted) / steps : 0;
          const take = Math.min(
            unfixed,
            Math.max(1, Math.ceil((unfixed * pace) / Math.max(1, left))),
          );
          const key = new Map(
            fractions.map((j) => [j, (value[slackCount + j] ?? 0) + (random?.next() ?? 0) * NOISE]),
          );
          fractions.sort((x, y) => (key.get(y) ?? 0) - (key.get(x) ?? 0));
          const claimed = new Set(newlyFixed.map((j) => owners[j]));
          const target = claimed.size + take;
          for (const j of fractions) {
            if (claimed.size >= target) break;
            if (claimed.has(owners[j])) continue;
            claimed.add(owners[j]);
            newlyFixed.push(j);
          }
          for (const j of newlyFixed) {
            chosen[owners[j] ?? 0] = j;
            model.changeColBounds(slackCount + j, 1, 1);
          }
          steps++;
          // Behind that pace, each step prices a few rounds only instead of to the LP's optimum.
          if (!generate(take > 1 ? HURRIED_ROUNDS : Infinity)) break;
          value = model.getSolution().colValue;
        }
        // Each employee's fixed row, or its most-taken one (a dive cut short ends by rounding).
        const assign = Int16Array.from(start);
        const weight = new Float64Array(E).fill(-1);
        for (let j = 0; j < owners.length; j++) {
          const e = owners[j] ?? 0;
          const x = chosen[e] === j ? 2 : (value[slackCount + j] ?? 0);
          if (x <= (weight[e] ?? 0)) continue;
          weight[e] = x;
          assign.set(patterns[j] ?? new Int16Array(0), e * H + from);
        }
        for (let e = 0; e < E; e++) {
          const j = chosen[e] ?? -1;
          if (j >= 0) model.changeColBounds(slackCount + j, 0, highs.infinity);
        }
        chosen.fill(-1);
        return assign;
      };

      let best: Assign = Int16Array.from(start);
      let objective = startObjective;
      const random = new Random(options.seed ?? 1);
      // Dives until the deadline, the bound met, or STALL_DIVES in a row without a better roster;
      // each from the LP priced again over every column so far (the later ones with noise on
      // which columns are fixed first).
      let lastGain = 0;
      const proven = (): boolean =>
        windowBound !== undefined && meetsBound(objective, windowBound, options.integral ?? false);
      for (
        let dives = 0;
        converged &&
        dives < (options.maxDives ?? Infinity) &&
        dives - lastGain <= STALL_DIVES &&
        !stop() &&
        !proven();
        dives++
      ) {
        const assign = dive(dives > 0 ? random : undefined);
        const ev = evaluateAssign(c, assign);
        if (ev.feasible && ev.objective < objective - EPS) {
          lastGain = dives;
          best = assign;
          objective = ev.objective;
          options.onImprovement?.(assign);
        }
        if (!generate()) break;
      }
      return {
        assign: best,
        objective,
        improved: objective < startObjective - EPS,
        lowerBound,
        converged,
      };
    },
  );
}

/**
 * Whether an objective meets a lower bound, i.e. is proven optimal; with integer weights
 * (`integral`) every objective is an integer, so the bound is rounded up first.
 */
export function meetsBound(objective: number, bound: number, integral: boolean): boolean {
  return objective <= (integral ? Math.ceil(bound - EPS) : bound) + EPS;
}
