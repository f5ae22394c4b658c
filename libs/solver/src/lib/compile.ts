import type { MinutesTarget, Roster, RosterProblem } from './model';

/** "No limit" sentinel kept inside Int32 range so that typed arrays can hold it. */
export const NO_LIMIT = 1 << 30;

export interface CompiledLinear {
  readonly employees: Int32Array;
  readonly days: Int32Array;
  /** -1: any shift. */
  readonly shifts: Int32Array;
  readonly coefficients: Float64Array;
  readonly min: number;
  readonly max: number;
}

export interface CompiledTarget {
  readonly minutes: number;
  readonly unit: number;
  /** Units covered by each tier of the shortfall (Infinity for the last). */
  readonly tierUnits: readonly number[];
  readonly tierWeights: readonly number[];
  readonly over: number;
}

export interface CompiledSpread {
  /** Cells d * T + t of each group. */
  readonly groups: readonly Int32Array[];
  readonly free: number;
  readonly weight: number;
}

/**
 * Index-based, typed-array form of a {@link RosterProblem} shared by the local search, the MIP
 * builder and the engine's own evaluation, so the hot loops never touch strings or objects.
 */
export interface Compiled {
  readonly problem: RosterProblem;
  readonly H: number;
  readonly T: number;
  readonly E: number;
  readonly shiftLength: Int32Array;
  /** forbidden[a * T + b] = 1 when b may not follow a on the next period. */
  readonly forbidden: Uint8Array;
  readonly hasForbidden: boolean;
  readonly maxPerType: Int32Array;
  readonly minMinutes: Int32Array;
  readonly maxMinutes: Int32Array;
  readonly maxConsecutive: Int32Array;
  readonly minConsecutive: Int32Array;
  readonly minDaysOff: Int32Array;
  readonly maxWeekends: Int32Array;
  /** allowed[(e * H + d) * T + t] */
  readonly allowed: Uint8Array;
  /** Request cost of giving value v (t < T a shift, T off) to cell (e, d): [(e * H + d) * (T + 1) + v]. */
  readonly cellCost: Float64Array;
  /** Cover data per (d * T + t); hasCover 0 means no demand and no cost. */
  readonly coverReq: Int32Array;
  readonly coverUnder: Float64Array;
  readonly coverOver: Float64Array;
  readonly hasCover: Uint8Array;
  /** Weekend index of each period, -1 outside weekends. */
  readonly weekendOf: Int32Array;
  readonly weekendCount: number;
  readonly edgeExempt: boolean;
  readonly linear: readonly CompiledLinear[];
  /** Indexes into `linear` of the constraints that mention employee e. */
  readonly linearByEmployee: readonly (readonly number[])[];
  /** Soft minutes target of each employee, if any. */
  readonly targets: readonly (CompiledTarget | undefined)[];
  /** Soft group spread of each employee, if any. */
  readonly spreads: readonly (CompiledSpread | undefined)[];
  /** Whether any employee has a target or a spread (skips their work in the hot loops). */
  readonly hasEmployeeSoft: boolean;
}

function lookup(map: Map<string, number>, key: string, what: string): number {
  const index = map.get(key);
  if (index === undefined) throw new Error(`Unknown ${what} "${key}"`);
  return index;
}

function checkDay(day: number, H: number): void {
  if (!Number.isInteger(day) || day < 0 || day >= H)
    throw new Error(`Period ${day} outside 0..${H - 1}`);
}

export function defaultWeekends(horizon: number): number[][] {
  const weekends: number[][] = [];
  for (let saturday = 5; saturday < horizon; saturday += 7) {
    weekends.push(saturday + 1 < horizon ? [saturday, saturday + 1] : [saturday]);
  }
  return weekends;
}

