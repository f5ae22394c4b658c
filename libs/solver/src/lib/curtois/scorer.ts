import type { CurtoisInstance } from './parser';

export interface CurtoisScore {
  readonly objective: number;
  readonly feasible: boolean;
  /** One human-readable line per broken hard rule. */
  readonly violations: readonly string[];
}

/**
 * Independent scorer for the Curtois & Qu benchmark, written straight from the format's
 * definition and deliberately sharing nothing with the engine's evaluation, so that the
 * benchmark figures do not trust the engine. `roster[e][d]` is a shift id, or '' / null for off,
 * in the file's staff order.
 */
export function scoreCurtois(
  instance: CurtoisInstance,
  roster: readonly (readonly (string | null)[])[],
): CurtoisScore {
  const violations: string[] = [];
  let objective = 0;
  const H = instance.horizon;
  const shiftById = new Map(instance.shifts.map((s) => [s.id, s]));
  if (roster.length !== instance.staff.length) {
    violations.push(`roster has ${roster.length} rows for ${instance.staff.length} employees`);
  }
  const shiftOf = (e: number, d: number): string | null => {
    const value = roster[e]?.[d];
    return value === undefined || value === null || value === '' ? null : value;
  };
  const rowIndex = new Map(instance.staff.map((s, i) => [s.id, i]));

  instance.staff.forEach((emp, e) => {
    const row = roster[e] ?? [];
    if (row.length !== H) violations.push(`${emp.id}: ${row.length} days instead of ${H}`);
    const worked: boolean[] = [];
    let minutes = 0;
    const perShift = new Map<string, number>();
    for (let d = 0; d < H; d++) {
      const s = shiftOf(e, d);
      worked.push(s !== null);
      if (s === null) continue;
      const shift = shiftById.get(s);
      if (shift === undefined) {
        violations.push(`${emp.id} day ${d}: unknown shift ${s}`);
        continue;
      }
      minutes += shift.minutes;
      perShift.set(s, (perShift.get(s) ?? 0) + 1);
      const next = d + 1 < H ? shiftOf(e, d + 1) : null;
      if (next !== null && shift.cannotFollow.includes(next)) {
        violations.push(`${emp.id} day ${d}: ${next} cannot follow ${s}`);
      }
    }
    for (const [s, n] of perShift) {
      const max = emp.maxShifts[s];
      if (max !== undefined && n > max) violations.push(`${emp.id}: ${n} × ${s} > max ${max}`);
    }
    if (minutes > emp.maxTotalMinutes)
      violations.push(`${emp.id}: ${minutes} min > ${emp.maxTotalMinutes}`);
    if (minutes < emp.minTotalMinutes)
      violations.push(`${emp.id}: ${minutes} min < ${emp.minTotalMinutes}`);

    // Blocks touching day 0 or the last day may continue outside the horizon: only their maximum
    // length is checked, as in the published model.
    let start = 0;
    while (start < H) {
      let end = start;
      while (end + 1 < H && worked[end + 1] === worked[start]) end++;
      const length = end - start + 1;
      const inner = start > 0 && end < H - 1;
      if (worked[start]) {
        if (length > emp.maxConsecutiveShifts) {
          violations.push(
            `${emp.id}: ${length} shifts in a row from day ${start} > ${emp.maxConsecutiveShifts}`,
          );
        }
        if (inner && length < emp.minConsecutiveShifts) {
          violations.push(
            `${emp.id}: ${length} shifts in a row from day ${start} < ${emp.minConsecutiveShifts}`,
          );
        }
      } else if (inner && length < emp.minConsecutiveDaysOff) {
        violations.push(
          `${emp.id}: ${length} days off from day ${start} < ${emp.minConsecutiveDaysOff}`,
        );
      }
      start = end + 1;
    }

    let weekends = 0;
    for (let saturday = 5; saturday < H; saturday += 7) {
      if (worked[saturday] || (saturday + 1 < H && worked[saturday + 1])) weekends++;
    }
    if (weekends > emp.maxWeekends)
      violations.push(`${emp.id}: ${weekends} weekends > ${emp.maxWeekends}`);
  });

  for (const entry of instance.daysOff) {
    const e = rowIndex.get(entry.employee);
    if (e === undefined) continue;
    for (const d of entry.days) {
      if (shiftOf(e, d) !== null) violations.push(`${entry.employee} works on day off ${d}`);
    }
  }

  for (const r of instance.onRequests) {
    const e = rowIndex.get(r.employee);
    if (e !== undefined && shiftOf(e, r.day) !== r.shift) objective += r.weight;
  }
  for (const r of instance.offRequests) {
    const e = rowIndex.get(r.employee);
    if (e !== undefined && shiftOf(e, r.day) === r.shift) objective += r.weight;
  }
  for (const c of instance.cover) {
    let count = 0;
    for (let e = 0; e < instance.staff.length; e++) if (shiftOf(e, c.day) === c.shift) count++;
    if (count < c.requirement) objective += (c.requirement - count) * c.weightUnder;
    if (count > c.requirement) objective += (count - c.requirement) * c.weightOver;
  }

  return { objective, feasible: violations.length === 0, violations };
}
