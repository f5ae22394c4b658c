import { Violation } from '@relais/api-types';
import { workingDaysBetween } from './part-time-rules';
import { checkPersonCompliance } from './person-compliance';
import { ContractPeriod, PersonComplianceInput, ScheduleChange, WorkItem } from './person-input';
import { RuleCode } from './rule-catalogue';
import { addDays, zonedInstant } from './zoned-time';

const TZ = 'Europe/Paris';
const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';
const FRI = '2026-12-04';

function shift(
  id: string,
  date: string,
  from: string,
  to: string,
  extra: Partial<WorkItem> = {},
): WorkItem {
  return {
    id,
    activity: 'accueil',
    locationId: 'S',
    start: zonedInstant(date, from, TZ),
    end: zonedInstant(to <= from ? addDays(date, 1) : date, to, TZ),
    ...extra,
  };
}

function contract(weeklyHours: number, extra: Partial<ContractPeriod> = {}): ContractPeriod {
  return { id: 'c1', type: 'CDD', start: '2026-01-01', end: '2027-06-30', weeklyHours, ...extra };
}

/** Monday–Friday shifts from 09:00 with the given minutes each day (breaks placed by the engine). */
function week(minutesPerDay: number[], monday = MON): WorkItem[] {
  return minutesPerDay.map((m, i) => {
    const end = zonedInstant(addDays(monday, i), '09:00', TZ) + m * 60_000;
    return {
      id: `d${i}`,
      activity: 'accueil',
      locationId: 'S',
      start: zonedInstant(addDays(monday, i), '09:00', TZ),
      end,
    };
  });
}

function check(items: WorkItem[], extra: Partial<PersonComplianceInput> = {}): Violation[] {
  return checkPersonCompliance({
    personId: 'p1',
    items,
    contracts: [contract(35, { type: 'CDI', end: null })],
    window: { from: MON, to: addDays(MON, 6) },
    ...extra,
  });
}

function found(violations: Violation[], rule: RuleCode): string[][] {
  return violations.filter((v) => v.rule === rule).map((v) => v.shiftIds);
}

describe('OUTSIDE_CONTRACT', () => {
  it.each<[string, WorkItem[], ContractPeriod[], string[][]]>([
    [
      'inside the contract',
      [shift('a', WED, '09:00', '12:00')],
      [contract(35, { start: WED })],
      [],
    ],
    [
      'the day before it starts',
      [shift('a', TUE, '09:00', '12:00')],
      [contract(35, { start: WED })],
      [['a']],
    ],
    ['its last day', [shift('a', TUE, '09:00', '12:00')], [contract(35, { end: TUE })], []],
    [
      'a night shift running past its last day',
      [shift('a', TUE, '22:00', '01:00')],
      [contract(35, { end: TUE })],
      [['a']],
    ],
    [
      'during a suspension',
      [shift('a', THU, '09:00', '12:00')],
      [contract(35, { suspensions: [{ start: THU, end: THU }] })],
      [['a']],
    ],
    ['no contract at all', [shift('a', THU, '09:00', '12:00')], [], [['a']]],
  ])('%s', (_, items, contracts, expected) => {
    expect(found(check(items, { contracts }), 'OUTSIDE_CONTRACT')).toEqual(expected);
  });
});

describe('DURING_ABSENCE', () => {
  it.each<[string, WorkItem[], PersonComplianceInput['absences'], string[][]]>([
    [
      'a day of leave',
      [shift('a', TUE, '09:00', '12:00')],
      [{ kind: 'leave', start: TUE, end: TUE }],
      [['a']],
    ],
    [
      'the day after the leave',
      [shift('a', WED, '09:00', '12:00')],
      [{ kind: 'leave', start: MON, end: TUE }],
      [],
    ],
    [
      'ends when the unavailability starts',
      [shift('a', TUE, '09:00', '14:00')],
      [
        {
          kind: 'unavailability',
          start: zonedInstant(TUE, '14:00', TZ),
          end: zonedInstant(TUE, '16:00', TZ),
        },
      ],
      [],
    ],
    [
      'one minute into the unavailability',
      [shift('a', TUE, '09:00', '14:01')],
      [
        {
          kind: 'unavailability',
          start: zonedInstant(TUE, '14:00', TZ),
          end: zonedInstant(TUE, '16:00', TZ),
        },
      ],
      [['a']],
    ],
  ])('%s', (_, items, absences, expected) => {
    const v = check(items, { absences });
    expect(found(v, 'DURING_ABSENCE')).toEqual(expected);
    expect(v.find((x) => x.rule === 'DURING_ABSENCE')?.message ?? '').not.toMatch(/congé|maladie/);
  });
});