export function compile(problem: RosterProblem): Compiled {
  const H = problem.horizon;
  const T = problem.shiftTypes.length;
  const E = problem.employees.length;
  if (!Number.isInteger(H) || H <= 0) throw new Error('horizon must be a positive integer');
  const shiftIndex = new Map<string, number>();
  problem.shiftTypes.forEach((s, i) => {
    if (shiftIndex.has(s.id)) throw new Error(`Duplicate shift type "${s.id}"`);
    shiftIndex.set(s.id, i);
  });
  const employeeIndex = new Map<string, number>();
  problem.employees.forEach((e, i) => {
    if (employeeIndex.has(e.id)) throw new Error(`Duplicate employee "${e.id}"`);
    employeeIndex.set(e.id, i);
  });

  const shiftLength = Int32Array.from(problem.shiftTypes, (s) => s.lengthMinutes);
  const forbidden = new Uint8Array(T * T);
  for (const f of problem.forbiddenSuccessions ?? []) {
    forbidden[
      lookup(shiftIndex, f.first, 'shift type') * T + lookup(shiftIndex, f.second, 'shift type')
    ] = 1;
  }

  const maxPerType = new Int32Array(E * T).fill(NO_LIMIT);
  const minMinutes = new Int32Array(E);
  const maxMinutes = new Int32Array(E).fill(NO_LIMIT);
  const maxConsecutive = new Int32Array(E).fill(NO_LIMIT);
  const minConsecutive = new Int32Array(E).fill(1);
  const minDaysOff = new Int32Array(E).fill(1);
  const maxWeekends = new Int32Array(E).fill(NO_LIMIT);
  const allowed = new Uint8Array(E * H * T).fill(1);

  problem.employees.forEach((emp, e) => {
    for (const [id, max] of Object.entries(emp.maxShifts ?? {})) {
      const t = lookup(shiftIndex, id, 'shift type');
      maxPerType[e * T + t] = max;
      if (max <= 0) for (let d = 0; d < H; d++) allowed[(e * H + d) * T + t] = 0;
    }
    if (emp.minTotalMinutes !== undefined) minMinutes[e] = emp.minTotalMinutes;
    if (emp.maxTotalMinutes !== undefined) maxMinutes[e] = emp.maxTotalMinutes;
    if (emp.maxConsecutiveShifts !== undefined) maxConsecutive[e] = emp.maxConsecutiveShifts;
    if (emp.minConsecutiveShifts !== undefined)
      minConsecutive[e] = Math.max(1, emp.minConsecutiveShifts);
    if (emp.minConsecutiveDaysOff !== undefined)
      minDaysOff[e] = Math.max(1, emp.minConsecutiveDaysOff);
    if (emp.maxWeekends !== undefined) maxWeekends[e] = emp.maxWeekends;
    for (const d of emp.daysOff ?? []) {
      checkDay(d, H);
      for (let t = 0; t < T; t++) allowed[(e * H + d) * T + t] = 0;
    }
    for (const u of emp.unavailable ?? []) {
      checkDay(u.day, H);
      allowed[(e * H + u.day) * T + lookup(shiftIndex, u.shift, 'shift type')] = 0;
    }
  });

  const targets = problem.employees.map((emp) => compileTarget(emp.minutesTarget));
  const spreads = problem.employees.map((emp) => {
    const spread = emp.spread;
    if (!spread || spread.weight <= 0) return undefined;
    const groups = spread.groups
      .map((cells) =>
        Int32Array.from(cells, (cell) => {
          checkDay(cell.day, H);
          return cell.day * T + lookup(shiftIndex, cell.shift, 'shift type');
        }),
      )
      .filter((group) => group.length > 0);
    if (groups.length <= spread.free) return undefined;
    return { groups, free: Math.max(0, spread.free), weight: spread.weight };
  });

  const cellCost = new Float64Array(E * H * (T + 1));
  for (const r of problem.shiftOnRequests ?? []) {
    const e = lookup(employeeIndex, r.employee, 'employee');
    const t = lookup(shiftIndex, r.shift, 'shift type');
    checkDay(r.day, H);
    const base = (e * H + r.day) * (T + 1);
    for (let v = 0; v <= T; v++) if (v !== t) cellCost[base + v] += r.weight;
  }
  for (const r of problem.shiftOffRequests ?? []) {
    const e = lookup(employeeIndex, r.employee, 'employee');
    const t = lookup(shiftIndex, r.shift, 'shift type');
    checkDay(r.day, H);
    cellCost[(e * H + r.day) * (T + 1) + t] += r.weight;
  }

  const coverReq = new Int32Array(H * T);
  const coverUnder = new Float64Array(H * T);
  const coverOver = new Float64Array(H * T);
  const hasCover = new Uint8Array(H * T);
  for (const c of problem.cover) {
    checkDay(c.day, H);
    const k = c.day * T + lookup(shiftIndex, c.shift, 'shift type');
    if (hasCover[k]) throw new Error(`Duplicate cover for period ${c.day} shift ${c.shift}`);
    hasCover[k] = 1;
    coverReq[k] = c.requirement;
    coverUnder[k] = c.weightUnder;
    coverOver[k] = c.weightOver;
  }

  const weekendOf = new Int32Array(H).fill(-1);
  const weekends = problem.weekends ?? defaultWeekends(H);
  weekends.forEach((days, w) => {
    for (const d of days) {
      checkDay(d, H);
      weekendOf[d] = w;
    }
  });

  const linear: CompiledLinear[] = [];
  const linearByEmployee: number[][] = Array.from({ length: E }, () => []);
  for (const lc of problem.linearConstraints ?? []) {
    const n = lc.terms.length;
    const compiled: CompiledLinear = {
      employees: new Int32Array(n),
      days: new Int32Array(n),
      shifts: new Int32Array(n),
      coefficients: new Float64Array(n),
      min: lc.min ?? -Infinity,
      max: lc.max ?? Infinity,
    };
    lc.terms.forEach((term, i) => {
      const e = lookup(employeeIndex, term.employee, 'employee');
      checkDay(term.day, H);
      compiled.employees[i] = e;
      compiled.days[i] = term.day;
      compiled.shifts[i] =
        term.shift === undefined ? -1 : lookup(shiftIndex, term.shift, 'shift type');
      compiled.coefficients[i] = term.coefficient;
      const list = linearByEmployee[e];
      if (list !== undefined && list[list.length - 1] !== linear.length) list.push(linear.length);
    });
    linear.push(compiled);
  }
  for (const list of linearByEmployee) list.sort((a, b) => a - b);

  return {
    problem,
    H,
    T,
    E,
    shiftLength,
    forbidden,
    hasForbidden: forbidden.some((f) => f === 1),
    maxPerType,
    minMinutes,
    maxMinutes,
    maxConsecutive,
    minConsecutive,
    minDaysOff,
    maxWeekends,
    allowed,
    cellCost,
    coverReq,
    coverUnder,
    coverOver,
    hasCover,
    weekendOf,
    weekendCount: weekends.length,
    edgeExempt: (problem.edgeBlocks ?? 'exempt') === 'exempt',
    linear,
    linearByEmployee: linearByEmployee.map((l) => [...new Set(l)]),
    targets,
    spreads,
    hasEmployeeSoft: targets.some((t) => t !== undefined) || spreads.some((s) => s !== undefined),
  };
}

