import { WorkItem } from './person-input';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import {
  addDays,
  CivilDate,
  civilDateOfDayNumber,
  Interval,
  isoWeekOf,
  localDate,
  localDayNumber,
  MINUTE_MS,
  splitByCivilDay,
  toEpochMs,
  zonedInstant,
} from './zoned-time';

/** A work item with epoch bounds and its break placed on the timeline. */
export interface TimedItem extends Interval {
  id: string;
  item: WorkItem;
  /** Break bounds; equal when there is no break. */
  breakStart: number;
  breakEnd: number;
  locationId: string | null;
}

/** A stretch of effective work: part of an item, or travel between two locations. */
export interface WorkSegment extends Interval {
  itemId: string;
  isTravel: boolean;
}

/** Two consecutive items at different locations with the travel the matrix asks for. */
export interface TravelLeg {
  from: TimedItem;
  to: TimedItem;
  requiredMinutes: number;
  gapMinutes: number;
}

/** A person's work laid out on the timeline. */
export interface WorkTimeline {
  items: TimedItem[];
  segments: WorkSegment[];
  legs: TravelLeg[];
}

/** Places one item on the timeline; throws a RangeError when it ends before it starts. */
export function timeItem(item: WorkItem): TimedItem {
  const start = toEpochMs(item.start);
  const end = toEpochMs(item.end);
  if (end <= start) {
    throw new RangeError(`Le créneau ${item.id} se termine avant de commencer.`);
  }
  const breakMs = Math.max(0, Math.round((item.breakMinutes ?? 0) * MINUTE_MS));
  if (breakMs >= end - start) {
    throw new RangeError(`La pause du créneau ${item.id} dépasse sa durée.`);
  }
  let breakStart =
    item.breakStart !== undefined && item.breakStart !== null
      ? toEpochMs(item.breakStart)
      : start + Math.floor((end - start - breakMs) / 2 / MINUTE_MS) * MINUTE_MS;
  breakStart = Math.min(Math.max(breakStart, start), end - breakMs);
  return {
    id: item.id,
    item,
    start,
    end,
    breakStart,
    breakEnd: breakStart + breakMs,
    locationId: item.locationId ?? null,
  };
}

/** Minutes of travel from one location to another in the matrix (either direction), else 0. */
export function travelMinutes(
  from: string | null,
  to: string | null,
  settings: Pick<RuleSettings, 'travelTimes'>,
): number {
  if (from === null || to === null || from === to) return 0;
  const entry = settings.travelTimes.find(
    (t) =>
      (t.fromLocationId === from && t.toLocationId === to) ||
      (t.fromLocationId === to && t.toLocationId === from),
  );
  return entry?.minutes ?? 0;
}

/**
 * Lays out effective work: items minus breaks, plus travel between two work locations on the
 * same civil day, which is working time (Cass. soc. 16 juin 2004; commute from home is not,
 * L3121-4). Travel is placed right before the next item.
 */
export function buildTimeline(
  items: readonly WorkItem[],
  settings: Pick<RuleSettings, 'travelTimes' | 'timeZone'>,
): WorkTimeline {
  const timed = sortByStartThenEnd(items.map(timeItem));
  const segments: WorkSegment[] = [];
  const legs: TravelLeg[] = [];
  let previous: TimedItem | undefined;
  for (const t of timed) {
    if (t.breakStart > t.start) {
      segments.push({ start: t.start, end: t.breakStart, itemId: t.id, isTravel: false });
    }
    if (t.end > t.breakEnd) {
      segments.push({ start: t.breakEnd, end: t.end, itemId: t.id, isTravel: false });
    }
    if (previous) {
      const required = travelMinutes(previous.locationId, t.locationId, settings);
      if (required > 0) {
        const gapMs = t.start - previous.end;
        legs.push({
          from: previous,
          to: t,
          requiredMinutes: required,
          gapMinutes: gapMs / MINUTE_MS,
        });
        const sameDay =
          localDate(previous.end, settings.timeZone) === localDate(t.start, settings.timeZone);
        if (sameDay && gapMs > 0) {
          const travelMs = Math.min(gapMs, required * MINUTE_MS);
          segments.push({ start: t.start - travelMs, end: t.start, itemId: t.id, isTravel: true });
        }
      }
    }
    if (!previous || t.end > previous.end) previous = t;
  }
  sortByStartThenEnd(segments);
  return { items: timed, segments, legs };
}

