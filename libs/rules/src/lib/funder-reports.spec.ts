import type { OpeningHours } from '@relais/api-types';
import { franceServicesMonth, isoWeeksOfMonth } from './funder-reports';
import { WorkItem } from './person-input';

// Mondays to Fridays, 9 h – 14 h: 25 h a week over 5 days.
const HOURS: OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '14:00',
}));
const TRAINED = { code: 'france_services_initial', acquiredOn: '2020-01-01' };

let counter = 0;
function desk(personId: string, date: string, start: string, end: string, breakMinutes = 0) {
  return {
    id: `s${++counter}`,
    personId,
    locationId: 'desk',
    activity: 'accueil',
    start: `${date}T${start}:00+01:00`,
    end: `${date}T${end}:00+01:00`,
    breakMinutes,
  } satisfies WorkItem;
}

const WEEK_11 = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];

function month(shifts: WorkItem[], people = ['a', 'b', 'c']) {
  return franceServicesMonth({
    month: '2025-03',
    openingHours: HOURS,
    deskLocationIds: ['desk'],
    shifts,
    people: people.map((personId) => ({ personId, skills: [TRAINED] })),
    publishedWeeks: ['2025-W11'],
  });
}

describe('franceServicesMonth', () => {
  it('knows the ISO weeks of a month', () => {
    expect(isoWeeksOfMonth('2025-03')).toEqual([
      '2025-W09',
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
      '2025-W14',
    ]);
  });

  it.each([
    [
      'two trained agents all along: the week meets the minimum',
      WEEK_11.flatMap((d) => [desk('a', d, '09:00', '14:00'), desk('b', d, '09:00', '14:00')]),
      [],
      true,
    ],
    [
      'one trained agent alone at the end of a day is a gap',
      WEEK_11.flatMap((d) => [
        desk('a', d, '09:00', '14:00'),
        desk('b', d, '09:00', d === '2025-03-11' ? '12:30' : '14:00'),
      ]),
      [{ date: '2025-03-11', start: '12:30', end: '14:00', trainedAgents: 1 }],
      false,
    ],
    [
      'a break or a late arrival leaves one trained agent alone',
      WEEK_11.flatMap((d) => [
        desk('a', d, '09:00', '14:00', d === '2025-03-12' ? 30 : 0),
        desk('b', d, d === '2025-03-13' ? '11:00' : '09:00', '14:00'),
      ]),
      [
        { date: '2025-03-12', start: '11:15', end: '11:45', trainedAgents: 1 },
        { date: '2025-03-13', start: '09:00', end: '11:00', trainedAgents: 1 },
      ],
      // 25 h less 2 h 30 held by one agent: 22 h 30, under 24 h.
      false,
    ],
  ])('%s', (_, shifts, gaps, meets) => {
    const report = month(shifts);
    expect(report.gaps).toEqual(gaps);
    expect(report.weeks.find((week) => week.week === '2025-W11')?.meetsMinimum).toBe(meets);
  });

  it('an untrained agent does not count, nor one trained after the day', () => {
    const report = franceServicesMonth({
      month: '2025-03',
      openingHours: HOURS,
      deskLocationIds: ['desk'],
      shifts: [
        desk('a', '2025-03-10', '09:00', '14:00'),
        desk('b', '2025-03-10', '09:00', '14:00'),
      ],
      people: [
        { personId: 'a', skills: [TRAINED] },
        { personId: 'b', skills: [{ ...TRAINED, acquiredOn: '2025-03-11' }] },
      ],
      publishedWeeks: ['2025-W11'],
    });
    expect(report.gaps[0]).toEqual({
      date: '2025-03-10',
      start: '09:00',
      end: '14:00',
      trainedAgents: 1,
    });
  });

  it('leaves out public holidays and counts nothing of weeks not published', () => {
    const report = franceServicesMonth({
      month: '2025-05',
      openingHours: HOURS,
      deskLocationIds: ['desk'],
      shifts: [],
      people: [],
      publishedWeeks: [],
    });
    const mayDay = report.days.find((day) => day.date === '2025-05-01');
    expect(mayDay).toMatchObject({
      openingMinutes: 0,
      closedLabel: 'jour férié (Fête du Travail)',
    });
    expect(report.gaps).toEqual([]);
    expect(report.unpublishedWeeks).toHaveLength(5);
    expect(report.weeks.every((week) => !week.meetsMinimum)).toBe(true);
  });
});
