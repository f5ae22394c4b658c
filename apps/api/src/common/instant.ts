import { offsetMinutes } from '@relais/rules';

/** "2026-12-01T09:00:00+01:00": the instant written in the organisation's wall-clock time. */
export function toZonedIso(date: Date | number, timeZone = 'Europe/Paris'): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
