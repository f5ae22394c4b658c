import { PAYROLL_CODES, type PayrollCode, type PayrollQuantities } from '@relais/api-types';
import { joursOuvrables } from './paid-leave';
import type { WorkItem } from './person-input';
import { weeklyPremiums } from './premiums';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { buildTimeline, minutesByDay, nightIntervals } from './work-timeline';
import {
  addDays,
  CivilDate,
  civilDatesBetween,
  isoWeekday,
  isoWeekOf,
  localDate,
  MINUTE_MS,
  splitByCivilDay,
  toEpochMs,
  windowOfIsoWeek,
} from './zoned-time';

/**
 * Labels, units and rates of the payroll codes. Hours are in minutes in quantities; days are
 * calendar days except paid leave, counted in jours ouvrables as the law counts it (L3141-3).
 */
export interface PayrollCodeInfo {
  label: string;
  /** `h`: hours (quantities in minutes), `j`: days. */
  unit: 'h' | 'j';
  /** Premium rate in percent, when the code is a premium band. */
  rate: number | null;
}

export const PAYROLL_CODE_INFO: Record<PayrollCode, PayrollCodeInfo> = {
  HEURES_CONTRAT: { label: 'Heures du contrat (mensualisées)', unit: 'h', rate: null },
  HEURES_TRAVAILLEES: { label: 'Heures travaillées', unit: 'h', rate: null },
  HEURES_FORMATION: { label: 'dont heures de formation', unit: 'h', rate: null },
  HEURES_COMPL_10: { label: 'Heures complémentaires à +10 %', unit: 'h', rate: 10 },
  HEURES_COMPL_25: { label: 'Heures complémentaires à +25 %', unit: 'h', rate: 25 },
  HEURES_SUP_25: { label: 'Heures supplémentaires à +25 %', unit: 'h', rate: 25 },
  HEURES_SUP_50: { label: 'Heures supplémentaires à +50 %', unit: 'h', rate: 50 },
  HEURES_DIMANCHE: { label: 'Heures du dimanche', unit: 'h', rate: null },
  HEURES_FERIE: { label: 'Heures de jours fériés', unit: 'h', rate: null },
  HEURES_NUIT: { label: 'Heures de nuit', unit: 'h', rate: null },
  ABS_CONGES_PAYES: { label: 'Congés payés pris (jours ouvrables)', unit: 'j', rate: null },
  ABS_MALADIE: { label: 'Arrêt maladie (jours calendaires)', unit: 'j', rate: null },
  ABS_FORMATION: { label: 'Absence pour formation (jours calendaires)', unit: 'j', rate: null },
  ABS_INDISPONIBILITE: { label: 'Indisponibilité (jours calendaires)', unit: 'j', rate: null },
  ABS_AUTRE: { label: 'Autre absence (jours calendaires)', unit: 'j', rate: null },
};

/** A contract as payroll reads it: its days and its weekly hours. */
export interface PayrollContract {
  start: CivilDate;
  /** Last day, inclusive; null for a CDI. */
  end: CivilDate | null;
  weeklyHours: number;
}

/** An absence by whole days (first and last day included). */
export interface PayrollAbsence {
  kind: 'leave' | 'sickness' | 'training' | 'unavailability' | 'other';
  start: CivilDate;
  end: CivilDate;
}

export interface PayrollMonthInput {
  /** `2026-11`. */
  month: string;
  /**
   * The person's work items (shifts and training) from the Monday of the first week attributed
   * to the month ({@link payrollMonthSpan}) to the month's last day at least.
   */
  items: readonly WorkItem[];
  contracts: readonly PayrollContract[];
  absences: readonly PayrollAbsence[];
  settings?: Partial<RuleSettings>;
}

