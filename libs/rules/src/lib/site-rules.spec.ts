import { Violation } from '@relais/api-types';
import { WorkItem } from './person-input';
import { RuleCode } from './rule-catalogue';
import { CoverageRequirement, OpeningSlot, SitePerson, SiteWeekInput } from './site-input';
import { checkSiteWeek } from './site-rules';
import { zonedInstant } from './zoned-time';

const TZ = 'Europe/Paris';
const TUE = '2026-12-01';

function shift(
  id: string,
  personId: string | null,
  from: string,
  to: string,
  extra: Partial<WorkItem> = {},
): WorkItem {
  return {
    id,
    personId,
    activity: 'accueil',
    locationId: 'S',
    start: zonedInstant(TUE, from, TZ),
    end: zonedInstant(TUE, to, TZ),
    ...extra,
  };
}

const people: SitePerson[] = [
  {
    personId: 'a',
    skills: [
      { code: 'france_services_initial', acquiredOn: '2024-01-10' },
      { code: 'sst', acquiredOn: '2025-01-01', expiresOn: '2027-01-01' },
      { code: 'aidants_connect' },
    ],
  },
  { personId: 'b', skills: [{ code: 'france_services_initial', acquiredOn: '2025-06-01' }] },
  { personId: 'c', skills: [] },
  { personId: 'v', skills: [{ code: 'aidants_connect' }], isEmployee: false },
  { personId: 'late', skills: [{ code: 'france_services_initial', acquiredOn: '2026-12-15' }] },
  { personId: 'expired', skills: [{ code: 'sst', expiresOn: '2026-11-30' }] },
];

const FULL_HOURS: OpeningSlot[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { locationId: 'S', weekday, start: '09:00', end: '12:30' },
  { locationId: 'S', weekday, start: '13:30', end: '17:00' },
]);
const TUESDAY_MORNING: OpeningSlot[] = [
  { locationId: 'S', weekday: 2, start: '09:00', end: '12:30' },
];

function check(shifts: WorkItem[], extra: Partial<SiteWeekInput> = {}): Violation[] {
  return checkSiteWeek({
    siteId: 'site-s',
    week: '2026-W49',
    isFranceServices: true,
    locations: [
      { id: 'S', kind: 'site' },
      { id: 'OUT-LIL', kind: 'outreach' },
    ],
    openingHours: TUESDAY_MORNING,
    coverage: [],
    shifts,
    people,
    ...extra,
  });
}

function found(violations: Violation[], rule: RuleCode): string[][] {
  return violations.filter((v) => v.rule === rule).map((v) => v.shiftIds);
}

describe('FS_OPENING_HOURS', () => {
  const daily = (end: string, days = [1, 2, 3, 4, 5]): OpeningSlot[] =>
    days.map((weekday) => ({ locationId: 'S', weekday, start: '09:00', end }));
  it.each<[string, OpeningSlot[], boolean, number]>([
    ['35 h over 5 days', FULL_HOURS, true, 0],
    ['24 h over 5 days exactly', daily('13:48'), true, 0],
    ['23 h 55 over 5 days', daily('13:47'), true, 1],
    ['32 h over 4 days', daily('17:00', [1, 2, 3, 4]), true, 1],
    ['a site without the label', daily('12:00', [1]), false, 0],
  ])('%s', (_, openingHours, isFranceServices, count) => {
    const v = check([], { openingHours, isFranceServices });
    expect(v.filter((x) => x.rule === 'FS_OPENING_HOURS')).toHaveLength(count);
  });

  it('explains the shortfall', () => {
    const [v] = check([], { openingHours: daily('17:00', [1, 2, 3, 4]) }).filter(
      (x) => x.rule === 'FS_OPENING_HOURS',
    );
    expect(v.message).toBe(
      'Horaires publics de 32 h sur 4 jours : un espace France Services ouvre au moins 24 h sur 5 jours (charte nationale France Services).',
    );
    expect(v.severity).toBe('block');
  });
});

describe('FS_TRAINED_COVERAGE', () => {
  it.each<[string, WorkItem[], string[][]]>([
    [
      'two trained agents',
      [shift('a1', 'a', '09:00', '12:30'), shift('b1', 'b', '09:00', '12:30')],
      [],
    ],
    [
      'one trained, one untrained',
      [shift('a1', 'a', '09:00', '12:30'), shift('c1', 'c', '09:00', '12:30')],
      [['a1', 'c1']],
    ],
    [
      'the second trained agent leaves at 11:00',
      [shift('a1', 'a', '09:00', '12:30'), shift('b1', 'b', '09:00', '11:00')],
      [['a1', 'b1']],
    ],
    [
      'the second agent is in the back office',
      [
        shift('a1', 'a', '09:00', '12:30'),
        shift('b1', 'b', '09:00', '12:30', { activity: 'back_office' }),
      ],
      [['a1']],
    ],
    [
      'training finished after the date does not count',
      [shift('a1', 'a', '09:00', '12:30'), shift('l1', 'late', '09:00', '12:30')],
      [['a1', 'l1']],
    ],
    ['an untrained agent alone at the desk', [shift('c1', 'c', '09:00', '12:30')], [['c1']]],
  ])('%s', (_, shifts, expected) => {
    expect(found(check(shifts), 'FS_TRAINED_COVERAGE')).toEqual(expected);
  });

  it('names the uncovered time', () => {
    const [v] = check([
      shift('a1', 'a', '09:00', '12:30'),
      shift('b1', 'b', '09:00', '11:00'),
    ]).filter((x) => x.rule === 'FS_TRAINED_COVERAGE');
    expect(v.message).toBe(
      'mardi 01/12/2026 09:00–12:30 : 1 agent(s) formé(s) France Services à l’accueil (11:00–12:30), minimum 2.',
    );
  });

  it('skips a public holiday when the site is closed', () => {
    const v = check([], {
      week: '2026-W52',
      openingHours: [{ locationId: 'S', weekday: 5, start: '09:00', end: '12:30' }],
    });
    expect(found(v, 'FS_TRAINED_COVERAGE')).toEqual([]);
  });
});

