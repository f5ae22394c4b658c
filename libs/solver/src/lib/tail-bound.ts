import { NO_LIMIT, type Compiled } from './compile';

const NONE = -1;

/**
 * Most minutes one employee can still work on the periods [b, H) of the horizon, for a few
 * boundaries b, as a function of how the row stands before b: the last value, the length of the
 * block running at b, the weekends the employee may still work and whether the weekend straddling
 * b is already worked. It keeps one shift a period, availability, forbidden successions,
 * consecutive work and rest blocks (with the edge convention at the horizon's end) and the
 * weekend limit; it relaxes the per-type maxima (each period may take its longest allowed shift),
 * so it is an upper bound, exact when no type bound binds.
 *
 * Building a long row window after window, a window's end is kept only when the minutes worked
 * so far plus this bound reach the employee's minimum: the later windows are then never starved
 * of minutes or weekends (a necessary condition, sufficient up to the per-type maxima).
 */
export interface TailBound {
  /**
   * The bound at boundary `b` (one of those it was built for), or -Infinity when no completion
   * keeps the rules. `last`: value of period b - 1 (-1 off); `run`: length of the block ending
   * at b - 1; `edge`: that block started on period 0; `weekendsLeft`: weekends still allowed;
   * `weekendOpen`: periods b - 1 and b belong to the same weekend, already worked before b.
   */
  maxMinutes(
    b: number,
    last: number,
    run: number,
    edge: boolean,
    weekendsLeft: number,
    weekendOpen: boolean,
  ): number;
}

/** Successor-rule class of each shift type: types with the same forbidden successors. */
export function successorClasses(c: Compiled): { readonly of: Int32Array; readonly count: number } {
  const { T } = c;
  const of = new Int32Array(T);
  const keys = new Map<string, number>();
  for (let t = 0; t < T; t++) {
    let key = '';
    for (let u = 0; u < T; u++) key += c.forbidden[t * T + u] ? '1' : '0';
    let k = keys.get(key);
    if (k === undefined) {
      k = keys.size;
      keys.set(key, k);
    }
    of[t] = k;
  }
  return { of, count: keys.size };
}

