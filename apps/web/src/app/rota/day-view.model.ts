import type {
  CoverageRequirement,
  Location,
  OpeningHours,
  RotaColleague,
  RotaPerson,
  Shift,
} from '@relais/api-types';
import {
  daysBetween,
  hasValidSkill,
  isoWeekday,
  MINUTE_MS,
  minutesOfDay,
  RuleSettings,
  toEpochMs,
  wallClock,
} from '@relais/rules';
import { toZonedIso } from './rota.model';

/** The day view snaps moves to the quarter hour, and draws coverage per quarter hour. */
export const STEP_MINUTES = 15;
const DAY_MINUTES = 1440;

/** The span of the time axis, in wall-clock minutes since the day's midnight. */
export interface DayBounds {
  from: number;
  to: number;
}

/** A span on the axis, in wall-clock minutes since the day's midnight. */
export interface MinuteSpan {
  from: number;
  to: number;
}

/** A person as the day view needs one: a name, and skills when the caller may see them. */
export type DayPerson = RotaColleague & { skills?: RotaPerson['skills'] };

// ---------- time ↔ axis ----------

/** Wall-clock minutes of an instant since the midnight of `date` (negative the day before, past 1440 the day after). */
export function minuteOfDay(instant: string | number, date: string, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : toEpochMs(instant);
  const wall = wallClock(ms, timeZone);
  return daysBetween(date, wall.date) * DAY_MINUTES + wall.hours * 60 + wall.minutes;
}

