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

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch ms of the canonical ISO forms the API and `toISOString` produce
 * (`2026-12-01T08:00:00.000Z`, `2026-12-01T09:00:00+01:00`), or NaN when the string is not in
 * one of them or has a field where `Date.parse` would roll over; the caller then falls back to
 * the general path. Same value as `Date.parse` for every string it accepts.
 */
function parseCanonicalIso(s: string): number {
  const n = s.length;
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return NaN;
  if (
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hours = twoDigits(s, 11);
  const minutes = twoDigits(s, 14);
  const seconds = twoDigits(s, 17);
  if ((century | yy | month | day | hours | minutes | seconds) < 0) return NaN;
  const year = century * 100 + yy;
  // Years below 1000 and days past the month's end are left to Date.parse.
  if (year < 1000 || month < 1 || month > 12 || day < 1) return NaN;
  if (day > 28 && day > daysInMonth(year, month)) return NaN;
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(19) === 46) {
    // .
    const hundreds = s.charCodeAt(20) - 48;
    const rest = twoDigits(s, 21);
    if (hundreds < 0 || hundreds > 9 || rest < 0) return NaN;
    ms = hundreds * 100 + rest;
    i = 23;
  }
  let offset = 0;
  const sign = s.charCodeAt(i);
  if (sign === 90 && n === i + 1) {
    // Z
    offset = 0;
  } else if ((sign === 43 || sign === 45) && n === i + 6 && s.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(s, i + 1);
    const om = twoDigits(s, i + 4);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  const days = daysFromCivil(year, month, day);
  return (
    days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS + seconds * 1000 + ms - offset * MINUTE_MS
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`); equal to
 * `Date.UTC(year, month - 1, day) / DAY_MS` for years from 100 on.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Epoch milliseconds of an instant; throws a RangeError on an unreadable value. */
export function toEpochMs(instant: Instant): number {
  if (typeof instant === 'string') {
    const fast = parseCanonicalIso(instant);
    if (!Number.isNaN(fast)) return fast;
  }
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

// Hot-path caches. Every cached value is exactly what the uncached code computes; each cache is
// bounded and cleared when full, so results never depend on what was computed before.
const CACHE_LIMIT = 50_000;
/** Valid civil date → UTC midnight epoch ms. */
const utcDateCache = new Map<string, number>();
/** UTC day number (days since 1970-01-01) → civil date string. */
const dayNumberCache = new Map<number, CivilDate>();
/** Day numbers whose civil dates round-trip through `YYYY-MM-DD` (years 1000 to 9999). */
const FIRST_FAST_DAY = Date.UTC(1000, 0, 1) / DAY_MS;
const LAST_FAST_DAY = Date.UTC(9999, 11, 30) / DAY_MS;
/** Largest magnitude of a valid Date time value. */
const MAX_TIME_MS = 8.64e15;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Whether a string has the shape `dddd-dd-dd` (digits and two hyphens), valid or not. */
export function isCanonicalDate(value: string): boolean {
  if (value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether a string is a valid civil date `YYYY-MM-DD`. */
export function isCivilDate(value: string): boolean {
  if (utcDateCache.has(value)) return true;
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
  const cached = utcDateCache.get(date);
  if (cached !== undefined) return cached;
  const [y, mo, d] = dateParts(date);
  return remember(utcDateCache, date, Date.UTC(y, mo - 1, d));
}

/** UTC day number of an integer epoch ms within the Date range (exact, no rounding). */
function dayNumberOf(ms: number): number {
  let day = Math.floor(ms / DAY_MS);
  if (day * DAY_MS > ms) day--;
  else if ((day + 1) * DAY_MS <= ms) day++;
  return day;
}

function isPlainTime(ms: number): boolean {
  return Number.isInteger(ms) && Math.abs(ms) <= MAX_TIME_MS;
}

function dateOfDayNumber(day: number): CivilDate {
  const cached = dayNumberCache.get(day);
  if (cached !== undefined) return cached;
  return remember(dayNumberCache, day, new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/** The civil date (UTC calendar) of an epoch ms; same as `new Date(ms).toISOString().slice(0, 10)`. */
function fromUtcDate(ms: number): CivilDate {
  if (!isPlainTime(ms)) return new Date(ms).toISOString().slice(0, 10);
  return dateOfDayNumber(dayNumberOf(ms));
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
  return isoWeekdayOfDayNumber(Math.round(utcDate(date) / DAY_MS));
}

const OFFSET_STEP_MS = 15 * MINUTE_MS;
/** Slots of a zone's offset cache: one quarter hour per slot, a later one evicting an earlier. */
const OFFSET_SLOTS = 4096;

/** A zone's offsets by quarter hour, direct-mapped (a Map lookup costs more than the rules). */
interface OffsetTable {
  quarters: Float64Array;
  offsets: Float64Array;
}

/** Time zone → its offsets by quarter hour. */
const offsetTables = new Map<string, OffsetTable>();
let lastOffsetZone: string | undefined;
let lastOffsetTable: OffsetTable | undefined;

function offsetTable(timeZone: string): OffsetTable {
  if (timeZone === lastOffsetZone && lastOffsetTable !== undefined) return lastOffsetTable;
  let table = offsetTables.get(timeZone);
  if (table === undefined) {
    if (offsetTables.size >= 1_000) offsetTables.clear();
    table = {
      quarters: new Float64Array(OFFSET_SLOTS).fill(Number.NaN),
      offsets: new Float64Array(OFFSET_SLOTS),
    };
    offsetTables.set(timeZone, table);
  }
  lastOffsetZone = timeZone;
  lastOffsetTable = table;
  return table;
}

function zoneCache<K, V>(caches: Map<string, Map<K, V>>, timeZone: string): Map<K, V> {
  let cache = caches.get(timeZone);
  if (cache === undefined) {
    if (caches.size >= 1_000) caches.clear();
    cache = new Map();
    caches.set(timeZone, cache);
  }
  return cache;
}

/** UTC offset in minutes of the time zone at an instant (60 or 120 for Europe/Paris). */
export function offsetMinutes(ms: number, timeZone: string): number {
  // Zones change offset on quarter-hour boundaries, so one lookup per quarter hour is exact;
  // the cache keeps live checks (while dragging a shift) fast.
  const table = offsetTable(timeZone);
  const key = Math.floor(ms / OFFSET_STEP_MS);
  // NaN (an instant out of range) never equals a stored quarter: looked up every time.
  const slot = key & (OFFSET_SLOTS - 1);
  if (table.quarters[slot] === key) return table.offsets[slot];
  const offset = tzOffset(timeZone, new Date(ms));
  if (!Number.isFinite(offset)) {
    throw new RangeError(`Fuseau horaire inconnu : ${timeZone}`);
  }
  table.quarters[slot] = key;
  table.offsets[slot] = offset;
  return offset;
}

/** The civil date of an instant in the time zone (the `date` of {@link wallClock}). */
export function localDate(ms: number, timeZone: string): CivilDate {
  const local = ms + offsetMinutes(ms, timeZone) * MINUTE_MS;
  return fromUtcDate(local);
}

/**
 * The UTC day number (days since 1970-01-01) of the civil date of an instant, or NaN outside
 * years 1000 to 9999, where dates and day numbers are in the same order. For loops over days.
 */
export function localDayNumber(ms: number, timeZone: string): number {
  const local = ms + offsetMinutes(ms, timeZone) * MINUTE_MS;
  if (!isPlainTime(local)) return Number.NaN;
  const day = dayNumberOf(local);
  return day >= FIRST_FAST_DAY && day <= LAST_FAST_DAY ? day : Number.NaN;
}

/** The civil date of a UTC day number (see {@link localDayNumber}). */
export function civilDateOfDayNumber(day: number): CivilDate {
  return dateOfDayNumber(day);
}

/** Wall-clock fields of an instant in the time zone. */
export function wallClock(
  ms: number,
  timeZone: string,
): { date: CivilDate; hours: number; minutes: number } {
  const local = ms + offsetMinutes(ms, timeZone) * MINUTE_MS;
  if (isPlainTime(local)) {
    // Integers in range need no Date object: the same fields, by arithmetic.
    const day = dayNumberOf(local);
    const inDay = local - day * DAY_MS;
    return {
      date: dateOfDayNumber(day),
      hours: Math.floor(inDay / HOUR_MS),
      minutes: Math.floor((inDay % HOUR_MS) / MINUTE_MS),
    };
  }
  const d = new Date(local);
  return {
    date: d.toISOString().slice(0, 10),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
  };
}

/** The civil date of an instant in the time zone. */
export function civilDate(instant: Instant, timeZone: string): CivilDate {
  return localDate(toEpochMs(instant), timeZone);
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
  const first = wall - before * MINUTE_MS;
  const second = wall - after * MINUTE_MS;
  const firstValid = wall - offsetMinutes(first, timeZone) * MINUTE_MS === first;
  const secondValid = wall - offsetMinutes(second, timeZone) * MINUTE_MS === second;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  return first;
}

/** Time zone → civil date → local midnight. */
const midnightCache = new Map<string, Map<string, number>>();

/** The instant a civil day starts (local midnight). */
export function startOfCivilDay(date: CivilDate, timeZone: string): number {
  const cache = zoneCache(midnightCache, timeZone);
  const cached = cache.get(date);
  if (cached !== undefined) return cached;
  return remember(cache, date, zonedInstant(date, '00:00', timeZone));
}

/** {@link dayBucket} from a cache: the caller must not modify the result. */
export function sharedDayBucket(date: CivilDate, timeZone: string): Readonly<DayBucket> {
  const day = utcDate(date) / DAY_MS;
  if (day >= FIRST_FAST_DAY && day <= LAST_FAST_DAY) {
    return cachedDayBucket(dayBucketTable(timeZone), day, timeZone);
  }
  return dayBucket(date, timeZone);
}

/** The civil day with its real bounds (a daylight-saving day lasts 23 or 25 hours). */
export function dayBucket(date: CivilDate, timeZone: string): DayBucket {
  return {
    date,
    start: startOfCivilDay(date, timeZone),
    end: startOfCivilDay(addDays(date, 1), timeZone),
  };
}

/** Slots of a zone's day table: one day per slot, a later one evicting an earlier. */
const DAY_SLOTS = 1024;

/** A zone's civil days with their real bounds by UTC day number, direct-mapped. */
interface DayBucketTable {
  days: Float64Array;
  buckets: (Readonly<DayBucket> | undefined)[];
}

/** Time zone → its days (see {@link dayBucket}). */
const dayBucketTables = new Map<string, DayBucketTable>();
let lastDayZone: string | undefined;
let lastDayTable: DayBucketTable | undefined;

function dayBucketTable(timeZone: string): DayBucketTable {
  if (timeZone === lastDayZone && lastDayTable !== undefined) return lastDayTable;
  let table = dayBucketTables.get(timeZone);
  if (table === undefined) {
    if (dayBucketTables.size >= 1_000) dayBucketTables.clear();
    table = {
      days: new Float64Array(DAY_SLOTS).fill(Number.NaN),
      buckets: new Array<Readonly<DayBucket> | undefined>(DAY_SLOTS).fill(undefined),
    };
    dayBucketTables.set(timeZone, table);
  }
  lastDayZone = timeZone;
  lastDayTable = table;
  return table;
}

/** The day of a UTC day number within the fast range (years 1000 to 9999). */
function cachedDayBucket(
  table: DayBucketTable,
  day: number,
  timeZone: string,
): Readonly<DayBucket> {
  const slot = day & (DAY_SLOTS - 1);
  const cached = table.buckets[slot];
  if (cached !== undefined && table.days[slot] === day) return cached;
  const date = dateOfDayNumber(day);
  const bucket = {
    date,
    start: startOfCivilDay(date, timeZone),
    end: startOfCivilDay(dateOfDayNumber(day + 1), timeZone),
  };
  table.days[slot] = day;
  table.buckets[slot] = bucket;
  return bucket;
}

/**
 * The UTC day number (see {@link localDayNumber}) of the one part {@link splitByCivilDay} gives
 * for an interval lying within a single civil day, or NaN (empty, over several days, or off the
 * fast path): no arrays.
 */
export function singleCivilDayNumber(interval: Interval, timeZone: string): number {
  if (interval.end <= interval.start) return Number.NaN;
  const local = interval.start + offsetMinutes(interval.start, timeZone) * MINUTE_MS;
  if (!isPlainTime(local)) return Number.NaN;
  const day = dayNumberOf(local);
  if (day < FIRST_FAST_DAY || day > LAST_FAST_DAY) return Number.NaN;
  const bucket = cachedDayBucket(dayBucketTable(timeZone), day, timeZone);
  return bucket.start <= interval.start && interval.end <= bucket.end ? day : Number.NaN;
}

/** The UTC day number of a civil date within years 1000 to 9999, else NaN. */
export function dayNumberOfDate(date: CivilDate): number {
  const day = utcDate(date) / DAY_MS;
  return day >= FIRST_FAST_DAY && day <= LAST_FAST_DAY ? day : Number.NaN;
}

/** Civil days touched by `[start, end)`, each clipped to the interval; a cross-midnight shift gives two. */
export function splitByCivilDay(interval: Interval, timeZone: string): DayBucket[] {
  const out: DayBucket[] = [];
  if (interval.end <= interval.start) return out;
  // Fast path on day numbers: the same days and bounds as the loop on dates below.
  const local = interval.start + offsetMinutes(interval.start, timeZone) * MINUTE_MS;
  if (isPlainTime(local)) {
    const table = dayBucketTable(timeZone);
    for (let day = dayNumberOf(local); day >= FIRST_FAST_DAY && day <= LAST_FAST_DAY; day++) {
      const bucket = cachedDayBucket(table, day, timeZone);
      if (bucket.start >= interval.end) return out;
      const start = Math.max(bucket.start, interval.start);
      const end = Math.min(bucket.end, interval.end);
      if (end > start) out.push({ date: bucket.date, start, end });
      // The next day starts where this one ends.
      if (bucket.end >= interval.end) return out;
    }
    out.length = 0;
  }
  let date = localDate(interval.start, timeZone);
  let dayStart = startOfCivilDay(date, timeZone);
  while (dayStart < interval.end) {
    const next = addDays(date, 1);
    const dayEnd = startOfCivilDay(next, timeZone);
    const start = Math.max(dayStart, interval.start);
    const end = Math.min(dayEnd, interval.end);
    if (end > start) out.push({ date, start, end });
    date = next;
    dayStart = dayEnd;
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

const isoWeekCache = new Map<CivilDate, string>();

/** ISO week (`2026-W49`) of a civil date. */
export function isoWeekOf(date: CivilDate): string {
  const cached = isoWeekCache.get(date);
  if (cached !== undefined) return cached;
  const { year, week } = isoWeekParts(date);
  return remember(isoWeekCache, date, formatIsoWeek(year, week));
}

/** Formats a year and week number as `2026-W09`. */
export function formatIsoWeek(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Number of ISO weeks in a year (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return isoWeekParts(`${String(year).padStart(4, '0')}-12-28`).week;
}

const mondayCache = new Map<string, CivilDate>();

/** Monday of an ISO week; throws a RangeError on a malformed or out-of-range week. */
export function mondayOfIsoWeek(week: string): CivilDate {
  const cached = mondayCache.get(week);
  if (cached !== undefined) return cached;
  const m = WEEK_RE.exec(week);
  const year = m ? Number(m[1]) : NaN;
  const num = m ? Number(m[2]) : NaN;
  if (!m || num < 1 || num > isoWeeksInYear(year)) {
    throw new RangeError(`Semaine ISO invalide : ${week}`);
  }
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const week1Monday = jan4 + 1 - isoWeekdayOfDayNumber(jan4);
  return remember(mondayCache, week, fromUtcDate((week1Monday + (num - 1) * 7) * DAY_MS));
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
  const range = sharedIsoWeek(week, timeZone);
  return { ...range, days: [...range.days] };
}

/** {@link parseIsoWeek} without the defensive copy: the caller must not modify the result. */
export function sharedIsoWeek(week: string, timeZone: string): Readonly<IsoWeekRange> {
  const key = `${timeZone}|${week}`;
  const cached = weekCache.get(key);
  if (cached) return cached;
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
  return range;
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
