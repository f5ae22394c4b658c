import { formatWeek } from './french-format';
import { ContractPeriod, PersonComplianceInput } from './person-input';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { buildTimeline, TimedItem, WorkTimeline } from './work-timeline';
import {
  addIsoWeeks,
  CivilDate,
  civilDatesBetween,
  dayBucket,
  DayBucket,
  dayNumberOfDate,
  Interval,
  isCivilDate,
  isoWeekday,
  isoWeekOf,
  IsoWeekRange,
  MINUTE_MS,
  parseIsoWeek,
  sharedDayBucket,
  sharedIsoWeek,
  splitByCivilDay,
} from './zoned-time';

/** Values derived on first use by the rules that need them (never mutated once built). */
export interface PersonMemo {
  workingDays?: { date: CivilDate; items: TimedItem[] }[];
  mergedWork?: Interval[];
  worstAverage?: { value: unknown };
  absences?: Interval[];
  segmentPartsByDay?: Map<CivilDate, DayBucket[]>;
  itemIndex?: Map<TimedItem, number>;
  /** Earliest start and latest end of the work segments (empty when start ≥ end). */
  workBounds?: Interval;
  /** {@link weekItemIds} by ISO week. */
  weekItemIds?: Map<string, readonly string[]>;
  /** {@link weekMinutes} by ISO week. */
  weekMinutes?: Map<string, number>;
  /** Contract covering most days of an ISO week, by week (part-time rules). */
  weekContracts?: Map<string, ContractPeriod | undefined>;
}

/** Everything computed once per person and shared by the rules. */
export interface PersonContext {
  input: PersonComplianceInput;
  personId: string;
  settings: RuleSettings;
  timeZone: string;
  timeline: WorkTimeline;
  minutesByDay: Map<CivilDate, number>;
  /** The largest value of `minutesByDay`, 0 when it is empty. */
  maxDayMinutes: number;
  idsByDay: Map<CivilDate, string[]>;
  windowDays: CivilDate[];
  windowDaySet: Set<CivilDate>;
  /** Position of each window day in `windowDays`. */
  windowDayIndex: ReadonlyMap<CivilDate, number>;
  /** ISO weekday (1 = Monday) of each window day. */
  windowWeekdays: readonly number[];
  /** UTC day number of the window's first day (NaN off the fast range): windowDays[i] is +i. */
  windowFirstDay: number;
  windowWeeks: IsoWeekRange[];
  holidays: ReadonlyMap<CivilDate, string>;
  /**
   * Civil-day parts of each timeline item (see {@link splitByCivilDay}); empty for an item that
   * cannot touch a day of the window's weeks (the rules only look at those days).
   */
  itemParts: (readonly DayBucket[])[];
  /** Earliest start and latest end of the days of the window's weeks. */
  weeksBounds: Interval;
  /** Civil-day parts of the work segments, in segment order. */
  segmentParts: DayBucket[];
  memo: PersonMemo;
}