describe('SST_COVERAGE', () => {
  it.each<[string, WorkItem[], string[][]]>([
    [
      'a valid SST holder is present',
      [shift('a1', 'a', '09:00', '12:30'), shift('b1', 'b', '09:00', '12:30')],
      [],
    ],
    [
      'nobody holds an SST',
      [shift('b1', 'b', '09:00', '12:30'), shift('c1', 'c', '09:00', '12:30')],
      [['b1', 'c1']],
    ],
    ['an SST expired the day before', [shift('e1', 'expired', '09:00', '12:30')], [['e1']]],
  ])('%s', (_, shifts, expected) => {
    const v = check(shifts);
    expect(found(v, 'SST_COVERAGE')).toEqual(expected);
    expect(v.filter((x) => x.rule === 'SST_COVERAGE').every((x) => x.severity === 'warn')).toBe(
      true,
    );
  });
});

describe('SKILL_REQUIRED', () => {
  const ac = { requiredSkill: 'aidants_connect' as const, activity: 'digital_help' as const };
  it.each<[string, WorkItem[], Partial<SiteWeekInput>, string[][]]>([
    ['an Aidants Connect holder', [shift('a1', 'a', '14:00', '16:00', ac)], {}, []],
    ['someone without the habilitation', [shift('b1', 'b', '14:00', '16:00', ac)], {}, [['b1']]],
    ['a volunteer, even habilitated', [shift('v1', 'v', '14:00', '16:00', ac)], {}, [['v1']]],
    [
      'an activity mapped to the habilitation in the settings',
      [shift('b1', 'b', '14:00', '16:00', { activity: 'digital_help' })],
      { settings: { requiredSkillByActivity: { digital_help: 'aidants_connect' } } },
      [['b1']],
    ],
    [
      'no habilitation needed',
      [shift('b1', 'b', '14:00', '16:00', { activity: 'digital_help' })],
      {},
      [],
    ],
  ])('%s', (_, shifts, extra, expected) => {
    expect(found(check(shifts, extra), 'SKILL_REQUIRED')).toEqual(expected);
  });
});

describe('OUTREACH_PAIR', () => {
  const out = { activity: 'outreach' as const, locationId: 'OUT-LIL' };
  it.each<[string, WorkItem[], string[][]]>([
    [
      'a pair',
      [shift('o1', 'a', '10:00', '12:30', out), shift('o2', 'b', '10:00', '12:30', out)],
      [],
    ],
    ['alone', [shift('o1', 'a', '10:00', '12:30', out)], [['o1']]],
    [
      'with an open shift',
      [shift('o1', 'a', '10:00', '12:30', out), shift('o2', null, '10:00', '12:30', out)],
      [['o1', 'o2']],
    ],
    [
      'the partner leaves at 12:00',
      [shift('o1', 'a', '10:00', '12:30', out), shift('o2', 'b', '10:00', '12:00', out)],
      [['o1', 'o2']],
    ],
  ])('%s', (_, shifts, expected) => {
    expect(found(check(shifts), 'OUTREACH_PAIR')).toEqual(expected);
  });
});

describe('UNDER_COVERAGE and OPEN_SHIFT', () => {
  const need = (extra: Partial<CoverageRequirement>): CoverageRequirement[] => [
    { locationId: 'S', weekday: 2, start: '09:00', end: '12:30', minStaff: 2, ...extra },
  ];
  it.each<[string, WorkItem[], CoverageRequirement[], string[][]]>([
    [
      '2 of 2',
      [shift('a1', 'a', '09:00', '12:30'), shift('c1', 'c', '09:00', '12:30')],
      need({}),
      [],
    ],
    ['1 of 2', [shift('a1', 'a', '09:00', '12:30')], need({}), [['a1']]],
    [
      'the skill is missing',
      [shift('b1', 'b', '09:00', '12:30')],
      need({ minStaff: 1, requiredSkill: 'aidants_connect' }),
      [['b1']],
    ],
    [
      'only the required activity counts',
      [shift('a1', 'a', '09:00', '12:30', { activity: 'back_office' })],
      need({ minStaff: 1, activity: 'accueil' }),
      [[]],
    ],
    [
      'pairs mean 2',
      [shift('a1', 'a', '09:00', '12:30')],
      need({ minStaff: 1, isPair: true }),
      [['a1']],
    ],
  ])('%s', (_, shifts, coverage, expected) => {
    expect(found(check(shifts, { coverage }), 'UNDER_COVERAGE')).toEqual(expected);
  });

  it('flags a shift with nobody assigned', () => {
    const v = check([shift('x', null, '09:00', '12:30'), shift('a1', 'a', '09:00', '12:30')]);
    expect(v.filter((x) => x.rule === 'OPEN_SHIFT')).toEqual([
      {
        rule: 'OPEN_SHIFT',
        severity: 'warn',
        shiftIds: ['x'],
        message: 'Créneau sans personne le mardi 01/12/2026 09:00–12:30.',
      },
    ]);
  });
});
