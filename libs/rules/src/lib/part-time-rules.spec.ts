import { Violation } from '@relais/api-types';
import { workingDaysBetween } from './part-time-rules';
import { checkPersonCompliance } from './person-compliance';
import { ContractPeriod, PersonComplianceInput, ScheduleChange, WorkItem } from './person-input';
import { RuleCode } from './rule-catalogue';
import { addDays, addIsoWeeks, isoWeekOf, zonedInstant } from './zoned-time';

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
      '3 h d’heures complémentaires sur la semaine 49 pour un contrat de 28 h (limite 2 h 48).',
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
    [
      'a written agreement of the person lifts the notice (Cass. soc. 9 nov. 2016)',
      change(MON, '2026-12-09', { hasWrittenAgreement: true }),
      {},
      'PART_TIME_NOTICE',
      [],
    ],
    [
      'hours accepted in writing may no longer be refused',
      change('2026-12-08', '2026-12-10', { hasWrittenAgreement: true, addedMinutes: 60 }),
      {},
      'SHORT_NOTICE_EXTRA',
      [],
    ],
    [
      'a shift removed 6 working days ahead owes the notice',
      change(MON, '2026-12-09', { kind: 'removed', shiftIds: [], addedMinutes: -370 }),
      {},
      'PART_TIME_NOTICE',
      [[]],
    ],
    [
      'a shift removed 7 working days ahead',
      change(MON, '2026-12-10', { kind: 'removed', shiftIds: [], addedMinutes: -370 }),
      {},
      'PART_TIME_NOTICE',
      [],
    ],
    [
      'hours added on top of the contract are complementary: no notice of a change (L3123-10)',
      change('2026-12-08', '2026-12-10', { kind: 'added', addedMinutes: 60 }),
      {},
      'PART_TIME_NOTICE',
      [],
    ],
    [
      'complementary hours added 2 days ahead may be refused (L3123-10)',
      change('2026-12-08', '2026-12-10', { kind: 'added', addedMinutes: 60 }),
      {},
      'SHORT_NOTICE_EXTRA',
      [['x']],
    ],
    [
      'complementary hours added 3 days ahead',
      change('2026-12-07', '2026-12-10', { kind: 'added', addedMinutes: 60 }),
      {},
      'SHORT_NOTICE_EXTRA',
      [],
    ],
    [
      'hours added up to the contract change its distribution: the notice applies',
      change('2026-12-08', '2026-12-10', { kind: 'added', addedMinutes: 370 }),
      {},
      'PART_TIME_NOTICE',
      [['x']],
    ],
    [
      'a shift moved is a change even when it adds minutes',
      change('2026-12-08', '2026-12-10', { kind: 'moved', addedMinutes: 30 }),
      {},
      'PART_TIME_NOTICE',
      [['x']],
    ],
  ])('%s', (_, c, extra, rule, expected) => {
    const items = week([370, 370, 370, 370, 370], '2026-12-07'); // 30 h 50 for a 28 h contract
    const v = check(items, { contracts: [contract(28)], window: W50, changes: [c], ...extra });
    expect(found(v, rule)).toEqual(expected);
  });

  it.each<[string, string, string, string, string[][]]>([
    // 2027-W12 holds 28 March 2027 (02:00 → 03:00): published on Thursday 11 March at 18:00.
    ['7 working days before Tue 23 March 2027', '2027-03-11', '2027-03-23', '2027-W12', []],
    ['6 working days before Mon 22 March 2027', '2027-03-11', '2027-03-22', '2027-W12', [['x']]],
    // 2027-W43 holds 31 October 2027 (03:00 → 02:00); Monday 1 November is a public holiday.
    ['7 working days before Fri 29 October 2027', '2027-10-19', '2027-10-29', '2027-W43', []],
    ['6 working days before Thu 28 October 2027', '2027-10-19', '2027-10-28', '2027-W43', [['x']]],
  ])('DST weeks: %s', (_, publishedOn, first, isoWeek, expected) => {
    const monday = isoWeek === '2027-W12' ? '2027-03-22' : '2027-10-25';
    const v = check(week([370, 370, 370, 370, 370], monday), {
      contracts: [contract(28, { end: null })],
      window: { from: monday, to: addDays(monday, 6) },
      changes: [change(publishedOn, first)],
    });
    expect(found(v, 'PART_TIME_NOTICE')).toEqual(expected);
  });

  it('names the removal, the article and the way out in French', () => {
    const items = week([370, 370, 370, 370, 370], '2026-12-07');
    const [v] = check(items, {
      contracts: [contract(28)],
      window: W50,
      changes: [change(MON, '2026-12-09', { kind: 'removed', shiftIds: [] })],
    }).filter((x) => x.rule === 'PART_TIME_NOTICE');
    expect(v.message).toBe(
      'Suppression d’un créneau publiée le 30/11/2026 pour le 09/12/2026 : 6 jours ouvrés de prévenance (minimum 7, C. trav., art. L3123-31 ; sans délai avec l’accord écrit de la personne).',
    );
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
  const agreement = {
    splitDayAgreement: {
      reference: 'Accord de branche ALISFA, art. 4.2',
      counterparts: 'Prime de coupure de 5 €',
    },
  };
  /** Two items on a day: `first` from 09:00 for `firstMinutes`, the second after a real gap. */
  const gapped = (date: string, startTime: string, gapMinutes: number): WorkItem[] => {
    const aStart = zonedInstant(date, startTime, TZ);
    const aEnd = aStart + 60 * 60_000;
    const bStart = aEnd + gapMinutes * 60_000;
    return [
      { id: 'a', activity: 'accueil', locationId: 'S', start: aStart, end: aEnd },
      { id: 'b', activity: 'accueil', locationId: 'S', start: bStart, end: bStart + 3_600_000 },
    ];
  };
  // 2027-W12 holds 28 March 2027 (02:00 → 03:00), 2027-W43 holds 31 October 2027 (03:00 → 02:00).
  const SPRING = '2027-03-28';
  const AUTUMN = '2027-10-31';
  it.each<[string, WorkItem[], number, Partial<PersonComplianceInput>, [string, string[]][]]>([
    [
      'one coupure of 1 h',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '13:00', '15:00')],
      24,
      {},
      [],
    ],
    [
      'two coupures: forbidden without an agreement',
      [
        shift('a', TUE, '09:00', '11:00'),
        shift('b', TUE, '12:00', '13:00'),
        shift('c', TUE, '14:00', '15:00'),
      ],
      24,
      {},
      [['block', ['a', 'b', 'c']]],
    ],
    [
      'a coupure and a 29-minute pause: one coupure only',
      [
        shift('a', TUE, '09:00', '11:00'),
        shift('b', TUE, '11:29', '13:00'),
        shift('c', TUE, '14:00', '15:00'),
      ],
      24,
      {},
      [],
    ],
    [
      'a coupure and a 30-minute gap: two coupures',
      [
        shift('a', TUE, '09:00', '11:00'),
        shift('b', TUE, '11:30', '13:00'),
        shift('c', TUE, '14:00', '15:00'),
      ],
      24,
      {},
      [['block', ['a', 'b', 'c']]],
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
      'a coupure of 2 h 01: forbidden without an agreement',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      24,
      {},
      [['block', ['a', 'b']]],
    ],
    [
      'a coupure of 2 h 01 allowed by a recorded agreement: a warning',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      24,
      { settings: agreement },
      [['warn', ['a', 'b']]],
    ],
    [
      'two coupures allowed by a recorded agreement: a warning',
      [
        shift('a', TUE, '09:00', '11:00'),
        shift('b', TUE, '12:00', '13:00'),
        shift('c', TUE, '14:00', '15:00'),
      ],
      24,
      { settings: agreement },
      [['warn', ['a', 'b', 'c']]],
    ],
    [
      'a full-timer',
      [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')],
      35,
      {},
      [],
    ],
    [
      'DST spring (28 March 2027): 2 h of real time across the lost hour',
      gapped(SPRING, '00:30', 120),
      24,
      { window: { from: '2027-03-22', to: SPRING } },
      [],
    ],
    [
      'DST spring (28 March 2027): 2 h 01 of real time across the lost hour',
      gapped(SPRING, '00:30', 121),
      24,
      { window: { from: '2027-03-22', to: SPRING } },
      [['block', ['a', 'b']]],
    ],
    [
      'DST autumn (31 October 2027): 2 h of real time across the repeated hour',
      gapped(AUTUMN, '00:30', 120),
      24,
      { window: { from: '2027-10-25', to: AUTUMN } },
      [],
    ],
    [
      'DST autumn (31 October 2027): 2 h 01 of real time across the repeated hour',
      gapped(AUTUMN, '00:30', 121),
      24,
      { window: { from: '2027-10-25', to: AUTUMN } },
      [['block', ['a', 'b']]],
    ],
  ])('%s', (_, items, hours, extra, expected) => {
    const v = check(items, { contracts: [contract(hours, { end: null })], ...extra }).filter(
      (x) => x.rule === 'PART_TIME_SPLIT_DAY',
    );
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });

  it('names the article and, when one is recorded, the agreement', () => {
    const items = [shift('a', TUE, '09:00', '11:00'), shift('b', TUE, '13:01', '15:00')];
    const [without] = check(items, { contracts: [contract(24)] }).filter(
      (x) => x.rule === 'PART_TIME_SPLIT_DAY',
    );
    expect(without.message).toBe(
      'Coupure de 2 h 01 le mardi 01/12/2026 (maximum 2 h) : interdit sans accord prévoyant des contreparties, C. trav., art. L3123-30.',
    );
    const [allowed] = check(items, { contracts: [contract(24)], settings: agreement }).filter(
      (x) => x.rule === 'PART_TIME_SPLIT_DAY',
    );
    expect(allowed.message).toBe(
      'Coupure de 2 h 01 le mardi 01/12/2026 (maximum 2 h) : permis par l’accord « Accord de branche ALISFA, art. 4.2 », C. trav., art. L3123-30.',
    );
  });
});

