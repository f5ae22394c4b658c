import { openingDays } from './sites.store';

describe('openingDays', () => {
  it('groups ranges by weekday, Monday first, ranges in time order', () => {
    expect(
      openingDays([
        { weekday: 4, start: '13:30', end: '19:00' },
        { weekday: 1, start: '13:30', end: '17:00' },
        { weekday: 4, start: '09:00', end: '12:30' },
        { weekday: 1, start: '09:00', end: '12:30' },
      ]),
    ).toEqual([
      { weekday: 1, ranges: ['09:00–12:30', '13:30–17:00'] },
      { weekday: 4, ranges: ['09:00–12:30', '13:30–19:00'] },
    ]);
  });
});
