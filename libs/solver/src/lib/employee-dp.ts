import { NO_LIMIT, type Compiled } from './compile';

/**
 * Exact per-employee sub-solver: the best row of one employee for given per-cell costs, keeping
 * every hard rule that belongs to that employee (one value a period, availability, forbidden
 * successions, per-type maxima, minutes range, consecutive work and rest blocks, max weekends).
 * It is a resource-constrained shortest path over (period, value) solved by dynamic programming:
 * a state is (last value, length of the current block, whether that block started on the first
 * period, weekends worked, whether the current weekend is already worked, minutes worked, counts
 * of the bounded shift types); states with the same key keep the cheapest path only.
 *
 * A window [from, to) may be re-optimised with the rest of the row fixed: the rules are then
 * checked across both boundaries (blocks continuing into the fixed part, successions, totals).
 * With `suffix: 'free'` the periods after the window are not decided yet (sequential
 * construction): blocks may continue past the window, and the totals are bounded by
 * `endMinutes` / `endWeekends` / `endCounts` (cumulative over the periods before `to`).
 */
export interface SolveRowOptions {
  /** The employee's current row (length H): fixed values outside the window. */
  readonly row?: Int16Array;
  readonly from?: number;
  readonly to?: number;
  /**
   * Periods of the window that keep their value of `row` (1 = kept, indexed by period): a window
   * made of several stretches, the periods between them fixed.
   */
  readonly keep?: Uint8Array;
  /** Whether the periods after the window keep their values of `row` (default) or are open. */
  readonly suffix?: 'fixed' | 'free';
  /** With `suffix: 'free'`: cumulative minutes range at the end of the window. */
  readonly endMinutes?: readonly [number, number];
  /** With `suffix: 'free'`: cumulative bound on worked weekends at the end of the window. */
  readonly endWeekends?: number;
  /**
   * With `suffix: 'free'`: an extra condition on the state at the window's end (totals are
   * cumulative over the periods before `to`), e.g. that the rest of the horizon can still reach
   * the minimum minutes. Weekends are then tracked from the start.
   */
  readonly endCheck?: (end: EndState) => boolean;
  /** Polled on each period: true abandons the search (the result is then null). */
  readonly shouldStop?: () => boolean;
  /** States kept per period; beyond it the cheapest are kept and the result is heuristic. */
  readonly maxStates?: number;
  /** Drops the minimum total minutes (a last-resort row that breaks only that rule). */
  readonly ignoreMinMinutes?: boolean;
}

/** The row's state after the last period of a window (see `endCheck`). */
export interface EndState {
  readonly minutes: number;
  readonly weekends: number;
  /** Value of the window's last period (-1 off). */
  readonly last: number;
  /** Length of the block running at the window's end (capped at the longest that matters). */
  readonly run: number;
  /** Whether that block started on period 0. */
  readonly edge: boolean;
  /** Whether the window ends inside a weekend already worked. */
  readonly weekendOpen: boolean;
}

export interface RowResult {
  /** The whole row (length H), fixed values outside the window. */
  readonly row: Int16Array;
  /** Sum of `cost` over the window's periods. */
  readonly cost: number;
  /** False when the state cap cut the search (the row is still feasible, maybe not optimal). */
  readonly exact: boolean;
}

const DEFAULT_MAX_STATES = 60_000;
/** Key spaces up to this size use a dense index table. */
const DENSE_KEYS = 1 << 21;

/** The states of one period, in typed arrays reused from period to period (see `layerPool`). */
class Layer {
  size = 0;
  last = new Int16Array(0);
  run = new Int16Array(0);
  edge = new Uint8Array(0);
  wk = new Int16Array(0);
  flag = new Uint8Array(0);
  minutes = new Float64Array(0);
  counts: Int16Array[] = [];
  cost = new Float64Array(0);
  parent = new Int32Array(0);
  value = new Int16Array(0);

