import { addDays, addMonths, type CivilDate } from './zoned-time';

// PMSMP (périodes de mise en situation en milieu professionnel), Code du travail L5135-1 to
// L5135-8 and D5135-1 to D5135-8. The convention « est conclue pour une durée ne pouvant excéder
// un mois de date à date » (D5135-3): from the 12 March, the 11 April at the latest.

/**
 * The last day a PMSMP starting on `start` may run to: the day before the same date a month on
 * (12 March → 11 April); when the next month has no such date (31 January), its last day.
 */
export function immersionLastDay(start: CivilDate): CivilDate {
  const next = addMonths(start, 1);
  return next.slice(8, 10) < start.slice(8, 10) ? next : addDays(next, -1);
}
