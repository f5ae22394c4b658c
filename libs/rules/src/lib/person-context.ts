import { PersonComplianceInput } from './person-input';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { buildTimeline, TimedItem, WorkTimeline } from './work-timeline';
import {
  addIsoWeeks,
  CivilDate,
  civilDatesBetween,
  DayBucket,
  Interval,
  isCivilDate,
  isoWeekOf,
  IsoWeekRange,
  MINUTE_MS,
  parseIsoWeek,
  splitByCivilDay,
} from './zoned-time';

/** Values derived on first use by the rules that need them (never mutated once built). */
export interface PersonMemo {
  workingDays?: { date: CivilDate; items: TimedItem[] }[];
  mergedWork?: Interval[];
  worstAverage?: { value: unknown };
  absences?: Interval[];
}

/** Everything computed once per person and shared by the rules. */
export interface PersonContext {
  input: PersonComplianceInput;
  personId: string;
  settings: RuleSettings;
  timeZone: string;
  timeline: WorkTimeline;
  minutesByDay: Map<CivilDate, number>;
  idsByDay: Map<CivilDate, string[]>;
  windowDays: CivilDate[];
  windowDaySet: Set<CivilDate>;
  windowWeeks: IsoWeekRange[];
  holidays: ReadonlyMap<CivilDate, string>;
  /** Civil-day parts of each timeline item (see {@link splitByCivilDay}). */
  itemParts: Map<TimedItem, DayBucket[]>;
  /** Civil-day parts of the work segments by day, in segment order. */
  segmentPartsByDay: Map<CivilDate, DayBucket[]>;
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
  const timeline = buildTimeline(
    input.items.filter(
      (i) => i.personId === undefined || i.personId === null || i.personId === input.personId,
    ),
    settings,
  );
  const windowDays = civilDatesBetween(from, to);
  const windowWeeks: IsoWeekRange[] = [];
  const lastWeek = isoWeekOf(to);
  for (let w = isoWeekOf(from); ; w = addIsoWeeks(w, 1)) {
    windowWeeks.push(parseIsoWeek(w, timeZone));
    if (w === lastWeek) break;
  }
  // Each segment and item is split by civil day once; the rules share the parts. The sums are
  // made in the same order as `minutesByDay` and `itemIdsByDay` of work-timeline.
  const minutesByDay = new Map<CivilDate, number>();
  const segmentPartsByDay = new Map<CivilDate, DayBucket[]>();
  for (const segment of timeline.segments) {
    for (const d of splitByCivilDay(segment, timeZone)) {
      minutesByDay.set(d.date, (minutesByDay.get(d.date) ?? 0) + (d.end - d.start) / MINUTE_MS);
      const parts = segmentPartsByDay.get(d.date);
      if (parts) parts.push(d);
      else segmentPartsByDay.set(d.date, [d]);
    }
  }
  const itemParts = new Map<TimedItem, DayBucket[]>();
  const idsByDay = new Map<CivilDate, string[]>();
  for (const t of timeline.items) {
    const parts = splitByCivilDay(t, timeZone);
    itemParts.set(t, parts);
    for (const d of parts) {
      const ids = idsByDay.get(d.date);
      if (ids) ids.push(t.id);
      else idsByDay.set(d.date, [t.id]);
    }
  }
  return {
    input,
    personId: input.personId,
    settings,
    timeZone,
    timeline,
    minutesByDay,
    idsByDay,
    windowDays,
    windowDaySet: new Set(windowDays),
    windowWeeks,
    holidays: sharedHolidayMap(settings, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)) + 1),
    itemParts,
    segmentPartsByDay,
    memo: {},
  };
}

const nationalHolidays = new Map<string, ReadonlyMap<CivilDate, string>>();

/** {@link holidayMap}, shared between people for the national list (the rules only read it). */
function sharedHolidayMap(
  settings: RuleSettings,
  fromYear: number,
  toYear: number,
): ReadonlyMap<CivilDate, string> {
  if (settings.publicHolidays !== null) return holidayMap(settings, fromYear, toYear);
  const key = `${fromYear}|${toYear}`;
  let map = nationalHolidays.get(key);
  if (map === undefined) {
    if (nationalHolidays.size >= 1_000) nationalHolidays.clear();
    map = holidayMap(settings, fromYear, toYear);
    nationalHolidays.set(key, map);
  }
  return map;
}

/** Civil-day parts of a timeline item. */
export function partsOfItem(ctx: PersonContext, item: TimedItem): DayBucket[] {
  return ctx.itemParts.get(item) ?? splitByCivilDay(item, ctx.timeZone);
}

/** Whether an item touches a civil day of the evaluation window. */
export function itemInWindow(ctx: PersonContext, item: TimedItem): boolean {
  return partsOfItem(ctx, item).some((d) => ctx.windowDaySet.has(d.date));
}

/** Effective work minutes of an ISO week. */
export function weekMinutes(ctx: PersonContext, week: IsoWeekRange): number {
  return week.days.reduce((sum, d) => sum + (ctx.minutesByDay.get(d) ?? 0), 0);
}

/** Item ids touching any day of a week. */
export function weekItemIds(ctx: PersonContext, week: IsoWeekRange): string[] {
  return [...new Set(week.days.flatMap((d) => ctx.idsByDay.get(d) ?? []))];
}