/** Builds the shared per-person context; throws a RangeError on an invalid window. */
export function buildPersonContext(input: PersonComplianceInput): PersonContext {
  const settings = resolveRuleSettings(input.settings);
  const { from, to } = input.window;
  if (!isCivilDate(from) || !isCivilDate(to) || from > to) {
    throw new RangeError(`Période invalide : ${from} – ${to}`);
  }
  const timeZone = settings.timeZone;
  const timeline = buildTimeline(ownItems(input), settings);
  const {
    windowDays,
    windowDaySet,
    windowDayIndex,
    windowWeekdays,
    windowFirstDay,
    windowWeeks,
    weeksBounds,
  } = windowShape(from, to, timeZone);
  // Each segment and item is split by civil day once; the rules share the parts. The sums are
  // made in the same order as `minutesByDay` and `itemIdsByDay` of work-timeline.
  const minutesByDay = new Map<CivilDate, number>();
  const segmentParts: DayBucket[] = [];
  // A day's sum is kept in hand while its parts follow each other (the same additions).
  let date: CivilDate | undefined;
  let minutes = 0;
  for (const segment of timeline.segments) {
    for (const d of splitByCivilDay(segment, timeZone)) {
      if (d.date !== date) {
        if (date !== undefined) minutesByDay.set(date, minutes);
        date = d.date;
        minutes = minutesByDay.get(date) ?? 0;
      }
      minutes = minutes + (d.end - d.start) / MINUTE_MS;
      segmentParts.push(d);
    }
  }
  if (date !== undefined) minutesByDay.set(date, minutes);
  let maxDayMinutes = 0;
  for (const m of minutesByDay.values()) if (m > maxDayMinutes) maxDayMinutes = m;
  const itemParts: (readonly DayBucket[])[] = [];
  const idsByDay = new Map<CivilDate, string[]>();
  // The list of the day in hand is kept while its items follow each other.
  let idsDate: CivilDate | undefined;
  let dayIds: string[] = [];
  for (const t of timeline.items) {
    // A part lies inside its day, so an item outside the weeks' bounds has no part on their days.
    const parts = overlaps(t, weeksBounds) ? splitByCivilDay(t, timeZone) : NO_PARTS;
    itemParts.push(parts);
    for (const d of parts) {
      if (d.date !== idsDate) {
        idsDate = d.date;
        const ids = idsByDay.get(d.date);
        if (ids) dayIds = ids;
        else idsByDay.set(d.date, (dayIds = []));
      }
      dayIds.push(t.id);
    }
  }
  return {
    input,
    personId: input.personId,
    settings,
    timeZone,
    timeline,
    minutesByDay,
    maxDayMinutes,
    idsByDay,
    windowDays,
    windowDaySet,
    windowDayIndex,
    windowWeekdays,
    windowFirstDay,
    windowWeeks,
    holidays: sharedHolidayMap(settings, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)) + 1),
    itemParts,
    weeksBounds,
    segmentParts,
    // Every field from the start: one object shape for every person.
    memo: {
      workingDays: undefined,
      mergedWork: undefined,
      worstAverage: undefined,
      absences: undefined,
      segmentPartsByDay: undefined,
      itemIndex: undefined,
      workBounds: undefined,
      weekItemIds: undefined,
      weekMinutes: undefined,
      weekContracts: undefined,
    },
  };
}

const NO_PARTS: readonly DayBucket[] = Object.freeze([]);

function isOwn(
  input: PersonComplianceInput,
  item: PersonComplianceInput['items'][number],
): boolean {
  return item.personId === undefined || item.personId === null || item.personId === input.personId;
}

/** The items of the person or of nobody; the input's own list when it holds only those. */
function ownItems(input: PersonComplianceInput): PersonComplianceInput['items'] {
  for (const item of input.items) {
    if (!isOwn(input, item)) return input.items.filter((i) => isOwn(input, i));
  }
  return input.items;
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.end > b.start && a.start < b.end;
}

interface WindowShape {
  windowDays: CivilDate[];
  windowDaySet: Set<CivilDate>;
  windowDayIndex: ReadonlyMap<CivilDate, number>;
  windowWeekdays: readonly number[];
  windowFirstDay: number;
  windowWeeks: IsoWeekRange[];
  weeksBounds: Interval;
}

/** Window days and weeks by `zone|from|to`: every person of a check shares them (read-only). */
const windowShapes = new Map<string, WindowShape>();

/** The last shape asked for: a check of many people asks for the same one each time. */
let lastShape: { from: CivilDate; to: CivilDate; timeZone: string; shape: WindowShape } | undefined;

function windowShape(from: CivilDate, to: CivilDate, timeZone: string): WindowShape {
  if (lastShape?.from === from && lastShape.to === to && lastShape.timeZone === timeZone) {
    return lastShape.shape;
  }
  const shape = computeWindowShape(from, to, timeZone);
  lastShape = { from, to, timeZone, shape };
  return shape;
}