  /** Empties the layer, with room for `capacity` states and `nc` counts each. */
  reset(capacity: number, nc: number): this {
    this.size = 0;
    if (capacity > this.cost.length) {
      const n = Math.max(capacity, 2 * this.cost.length);
      this.last = new Int16Array(n);
      this.run = new Int16Array(n);
      this.edge = new Uint8Array(n);
      this.wk = new Int16Array(n);
      this.flag = new Uint8Array(n);
      this.minutes = new Float64Array(n);
      this.cost = new Float64Array(n);
      this.parent = new Int32Array(n);
      this.value = new Int16Array(n);
      this.counts = [];
    }
    while (this.counts.length < nc) this.counts.push(new Int16Array(this.cost.length));
    return this;
  }
}

/**
 * Two layers, the current period's and the next's, shared by every search (one runs at a time;
 * they keep the largest size met, as the dense table does).
 */
const layerPool: readonly [Layer, Layer] = [new Layer(), new Layer()];

/**
 * The cheapest row of employee `e` for `cost[d * (T + 1) + v]` (v < T a shift type, v = T off),
 * or null when no row keeps the hard rules (given the fixed part of the row).
 */
export function solveRow(
  c: Compiled,
  e: number,
  cost: Float64Array,
  options: SolveRowOptions = {},
): RowResult | null {
  const { H, T } = c;
  const row = options.row ?? new Int16Array(H).fill(-1);
  const from = options.from ?? 0;
  const to = options.to ?? H;
  const freeSuffix = options.suffix === 'free' && to < H;
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const exempt = c.edgeExempt;
  const maxCons = c.maxConsecutive[e] ?? NO_LIMIT;
  const minCons = c.minConsecutive[e] ?? 1;
  const minOff = c.minDaysOff[e] ?? 1;
  const workCap = maxCons < NO_LIMIT ? Math.max(maxCons, minCons) : minCons;
  const offCap = minOff;
  const len = to - from;
  const keep = options.keep;

  // Totals of the fixed part.
  let outMinutes = 0;
  const outCounts = new Int32Array(T);
  const countedOutside = new Uint8Array(c.weekendCount);
  const outsideEnd = freeSuffix ? from : H;
  for (let d = 0; d < outsideEnd; d++) {
    if (d >= from && d < to) continue;
    const v = row[d] ?? -1;
    if (v < 0) continue;
    outMinutes += c.shiftLength[v] ?? 0;
    outCounts[v] = (outCounts[v] ?? 0) + 1;
    const w = c.weekendOf[d] ?? -1;
    if (w >= 0) countedOutside[w] = 1;
  }
  let outWeekends = 0;
  for (let w = 0; w < c.weekendCount; w++) outWeekends += countedOutside[w] ?? 0;

  // Minutes bounds over the window.
  let minLo: number;
  let minHi: number;
  if (freeSuffix) {
    minLo = (options.endMinutes?.[0] ?? -Infinity) - outMinutes;
    minHi = (options.endMinutes?.[1] ?? c.maxMinutes[e] ?? NO_LIMIT) - outMinutes;
  } else {
    minLo = options.ignoreMinMinutes ? -Infinity : (c.minMinutes[e] ?? 0) - outMinutes;
    minHi = (c.maxMinutes[e] ?? NO_LIMIT) - outMinutes;
  }
  // Most minutes that days d.. of the window can still bring.
  const maxRemain = new Float64Array(len + 1);
  for (let i = len - 1; i >= 0; i--) {
    let best = 0;
    if (keep?.[from + i]) {
      const v = row[from + i] ?? -1;
      best = v >= 0 ? (c.shiftLength[v] ?? 0) : 0;
    } else {
      for (let t = 0; t < T; t++) {
        if (c.allowed[(e * H + from + i) * T + t]) best = Math.max(best, c.shiftLength[t] ?? 0);
      }
    }
    maxRemain[i] = (maxRemain[i + 1] ?? 0) + best;
  }
  if (minHi < 0 || minLo > (maxRemain[0] ?? 0)) return null;
  const trackMinutes =
    minHi < (maxRemain[0] ?? 0) || minLo > 0 || (freeSuffix && options.endCheck !== undefined);

  // Weekends: a weekend already worked outside the window counts once.
  const weekendBound = freeSuffix
    ? (options.endWeekends ?? c.maxWeekends[e] ?? NO_LIMIT) - outWeekends
    : (c.maxWeekends[e] ?? NO_LIMIT) - outWeekends;
  if (weekendBound < 0) return null;
  let openWeekends = 0;
  for (let d = from; d < to; d++) {
    const w = c.weekendOf[d] ?? -1;
    if (w >= 0 && !countedOutside[w] && (d === from || (c.weekendOf[d - 1] ?? -1) !== w))
      openWeekends++;
  }
  const weekendBinding = weekendBound < openWeekends;

  // Bounded shift types whose bound can bind inside the window.
  const candidates: number[] = [];
  const candidateBound = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    const max = c.maxPerType[e * T + t] ?? NO_LIMIT;
    if (max >= NO_LIMIT) continue;
    const bound = max - (outCounts[t] ?? 0);
    if (bound < 0) return null;
    let possible = 0;
    for (let d = from; d < to; d++) if (c.allowed[(e * H + d) * T + t]) possible++;
    if (bound >= possible) continue;
    candidates.push(t);
    candidateBound[t] = bound;
  }

  // Minutes are counted in units of the shift lengths' greatest common divisor (keys stay small).
  let unit = 0;
  for (let t = 0; t < T; t++) unit = gcd(unit, c.shiftLength[t] ?? 0);
  unit = Math.max(1, unit);
  const minutesRadix = Math.floor(Math.min(minHi, maxRemain[0] ?? 0) / unit) + 1;

  // Two shift types with the same forbidden successors lead to the same future: the state keys
  // the last value by that class. Types that also share their forbidden predecessors and their
  // length, and whose count is not tracked, are interchangeable on a period: only the cheapest
  // allowed one of each such group is tried there. Both reductions keep the result exact.
  const rowClass = new Int32Array(T);
  const group = new Int32Array(T);
  let classCount = 0;
  {
    const rowKeys = new Map<string, number>();
    const groupKeys = new Map<string, number>();
    for (let t = 0; t < T; t++) {
      let rowKey = '';
      let colKey = '';
      for (let u = 0; u < T; u++) {
        rowKey += c.forbidden[t * T + u] ? '1' : '0';
        colKey += c.forbidden[u * T + t] ? '1' : '0';
      }
      let rc = rowKeys.get(rowKey);
      if (rc === undefined) {
        rc = rowKeys.size;
        rowKeys.set(rowKey, rc);
      }
      rowClass[t] = rc;
      const groupKey = `${rc}|${colKey}|${c.shiftLength[t] ?? 0}`;
      let g = groupKeys.get(groupKey);
      if (g === undefined) {
        g = groupKeys.size;
        groupKeys.set(groupKey, g);
      }
      group[t] = g;
    }
    classCount = rowKeys.size;
  }

  // Resources tracked in the state. Weekends and per-type counts are added lazily (constraint
  // generation): the DP first runs without them, and a resource the best row breaks is then
  // tracked and the DP run again. The final row keeps every bound and is optimal.
  const endCheck = freeSuffix ? options.endCheck : undefined;
  let trackWeekends = endCheck !== undefined && (c.maxWeekends[e] ?? NO_LIMIT) < c.weekendCount;
  const tracked: number[] = [];
  const countBound: number[] = [];
  const trackIndex = new Int32Array(T).fill(-1);
  for (;;) {
    const result = search();
    if (result === null) return null;
    let added = false;
    if (weekendBinding && !trackWeekends) {
      const worked = new Set<number>();
      for (let d = from; d < to; d++) {
        const w = c.weekendOf[d] ?? -1;
        if (w >= 0 && !countedOutside[w] && (result.row[d] ?? -1) >= 0) worked.add(w);
      }
      if (worked.size > weekendBound) {
        trackWeekends = true;
        added = true;
      }
    }
    for (const t of candidates) {
      if ((trackIndex[t] ?? -1) >= 0) continue;
      let n = 0;
      for (let d = from; d < to; d++) if (result.row[d] === t) n++;
      if (n > (candidateBound[t] ?? 0)) {
        trackIndex[t] = tracked.length;
        tracked.push(t);
        countBound.push(candidateBound[t] ?? 0);
        added = true;
      }
    }
    if (!added) return result;
  }

  function search(): RowResult | null {
    const nc = tracked.length;
    // At most `openWeekends` new weekends in the window (one more value for "over").
    const weekendRadix = trackWeekends ? Math.max(0, Math.min(weekendBound, openWeekends)) + 2 : 1;
    const runRadix = Math.max(workCap, offCap) + 1;
    let radix =
      (classCount + 1) * runRadix * 2 * weekendRadix * 2 * (trackMinutes ? minutesRadix : 1);
    for (let j = 0; j < nc; j++) radix *= (countBound[j] ?? 0) + 1;
    const numericKeys = radix < 2 ** 52;
    // Small key spaces index states through a dense table (reset after each period) instead of
    // a map.
    const dense = radix <= DENSE_KEYS ? denseTable(radix) : undefined;
    const denseKeys: number[] = [];

    // Initial state from the fixed prefix.
    let layer = layerPool[0].reset(1, nc);
    {
      let last = -2; // -2: before the first period
      let run = 0;
      let edge = 1;
      if (from > 0) {
        last = row[from - 1] ?? -1;
        const worked = last >= 0;
        let start = from - 1;
        while (start > 0 && (row[start - 1] ?? -1) >= 0 === worked) start--;
        run = from - start;
        edge = start === 0 ? 1 : 0;
      }
      let flag = 0;
      const w0 = c.weekendOf[from] ?? -1;
      // A weekend straddling the window's start: worked days before `from` already count it.
      if (w0 >= 0 && countedOutside[w0]) flag = 1;
      layer.size = 1;
      layer.last[0] = last;
      layer.run[0] = Math.min(run, last >= 0 ? workCap : offCap);
      layer.edge[0] = edge;
      layer.wk[0] = 0;
      layer.flag[0] = flag;
      layer.minutes[0] = 0;
      for (const counts of layer.counts) counts[0] = 0;
      layer.cost[0] = 0;
      layer.parent[0] = -1;
      layer.value[0] = -1;
    }
    // Each period's parent and value per state, for the way back.
    const trail: { parent: Int32Array; value: Int16Array }[] = [
      { parent: Int32Array.of(-1), value: Int16Array.of(-1) },
    ];
    let exact = true;
    const key: number[] = [];

    // Values tried on a period: off, every tracked type, the cheapest of each group otherwise.
    const values: number[] = [];
    const groupBest = new Int32Array(T);
    for (let i = 0; i < len; i++) {
      if (options.shouldStop?.()) return null;
      const d = from + i;
      values.length = 0;
      groupBest.fill(-1);
      // A kept period has its row's value only; the loop below then tries none.
      const kept = keep?.[d] === 1;
      values.push(kept ? (row[d] ?? -1) : -1);
      for (let t = 0; t < T && !kept; t++) {
        if (!c.allowed[(e * H + d) * T + t]) continue;
        if ((trackIndex[t] ?? -1) >= 0) {
          values.push(t);
          continue;
        }
        const g = group[t] ?? 0;
        const current = groupBest[g] ?? -1;
        const tc = cost[d * (T + 1) + t] ?? 0;
        if (current < 0 || tc < (cost[d * (T + 1) + current] ?? 0)) groupBest[g] = t;
      }
      for (let g = 0; g < T; g++) {
        const t = groupBest[g] ?? -1;
        if (t >= 0) values.push(t);
      }
      const index = new Map<number | string, number>();
      const w = c.weekendOf[d] ?? -1;
      const newWeekend = w >= 0 && (d === 0 || (c.weekendOf[d - 1] ?? -1) !== w);
      const base = d * (T + 1);
      const n = layer.size;
      const next = (layer === layerPool[0] ? layerPool[1] : layerPool[0]).reset(
        n * values.length,
        nc,
      );
      for (let s = 0; s < n; s++) {
        const last = layer.last[s] ?? -1;
        const run = layer.run[s] ?? 0;
        const edge = layer.edge[s] ?? 0;
        const wk = layer.wk[s] ?? 0;
        const flag0 = newWeekend ? 0 : (layer.flag[s] ?? 0);
        const minutes = layer.minutes[s] ?? 0;
        const sCost = layer.cost[s] ?? 0;
        for (const v of values) {
          let nRun: number;
          let nEdge: number;
          if (last === -2) {
            nRun = 1;
            nEdge = 1;
          } else if (v >= 0) {
            if (last >= 0) {
              if (c.forbidden[last * T + v]) continue;
              if (run + 1 > maxCons) continue;
              nRun = Math.min(run + 1, workCap);
              nEdge = edge;
            } else {
              if (run < minOff && !(edge && exempt)) continue;
              nRun = 1;
              nEdge = 0;
            }
          } else if (last >= 0) {
            if (run < minCons && !(edge && exempt)) continue;
            nRun = 1;
            nEdge = 0;
          } else {
            nRun = Math.min(run + 1, offCap);
            nEdge = edge;
          }
          let nMinutes = minutes;
          let nWk = wk;
          let nFlag = w >= 0 ? flag0 : 0;
          if (v >= 0) {
            nMinutes += c.shiftLength[v] ?? 0;
            if (nMinutes > minHi) continue;
            if (w >= 0 && !nFlag) {
              nFlag = 1;
              if (!countedOutside[w]) {
                nWk++;
                if (trackWeekends && nWk > weekendBound) continue;
              }
            }
            const j = trackIndex[v] ?? -1;
            if (j >= 0 && (layer.counts[j]?.[s] ?? 0) + 1 > (countBound[j] ?? 0)) continue;
          }
          if (nMinutes + (maxRemain[i + 1] ?? 0) < minLo) continue;
          const nCost = sCost + (cost[base + (v < 0 ? T : v)] ?? 0);
          let k: number | string;
          if (numericKeys) {
            let nk =
              ((((v < 0 ? 0 : (rowClass[v] ?? 0) + 1) * runRadix + nRun) * 2 + nEdge) *
                weekendRadix +
                (trackWeekends ? nWk : 0)) *
                2 +
              (trackWeekends ? nFlag : 0);
            if (trackMinutes) nk = nk * minutesRadix + Math.round(nMinutes / unit);
            for (let j = 0; j < nc; j++) {
              nk =
                nk * ((countBound[j] ?? 0) + 1) +
                (layer.counts[j]?.[s] ?? 0) +
                (tracked[j] === v ? 1 : 0);
            }
            k = nk;
          } else {
            key.length = 0;
            key.push(
              v < 0 ? -1 : (rowClass[v] ?? 0),
              nRun,
              nEdge,
              trackWeekends ? nWk : 0,
              trackWeekends ? nFlag : 0,
              trackMinutes ? nMinutes : 0,
            );
            for (let j = 0; j < nc; j++) {
              key.push((layer.counts[j]?.[s] ?? 0) + (tracked[j] === v ? 1 : 0));
            }
            k = key.join(',');
          }
          const found = dense !== undefined ? (dense[k as number] ?? -1) : (index.get(k) ?? -1);
          if (found >= 0) {
            if (nCost < (next.cost[found] ?? Infinity)) {
              next.cost[found] = nCost;
              next.parent[found] = s;
              // Same class, not necessarily the same type.
              next.last[found] = v;
              next.value[found] = v;
            }
            continue;
          }
          if (dense !== undefined) {
            dense[k as number] = next.size;
            denseKeys.push(k as number);
          } else index.set(k, next.size);
          const at = next.size++;
          next.last[at] = v;
          next.run[at] = nRun;
          next.edge[at] = nEdge;
          next.wk[at] = nWk;
          next.flag[at] = nFlag;
          next.minutes[at] = nMinutes;
          for (let j = 0; j < nc; j++) {
            const counts = next.counts[j];
            if (counts) counts[at] = (layer.counts[j]?.[s] ?? 0) + (tracked[j] === v ? 1 : 0);
          }
          next.cost[at] = nCost;
          next.parent[at] = s;
          next.value[at] = v;
        }
      }
      for (const k of denseKeys) if (dense !== undefined) dense[k] = -1;
      denseKeys.length = 0;
      if (next.size === 0) return null;
      if (next.size > maxStates) {
        // The cheapest states, into the current period's layer (no longer needed).
        prune(next, layer.reset(maxStates, nc), maxStates, nc);
        exact = false;
      } else layer = next;
      trail.push({
        parent: layer.parent.slice(0, layer.size),
        value: layer.value.slice(0, layer.size),
      });
    }

    // Closing checks: the block running at the window's end, against the fixed suffix if any.
    let suffixWorked = false;
    let suffixRun = 0;
    let suffixToEnd = false;
    if (!freeSuffix && to < H) {
      suffixWorked = (row[to] ?? -1) >= 0;
      let end = to;
      while (end < H && (row[end] ?? -1) >= 0 === suffixWorked) end++;
      suffixRun = end - to;
      suffixToEnd = end === H;
    }
    let bestState = -1;
    let bestCost = Infinity;
    const n = layer.size;
    for (let s = 0; s < n; s++) {
      const sCost = layer.cost[s] ?? 0;
      if (sCost >= bestCost) continue;
      const minutes = layer.minutes[s] ?? 0;
      if (minutes < minLo) continue;
      const last = layer.last[s] ?? -1;
      const run = layer.run[s] ?? 0;
      const edge = layer.edge[s] ?? 0;
      const worked = last >= 0;
      if (!freeSuffix) {
        if (to === H) {
          if (!exempt && run < (worked ? minCons : minOff)) continue;
        } else if (worked === suffixWorked) {
          // The block continues into the fixed part: its full length counts.
          const total = run + suffixRun;
          if (worked && total > maxCons) continue;
          if (worked && last >= 0 && c.forbidden[last * T + (row[to] ?? 0)]) continue;
          if (total < (worked ? minCons : minOff) && !(exempt && (edge || suffixToEnd))) continue;
        } else {
          if (run < (worked ? minCons : minOff) && !(exempt && edge)) continue;
          if (suffixWorked && suffixRun > maxCons) continue;
          if (suffixRun < (suffixWorked ? minCons : minOff) && !(exempt && suffixToEnd)) continue;
        }
      }
      if (
        endCheck !== undefined &&
        !endCheck({
          minutes: outMinutes + minutes,
          weekends: outWeekends + (layer.wk[s] ?? 0),
          last,
          run,
          edge: edge === 1,
          weekendOpen:
            (layer.flag[s] ?? 0) === 1 &&
            (c.weekendOf[to - 1] ?? -1) >= 0 &&
            c.weekendOf[to - 1] === c.weekendOf[to],
        })
      ) {
        continue;
      }
      bestCost = sCost;
      bestState = s;
    }
    if (bestState < 0) return null;

    const out = Int16Array.from(row);
    let s = bestState;
    for (let i = len; i >= 1; i--) {
      const l = trail[i];
      if (l === undefined) break;
      out[from + i - 1] = l.value[s] ?? -1;
      s = l.parent[s] ?? 0;
    }
    return { row: out, cost: bestCost, exact };
  }
}

