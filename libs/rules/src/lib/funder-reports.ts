import type {
  FranceServicesDay,
  FranceServicesGap,
  FranceServicesWeek,
  OpeningHours,
} from '@relais/api-types';
import { minutesOfDay } from './durations';
import { formatTime } from './french-format';
import { monthBounds } from './payroll-month';
import { WorkItem } from './person-input';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { closedDayOf } from './site-calendar';
import { SitePerson } from './site-input';
import { presenceCounts } from './site-rules';
import { hasValidSkill } from './skills';
import { mergeIntervals, timeItem } from './work-timeline';
import {
  CivilDate,
  civilDatesBetween,
  isoWeekday,
  isoWeekOf,
  MINUTE_MS,
  windowOfIsoWeek,
  zonedInstant,
} from './zoned-time';

/** The ISO weeks with at least one day in the month, in order. */
export function isoWeeksOfMonth(month: string): string[] {
  const { from, to } = monthBounds(month);
  return [...new Set(civilDatesBetween(from, to).map(isoWeekOf))];
}

/** What the France Services month report reads of a site. */
export interface FranceServicesMonthInput {
  month: string;
  openingHours: readonly OpeningHours[];
  /** The site's desks (locations of kind `site`): France Services opening is held there. */
  deskLocationIds: readonly string[];
  /** Assigned items of the site over the weeks touching the month. */
  shifts: readonly WorkItem[];
  people: readonly SitePerson[];
  /** Weeks whose rota is published: only their shifts count. */
  publishedWeeks: readonly string[];
  settings?: Partial<RuleSettings>;
}

export interface FranceServicesMonth {
  days: FranceServicesDay[];
  gaps: FranceServicesGap[];
  weeks: FranceServicesWeek[];
  unpublishedWeeks: string[];
}

/**
 * FS_TRAINED_COVERAGE over a month, for the funders: day by day the public opening minutes and
 * those held by at least `fsTrainedMinStaff` France Services-trained agents at the desk (the
 * `accueil` activity, `france_services_initial` valid that day), every stretch held by fewer
 * (one trained agent alone is a gap), and per ISO week whether the label's minimum holds on what
 * was actually covered (24 h over 5 days by default). Public holidays and closed weekdays are
 * out; weeks not published count nothing and are listed.
 */
export function franceServicesMonth(input: FranceServicesMonthInput): FranceServicesMonth {
  const s = resolveRuleSettings(input.settings);
  const published = new Set(input.publishedWeeks);
  const weeks = isoWeeksOfMonth(input.month);
  const desks = new Set(input.deskLocationIds);
  const skillsOf = new Map(input.people.map((person) => [person.personId, person.skills]));
  const desk = input.shifts
    .filter(
      (shift) =>
        shift.activity === 'accueil' &&
        shift.personId !== undefined &&
        shift.personId !== null &&
        shift.locationId !== undefined &&
        shift.locationId !== null &&
        desks.has(shift.locationId),
    )
    .map(timeItem);

  const dayOf = (date: CivilDate): { day: FranceServicesDay; gaps: FranceServicesGap[] } => {
    const ranges = input.openingHours.filter((range) => range.weekday === isoWeekday(date));
    const isPublished = published.has(isoWeekOf(date));
    const closed = ranges.length > 0 ? closedDayOf(date, input.openingHours, s) : null;
    const slots = closed
      ? []
      : mergeIntervals(
          ranges
            .filter((range) => minutesOfDay(range.end) > minutesOfDay(range.start))
            .map((range) => ({
              start: zonedInstant(date, range.start, s.timeZone),
              end: zonedInstant(date, range.end, s.timeZone),
            })),
        );
    const trained = desk.filter((t) =>
      hasValidSkill(skillsOf.get(t.item.personId ?? '') ?? [], 'france_services_initial', date),
    );
    let openingMs = 0;
    let coveredMs = 0;
    const gaps: FranceServicesGap[] = [];
    for (const slot of slots) {
      openingMs += slot.end - slot.start;
      if (!isPublished) continue;
      for (const piece of presenceCounts(slot, trained)) {
        if (piece.count >= s.fsTrainedMinStaff) {
          coveredMs += piece.end - piece.start;
          continue;
        }
        const last = gaps.at(-1);
        const start = formatTime(piece.start, s.timeZone);
        if (last && last.end === start && last.trainedAgents === piece.count)
          last.end = formatTime(piece.end, s.timeZone);
        else
          gaps.push({
            date,
            start,
            end: formatTime(piece.end, s.timeZone),
            trainedAgents: piece.count,
          });
      }
    }
    return {
      day: {
        date,
        openingMinutes: openingMs / MINUTE_MS,
        coveredMinutes: coveredMs / MINUTE_MS,
        closedLabel: closed?.label ?? null,
        isPublished,
      },
      gaps,
    };
  };

  const { from, to } = monthBounds(input.month);
  const days: FranceServicesDay[] = [];
  const gaps: FranceServicesGap[] = [];
  const weekRows: FranceServicesWeek[] = weeks.map((week) => {
    const window = windowOfIsoWeek(week);
    const ofWeek = civilDatesBetween(window.from, window.to).map(dayOf);
    for (const { day, gaps: dayGaps } of ofWeek) {
      if (day.date < from || day.date > to) continue;
      if (day.openingMinutes > 0 || day.closedLabel !== null) days.push(day);
      gaps.push(...dayGaps);
    }
    const openingMinutes = ofWeek.reduce((sum, { day }) => sum + day.openingMinutes, 0);
    const coveredMinutes = ofWeek.reduce((sum, { day }) => sum + day.coveredMinutes, 0);
    const coveredDays = ofWeek.filter(({ day }) => day.coveredMinutes > 0).length;
    const isPublished = published.has(week);
    return {
      week,
      openingMinutes,
      coveredMinutes,
      coveredDays,
      isPublished,
      meetsMinimum:
        isPublished &&
        coveredMinutes >= s.fsMinOpeningMinutesPerWeek &&
        coveredDays >= s.fsMinOpeningDays,
    };
  });
  return {
    days,
    gaps,
    weeks: weekRows,
    unpublishedWeeks: weeks.filter((week) => !published.has(week)),
  };
}
