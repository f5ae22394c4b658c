import type { Highs, ModelData } from 'highs';
import type { Assign, Compiled } from './compile';
import { coverCellCost, evaluateAssign } from './evaluate';
import { assignFromColumns, buildMip, columnsFromAssign } from './mip';
import { Random } from './random';

/**
 * A neighbourhood: a window of periods for every employee (`days`), or the rows of a few
 * employees (`employees`; on horizons over {@link WHOLE_ROWS_LIMIT} periods, over a window of
 * {@link ROWS_WINDOW}).
 */
type Kind = 'days' | 'employees';

/**
 * Which neighbourhoods a worker frees, in turn: the first worker mostly windows of days (where
 * cover is traded between employees), the second alternates employee groups (where the
 * horizon-wide rules — minutes, weekends, per-type maxima — are traded) with windows of days.
 */
export type NeighbourhoodFlavour = 'days' | 'employees';
const MIXES: Record<NeighbourhoodFlavour, readonly Kind[]> = {
  days: ['days', 'days', 'employees'],
  employees: ['employees', 'days'],
};

export interface LnsOptions {
  /** `performance.now()` by which the search must end. */
  readonly deadline: number;
  readonly shouldStop: () => boolean;
  readonly seed: number;
  /** Which neighbourhoods come first (two workers use different ones). */
  readonly flavour: NeighbourhoodFlavour;
  /** Each roster better than the one it had (feasible by construction). */
  readonly onImprovement: (assign: Assign) => void;
  /** Sub-problems to solve at most (reproducible runs); the deadline still applies. */
  readonly maxSteps?: number;
  /** A better roster found elsewhere (the other worker), if any: the search moves to it. */
  readonly better?: (objective: number) => Assign | undefined;
}

export interface LnsResult {
  readonly assign: Assign;
  readonly objective: number;
  /** Sub-problems solved, and those that improved the roster. */
  readonly solved: number;
  readonly improved: number;
}

const EPS = 1e-6;
/** Share of the sub-problem's time limit under which a proven sub-problem grows the next one. */
const FAST_SHARE = 0.3;
const GROW = 1.2;
const SHRINK = 0.8;
/** Free cells of the first sub-problem of each kind (employees × periods). */
const FIRST_SIZE = 160;
/** Bounds of a sub-problem's time limit, in seconds. */
const MIN_SUB_SECONDS = 0.5;
const MAX_SUB_SECONDS = 2;
/** Horizons over which employee groups are freed on a window only, and that window. */
const WHOLE_ROWS_LIMIT = 56;
const ROWS_WINDOW = 28;

/**
 * Large neighbourhood search with MIP sub-problems (fix-and-optimize): the full model is built
 * once; each step frees a part of the roster (a window of periods for everyone, or the rows of a
 * few employees, over a window on long horizons), fixes every other cell to the incumbent and
 * hands HiGHS the sub-model of what is left ({@link restrict}) with a short time limit, the
 * incumbent given as the start — so a step never makes the roster worse, and any roster it keeps
 * satisfies every rule of the model. Where to free is drawn by cost (periods with uncovered or over-covered
 * slots, employees with refused requests) half of the time, at random otherwise; the size of
 * each kind of neighbourhood adapts: grown when its sub-problems are proven fast, shrunk when
 * they run out of time. The incumbent must be feasible.
 */