describe('CONTRACT_HOURS_UNDER', () => {
  const five = (m: number): number[] => [m, m, m, m, m];
  it.each<[string, WorkItem[], Partial<PersonComplianceInput>, number]>([
    ['26 h for 26 h', week(five(312)), { contracts: [contract(26)] }, 0],
    ['25 h 59 for 26 h', week([312, 312, 312, 312, 311]), { contracts: [contract(26)] }, 1],
    [
      'a Friday of leave lowers the hours due to 20 h 48',
      week([312, 312, 312, 312]),
      { contracts: [contract(26)], absences: [{ kind: 'leave', start: FRI, end: FRI }] },
      0,
    ],
    [
      'tolerance of 15 minutes',
      week([312, 312, 312, 312, 300]),
      { contracts: [contract(26)], settings: { contractHoursToleranceMinutes: 15 } },
      0,
    ],
    [
      'Christmas week owes 4 days: 28 h',
      week([420, 420, 420, 420], '2026-12-21'),
      { window: { from: '2026-12-21', to: '2026-12-27' } },
      0,
    ],
  ])('%s', (_, items, extra, count) => {
    expect(found(check(items, extra), 'CONTRACT_HOURS_UNDER')).toHaveLength(count);
  });
});

describe('COMPLEMENTARY_HOURS and PART_TIME_REACHES_FULL_TIME', () => {
  const ids = [['d0', 'd1', 'd2', 'd3', 'd4']];
  it.each<[string, number[], number, Partial<PersonComplianceInput>, RuleCode, string[][]]>([
    ['28 h + 2 h 48 (1/10)', [370, 370, 370, 370, 368], 28, {}, 'COMPLEMENTARY_HOURS', []],
    ['28 h + 2 h 49', [370, 370, 370, 370, 369], 28, {}, 'COMPLEMENTARY_HOURS', ids],
    [
      '20 h + 6 h 40 with an agreement (1/3)',
      [320, 320, 320, 320, 320],
      20,
      { settings: { complementaryHoursRatio: 1 / 3 } },
      'COMPLEMENTARY_HOURS',
      [],
    ],
    [
      '20 h + 6 h 41 with an agreement',
      [320, 320, 320, 320, 321],
      20,
      { settings: { complementaryHoursRatio: 1 / 3 } },
      'COMPLEMENTARY_HOURS',
      ids,
    ],
    [
      'a full-timer is never in complementary hours',
      [480, 480, 480, 480, 480],
      35,
      {},
      'COMPLEMENTARY_HOURS',
      [],
    ],
    [
      '32 h contract at 34 h 59',
      [420, 420, 420, 420, 419],
      32,
      { settings: { complementaryHoursRatio: 1 / 3 } },
      'PART_TIME_REACHES_FULL_TIME',
      [],
    ],
    [
      '32 h contract at 35 h',
      [420, 420, 420, 420, 420],
      32,
      { settings: { complementaryHoursRatio: 1 / 3 } },
      'PART_TIME_REACHES_FULL_TIME',
      ids,
    ],
    ['a full-timer at 35 h', [420, 420, 420, 420, 420], 35, {}, 'PART_TIME_REACHES_FULL_TIME', []],
  ])('%s', (_, minutes, hours, extra, rule, expected) => {
    expect(found(check(week(minutes), { contracts: [contract(hours)], ...extra }), rule)).toEqual(
      expected,
    );
  });

  it('states the cap in the message', () => {
    const [v] = check(week([370, 370, 370, 370, 380]), { contracts: [contract(28)] }).filter(
      (x) => x.rule === 'COMPLEMENTARY_HOURS',
    );
    expect(v.message).toBe(
      '3 h d’heures complémentaires sur la semaine 2026-W49 pour un contrat de 28 h (limite 2 h 48).',
    );
  });
});

