import { Violation } from '@relais/api-types';
import { checkPersonCompliance } from './person-compliance';
import { ContractPeriod, PersonComplianceInput, WorkItem } from './person-input';
import { RuleCode } from './rule-catalogue';
import { nightMinutesOfItem, workMinutesByWeek } from './work-timeline';
import { addDays, zonedInstant } from './zoned-time';

const TZ = 'Europe/Paris';
// 2026-W49: Monday 30 November – Sunday 6 December 2026 (winter time).
const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';
const FRI = '2026-12-04';
const SAT = '2026-12-05';
const SUN = '2026-12-06';
const WEEK_DAYS = [MON, TUE, WED, THU, FRI, SAT, SUN];

/** A shift on a civil day; an end time before the start time ends the next day. */
function shift(
  id: string,
  date: string,
  from: string,
  to: string,
  extra: Partial<WorkItem> = {},
): WorkItem {
  return {
    id,
    personId: 'p1',
    activity: 'accueil',
    locationId: 'S',
    start: zonedInstant(date, from, TZ),
    end: zonedInstant(to <= from ? addDays(date, 1) : date, to, TZ),
    ...extra,
  };
}

const CDI: ContractPeriod = { id: 'c1', type: 'CDI', start: '2020-01-01', weeklyHours: 35 };

function check(items: WorkItem[], extra: Partial<PersonComplianceInput> = {}): Violation[] {
  return checkPersonCompliance({
    personId: 'p1',
    items,
    contracts: [CDI],
    window: { from: MON, to: SUN },
    ...extra,
  });
}

function found(violations: Violation[], rule: RuleCode): string[][] {
  return violations.filter((v) => v.rule === rule).map((v) => v.shiftIds);
}

describe('OVERLAP', () => {
  it.each<[string, WorkItem[], string[][]]>([
    [
      'back-to-back items',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '12:00', '15:00')],
      [],
    ],
    [
      'one minute of overlap',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '11:59', '15:00')],
      [['a', 'b']],
    ],
    [
      'a training session inside a shift',
      [
        shift('a', TUE, '09:00', '12:00'),
        shift('t', TUE, '10:00', '11:00', { kind: 'training', activity: 'training' }),
      ],
      [['a', 't']],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items), 'OVERLAP')).toEqual(expected);
  });

  it('reports the overlap as blocking with a French message', () => {
    const [v] = check([
      shift('a', TUE, '09:00', '12:00'),
      shift('b', TUE, '11:00', '15:00'),
    ]).filter((x) => x.rule === 'OVERLAP');
    expect(v).toEqual({
      rule: 'OVERLAP',
      severity: 'block',
      personId: 'p1',
      shiftIds: ['a', 'b'],
      message: 'Deux créneaux se chevauchent le mardi 01/12/2026 : 09:00–12:00 et 11:00–15:00.',
    });
  });
});

describe('DAILY_MAX', () => {
  const travel = { travelTimes: [{ fromLocationId: 'S', toLocationId: 'PAND14', minutes: 30 }] };
  it.each<[string, WorkItem[], Partial<PersonComplianceInput>, string[][]]>([
    ['10 h exactly', [shift('a', TUE, '08:00', '18:00')], {}, []],
    ['10 h 01', [shift('a', TUE, '08:00', '18:01')], {}, [['a']]],
    ['11 h with a 1 h break', [shift('a', TUE, '08:00', '19:00', { breakMinutes: 60 })], {}, []],
    [
      '12 h allowed by agreement',
      [shift('a', TUE, '08:00', '20:00', { breakMinutes: 0 })],
      { settings: { dailyMaxMinutes: 720 } },
      [],
    ],
    [
      'travel between two locations counts: 4 h + 30 min + 5 h 30',
      [
        shift('a', TUE, '08:00', '12:00'),
        shift('b', TUE, '12:30', '18:00', { locationId: 'PAND14' }),
      ],
      { settings: travel },
      [],
    ],
    [
      'travel pushes the day to 10 h 01',
      [
        shift('a', TUE, '08:00', '12:00'),
        shift('b', TUE, '12:30', '18:01', { locationId: 'PAND14' }),
      ],
      { settings: travel },
      [['a', 'b']],
    ],
    [
      'a cross-midnight shift counts on both days (6 h on Tuesday + 5 h)',
      [shift('n', MON, '20:00', '06:00'), shift('b', TUE, '12:00', '17:00')],
      {},
      [['b', 'n']],
    ],
  ])('%s', (_, items, extra, expected) => {
    expect(found(check(items, extra), 'DAILY_MAX')).toEqual(expected);
  });

  it('says how much and the limit', () => {
    const [v] = check([shift('a', TUE, '08:00', '18:30')]).filter((x) => x.rule === 'DAILY_MAX');
    expect(v.message).toBe('10 h 30 de travail le mardi 01/12/2026 (maximum 10 h).');
    expect(v.legalRef).toBe('C. trav., art. L3121-18');
  });
});