export function tailBound(c: Compiled, e: number, boundaries: readonly number[]): TailBound {
  const { H, T } = c;
  const classes = successorClasses(c);
  const nC = classes.count;
  const representative = new Int32Array(nC).fill(-1);
  for (let t = 0; t < T; t++) {
    const k = classes.of[t] ?? 0;
    if ((representative[k] ?? -1) < 0) representative[k] = t;
  }
  const maxCons = c.maxConsecutive[e] ?? NO_LIMIT;
  const minCons = c.minConsecutive[e] ?? 1;
  const minOff = c.minDaysOff[e] ?? 1;
  const workCap = maxCons < NO_LIMIT ? Math.max(maxCons, minCons) : minCons;
  const offCap = minOff;
  const runSlots = Math.max(workCap, offCap) + 1;
  const maxWeekends = c.maxWeekends[e] ?? NO_LIMIT;
  // Weekends only bind when fewer may be worked than there are.
  const weekendsFree = maxWeekends >= c.weekendCount;
  const K = weekendsFree ? 0 : Math.max(0, maxWeekends);
  const L = nC + 1; // 0: off, 1 + class: worked
  // Whether the block running started on period 0 (then exempt from the minimum lengths).
  const edges = c.edgeExempt ? 2 : 1;
  const size = L * runSlots * 2 * edges * (K + 1);
  const index = (l: number, run: number, flag: number, edge: number, k: number): number =>
    (((l * runSlots + run) * 2 + flag) * edges + edge) * (K + 1) + k;

  const first = boundaries.length > 0 ? Math.min(...boundaries) : H;
  const wanted = new Set(boundaries);
  const saved = new Map<number, Float64Array>();

  // f at H: the block running at the end must be long enough unless the edge is exempt.
  let next = new Float64Array(size);
  for (let l = 0; l < L; l++) {
    for (let run = 1; run < runSlots; run++) {
      const ok = c.edgeExempt || run >= (l > 0 ? minCons : minOff);
      for (let flag = 0; flag < 2; flag++) {
        for (let edge = 0; edge < edges; edge++) {
          for (let k = 0; k <= K; k++) next[index(l, run, flag, edge, k)] = ok ? 0 : -Infinity;
        }
      }
    }
  }
  if (wanted.has(H)) saved.set(H, next);
  const bestLength = new Float64Array(L * nC);
  for (let d = H - 1; d >= first; d--) {
    const cur = new Float64Array(size).fill(-Infinity);
    // Longest allowed shift of each class after each last value.
    bestLength.fill(NONE);
    for (let t = 0; t < T; t++) {
      if (!c.allowed[(e * H + d) * T + t]) continue;
      const length = c.shiftLength[t] ?? 0;
      const k = classes.of[t] ?? 0;
      for (let l = 0; l < L; l++) {
        if (l > 0 && c.forbidden[(representative[l - 1] ?? 0) * T + t]) continue;
        if (length > (bestLength[l * nC + k] ?? NONE)) bestLength[l * nC + k] = length;
      }
    }
    const w = c.weekendOf[d] ?? -1;
    const sameNext = w >= 0 && d + 1 < H && (c.weekendOf[d + 1] ?? -1) === w;
    for (let l = 0; l < L; l++) {
      const worked = l > 0;
      for (let run = 1; run < runSlots; run++) {
        for (let edge = 0; edge < edges; edge++) {
          const longEnough = run >= (worked ? minCons : minOff) || edge === 1;
          // Off on d.
          let offTarget = -1;
          let offEdge = 0;
          if (worked) {
            if (longEnough) offTarget = 1;
          } else {
            offTarget = Math.min(run + 1, offCap);
            offEdge = edge;
          }
          // Worked on d.
          let workRun = -1;
          let workEdge = 0;
          if (worked) {
            if (run + 1 <= maxCons) {
              workRun = Math.min(run + 1, workCap);
              workEdge = edge;
            }
          } else if (longEnough) workRun = 1;
          for (let flag = 0; flag < 2; flag++) {
            const open = w >= 0 ? flag : 0;
            for (let k = 0; k <= K; k++) {
              let best = -Infinity;
              if (offTarget > 0) {
                best = next[index(0, offTarget, sameNext ? open : 0, offEdge, k)] ?? -Infinity;
              }
              if (workRun > 0) {
                let nk = k;
                if (w >= 0 && !open && !weekendsFree) nk = k - 1;
                if (nk >= 0) {
                  const nFlag = sameNext ? 1 : 0;
                  for (let cl = 0; cl < nC; cl++) {
                    const length = bestLength[l * nC + cl] ?? NONE;
                    if (length < 0) continue;
                    const value =
                      length + (next[index(cl + 1, workRun, nFlag, workEdge, nk)] ?? -Infinity);
                    if (value > best) best = value;
                  }
                }
              }
              cur[index(l, run, flag, edge, k)] = best;
            }
          }
        }
      }
    }
    next = cur;
    if (wanted.has(d)) saved.set(d, cur);
  }

  return {
    maxMinutes(b, last, run, edge, weekendsLeft, weekendOpen) {
      const table = saved.get(b);
      if (table === undefined) throw new Error(`No tail bound at period ${b}`);
      if (weekendsLeft < 0) return -Infinity;
      const worked = last >= 0;
      const l = worked ? 1 + (classes.of[last] ?? 0) : 0;
      const r = Math.min(Math.max(1, run), worked ? workCap : offCap);
      const k = weekendsFree ? 0 : Math.min(weekendsLeft, K);
      const ed = edge && c.edgeExempt ? 1 : 0;
      return table[index(l, r, weekendOpen ? 1 : 0, ed, k)] ?? -Infinity;
    },
  };
}
