import { civilDate } from '@relais/rules';

/** Today's civil date in the organisation's time zone ("YYYY-MM-DD"). */
export function todayIn(timeZone = 'Europe/Paris', now: Date = new Date()): string {
  return civilDate(now.getTime(), timeZone);
}
