import {
  compile,
  fromRoster,
  type Assign,
  type Compiled,
  type CompiledSpread,
  type CompiledTarget,
} from './compile';
import type { Evaluation, Roster, RosterProblem } from './model';

/** Units of deviation from a target, counted in started units (a float error is no unit). */
export function deviationUnits(amount: number, unit: number): number {
  return amount <= 0 ? 0 : Math.ceil(amount / unit - 1e-9);
}

/** Cost of working `minutes` against a minutes target: tiered (convex) under, flat over. */
export function targetCost(t: CompiledTarget, minutes: number): number {
  let short = deviationUnits(t.minutes - minutes, t.unit);
  if (short === 0) return deviationUnits(minutes - t.minutes, t.unit) * t.over;
  let cost = 0;
  for (let i = 0; i < t.tierUnits.length && short > 0; i++) {
    const take = Math.min(short, t.tierUnits[i] ?? 0);
    cost += take * (t.tierWeights[i] ?? 0);
    short -= take;
  }
  return cost;
}

/** Cost of the groups employee e's row uses beyond the free ones. */
export function spreadCost(c: Compiled, s: CompiledSpread, a: Assign, e: number): number {
  const base = e * c.H;
  let used = 0;
  for (const group of s.groups) {
    for (let i = 0; i < group.length; i++) {
      const cell = group[i] ?? 0;
      const t = cell % c.T;
      if (a[base + (cell - t) / c.T] === t) {
        used++;
        break;
      }
    }
  }
  return used > s.free ? (used - s.free) * s.weight : 0;
}

/** Soft cost of employee e's row: requests, minutes target and group spread. */
export function rowSoft(c: Compiled, a: Assign, e: number): number {
  const { H, T, cellCost } = c;
  let cost = 0;
  let minutes = 0;
  const base = e * H;
  for (let d = 0; d < H; d++) {
    const v = a[base + d] ?? -1;
    cost += cellCost[(base + d) * (T + 1) + (v < 0 ? T : v)] ?? 0;
    if (v >= 0) minutes += c.shiftLength[v] ?? 0;
  }
  if (c.hasEmployeeSoft) {
    const target = c.targets[e];
    if (target) cost += targetCost(target, minutes);
    const spread = c.spreads[e];
    if (spread) cost += spreadCost(c, spread, a, e);
  }
  return cost;
}

/**
 * Amount by which employee e's row breaks the hard rules (0 when it keeps them all). Amounts are
 * graded (e.g. how many periods a block is too short) so that a local search can follow them.
 */
export function rowHard(c: Compiled, a: Assign, e: number, counts: Int32Array): number {
  const { H, T } = c;
  const base = e * H;
  counts.fill(0);
  let violation = 0;
  let minutes = 0;
  let weekendsWorked = 0;
  let lastWeekend = -1;
  const maxCons = c.maxConsecutive[e] ?? 0;
  const minCons = c.minConsecutive[e] ?? 1;
  const minOff = c.minDaysOff[e] ?? 1;
  let run = 0;
  let runWorked = false;
  let runStart = 0;
  for (let d = 0; d <= H; d++) {
    const v = d < H ? (a[base + d] ?? -1) : -2;
    const worked = v >= 0;
    if (worked) {
      counts[v] = (counts[v] ?? 0) + 1;
      minutes += c.shiftLength[v] ?? 0;
      if (!c.allowed[(base + d) * T + v]) violation += 1;
      if (c.hasForbidden && d > 0) {
        const p = a[base + d - 1] ?? -1;
        if (p >= 0 && c.forbidden[p * T + v]) violation += 1;
      }
      const w = c.weekendOf[d] ?? -1;
      if (w >= 0 && w !== lastWeekend) {
        weekendsWorked++;
        lastWeekend = w;
      }
    }
    if (d === H || worked !== runWorked) {
      if (run > 0) {
        const touchesEdge = runStart === 0 || d === H;
        if (runWorked) {
          if (run > maxCons) violation += run - maxCons;
          if (run < minCons && !(touchesEdge && c.edgeExempt)) violation += minCons - run;
        } else if (run < minOff && !(touchesEdge && c.edgeExempt)) {
          violation += minOff - run;
        }
      }
      run = 1;
      runWorked = worked;
      runStart = d;
    } else {
      run++;
    }
  }
  for (let t = 0; t < T; t++) {
    const excess = (counts[t] ?? 0) - (c.maxPerType[e * T + t] ?? 0);
    if (excess > 0) violation += excess;
  }
  const minMin = c.minMinutes[e] ?? 0;
  const maxMin = c.maxMinutes[e] ?? 0;
  // Minutes are graded in hours so that one missing 8-hour shift weighs like 8 short blocks.
  if (minutes < minMin) violation += (minMin - minutes) / 60;
  if (minutes > maxMin) violation += (minutes - maxMin) / 60;
  const weekendExcess = weekendsWorked - (c.maxWeekends[e] ?? 0);
  if (weekendExcess > 0) violation += weekendExcess;
  return violation;
}

export function linearViolation(c: Compiled, a: Assign, index: number): number {
  const lc = c.linear[index];
  if (lc === undefined) return 0;
  let sum = 0;
  for (let i = 0; i < lc.coefficients.length; i++) {
    const v = a[(lc.employees[i] ?? 0) * c.H + (lc.days[i] ?? 0)] ?? -1;
    const s = lc.shifts[i] ?? -1;
    if (v >= 0 && (s < 0 || s === v)) sum += lc.coefficients[i] ?? 0;
  }
  return Math.max(0, lc.min - sum, sum - lc.max);
}

export function coverCellCost(c: Compiled, k: number, count: number): number {
  if (!c.hasCover[k]) return 0;
  const req = c.coverReq[k] ?? 0;
  return count < req
    ? (req - count) * (c.coverUnder[k] ?? 0)
    : (count - req) * (c.coverOver[k] ?? 0);
}

export function evaluateAssign(c: Compiled, a: Assign): Evaluation {
  const counts = new Int32Array(c.T);
  let objective = 0;
  let hardViolation = 0;
  for (let e = 0; e < c.E; e++) {
    objective += rowSoft(c, a, e);
    hardViolation += rowHard(c, a, e, counts);
  }
  const cover = new Int32Array(c.H * c.T);
  for (let e = 0; e < c.E; e++) {
    for (let d = 0; d < c.H; d++) {
      const v = a[e * c.H + d] ?? -1;
      if (v >= 0) cover[d * c.T + v] = (cover[d * c.T + v] ?? 0) + 1;
    }
  }
  for (let k = 0; k < c.H * c.T; k++) objective += coverCellCost(c, k, cover[k] ?? 0);
  for (let i = 0; i < c.linear.length; i++) hardViolation += linearViolation(c, a, i);
  return { objective, hardViolation, feasible: hardViolation < 1e-9 };
}

/** The engine's own evaluation of a roster (objective and hard-rule violation). */
export function evaluateRoster(problem: RosterProblem, roster: Roster): Evaluation {
  const c = compile(problem);
  return evaluateAssign(c, fromRoster(c, roster));
}
