import { frenchPublicHolidayDates } from './public-holidays';
import { addDays, CivilDate, civilDatesBetween, daysBetween, isoWeekday } from './zoned-time';

/** 2,5 jours ouvrables of paid leave per month worked (C. trav., art. L3141-3). */
export const PAID_LEAVE_DAYS_PER_MONTH = 2.5;
/** At most 30 jours ouvrables a reference period (art. L3141-3). */
export const PAID_LEAVE_MAX_DAYS = 30;

export interface DateSpan {
  start: CivilDate;
  /** Inclusive; null for an open-ended contract. */
  end: CivilDate | null;
}

export interface PaidLeaveBalanceInput {
  /** The person's contracts (any type): the months they cover are months worked. */
  contracts: readonly DateSpan[];
  /** Approved paid-leave absences. */
  taken: readonly DateSpan[];
  /** Leave requests waiting for a decision. */
  pending: readonly DateSpan[];
  /** The day the balance is computed for. */
  asOf: CivilDate;
}

export interface PaidLeaveBalanceFigures {
  /** The reference period holding `asOf`: 1 June → 31 May. */
  periodStart: CivilDate;
  periodEnd: CivilDate;
  acquiredDays: number;
  takenDays: number;
  pendingDays: number;
  remainingDays: number;
}

/**
 * The reference period holding a date: 1 June to 31 May, the default when no agreement sets
 * another (C. trav., art. R3141-4, under L3141-11).
 */
export function paidLeavePeriodOf(date: CivilDate): { start: CivilDate; end: CivilDate } {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '06-01' ? year : year - 1;
  return { start: `${startYear}-06-01`, end: `${startYear + 1}-05-31` };
}

/**
 * Jours ouvrables between two dates, both included: Monday to Saturday, public holidays left out
 * (a holiday falling in a leave is not a day of leave). Paid leave is counted in these days.
 */
export function joursOuvrables(start: CivilDate, end: CivilDate): number {
  if (end < start) return 0;
  const holidays = new Set(
    frenchPublicHolidayDates(Number(start.slice(0, 4)), Number(end.slice(0, 4))),
  );
  return civilDatesBetween(start, end).filter(
    (date) => isoWeekday(date) !== 7 && !holidays.has(date),
  ).length;
}

function overlapDays(span: DateSpan, from: CivilDate, to: CivilDate): number {
  const start = span.start > from ? span.start : from;
  const end = span.end === null || span.end > to ? to : span.end;
  return end < start ? 0 : daysBetween(start, end) + 1;
}

function ouvrablesWithin(spans: readonly DateSpan[], from: CivilDate, to: CivilDate): number {
  return spans.reduce((sum, span) => {
    const start = span.start > from ? span.start : from;
    const end = span.end === null || span.end > to ? to : span.end;
    return sum + joursOuvrables(start, end);
  }, 0);
}

/**
 * Paid leave over the reference period holding `asOf`. Leave is acquired at the end of each
 * month worked: a month of the period that has ended by `asOf` gives 2,5 days, pro rata of the
 * days a contract covers in it (a contract starting on the 16th of a 30-day month gives 1,25
 * days). Taken and pending leave count in jours ouvrables within the period. A fraction of a day
 * acquired is rounded up (art. L3141-7); 30 days at most.
 */
export function paidLeaveBalance(input: PaidLeaveBalanceInput): PaidLeaveBalanceFigures {
  const period = paidLeavePeriodOf(input.asOf);
  let acquired = 0;
  for (let month = period.start; month <= period.end; ) {
    const next = nextMonth(month);
    const last = addDays(next, -1);
    if (last > input.asOf) break;
    const monthDays = daysBetween(month, last) + 1;
    // Two contracts may meet within a month: count each day once.
    const covered = new Set<CivilDate>();
    for (const contract of input.contracts) {
      if (overlapDays(contract, month, last) === 0) continue;
      const start = contract.start > month ? contract.start : month;
      const end = contract.end === null || contract.end > last ? last : contract.end;
      for (const date of civilDatesBetween(start, end)) covered.add(date);
    }
    acquired += (PAID_LEAVE_DAYS_PER_MONTH * covered.size) / monthDays;
    month = next;
  }
  const acquiredDays = Math.min(PAID_LEAVE_MAX_DAYS, Math.ceil(acquired - 1e-9));
  const takenDays = ouvrablesWithin(input.taken, period.start, period.end);
  const pendingDays = ouvrablesWithin(input.pending, period.start, period.end);
  return {
    periodStart: period.start,
    periodEnd: period.end,
    acquiredDays,
    takenDays,
    pendingDays,
    remainingDays: acquiredDays - takenDays,
  };
}

function nextMonth(date: CivilDate): CivilDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * "solde insuffisant : 3 jours restants pour 5 demandés", or null when the balance covers the
 * request. A request beyond the balance is still accepted (leave by anticipation is the
 * employer's call); the words warn both the person and the manager who decides.
 */
export function leaveBalanceWarning(remainingDays: number, requestedDays: number): string | null {
  if (requestedDays <= remainingDays) return null;
  const left = Math.max(0, remainingDays);
  return `solde insuffisant : ${left} jour${left > 1 ? 's' : ''} restant${left > 1 ? 's' : ''} pour ${requestedDays} demandé${requestedDays > 1 ? 's' : ''}`;
}
