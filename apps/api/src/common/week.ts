import { parseIsoWeek, windowOfIsoWeek } from '@relais/rules';

/**
 * The default time zone (the demo organisation's), where an organisation's own (its settings'
 * `timeZone`) is not read yet.
 */
export const TIME_ZONE = 'Europe/Paris';

export interface WeekBounds {
  /** Monday and Sunday, civil dates. */
  from: string;
  to: string;
  /** The week's instants, Monday 00:00 included to next Monday 00:00 excluded (167–169 h). */
  startMs: number;
  endMs: number;
}

export function weekBounds(week: string, timeZone = TIME_ZONE): WeekBounds {
  const range = parseIsoWeek(week, timeZone);
  const { from, to } = windowOfIsoWeek(week);
  return { from, to, startMs: range.start, endMs: range.end };
}
