import type { Severity } from './violation';

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
   * PART_TIME_SPLIT_DAY (L3123-30): `warn` to justify (default), `info` when an agreement allows
   * more or longer interruptions, `block` when the association forbids them.
   */
  splitDaySeverity: Severity;
  /**
   * SUNDAY (L3132-3): reference of a derogation to Sunday rest recorded for the whole association
   * (L3132-12 by right, L3132-20 by prefectoral order); `null`: each Sunday shift is flagged.
   */
  sundayDerogation: string | null;
}

/** Answer of `GET` and `PUT /api/organisation/settings`. */
export interface OrganisationSettingsAnswer {
  settings: OrganisationSettings;
  /** Last change, `null` while the association uses the law's values. */
  updatedAt: string | null;
}

/** Body of `PUT /api/organisation/settings`: every value, the new ones and the kept ones. */
export type UpdateOrganisationSettingsRequest = OrganisationSettings;
