import { immersionLastDay } from './immersion';

describe('immersionLastDay (D5135-3: one month de date à date)', () => {
  it.each([
    ['2027-03-12', '2027-04-11'],
    ['2027-03-01', '2027-03-31'],
    ['2027-12-15', '2028-01-14'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-30', '2028-02-29'],
    ['2027-01-28', '2027-02-27'],
  ])('from %s, until %s at the latest', (start, last) => {
    expect(immersionLastDay(start)).toBe(last);
  });
});
