import { Violation } from '@relais/api-types';
import { formatDayLabel, formatDuration, formatTime } from './french-format';
import { contractOn } from './part-time-rules';
import {
  itemInWindow,
  partsInWindow,
  PersonContext,
  weekInWords,
  weekItemIds,
  weekMinutes,
} from './person-context';
import type { WorkItem } from './person-input';
import { makeViolation } from './violation-builder';
import { mergeIntervals, nightIntervals, nightMinutesByNight, TimedItem } from './work-timeline';
import {
  addDays,
  addIsoWeeks,
  CivilDate,
  civilDateOfDayNumber,
  Interval,
  isCanonicalDate,
  IsoWeekRange,
  localDate,
  localDayNumber,
  MINUTE_MS,
  sharedIsoWeek,
  singleCivilDayNumber,
  splitByCivilDay,
  startOfCivilDay,
} from './zoned-time';

function span(ctx: PersonContext, i: Interval): string {
  return `${formatTime(i.start, ctx.timeZone)}–${formatTime(i.end, ctx.timeZone)}`;
}

function dayOf(ctx: PersonContext, ms: number): CivilDate {
  return localDate(ms, ctx.timeZone);
}

/** OVERLAP: two work items of one person overlap (also refused by the database). */
export function checkOverlap(ctx: PersonContext): Violation[] {
  const out: Violation[] = [];
  const items = ctx.timeline.items;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j].start < items[i].end; j++) {
      const a = items[i];
      const b = items[j];
      if (!partsInWindow(ctx, ctx.itemParts[i]) && !partsInWindow(ctx, ctx.itemParts[j])) {
        continue;
      }
      out.push(
        makeViolation(
          'OVERLAP',
          `Deux créneaux se chevauchent le ${formatDayLabel(dayOf(ctx, b.start))} : ${span(ctx, a)} et ${span(ctx, b)}.`,
          { personId: ctx.personId, shiftIds: [a.id, b.id] },
        ),
      );
    }
  }
  return out;
}

/** DAILY_MAX: effective work per civil day (L3121-18; 12 h by agreement, L3121-19). */
export function checkDailyMax(ctx: PersonContext): Violation[] {
  const max = ctx.settings.dailyMaxMinutes;
  // No day above the maximum (a day without work has 0 minutes).
  if (max >= 0 && ctx.maxDayMinutes <= max) return [];
  return ctx.windowDays
    .filter((d) => (ctx.minutesByDay.get(d) ?? 0) > max)
    .map((d) =>
      makeViolation(
        'DAILY_MAX',
        `${formatDuration(ctx.minutesByDay.get(d) ?? 0)} de travail le ${formatDayLabel(d)} (maximum ${formatDuration(max)}).`,
        { personId: ctx.personId, shiftIds: ctx.idsByDay.get(d) ?? [] },
      ),
    );
}

/** WEEKLY_MAX: effective work per civil week (L3121-20). */
export function checkWeeklyMax(ctx: PersonContext): Violation[] {
  const max = ctx.settings.weeklyMaxMinutes;
  return ctx.windowWeeks
    .filter((w) => weekMinutes(ctx, w) > max)
    .map((w) =>
      makeViolation(
        'WEEKLY_MAX',
        `${formatDuration(weekMinutes(ctx, w))} de travail sur la ${weekInWords(ctx, w.week)} (maximum ${formatDuration(max)}).`,
        { personId: ctx.personId, shiftIds: weekItemIds(ctx, w) },
      ),
    );
}

interface AverageWindow {
  weeks: readonly Readonly<IsoWeekRange>[];
  average: number;
}

/** The 12-week window (any window touching an evaluated week) with the highest average. */
export function worstAverageWindow(ctx: PersonContext): AverageWindow | undefined {
  // Memoised: WEEKLY_AVG_12W and NIGHT_WORK both ask for it.
  const memo = ctx.memo.worstAverage as { value: AverageWindow | undefined } | undefined;
  if (memo) return memo.value;
  const value = computeWorstAverageWindow(ctx);
  ctx.memo.worstAverage = { value };
  return value;
}

/** Weeks the average windows may cover, by `zone|first week|n|span` (shared, read-only). */
const averageWeeksCache = new Map<string, readonly Readonly<IsoWeekRange>[]>();