function compileTarget(target: MinutesTarget | undefined): CompiledTarget | undefined {
  if (!target) return undefined;
  const unit = target.unitMinutes ?? 60;
  if (!(unit > 0)) throw new Error('unitMinutes must be positive');
  const tierUnits: number[] = [];
  const tierWeights: number[] = [];
  target.under.forEach((tier, i) => {
    const last = i === target.under.length - 1;
    const units = last ? Infinity : Math.max(0, Math.floor(tier.units ?? 0));
    const previous = tierWeights[tierWeights.length - 1];
    if (previous !== undefined && tier.weight < previous)
      throw new Error('minutesTarget.under weights must not decrease');
    if (units > 0) {
      tierUnits.push(units);
      tierWeights.push(tier.weight);
    }
  });
  const over = target.weightOver ?? 0;
  if (tierWeights.every((w) => w === 0) && over === 0) return undefined;
  return { minutes: target.minutes, unit, tierUnits, tierWeights, over };
}

/** Internal roster: assign[e * H + d] is a shift index or -1 when off. */
export type Assign = Int16Array;

export function toRoster(c: Compiled, assign: Assign): Roster {
  const assignments: (string | null)[][] = [];
  for (let e = 0; e < c.E; e++) {
    const row: (string | null)[] = [];
    for (let d = 0; d < c.H; d++) {
      const v = assign[e * c.H + d] ?? -1;
      row.push(v < 0 ? null : (c.problem.shiftTypes[v]?.id ?? null));
    }
    assignments.push(row);
  }
  return { assignments };
}

export function fromRoster(c: Compiled, roster: Roster): Assign {
  const index = new Map(c.problem.shiftTypes.map((s, i) => [s.id, i]));
  const assign = new Int16Array(c.E * c.H).fill(-1);
  roster.assignments.forEach((row, e) => {
    row.forEach((id, d) => {
      if (id !== null) assign[e * c.H + d] = lookup(index, id, 'shift type');
    });
  });
  return assign;
}
