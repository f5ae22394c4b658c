import type { ActivityCode } from './activity-code';
import type { SkillCode } from './people';

/**
 * An association's own values of the thresholds a collective or company agreement may change
 * (marked *cfg* in the domain rules), and its time zone. Every default is the law's. The names
 * are the rules engine's settings, so the object is passed to it as is.
 */
export interface OrganisationSettings {
  /** IANA time zone of the association's civil days and weeks. */
  timeZone: string;
  /** DAILY_MAX: 600 (10 h) by law, up to 720 (12 h) by agreement (L3121-18/19). */
  dailyMaxMinutes: number;
  /** WEEKLY_AVG_12W: 2640 (44 h) by law, up to 2760 (46 h) by agreement (L3121-22/23). */
  weeklyAverageMaxMinutes: number;
  /** COMPLEMENTARY_HOURS: share of contract hours, 1/10 by law, up to 1/3 by agreement (L3123-28/20). */
  complementaryHoursRatio: number;
  /** PART_TIME_NOTICE: 7 working days by law, down to 3 by agreement (L3123-31/24). */
  partTimeNoticeWorkingDays: number;
  /**
   * PART_TIME_SPLIT_DAY (L3123-30): the agreement allowing more than one coupure, or one over 2 h,
   * in a part-timer's day, with its counterparts; `null` (the law's default): such days block.
   */
  splitDayAgreement: SplitDayAgreement | null;
  /**
   * SUNDAY (L3132-3): reference of a derogation to Sunday rest recorded for the whole association
   * (L3132-12 by right, L3132-20 by prefectoral order); `null`: each Sunday shift is flagged.
   */
  sundayDerogation: string | null;
  /**
   * PART_TIME_GROUPING (L3123-7): under 24 h a week by a derogation, hours are grouped in days or
   * half-days; a block of work shorter than this many minutes is flagged. 180 (3 h) by default,
   * 60 to 360.
   */
  partTimeGroupingMinBlockMinutes: number;
  /**
   * Days a person must have stayed (from their first contract) before their exit counts in the
   * dynamic-exit rate: a trial period broken off after a week is no pathway. 90 by default, as
   * the IAE counts its leavers; 0 counts everybody.
   */
  exitMinimumStayDays: number;
  /**
   * SKILL_REQUIRED: the habilitation an activity requires of whoever is planned on it (for
   * instance « Aide numérique » only by people holding Aidants Connect); `{}`: none.
   */
  requiredSkillByActivity: Partial<Record<ActivityCode, SkillCode>>;
}

/**
 * A collective agreement (accord de branche étendu, or company agreement where allowed) that lets
 * a part-timer's day have more than one coupure or one over 2 h (L3123-30), with the specific
 * counterparts it must grant.
 */
export interface SplitDayAgreement {
  /** The agreement's reference (« Accord de branche ALISFA du …, art. … »). */
  reference: string;
  /** The specific counterparts it grants (« prime de coupure de 5 €, amplitude ≤ 10 h »). */
  counterparts: string;
}

/** Answer of `GET` and `PUT /api/organisation/settings`. */
export interface OrganisationSettingsAnswer {
  settings: OrganisationSettings;
  /** Last change, `null` while the association uses the law's values. */
  updatedAt: string | null;
  /** Who recorded the split-day agreement and when; `null` without one. */
  splitDayAgreementRecorded: { at: string; byName: string | null } | null;
}

/**
 * Body of `PUT /api/organisation/settings`: every value, the new ones and the kept ones (the
 * minimum stay, the half-day minimum and the habilitations may be left out: they are then kept).
 */
export type UpdateOrganisationSettingsRequest = Omit<
  OrganisationSettings,
  'exitMinimumStayDays' | 'partTimeGroupingMinBlockMinutes' | 'requiredSkillByActivity'
> & {
  exitMinimumStayDays?: number;
  partTimeGroupingMinBlockMinutes?: number;
  requiredSkillByActivity?: Partial<Record<ActivityCode, SkillCode>>;
};