function eightHourDays(days: string[], to = '16:00'): WorkItem[] {
  return days.map((d, i) => shift(`d${i}`, d, '08:00', to));
}

describe('WEEKLY_MAX', () => {
  it.each<[string, WorkItem[], string, string[][]]>([
    ['6 × 8 h = 48 h', eightHourDays(WEEK_DAYS.slice(0, 6)), MON, []],
    [
      '48 h 01',
      [...eightHourDays(WEEK_DAYS.slice(0, 5)), shift('x', SAT, '08:00', '16:01')],
      MON,
      [['d0', 'd1', 'd2', 'd3', 'd4', 'x']],
    ],
    [
      'autumn DST week: the Saturday night 22:00–06:00 lasts 9 h (40 h + 9 h)',
      [
        ...eightHourDays(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23']),
        shift('n', '2026-10-24', '22:00', '06:00'),
      ],
      '2026-10-19',
      [['d0', 'd1', 'd2', 'd3', 'd4', 'n']],
    ],
    [
      'spring DST week: the Saturday night lasts 7 h (5 × 8 h 12 + 7 h = 48 h)',
      [
        ...eightHourDays(
          ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'],
          '16:12',
        ),
        shift('n', '2026-03-28', '22:00', '06:00'),
      ],
      '2026-03-23',
      [],
    ],
  ])('%s', (_, items, monday, expected) => {
    const v = check(items, { window: { from: monday, to: addDays(monday, 6) } });
    expect(found(v, 'WEEKLY_MAX')).toEqual(expected);
  });
});

describe('WEEKLY_AVG_12W', () => {
  // 12 weeks ending with 2026-W49, Monday–Friday 8 h 48 = 44 h a week.
  function twelveWeeks(lastFriday = '08:48'): WorkItem[] {
    const items: WorkItem[] = [];
    for (let w = 11; w >= 0; w--) {
      for (let d = 0; d < 5; d++) {
        const date = addDays(MON, -7 * w + d);
        const to = w === 0 && d === 4 ? lastFriday : '08:48';
        items.push(shift(`w${w}d${d}`, date, '00:00', to));
      }
    }
    return items;
  }
  it.each<[string, string, Partial<PersonComplianceInput>, string[][]]>([
    ['44 h average', '08:48', {}, []],
    ['one more minute', '08:49', {}, [['w0d0', 'w0d1', 'w0d2', 'w0d3', 'w0d4']]],
    ['46 h allowed by agreement', '08:49', { settings: { weeklyAverageMaxMinutes: 46 * 60 } }, []],
  ])('%s', (_, lastFriday, extra, expected) => {
    expect(found(check(twelveWeeks(lastFriday), extra), 'WEEKLY_AVG_12W')).toEqual(expected);
  });
});

describe('WEEKLY_AVG_12W with the earlier weeks summed (history)', () => {
  /** Monday–Friday from 00:00 for `minutes` a day over 12 weeks ending with `monday`'s week. */
  function twelveWeeksFrom(monday: string, minutes: number, lastFridayMinutes = minutes) {
    const items: WorkItem[] = [];
    for (let w = 11; w >= 0; w--) {
      for (let d = 0; d < 5; d++) {
        const date = addDays(monday, -7 * w + d);
        const start = zonedInstant(date, '00:00', TZ);
        const length = w === 0 && d === 4 ? lastFridayMinutes : minutes;
        items.push({
          id: `w${w}d${d}`,
          personId: 'p1',
          activity: 'accueil',
          locationId: 'S',
          start,
          end: start + length * 60_000,
        });
      }
    }
    return items;
  }
  // W49 of 2026; the weeks holding the DST changes of 2027 (2027-W12: 28 March, 2027-W43: 31 October).
  it.each<[string, string, number, string[][]]>([
    ['44 h average, weeks before summed', MON, 528, []],
    ['one more minute, weeks before summed', MON, 529, [['w0d0', 'w0d1', 'w0d2', 'w0d3', 'w0d4']]],
    ['44 h average up to 2027-W12', '2027-03-22', 528, []],
    [
      'one more minute up to 2027-W12',
      '2027-03-22',
      529,
      [['w0d0', 'w0d1', 'w0d2', 'w0d3', 'w0d4']],
    ],
    ['44 h average up to 2027-W43', '2027-10-25', 528, []],
    [
      'one more minute up to 2027-W43',
      '2027-10-25',
      529,
      [['w0d0', 'w0d1', 'w0d2', 'w0d3', 'w0d4']],
    ],
  ])('%s', (_, monday, lastFriday, expected) => {
    const all = twelveWeeksFrom(monday, 528, lastFriday);
    const window = { from: monday, to: addDays(monday, 6) };
    // The week itself and the 8 days before as items, the rest as weekly sums (as the API loads it).
    const nearFrom = zonedInstant(addDays(monday, -8), '00:00', TZ);
    const near = all.filter((i) => Number(i.end) > nearFrom);
    const far = all.filter((i) => Number(i.end) <= nearFrom);
    const history = { weekMinutes: Object.fromEntries(workMinutesByWeek(far)) };
    const contracts = [{ ...CDI, start: '2020-01-01' }];
    const withHistory = check(near, { window, contracts, history });
    const withItems = check(all, { window, contracts });
    expect(found(withHistory, 'WEEKLY_AVG_12W')).toEqual(expected);
    expect(found(withItems, 'WEEKLY_AVG_12W')).toEqual(expected);
    expect(withHistory.filter((v) => v.rule === 'WEEKLY_AVG_12W')).toEqual(
      withItems.filter((v) => v.rule === 'WEEKLY_AVG_12W'),
    );
  });

  it('without the earlier weeks, the same week passes (what the 8-day load let through)', () => {
    const all = twelveWeeksFrom(MON, 528, 529);
    const nearFrom = zonedInstant(addDays(MON, -8), '00:00', TZ);
    const near = all.filter((i) => Number(i.end) > nearFrom);
    expect(found(check(near), 'WEEKLY_AVG_12W')).toEqual([]);
  });
});

describe('DAILY_REST', () => {
  const OCT = { window: { from: '2026-10-19', to: '2026-10-25' } };
  it.each<[string, WorkItem[], Partial<PersonComplianceInput>, string[][]]>([
    [
      '11 h between days',
      [shift('a', MON, '12:00', '21:00'), shift('b', TUE, '08:00', '12:00')],
      {},
      [],
    ],
    [
      '10 h 59',
      [shift('a', MON, '12:00', '21:00'), shift('b', TUE, '07:59', '12:00')],
      {},
      [['a', 'b']],
    ],
    [
      'after a cross-midnight shift (02:00 → 12:00 = 10 h)',
      [shift('n', MON, '20:00', '02:00'), shift('b', TUE, '12:00', '15:00')],
      {},
      [['b', 'n']],
    ],
    [
      'the autumn DST night adds one hour: 21:00 → 07:00 is 11 h',
      [shift('a', '2026-10-24', '13:00', '21:00'), shift('b', '2026-10-25', '07:00', '10:00')],
      OCT,
      [],
    ],
    [
      'the spring DST night removes one: 20:00 → 08:00 is 11 h',
      [shift('a', '2026-03-28', '13:00', '20:00'), shift('b', '2026-03-29', '08:00', '10:00')],
      { window: { from: '2026-03-23', to: '2026-03-29' } },
      [],
    ],
    [
      'the spring DST night: 20:00 → 07:59 is 10 h 59',
      [shift('a', '2026-03-28', '13:00', '20:00'), shift('b', '2026-03-29', '07:59', '10:00')],
      { window: { from: '2026-03-23', to: '2026-03-29' } },
      [['a', 'b']],
    ],
  ])('%s', (_, items, extra, expected) => {
    expect(found(check(items, extra), 'DAILY_REST')).toEqual(expected);
  });
});

describe('AMPLITUDE', () => {
  it.each<[string, WorkItem[], string[][]]>([
    ['13 h', [shift('a', TUE, '07:00', '11:00'), shift('b', TUE, '16:00', '20:00')], []],
    [
      '13 h 01',
      [shift('a', TUE, '07:00', '11:00'), shift('b', TUE, '16:00', '20:01')],
      [['a', 'b']],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items), 'AMPLITUDE')).toEqual(expected);
  });
});

