import type { ActivityCode } from './activity-code';
import type { ContractType } from './contract-type';
import type { OrganisationSettings } from './organisation-settings';
import type { SkillCode } from './people';
import type { Violation } from './violation';

// Instants are ISO 8601 with their offset ("2026-12-01T09:00:00+01:00"); weeks are ISO weeks
// ("2026-W49", Monday first) in the organisation's time zone (Europe/Paris).

export const ROTA_STATUSES = ['draft', 'published'] as const;
/** `brouillon` / `publié`. */
export type RotaStatus = (typeof ROTA_STATUSES)[number];

/** A shift ("créneau"): assigned to a person, or open ("à pourvoir") when `personId` is null. */
export interface Shift {
  id: string;
  siteId: string;
  personId: string | null;
  locationId: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  note: string | null;
  /** Optimistic concurrency: send it back with every change; a stale one gets 409. */
  version: number;
  /** Created or changed since the last publication of its week. */
  isChangedSincePublication: boolean;
  /** Set when the item is a training session (changed through its enrolment, not dragged). */
  trainingSessionId?: string | null;
}

/** Body of `POST /api/shifts`. */
export interface CreateShiftRequest {
  personId?: string | null;
  locationId: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  note?: string | null;
}

/** Body of `PATCH /api/shifts/:id`: the fields to change plus the version read. */
export interface UpdateShiftRequest extends Partial<CreateShiftRequest> {
  version: number;
}

/** Answer of shift writes: the shift and the violations it now takes part in. */
export interface ShiftResult {
  shift: Shift;
  violations: Violation[];
}

/** A coverage requirement: staff needed at a location on a weekday and time range. */
export interface CoverageRequirement {
  id: string;
  locationId: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: string;
  endTime: string;
  minStaff: number;
  requiredSkill: SkillCode | null;
  activity: ActivityCode | null;
  /** Outreach in pairs. */
  isPair: boolean;
}

/** Coverage of one requirement on one day of the week. */
export interface CoverageCell {
  requirementId: string;
  locationId: string;
  date: string;
  startTime: string;
  endTime: string;
  required: number;
  /** Distinct people covering the whole range. */
  assigned: number;
  /** Of whom hold the required skill (equal to `assigned` without one). */
  qualified: number;
  status: 'ok' | 'under' | 'over';
}

/** What anyone of the team may see of a colleague: what a printed rota on the office wall shows. */
export interface RotaColleague {
  id: string;
  firstName: string;
  lastName: string;
  homeSiteId: string | null;
}

/**
 * A person shown on the planner's grid, with what the browser needs to run the same rules.
 * A person lent by another site (see `SiteLoan`) carries only what the rules need: the
 * contracts and valid qualifications of the window, and her other work items as time ranges
 * (`id` starting with `ailleurs:`), never the other site's rota.
 */
export interface RotaPerson extends RotaColleague {
  contract: {
    type: ContractType;
    start: string;
    end: string | null;
    weeklyHours: number;
  } | null;
  /** All the person's contracts (for OUTSIDE_CONTRACT). */
  contracts: { type: ContractType; start: string; end: string | null; weeklyHours: number }[];
  /** Minutes planned this week, all sites together. */
  plannedMinutes: number;
  /** Absences overlapping the week; `kind` null when the caller may not see it. */
  absences: { start: string; end: string; kind: string | null }[];
  skills: { skill: SkillCode; acquiredOn: string; expiresOn: string | null }[];
  /** Work items of this person outside the site-week (other sites, neighbouring weeks) that rules look at. */
  otherItems: {
    id: string;
    start: string;
    end: string;
    breakMinutes: number;
    locationId: string;
    activity: ActivityCode;
  }[];
}

/** `GET /api/rota?siteId=&week=` for admin, HR and managers: the live week with its checks. */
export interface RotaWeek {
  view: 'planner';
  siteId: string;
  week: string;
  status: RotaStatus;
  /** Version of the site-week, raised by each publication. */
  version: number;
  publishedAt: string | null;
  /** Shifts created, changed or deleted since the last publication. */
  unpublishedChanges: number;
  shifts: Shift[];
  violations: Violation[];
  coverage: CoverageCell[];
  people: RotaPerson[];
  requirements: CoverageRequirement[];
  /** French public holidays of the week ("YYYY-MM-DD"). */
  holidays: string[];
  /** Travel minutes between locations, for TRAVEL_TIME (pass as `settings.travelTimes`). */
  travelTimes: { fromLocationId: string; toLocationId: string; minutes: number }[];
  /** The association's rule thresholds the server checked with (pass as `settings`). */
  settings: OrganisationSettings;
}

/**
 * `GET /api/rota?siteId=&week=` for a mediator: the week as last published, as printed for the
 * office wall (names, times, activity, place; the note only on the reader's own shifts). Never a
 * draft, a contract, a qualification, an hours balance or a check.
 */
export interface WallRotaWeek {
  view: 'wall';
  siteId: string;
  week: string;
  status: RotaStatus;
  version: number;
  publishedAt: string | null;
  shifts: Shift[];
  people: RotaColleague[];
  holidays: string[];
}

/** Body of `POST /api/rota/publish`. */
export interface PublishRequest {
  siteId: string;
  week: string;
  /** Justifications of warnings, by rule code. */
  justification?: string | null;
}

export interface PublishResult {
  siteId: string;
  week: string;
  version: number;
  publishedAt: string;
  /** People whose shifts changed and who are told. */
  notifiedPersonIds: string[];
}

/** Body of `POST /api/rota/copy`. */
export interface CopyWeekRequest {
  siteId: string;
  fromWeek: string;
  toWeek: string;
  /** Keep the people (clashes become open shifts), or copy every shift as open. */
  withPeople?: boolean;
}

export interface CopyWeekResult {
  created: number;
  /** Shifts that went to "à pourvoir" because the person was not available. */
  madeOpen: number;
}

/** A reusable shift pattern of a site (ACC-M, ACC-A, PERM…). */
export interface ShiftTemplate {
  id: string;
  siteId: string;
  code: string;
  label: string;
  locationId: string;
  activity: ActivityCode;
  startTime: string;
  endTime: string;
  breakMinutes: number;
  /** ISO weekdays it applies to when the template is applied to a week. */
  weekdays: number[];
}

/** One line of a site-week's history. */
export interface RotaChange {
  at: string;
  actorName: string | null;
  action: string;
  shiftId: string | null;
  details: Record<string, unknown>;
}