function byStartThenEnd(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/** Sorts in place (stable); a list already in order, the usual case, is left as it is. */
function sortByStartThenEnd<T extends Interval>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if (!(byStartThenEnd(list[i - 1], list[i]) <= 0)) return list.sort(byStartThenEnd);
  }
  return list;
}

/** Effective work minutes per civil day; a cross-midnight shift counts on both days. */
export function minutesByDay(
  segments: readonly WorkSegment[],
  timeZone: string,
): Map<CivilDate, number> {
  const out = new Map<CivilDate, number>();
  for (const s of segments) {
    for (const d of splitByCivilDay(s, timeZone)) {
      out.set(d.date, (out.get(d.date) ?? 0) + (d.end - d.start) / MINUTE_MS);
    }
  }
  return out;
}

/** Item ids touching each civil day. */
export function itemIdsByDay(
  items: readonly TimedItem[],
  timeZone: string,
): Map<CivilDate, string[]> {
  const out = new Map<CivilDate, string[]>();
  for (const t of items) {
    for (const d of splitByCivilDay(t, timeZone)) {
      const list = out.get(d.date) ?? [];
      list.push(t.id);
      out.set(d.date, list);
    }
  }
  return out;
}

/** Merges touching or overlapping intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  // Often given in start order already (timeline segments): the stable sort would keep it.
  let isSorted = true;
  for (let i = 1; i < intervals.length && isSorted; i++) {
    isSorted = intervals[i].start - intervals[i - 1].start >= 0;
  }
  const sorted = isSorted ? intervals : [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      last.end = Math.max(last.end, i.end);
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

/**
 * The night period that starts on a civil day (default 21:00 → 06:00 the next day, L3122-20);
 * when the configured window does not cross midnight it stays on the same day.
 */
export function nightPeriod(
  date: CivilDate,
  settings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'>,
): Interval {
  const crosses = settings.nightStart > settings.nightEnd;
  return {
    start: zonedInstant(date, settings.nightStart, settings.timeZone),
    end: zonedInstant(crosses ? addDays(date, 1) : date, settings.nightEnd, settings.timeZone),
  };
}

/** Slots of a night table: one night per slot, a later one evicting an earlier. */
const NIGHT_SLOTS = 1024;

/** Night periods by the UTC day number of their civil date, direct-mapped. */
interface NightTable {
  days: Float64Array;
  nights: (Interval | undefined)[];
}

/** Night periods by settings (`zone|start|end`). */
const nightTables = new Map<string, NightTable>();
let lastNightSettings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'> | undefined;
let lastNightTable: NightTable | undefined;

function nightTable(
  settings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'>,
): NightTable {
  const last = lastNightSettings;
  if (
    last !== undefined &&
    lastNightTable !== undefined &&
    last.timeZone === settings.timeZone &&
    last.nightStart === settings.nightStart &&
    last.nightEnd === settings.nightEnd
  ) {
    return lastNightTable;
  }
  const key = `${settings.timeZone}|${settings.nightStart}|${settings.nightEnd}`;
  let table = nightTables.get(key);
  if (table === undefined) {
    if (nightTables.size >= 1_000) nightTables.clear();
    table = {
      days: new Float64Array(NIGHT_SLOTS).fill(Number.NaN),
      nights: new Array<Interval | undefined>(NIGHT_SLOTS).fill(undefined),
    };
    nightTables.set(key, table);
  }
  lastNightSettings = {
    timeZone: settings.timeZone,
    nightStart: settings.nightStart,
    nightEnd: settings.nightEnd,
  };
  lastNightTable = table;
  return table;
}

