import { tzOffset } from '@date-fns/tz';

/** An instant as an ISO 8601 string with offset (`2026-12-01T09:00:00+01:00`) or epoch milliseconds. */
export type Instant = string | number;

/** A civil date `YYYY-MM-DD` in the organisation's time zone. */
export type CivilDate = string;

/** A civil interval `[start, end)` in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A civil day with its real bounds (23, 24 or 25 hours long). */
export interface DayBucket extends Interval {
  date: CivilDate;
}

/** An ISO week (Monday first) with its civil days and real bounds. */
export interface IsoWeekRange extends Interval {
  /** `2026-W49`. */
  week: string;
  monday: CivilDate;
  sunday: CivilDate;
  days: CivilDate[];
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const OFFSET_RE = /T.*(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an instant; throws a RangeError on an unreadable value. */
export function toEpochMs(instant: Instant): number {
  // A string without an offset would be read in the runtime's zone, so the browser and the API
  // could disagree: it is refused.
  if (typeof instant === 'string' && !OFFSET_RE.test(instant)) {
    throw new RangeError(`Instant sans fuseau : ${instant}`);
  }
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Instant invalide : ${String(instant)}`);
  }
  return ms;
}

/** Whether a string is a valid civil date `YYYY-MM-DD`. */
export function isCivilDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function dateParts(date: CivilDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m || !isCivilDate(date)) {
    throw new RangeError(`Date invalide : ${date}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function utcDate(date: CivilDate): number {
  const [y, mo, d] = dateParts(date);
  return Date.UTC(y, mo - 1, d);
}

function fromUtcDate(ms: number): CivilDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The civil date `days` days after `date` (negative to go back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcDate(utcDate(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((utcDate(to) - utcDate(from)) / DAY_MS);
}

/** The civil date `months` months after `date`, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, mo, d] = dateParts(date);
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return fromUtcDate(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  const day = new Date(utcDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

const OFFSET_STEP_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, number>();

/** UTC offset in minutes of the time zone at an instant (60 or 120 for Europe/Paris). */
export function offsetMinutes(ms: number, timeZone: string): number {
  // Zones change offset on quarter-hour boundaries, so one lookup per quarter hour is exact;
  // the cache keeps live checks (while dragging a shift) fast.
  const key = `${timeZone}|${Math.floor(ms / OFFSET_STEP_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = tzOffset(timeZone, new Date(ms));
  if (!Number.isFinite(offset)) {
    throw new RangeError(`Fuseau horaire inconnu : ${timeZone}`);
  }
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Wall-clock fields of an instant in the time zone. */
export function wallClock(
  ms: number,
  timeZone: string,
): { date: CivilDate; hours: number; minutes: number } {
  const local = new Date(ms + offsetMinutes(ms, timeZone) * MINUTE_MS);
  return {
    date: local.toISOString().slice(0, 10),
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes(),
  };
}

/** The civil date of an instant in the time zone. */
export function civilDate(instant: Instant, timeZone: string): CivilDate {
  return wallClock(toEpochMs(instant), timeZone).date;
}

/**
 * The instant of a wall-clock time on a civil date. A time skipped by a spring-forward change
 * resolves after the change; an ambiguous autumn time resolves to its first occurrence.
 */
export function zonedInstant(date: CivilDate, time: string, timeZone: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Heure invalide : ${time}`);
  const wall = utcDate(date) + Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS;
  const before = offsetMinutes(wall - 12 * HOUR_MS, timeZone);
  const after = offsetMinutes(wall + 12 * HOUR_MS, timeZone);
  const valid = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((c) => wall - offsetMinutes(c, timeZone) * MINUTE_MS === c);
  return valid.length > 0 ? Math.min(...valid) : wall - before * MINUTE_MS;
}

/** The instant a civil day starts (local midnight). */
export function startOfCivilDay(date: CivilDate, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  const cached = midnightCache.get(key);
  if (cached !== undefined) return cached;
  const ms = zonedInstant(date, '00:00', timeZone);
  if (midnightCache.size > 50_000) midnightCache.clear();
  midnightCache.set(key, ms);
  return ms;
}

const midnightCache = new Map<string, number>();

/** The civil day with its real bounds (a daylight-saving day lasts 23 or 25 hours). */
export function dayBucket(date: CivilDate, timeZone: string): DayBucket {
  return {
    date,
    start: startOfCivilDay(date, timeZone),
    end: startOfCivilDay(addDays(date, 1), timeZone),
  };
}

/** Civil days touched by `[start, end)`, each clipped to the interval; a cross-midnight shift gives two. */
export function splitByCivilDay(interval: Interval, timeZone: string): DayBucket[] {
  const out: DayBucket[] = [];
  if (interval.end <= interval.start) return out;
  let date = wallClock(interval.start, timeZone).date;
  for (;;) {
    const day = dayBucket(date, timeZone);
    if (day.start >= interval.end) break;
    const start = Math.max(day.start, interval.start);
    const end = Math.min(day.end, interval.end);
    if (end > start) out.push({ date, start, end });
    date = addDays(date, 1);
  }
  return out;
}

function isoWeekdayOfDayNumber(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function isoWeekParts(date: CivilDate): { year: number; week: number } {
  const dayNumber = utcDate(date) / DAY_MS;
  const thursday = dayNumber + 4 - isoWeekdayOfDayNumber(dayNumber);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** ISO week (`2026-W49`) of a civil date. */
export function isoWeekOf(date: CivilDate): string {
  const { year, week } = isoWeekParts(date);
  return formatIsoWeek(year, week);
}

/** Formats a year and week number as `2026-W09`. */
export function formatIsoWeek(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Number of ISO weeks in a year (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return isoWeekParts(`${String(year).padStart(4, '0')}-12-28`).week;
}

/** Monday of an ISO week; throws a RangeError on a malformed or out-of-range week. */
export function mondayOfIsoWeek(week: string): CivilDate {
  const m = WEEK_RE.exec(week);
  const year = m ? Number(m[1]) : NaN;
  const num = m ? Number(m[2]) : NaN;
  if (!m || num < 1 || num > isoWeeksInYear(year)) {
    throw new RangeError(`Semaine ISO invalide : ${week}`);
  }
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const week1Monday = jan4 + 1 - isoWeekdayOfDayNumber(jan4);
  return fromUtcDate((week1Monday + (num - 1) * 7) * DAY_MS);
}

/** Whether a string is a valid ISO week `YYYY-Www`. */
export function isIsoWeek(value: string): boolean {
  try {
    mondayOfIsoWeek(value);
    return true;
  } catch {
    return false;
  }
}

const weekCache = new Map<string, IsoWeekRange>();

/** An ISO week's civil days and real bounds (167, 168 or 169 hours). */
export function parseIsoWeek(week: string, timeZone: string): IsoWeekRange {
  const key = `${timeZone}|${week}`;
  const cached = weekCache.get(key);
  if (cached) return { ...cached, days: [...cached.days] };
  const monday = mondayOfIsoWeek(week);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const range = {
    week,
    monday,
    sunday: days[6],
    days,
    start: startOfCivilDay(monday, timeZone),
    end: startOfCivilDay(addDays(monday, 7), timeZone),
  };
  if (weekCache.size > 5_000) weekCache.clear();
  weekCache.set(key, range);
  return { ...range, days: [...days] };
}

/** The ISO week containing an instant in the time zone. */
export function isoWeekOfInstant(instant: Instant, timeZone: string): string {
  return isoWeekOf(civilDate(instant, timeZone));
}

/** The ISO week `offset` weeks after `week`. */
export function addIsoWeeks(week: string, offset: number): string {
  if (offset === 0) {
    mondayOfIsoWeek(week);
    return week;
  }
  return isoWeekOf(addDays(mondayOfIsoWeek(week), offset * 7));
}

/** Every civil date from `from` to `to`, both included. */
export function civilDatesBetween(from: CivilDate, to: CivilDate): CivilDate[] {
  const out: CivilDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Overlap length in ms of two intervals (0 when disjoint). */
export function overlapMs(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The civil days of an ISO week as an evaluation window (Monday to Sunday). */
export function windowOfIsoWeek(week: string): { from: CivilDate; to: CivilDate } {
  const monday = mondayOfIsoWeek(week);
  return { from: monday, to: addDays(monday, 6) };
}