function averageWeeks(
  firstWeek: string,
  n: number,
  span: number,
  timeZone: string,
): readonly Readonly<IsoWeekRange>[] {
  const key = `${timeZone}|${firstWeek}|${n}|${span}`;
  let weeks = averageWeeksCache.get(key);
  if (weeks === undefined) {
    weeks = Array.from({ length: span }, (_, i) =>
      sharedIsoWeek(addIsoWeeks(firstWeek, i - n + 1), timeZone),
    );
    if (averageWeeksCache.size >= 1_000) averageWeeksCache.clear();
    averageWeeksCache.set(key, weeks);
  }
  return weeks;
}

function computeWorstAverageWindow(ctx: PersonContext): AverageWindow | undefined {
  const n = ctx.settings.averageWindowWeeks;
  const span = ctx.windowWeeks.length + 2 * (n - 1);
  const weeks = averageWeeks(ctx.windowWeeks[0].week, n, span, ctx.timeZone);
  const totals = weeks.map((w) => weekMinutes(ctx, w));
  // For a whole n the window sums are plain loops (same additions, same order as the slices).
  const wholeN = Number.isInteger(n) && n > 0;
  let worst: AverageWindow | undefined;
  for (let first = 0; first + n <= span; first++) {
    let sum = 0;
    if (wholeN) for (let k = first; k < first + n; k++) sum += totals[k];
    else sum = totals.slice(first, first + n).reduce((a, b) => a + b, 0);
    const average = sum / n;
    if (!worst || average > worst.average) {
      worst = { weeks: weeks.slice(first, first + n), average };
    }
  }
  return worst;
}

function windowItemIds(ctx: PersonContext, weeks: readonly IsoWeekRange[]): string[] {
  const evaluated = new Set(ctx.windowWeeks.map((w) => w.week));
  return weeks.filter((w) => evaluated.has(w.week)).flatMap((w) => weekItemIds(ctx, w));
}

/** WEEKLY_AVG_12W: average over any 12 consecutive weeks (L3121-22; 46 h by agreement, L3121-23). */
export function checkWeeklyAverage(ctx: PersonContext): Violation[] {
  const max = ctx.settings.weeklyAverageMaxMinutes;
  const worst = worstAverageWindow(ctx);
  if (!worst || worst.average <= max) return [];
  const from = worst.weeks[0].week;
  const to = worst.weeks[worst.weeks.length - 1].week;
  return [
    makeViolation(
      'WEEKLY_AVG_12W',
      // The total shows what a rounded average hides (528 h 01 over 12 weeks is above 44 h).
      `Moyenne de ${formatDuration(worst.average)} par semaine de la ${weekInWords(ctx, from)} à la ${weekInWords(ctx, to)}, soit ${formatDuration(worst.average * worst.weeks.length)} en ${worst.weeks.length} semaines (maximum ${formatDuration(max)} par semaine en moyenne).`,
      { personId: ctx.personId, shiftIds: windowItemIds(ctx, worst.weeks) },
    ),
  ];
}

/** Items grouped by the civil day they start on: the working day of the rest rules. */
function workingDays(ctx: PersonContext): { date: CivilDate; items: TimedItem[] }[] {
  if (ctx.memo.workingDays) return ctx.memo.workingDays;
  // Items are in start order, so each day's items follow each other while the civil day of
  // their starts never goes back (it may, where a clock change crosses midnight: then by dates).
  const days: { date: CivilDate; items: TimedItem[] }[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const t of ctx.timeline.items) {
    const day = localDayNumber(t.start, ctx.timeZone);
    if (!(day >= last)) return (ctx.memo.workingDays = workingDaysByDate(ctx));
    if (day === last) days[days.length - 1].items.push(t);
    else days.push({ date: civilDateOfDayNumber(day), items: [t] });
    last = day;
  }
  ctx.memo.workingDays = days;
  return days;
}

function workingDaysByDate(ctx: PersonContext): { date: CivilDate; items: TimedItem[] }[] {
  const map = new Map<CivilDate, TimedItem[]>();
  for (const t of ctx.timeline.items) {
    const d = dayOf(ctx, t.start);
    const items = map.get(d);
    if (items) items.push(t);
    else map.set(d, [t]);
  }
  const entries = [...map.entries()];
  // `localeCompare` orders `YYYY-MM-DD` dates like plain code-unit comparison, which is much
  // faster; any other shape keeps `localeCompare`.
  if (entries.every(([d]) => isCanonicalDate(d))) {
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } else {
    entries.sort(([a], [b]) => a.localeCompare(b));
  }
  return entries.map(([date, items]) => ({ date, items }));
}

