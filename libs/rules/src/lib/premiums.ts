import type { HourBands } from '@relais/api-types';
import { DEFAULT_RULE_SETTINGS, RuleSettings } from './rule-settings';

// L3121-36: overtime is paid +25 % for the first 8 hours beyond the legal week, +50 % beyond.
const OVERTIME_25_MINUTES = 8 * 60;
// L3123-29: complementary hours are paid +10 % up to 1/10 of the contract's hours, +25 % beyond.
const COMPLEMENTARY_10_SHARE = 0.1;

/**
 * A week's worked minutes by pay band. A part-timer (contract under the full-time week) works
 * complementary hours beyond the contract: +10 % up to 1/10 of the contract's hours, +25 %
 * beyond (L3123-8, L3123-29). A full-timer works overtime from the 36th hour (the legal week,
 * L3121-27): +25 % for the first 8 hours, +50 % beyond (L3121-36). Without an agreement on the
 * rates: the law's.
 */
export function weeklyPremiums(
  contractWeeklyHours: number,
  workedMinutes: number,
  settings: Pick<RuleSettings, 'fullTimeWeeklyHours'> = DEFAULT_RULE_SETTINGS,
): HourBands {
  const worked = Math.max(0, workedMinutes);
  const bands: HourBands = {
    normal: 0,
    complementary10: 0,
    complementary25: 0,
    overtime25: 0,
    overtime50: 0,
  };
  const fullTime = settings.fullTimeWeeklyHours * 60;
  if (contractWeeklyHours * 60 < fullTime) {
    const contract = contractWeeklyHours * 60;
    // Rounded to a thousandth of a minute: 1/10 of 24 h 30 is 147 min, not 146.999….
    const band10 = Math.round(contract * COMPLEMENTARY_10_SHARE * 1000) / 1000;
    const extra = Math.max(0, worked - contract);
    bands.normal = Math.min(worked, contract);
    bands.complementary10 = Math.min(extra, band10);
    bands.complementary25 = Math.max(0, extra - band10);
    return bands;
  }
  const extra = Math.max(0, worked - fullTime);
  bands.normal = Math.min(worked, fullTime);
  bands.overtime25 = Math.min(extra, OVERTIME_25_MINUTES);
  bands.overtime50 = Math.max(0, extra - OVERTIME_25_MINUTES);
  return bands;
}
