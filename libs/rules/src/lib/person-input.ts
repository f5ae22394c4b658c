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

/** A change made to an already published schedule. */
export interface ScheduleChange {
  id?: string;
  /** When the change was published to the person. */
  publishedAt: Instant;
  /** First civil day whose hours change. */
  firstAffectedDay: CivilDate;
  /** Shifts created or moved by the change. */
  shiftIds: readonly string[];
  /** Minutes added to the person's week (positive when hours are added). */
  addedMinutes?: number;
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
  /** Works in a multi-week cycle (aménagement pluri-hebdomadaire, L3121-44/45). */
  inMultiWeekCycle?: boolean;
  window: EvaluationWindow;
  settings?: Partial<RuleSettings>;
}