/** Night minutes of a set of segments, keyed by the civil day the night period starts. */
export function nightMinutesByNight(
  segments: readonly Interval[],
  settings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'>,
): Map<CivilDate, number> {
  const out = new Map<CivilDate, number>();
  const periods = nightTable(settings);
  for (const s of segments) {
    // Fast path on day numbers (same days, same order as the loop on dates below).
    const firstDay = localDayNumber(s.start, settings.timeZone) - 1;
    const lastDay = localDayNumber(s.end, settings.timeZone);
    if (Number.isFinite(firstDay + 1) && Number.isFinite(lastDay)) {
      for (let day = firstDay; day <= lastDay; day++) {
        const slot = day & (NIGHT_SLOTS - 1);
        let night = periods.nights[slot];
        if (night === undefined || periods.days[slot] !== day) {
          night = nightPeriod(civilDateOfDayNumber(day), settings);
          periods.days[slot] = day;
          periods.nights[slot] = night;
        }
        const ms = Math.min(night.end, s.end) - Math.max(night.start, s.start);
        if (ms > 0) {
          const d = civilDateOfDayNumber(day);
          out.set(d, (out.get(d) ?? 0) + ms / MINUTE_MS);
        }
      }
      continue;
    }
    const first = addDays(localDate(s.start, settings.timeZone), -1);
    const last = localDate(s.end, settings.timeZone);
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const night = nightPeriod(d, settings);
      const ms = Math.min(night.end, s.end) - Math.max(night.start, s.start);
      if (ms > 0) out.set(d, (out.get(d) ?? 0) + ms / MINUTE_MS);
    }
  }
  return out;
}

/**
 * The pieces of the segments that fall in a night period, on the real timeline, in time order
 * (a 23- or 25-hour civil day changes nothing: instants are epoch milliseconds).
 */
export function nightIntervals(
  segments: readonly Interval[],
  settings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'>,
): Interval[] {
  const out: Interval[] = [];
  for (const s of segments) {
    const first = addDays(localDate(s.start, settings.timeZone), -1);
    const last = localDate(s.end, settings.timeZone);
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const night = nightPeriod(d, settings);
      const start = Math.max(night.start, s.start);
      const end = Math.min(night.end, s.end);
      if (end > start) out.push({ start, end });
    }
  }
  return mergeIntervals(out);
}

/** Night minutes of one work item (for tagging a shift as night work in the grid). */
export function nightMinutesOfItem(
  item: WorkItem,
  settings: Pick<RuleSettings, 'nightStart' | 'nightEnd' | 'timeZone'>,
): number {
  const t = timeItem(item);
  const parts = [
    { start: t.start, end: t.breakStart },
    { start: t.breakEnd, end: t.end },
  ].filter((p) => p.end > p.start);
  let total = 0;
  for (const v of nightMinutesByNight(parts, settings).values()) total += v;
  return total;
}

/** Effective work minutes per civil day for a set of items (travel included), for reports and the grid. */
export function workMinutesByDay(
  items: readonly WorkItem[],
  settings: Partial<RuleSettings> = {},
): Map<CivilDate, number> {
  const s = resolveRuleSettings(settings);
  return minutesByDay(buildTimeline(items, s).segments, s.timeZone);
}

/** Effective work minutes per ISO week (`2026-W49`) for a set of items. */
export function workMinutesByWeek(
  items: readonly WorkItem[],
  settings: Partial<RuleSettings> = {},
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [date, minutes] of workMinutesByDay(items, settings)) {
    const week = isoWeekOf(date);
    out.set(week, (out.get(week) ?? 0) + minutes);
  }
  return out;
}