describe('notice periods', () => {
  const W50 = { from: '2026-12-07', to: '2026-12-13' };
  const change = (
    publishedOn: string,
    firstAffectedDay: string,
    extra: Partial<ScheduleChange> = {},
  ): ScheduleChange => ({
    publishedAt: zonedInstant(publishedOn, '18:00', TZ),
    firstAffectedDay,
    shiftIds: ['x'],
    ...extra,
  });
  it.each<[string, ScheduleChange, Partial<PersonComplianceInput>, RuleCode, string[][]]>([
    [
      '7 working days (Mon 30/11 → Thu 10/12)',
      change(MON, '2026-12-10'),
      {},
      'PART_TIME_NOTICE',
      [],
    ],
    [
      '6 working days (Mon 30/11 → Wed 09/12)',
      change(MON, '2026-12-09'),
      {},
      'PART_TIME_NOTICE',
      [['x']],
    ],
    [
      'an agreement lowers the notice to 3 working days',
      change('2026-12-03', '2026-12-09'),
      { settings: { partTimeNoticeWorkingDays: 3 } },
      'PART_TIME_NOTICE',
      [],
    ],
    [
      'a full-timer has no part-time notice',
      change(MON, '2026-12-08'),
      { contracts: [contract(35)] },
      'PART_TIME_NOTICE',
      [],
    ],
    [
      'extra hours announced 3 days ahead',
      change('2026-12-07', '2026-12-10'),
      {},
      'SHORT_NOTICE_EXTRA',
      [],
    ],
    [
      'extra hours announced 2 days ahead',
      change('2026-12-08', '2026-12-10'),
      {},
      'SHORT_NOTICE_EXTRA',
      [['x']],
    ],
    [
      'hours removed 2 days ahead',
      change('2026-12-08', '2026-12-10', { addedMinutes: -60 }),
      {},
      'SHORT_NOTICE_EXTRA',
      [],
    ],
    [
      'a cycle change with 7 days',
      change('2026-12-03', '2026-12-10'),
      { inMultiWeekCycle: true },
      'CYCLE_NOTICE',
      [],
    ],
    [
      'a cycle change with 6 days',
      change('2026-12-04', '2026-12-10'),
      { inMultiWeekCycle: true },
      'CYCLE_NOTICE',
      [['x']],
    ],
    ['no cycle', change('2026-12-09', '2026-12-10'), {}, 'CYCLE_NOTICE', []],
  ])('%s', (_, c, extra, rule, expected) => {
    const items = week([370, 370, 370, 370, 370], '2026-12-07'); // 30 h 50 for a 28 h contract
    const v = check(items, { contracts: [contract(28)], window: W50, changes: [c], ...extra });
    expect(found(v, rule)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['2026-11-30', '2026-12-10', 7],
    ['2026-11-02', '2026-11-12', 6],
    ['2026-12-04', '2026-12-07', 0],
  ])('working days strictly between %s and %s: %i (Armistice excluded)', (from, to, n) => {
    expect(workingDaysBetween(from, to, new Set(['2026-11-11']))).toBe(n);
  });
});

describe('PART_TIME_SPLIT_DAY', () => {
  it.each<[string, WorkItem[], number, Partial<PersonComplianceInput>, [string, string[]][]]>([
    [
      'one coupure of 1 h',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '13:00', '15:00')],
      24,
      {},
      [],
    ],
    [
      'two coupures',
      [
        shift('a', TUE, '09:00', '11:00'),
        shift('b', TUE, '12:00', '13:00'),
        shift('c', TUE, '14:00', '15:00'),
      ],
      24,
      {},
      [['warn', ['a', 'b', 'c']]],
    ],
    [
      'a 20-minute pause is not a coupure',
      [shift('a', TUE, '09:00', '12:20', { breakMinutes: 20 }), shift('b', TUE, '13:20', '15:00')],
      24,
      {},
      [],
    ],
    [
      'a coupure of 2 h',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:00', '15:00')],
      24,
      {},
      [],
    ],
    [
      'a coupure of 2 h 01',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      24,
      {},
      [['warn', ['a', 'b']]],
    ],
    [
      'blocking by configuration',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      24,
      { settings: { splitDaySeverity: 'block' } },
      [['block', ['a', 'b']]],
    ],
    [
      'a full-timer',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      35,
      {},
      [],
    ],
  ])('%s', (_, items, hours, extra, expected) => {
    const v = check(items, { contracts: [contract(hours)], ...extra }).filter(
      (x) => x.rule === 'PART_TIME_SPLIT_DAY',
    );
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });
});

describe('SKILL_REQUIRED for one person', () => {
  const ac: Partial<WorkItem> = { activity: 'digital_help', requiredSkill: 'aidants_connect' };
  it.each<[string, Partial<PersonComplianceInput>, string[][]]>([
    ['habilitated employee', { skills: [{ code: 'aidants_connect' }] }, []],
    ['no habilitation', { skills: [] }, [['a']]],
    [
      'expired habilitation',
      { skills: [{ code: 'aidants_connect', expiresOn: '2026-11-01' }] },
      [['a']],
    ],
    [
      'habilitated volunteer',
      { skills: [{ code: 'aidants_connect' }], isEmployee: false },
      [['a']],
    ],
    ['skills not supplied: left to the site check', {}, []],
  ])('%s', (_, extra, expected) => {
    expect(found(check([shift('a', TUE, '14:00', '16:00', ac)], extra), 'SKILL_REQUIRED')).toEqual(
      expected,
    );
  });
});
