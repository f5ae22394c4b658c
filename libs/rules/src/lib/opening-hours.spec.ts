import type { OpeningHours } from '@relais/api-types';
import {
  franceServicesOpeningShortfall,
  openingHoursIssues,
  openingHoursTotals,
} from './opening-hours';

const range = (weekday: number, start: string, end: string): OpeningHours => ({
  weekday,
  start,
  end,
});

describe('openingHoursIssues', () => {
  it.each<[string, OpeningHours[], { field: string; message: string }[]]>([
    ['two ranges of a day that meet', [range(1, '09:00', '12:30'), range(1, '12:30', '17:00')], []],
    ['the same hours on two days', [range(1, '09:00', '12:00'), range(2, '09:00', '12:00')], []],
    [
      'an end before the start',
      [range(3, '14:00', '13:59')],
      [{ field: 'openingHours.0.end', message: 'le mercredi, la plage doit finir après 14 h' }],
    ],
    [
      'an end equal to the start',
      [range(7, '09:30', '09:30')],
      [{ field: 'openingHours.0.end', message: 'le dimanche, la plage doit finir après 9 h 30' }],
    ],
    [
      'two ranges overlapping by one minute',
      [range(2, '09:00', '12:31'), range(2, '12:30', '17:00')],
      [
        {
          field: 'openingHours.1.start',
          message: 'le mardi, 12 h 30–17 h chevauche 9 h–12 h 31',
        },
      ],
    ],
  ])('%s', (_, hours, issues) => {
    expect(openingHoursIssues(hours)).toEqual(issues);
  });
});

describe('franceServicesOpeningShortfall', () => {
  const weekdays = (end: string, days = [1, 2, 3, 4, 5]): OpeningHours[] =>
    days.map((weekday) => range(weekday, '09:00', end));

  it.each<[string, OpeningHours[], boolean]>([
    ['24 h over 5 days exactly', weekdays('13:48'), false],
    ['one minute less', weekdays('13:47'), true],
    ['32 h over 4 days', weekdays('17:00', [1, 2, 3, 4]), true],
    ['no hours at all', [], true],
  ])('%s', (_, hours, short) => {
    expect(franceServicesOpeningShortfall(hours) !== null).toBe(short);
  });

  it('counts overlapping ranges once and says what is missing', () => {
    const hours = [range(1, '09:00', '12:00'), range(1, '10:00', '13:00')];
    expect(openingHoursTotals(hours)).toEqual({ minutes: 240, days: 1 });
    expect(franceServicesOpeningShortfall(hours)).toBe(
      'Horaires publics de 4 h sur 1 jour : un espace France Services ouvre au moins 24 h sur 5 jours (charte nationale France Services).',
    );
  });

  it('reads the organisation’s own minimum', () => {
    expect(
      franceServicesOpeningShortfall(weekdays('13:00'), { fsMinOpeningMinutesPerWeek: 1200 }),
    ).toBeNull();
  });
});
