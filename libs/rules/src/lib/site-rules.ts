import { severityRank, Violation } from '@relais/api-types';
import { formatDayLabel, formatTime } from './french-format';
import { franceServicesOpeningShortfall } from './opening-hours';
import { PersonSkill } from './person-input';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { CoverageRequirement, OpeningSlot, SiteWeekInput } from './site-input';
import { hasValidSkill, skillLabel, skillViolation } from './skills';
import { makeViolation } from './violation-builder';
import { mergeIntervals, TimedItem, timeItem } from './work-timeline';
import {
  CivilDate,
  Interval,
  IsoWeekRange,
  overlapMs,
  parseIsoWeek,
  wallClock,
  zonedInstant,
} from './zoned-time';

interface SiteContext {
  input: SiteWeekInput;
  settings: RuleSettings;
  timeZone: string;
  week: IsoWeekRange;
  shifts: TimedItem[];
  holidays: Map<CivilDate, string>;
  /** {@link holds} by skill and shift: every opening slot and requirement asks again. */
  held: Map<string, Map<TimedItem, boolean>>;
}

/**
 * Calls `visit` for each piece of `slot` cut where people of `shifts` arrive or leave, with the
 * number of distinct people present in it (breaks deducted). No array of pieces: the coverage
 * checks run this for every slot of every week the planner tries.
 */
function eachPiece(
  slot: Interval,
  shifts: readonly TimedItem[],
  visit: (piece: Interval, count: number) => void,
): void {
  // Only the presence within the slot can cut it or count in it (a week's slots are each a
  // few hours of one day: most of the week's shifts are left out here).
  // Each shift's presence on the timeline: the shift minus its break.
  const parts: { person: string; start: number; end: number }[] = [];
  for (const t of shifts) {
    if (t.breakStart > t.start && t.breakStart > slot.start && t.start < slot.end) {
      parts.push({ person: t.item.personId ?? '', start: t.start, end: t.breakStart });
    }
    if (t.end > t.breakEnd && t.end > slot.start && t.breakEnd < slot.end) {
      parts.push({ person: t.item.personId ?? '', start: t.breakEnd, end: t.end });
    }
  }
  const cuts = new Set<number>([slot.start, slot.end]);
  for (const p of parts) {
    if (p.start > slot.start && p.start < slot.end) cuts.add(p.start);
    if (p.end > slot.start && p.end < slot.end) cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = { start: points[i], end: points[i + 1] };
    const people = new Set(parts.filter((p) => overlapMs(p, piece) > 0).map((p) => p.person));
    visit(piece, people.size);
  }
}

/**
 * `slot` cut where people arrive or leave, each piece with the number of distinct people of
 * `shifts` present in it (breaks deducted).
 */
export function presenceCounts(
  slot: Interval,
  shifts: readonly TimedItem[],
): (Interval & { count: number })[] {
  const pieces: (Interval & { count: number })[] = [];
  eachPiece(slot, shifts, (piece, count) => pieces.push({ ...piece, count }));
  return pieces;
}

/**
 * Sub-intervals of `slot` where fewer than `need` distinct people from `shifts` are present,
 * with the lowest count seen.
 */