describe('BREAK_6H', () => {
  it.each<[string, WorkItem[], string[][]]>([
    ['5 h 59 without a break', [shift('a', TUE, '09:00', '14:59')], []],
    ['6 h without a break', [shift('a', TUE, '09:00', '15:00')], [['a']]],
    [
      '6 h with a 20-minute break in the middle',
      [shift('a', TUE, '09:00', '15:20', { breakMinutes: 20 })],
      [],
    ],
    [
      'two 15-minute breaks do not make a 20-minute one',
      [shift('a', TUE, '09:00', '12:30'), shift('b', TUE, '12:45', '16:00')],
      [['a', 'b']],
    ],
    [
      'a break, but 6 h 30 in a row before it',
      [shift('a', TUE, '08:00', '14:30'), shift('b', TUE, '15:30', '17:00')],
      [['a', 'b']],
    ],
    [
      'a recorded break taken too late (6 h 10 before it)',
      [
        shift('a', TUE, '08:00', '16:20', {
          breakMinutes: 20,
          breakStart: zonedInstant(TUE, '14:10', TZ),
        }),
      ],
      [['a']],
    ],
    [
      'a recorded break at 13:00',
      [
        shift('a', TUE, '08:00', '16:20', {
          breakMinutes: 20,
          breakStart: zonedInstant(TUE, '13:00', TZ),
        }),
      ],
      [],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items), 'BREAK_6H')).toEqual(expected);
  });
});

