import { minutesOfDay, formatDuration as rulesDuration } from '@relais/rules/format';

/** The organisation's time zone: days and weeks are Paris days and weeks, whatever the device. */
export const ORGANISATION_TIME_ZONE = 'Europe/Paris';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

// Building an Intl.DateTimeFormat costs far more than formatting with one: build each once.
const LONG_DATE: Partial<Record<'fr' | 'en', Intl.DateTimeFormat>> = {};

function longDateFormat(lang: 'fr' | 'en'): Intl.DateTimeFormat {
  return (LONG_DATE[lang] ??= new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: ORGANISATION_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }));
}

/** "vendredi 27 novembre 2026" (fr) or "Friday 27 November 2026" (en), in Paris time. */
export function formatLongDate(date: Date, lang: 'fr' | 'en'): string {
  const parts = longDateFormat(lang).formatToParts(date);
  // French writes the first day of a month as an ordinal: "mardi 1er décembre".
  return parts
    .map((part) =>
      lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value,
    )
    .join('');
}

/**
 * A duration on screen: the rules' "31 h 30" (never decimals) with no-break spaces, so that
 * "35 h" never wraps between the number and its unit.
 */
export function formatDuration(totalMinutes: number): string {
  // "0 h" beside "63 h" reads better than the rules' "0 min".
  if (totalMinutes === 0) return '0\u00a0h';
  return rulesDuration(totalMinutes).replace(/ /g, '\u00a0');
}

/** A number of hours ("24.5" from the API) on screen: "24 h 30". */
export function formatHoursOnScreen(hours: number): string {
  return formatDuration(Math.round(hours * 60));
}

export function rangeMinutes(ranges: { start: string; end: string }[]): number {
  return ranges.reduce(
    (sum, range) => sum + minutesOfDay(range.end) - minutesOfDay(range.start),
    0,
  );
}