function computeWindowShape(from: CivilDate, to: CivilDate, timeZone: string): WindowShape {
  const key = `${timeZone}|${from}|${to}`;
  const cached = windowShapes.get(key);
  if (cached) return cached;
  const windowDays = civilDatesBetween(from, to);
  const windowWeeks: IsoWeekRange[] = [];
  const lastWeek = isoWeekOf(to);
  for (let w = isoWeekOf(from); ; w = addIsoWeeks(w, 1)) {
    windowWeeks.push(parseIsoWeek(w, timeZone));
    if (w === lastWeek) break;
  }
  // Bounds of every day of the weeks, without assuming days are in time order.
  const weeksBounds = { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  for (const w of windowWeeks) {
    for (const d of w.days) {
      const day = dayBucket(d, timeZone);
      weeksBounds.start = Math.min(weeksBounds.start, day.start);
      weeksBounds.end = Math.max(weeksBounds.end, day.end);
    }
  }
  const shape = {
    weeksBounds: Object.freeze(weeksBounds),
    windowDays: Object.freeze(windowDays) as CivilDate[],
    windowDaySet: new Set(windowDays),
    windowDayIndex: new Map(windowDays.map((d, i) => [d, i])),
    windowWeekdays: Object.freeze(windowDays.map(isoWeekday)),
    windowFirstDay: dayNumberOfDate(from),
    windowWeeks: Object.freeze(windowWeeks) as IsoWeekRange[],
  };
  if (windowShapes.size >= 1_000) windowShapes.clear();
  windowShapes.set(key, shape);
  return shape;
}

const nationalHolidays = new Map<string, ReadonlyMap<CivilDate, string>>();
let lastNational:
  | { fromYear: number; toYear: number; map: ReadonlyMap<CivilDate, string> }
  | undefined;

/** {@link holidayMap}, shared between people for the national list (the rules only read it). */
function sharedHolidayMap(
  settings: RuleSettings,
  fromYear: number,
  toYear: number,
): ReadonlyMap<CivilDate, string> {
  if (settings.publicHolidays !== null) return holidayMap(settings, fromYear, toYear);
  if (lastNational?.fromYear === fromYear && lastNational.toYear === toYear)
    return lastNational.map;
  const key = `${fromYear}|${toYear}`;
  let map = nationalHolidays.get(key);
  if (map === undefined) {
    if (nationalHolidays.size >= 1_000) nationalHolidays.clear();
    map = holidayMap(settings, fromYear, toYear);
    nationalHolidays.set(key, map);
  }
  lastNational = { fromYear, toYear, map };
  return map;
}

/** Civil-day parts of a timeline item. */
export function partsOfItem(ctx: PersonContext, item: TimedItem): readonly DayBucket[] {
  ctx.memo.itemIndex ??= new Map(ctx.timeline.items.map((t, i) => [t, i]));
  const index = ctx.memo.itemIndex.get(item);
  return index === undefined ? splitByCivilDay(item, ctx.timeZone) : ctx.itemParts[index];
}

/** Whether an item touches a civil day of the evaluation window. */
export function itemInWindow(ctx: PersonContext, item: TimedItem): boolean {
  return partsInWindow(ctx, partsOfItem(ctx, item));
}

/** Whether item parts touch a civil day of the evaluation window. */
export function partsInWindow(ctx: PersonContext, parts: readonly DayBucket[]): boolean {
  for (const d of parts) if (ctx.windowDaySet.has(d.date)) return true;
  return false;
}

/** Civil-day parts of the work segments on a day, in segment order. */
export function segmentPartsOn(ctx: PersonContext, date: CivilDate): readonly DayBucket[] {
  let byDay = ctx.memo.segmentPartsByDay;
  if (!byDay) {
    byDay = new Map();
    for (const d of ctx.segmentParts) {
      const parts = byDay.get(d.date);
      if (parts) parts.push(d);
      else byDay.set(d.date, [d]);
    }
    ctx.memo.segmentPartsByDay = byDay;
  }
  return byDay.get(date) ?? NO_PARTS;
}

/** Runs of consecutive weeks by `zone|first week|offset|count` (shared, read-only). */
const weekRuns = new Map<string, readonly Readonly<IsoWeekRange>[]>();

/** The `count` ISO weeks from `offset` weeks after `week` (shared: the caller must not modify them). */
export function weekRun(
  week: string,
  offset: number,
  count: number,
  timeZone: string,
): readonly Readonly<IsoWeekRange>[] {
  const key = `${timeZone}|${week}|${offset}|${count}`;
  let run = weekRuns.get(key);
  if (run === undefined) {
    run = Array.from({ length: count }, (_, i) =>
      sharedIsoWeek(addIsoWeeks(week, offset + i), timeZone),
    );
    if (weekRuns.size >= 1_000) weekRuns.clear();
    weekRuns.set(key, run);
  }
  return run;
}

/** Effective work minutes of an ISO week, the work summed outside the items included. */
export function weekMinutes(ctx: PersonContext, week: IsoWeekRange): number {
  const outside = ctx.input.history?.weekMinutes;
  // A day's minutes come from segment parts inside the day: a week whose days the segments do
  // not reach sums to 0 (the months of history the long windows look at), nothing to keep.
  const work = (ctx.memo.workBounds ??= segmentBounds(ctx));
  const days = daysBounds(week, ctx.timeZone);
  if (!(days.end > work.start && days.start < work.end)) {
    return outside === undefined ? 0 : 0 + (outside[week.week] ?? 0);
  }
  // Several rules read the same weeks (the 12-week windows, the 15-week review): summed once.
  const memo = (ctx.memo.weekMinutes ??= new Map());
  const known = memo.get(week.week);
  if (known !== undefined) return known;
  let sum = 0;
  for (const d of week.days) sum += ctx.minutesByDay.get(d) ?? 0;
  const total = outside === undefined ? sum : sum + (outside[week.week] ?? 0);
  memo.set(week.week, total);
  return total;
}

/** Days' bounds of a week by its (shared) range, with the zone they were computed in. */
const weekDaysBounds = new WeakMap<
  Readonly<IsoWeekRange>,
  { timeZone: string; bounds: Interval }
>();

/** Earliest start and latest end of a week's days, without assuming they are in time order. */
function daysBounds(week: Readonly<IsoWeekRange>, timeZone: string): Interval {
  const known = weekDaysBounds.get(week);
  if (known !== undefined && known.timeZone === timeZone) return known.bounds;
  const bounds = { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  for (const d of week.days) {
    const day = sharedDayBucket(d, timeZone);
    bounds.start = Math.min(bounds.start, day.start);
    bounds.end = Math.max(bounds.end, day.end);
  }
  weekDaysBounds.set(week, { timeZone, bounds });
  return bounds;
}

function segmentBounds(ctx: PersonContext): Interval {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of ctx.timeline.segments) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}

/** Item ids touching any day of a week. */
export function weekItemIds(ctx: PersonContext, week: IsoWeekRange): readonly string[] {
  // Several rules name the same week's items (shared, read-only).
  const memo = (ctx.memo.weekItemIds ??= new Map());
  const known = memo.get(week.week);
  if (known !== undefined) return known;
  const list: string[] = [];
  for (const d of week.days) {
    const dayIds = ctx.idsByDay.get(d);
    if (dayIds) for (const id of dayIds) list.push(id);
  }
  // Distinct, in order of first appearance (an item over midnight is on two days).
  const unique = list.length <= 32 ? uniqueSmall(list) : [...new Set(list)];
  memo.set(week.week, unique);
  return unique;
}

/** `[...new Set(list)]` for a short list of strings, without the set. */
function uniqueSmall(list: string[]): string[] {
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    let seen = false;
    for (let j = 0; j < n && !seen; j++) seen = list[j] === list[i];
    if (!seen) list[n++] = list[i];
  }
  list.length = n;
  return list;
}

/**
 * A week of the checked period for a message: "semaine 49", with its year only when it is not
 * the year of the period's last week ("semaine 53 de 2026" in a check of January 2027).
 */
export function weekInWords(ctx: PersonContext, week: string): string {
  const last = ctx.windowWeeks[ctx.windowWeeks.length - 1]?.week ?? week;
  return formatWeek(week, Number(last.slice(0, 4)));
}
