import type { ActivityCode } from './activity-code';
import type { SkillCode } from './people';
import type { Violation } from './violation';

/**
 * `fill`: staff an empty or partial week around what is already planned. `replan`: after an
 * absence or any change, keep every shift that is still valid and re-staff only what broke,
 * counting the published shifts that change.
 */
export const AUTO_FILL_MODES = ['fill', 'replan'] as const;
export type AutoFillMode = (typeof AUTO_FILL_MODES)[number];

export const AUTO_FILL_STATUSES = ['running', 'done', 'failed', 'applied', 'discarded'] as const;
export type AutoFillStatus = (typeof AUTO_FILL_STATUSES)[number];

export interface AutoFillRequest {
  /** One site, or several sites of the manager solved together (people shared between them). */
  siteIds: string[];
  week: string;
  mode: AutoFillMode;
  /** Wall-clock budget, 1–60 s (default 10); the job ends earlier when optimality is proven. */
  timeLimitSeconds?: number;
}

/** A shift the proposal adds (or an open shift it assigns, when `openShiftId` is set). */
export interface ProposedShift {
  key: string;
  siteId: string;
  personId: string;
  locationId: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  /** Set when the proposal gives an existing open shift to someone instead of creating one. */
  openShiftId: string | null;
  /** "Prénom Nom" of `personId`. */
  personName: string;
  /** What decided this assignment, most decisive first (never empty). */
  reasons: AssignmentReason[];
}

/** Windows people take in turns: Saturday or Sunday, ending after 18:00, outreach. */
export const LESS_LIKED_KINDS = ['weekend', 'late', 'outreach'] as const;
export type LessLikedKind = (typeof LESS_LIKED_KINDS)[number];

/**
 * Why a proposed shift went to this person, as the "Pourquoi ?" disclosure words it:
 * - `hours-owed`: `minutes` still owed by the contract this week before the proposal;
 * - `skill`: the window needs this qualification and the person holds it;
 * - `fairness`: the person worked `count` windows of this kind in the 4 weeks before, a
 *   colleague up to `othersCount`;
 * - `continuity`: same place and activity on these other days of the week (`dates`);
 * - `only-candidate`: nobody else could take it without a blocking rule;
 * - `available`: free, under contract and no blocking rule (when nothing else decided).
 */
export type AssignmentReason =
  | { code: 'hours-owed'; minutes: number }
  | { code: 'skill'; skill: SkillCode }
  | { code: 'fairness'; kind: LessLikedKind; count: number; othersCount: number }
  | { code: 'continuity'; dates: string[] }
  | { code: 'only-candidate' }
  | { code: 'available' };

/** An existing shift the proposal takes away, with the reason. */
export interface ReleasedShift {
  shiftId: string;
  siteId: string;
  personId: string | null;
  start: string;
  end: string;
  /** The blocking rule that made the shift invalid (e.g. DURING_ABSENCE). */
  rule: string;
  reason: string;
}

export const UNFILLED_REASONS = [
  'no_skill',
  'nobody_available',
  'contract_maximum',
  'rules',
  'pair_incomplete',
] as const;
export type UnfilledReason = (typeof UNFILLED_REASONS)[number];

export interface UnfilledDemand {
  siteId: string;
  locationId: string;
  date: string;
  startTime: string;
  endTime: string;
  activity: ActivityCode;
  missing: number;
  reason: UnfilledReason;
  /** French sentence shown to the manager. */
  message: string;
}

/** A day auto-fill leaves alone: a public holiday, or a weekday the site's desk never opens. */
export interface AutoFillClosedDay {
  date: string;
  reason: 'holiday' | 'closed';
}

/**
 * Why the proposal adds what it adds (or nothing), as structured data the side sheet words:
 * - `no-open-need`: no open shift nor uncovered need left this week; `underHours` people stay
 *   under their contract hours (add needs or open shifts to give them work);
 * - `closed-day`: open shifts and needs on closed days, left alone;
 * - `uncovered`: `missing` people short on the week's needs, by reason.
 */
export type AutoFillExplanation =
  | { code: 'no-open-need'; underHours: number }
  | { code: 'closed-day'; days: AutoFillClosedDay[]; openShifts: number; needs: number }
  | {
      code: 'uncovered';
      missing: number;
      reasons: { reason: UnfilledReason; missing: number }[];
    };

/** A person's week once the proposal is applied, against what their contract owes. */
export interface AutoFillHours {
  personId: string;
  /** "Prénom Nom", for the side sheet (people of other sites are not in the loaded week). */
  personName: string;
  /** Minutes planned in the week, all sites together (breaks excluded). */
  plannedMinutes: number;
  /** Minutes the contract owes this week, net of whole-day absences and public holidays. */
  contractMinutes: number;
}

export interface AutoFillProposal {
  add: ProposedShift[];
  release: ReleasedShift[];
  unfilled: UnfilledDemand[];
  /** Published shifts the proposal changes (released, or added to a published week). */
  changedPublished: number;
  /** Violations of the weeks once the proposal is applied (never a blocking one). */
  violations: Violation[];
  /** Why it adds what it adds, or nothing (empty when every need is covered). */
  explanation: AutoFillExplanation[];
  /** The solver's cost, for logs and benchmarks: never shown to a manager. */
  objective: number;
  optimal: boolean;
  /** Seconds the solver ran. */
  seconds: number;
  /** Seconds until the best proposal was first found (model building included). */
  secondsToBest: number;
  /** Seconds spent building the model (candidates vetted by the rules) before solving. */
  modelSeconds: number;
  /** Each person under contract on the chosen sites: planned against owed minutes. */
  hours: AutoFillHours[];
}

export interface AutoFillProgress {
  objective: number;
  feasible: boolean;
  seconds: number;
}

export interface AutoFillJob {
  id: string;
  siteIds: string[];
  week: string;
  mode: AutoFillMode;
  status: AutoFillStatus;
  timeLimitSeconds: number;
  progress: AutoFillProgress | null;
  proposal: AutoFillProposal | null;
  error: string | null;
  createdAt: string;
}

export interface AutoFillApplyResult {
  created: number;
  assigned: number;
  removed: number;
}