/** Effective work merged into disjoint intervals (shared, read-only). */
function mergedWork(ctx: PersonContext): Interval[] {
  ctx.memo.mergedWork ??= mergeIntervals(ctx.timeline.segments);
  return ctx.memo.mergedWork;
}

/** DAILY_REST: 11 consecutive hours between the end of a working day and the next start (L3131-1). */
export function checkDailyRest(ctx: PersonContext): Violation[] {
  const min = ctx.settings.dailyRestMinutes;
  const out: Violation[] = [];
  const days = workingDays(ctx);
  let lastEnd: TimedItem | undefined;
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (lastEnd) {
      const next = day.items[0];
      const rest = (next.start - lastEnd.end) / MINUTE_MS;
      if (
        rest > 0 &&
        rest < min &&
        (ctx.windowDaySet.has(day.date) || ctx.windowDaySet.has(dayOf(ctx, lastEnd.start)))
      ) {
        out.push(
          makeViolation(
            'DAILY_REST',
            `Repos de ${formatDuration(rest)} entre ${formatTime(lastEnd.end, ctx.timeZone)} (${formatDayLabel(dayOf(ctx, lastEnd.end))}) et ${formatTime(next.start, ctx.timeZone)} (${formatDayLabel(day.date)}) : minimum ${formatDuration(min)}.`,
            { personId: ctx.personId, shiftIds: [lastEnd.id, next.id] },
          ),
        );
      }
    }
    for (const t of day.items) if (!lastEnd || t.end > lastEnd.end) lastEnd = t;
  }
  return out;
}

/** AMPLITUDE: first start to last end of a working day, at most 24 h − 11 h = 13 h (L3131-1). */
export function checkAmplitude(ctx: PersonContext): Violation[] {
  const max = ctx.settings.amplitudeMaxMinutes;
  const out: Violation[] = [];
  for (const day of workingDays(ctx)) {
    if (!ctx.windowDaySet.has(day.date)) continue;
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const t of day.items) {
      if (t.start < start) start = t.start;
      if (t.end > end) end = t.end;
    }
    const amplitude = (end - start) / MINUTE_MS;
    if (amplitude > max) {
      out.push(
        makeViolation(
          'AMPLITUDE',
          `Amplitude de ${formatDuration(amplitude)} le ${formatDayLabel(day.date)} (${span(ctx, { start, end })}, maximum ${formatDuration(max)}).`,
          { personId: ctx.personId, shiftIds: day.items.map((t) => t.id) },
        ),
      );
    }
  }
  return out;
}

