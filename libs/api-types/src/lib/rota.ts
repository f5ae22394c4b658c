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

/**
 * A week's worked minutes split by pay band: within the contract, complementary hours of a
 * part-timer (+10 % up to 1/10 of the contract's hours, +25 % beyond, L3123-8 and L3123-29) and
 * overtime of a full-timer (+25 % for the 36th to the 43rd hour, +50 % beyond, L3121-36).
 */
export interface HourBands {
  normal: number;
  complementary10: number;
  complementary25: number;
  overtime25: number;
  overtime50: number;
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
  contracts: {
    type: ContractType;
    start: string;
    end: string | null;
    weeklyHours: number;
    /** Night worker by the contract (L3122-5). */
    isNightWorker?: boolean;
    /** A multi-week cycle (L3121-44): a change owes 7 days' notice (L3121-47). */
    cycleWeeks?: number | null;
    /**
     * Under 24 h a week by a recorded derogation (L3123-7): hours grouped in half-days. The reason
     * itself stays with HR.
     */
    hasPartTimeDerogation?: boolean;
  }[];
  /** Minutes planned this week, all sites together. */
  plannedMinutes: number;
  /**
   * `plannedMinutes` by pay band under the week's contract (`weeklyPremiums` of the rules);
   * absent without a contract in the week.
   */
  hourBands?: HourBands;
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
  /**
   * Work outside `otherItems` the long-window rules read, summed by the server: effective minutes
   * by ISO week over the 11 weeks before and after (WEEKLY_AVG_12W, L3121-22) and the night
   * minutes of the 12 months before (NIGHT_WORK 270 h, L3122-23). Pass it as the rules' `history`.
   */
  workHistory?: { weekMinutes: Record<string, number>; nightMinutes: number };
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
  /**
   * Locations of the organisation's sites with a recorded Sunday derogation → its legal basis,
   * for SUNDAY (pass as `settings.sundayDerogationLocations`).
   */
  sundayDerogationLocations: Record<string, string>;
  /** The association's rule thresholds the server checked with (pass as `settings`). */
  settings: OrganisationSettings;
  /** The site-week's totals, from the shifts of people at this site (open shifts left out). */
  totals: RotaWeekTotals;
}

