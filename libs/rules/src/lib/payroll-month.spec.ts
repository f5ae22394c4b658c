import type { PayrollQuantities } from '@relais/api-types';
import {
  PayrollContract,
  monthBounds,
  nextPayrollMonth,
  payrollMonth,
  payrollMonthSpan,
} from './payroll-month';
import type { WorkItem } from './person-input';

const item = (
  id: string,
  date: string,
  start: string,
  end: string,
  breakMinutes = 0,
  activity: WorkItem['activity'] = 'accueil',
  endDate = date,
): WorkItem => ({
  id,
  start: `${date}T${start}:00`,
  end: `${endDate}T${end}:00`,
  breakMinutes,
  activity,
  locationId: 'desk',
});

// Naive local times are read in Europe/Paris by the rules (the settings' zone).
const settings = { timeZone: 'Europe/Paris' };
const zoned = (items: WorkItem[]): WorkItem[] =>
  items.map((i) => ({ ...i, start: paris(String(i.start)), end: paris(String(i.end)) }));
function paris(local: string): string {
  const date = local.slice(0, 10);
  // Winter time after the last Sunday of October, summer time before (2026: 25 October).
  const summer = date >= '2026-03-29' && local < '2026-10-25T03:00';
  return `${local}${summer ? '+02:00' : '+01:00'}`;
}

const partTime: PayrollContract = { start: '2026-01-01', end: null, weeklyHours: 24 };
const fullTime: PayrollContract = { start: '2026-01-01', end: null, weeklyHours: 35 };

const only = (quantities: PayrollQuantities) =>
  Object.fromEntries(Object.entries(quantities).filter(([, value]) => value !== 0));

describe('monthBounds, payrollMonthSpan, nextPayrollMonth', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2027-02', '2027-02-01', '2027-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs from %s to %s', (month, from, to) => {
    expect(monthBounds(month)).toEqual({ from, to });
  });

  it('refuses what is not a month', () => {
    expect(() => monthBounds('2026-13')).toThrow('Mois invalide');
    expect(() => monthBounds('2026-1')).toThrow('AAAA-MM');
  });

  it('attributes to a month the weeks that end in it, read from the first Monday', () => {
    // November 2026: Sundays 1, 8, 15, 22, 29; the week of Monday 30 ends in December.
    expect(payrollMonthSpan('2026-11')).toEqual({
      weeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'],
      from: '2026-10-26',
      to: '2026-11-30',
    });
    expect(payrollMonthSpan('2026-12').weeks[0]).toBe('2026-W49');
    expect(nextPayrollMonth('2026-12')).toBe('2027-01');
    expect(nextPayrollMonth('2026-11')).toBe('2026-12');
  });
});

describe('payrollMonth', () => {
  it('a part-timer over 1/10 with a Sunday, a public holiday, a night and a training, to the minute', () => {
    const items = zoned([
      // Week 44 (26 October – 1 November) ends in November: its premiums are November's, its
      // hours worked October's.
      item('oct', '2026-10-28', '09:00', '17:00', 60),
      // Week 46: 4 × 5 h 30 (Wednesday 11 is Armistice) + Sunday 5 h = 27 h on 24 h.
      item('mon', '2026-11-09', '09:00', '15:00', 30),
      item('tue', '2026-11-10', '09:00', '15:00', 30),
      item('wed', '2026-11-11', '09:00', '15:00', 30),
      item('thu', '2026-11-12', '09:00', '15:00', 30),
      item('sun', '2026-11-15', '10:00', '15:00'),
      // A shift planned during the leave: not counted, listed.
      item('leave', '2026-11-17', '09:00', '12:00'),
      // Friday 20:00 → Saturday 02:00: 5 h of night (21 h → 6 h).
      item('night', '2026-11-20', '20:00', '02:00', 0, 'outreach', '2026-11-21'),
      item('training', '2026-11-24', '09:00', '12:00', 0, 'training'),
      // Monday 30: worked in November, its week's premiums are December's.
      item('last', '2026-11-30', '09:00', '13:00'),
    ]);
    const month = payrollMonth({
      month: '2026-11',
      items,
      contracts: [partTime],
      absences: [
        { kind: 'sickness', start: '2026-11-02', end: '2026-11-04' },
        { kind: 'leave', start: '2026-11-16', end: '2026-11-19' },
      ],
      settings,
    });
    expect(only(month.quantities)).toEqual({
      HEURES_CONTRAT: 6240, // 24 h × 52 / 12 = 104 h
      HEURES_TRAVAILLEES: 1320 + 300 + 360 + 180 + 240,
      HEURES_FORMATION: 180,
      HEURES_COMPL_10: 144, // 1/10 of 24 h = 2 h 24
      HEURES_COMPL_25: 36,
      HEURES_DIMANCHE: 300,
      HEURES_FERIE: 330,
      HEURES_NUIT: 300,
      ABS_CONGES_PAYES: 4, // Monday to Thursday
      ABS_MALADIE: 3,
    });
    expect(month.itemsDuringAbsence).toEqual(['leave']);
  });

  it('a full-timer: +25 % for 8 hours beyond 35 h, +50 % beyond 43 h', () => {
    const items = zoned(
      ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((day, i) =>
        item(`d${i}`, day, '08:00', '19:00'),
      ),
    );
    // 4 × 11 h = 44 h: 8 h at +25 %, 1 h at +50 %.
    const month = payrollMonth({
      month: '2026-11',
      items,
      contracts: [fullTime],
      absences: [],
      settings,
    });
    expect(month.quantities.HEURES_SUP_25).toBe(480);
    expect(month.quantities.HEURES_SUP_50).toBe(60);
    expect(month.quantities.HEURES_COMPL_10).toBe(0);
    expect(month.quantities.HEURES_CONTRAT).toBe(9100); // 151 h 40
  });

  it('contract hours pro rata of the days under contract; absences only on those days', () => {
    const month = payrollMonth({
      month: '2026-11',
      items: [],
      contracts: [{ start: '2026-11-16', end: null, weeklyHours: 35 }],
      absences: [{ kind: 'sickness', start: '2026-11-10', end: '2026-11-17' }],
      settings,
    });
    expect(month.quantities.HEURES_CONTRAT).toBe(4550);
    expect(month.quantities.ABS_MALADIE).toBe(2);
  });

  it('a night across the change to winter time counts its real minutes (25 October 2026)', () => {
    // Saturday 22:00 → Sunday 06:00 lasts 9 hours that night.
    const items = [
      {
        id: 'dst',
        start: '2026-10-24T22:00:00+02:00',
        end: '2026-10-25T06:00:00+01:00',
        breakMinutes: 0,
        activity: 'outreach' as const,
        locationId: 'desk',
      },
    ];
    const month = payrollMonth({
      month: '2026-10',
      items,
      contracts: [fullTime],
      absences: [],
      settings,
    });
    expect(month.quantities.HEURES_TRAVAILLEES).toBe(540);
    expect(month.quantities.HEURES_NUIT).toBe(540);
    expect(month.quantities.HEURES_DIMANCHE).toBe(420);
  });

  it('a holiday within a leave is not a day of leave (1 November is a Sunday, 11 a Wednesday)', () => {
    const month = payrollMonth({
      month: '2026-11',
      items: [],
      contracts: [partTime],
      absences: [{ kind: 'leave', start: '2026-11-09', end: '2026-11-14' }],
      settings,
    });
    expect(month.quantities.ABS_CONGES_PAYES).toBe(5);
  });
});
