import { CivilDate, isoWeekday, wallClock } from './zoned-time';

const WEEKDAY_NAMES = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;

/** A wall-clock time in 24-hour format: `09:00`. */
export function formatTime(ms: number, timeZone: string): string {
  const { hours, minutes } = wallClock(ms, timeZone);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A duration in French rota style: `10 h 30`, `8 h`, `45 min`. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${sign}${m} min`;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(m).padStart(2, '0')}`;
}

/** A civil date in French order: `14/03/2027`. */
export function formatDate(date: CivilDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** A civil date with its weekday: `mardi 01/12/2026`. */
export function formatDayLabel(date: CivilDate): string {
  return `${WEEKDAY_NAMES[isoWeekday(date) - 1]} ${formatDate(date)}`;
}

/**
 * A number of hours (contract hours, module hours, "24.5") as a duration: `24 h 30`, `35 h`.
 * Never decimals: "24,5 h" reads as a clock time to many.
 */
export function formatHours(hours: number): string {
  return formatDuration(Math.round(hours * 60));
}

/**
 * An ISO week for a sentence: `semaine 50`, or `semaine 1 de 2027` when its year is not
 * `referenceYear` (the year the reader is in, or of the period being checked). `2026-W50` is
 * for URLs only.
 */
export function formatWeek(week: string, referenceYear?: number): string {
  // `2026-W50`, the usual shape, read without the regular expression (the same fields).
  if (week.length === 8 && week.charCodeAt(4) === 45 && week.charCodeAt(5) === 87) {
    let year = 0;
    let number = 0;
    let isDigits = true;
    for (let i = 0; i < 8 && isDigits; i++) {
      if (i === 4 || i === 5) continue;
      const digit = week.charCodeAt(i) - 48;
      isDigits = digit >= 0 && digit <= 9;
      if (i < 4) year = year * 10 + digit;
      else number = number * 10 + digit;
    }
    if (isDigits) {
      return year === referenceYear ? `semaine ${number}` : `semaine ${number} de ${year}`;
    }
  }
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return `semaine ${week}`;
  const year = Number(match[1]);
  const number = Number(match[2]);
  return year === referenceYear ? `semaine ${number}` : `semaine ${number} de ${year}`;
}

const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** A month in words: `2026-11` → `novembre 2026`. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}