/** A site-week's planned minutes and estimated labour cost. Never a person's own cost. */
export interface RotaWeekTotals {
  /** Worked minutes planned at the site, breaks deducted, of the shifts given to a person. */
  minutes: number;
  /**
   * Estimated labour cost in euro cents: each person's minutes × the hourly cost of the contract
   * in force that day, summed over the people whose contract has a cost. Null when the caller
   * may not see it, or when no planned minute has a known cost.
   */
  labourCostCents: number | null;
  /** People planned this week whose contract records no hourly cost (left out of the cost). */
  peopleWithoutCost: number;
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

/**
 * Body of `POST /api/rota/notice-agreements`: a part-timer agreed in writing to the changes of
 * their published week as they now stand, so no notice is owed for them (Cass. soc. 9 nov. 2016;
 * L3123-31 / L3123-24). A later change needs its own agreement.
 */
export interface NoticeAgreementRequest {
  siteId: string;
  week: string;
  personId: string;
  /** How the agreement was given (« Accord écrit signé le 3 décembre », « courriel du … »). */
  reference: string;
}

/** Answer of `POST /api/rota/notice-agreements`. */
export interface NoticeAgreementResult {
  siteId: string;
  week: string;
  personId: string;
  /** Changes of the person's week the agreement covers. */
  changeCount: number;
  recordedAt: string;
}

/** Body of `POST /api/rota/copy`. */
export interface CopyWeekRequest {
  siteId: string;
  fromWeek: string;
  toWeek: string;
  /** Keep the people (clashes become open shifts), or copy every shift as open. */
  withPeople?: boolean;
}

/** A shift a bulk action would add (or skips), as the preview lists it. */
export interface BulkShift {
  personId: string | null;
  /** "Léa Fontaine", null for an open shift. */
  personName: string | null;
  locationId: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  note: string | null;
}

/** A shift added by a bulk action; open when the copied person could not keep it (`unassigned`). */
export interface BulkAddedShift extends BulkShift {
  /** Why the copied person was left out ("Léa Fontaine absente ce jour-là"), the shift added open. */
  unassigned: string | null;
}

export const BULK_SKIP_REASONS = ['holiday', 'closed', 'duplicate'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

/** A shift a bulk action leaves out, with why in words. */
export interface BulkSkippedShift extends BulkShift {
  reason: BulkSkipReason;
  /** « jour férié (Noël) », « site fermé le samedi », « déjà dans la semaine ». */
  why: string;
}

/**
 * Answer of `POST /api/rota/copy` and `POST /api/rota/apply-template` (with `?dryRun=true`: the
 * preview, nothing written, `batchId` null).
 */
export interface CopyWeekResult {
  created: number;
  /** Shifts that went to "à pourvoir" because the person was not available. */
  madeOpen: number;
  /** The batch to undo as one step (`POST /api/rota/batches/:id/undo`); null when nothing was added. */
  batchId: string | null;
  added: BulkAddedShift[];
  skipped: BulkSkippedShift[];
}

export const ROTA_BATCH_KINDS = ['copy', 'templates', 'bulk_delete', 'bulk_move', 'fix'] as const;
/** What a batch of shift changes came from. */
export type RotaBatchKind = (typeof ROTA_BATCH_KINDS)[number];

/** The last batch of a site-week the caller may undo (`GET /api/rota/batches/last`). */
export interface RotaBatch {
  id: string;
  kind: RotaBatchKind;
  /** « Copie de la semaine 49 (12 créneaux) ». */
  label: string;
  shiftCount: number;
  createdAt: string;
}

/** Body of `POST /api/rota/bulk-delete`: the selected shifts with the versions read. */
export interface BulkDeleteRequest {
  shifts: { id: string; version: number }[];
}

/** Body of `POST /api/rota/bulk-move`: the selected shifts moved by days and/or to a person. */
export interface BulkMoveRequest {
  shifts: { id: string; version: number }[];
  /** Whole days to move by (same wall-clock times); 0 to keep the days. */
  dayOffset?: number;
  /** The person to give them to; null for "à pourvoir"; absent to keep each one's person. */
  personId?: string | null;
}

/** Answer of bulk delete, bulk move, a fix and a batch undo. */
export interface BatchResult {
  batchId: string | null;
  shiftCount: number;
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

export const ROTA_CHANGE_KINDS = [
  'created',
  'deleted',
  'moved',
  'assigned',
  'unassigned',
  'reassigned',
  'changed',
  'moved_out',
  'published',
  'copied',
  'templates',
  'bulk_deleted',
  'bulk_moved',
  'auto_filled',
  'undone',
  'claim_requested',
  'claim_withdrawn',
  'claim_refused',
  'claim_approved',
  'claim_closed',
  'swap_offered',
  'swap_accepted',
  'swap_cancelled',
  'swap_refused',
  'swap_approved',
  'notice_agreed',
  'other',
] as const;
/**
 * What a line of history tells: a shift `created`, `deleted`, `moved` (day or times), `assigned`
 * (open shift given to someone), `unassigned` (made open), `reassigned` (to someone else),
 * `changed` (activity, place or break), `moved_out` (to another week or site); a week
 * `published`, `copied`, filled from `templates`, `auto_filled`; a bulk step; an `undone` step; an
 * open-shift claim or a swap and what became of it; a part-timer's written agreement to the
 * changes of their week recorded (`notice_agreed`: no notice owed for them).
 */
export type RotaChangeKind = (typeof ROTA_CHANGE_KINDS)[number];

/** A shift as history tells it: names resolved, never an id. Fields unknown to old events are null. */
export interface RotaChangeShift {
  /** « Léa Fontaine »; null for an open shift (or a person unknown to the event). */
  personName: string | null;
  /** Whether it was an open shift ("à pourvoir"). */
  isOpen: boolean;
  activity: ActivityCode | null;
  /** The location's name (« Accueil mairie »). */
  locationName: string | null;
  start: string | null;
  end: string | null;
}

/** One line of a site-week's history (`GET /api/rota/history`), ready to put in words. */
export interface RotaChange {
  at: string;
  actorName: string | null;
  kind: RotaChangeKind;
  shiftId: string | null;
  /** The shift before the change (null when created). */
  before: RotaChangeShift | null;
  /** The shift after the change (null when deleted). */
  after: RotaChangeShift | null;
  /** Shifts of a step made as one (copy, templates, bulk delete or move, auto-fill, undo). */
  count: number | null;
  /** The version published. */
  version: number | null;
  /** The justification of the warnings a publication carried, as typed. */
  justification: string | null;
  /** The ISO week a copy came from. */
  fromWeek: string | null;
  /** The person asking for an open shift or offering a swap. */
  personName: string | null;
  /** The colleague a swap is offered to. */
  otherPersonName: string | null;
  /** What an undo undid, in words (« Copie de la semaine 49 (12 créneaux) »). */
  label: string | null;
  /** Where the change came from, when not a plain edit. */
  via: 'fix' | 'claim' | 'swap' | null;
}

/** A version of a site-week that can be compared: a publication, or the draft as it stands. */
export interface RotaVersion {
  /** The publication's id, or `draft`. */
  id: string;
  /** Null for the draft. */
  version: number | null;
  publishedAt: string | null;
  publishedByName: string | null;
  shiftCount: number;
}

/** A shift in a comparison. */
export interface RotaDiffShift {
  activity: ActivityCode;
  locationName: string | null;
  start: string;
  end: string;
}

export const ROTA_DIFF_KINDS = ['added', 'removed', 'moved'] as const;
/** A shift added to a person's week, removed from it, or moved (other day, times, place or activity). */
export type RotaDiffKind = (typeof ROTA_DIFF_KINDS)[number];

export interface RotaDiffItem {
  kind: RotaDiffKind;
  shiftId: string;
  /** Null when added. */
  before: RotaDiffShift | null;
  /** Null when removed. */
  after: RotaDiffShift | null;
  /**
   * Added: who had it before (null if it is new); removed: who has it now; "à pourvoir" is
   * `isOpen` on the person.
   */
  otherPersonName: string | null;
  /** The other side was the open-shift row. */
  isOtherOpen: boolean;
}

/** What changed for one person (or the open shifts, `personId` null) between two versions. */
export interface RotaPersonDiff {
  personId: string | null;
  personName: string | null;
  items: RotaDiffItem[];
}

/** `GET /api/rota/compare?siteId=&week=&from=&to=`: the differences, person by person. */
export interface RotaComparison {
  siteId: string;
  week: string;
  from: RotaVersion;
  to: RotaVersion;
  people: RotaPersonDiff[];
}

/**
 * Query of `GET /api/rota/compare`: `from` and `to` are publication ids, `published` (the last
 * publication) or `draft` (the week as it stands).
 */
export interface RotaCompareQuery {
  siteId: string;
  week: string;
  from: string;
  to: string;
}

/** Someone who can take a shift without any new blocking problem (`GET /api/rota/candidates`). */
export interface ShiftCandidate {
  personId: string;
  name: string;
  /** Contract minutes still owed this week (all sites) before taking the shift; may be < 0. */
  owedMinutes: number;
  /** Holds the skill the slot asks for (false when it asks for none). */
  hasSkill: boolean;
  isHomeSite: boolean;
  /** Minutes worked over the 4 weeks before, against the team's average (negative: fewer). */
  fairnessMinutes: number | null;
  /** French reasons, most decisive first: « 6 h 30 sous son contrat cette semaine ». */
  reasons: string[];
}

/** Answer of `GET /api/rota/candidates`: the shift (or need) and who can take it, best first. */
export interface CandidatesAnswer {
  /** The open shift, or the need as a shift to create (`id` empty). */
  shift: Shift;
  /** « mercredi 09/12 09:00–12:30 · Accueil » */
  label: string;
  candidates: ShiftCandidate[];
}

/** One shift change of a fix: only the fields it changes. */
export interface FixChange {
  shiftId: string;
  personId?: string | null;
  start?: string;
  end?: string;
  breakMinutes?: number;
  locationId?: string;
  activity?: ActivityCode;
}

/** A legal fix of one blocking problem: applying it clears the problem and adds none. */
export interface RotaFix {
  /** Stable for the same week: send it back to apply the fix. */
  id: string;
  /** French: « Commencer le créneau du mardi 06:00–12:00 à 08:00 (2 h plus tard) ». */
  label: string;
  changes: FixChange[];
}

/** Answer item of `GET /api/rota/fixes`: a blocking violation and its fixes (up to three). */
export interface ViolationFixes {
  violation: Violation;
  fixes: RotaFix[];
}

/** Body of `POST /api/rota/fixes/apply`. */
export interface ApplyFixRequest {
  siteId: string;
  week: string;
  fixId: string;
}