/** Continuous work: segments joined when the gap between them is shorter than the legal break. */
export function workStretches(ctx: PersonContext): Interval[] {
  const gapMs = ctx.settings.breakMinMinutes * MINUTE_MS;
  const out: Interval[] = [];
  for (const s of mergedWork(ctx)) {
    const last = out[out.length - 1];
    if (last && s.start - last.end < gapMs) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * BREAK_6H: a day with ≥ 6 h of work has a break of ≥ 20 consecutive minutes, and no stretch
 * lasts more than 6 h without one (L3121-16; Cass. soc. 20 févr. 2013: no 2 × 15 min).
 */
export function checkBreak(ctx: PersonContext): Violation[] {
  const { breakAfterMinutes: after, breakMinMinutes: brk } = ctx.settings;
  // Each stretch is split by civil day once; a day's list keeps the stretches' order. Lists by
  // position of the day in the window.
  const stretchesByDay: (Interval[] | undefined)[] = [];
  const bounds = ctx.weeksBounds;
  for (const s of workStretches(ctx)) {
    // Parts lie inside their day: a stretch outside the bounds has none on a window day.
    if (s.end <= bounds.start || s.start >= bounds.end) continue;
    // Within one civil day, its position is its day number's distance from the first day's.
    const single = singleCivilDayNumber(s, ctx.timeZone) - ctx.windowFirstDay;
    if (!Number.isNaN(single)) {
      if (single >= 0 && single < ctx.windowDays.length) {
        const list = stretchesByDay[single];
        if (list) list.push(s);
        else stretchesByDay[single] = [s];
      }
      continue;
    }
    for (const p of splitByCivilDay(s, ctx.timeZone)) {
      const i = ctx.windowDayIndex.get(p.date);
      if (i === undefined) continue;
      const list = stretchesByDay[i];
      if (list) list.push(s);
      else stretchesByDay[i] = [s];
    }
  }
  const out: Violation[] = [];
  for (let i = 0; i < ctx.windowDays.length; i++) {
    const d = ctx.windowDays[i];
    const worked = ctx.minutesByDay.get(d) ?? 0;
    if (worked === 0) continue;
    const touching = stretchesByDay[i] ?? [];
    const long = touching.find(
      (s) => (s.end - s.start) / MINUTE_MS > after && dayOf(ctx, s.start) === d,
    );
    let message: string | undefined;
    if (long) {
      message = `${formatDuration((long.end - long.start) / MINUTE_MS)} de travail d’affilée le ${formatDayLabel(d)} (${span(ctx, long)}) sans pause de ${brk} min : au plus ${formatDuration(after)} sans pause.`;
    } else if (worked >= after && touching.length <= 1) {
      message = `${formatDuration(worked)} de travail le ${formatDayLabel(d)} sans pause d’au moins ${brk} min consécutives.`;
    }
    if (message) {
      out.push(
        makeViolation('BREAK_6H', message, {
          personId: ctx.personId,
          shiftIds: ctx.idsByDay.get(d) ?? [],
        }),
      );
    }
  }
  return out;
}

/** WORKDAYS_PER_WEEK: at most 6 worked days per civil week (L3132-1). */
export function checkWorkdaysPerWeek(ctx: PersonContext): Violation[] {
  const max = ctx.settings.maxWorkdaysPerWeek;
  const out: Violation[] = [];
  for (const w of ctx.windowWeeks) {
    const worked = w.days.filter((d) => (ctx.minutesByDay.get(d) ?? 0) > 0).length;
    if (worked > max) {
      out.push(
        makeViolation(
          'WORKDAYS_PER_WEEK',
          `${worked} jours travaillés sur la ${weekInWords(ctx, w.week)} (maximum ${max}).`,
          { personId: ctx.personId, shiftIds: weekItemIds(ctx, w) },
        ),
      );
    }
  }
  return out;
}

/**
 * WEEKLY_REST: one rest of 24 h + 11 h = 35 consecutive hours (L3132-2). The rest may run into
 * the next or previous week, but its 24 h core must lie inside the civil week.
 */
export function checkWeeklyRest(ctx: PersonContext): Violation[] {
  const { weeklyRestMinutes: need, weeklyRestInWeekMinutes: inWeek } = ctx.settings;
  const work = mergedWork(ctx);
  const gaps: Interval[] = [];
  let cursor = Number.NEGATIVE_INFINITY;
  for (const w of work) {
    if (w.start > cursor) gaps.push({ start: cursor, end: w.start });
    cursor = Math.max(cursor, w.end);
  }
  gaps.push({ start: cursor, end: Number.POSITIVE_INFINITY });
  const out: Violation[] = [];
  // Gaps are in time order and disjoint: a week reads only those from the first ending after its
  // start to the last starting before its end.
  let first = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (const w of ctx.windowWeeks) {
    if (w.start < lastStart) first = 0;
    lastStart = w.start;
    while (first < gaps.length && gaps[first].end <= w.start) first++;
    let longestInWeek = 0;
    let ok = false;
    for (let i = first; i < gaps.length; i++) {
      const g = gaps[i];
      if (g.start >= w.end) break;
      const inside = (Math.min(g.end, w.end) - Math.max(g.start, w.start)) / MINUTE_MS;
      if (inside <= 0) continue;
      longestInWeek = Math.max(longestInWeek, inside);
      if ((g.end - g.start) / MINUTE_MS >= need && inside >= inWeek) ok = true;
    }
    if (!ok) {
      out.push(
        makeViolation(
          'WEEKLY_REST',
          `Sur la ${weekInWords(ctx, w.week)}, aucun repos de ${formatDuration(need)} consécutives (plus long repos dans la semaine : ${formatDuration(longestInWeek)}).`,
          { personId: ctx.personId, shiftIds: weekItemIds(ctx, w) },
        ),
      );
    }
  }
  return out;
}

/** A derogation to Sunday rest recorded for the item, its site or the whole organisation. */
function hasSundayDerogation(ctx: PersonContext, item: WorkItem): boolean {
  if (item.sundayDerogation || ctx.settings.sundayDerogation) return true;
  const location = item.locationId;
  return (
    location !== undefined &&
    location !== null &&
    Object.hasOwn(ctx.settings.sundayDerogationLocations, location)
  );
}

/** SUNDAY, MAY_FIRST, PUBLIC_HOLIDAY: work on days off by principle (L3132-3, L3133-4, L3133-1). */
export function checkCalendarDays(ctx: PersonContext): Violation[] {
  const out: Violation[] = [];
  const items = ctx.timeline.items;
  for (let i = 0; i < items.length; i++) {
    const t = items[i];
    for (const { date: d } of ctx.itemParts[i]) {
      const index = ctx.windowDayIndex.get(d);
      if (index === undefined) continue;
      const isSunday = ctx.windowWeekdays[index] === 7 && !hasSundayDerogation(ctx, t.item);
      const isMayFirst = d.length === 10 && d.endsWith('05-01');
      const holiday = isMayFirst ? undefined : ctx.holidays.get(d);
      if (!isSunday && !isMayFirst && holiday === undefined) continue;
      const opts = { personId: ctx.personId, shiftIds: [t.id] };
      const times = span(ctx, t);
      if (isSunday) {
        out.push(
          makeViolation(
            'SUNDAY',
            `Travail le ${formatDayLabel(d)} (${times}) sans dérogation au repos dominical enregistrée.`,
            opts,
          ),
        );
      }
      if (isMayFirst) {
        out.push(
          makeViolation('MAY_FIRST', `Travail le 1er mai (${times}) : jour férié et chômé.`, opts),
        );
      } else if (holiday !== undefined) {
        out.push(
          makeViolation(
            'PUBLIC_HOLIDAY',
            `Travail un jour férié (${holiday}, ${formatDayLabel(d)}, ${times}).`,
            opts,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * NIGHT_WORK: night-worker status (≥ 3 h of night on ≥ 2 days of a week, or ≥ 270 h over
 * 12 months, L3122-5 and L3122-23) is a warning; a night worker is then limited to 8 h a day
 * (L3122-6) and 40 h on average over 12 weeks (L3122-7).
 */
export function checkNightWork(ctx: PersonContext): Violation[] {
  const s = ctx.settings;
  const nights = nightMinutesByNight(ctx.timeline.segments, s);
  const out: Violation[] = [];
  const nightLabel = `${s.nightStart}–${s.nightEnd}`;
  // Only a contract marked as a night worker's can make a day's contract say so.
  let isNightWorker =
    ctx.input.isNightWorker === true ||
    (ctx.input.contracts.some((c) => c.isNightWorker === true) &&
      ctx.windowDays.some((d) => contractOn(ctx.input.contracts, d)?.isNightWorker === true));
  for (const w of ctx.windowWeeks) {
    const longNights = w.days.filter(
      (d) => (nights.get(d) ?? 0) >= s.nightWorkerMinNightMinutesPerDay,
    );
    if (longNights.length >= s.nightWorkerMinDaysPerWeek) {
      isNightWorker = true;
      out.push(
        makeViolation(
          'NIGHT_WORK',
          `Statut de travailleur de nuit atteint : au moins ${formatDuration(s.nightWorkerMinNightMinutesPerDay)} de travail de nuit (${nightLabel}) sur ${longNights.length} jours de la ${weekInWords(ctx, w.week)}.`,
          {
            personId: ctx.personId,
            shiftIds: longNights.flatMap((night) => itemsOfNight(ctx, night)),
            legalRef: 'C. trav., art. L3122-5',
          },
        ),
      );
    }
  }
  const lastDay = ctx.windowDays[ctx.windowDays.length - 1];
  const yearStart = addDays(lastDay, -365);
  let yearMinutes = 0;
  for (const [night, minutes] of nights) {
    if (night > yearStart && night <= lastDay) yearMinutes += minutes;
  }
  // The nights of the 12 months the items do not carry, summed by the server.
  yearMinutes += ctx.input.history?.nightMinutes ?? 0;
  if (yearMinutes >= s.nightWorkerMinutesPer12Months) {
    isNightWorker = true;
    out.push(
      makeViolation(
        'NIGHT_WORK',
        `Statut de travailleur de nuit atteint : ${formatDuration(yearMinutes)} de travail de nuit sur 12 mois (seuil ${formatDuration(s.nightWorkerMinutesPer12Months)}).`,
        { personId: ctx.personId, legalRef: 'C. trav., art. L3122-23' },
      ),
    );
  }
  if (!isNightWorker) return out;
  for (const d of ctx.windowDays) {
    const worked = ctx.minutesByDay.get(d) ?? 0;
    if (worked > s.nightWorkerDailyMaxMinutes) {
      out.push(
        makeViolation(
          'NIGHT_WORK',
          `Travailleur de nuit : ${formatDuration(worked)} de travail le ${formatDayLabel(d)} (maximum ${formatDuration(s.nightWorkerDailyMaxMinutes)}).`,
          {
            personId: ctx.personId,
            shiftIds: ctx.idsByDay.get(d) ?? [],
            severity: 'block',
            legalRef: 'C. trav., art. L3122-6',
          },
        ),
      );
    }
  }
  out.push(...checkNightPer24Hours(ctx));
  const worst = worstAverageWindow(ctx);
  if (worst && worst.average > s.nightWorkerWeeklyAverageMaxMinutes) {
    out.push(
      makeViolation(
        'NIGHT_WORK',
        `Travailleur de nuit : moyenne de ${formatDuration(worst.average)} par semaine sur ${worst.weeks.length} semaines (maximum ${formatDuration(s.nightWorkerWeeklyAverageMaxMinutes)}).`,
        {
          personId: ctx.personId,
          shiftIds: windowItemIds(ctx, worst.weeks),
          severity: 'block',
          legalRef: 'C. trav., art. L3122-7',
        },
      ),
    );
  }
  return out;
}

/** Ids of the items with night work in the night period starting on a civil day. */
function itemsOfNight(ctx: PersonContext, night: CivilDate): string[] {
  return ctx.timeline.items
    .filter((t) => nightMinutesByNight([t], ctx.settings).has(night))
    .map((t) => t.id);
}

const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * L3122-6 read per period of 24 hours, not per civil day: a night worker's night work in any
 * sliding 24 hours of real elapsed time (a 23- or 25-hour civil day changes nothing) is at most
 * 8 h, so 22:00–06:00 then 20:00–… the next evening is caught across midnight. The most night
 * work a 24-hour window holds is reached when it starts where a night piece starts or ends where
 * one ends; windows told do not overlap.
 */
function checkNightPer24Hours(ctx: PersonContext): Violation[] {
  const s = ctx.settings;
  const max = s.nightWorkerDailyMaxMinutes;
  const pieces = nightIntervals(ctx.timeline.segments, s);
  const from = startOfCivilDay(ctx.windowDays[0], ctx.timeZone);
  const to = startOfCivilDay(addDays(ctx.windowDays[ctx.windowDays.length - 1], 1), ctx.timeZone);
  const starts = [...new Set(pieces.flatMap((p) => [p.start, p.end - DAY_MS]))].sort(
    (a, b) => a - b,
  );
  const out: Violation[] = [];
  let toldUntil = Number.NEGATIVE_INFINITY;
  for (const start of starts) {
    const end = start + DAY_MS;
    if (start < toldUntil || end <= from || start >= to) continue;
    let minutes = 0;
    for (const p of pieces) {
      if (p.start >= end) break;
      minutes += Math.max(0, Math.min(p.end, end) - Math.max(p.start, start)) / MINUTE_MS;
    }
    if (minutes <= max) continue;
    toldUntil = end;
    const at = (ms: number): string =>
      `${formatDayLabel(dayOf(ctx, ms))} ${formatTime(ms, ctx.timeZone)}`;
    out.push(
      makeViolation(
        'NIGHT_WORK',
        `Travailleur de nuit : ${formatDuration(minutes)} de travail de nuit en 24 heures, du ${at(start)} au ${at(end)} : ${formatDuration(max)} au plus (L3122-6).`,
        {
          personId: ctx.personId,
          shiftIds: ctx.timeline.items
            .filter((t) => t.start < end && t.end > start)
            .map((t) => t.id),
          severity: 'block',
          legalRef: 'C. trav., art. L3122-6',
        },
      ),
    );
  }
  return out;
}

/** TRAVEL_TIME: two items at different locations closer than the travel time between them. */
export function checkTravelTime(ctx: PersonContext): Violation[] {
  return ctx.timeline.legs
    .filter(
      (l) =>
        l.gapMinutes < l.requiredMinutes && (itemInWindow(ctx, l.from) || itemInWindow(ctx, l.to)),
    )
    .map((l) =>
      makeViolation(
        'TRAVEL_TIME',
        `${formatDuration(Math.max(0, l.gapMinutes))} entre la fin à ${formatTime(l.from.end, ctx.timeZone)} et le début à ${formatTime(l.to.start, ctx.timeZone)} le ${formatDayLabel(dayOf(ctx, l.to.start))}, alors que le trajet entre les deux lieux demande ${formatDuration(l.requiredMinutes)}.`,
        { personId: ctx.personId, shiftIds: [l.from.id, l.to.id] },
      ),
    );
}
