/**
 * The years a date, a week or an instant of the organisation's life may fall in. Farther ones
 * are typing mistakes or probes: refused up front with a French 400 naming the field, before any
 * week, time-zone or database arithmetic runs on them (year 9999 plus a few days is no date).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** `"hors de la plage admise (2000 à 2100)"`, after the kind of value (« date », « semaine »). */
export const OUT_OF_RANGE = `hors de la plage admise (${MIN_YEAR} à ${MAX_YEAR})`;

/** True when a value written "YYYY-…" (date, week, instant) has its year within the range. */
export function isYearInRange(value: string): boolean {
  const match = /^(\d{4})-/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
