import type { OpeningHours } from '@relais/api-types';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { CivilDate, isoWeekday } from './zoned-time';

/** Why a site does not work on a day: a public holiday, or a weekday it never opens. */
export interface ClosedDay {
  reason: 'holiday' | 'closed';
  /** French words for the manager: « jour férié (Noël) », « site fermé le samedi ». */
  label: string;
}

const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/**
 * Whether a site is closed on a day, so that nothing is planned on it in bulk (copy of a week,
 * templates, auto-fill). A public holiday closes every site (the organisation's own list of
 * holidays when it keeps one); a weekday without any opening range closes a site that publishes
 * opening hours. A site without opening hours is never closed by its weekday.
 */
export function closedDayOf(
  date: CivilDate,
  openingHours: readonly OpeningHours[],
  settings?: Partial<RuleSettings>,
): ClosedDay | null {
  const year = Number(date.slice(0, 4));
  const holiday = holidayMap(resolveRuleSettings(settings), year, year).get(date);
  if (holiday) return { reason: 'holiday', label: `jour férié (${holiday})` };
  const weekday = isoWeekday(date);
  if (openingHours.length > 0 && !openingHours.some((range) => range.weekday === weekday))
    return { reason: 'closed', label: `site fermé le ${WEEKDAY_NAMES[weekday - 1]}` };
  return null;
}