/** "HH:MM" of a minute of the day (0–1439). */
function hhmm(minute: number): string {
  const m = ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "09:00" of a minute of the day, as the grid writes times. */
export function clockOf(minute: number): string {
  return hhmm(minute);
}

/** The nearest multiple of `step`. */
export function snap(minutes: number, step = STEP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/**
 * The axis: the day's opening hours and shifts with an hour of margin, on whole hours; 08:00–19:00
 * for a day with neither; never outside the day.
 */
export function dayBounds(
  opening: readonly MinuteSpan[],
  shifts: readonly MinuteSpan[],
): DayBounds {
  const spans = [...opening.map((span) => ({ from: span.from - 60, to: span.to + 60 })), ...shifts];
  if (spans.length === 0) return { from: 8 * 60, to: 19 * 60 };
  const from = Math.min(...spans.map((span) => span.from));
  const to = Math.max(...spans.map((span) => span.to));
  return {
    from: Math.max(0, Math.floor(from / 60) * 60),
    to: Math.min(DAY_MINUTES, Math.max(Math.ceil(to / 60) * 60, Math.floor(from / 60) * 60 + 60)),
  };
}

/** Position of a minute on the axis, in percent of its width (clamped to the axis). */
export function percentAt(minute: number, bounds: DayBounds): number {
  const ratio = (minute - bounds.from) / (bounds.to - bounds.from);
  return Math.min(100, Math.max(0, ratio * 100));
}

/** Minutes a horizontal distance in pixels stands for on an axis `width` pixels wide. */
export function minutesForPixels(dx: number, width: number, bounds: DayBounds): number {
  if (width <= 0) return 0;
  return (dx / width) * (bounds.to - bounds.from);
}

/** The wall-clock minute under a point `x` pixels from the axis' left edge, snapped down to the quarter hour. */
export function minuteAtX(x: number, width: number, bounds: DayBounds): number {
  const minute = bounds.from + minutesForPixels(x, width, bounds);
  return Math.floor(minute / STEP_MINUTES) * STEP_MINUTES;
}

/** Whole hours drawn on the axis. */
export function hourTicks(bounds: DayBounds): number[] {
  const ticks: number[] = [];
  for (let hour = Math.ceil(bounds.from / 60); hour * 60 <= bounds.to; hour++) ticks.push(hour);
  return ticks;
}

/**
 * The move a drag of `rawMinutes` makes of a shift starting at `startMinute`: the new start lands
 * on a quarter hour and stays on the same day.
 */
export function snappedMove(startMinute: number, rawMinutes: number): number {
  const target = Math.min(DAY_MINUTES - STEP_MINUTES, Math.max(0, snap(startMinute + rawMinutes)));
  return target - startMinute;
}

/** Alt+←/→: to the previous or next quarter hour (a start at 09:10 goes to 09:00 or 09:15). */
export function stepMove(startMinute: number, direction: -1 | 1): number {
  const target =
    direction > 0
      ? Math.floor(startMinute / STEP_MINUTES) * STEP_MINUTES + STEP_MINUTES
      : Math.ceil(startMinute / STEP_MINUTES) * STEP_MINUTES - STEP_MINUTES;
  if (target < 0 || target > DAY_MINUTES - STEP_MINUTES) return 0;
  return target - startMinute;
}

/** A shift's start and end moved by whole minutes (its length kept). */
export function movedTimes(
  shift: Pick<Shift, 'start' | 'end'>,
  minutes: number,
  timeZone: string,
): { start: string; end: string } {
  const delta = minutes * MINUTE_MS;
  return {
    start: toZonedIso(toEpochMs(shift.start) + delta, timeZone),
    end: toZonedIso(toEpochMs(shift.end) + delta, timeZone),
  };
}

// ---------- lanes ----------

/**
 * Sub-lanes of one lane: overlapping items go one under the other, each in the first sub-lane
 * free at its start (fewest sub-lanes for intervals sorted by start).
 */
export function assignSubLanes(items: readonly ({ id: string } & MinuteSpan)[]): {
  lanes: Map<string, number>;
  count: number;
} {
  const sorted = [...items].sort(
    (a, b) => a.from - b.from || a.to - b.to || a.id.localeCompare(b.id),
  );
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  for (const item of sorted) {
    let lane = ends.findIndex((end) => end <= item.from);
    if (lane === -1) {
      lane = ends.length;
      ends.push(item.to);
    } else {
      ends[lane] = item.to;
    }
    lanes.set(item.id, lane);
  }
  return { lanes, count: Math.max(1, ends.length) };
}

/** Shifts that touch the civil day (an overnight shift of the day before included). */
export function shiftsOfDay<T extends Pick<Shift, 'start' | 'end'>>(
  shifts: readonly T[],
  date: string,
  timeZone: string,
): T[] {
  return shifts.filter(
    (shift) =>
      minuteOfDay(shift.start, date, timeZone) < DAY_MINUTES &&
      minuteOfDay(shift.end, date, timeZone) > 0,
  );
}

// ---------- coverage ----------

/** What a location needs on the day, from the site's opening hours or a coverage requirement. */
export interface CoverageNeed {
  /** `france_services`: trained agents at the desk while open; `requirement`: a coverage requirement. */
  kind: 'france_services' | 'requirement';
  locationId: string;
  from: number;
  to: number;
  need: number;
  skill: string | null;
  activity: string | null;
}

/** A run of quarter hours with the same count against the same need, for the curve. */
export interface CoverageRun extends MinuteSpan {
  /** People on duty, or, where something is needed, the people who count for the tightest need. */
  count: number;
  need: number | null;
  isGap: boolean;
}

/** A stretch where fewer people count than a need asks, with how many there are. */
export interface CoverageGap extends MinuteSpan {
  locationId: string;
  kind: CoverageNeed['kind'];
  skill: string | null;
  count: number;
  need: number;
}

export interface DayNeedsInput {
  date: string;
  locations: readonly Pick<Location, 'id' | 'kind'>[];
  isFranceServices: boolean;
  openingHours: readonly OpeningHours[];
  requirements: readonly CoverageRequirement[];
  settings: Pick<RuleSettings, 'fsTrainedMinStaff' | 'closedOnPublicHolidays'>;
  isHoliday: boolean;
}

/** The day's opening ranges of the site, in minutes. */
export function openingSpans(openingHours: readonly OpeningHours[], date: string): MinuteSpan[] {
  const weekday = isoWeekday(date);
  return openingHours
    .filter((range) => range.weekday === weekday)
    .map((range) => ({ from: minutesOfDay(range.start), to: minutesOfDay(range.end) }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
}

/**
 * What each location needs on the day, as the site rules check it: at a France Services site, the
 * desk (locations of kind `site`) needs `fsTrainedMinStaff` trained agents at the reception
 * during opening hours (FS_TRAINED_COVERAGE); each coverage requirement of the weekday needs its
 * staff (UNDER_COVERAGE, at least 2 for pairs). Nothing on a public holiday the site is closed.
 */
export function dayNeeds(input: DayNeedsInput): CoverageNeed[] {
  if (input.isHoliday && input.settings.closedOnPublicHolidays) return [];
  const weekday = isoWeekday(input.date);
  const needs: CoverageNeed[] = [];
  if (input.isFranceServices) {
    const spans = openingSpans(input.openingHours, input.date);
    for (const desk of input.locations.filter((location) => location.kind === 'site')) {
      for (const span of spans) {
        needs.push({
          kind: 'france_services',
          locationId: desk.id,
          ...span,
          need: input.settings.fsTrainedMinStaff,
          skill: 'france_services_initial',
          activity: 'accueil',
        });
      }
    }
  }
  for (const requirement of input.requirements) {
    if (requirement.weekday !== weekday) continue;
    const from = minutesOfDay(requirement.startTime);
    const to = minutesOfDay(requirement.endTime);
    if (to <= from) continue;
    needs.push({
      kind: 'requirement',
      locationId: requirement.locationId,
      from,
      to,
      need: requirement.isPair ? Math.max(2, requirement.minStaff) : requirement.minStaff,
      skill: requirement.requiredSkill,
      activity: requirement.activity,
    });
  }
  return needs;
}

/**
 * Where a shift's person is present: the shift less its break, the break placed in the middle
 * as the rules place it (work-timeline `timeItem`), so the curve and the checks agree.
 */
export function presence(
  shift: Pick<Shift, 'start' | 'end' | 'breakMinutes'>,
  date: string,
  timeZone: string,
): MinuteSpan[] {
  const start = toEpochMs(shift.start);
  const end = toEpochMs(shift.end);
  if (end <= start) return [];
  const breakMs = Math.max(0, Math.round(shift.breakMinutes * MINUTE_MS));
  if (breakMs >= end - start) return [];
  const breakStart = start + Math.floor((end - start - breakMs) / 2 / MINUTE_MS) * MINUTE_MS;
  const at = (ms: number) => minuteOfDay(ms, date, timeZone);
  return [
    { from: at(start), to: at(breakStart) },
    { from: at(breakStart + breakMs), to: at(end) },
  ].filter((span) => span.to > span.from);
}

export interface LaneCoverageInput {
  date: string;
  locationId: string;
  /** Shifts of the day (any location: only this one's count). */
  shifts: readonly Shift[];
  people: readonly DayPerson[];
  /** Needs of this location. */
  needs: readonly CoverageNeed[];
  bounds: DayBounds;
  timeZone: string;
}

/** Distinct people present minute by minute over the axis, among the shifts kept. */
function headcount(
  shifts: readonly Shift[],
  bounds: DayBounds,
  date: string,
  timeZone: string,
): number[] {
  const length = bounds.to - bounds.from;
  const byPerson = new Map<string, Uint8Array>();
  for (const shift of shifts) {
    if (!shift.personId) continue;
    let minutes = byPerson.get(shift.personId);
    if (!minutes) {
      minutes = new Uint8Array(length);
      byPerson.set(shift.personId, minutes);
    }
    for (const span of presence(shift, date, timeZone)) {
      const from = Math.max(0, span.from - bounds.from);
      const to = Math.min(length, span.to - bounds.from);
      if (to > from) minutes.fill(1, from, to);
    }
  }
  const counts = new Array<number>(length).fill(0);
  for (const minutes of byPerson.values()) {
    for (let i = 0; i < length; i++) counts[i] += minutes[i];
  }
  return counts;
}

function holdsSkill(person: DayPerson | undefined, skill: string, date: string): boolean {
  const skills = (person?.skills ?? []).map((held) => ({
    code: held.skill,
    acquiredOn: held.acquiredOn,
    expiresOn: held.expiresOn,
  }));
  return hasValidSkill(skills, skill, date);
}

/**
 * The coverage of one location over the axis: the curve by quarter hour and the gaps, minute
 * exact, split where the count changes. Who counts for a need: assigned shifts at the location,
 * of the need's activity when it names one, by people holding its skill on the day.
 */
export function laneCoverage(input: LaneCoverageInput): {
  runs: CoverageRun[];
  gaps: CoverageGap[];
  peak: number;
} {
  const { bounds, date, timeZone } = input;
  const here = input.shifts.filter(
    (shift) => shift.personId !== null && shift.locationId === input.locationId,
  );
  const people = new Map(input.people.map((person) => [person.id, person]));
  const onDuty = headcount(here, bounds, date, timeZone);
  const needs = input.needs
    .filter((need) => need.locationId === input.locationId)
    .map((need) => {
      const counted = here.filter(
        (shift) =>
          (need.activity === null || shift.activity === need.activity) &&
          (need.skill === null ||
            holdsSkill(people.get(shift.personId as string), need.skill, date)),
      );
      return { need, counts: headcount(counted, bounds, date, timeZone) };
    });

  const gaps: CoverageGap[] = [];
  for (const { need, counts } of needs) {
    let open: CoverageGap | null = null;
    const from = Math.max(need.from, bounds.from);
    const to = Math.min(need.to, bounds.to);
    for (let minute = from; minute <= to; minute++) {
      const count = minute < to ? counts[minute - bounds.from] : Number.POSITIVE_INFINITY;
      const short = count < need.need;
      if (open && (!short || count !== open.count)) {
        gaps.push(open);
        open = null;
      }
      if (short && !open) {
        open = {
          locationId: need.locationId,
          kind: need.kind,
          skill: need.skill,
          from: minute,
          to: minute + 1,
          count,
          need: need.need,
        };
      } else if (open) {
        open.to = minute + 1;
      }
    }
  }
  gaps.sort((a, b) => a.from - b.from || a.to - b.to);

  const runs: CoverageRun[] = [];
  let peak = 0;
  for (let start = bounds.from; start < bounds.to; start += STEP_MINUTES) {
    const end = Math.min(bounds.to, start + STEP_MINUTES);
    let count = 0;
    let need: number | null = null;
    // The tightest need of the quarter hour decides what the bar shows; without one, who is there.
    let margin = Number.POSITIVE_INFINITY;
    for (const entry of needs) {
      for (
        let minute = Math.max(start, entry.need.from);
        minute < Math.min(end, entry.need.to);
        minute++
      ) {
        const value = entry.counts[minute - bounds.from];
        if (value - entry.need.need < margin) {
          margin = value - entry.need.need;
          count = value;
          need = entry.need.need;
        }
      }
    }
    if (need === null) {
      for (let minute = start; minute < end; minute++) {
        count = Math.max(count, onDuty[minute - bounds.from]);
      }
    }
    peak = Math.max(peak, count, need ?? 0);
    const last = runs[runs.length - 1];
    const isGap = need !== null && count < need;
    if (last && last.to === start && last.count === count && last.need === need) {
      last.to = end;
    } else {
      runs.push({ from: start, to: end, count, need, isGap });
    }
  }
  return { runs, gaps, peak };
}