describe('WORKDAYS_PER_WEEK', () => {
  const fourHours = (days: string[]): WorkItem[] =>
    days.map((d, i) => shift(`d${i}`, d, '09:00', '13:00'));
  it.each<[string, WorkItem[], string[][]]>([
    ['6 days', fourHours(WEEK_DAYS.slice(0, 6)), []],
    ['7 days', fourHours(WEEK_DAYS), [['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']]],
    [
      'a Saturday night shift also counts on Sunday',
      [...fourHours(WEEK_DAYS.slice(0, 5)), shift('n', SAT, '22:00', '01:00')],
      [['d0', 'd1', 'd2', 'd3', 'd4', 'n']],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items), 'WORKDAYS_PER_WEEK')).toEqual(expected);
  });
});

describe('WEEKLY_REST', () => {
  const weekdays = eightHourDays(WEEK_DAYS.slice(0, 5), '17:00');
  it.each<[string, WorkItem[], string[][]]>([
    ['Monday–Saturday, Sunday off', eightHourDays(WEEK_DAYS.slice(0, 6)), []],
    [
      'Friday 17:00 → Sunday 04:00 = 35 h',
      [...weekdays, shift('s', SUN, '04:00', '08:00', { sundayDerogation: 'x' })],
      [],
    ],
    [
      'Friday 17:00 → Sunday 03:59 = 34 h 59',
      [...weekdays, shift('s', SUN, '03:59', '08:00', { sundayDerogation: 'x' })],
      [['d0', 'd1', 'd2', 'd3', 'd4', 's']],
    ],
    [
      'every day of the week',
      WEEK_DAYS.map((d, i) => shift(`d${i}`, d, '09:00', '12:00')),
      [['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items), 'WEEKLY_REST')).toEqual(expected);
  });
});

describe('SUNDAY, MAY_FIRST, PUBLIC_HOLIDAY', () => {
  it.each<[string, WorkItem[], Partial<PersonComplianceInput>, RuleCode, string[][]]>([
    ['a Sunday shift', [shift('s', SUN, '09:00', '12:00')], {}, 'SUNDAY', [['s']]],
    [
      'a Sunday shift with a derogation',
      [shift('s', SUN, '09:00', '12:00', { sundayDerogation: 'événement' })],
      {},
      'SUNDAY',
      [],
    ],
    [
      'a Sunday shift under the organisation derogation',
      [shift('s', SUN, '09:00', '12:00')],
      { settings: { sundayDerogation: 'Arrêté préfectoral du 2 mars 2026' } },
      'SUNDAY',
      [],
    ],
    [
      'a Sunday shift at a site with a derogation',
      [shift('s', SUN, '09:00', '12:00')],
      { settings: { sundayDerogationLocations: { S: 'L3132-13 : commerce de détail' } } },
      'SUNDAY',
      [],
    ],
    [
      'a Sunday shift at another site than the one with a derogation',
      [shift('s', SUN, '09:00', '12:00', { locationId: 'E' })],
      { settings: { sundayDerogationLocations: { S: 'L3132-13 : commerce de détail' } } },
      'SUNDAY',
      [['s']],
    ],
    [
      'Saturday night into Sunday at a site with a derogation',
      [shift('s', SAT, '23:00', '01:00')],
      { settings: { sundayDerogationLocations: { S: 'arrêté préfectoral' } } },
      'SUNDAY',
      [],
    ],
    ['Saturday ending at midnight', [shift('s', SAT, '20:00', '00:00')], {}, 'SUNDAY', []],
    ['Saturday night into Sunday', [shift('s', SAT, '23:00', '01:00')], {}, 'SUNDAY', [['s']]],
    [
      '1 May 2026',
      [shift('m', '2026-05-01', '09:00', '12:00')],
      { window: { from: '2026-04-27', to: '2026-05-03' } },
      'MAY_FIRST',
      [['m']],
    ],
    [
      '30 April',
      [shift('m', '2026-04-30', '09:00', '12:00')],
      { window: { from: '2026-04-27', to: '2026-05-03' } },
      'MAY_FIRST',
      [],
    ],
    [
      '8 May',
      [shift('h', '2026-05-08', '09:00', '12:00')],
      { window: { from: '2026-05-04', to: '2026-05-10' } },
      'PUBLIC_HOLIDAY',
      [['h']],
    ],
    [
      'lundi de Pentecôte',
      [shift('h', '2026-05-25', '09:00', '12:00')],
      { window: { from: '2026-05-25', to: '2026-05-31' } },
      'PUBLIC_HOLIDAY',
      [['h']],
    ],
    [
      'a custom holiday list replaces the national one',
      [shift('h', '2026-05-08', '09:00', '12:00'), shift('k', '2026-05-07', '09:00', '12:00')],
      {
        window: { from: '2026-05-04', to: '2026-05-10' },
        settings: { publicHolidays: ['2026-05-07'] },
      },
      'PUBLIC_HOLIDAY',
      [['k']],
    ],
  ])('%s', (_, items, extra, rule, expected) => {
    expect(found(check(items, extra), rule)).toEqual(expected);
  });

  it('keeps their severities', () => {
    const v = check(
      [shift('m', '2026-05-01', '09:00', '12:00'), shift('h', '2026-05-08', '09:00', '12:00')],
      {
        window: { from: '2026-04-27', to: '2026-05-10' },
      },
    );
    expect(v.find((x) => x.rule === 'MAY_FIRST')?.severity).toBe('block');
    expect(v.find((x) => x.rule === 'PUBLIC_HOLIDAY')?.severity).toBe('info');
  });
});

describe('NIGHT_WORK', () => {
  it.each<[string, WorkItem[], Partial<PersonComplianceInput>, [string, string[]][]]>([
    ['one evening to 21:00', [shift('a', TUE, '13:00', '21:00')], {}, []],
    [
      '3 h of night on 2 days makes a night worker',
      [shift('a', MON, '21:00', '00:00'), shift('b', WED, '21:00', '00:00')],
      {},
      [['warn', ['a', 'b']]],
    ],
    [
      '2 h 59 on the second night',
      [shift('a', MON, '21:00', '00:00'), shift('b', WED, '21:01', '00:00')],
      {},
      [],
    ],
    [
      'a night worker may work 8 h',
      [shift('a', TUE, '08:00', '16:00', { breakMinutes: 0 })],
      { isNightWorker: true },
      [],
    ],
    [
      'a night worker may not work 8 h 01',
      [shift('a', TUE, '08:00', '16:01')],
      { isNightWorker: true },
      [['block', ['a']]],
    ],
  ])('%s', (_, items, extra, expected) => {
    const v = check(items, extra).filter((x) => x.rule === 'NIGHT_WORK');
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });

  it.each<[string, string, string, number]>([
    ['20:00 → 07:00 holds 9 h of night', '2026-12-01', '20:00', 9 * 60],
    ['the autumn DST night holds 10 h', '2026-10-24', '21:00', 10 * 60],
    ['the spring DST night holds 8 h', '2026-03-28', '21:00', 8 * 60],
  ])('%s', (_, date, from, minutes) => {
    const to = from === '20:00' ? '07:00' : '06:00';
    expect(
      nightMinutesOfItem(shift('n', date, from, to), {
        nightStart: '21:00',
        nightEnd: '06:00',
        timeZone: TZ,
      }),
    ).toBe(minutes);
  });
});

describe('TRAVEL_TIME', () => {
  const settings = { travelTimes: [{ fromLocationId: 'PAND14', toLocationId: 'S', minutes: 30 }] };
  it.each<[string, WorkItem[], string[][]]>([
    [
      '30 minutes to travel 30 minutes',
      [
        shift('a', TUE, '09:00', '12:00'),
        shift('b', TUE, '12:30', '15:00', { locationId: 'PAND14' }),
      ],
      [],
    ],
    [
      '29 minutes',
      [
        shift('a', TUE, '09:00', '12:00'),
        shift('b', TUE, '12:29', '15:00', { locationId: 'PAND14' }),
      ],
      [['a', 'b']],
    ],
    [
      'no travel within a location',
      [shift('a', TUE, '09:00', '12:00'), shift('b', TUE, '12:00', '15:00')],
      [],
    ],
  ])('%s', (_, items, expected) => {
    expect(found(check(items, { settings }), 'TRAVEL_TIME')).toEqual(expected);
  });
});

describe('checkPersonCompliance', () => {
  it('ignores items of other people and refuses a shift that ends before it starts', () => {
    expect(
      found(check([shift('a', TUE, '08:00', '19:00', { personId: 'p2' })]), 'DAILY_MAX'),
    ).toEqual([]);
    expect(() =>
      check([{ ...shift('a', TUE, '09:00', '12:00'), end: zonedInstant(TUE, '08:00', TZ) }]),
    ).toThrow(RangeError);
  });

  it('accepts ISO strings with offsets', () => {
    const v = check([
      {
        id: 'a',
        activity: 'accueil',
        start: '2026-12-01T08:00:00+01:00',
        end: '2026-12-01T18:01:00+01:00',
      },
    ]);
    expect(found(v, 'DAILY_MAX')).toEqual([['a']]);
  });
});

const NIGHT = { nightStart: '21:00', nightEnd: '06:00' };

describe('NIGHT_WORK over months and weeks', () => {
  // One night a week, Tuesday 21:00 → Wednesday, on the 52 Tuesdays up to 1 December 2026.
  const tuesdays = (to: string): WorkItem[] =>
    Array.from({ length: 52 }, (_, i) => shift(`n${i}`, addDays('2025-12-09', 7 * i), '21:00', to));
  it.each<[string, string, [string, string[]][]]>([
    ['52 nights of 5 h 11 = 269 h 32', '02:11', []],
    ['52 nights of 5 h 12 = 270 h 24', '02:12', [['warn', []]]],
  ])('%s', (_, to, expected) => {
    const v = check(tuesdays(to)).filter((x) => x.rule === 'NIGHT_WORK');
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });

  it.each<[string, string, [string, string[]][]]>([
    ['269 h 32, the 51 earlier nights summed', '02:11', []],
    ['270 h 24, the 51 earlier nights summed', '02:12', [['warn', []]]],
  ])('%s', (_, to, expected) => {
    const nights = tuesdays(to);
    const last = nights[nights.length - 1];
    const nightMinutes = nights
      .slice(0, -1)
      .reduce((sum, item) => sum + nightMinutesOfItem(item, { ...NIGHT, timeZone: TZ }), 0);
    const v = check([last], { history: { nightMinutes } }).filter((x) => x.rule === 'NIGHT_WORK');
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });

  const fortyHours = (extraMinute: boolean): WorkItem[] => {
    const items: WorkItem[] = [];
    for (let w = 11; w >= 0; w--) {
      for (let d = 0; d < 5; d++) {
        items.push(
          shift(`w${w}d${d}`, addDays(MON, -7 * w + d), '09:00', '17:00', { breakMinutes: 0 }),
        );
      }
    }
    if (extraMinute) items.push(shift('x', SAT, '09:00', '09:01'));
    return items;
  };
  it.each<[string, boolean, [string, string[]][]]>([
    ['a night worker at 40 h on average', false, []],
    [
      'a night worker one minute above',
      true,
      [['block', ['w0d0', 'w0d1', 'w0d2', 'w0d3', 'w0d4', 'x']]],
    ],
  ])('%s', (_, extraMinute, expected) => {
    const v = check(fortyHours(extraMinute), { isNightWorker: true }).filter(
      (x) => x.rule === 'NIGHT_WORK',
    );
    expect(v.map((x) => [x.severity, x.shiftIds])).toEqual(expected);
  });
});

describe('workMinutesByWeek', () => {
  it('counts the real length of a night across the autumn change', () => {
    const totals = workMinutesByWeek([
      shift('n', '2026-10-25', '00:00', '06:00'),
      shift('m', '2026-10-26', '00:00', '06:00'),
    ]);
    expect(Object.fromEntries(totals)).toEqual({ '2026-W43': 7 * 60, '2026-W44': 6 * 60 });
  });
});

describe('NIGHT_WORK for a night worker by contract', () => {
  it.each<[string, Partial<ContractPeriod>, string[][]]>([
    ['8 h 01 by a night worker by contract', { isNightWorker: true }, [['a']]],
    ['8 h 01 by a day worker', { isNightWorker: false }, []],
    [
      'a night-worker contract that ended before the week',
      { isNightWorker: true, end: '2026-11-29' },
      [],
    ],
  ])('%s', (_, extra, expected) => {
    const contracts: ContractPeriod[] = [{ ...CDI, ...extra }];
    if (extra.end) contracts.push({ ...CDI, id: 'c2', start: '2026-11-30', end: null });
    const v = check([shift('a', TUE, '08:00', '16:01')], { contracts });
    expect(found(v, 'NIGHT_WORK')).toEqual(expected);
  });
});

describe('NIGHT_WORK: 8 h of night work per 24 hours for a night worker (L3122-6)', () => {
  // Night minutes in any sliding 24 hours of real elapsed time, across midnight and DST.
  const nightRule = (
    items: WorkItem[],
    from: string,
    to: string,
    isNightWorker = true,
  ): [string, string[], string][] =>
    check(items, { isNightWorker, window: { from, to } })
      .filter((v) => v.rule === 'NIGHT_WORK' && v.message.includes('en 24 heures'))
      .map((v) => [v.severity, v.shiftIds, v.message]);

  it.each<[string, WorkItem[], string[][]]>([
    [
      '22:00–06:00 then 20:00–21:00 the next evening: 8 h in 24 hours',
      [shift('a', MON, '22:00', '06:00'), shift('b', TUE, '20:00', '21:00')],
      [],
    ],
    [
      '22:00–06:00 then 20:00–21:01: 8 h 01',
      [shift('a', MON, '22:00', '06:00'), shift('b', TUE, '20:00', '21:01')],
      [['a', 'b']],
    ],
    [
      'the second night far enough: 22:00–06:00, then 22:00–06:00',
      [shift('a', MON, '22:00', '06:00'), shift('b', TUE, '22:00', '06:00')],
      [],
    ],
    [
      'a whole 21:00–06:00 night holds 9 h',
      [shift('a', WED, '21:00', '06:00', { breakMinutes: 0 })],
      [['a']],
    ],
  ])('%s', (_, items, expected) => {
    expect(nightRule(items, MON, SUN).map(([, ids]) => ids)).toEqual(expected);
  });

  it('blocks with the figure, the window and the article', () => {
    expect(
      nightRule([shift('a', MON, '22:00', '06:00'), shift('b', TUE, '20:00', '22:00')], MON, SUN),
    ).toEqual([
      [
        'block',
        ['a', 'b'],
        'Travailleur de nuit : 9 h de travail de nuit en 24 heures, du lundi 30/11/2026 22:00 au mardi 01/12/2026 22:00 : 8 h au plus (L3122-6).',
      ],
    ]);
  });

  it('leaves a day worker alone', () => {
    const items = [shift('a', MON, '22:00', '06:00'), shift('b', TUE, '20:00', '22:00')];
    expect(nightRule(items, MON, SUN, false)).toEqual([]);
  });

  // 2027-W12: Sunday 28 March 2027 has 23 hours (02:00 → 03:00).
  const W12 = ['2027-03-22', '2027-03-28'] as const;
  it.each<[string, WorkItem[], string[][]]>([
    [
      'spring: 22:00–06:00 is 7 h; Sunday 22:00–23:00 is still in the 24 hours: 8 h',
      [shift('a', '2027-03-27', '22:00', '06:00'), shift('b', '2027-03-28', '22:00', '23:00')],
      [],
    ],
    [
      'spring: Sunday 21:59–23:00: 8 h 01 in 24 real hours (7 h 01 by the clock)',
      [shift('a', '2027-03-27', '22:00', '06:00'), shift('b', '2027-03-28', '21:59', '23:00')],
      [['a', 'b']],
    ],
  ])('%s', (_, items, expected) => {
    expect(nightRule(items, ...W12).map(([, ids]) => ids)).toEqual(expected);
  });

  // 2027-W43: Sunday 31 October 2027 has 25 hours (03:00 → 02:00).
  const W43 = ['2027-10-25', '2027-10-31'] as const;
  it.each<[string, WorkItem[], string[][]]>([
    ['autumn: 23:00–06:00 lasts 8 h', [shift('a', '2027-10-30', '23:00', '06:00')], []],
    ['autumn: 22:59–06:00 lasts 8 h 01', [shift('a', '2027-10-30', '22:59', '06:00')], [['a']]],
    [
      'autumn: Sunday 22:00 is 24 real hours after Saturday 23:00',
      [shift('a', '2027-10-30', '23:00', '06:00'), shift('b', '2027-10-31', '22:00', '23:00')],
      [],
    ],
    [
      'autumn: Sunday 21:59 is inside them',
      [shift('a', '2027-10-30', '23:00', '06:00'), shift('b', '2027-10-31', '21:59', '23:00')],
      [['a', 'b']],
    ],
  ])('%s', (_, items, expected) => {
    expect(nightRule(items, ...W43).map(([, ids]) => ids)).toEqual(expected);
  });
});
