import type { HourBands } from '@relais/api-types';
import { weeklyPremiums } from './premiums';

const bands = (b: Partial<HourBands>): HourBands => ({
  normal: 0,
  complementary10: 0,
  complementary25: 0,
  overtime25: 0,
  overtime50: 0,
  ...b,
});

describe('weeklyPremiums', () => {
  it.each<[string, number, number, HourBands]>([
    // Part-time, 24 h: 1/10 is 2 h 24 (L3123-29).
    ['24 h worked on 24 h', 24, 24 * 60, bands({ normal: 1440 })],
    ['less than the contract', 24, 20 * 60, bands({ normal: 1200 })],
    [
      'exactly 1/10 more: all at +10 %',
      24,
      1440 + 144,
      bands({ normal: 1440, complementary10: 144 }),
    ],
    [
      'one minute beyond 1/10: 1 min at +25 %',
      24,
      1440 + 145,
      bands({ normal: 1440, complementary10: 144, complementary25: 1 }),
    ],
    [
      '24 h 30: 1/10 is 147 min',
      24.5,
      1470 + 148,
      bands({ normal: 1470, complementary10: 147, complementary25: 1 }),
    ],
    // Full-time: overtime from the 36th hour, +25 % up to 43 h, +50 % beyond (L3121-36).
    ['35 h on 35 h', 35, 2100, bands({ normal: 2100 })],
    ['35 h 01', 35, 2101, bands({ normal: 2100, overtime25: 1 })],
    ['43 h: 8 h at +25 %', 35, 43 * 60, bands({ normal: 2100, overtime25: 480 })],
    [
      '43 h 01: 1 min at +50 %',
      35,
      43 * 60 + 1,
      bands({ normal: 2100, overtime25: 480, overtime50: 1 }),
    ],
    [
      'a 39 h contract counts from the legal 35 h',
      39,
      39 * 60,
      bands({ normal: 2100, overtime25: 240 }),
    ],
    ['nothing worked', 20, 0, bands({})],
  ])('%s', (_, contract, worked, expected) => {
    expect(weeklyPremiums(contract, worked)).toEqual(expected);
  });
});