export function runLns(highs: Highs, c: Compiled, start: Assign, options: LnsOptions): LnsResult {
  const { E, H, T } = c;
  const random = new Random(options.seed);
  const m = buildMip(c, highs.infinity);
  let current: Assign = Int16Array.from(start);
  let objective = evaluateAssign(c, current).objective;
  let solved = 0;
  let improved = 0;
  const size: Record<Kind, number> = {
    days: FIRST_SIZE,
    employees: FIRST_SIZE,
  };
  const mix = MIXES[options.flavour];
  const free = new Uint8Array(E * H);
  const open = new Uint8Array(m.data.numCols);
  const status = highs.constants.modelStatus;
  for (let step = 0; step < (options.maxSteps ?? Infinity) && !options.shouldStop(); step++) {
    const remaining = (options.deadline - performance.now()) / 1000;
    if (remaining < 0.2) break;
    const outside = options.better?.(objective);
    if (outside !== undefined) {
      current = Int16Array.from(outside);
      objective = evaluateAssign(c, current).objective;
    }
    const kind = mix[step % mix.length] ?? 'days';
    free.fill(0);
    choose(c, current, kind, size[kind], random, free);
    // Every column but the x of fixed cells stays open (cover slacks, weekend indicators...).
    open.fill(1);
    for (let cell = 0; cell < E * H; cell++) {
      if (free[cell] === 1) continue;
      for (let t = 0; t < T; t++) {
        const col = m.xColumn[cell * T + t] ?? -1;
        if (col >= 0) open[col] = 0;
      }
    }
    const values = columnsFromAssign(c, m, current);
    const sub = restrict(m.data, open, values);
    const limit = Math.min(MAX_SUB_SECONDS, Math.max(MIN_SUB_SECONDS, remaining / 8), remaining);
    const subDeadline = performance.now() + limit * 1000;
    const began = performance.now();
    const outcome = highs.withModel(sub.data, (model) => {
      model.options.set({
        output_flag: false,
        mip_rel_gap: 0,
        mip_abs_gap: 0.999,
        random_seed: options.seed % 2_147_483_647,
        time_limit: limit,
      });
      model.setSolution({ colValue: Float64Array.from(sub.columns, (col) => values[col] ?? 0) });
      model.run({
        [highs.constants.callbackType.mipInterrupt](event) {
          if (options.shouldStop() || performance.now() >= subDeadline) event.interrupt();
          return undefined;
        },
      });
      const proven = model.getModelStatus() === status.optimal;
      const hasSolution =
        Number(model.info.get('primal_solution_status')) ===
        highs.constants.solutionStatus.feasible;
      return { proven, solution: hasSolution ? model.getSolution().colValue : undefined };
    });
    solved++;
    const took = (performance.now() - began) / 1000;
    if (outcome.proven && took < FAST_SHARE * limit)
      size[kind] = Math.min(E * H, size[kind] * GROW);
    else if (!outcome.proven) size[kind] = Math.max(2 * Math.min(E, H), size[kind] * SHRINK);
    if (outcome.solution === undefined) continue;
    const full = Float64Array.from(values);
    sub.columns.forEach((col, i) => (full[col] = outcome.solution?.[i] ?? 0));
    const found = assignFromColumns(c, m, full);
    const ev = evaluateAssign(c, found);
    if (!ev.feasible || ev.objective > objective + EPS) continue;
    const gain = ev.objective < objective - EPS;
    current = found;
    objective = ev.objective;
    if (gain) {
      improved++;
      options.onImprovement(current);
    }
  }
  return { assign: current, objective, solved, improved };
}

/**
 * The sub-model over the open columns: the others are fixed at `values`, their share of each row
 * moved into its bounds; rows without an open column are left out (the incumbent satisfies them).
 * HiGHS then presolves a few thousand columns, not the whole horizon's.
 */
function restrict(
  data: ModelData,
  open: Uint8Array,
  values: Float64Array,
): { data: ModelData; columns: Int32Array } {
  const newIndex = new Int32Array(data.numCols).fill(-1);
  const columns: number[] = [];
  for (let col = 0; col < data.numCols; col++) {
    if (open[col] !== 1) continue;
    newIndex[col] = columns.length;
    columns.push(col);
  }
  const matrix = data.matrix;
  if (matrix === undefined || matrix.format !== 'csr') throw new Error('row-wise model expected');
  const starts: number[] = [0];
  const indices: number[] = [];
  const entries: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let row = 0; row < data.numRows; row++) {
    const from = matrix.starts[row] ?? 0;
    const to = matrix.starts[row + 1] ?? from;
    let fixed = 0;
    const before = indices.length;
    for (let k = from; k < to; k++) {
      const col = matrix.indices[k] ?? 0;
      const value = matrix.values[k] ?? 0;
      const at = newIndex[col] ?? -1;
      if (at >= 0) {
        indices.push(at);
        entries.push(value);
      } else fixed += value * (values[col] ?? 0);
    }
    if (indices.length === before) continue;
    starts.push(indices.length);
    rowLower.push((data.rowLower[row] ?? 0) - fixed);
    rowUpper.push((data.rowUpper[row] ?? 0) - fixed);
  }
  const pick = (source: ArrayLike<number>): Float64Array =>
    Float64Array.from(columns, (col) => source[col] ?? 0);
  const numCols = columns.length;
  const numRows = rowLower.length;
  return {
    columns: Int32Array.from(columns),
    data: {
      numCols,
      numRows,
      offset: 0,
      colCost: pick(data.colCost),
      colLower: pick(data.colLower),
      colUpper: pick(data.colUpper),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(entries),
      },
      integrality: Int32Array.from(columns, (col) => data.integrality?.[col] ?? 0),
    },
  };
}

