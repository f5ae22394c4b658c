import type { OpeningHours } from '@relais/api-types';
import { minutesOfDay } from './durations';
import { formatDuration } from './french-format';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { mergeIntervals } from './work-timeline';

/** A problem with one range of a site's opening hours, named by its field. */
export interface OpeningHoursIssue {
  field: string;
  message: string;
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** « 9 h 30 » for "09:30". */
function timeLabel(time: string): string {
  const [hours, minutes] = time.split(':');
  return minutes === '00' ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}

/**
 * What is wrong with a site's public opening hours as typed: an end not after its start, or two
 * ranges of the same day that overlap. Each issue names its field (`openingHours.2.end`). The
 * API refuses the hours with these; the Sites form shows them under the day before sending.
 */
export function openingHoursIssues(hours: readonly OpeningHours[]): OpeningHoursIssue[] {
  const issues: OpeningHoursIssue[] = [];
  hours.forEach((range, index) => {
    if (!TIME.test(range.start) || !TIME.test(range.end)) return;
    if (minutesOfDay(range.end) <= minutesOfDay(range.start)) {
      issues.push({
        field: `openingHours.${index}.end`,
        message: `le ${DAY_NAMES[range.weekday - 1]}, la plage doit finir après ${timeLabel(range.start)}`,
      });
      return;
    }
    const clash = hours.findIndex(
      (other, at) =>
        at < index &&
        other.weekday === range.weekday &&
        minutesOfDay(other.start) < minutesOfDay(range.end) &&
        minutesOfDay(range.start) < minutesOfDay(other.end),
    );
    if (clash >= 0) {
      const other = hours[clash];
      issues.push({
        field: `openingHours.${index}.start`,
        message: `le ${DAY_NAMES[range.weekday - 1]}, ${timeLabel(range.start)}–${timeLabel(range.end)} chevauche ${timeLabel(other.start)}–${timeLabel(other.end)}`,
      });
    }
  });
  return issues;
}

/** Public hours in a week (overlaps counted once) and the number of days the site opens. */
export function openingHoursTotals(hours: readonly OpeningHours[]): {
  minutes: number;
  days: number;
} {
  const ranges = hours
    .map((range) => ({
      start: (range.weekday - 1) * 1440 + minutesOfDay(range.start),
      end: (range.weekday - 1) * 1440 + minutesOfDay(range.end),
    }))
    .filter((range) => range.end > range.start);
  return {
    minutes: mergeIntervals(ranges).reduce((sum, range) => sum + range.end - range.start, 0),
    days: new Set(hours.filter((range) => range.end > range.start).map((range) => range.weekday))
      .size,
  };
}

/**
 * FS_OPENING_HOURS: a France Services site opens to the public at least 24 h a week over at least
 * 5 days (the national charter; both figures are settings). The French message when the hours
 * fall short, or null.
 */
export function franceServicesOpeningShortfall(
  hours: readonly OpeningHours[],
  settings?: Partial<RuleSettings>,
): string | null {
  const s = resolveRuleSettings(settings);
  const { minutes, days } = openingHoursTotals(hours);
  if (minutes >= s.fsMinOpeningMinutesPerWeek && days >= s.fsMinOpeningDays) return null;
  return `Horaires publics de ${formatDuration(minutes)} sur ${days} jour${days > 1 ? 's' : ''} : un espace France Services ouvre au moins ${formatDuration(s.fsMinOpeningMinutesPerWeek)} sur ${s.fsMinOpeningDays} jours (charte nationale France Services).`;
}
