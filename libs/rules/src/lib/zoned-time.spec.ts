import { formatDuration, formatHours, formatTime, formatWeek } from './french-format';
import { easterSunday, frenchPublicHolidays } from './public-holidays';
import {
  addMonths,
  civilDate,
  HOUR_MS,
  isIsoWeek,
  isoWeekOf,
  isoWeekOfInstant,
  parseIsoWeek,
  splitByCivilDay,
  toEpochMs,
  zonedInstant,
} from './zoned-time';

const TZ = 'Europe/Paris';

describe('ISO weeks in Europe/Paris', () => {
  it.each([
    ['2026-W49', '2026-11-30', '2026-12-06', 168],
    ['2026-W13', '2026-03-23', '2026-03-29', 167],
    ['2026-W43', '2026-10-19', '2026-10-25', 169],
    ['2026-W01', '2025-12-29', '2026-01-04', 168],
    ['2026-W53', '2026-12-28', '2027-01-03', 168],
  ])('%s runs from %s to %s and lasts %i h', (week, monday, sunday, hours) => {
    const range = parseIsoWeek(week, TZ);
    expect(range.monday).toBe(monday);
    expect(range.sunday).toBe(sunday);
    expect((range.end - range.start) / HOUR_MS).toBe(hours);
    expect(isoWeekOf(monday)).toBe(week);
    expect(isoWeekOf(sunday)).toBe(week);
  });

  it.each(['2026-W54', '2025-W53', '2026-49', '2026-W00'])('rejects %s', (week) => {
    expect(isIsoWeek(week)).toBe(false);
    expect(() => parseIsoWeek(week, TZ)).toThrow(RangeError);
  });

  it('puts Sunday 23:30 in the week and Monday 00:00 in the next one', () => {
    expect(isoWeekOfInstant('2026-12-06T23:30:00+01:00', TZ)).toBe('2026-W49');
    expect(isoWeekOfInstant('2026-12-06T23:00:00Z', TZ)).toBe('2026-W50');
  });
});

describe('wall-clock conversion', () => {
  it.each([
    ['2026-12-01', '09:00', '2026-12-01T08:00:00.000Z'],
    ['2026-07-01', '09:00', '2026-07-01T07:00:00.000Z'],
    ['2026-03-29', '00:00', '2026-03-28T23:00:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s %s in Paris is %s', (date, time, iso) => {
    expect(new Date(zonedInstant(date, time, TZ)).toISOString()).toBe(iso);
  });

  it('splits a cross-midnight shift into two civil days', () => {
    const parts = splitByCivilDay(
      {
        start: toEpochMs('2026-12-01T22:00:00+01:00'),
        end: toEpochMs('2026-12-02T02:00:00+01:00'),
      },
      TZ,
    );
    expect(parts.map((p) => [p.date, (p.end - p.start) / HOUR_MS])).toEqual([
      ['2026-12-01', 2],
      ['2026-12-02', 2],
    ]);
  });

  it('gives the DST days their real length', () => {
    const start = zonedInstant('2026-03-28', '12:00', TZ);
    const end = zonedInstant('2026-10-26', '12:00', TZ);
    const days = splitByCivilDay({ start, end }, TZ);
    const lengths = new Map(days.map((d) => [d.date, (d.end - d.start) / HOUR_MS]));
    expect(lengths.get('2026-03-29')).toBe(23);
    expect(lengths.get('2026-10-25')).toBe(25);
    expect(lengths.get('2026-06-01')).toBe(24);
  });

  it('reads epoch ms and ISO strings, and refuses garbage', () => {
    expect(civilDate(Date.UTC(2026, 11, 6, 23, 30), TZ)).toBe('2026-12-07');
    expect(() => toEpochMs('demain')).toThrow(RangeError);
    expect(() => toEpochMs('2026-12-01T09:00:00')).toThrow(RangeError);
    expect(toEpochMs('2026-12-01T09:00:00Z')).toBe(Date.UTC(2026, 11, 1, 9));
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-01', 18, '2027-07-01'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('French formatting', () => {
  it.each([
    [630, '10 h 30'],
    [600, '10 h'],
    [45, '45 min'],
    [601, '10 h 01'],
  ])('formatDuration(%i) = %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it.each([
    [24.5, '24 h 30'],
    [35, '35 h'],
    [132.5, '132 h 30'],
    [7.25, '7 h 15'],
  ])('formatHours(%d) = %s (never decimals)', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it.each([
    ['2026-W50', 2026, 'semaine 50'],
    ['2027-W01', 2026, 'semaine 1 de 2027'],
    ['2026-W53', 2027, 'semaine 53 de 2026'],
  ])('formatWeek(%s, %i) = %s', (week, year, text) => {
    expect(formatWeek(week, year)).toBe(text);
  });

  it('formats times in 24-hour Paris time', () => {
    expect(formatTime(toEpochMs('2026-07-01T19:05:00Z'), TZ)).toBe('21:05');
  });
});

describe('French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the 11 holidays of 2026 with the Easter-based ones', () => {
    const list = frenchPublicHolidays(2026);
    expect(list).toHaveLength(11);
    expect(list.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(list.find((h) => h.date === '2026-05-25')?.name).toBe('Lundi de Pentecôte');
  });
});
