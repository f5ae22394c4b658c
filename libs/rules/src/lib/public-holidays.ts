import { RuleSettings } from './rule-settings';
import { addDays, CivilDate } from './zoned-time';

/** One French public holiday (jour férié, C. trav., art. L3133-1). */
export interface PublicHoliday {
  date: CivilDate;
  name: string;
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The 11 national public holidays of a year (art. L3133-1), sorted by date. Alsace-Moselle's two
 * extra days are not included.
 */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const y = String(year);
  const list: PublicHoliday[] = [
    { date: `${y}-01-01`, name: 'Jour de l’an' },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: `${y}-05-01`, name: 'Fête du Travail' },
    { date: `${y}-05-08`, name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: `${y}-07-14`, name: 'Fête nationale' },
    { date: `${y}-08-15`, name: 'Assomption' },
    { date: `${y}-11-01`, name: 'Toussaint' },
    { date: `${y}-11-11`, name: 'Armistice 1918' },
    { date: `${y}-12-25`, name: 'Noël' },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** The civil dates of French public holidays for every year from `fromYear` to `toYear`. */
export function frenchPublicHolidayDates(fromYear: number, toYear: number): CivilDate[] {
  const out: CivilDate[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    out.push(...frenchPublicHolidays(y).map((h) => h.date));
  }
  return out;
}

/** Public holidays (date → name) for the years around a window. */
export function holidayMap(
  settings: RuleSettings,
  fromYear: number,
  toYear: number,
): Map<CivilDate, string> {
  const out = new Map<CivilDate, string>();
  if (settings.publicHolidays !== null) {
    for (const d of settings.publicHolidays) out.set(d, 'jour férié');
    return out;
  }
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of frenchPublicHolidays(y)) out.set(h.date, h.name);
  }
  return out;
}
