import { Violation } from '@relais/api-types';
import {
  checkComplementaryHours,
  checkContractHoursUnder,
  checkDuringAbsence,
  checkHoursReview,
  checkNotice,
  checkOutsideContract,
  checkPartTimeGrouping,
  checkPersonSkills,
  checkSplitDay,
} from './part-time-rules';
import { buildPersonContext } from './person-context';
import { PersonComplianceInput } from './person-input';
import { mergeViolations } from './violation-builder';
import {
  checkAmplitude,
  checkBreak,
  checkCalendarDays,
  checkDailyMax,
  checkDailyRest,
  checkNightWork,
  checkOverlap,
  checkTravelTime,
  checkWeeklyAverage,
  checkWeeklyMax,
  checkWeeklyRest,
  checkWorkdaysPerWeek,
} from './working-time-rules';

const PERSON_RULES = [
  checkOverlap,
  checkDailyMax,
  checkWeeklyMax,
  checkWeeklyAverage,
  checkDailyRest,
  checkAmplitude,
  checkBreak,
  checkWorkdaysPerWeek,
  checkWeeklyRest,
  checkCalendarDays,
  checkNightWork,
  checkTravelTime,
  checkOutsideContract,
  checkDuringAbsence,
  checkContractHoursUnder,
  checkComplementaryHours,
  checkHoursReview,
  checkNotice,
  checkSplitDay,
  checkPartTimeGrouping,
  checkPersonSkills,
] as const;

/**
 * Working-time and part-time rules (groups A and B) for one person over a window of civil days.
 * Pure: the same input gives the same violations in the browser and the API. Throws a RangeError
 * on malformed input (unreadable instant, item ending before it starts, invalid window).
 */
export function checkPersonCompliance(input: PersonComplianceInput): Violation[] {
  const ctx = buildPersonContext(input);
  const lists: Violation[][] = [];
  for (const rule of PERSON_RULES) lists.push(rule(ctx));
  return mergeViolations(...lists);
}