describe('SKILL_REQUIRED for one person', () => {
  const ac: Partial<WorkItem> = { activity: 'digital_help', requiredSkill: 'aidants_connect' };
  it.each<[string, Partial<PersonComplianceInput>, string[][]]>([
    ['habilitated employee', { skills: [{ code: 'aidants_connect' }] }, []],
    ['no habilitation', { skills: [] }, [['a']]],
    [
      'an habilitation acquired after the day',
      { skills: [{ code: 'aidants_connect', acquiredOn: '2026-12-02' }] },
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

describe('CERTIFICATE_EXPIRED for one person', () => {
  const ac: Partial<WorkItem> = { activity: 'digital_help', requiredSkill: 'aidants_connect' };
  it.each<[string, Partial<PersonComplianceInput>, string[][], string[][]]>([
    [
      'expired the day before',
      { skills: [{ code: 'aidants_connect', expiresOn: '2026-11-30' }] },
      [['a']],
      [],
    ],
    [
      'valid through the day itself',
      { skills: [{ code: 'aidants_connect', expiresOn: '2026-12-01' }] },
      [],
      [],
    ],
    [
      'an expired one renewed since',
      {
        skills: [
          { code: 'aidants_connect', expiresOn: '2026-11-30' },
          { code: 'aidants_connect', acquiredOn: '2026-11-30', expiresOn: '2027-11-30' },
        ],
      },
      [],
      [],
    ],
    [
      'a volunteer: the habilitation is for employees, expired or not',
      { skills: [{ code: 'aidants_connect', expiresOn: '2026-11-30' }], isEmployee: false },
      [],
      [['a']],
    ],
  ])('%s', (_, extra, expired, required) => {
    const v = check([shift('a', TUE, '14:00', '16:00', ac)], extra);
    expect(found(v, 'CERTIFICATE_EXPIRED')).toEqual(expired);
    expect(found(v, 'SKILL_REQUIRED')).toEqual(required);
  });

  it('says when it expired', () => {
    const [v] = check([shift('a', TUE, '14:00', '16:00', ac)], {
      skills: [{ code: 'aidants_connect', expiresOn: '2026-11-30' }],
    }).filter((x) => x.rule === 'CERTIFICATE_EXPIRED');
    expect(v.message).toBe(
      'Créneau du mardi 01/12/2026 : Habilitation Aidants Connect a expiré le 30/11/2026 et ne compte plus.',
    );
    expect(v.severity).toBe('block');
  });
});

describe('PART_TIME_HOURS_REVIEW (L3123-13)', () => {
  const partTime = [contract(24, { start: '2026-01-01', end: '2027-12-31' })];
  /** This week (five days of `minutesPerDay`) and the 14 before with the given totals, oldest first. */
  function review(before: number[], minutesPerDay: number, monday = MON): Violation[] {
    const thisWeek = isoWeekOf(monday);
    const weekMinutes = Object.fromEntries(
      before.map((minutes, i) => [addIsoWeeks(thisWeek, i - before.length), minutes]),
    );
    return checkPersonCompliance({
      personId: 'p1',
      items: week(
        [0, 1, 2, 3, 4].map(() => minutesPerDay),
        monday,
      ),
      contracts: partTime,
      window: { from: monday, to: addDays(monday, 6) },
      history: { weekMinutes },
    }).filter((violation) => violation.rule === 'PART_TIME_HOURS_REVIEW');
  }
  const H = 60;

  it.each<[string, number[], number, number]>([
    [
      '12 consecutive weeks at 26 h for 24 h: exactly 2 h more',
      [...Array(3).fill(24 * H), ...Array(11).fill(26 * H)],
      312,
      1,
    ],
    [
      '12 consecutive weeks at 25 h 59: under 2 h',
      [...Array(3).fill(24 * H), ...Array(11).fill(26 * H - 1)],
      312,
      0,
    ],
    [
      '12 weeks at 26 h among 15, three at 20 h between them',
      [
        26 * H,
        20 * H,
        26 * H,
        26 * H,
        20 * H,
        26 * H,
        26 * H,
        26 * H,
        20 * H,
        26 * H,
        26 * H,
        26 * H,
        26 * H,
        26 * H,
      ],
      312,
      1,
    ],
    [
      '11 weeks at 26 h among 15, four at 24 h',
      [...Array(4).fill(24 * H), ...Array(10).fill(26 * H)],
      312,
      0,
    ],
    ['fewer than 12 weeks under the contract (no history)', [], 312, 0],
  ])('%s', (_, before, minutesPerDay, count) => {
    expect(review(before, minutesPerDay)).toHaveLength(count);
  });

  it('gives the average and the hours the contract must reach', () => {
    const [violation] = review([...Array(3).fill(24 * H), ...Array(11).fill(27 * H)], 324);
    expect(violation.severity).toBe('warn');
    expect(violation.legalRef).toBe('C. trav., art. L3123-13');
    expect(violation.message).toBe(
      '3 h de plus que le contrat (24 h) en moyenne sur 12 semaines, de la semaine 38 à la semaine 49 : l’horaire du contrat doit être porté à 27 h par semaine, avec 7 jours de prévenance, sauf opposition de la personne.',
    );
  });

  it('reads a week that holds a change of time (2027-W12, 28 March) like any other', () => {
    expect(review(Array(14).fill(26 * H), 312, '2027-03-22')).toHaveLength(1);
    expect(review(Array(14).fill(26 * H - 1), 311, '2027-03-22')).toHaveLength(0);
  });

  it('never concerns a full-timer', () => {
    const violations = checkPersonCompliance({
      personId: 'p1',
      items: week([420, 420, 420, 420, 420]),
      contracts: [contract(35)],
      window: { from: MON, to: addDays(MON, 6) },
      history: {
        weekMinutes: Object.fromEntries(
          Array.from({ length: 14 }, (_, i) => [addIsoWeeks('2026-W49', -1 - i), 40 * H]),
        ),
      },
    });
    expect(violations.filter((v) => v.rule === 'PART_TIME_HOURS_REVIEW')).toEqual([]);
  });
});

describe('CYCLE_NOTICE from the contract', () => {
  const W50 = { from: '2026-12-07', to: '2026-12-13' };
  const published = (on: string): ScheduleChange => ({
    publishedAt: zonedInstant(on, '18:00', TZ),
    firstAffectedDay: '2026-12-10',
    shiftIds: ['x'],
    hasWrittenAgreement: true,
  });
  it.each<[string, string, Partial<ContractPeriod>, string[][]]>([
    ['a 4-week cycle, 7 days ahead', '2026-12-03', { cycleWeeks: 4 }, []],
    ['a 4-week cycle, 6 days ahead', '2026-12-04', { cycleWeeks: 4 }, [['x']]],
    ['a weekly schedule, 6 days ahead', '2026-12-04', { cycleWeeks: null }, []],
    [
      'a cycle that ends before the changed day',
      '2026-12-04',
      { cycleWeeks: 4, end: '2026-12-09' },
      [],
    ],
  ])('%s', (_, on, extra, expected) => {
    const items = week([360, 360, 360, 360, 360], '2026-12-07');
    const contracts = [contract(35, extra)];
    if (extra.end) contracts.push(contract(35, { id: 'c2', start: '2026-12-10', end: null }));
    const v = check(items, { contracts, window: W50, changes: [published(on)] });
    expect(found(v, 'CYCLE_NOTICE')).toEqual(expected);
  });

  it('names the article', () => {
    const items = week([360, 360, 360, 360, 360], '2026-12-07');
    const v = check(items, {
      contracts: [contract(35, { cycleWeeks: 4 })],
      window: W50,
      changes: [published('2026-12-04')],
    }).find((x) => x.rule === 'CYCLE_NOTICE');
    expect(v?.message).toBe(
      'Modification publiée le 04/12/2026 pour le 10/12/2026 : 6 jours de prévenance dans un cycle pluri-hebdomadaire (minimum 7, C. trav., art. L3121-47).',
    );
  });
});

describe('PART_TIME_GROUPING (L3123-7)', () => {
  const derogated = contract(20, { hasPartTimeDerogation: true });
  it.each<
    [string, WorkItem[], ContractPeriod, Partial<PersonComplianceInput['settings']>, string[][]]
  >([
    ['a half-day of 3 h', [shift('a', TUE, '09:00', '12:00')], derogated, {}, []],
    ['a block of 2 h 59', [shift('a', TUE, '09:00', '11:59')], derogated, {}, [['a']]],
    [
      'a full day split by a coupure: 3 h and 3 h',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '13:30', '16:30')],
      derogated,
      {},
      [],
    ],
    [
      'a full day split by a coupure: 3 h and 2 h 59',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '13:30', '16:29')],
      derogated,
      {},
      [['a', 'b']],
    ],
    [
      'a 29-minute pause joins two pieces into one block',
      [shift('a', TUE, '09:00', '10:30'), shift('b', TUE, '10:59', '12:30')],
      derogated,
      {},
      [],
    ],
    [
      'a 30-minute interruption cuts them',
      [shift('a', TUE, '09:00', '10:30'), shift('b', TUE, '11:00', '12:30')],
      derogated,
      {},
      [['a', 'b']],
    ],
    [
      'an organisation minimum of 2 h',
      [shift('a', TUE, '09:00', '11:00')],
      derogated,
      { partTimeGroupingMinBlockMinutes: 120 },
      [],
    ],
    [
      '24 h a week: no derogation needed',
      [shift('a', TUE, '09:00', '11:00')],
      contract(24, { hasPartTimeDerogation: true }),
      {},
      [],
    ],
    [
      'under 24 h without a recorded derogation: PART_TIME_FLOOR’s business',
      [shift('a', TUE, '09:00', '11:00')],
      contract(20),
      {},
      [],
    ],
  ])('%s', (_, items, c, settings, expected) => {
    expect(found(check(items, { contracts: [c], settings }), 'PART_TIME_GROUPING')).toEqual(
      expected,
    );
  });

  it('warns in French with the article and the minimum', () => {
    const [v] = check([shift('a', TUE, '09:00', '11:59')], { contracts: [derogated] }).filter(
      (x) => x.rule === 'PART_TIME_GROUPING',
    );
    expect([v.severity, v.message]).toEqual([
      'warn',
      'Bloc de travail de 2 h 59 le mardi 01/12/2026 (09:00–11:59) : un temps partiel de 20 h par dérogation regroupe ses heures en journées ou demi-journées, soit 3 h au moins par bloc (C. trav., art. L3123-7).',
    ]);
  });
});
