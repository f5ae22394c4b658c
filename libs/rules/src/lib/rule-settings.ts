import { ActivityCode, SkillCode, SplitDayAgreement } from '@relais/api-types';
import { CivilDate } from './zoned-time';

// Skill codes are the API's (`@relais/api-types`); the rules look at FS, SST and Aidants Connect.
export type { SkillCode };

/** Travel minutes between two locations; the matrix is read in both directions. */
export interface TravelTime {
  fromLocationId: string;
  toLocationId: string;
  minutes: number;
}

/**
 * Organisation settings read by the engine. Every default is the legal default; a collective or
 * company agreement may change the values marked *cfg* in domain/rules.md.
 */
export interface RuleSettings {
  /** IANA time zone defining civil days and weeks. */
  timeZone: string;
  /** Public holidays as civil dates; `null` = the French national list (L3133-1). */
  publicHolidays: readonly CivilDate[] | null;
  travelTimes: readonly TravelTime[];
  dailyMaxMinutes: number;
  weeklyMaxMinutes: number;
  weeklyAverageMaxMinutes: number;
  averageWindowWeeks: number;
  dailyRestMinutes: number;
  amplitudeMaxMinutes: number;
  breakAfterMinutes: number;
  breakMinMinutes: number;
  maxWorkdaysPerWeek: number;
  weeklyRestMinutes: number;
  /** Weekly rest that must lie inside the civil week itself (the 24 h of L3132-2). */
  weeklyRestInWeekMinutes: number;
  nightStart: string;
  nightEnd: string;
  nightWorkerMinNightMinutesPerDay: number;
  nightWorkerMinDaysPerWeek: number;
  nightWorkerMinutesPer12Months: number;
  nightWorkerDailyMaxMinutes: number;
  nightWorkerWeeklyAverageMaxMinutes: number;
  fullTimeWeeklyHours: number;
  contractHoursToleranceMinutes: number;
  /** Complementary hours cap as a share of contract hours: 1/10 by law, up to 1/3 by agreement. */
  complementaryHoursRatio: number;
  partTimeNoticeWorkingDays: number;
  shortNoticeExtraDays: number;
  /** Interruptions at least this long count as a coupure (shorter ones are pauses). */
  splitDayMinGapMinutes: number;
  splitDayMaxBreaks: number;
  splitDayMaxBreakMinutes: number;
  /**
   * An agreement allowing more or longer coupures with specific counterparts (L3123-30): with
   * it PART_TIME_SPLIT_DAY is a warning to justify, without it the law forbids them (block).
   */
  splitDayAgreement: SplitDayAgreement | null;
  /**
   * PART_TIME_GROUPING (L3123-7): under 24 h a week by a derogation, the hours are grouped in
   * regular or complete days or half-days; a block of work shorter than this is no half-day.
   */
  partTimeGroupingMinBlockMinutes: number;
  cycleNoticeDays: number;
  /** Derogation to Sunday rest recorded for the whole organisation (L3132-12/20); `null`: none. */
  sundayDerogation: string | null;
  /**
   * Derogations to Sunday rest recorded for one site (L3132-12 and following): location id →
   * the legal basis. A Sunday item at one of these locations is not flagged.
   */
  sundayDerogationLocations: Readonly<Record<string, string>>;
  fsMinOpeningMinutesPerWeek: number;
  fsMinOpeningDays: number;
  fsTrainedMinStaff: number;
  sstMinStaff: number;
  outreachMinStaff: number;
  /** Sites are closed on public holidays, so opening slots and coverage skip them. */
  closedOnPublicHolidays: boolean;
  requiredSkillByActivity: Readonly<Partial<Record<ActivityCode, SkillCode>>>;
  isConventionneSiae: boolean;
  partTimeFloorHours: number;
  cddMaxMonths: number;
  cddMaxRenewals: number;
  /** ISO weekdays the establishment is open, for the délai de carence (L1244-3-1). */
  openingWeekdays: readonly number[];
  pecMinInitialMonths: number;
  pecMaxMonths: number;
  pecMaxMonthsExtended: number;
  pecMinWeeklyHours: number;
  tutorMaxCuiTutees: number;
  /** Employees in contrat de professionnalisation one tutor follows at once (D6325-9). */
  tutorMaxProTutees: number;
  adulteRelaisMinAge: number;
  adulteRelaisMaxMonths: number;
  adulteRelaisMaxRenewals: number;
  proMinMonths: number;
  proMaxMonths: number;
  proMaxRenewals: number;
  proMinTrainingHours: number;
  proTrainingMinRatio: number;
  proTrainingMaxRatio: number;
  cddiMinMonths: number;
  cddiMaxMonths: number;
  cddiMinWeeklyHours: number;
  cddiMaxWeeklyHours: number;
  cddiDiagnosisValidityMonths: number;
  contractEndingAlertDays: readonly number[];
}

