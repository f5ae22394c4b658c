import { minutesOfDay } from '@relais/rules';

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

/** Length of "09:00"–"12:30" ranges as "35 h" or "31 h 30" (never decimals). */
export function formatDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const rest = totalMinutes % 60;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}

export function rangeMinutes(ranges: { start: string; end: string }[]): number {
  return ranges.reduce(
    (sum, range) => sum + minutesOfDay(range.end) - minutesOfDay(range.start),
    0,
  );
}
