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

/** Hours as a number in French notation: `24 h`, `20,5 h`. */
export function formatHours(hours: number): string {
  return `${String(Math.round(hours * 100) / 100).replace('.', ',')} h`;
}
