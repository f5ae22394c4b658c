import { ActivityCode, ContractType } from '@relais/api-types';
import { RuleSettings, SkillCode } from './rule-settings';
import { CivilDate, Instant } from './zoned-time';

/** A shift or a training session: both are working time for one person. */
export interface WorkItem {
  id: string;
  /** `training` for a training session (it counts as work and cannot overlap a shift). */
  kind?: 'shift' | 'training';
  /** Assigned person; absent or null for an open shift. */
  personId?: string | null;
  start: Instant;
  end: Instant;
  /** Unpaid break inside the item, in minutes. */
  breakMinutes?: number;
  /** Start of the break when known; otherwise the break is taken in the middle of the item. */
  breakStart?: Instant | null;
  locationId?: string | null;
  activity: ActivityCode;
  /** Habilitation the activity needs (e.g. `aidants_connect`), on top of the settings' map. */
  requiredSkill?: SkillCode | null;
  /** Recorded derogation for Sunday work (L3132-3); without it a Sunday shift is flagged. */
  sundayDerogation?: string | null;
}

/** A contract period as the rota sees it. */
export interface ContractPeriod {
  id: string;
  type: ContractType;
  /** First day, inclusive. */
  start: CivilDate;
  /** Last day, inclusive; null for a CDI. */
  end?: CivilDate | null;
  weeklyHours: number;
  suspensions?: readonly { start: CivilDate; end: CivilDate }[];
  /** Night worker by the contract (L3122-5): the night worker's limits apply from the first day. */
  isNightWorker?: boolean;
  /**
   * Hours distributed over a cycle of this many weeks (aménagement pluri-hebdomadaire, L3121-44);
   * null or absent: a weekly schedule.
   */
  cycleWeeks?: number | null;
  /**
   * A reason allowing fewer than 24 h a week is recorded on the contract (L3123-7, see
   * `PART_TIME_DEROGATIONS`): such hours are grouped in days or half-days (PART_TIME_GROUPING).
   */
  hasPartTimeDerogation?: boolean;
}

export const ABSENCE_KINDS = ['leave', 'sickness', 'training', 'unavailability', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/**
 * Leave, sickness or approved unavailability. A bare civil date as `start` means the start of that
 * day, as `end` the end of that day (inclusive).
 */
export interface Absence {
  id?: string;
  kind: AbsenceKind;
  start: Instant | CivilDate;
  end: Instant | CivilDate;
}

/** A skill or habilitation held by a person. */
export interface PersonSkill {
  code: SkillCode | string;
  acquiredOn?: CivilDate | null;
  expiresOn?: CivilDate | null;
}

export const SCHEDULE_CHANGE_KINDS = ['added', 'moved', 'removed'] as const;
/**
 * What a change does to the person's published schedule: a shift `added` to it, `moved` (other
 * day or times, or the break), or `removed` from it (deleted, made open or given to someone else).
 */
export type ScheduleChangeKind = (typeof SCHEDULE_CHANGE_KINDS)[number];

/** A change made to an already published schedule. */
export interface ScheduleChange {
  id?: string;
  /** When the change was published to the person. */
  publishedAt: Instant;
  /** First civil day whose hours change. */
  firstAffectedDay: CivilDate;
  /** Shifts created or moved by the change; empty for a shift removed (it is no longer there). */
  shiftIds: readonly string[];
  /** Minutes added to the person's week (positive when hours are added). */
  addedMinutes?: number;
  /** Unknown kind: read as a move (the notice applies, L3123-31). */
  kind?: ScheduleChangeKind;
  /**
   * The person agreed to this change in writing: no notice is owed then (Cass. soc. 9 nov. 2016,
   * n° 15-19.401), and hours accepted in writing are no longer hours the person may refuse.
   */
  hasWrittenAgreement?: boolean;
}

/**
 * Work outside `items` that the long-window rules read (WEEKLY_AVG_12W over 12 weeks, the night
 * worker's 270 h over 12 months), summed by the server so a week's check need not carry months of
 * items. Never counts an item also given in `items`.
 */
export interface WorkHistory {
  /** Effective work minutes (breaks out, travel between locations in) by ISO week (`2026-W49`). */
  weekMinutes?: Readonly<Record<string, number>>;
  /** Night minutes (nightStart–nightEnd) of the nights of the 12 months ending on the window's last day. */
  nightMinutes?: number;
}

/** The civil days to evaluate, both included. */
export interface EvaluationWindow {
  from: CivilDate;
  to: CivilDate;
}

/** Everything the working-time rules (groups A and B) need for one person. */
export interface PersonComplianceInput {
  personId: string;
  /**
   * Shifts and training sessions. Include the 11 weeks before the window for the 12-week average
   * and the day before and after for rest periods.
   */
  items: readonly WorkItem[];
  contracts: readonly ContractPeriod[];
  absences?: readonly Absence[];
  skills?: readonly PersonSkill[];
  /** `false` for volunteers, service civique and interns (no Aidants Connect habilitation). */
  isEmployee?: boolean;
  changes?: readonly ScheduleChange[];
  /** Already a night worker by contract or history. */
  isNightWorker?: boolean;
  /** Work outside `items` summed by week and over 12 months of nights. */
  history?: WorkHistory;
  /** Works in a multi-week cycle (aménagement pluri-hebdomadaire, L3121-44/45). */
  inMultiWeekCycle?: boolean;
  window: EvaluationWindow;
  settings?: Partial<RuleSettings>;
}