/** Shared index table, all -1 between uses (each period resets the entries it set). */
let sharedTable: Int32Array = new Int32Array(0);

function denseTable(size: number): Int32Array {
  if (sharedTable.length < size) {
    sharedTable = new Int32Array(Math.max(size, 2 * sharedTable.length)).fill(-1);
  }
  return sharedTable;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The `keep` cheapest states of `layer`, into `out` (emptied). */
function prune(layer: Layer, out: Layer, keep: number, nc: number): void {
  const order = Array.from({ length: layer.size }, (_, i) => i).sort(
    (a, b) => (layer.cost[a] ?? 0) - (layer.cost[b] ?? 0),
  );
  out.size = keep;
  for (let r = 0; r < keep; r++) {
    const i = order[r] ?? 0;
    out.last[r] = layer.last[i] ?? -1;
    out.run[r] = layer.run[i] ?? 0;
    out.edge[r] = layer.edge[i] ?? 0;
    out.wk[r] = layer.wk[i] ?? 0;
    out.flag[r] = layer.flag[i] ?? 0;
    out.minutes[r] = layer.minutes[i] ?? 0;
    for (let j = 0; j < nc; j++) {
      const counts = out.counts[j];
      if (counts) counts[r] = layer.counts[j]?.[i] ?? 0;
    }
    out.cost[r] = layer.cost[i] ?? 0;
    out.parent[r] = layer.parent[i] ?? 0;
    out.value[r] = layer.value[i] ?? -1;
  }
}