function shortfalls(
  slot: Interval,
  shifts: readonly TimedItem[],
  need: number,
): { gaps: Interval[]; lowest: number } {
  const gaps: Interval[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  eachPiece(slot, shifts, (piece, count) => {
    lowest = Math.min(lowest, count);
    if (count < need) gaps.push(piece);
  });
  return { gaps: mergeIntervals(gaps), lowest: Number.isFinite(lowest) ? lowest : 0 };
}

function assigned(t: TimedItem): boolean {
  return t.item.personId !== undefined && t.item.personId !== null && t.item.personId !== '';
}

function skillsOf(
  ctx: SiteContext,
  personId: string,
): { skills: readonly PersonSkill[]; isEmployee: boolean } {
  const person = ctx.input.people.find((p) => p.personId === personId);
  return { skills: person?.skills ?? [], isEmployee: person?.isEmployee !== false };
}

function holds(ctx: SiteContext, t: TimedItem, skill: string): boolean {
  let bySkill = ctx.held.get(skill);
  if (bySkill === undefined) {
    bySkill = new Map();
    ctx.held.set(skill, bySkill);
  }
  let known = bySkill.get(t);
  if (known === undefined) {
    const date = wallClock(t.start, ctx.timeZone).date;
    known = hasValidSkill(skillsOf(ctx, t.item.personId ?? '').skills, skill, date);
    bySkill.set(t, known);
  }
  return known;
}

/** Opening slots and coverage requirements made concrete on the week's dates. */
function datedRanges<T extends OpeningSlot | CoverageRequirement>(
  ctx: SiteContext,
  ranges: readonly T[],
): { range: T; date: CivilDate; slot: Interval }[] {
  const out: { range: T; date: CivilDate; slot: Interval }[] = [];
  for (const range of ranges) {
    const date = ctx.week.days[range.weekday - 1];
    if (date === undefined) continue;
    if (ctx.settings.closedOnPublicHolidays && ctx.holidays.has(date)) continue;
    const slot = {
      start: zonedInstant(date, range.start, ctx.timeZone),
      end: zonedInstant(date, range.end, ctx.timeZone),
    };
    if (slot.end > slot.start) out.push({ range, date, slot });
  }
  return out;
}

function slotLabel(ctx: SiteContext, date: CivilDate, i: Interval): string {
  return `${formatDayLabel(date)} ${formatTime(i.start, ctx.timeZone)}–${formatTime(i.end, ctx.timeZone)}`;
}

function gapsLabel(ctx: SiteContext, gaps: readonly Interval[]): string {
  return gaps
    .map((g) => `${formatTime(g.start, ctx.timeZone)}–${formatTime(g.end, ctx.timeZone)}`)
    .join(', ');
}

function idsOverlapping(shifts: readonly TimedItem[], slot: Interval): string[] {
  return shifts.filter((t) => overlapMs(t, slot) > 0).map((t) => t.id);
}

/** FS_OPENING_HOURS: published public hours ≥ 24 h over ≥ 5 days (France Services charter). */
function checkOpeningHours(ctx: SiteContext): Violation[] {
  if (!ctx.input.isFranceServices) return [];
  const shortfall = franceServicesOpeningShortfall(ctx.input.openingHours, ctx.settings);
  return shortfall ? [makeViolation('FS_OPENING_HOURS', shortfall)] : [];
}

interface OpeningStaff {
  here: TimedItem[];
  desk: TimedItem[];
  trained: TimedItem[];
  sst: TimedItem[];
}

function openingStaff(ctx: SiteContext, locationId: string): OpeningStaff {
  const here = ctx.shifts.filter((t) => assigned(t) && t.locationId === locationId);
  const desk = here.filter((t) => t.item.activity === 'accueil');
  return {
    here,
    desk,
    trained: ctx.input.isFranceServices
      ? desk.filter((t) => holds(ctx, t, 'france_services_initial'))
      : [],
    sst: here.filter((t) => holds(ctx, t, 'sst')),
  };
}

/**
 * FS_TRAINED_COVERAGE (≥ 2 France Services-trained agents at the desk for every opening slot;
 * an untrained agent is never alone) and SST_COVERAGE (≥ 1 valid SST holder on site).
 */
function checkOpeningSlots(ctx: SiteContext): Violation[] {
  const s = ctx.settings;
  const out: Violation[] = [];
  // The staff a location's slots count do not depend on the slot: listed once per location.
  const staffByLocation = new Map<string, OpeningStaff>();
  for (const { range, date, slot } of datedRanges(ctx, ctx.input.openingHours)) {
    let staff = staffByLocation.get(range.locationId);
    if (staff === undefined) {
      staff = openingStaff(ctx, range.locationId);
      staffByLocation.set(range.locationId, staff);
    }
    const { here, desk, trained, sst } = staff;
    if (ctx.input.isFranceServices) {
      const { gaps, lowest } = shortfalls(slot, trained, s.fsTrainedMinStaff);
      if (gaps.length > 0) {
        out.push(
          makeViolation(
            'FS_TRAINED_COVERAGE',
            `${slotLabel(ctx, date, slot)} : ${lowest} agent(s) formé(s) France Services à l’accueil (${gapsLabel(ctx, gaps)}), minimum ${s.fsTrainedMinStaff}.`,
            { shiftIds: idsOverlapping(desk, slot) },
          ),
        );
      }
    }
    const { gaps } = shortfalls(slot, sst, s.sstMinStaff);
    if (gaps.length > 0) {
      out.push(
        makeViolation(
          'SST_COVERAGE',
          `${slotLabel(ctx, date, slot)} : pas de sauveteur secouriste du travail (SST valide) présent (${gapsLabel(ctx, gaps)}).`,
          { shiftIds: idsOverlapping(here, slot) },
        ),
      );
    }
  }
  return out;
}

/** UNDER_COVERAGE: a coverage requirement not met, by staff count or skill. */
function checkCoverage(ctx: SiteContext): Violation[] {
  const out: Violation[] = [];
  for (const { range, date, slot } of datedRanges(ctx, ctx.input.coverage)) {
    const need = Math.max(range.minStaff, range.isPair ? 2 : 0);
    const activity = range.activity;
    const here = ctx.shifts.filter(
      (t) =>
        assigned(t) &&
        t.locationId === range.locationId &&
        (activity === undefined || activity === null || t.item.activity === activity),
    );
    const skill = range.requiredSkill;
    const counted = skill ? here.filter((t) => holds(ctx, t, skill)) : here;
    const { gaps, lowest } = shortfalls(slot, counted, need);
    if (gaps.length > 0) {
      const who = skill ? `personne(s) avec ${skillLabel(skill)}` : 'personne(s)';
      out.push(
        makeViolation(
          'UNDER_COVERAGE',
          `${slotLabel(ctx, date, slot)} : ${lowest} ${who} sur ${need} requise(s) (${gapsLabel(ctx, gaps)}).`,
          { shiftIds: idsOverlapping(here, slot) },
        ),
      );
    }
  }
  return out;
}

/** OPEN_SHIFT: a shift with nobody assigned. */
function checkOpenShifts(ctx: SiteContext): Violation[] {
  return ctx.shifts
    .filter((t) => !assigned(t))
    .map((t) =>
      makeViolation(
        'OPEN_SHIFT',
        `Créneau sans personne le ${slotLabel(ctx, wallClock(t.start, ctx.timeZone).date, t)}.`,
        { shiftIds: [t.id] },
      ),
    );
}

/**
 * SKILL_REQUIRED: an activity needing a habilitation (Aidants Connect) given to someone without
 * it; CERTIFICATE_EXPIRED when the one held has expired by the day.
 */
function checkSkills(ctx: SiteContext): Violation[] {
  const out: Violation[] = [];
  for (const t of ctx.shifts) {
    if (!assigned(t)) continue;
    const required = t.item.requiredSkill ?? ctx.settings.requiredSkillByActivity[t.item.activity];
    if (!required) continue;
    const personId = t.item.personId ?? '';
    const { skills, isEmployee } = skillsOf(ctx, personId);
    const date = wallClock(t.start, ctx.timeZone).date;
    const problem = skillViolation(required, skills, isEmployee, date);
    if (problem) {
      out.push(
        makeViolation(problem.rule, `Créneau du ${formatDayLabel(date)} : ${problem.message}`, {
          personId,
          shiftIds: [t.id],
        }),
      );
    }
  }
  return out;
}

/** OUTREACH_PAIR: outreach (porte-à-porte, pied d'immeuble) is staffed by at least 2. */
function checkOutreach(ctx: SiteContext): Violation[] {
  const outreachLocations = new Set(
    ctx.input.locations.filter((l) => l.kind === 'outreach').map((l) => l.id),
  );
  const outreach = ctx.shifts.filter(
    (t) =>
      t.item.activity === 'outreach' ||
      (t.locationId !== null && outreachLocations.has(t.locationId)),
  );
  const byLocation = new Map<string, TimedItem[]>();
  for (const t of outreach) {
    const key = t.locationId ?? '';
    byLocation.set(key, [...(byLocation.get(key) ?? []), t]);
  }
  const out: Violation[] = [];
  for (const shifts of byLocation.values()) {
    for (const slot of mergeIntervals(shifts)) {
      const staffed = shifts.filter(assigned);
      const { gaps, lowest } = shortfalls(slot, staffed, ctx.settings.outreachMinStaff);
      if (gaps.length === 0) continue;
      out.push(
        makeViolation(
          'OUTREACH_PAIR',
          `Médiation sortante du ${slotLabel(ctx, wallClock(slot.start, ctx.timeZone).date, slot)} : ${lowest} personne(s) (${gapsLabel(ctx, gaps)}), minimum ${ctx.settings.outreachMinStaff}.`,
          { shiftIds: idsOverlapping(shifts, slot) },
        ),
      );
    }
  }
  return out;
}

/**
 * Site-week checks: publication (group C: UNDER_COVERAGE, OPEN_SHIFT) and sites and
 * qualifications (group E: FS_OPENING_HOURS, FS_TRAINED_COVERAGE, SST_COVERAGE, SKILL_REQUIRED,
 * OUTREACH_PAIR). Throws a RangeError on an invalid week or shift.
 */
export function checkSiteWeek(input: SiteWeekInput): Violation[] {
  const settings = resolveRuleSettings(input.settings);
  const timeZone = settings.timeZone;
  const week = parseIsoWeek(input.week, timeZone);
  const year = Number(week.monday.slice(0, 4));
  const ctx: SiteContext = {
    input,
    settings,
    timeZone,
    week,
    shifts: input.shifts.map(timeItem).filter((t) => overlapMs(t, week) > 0),
    holidays: holidayMap(settings, year, year + 1),
    held: new Map(),
  };
  return [
    ...checkOpeningHours(ctx),
    ...checkOpeningSlots(ctx),
    ...checkSkills(ctx),
    ...checkOutreach(ctx),
    ...checkCoverage(ctx),
    ...checkOpenShifts(ctx),
  ].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
