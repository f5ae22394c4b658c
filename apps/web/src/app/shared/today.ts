import { CivilDate, civilDate } from '@relais/rules';
import { ORGANISATION_TIME_ZONE } from '../core/time';

/** Today as a civil date in Paris, whatever the device's zone. */
export function todayInParis(now: number = Date.now()): CivilDate {
  return civilDate(now, ORGANISATION_TIME_ZONE);
}