/** Legal defaults (Code du travail without any agreement), time zone Europe/Paris. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  timeZone: 'Europe/Paris',
  publicHolidays: null,
  travelTimes: [],
  dailyMaxMinutes: 10 * 60,
  weeklyMaxMinutes: 48 * 60,
  weeklyAverageMaxMinutes: 44 * 60,
  averageWindowWeeks: 12,
  dailyRestMinutes: 11 * 60,
  amplitudeMaxMinutes: 13 * 60,
  breakAfterMinutes: 6 * 60,
  breakMinMinutes: 20,
  maxWorkdaysPerWeek: 6,
  weeklyRestMinutes: 35 * 60,
  weeklyRestInWeekMinutes: 24 * 60,
  nightStart: '21:00',
  nightEnd: '06:00',
  nightWorkerMinNightMinutesPerDay: 3 * 60,
  nightWorkerMinDaysPerWeek: 2,
  nightWorkerMinutesPer12Months: 270 * 60,
  nightWorkerDailyMaxMinutes: 8 * 60,
  nightWorkerWeeklyAverageMaxMinutes: 40 * 60,
  fullTimeWeeklyHours: 35,
  contractHoursToleranceMinutes: 0,
  complementaryHoursRatio: 0.1,
  partTimeNoticeWorkingDays: 7,
  shortNoticeExtraDays: 3,
  splitDayMinGapMinutes: 30,
  splitDayMaxBreaks: 1,
  splitDayMaxBreakMinutes: 120,
  splitDayAgreement: null,
  // The law names no figure for a half-day: 3 h is the usual reading [à vérifier].
  partTimeGroupingMinBlockMinutes: 180,
  cycleNoticeDays: 7,
  sundayDerogation: null,
  sundayDerogationLocations: {},
  fsMinOpeningMinutesPerWeek: 24 * 60,
  fsMinOpeningDays: 5,
  fsTrainedMinStaff: 2,
  sstMinStaff: 1,
  outreachMinStaff: 2,
  closedOnPublicHolidays: true,
  requiredSkillByActivity: {},
  isConventionneSiae: false,
  partTimeFloorHours: 24,
  cddMaxMonths: 18,
  cddMaxRenewals: 2,
  openingWeekdays: [1, 2, 3, 4, 5],
  pecMinInitialMonths: 6,
  pecMaxMonths: 24,
  pecMaxMonthsExtended: 60,
  pecMinWeeklyHours: 20,
  tutorMaxCuiTutees: 3,
  tutorMaxProTutees: 3,
  adulteRelaisMinAge: 26,
  adulteRelaisMaxMonths: 36,
  adulteRelaisMaxRenewals: 1,
  proMinMonths: 6,
  proMaxMonths: 12,
  proMaxRenewals: 1,
  proMinTrainingHours: 150,
  proTrainingMinRatio: 0.15,
  proTrainingMaxRatio: 0.25,
  cddiMinMonths: 4,
  cddiMaxMonths: 24,
  cddiMinWeeklyHours: 20,
  cddiMaxWeeklyHours: 35,
  cddiDiagnosisValidityMonths: 6,
  contractEndingAlertDays: [90, 60, 30],
};

/** Settings with every missing value taken from {@link DEFAULT_RULE_SETTINGS}. */
export function resolveRuleSettings(settings?: Partial<RuleSettings>): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...settings };
}

/** One settings value outside what the law allows an agreement to set. */
export interface RuleSettingIssue {
  field: keyof RuleSettings;
  message: string;
}

/** Checks agreement-configurable values against the legal bounds an agreement cannot cross. */
export function validateRuleSettings(settings: Partial<RuleSettings>): RuleSettingIssue[] {
  const s = resolveRuleSettings(settings);
  const issues: RuleSettingIssue[] = [];
  const check = (field: keyof RuleSettings, ok: boolean, message: string): void => {
    if (!ok) issues.push({ field, message });
  };
  // L3121-19: an agreement may raise the daily maximum to 12 h, not beyond.
  check('dailyMaxMinutes', s.dailyMaxMinutes <= 12 * 60, 'Durée quotidienne : 12 h au plus.');
  // L3121-20: 48 h is absolute (60 h only with an administrative authorisation).
  check('weeklyMaxMinutes', s.weeklyMaxMinutes <= 48 * 60, 'Durée hebdomadaire : 48 h au plus.');
  // L3121-23: an agreement may raise the 12-week average to 46 h.
  check(
    'weeklyAverageMaxMinutes',
    s.weeklyAverageMaxMinutes <= 46 * 60,
    'Moyenne sur 12 semaines : 46 h au plus.',
  );
  // L3123-20: complementary hours up to 1/3 with an agreement.
  check(
    'complementaryHoursRatio',
    s.complementaryHoursRatio <= 1 / 3 + 1e-9,
    'Heures complémentaires : 1/3 au plus.',
  );
  // L3123-24: the notice may be reduced to 3 working days, not fewer.
  check(
    'partTimeNoticeWorkingDays',
    s.partTimeNoticeWorkingDays >= 3,
    'Délai de prévenance : 3 jours ouvrés au moins.',
  );
  check('dailyRestMinutes', s.dailyRestMinutes >= 9 * 60, 'Repos quotidien : 9 h au moins.');
  check('proMaxMonths', s.proMaxMonths <= 36, 'Contrat de professionnalisation : 36 mois au plus.');
  return issues;
}
