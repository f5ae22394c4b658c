import { civilDate, formatTime } from '@relais/rules';
import { ORGANISATION_TIME_ZONE } from '../core/time';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

/** The Paris civil date of an instant ("2026-12-01"). */
export function dayOf(iso: string): string {
  return civilDate(new Date(iso).getTime(), ORGANISATION_TIME_ZONE);
}

/** "09:00" in Paris time, whatever the device. */
export function timeOf(iso: string): string {
  return formatTime(new Date(iso).getTime(), ORGANISATION_TIME_ZONE);
}

/** "09:00–12:30". */
export function rangeOf(start: string, end: string): string {
  return `${timeOf(start)}–${timeOf(end)}`;
}

/** "mardi 1er décembre" (fr) or "Tuesday 1 December" (en) for a civil date. */
export function dayTitle(date: string, lang: 'fr' | 'en'): string {
  const parts = new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).formatToParts(new Date(`${date}T12:00:00Z`));
  return parts
    .map((part) =>
      lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value,
    )
    .join('');
}

/** "ven. 27/11 à 08:12" (fr) or "Fri 27/11 at 08:12" (en): when data was last fetched. */
export function asOfLabel(iso: string, lang: 'fr' | 'en'): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: ORGANISATION_TIME_ZONE,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
  }).format(date);
  return `${day} ${lang === 'fr' ? 'à' : 'at'} ${timeOf(iso)}`;
}

/** Worked minutes of a shift (break deducted). */
export function workedMinutes(shift: { start: string; end: string; breakMinutes: number }): number {
  return (
    (new Date(shift.end).getTime() - new Date(shift.start).getTime()) / 60_000 - shift.breakMinutes
  );
}