export interface PayrollMonth {
  /** First and last day of the month. */
  from: CivilDate;
  to: CivilDate;
  /** ISO weeks whose premiums fall in this month: those that end (Sunday) in it. */
  weeks: string[];
  /** Minutes for `h` codes, days for `j` codes. */
  quantities: PayrollQuantities;
  /** Work items on a day of absence: left out of the hours worked, listed for HR. */
  itemsDuringAbsence: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPayrollMonth(value: string): boolean {
  return MONTH.test(value);
}

/** First and last civil day of `2026-11`. */
export function monthBounds(month: string): { from: CivilDate; to: CivilDate } {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Mois invalide : ${month} (attendu AAAA-MM).`);
  const year = Number(match[1]);
  const index = Number(match[2]);
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month after `2026-12`: `2027-01`. */
export function nextPayrollMonth(month: string): string {
  const { to } = monthBounds(month);
  return addDays(to, 1).slice(0, 7);
}

/**
 * Weeks attributed to a month (each ISO week that ends in it: a week astride two months counts
 * its overtime and complementary hours in the month of its Sunday) and the days the month's
 * computation must read: from the first such week's Monday to the month's last day.
 */
export function payrollMonthSpan(month: string): {
  weeks: string[];
  from: CivilDate;
  to: CivilDate;
} {
  const { from, to } = monthBounds(month);
  const weeks: string[] = [];
  for (const day of civilDatesBetween(from, to)) {
    if (isoWeekday(day) === 7) weeks.push(isoWeekOf(day));
  }
  const first = weeks.length ? windowOfIsoWeek(weeks[0]).from : from;
  return { weeks, from: first < from ? first : from, to };
}

function emptyQuantities(): PayrollQuantities {
  return Object.fromEntries(PAYROLL_CODES.map((code) => [code, 0])) as PayrollQuantities;
}

function contractOn(
  contracts: readonly PayrollContract[],
  day: CivilDate,
): PayrollContract | undefined {
  return contracts.find((c) => c.start <= day && (c.end === null || c.end >= day));
}

const ABSENCE_CODE: Record<PayrollAbsence['kind'], PayrollCode> = {
  leave: 'ABS_CONGES_PAYES',
  sickness: 'ABS_MALADIE',
  training: 'ABS_FORMATION',
  unavailability: 'ABS_INDISPONIBILITE',
  other: 'ABS_AUTRE',
};

/**
 * One person's payroll variables for a month, from the published rota and training:
 * - contract hours mensualised (weekly hours × 52 / 12), pro rata of the calendar days under
 *   contract;
 * - hours worked and their Sunday, public-holiday and night parts by the civil day on which each
 *   minute falls (a shift across midnight counts on both days; night as set, 21 h → 6 h by
 *   default, L3122-2); travel between two places of work counts as work (L3121-4);
 * - complementary (+10 % to 1/10 of the contract, +25 % beyond; L3123-8, L3123-29) and overtime
 *   (+25 % for 8 hours, +50 % beyond; L3121-36) by week, for the weeks that end in the month;
 * - absences by kind in calendar days; paid leave in jours ouvrables;
 * - a work item on a day of absence is not counted as worked: it is listed for HR to settle.
 */
export function payrollMonth(input: PayrollMonthInput): PayrollMonth {
  const settings = resolveRuleSettings(input.settings);
  const { from, to } = monthBounds(input.month);
  const span = payrollMonthSpan(input.month);
  const quantities = emptyQuantities();

  const absenceDays = new Set<CivilDate>();
  for (const absence of input.absences) {
    for (const day of civilDatesBetween(
      absence.start > span.from ? absence.start : span.from,
      absence.end < to ? absence.end : to,
    )) {
      absenceDays.add(day);
      if (day < from || !contractOn(input.contracts, day)) continue;
      if (absence.kind !== 'leave') quantities[ABSENCE_CODE[absence.kind]] += 1;
    }
    if (absence.kind === 'leave') {
      const start = absence.start > from ? absence.start : from;
      const end = absence.end < to ? absence.end : to;
      quantities.ABS_CONGES_PAYES += joursOuvrables(start, end);
    }
  }

  const itemsDuringAbsence: string[] = [];
  const counted = input.items.filter((item) => {
    const day = localDate(toEpochMs(item.start), settings.timeZone);
    if (!absenceDays.has(day)) return true;
    if (day >= from && day <= to) itemsDuringAbsence.push(item.id);
    return false;
  });

  // Contract hours, mensualised, pro rata of the days under contract.
  const days = civilDatesBetween(from, to);
  let contractMinutes = 0;
  for (const day of days) {
    const contract = contractOn(input.contracts, day);
    if (contract) contractMinutes += (contract.weeklyHours * 60 * 52) / 12 / days.length;
  }
  quantities.HEURES_CONTRAT = Math.round(contractMinutes);

  const timeline = buildTimeline(counted, settings);
  const byDay = minutesByDay(timeline.segments, settings.timeZone);
  const holidays = holidayMap(settings, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)));
  for (const [day, minutes] of byDay) {
    if (day < from || day > to) continue;
    quantities.HEURES_TRAVAILLEES += minutes;
    if (isoWeekday(day) === 7) quantities.HEURES_DIMANCHE += minutes;
    if (holidays.has(day)) quantities.HEURES_FERIE += minutes;
  }
  const trainingIds = new Set(
    counted.filter((item) => item.activity === 'training').map((item) => item.id),
  );
  for (const segment of timeline.segments) {
    if (segment.isTravel || !trainingIds.has(segment.itemId)) continue;
    for (const part of splitByCivilDay(segment, settings.timeZone)) {
      if (part.date >= from && part.date <= to) {
        quantities.HEURES_FORMATION += (part.end - part.start) / MINUTE_MS;
      }
    }
  }
  for (const night of nightIntervals(timeline.segments, settings)) {
    for (const part of splitByCivilDay(night, settings.timeZone)) {
      if (part.date >= from && part.date <= to) {
        quantities.HEURES_NUIT += (part.end - part.start) / MINUTE_MS;
      }
    }
  }

  for (const week of span.weeks) {
    const window = windowOfIsoWeek(week);
    let worked = 0;
    let lastWorked: CivilDate | null = null;
    for (const day of civilDatesBetween(window.from, window.to)) {
      const minutes = byDay.get(day) ?? 0;
      worked += minutes;
      if (minutes > 0) lastWorked = day;
    }
    const contract = lastWorked ? contractOn(input.contracts, lastWorked) : undefined;
    if (!contract) continue;
    const bands = weeklyPremiums(contract.weeklyHours, worked, settings);
    quantities.HEURES_COMPL_10 += bands.complementary10;
    quantities.HEURES_COMPL_25 += bands.complementary25;
    quantities.HEURES_SUP_25 += bands.overtime25;
    quantities.HEURES_SUP_50 += bands.overtime50;
  }

  for (const code of PAYROLL_CODES) {
    if (PAYROLL_CODE_INFO[code].unit === 'h') quantities[code] = Math.round(quantities[code]);
  }
  return { from, to, weeks: span.weeks, quantities, itemsDuringAbsence };
}
