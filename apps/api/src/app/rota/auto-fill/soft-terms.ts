import type { ActivityCode, RotaPerson } from '@relais/api-types';
import { addDays, frenchPublicHolidayDates, isoWeekday, zonedInstant } from '@relais/rules';
import type { MinutesTarget } from '@relais/solver';
import { toZonedIso } from '../../../common/instant';
import { TIME_ZONE } from '../../../common/week';
import { type LessLiked, minutesOf, type PriorWork } from './planner-model';
import { WEIGHTS } from './weights';

export type { LessLiked, PriorWork } from './planner-model';

/**
 * The soft terms of auto-fill as pure functions: contract hours owed, less-liked windows and
 * the fairness history of the 4 weeks before the target week. Their weights are in `weights.ts`.
 */

export const LESS_LIKED: readonly LessLiked[] = ['weekend', 'late', 'outreach'];
export const LATE_AFTER = '18:00';

export function lessLikedKinds(
  date: string,
  startTime: string,
  endTime: string,
  activity: ActivityCode,
): LessLiked[] {
  const kinds: LessLiked[] = [];
  if (isoWeekday(date) >= 6) kinds.push('weekend');
  // A window ending past midnight is late too.
  if (endTime > LATE_AFTER || minutesOf(endTime) <= minutesOf(startTime)) kinds.push('late');
  if (activity === 'outreach') kinds.push('outreach');
  return kinds;
}

/**
 * Minutes a person's contract owes in the week of `monday`: a fifth of the weekly hours per
 * Monday–Friday day under contract, except public holidays and days of a whole-day absence (as
 * the CONTRACT_HOURS_UNDER rule counts them; partial unavailabilities are not deducted).
 */
export function owedWeekMinutes(person: RotaPerson, monday: string): number {
  const year = Number(monday.slice(0, 4));
  const holidays = new Set(frenchPublicHolidayDates(year, year + 1));
  let owed = 0;
  for (let i = 0; i < 5; i++) {
    const date = addDays(monday, i);
    if (holidays.has(date)) continue;
    const contract = person.contracts.find(
      (c) => c.start <= date && (c.end === null || c.end >= date),
    );
    if (!contract) continue;
    const absent = person.absences.some(
      (a) => a.start.length === 10 && a.start <= date && a.end.slice(0, 10) >= date,
    );
    if (!absent) owed += (contract.weeklyHours * 60) / 5;
  }
  return Math.round(owed);
}

/** Target of the solver: the owed minutes not yet planned, tiered by the share of the contract. */
export function contractTarget(owedMinutes: number, plannedMinutes: number): MinutesTarget {
  return {
    minutes: owedMinutes - plannedMinutes,
    unitMinutes: 60,
    under: [
      {
        units: Math.round((owedMinutes * WEIGHTS.contractUnderFirstShare) / 60),
        weight: WEIGHTS.contractUnderFirst,
      },
      { weight: WEIGHTS.contractUnderBeyond },
    ],
    weightOver: WEIGHTS.contractOver,
  };
}

/** A shift of the weeks before, as read from the database. */
export interface PriorShift {
  readonly personId: string;
  readonly start: Date;
  readonly end: Date;
  readonly breakMinutes: number;
  readonly activity: ActivityCode;
}

/** What a person worked in the 4 weeks before the target week. */
export const HISTORY_WEEKS = 4;

/** Each person's 4 weeks before `monday` (training counts as work time, never as a window). */
export function priorWork(
  people: readonly RotaPerson[],
  shifts: readonly PriorShift[],
  monday: string,
  timeZone = TIME_ZONE,
): Map<string, PriorWork> {
  const result = new Map<string, PriorWork>();
  for (const person of people) {
    const counts: Record<LessLiked, number> = { weekend: 0, late: 0, outreach: 0 };
    const perWeek = new Array<number>(HISTORY_WEEKS).fill(0);
    const firstMonday = addDays(monday, -7 * HISTORY_WEEKS);
    for (const shift of shifts) {
      if (shift.personId !== person.id) continue;
      const start = toZonedIso(shift.start, timeZone);
      const end = toZonedIso(shift.end, timeZone);
      const date = start.slice(0, 10);
      if (date < firstMonday || date >= monday) continue;
      const week = Math.floor(
        (zonedInstant(date, '12:00', timeZone) - zonedInstant(firstMonday, '12:00', timeZone)) /
          (7 * 86_400_000),
      );
      perWeek[week] =
        (perWeek[week] ?? 0) +
        (shift.end.getTime() - shift.start.getTime()) / 60_000 -
        shift.breakMinutes;
      if (shift.activity === 'training') continue;
      for (const kind of lessLikedKinds(
        date,
        start.slice(11, 16),
        end.slice(11, 16),
        shift.activity,
      ))
        counts[kind]++;
    }
    let minutesOverContract = 0;
    perWeek.forEach((minutes, week) => {
      // The contract in force on the Thursday stands for the week.
      const thursday = addDays(firstMonday, 7 * week + 3);
      const contract = person.contracts.find(
        (c) => c.start <= thursday && (c.end === null || c.end >= thursday),
      );
      if (contract) minutesOverContract += Math.max(0, minutes - contract.weeklyHours * 60);
    });
    result.set(person.id, { counts, minutesOverContract });
  }
  return result;
}

/** Cost of a person taking a window of these kinds, given their 4 weeks before. */
export function fairnessCost(prior: PriorWork | undefined, kinds: readonly LessLiked[]): number {
  if (!prior || kinds.length === 0) return 0;
  let cost = 0;
  for (const kind of kinds)
    cost += WEIGHTS.fairnessPerPrior * Math.min(WEIGHTS.fairnessPriorCap, prior.counts[kind]);
  const hoursOver = Math.ceil(prior.minutesOverContract / 60 - 1e-9);
  return cost + WEIGHTS.fairnessPerHourOver * Math.min(WEIGHTS.fairnessHoursOverCap, hoursOver);
}
