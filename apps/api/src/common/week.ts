import { parseIsoWeek, windowOfIsoWeek } from '@relais/rules';

/** The organisation's time zone: civil days and ISO weeks are Paris ones. */
export const TIME_ZONE = 'Europe/Paris';

export interface WeekBounds {
  /** Monday and Sunday, civil dates. */
  from: string;
  to: string;
  /** The week's instants, Monday 00:00 included to next Monday 00:00 excluded (167–169 h). */
  startMs: number;
  endMs: number;
}

export function weekBounds(week: string): WeekBounds {
  const range = parseIsoWeek(week, TIME_ZONE);
  const { from, to } = windowOfIsoWeek(week);
  return { from, to, startMs: range.start, endMs: range.end };
}
