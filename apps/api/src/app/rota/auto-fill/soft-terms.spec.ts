import type { RotaPerson } from '@relais/api-types';
import { zonedInstant } from '@relais/rules';
import {
  contractTarget,
  fairnessCost,
  lessLikedKinds,
  owedWeekMinutes,
  priorWork,
  type PriorShift,
} from './soft-terms';
import { WEIGHTS } from './weights';

const person = (overrides: Partial<RotaPerson> = {}): RotaPerson => ({
  id: 'p1',
  firstName: 'Test',
  lastName: 'Person',
  homeSiteId: 's1',
  contract: { type: 'CDI', start: '2026-01-01', end: null, weeklyHours: 35 },
  contracts: [{ type: 'CDI', start: '2026-01-01', end: null, weeklyHours: 35 }],
  plannedMinutes: 0,
  absences: [],
  skills: [],
  otherItems: [],
  ...overrides,
});

describe('lessLikedKinds', () => {
  it.each([
    ['2026-12-01', '09:00', '12:30', 'accueil', []],
    ['2026-12-05', '09:00', '12:30', 'accueil', ['weekend']],
    ['2026-12-06', '10:00', '12:00', 'accueil', ['weekend']],
    ['2026-12-03', '13:30', '19:00', 'accueil', ['late']],
    ['2026-12-03', '13:30', '18:00', 'accueil', []],
    ['2026-12-03', '20:00', '02:00', 'accueil', ['late']],
    ['2026-12-05', '17:00', '21:00', 'outreach', ['weekend', 'late', 'outreach']],
  ] as const)('%s %s–%s %s is %j', (date, start, end, activity, kinds) => {
    expect(lessLikedKinds(date, start, end, activity)).toEqual(kinds);
  });
});

describe('owedWeekMinutes', () => {
  // ISO week 2026-W49: Monday 30 November to Sunday 6 December, no public holiday.
  it('owes the weekly hours of the contract', () => {
    expect(owedWeekMinutes(person(), '2026-11-30')).toBe(35 * 60);
  });

  it('deducts whole-day absences, not partial unavailabilities', () => {
    const absent = person({
      absences: [
        { start: '2026-12-01', end: '2026-12-02', kind: 'leave' },
        { start: '2026-12-03T14:00:00+01:00', end: '2026-12-03T18:00:00+01:00', kind: null },
      ],
    });
    expect(owedWeekMinutes(absent, '2026-11-30')).toBe(3 * 7 * 60);
  });

  it('deducts public holidays and days outside the contract', () => {
    // 2026-W53 has Friday 1 January 2027; the contract ends on Wednesday 30 December.
    const ending = person({
      contracts: [{ type: 'CDD', start: '2026-01-01', end: '2026-12-30', weeklyHours: 20 }],
    });
    expect(owedWeekMinutes(ending, '2026-12-28')).toBe(3 * 4 * 60);
    expect(owedWeekMinutes(person(), '2026-12-28')).toBe(4 * 7 * 60);
  });
});

describe('contractTarget', () => {
  it('aims at the owed minutes not yet planned, the first quarter of the contract cheaper', () => {
    expect(contractTarget(35 * 60, 10 * 60)).toEqual({
      minutes: 25 * 60,
      unitMinutes: 60,
      under: [
        { units: 9, weight: WEIGHTS.contractUnderFirst },
        { weight: WEIGHTS.contractUnderBeyond },
      ],
      weightOver: WEIGHTS.contractOver,
    });
  });
});

describe('priorWork and fairnessCost', () => {
  const at = (date: string, start: string, end: string, activity = 'accueil'): PriorShift => ({
    personId: 'p1',
    start: new Date(zonedInstant(date, start, 'Europe/Paris')),
    end: new Date(zonedInstant(date, end, 'Europe/Paris')),
    breakMinutes: 0,
    activity: activity as PriorShift['activity'],
  });
  // Target week 2026-W49 (Monday 30 November): the 4 weeks before start on Monday 2 November.
  const monday = '2026-11-30';

  it('counts the less-liked windows of the 4 weeks before, by kind', () => {
    const shifts = [
      at('2026-11-28', '09:00', '12:00'), // Saturday
      at('2026-11-21', '09:00', '12:00'), // Saturday
      at('2026-11-19', '13:30', '19:00'), // late Thursday
      at('2026-11-17', '14:00', '17:00', 'outreach'),
      at('2026-11-14', '09:00', '12:00', 'training'), // a Saturday training is no window
      at('2026-10-31', '09:00', '12:00'), // 5 weeks before: out
      at('2026-11-30', '09:00', '12:00'), // the target week itself: out
      { ...at('2026-11-07', '09:00', '12:00'), personId: 'p2' },
    ];
    const prior = priorWork([person()], shifts, monday).get('p1');
    expect(prior).toEqual({
      counts: { weekend: 2, late: 1, outreach: 1 },
      minutesOverContract: 0,
    });
    expect(fairnessCost(prior, ['weekend'])).toBe(2 * WEIGHTS.fairnessPerPrior);
    expect(fairnessCost(prior, ['weekend', 'outreach'])).toBe(3 * WEIGHTS.fairnessPerPrior);
    expect(fairnessCost(prior, [])).toBe(0);
  });

  it('sums the minutes over contract week by week, and caps what it charges', () => {
    // A 20-hour contract: 5 × 5 h in the week of 16 November (5 h over), 20 h the week after.
    const part = person({
      contracts: [{ type: 'CDI', start: '2026-01-01', end: null, weeklyHours: 20 }],
    });
    const shifts = [
      ...['16', '17', '18', '19', '20'].map((d) => at(`2026-11-${d}`, '09:00', '14:00')),
      ...['23', '24', '25', '26'].map((d) => at(`2026-11-${d}`, '09:00', '14:00')),
      ...['07', '14', '21', '28'].flatMap((d) => [
        at(`2026-11-${d}`, '09:00', '10:00'),
        at(`2026-11-${d}`, '10:00', '11:00'),
      ]),
    ];
    const prior = priorWork([part], shifts, monday).get('p1');
    // The Saturday hours (2 h a week) count too: the 16–22 week has 27 h, the 23–29 week 22 h.
    expect(prior?.minutesOverContract).toBe(7 * 60 + 2 * 60);
    expect(prior?.counts.weekend).toBe(8);
    expect(fairnessCost(prior, ['weekend'])).toBe(
      WEIGHTS.fairnessPerPrior * WEIGHTS.fairnessPriorCap +
        WEIGHTS.fairnessPerHourOver * WEIGHTS.fairnessHoursOverCap,
    );
    // Hours over contract weigh only on less-liked windows.
    expect(fairnessCost(prior, [])).toBe(0);
  });
});