/** Marks the cells of one neighbourhood of about `size` cells in `free`. */
function choose(
  c: Compiled,
  a: Assign,
  kind: Kind,
  size: number,
  random: Random,
  free: Uint8Array,
): void {
  const { E, H } = c;
  const guided = random.next() < 0.5;
  if (kind === 'days') {
    const width = clamp(Math.round(size / E), 2, H);
    const from = pickWindow(periodCosts(c, a), width, guided, random);
    for (let e = 0; e < E; e++) for (let d = from; d < from + width; d++) free[e * H + d] = 1;
    return;
  }
  const window = H > WHOLE_ROWS_LIMIT ? ROWS_WINDOW : H;
  const count = clamp(Math.round(size / window), 2, E);
  const from = window >= H ? 0 : pickWindow(periodCosts(c, a), window, guided, random);
  for (const e of pickEmployees(c, a, count, guided, random))
    for (let d = from; d < from + window; d++) free[e * H + d] = 1;
}

/** Cost carried by each period: its cover deviations and the requests on it. */
function periodCosts(c: Compiled, a: Assign): Float64Array {
  const { E, H, T } = c;
  const costs = new Float64Array(H);
  const count = new Int32Array(H * T);
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < H; d++) {
      const v = a[e * H + d] ?? -1;
      if (v >= 0) count[d * T + v] = (count[d * T + v] ?? 0) + 1;
      costs[d] = (costs[d] ?? 0) + (c.cellCost[(e * H + d) * (T + 1) + (v < 0 ? T : v)] ?? 0);
    }
  }
  for (let d = 0; d < H; d++)
    for (let t = 0; t < T; t++)
      costs[d] = (costs[d] ?? 0) + coverCellCost(c, d * T + t, count[d * T + t] ?? 0);
  return costs;
}

/** Start of a window of `width` periods: the costliest (with ties at random) or any. */
function pickWindow(costs: Float64Array, width: number, guided: boolean, random: Random): number {
  const starts = costs.length - width + 1;
  if (starts <= 1) return 0;
  if (!guided) return random.int(starts);
  const weights = new Float64Array(starts);
  let sum = 0;
  for (let d = 0; d < costs.length; d++) sum += costs[d] ?? 0;
  let window = 0;
  for (let d = 0; d < width; d++) window += costs[d] ?? 0;
  for (let s = 0; s < starts; s++) {
    weights[s] = window + sum / starts + EPS;
    window += (costs[s + width] ?? 0) - (costs[s] ?? 0);
  }
  return drawWeighted(weights, random);
}

/**
 * `count` distinct employees: guided, the first by the cost of its requests and the others among
 * those who can take the same shifts (they can trade work); otherwise at random.
 */
function pickEmployees(
  c: Compiled,
  a: Assign,
  count: number,
  guided: boolean,
  random: Random,
): number[] {
  const { E, H, T } = c;
  const order = Array.from({ length: E }, (_, e) => e);
  if (!guided) {
    random.shuffle(order);
    return order.slice(0, count);
  }
  const weights = new Float64Array(E);
  let total = 0;
  for (let e = 0; e < E; e++) {
    let cost = 0;
    for (let d = 0; d < H; d++) {
      const v = a[e * H + d] ?? -1;
      cost += c.cellCost[(e * H + d) * (T + 1) + (v < 0 ? T : v)] ?? 0;
    }
    weights[e] = cost;
    total += cost;
  }
  for (let e = 0; e < E; e++) weights[e] = (weights[e] ?? 0) + total / E + EPS;
  const first = drawWeighted(weights, random);
  const overlap = (e: number): number => {
    let shared = 0;
    for (let i = first * H * T, j = e * H * T; i < (first + 1) * H * T; i++, j++)
      if (c.allowed[i] && c.allowed[j]) shared++;
    return shared + random.next();
  };
  const others = order.filter((e) => e !== first);
  const score = new Map(others.map((e) => [e, overlap(e)]));
  // Half of the group among those who share the most cells with the first, the rest at random.
  others.sort((x, y) => (score.get(y) ?? 0) - (score.get(x) ?? 0));
  const close = others.slice(0, Math.max(1, Math.floor(count / 2)));
  const rest = others.slice(close.length);
  random.shuffle(rest);
  return [first, ...close, ...rest].slice(0, count);
}

function drawWeighted(weights: Float64Array, random: Random): number {
  let sum = 0;
  for (const w of weights) sum += w;
  let r = random.next() * sum;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r <= 0) return i;
  }
  return weights.length - 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
