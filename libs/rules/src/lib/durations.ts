import { toEpochMs } from './zoned-time';

const MINUTE_MS = 60_000;

/** A span of work: ISO 8601 instants (or epoch milliseconds, or dates) and its unpaid break. */
export interface TimedSpan {
  start: string | number | Date;
  end: string | number | Date;
  breakMinutes?: number | null;
}

function epochMs(value: string | number | Date): number {
  return value instanceof Date ? value.getTime() : toEpochMs(value);
}

/** Minutes actually worked in a shift or work item: its span less its break (never below 0). */
export function effectiveMinutes(span: TimedSpan): number {
  return Math.max(
    0,
    (epochMs(span.end) - epochMs(span.start)) / MINUTE_MS - (span.breakMinutes ?? 0),
  );
}

/** Minutes since midnight of a wall-clock time "HH:MM" ("08:45" → 525). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
