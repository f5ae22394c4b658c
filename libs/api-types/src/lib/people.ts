import type { Role } from './auth';
import type { ContractEndReason, ContractType } from './contract-type';
import type { Violation } from './violation';

// Dates without a time (contract dates, absences, skills) are civil dates "YYYY-MM-DD" in the
// organisation's time zone; `end` dates are inclusive.

/** Qualifications tracked for coverage and pathways. */
export const SKILL_CODES = [
  'france_services_initial',
  'aidants_connect',
  'sst',
  'language',
] as const;
/** `france_services_initial` = France Services initial training done; `sst` expires after 24 months. */
export type SkillCode = (typeof SKILL_CODES)[number];

export const ABSENCE_KINDS = ['leave', 'sickness', 'training', 'other'] as const;
/** Colleagues only ever see "Absence": the kind and reason are for the person, managers and HR. */
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const REQUEST_KINDS = ['leave', 'unavailability'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CONTRACT_STATUSES = ['upcoming', 'active', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A contract (or a renewal: `renewalOf` links the amendment to the contract it extends). */
export interface Contract {
  id: string;
  personId: string;
  type: ContractType;
  start: string;
  /**
   * Null for a CDI, a CDI adulte-relais (L5134-103) or a replacement CDD without a precise term
   * (L1242-7), which ends when the absent employee returns.
   */
  end: string | null;
  /** A CDD without a precise term: the minimum duration, as the last day it lasts at least. */
  minimumEnd: string | null;
  weeklyHours: number;
  /** CDD reason: `replacement`, `temporary_increase`… */
  reason: string | null;
  renewalOf: string | null;
  tutorId: string | null;
  partTimeDerogation: string | null;
  derogationRequestedOn: string | null;
  trainingHours: number | null;
  conventionNumber: string | null;
  conventionStart: string | null;
  conventionEnd: string | null;
  /** Night worker by the contract (L3122-5): the night worker's limits apply from the first day. */
  isNightWorker: boolean;
  /** Hours distributed over a cycle of this many weeks (L3121-44); null for a weekly schedule. */
  cycleWeeks: number | null;
  /** PEC: the 3-month initial term of a person who benefited from a sentence adjustment (L5134-25-1). */
  hasReducedInitialTerm: boolean;
  /** PEC or CDDI prolonged beyond its cap to finish a training action in progress (L5134-25-1). */
  trainingExtension: { action: string; end: string } | null;
  /** The post filled, for the délai de carence between CDDs on the same post (L1244-3). */
  postId: string | null;
  /** The post's title: in `GET /api/people/:id/contracts` only. */
  postTitle?: string | null;
  /** A replacement CDD: the absent employee replaced (L1242-12 1°). */
  replacedPersonId: string | null;
  /** The replaced person's name: in `GET /api/people/:id/contracts` only. */
  replacedPersonName?: string | null;
  /** A CDD whose renewal the employee refused, that day: no délai de carence after it (L1244-4-1). */
  renewalRefusedOn: string | null;
  /** Computed once, on the server, from the organisation's today. */
  status: ContractStatus;
  /** When the contract was ended early: its legal ground, and the end first planned. */
  endReason: ContractEndReason | null;
  plannedEnd: string | null;
  /** Warnings accepted at entry, with the justification given. */
  warnings: Violation[];
  justification: string | null;
  /**
   * Hourly cost to the employer (coût horaire chargé), in euros; null when none was recorded.
   * Present only in answers to HR and admin: pay is never shown to a manager or the person.
   */
  hourlyCost?: number | null;
}

/** Body of `POST /api/contracts`. */
export interface CreateContractRequest {
  personId: string;
  type: ContractType;
  start: string;
  end?: string | null;
  /** A replacement CDD without a precise term (no `end`): its minimum duration (L1242-7). */
  minimumEnd?: string | null;
  weeklyHours: number;
  reason?: string | null;
  tutorId?: string | null;
  renewalOf?: string | null;
  partTimeDerogation?: string | null;
  derogationRequestedOn?: string | null;
  trainingHours?: number | null;
  conventionNumber?: string | null;
  conventionStart?: string | null;
  conventionEnd?: string | null;
  /** Night worker by the contract (L3122-5); false when absent. */
  isNightWorker?: boolean;
  /** The post filled (same organisation); a renewal keeps the renewed contract's post if absent. */
  postId?: string | null;
  /**
   * The absent employee a replacement CDD replaces: required for reason `replacement` (the
   * contract names them, L1242-12 1°), refused otherwise.
   */
  replacedPersonId?: string | null;
  /** A cycle of 2 to 52 weeks (L3121-44, L3121-47: 7 days' notice of a change); null: weekly. */
  cycleWeeks?: number | null;
  /** PEC: a 3-month initial term, for a person who benefited from a sentence adjustment. */
  hasReducedInitialTerm?: boolean;
  /**
   * PEC or CDDI prolonged beyond its cap to finish a training action in progress (L5134-25-1):
   * the action and its end (both or neither); the contract cannot end after the action.
   */
  trainingExtensionAction?: string | null;
  trainingExtensionEnd?: string | null;
  /** Hourly cost to the employer (coût horaire chargé), in euros, 2 decimals, 0 to 1 000. */
  hourlyCost?: number | null;
  /** Required when the contract raises warnings (e.g. délai de carence). */
  justification?: string | null;
}

/**
 * Body of `PATCH /api/contracts/:id`: a correction of the contract's data (the fields sent
 * replace the stored ones), checked like a new contract and audited with before and after.
 */
export type UpdateContractRequest = Partial<Omit<CreateContractRequest, 'personId' | 'renewalOf'>>;

/** Body of `POST /api/contracts/:id/end`: the last day worked and its legal ground. */
export interface EndContractRequest {
  end: string;
  reason: ContractEndReason;
}

/** Answer of `POST /api/contracts/:id/end`. */
export interface EndContractResult {
  contract: Contract;
  /** The exit record opened for HR to complete when no later contract follows, else null. */
  exitRecordId: string | null;
}

/** A note on a person, read and written by HR and admin only (never the person or a manager). */
export interface HrNote {
  id: string;
  personId: string;
  authorName: string;
  /** Instant (ISO 8601). */
  createdAt: string;
  text: string;
}

/** Body of `POST /api/people/:id/hr-notes`. */
export interface CreateHrNoteRequest {
  /** At most 4,000 characters. */
  text: string;
}

/** `details` of the 422 answer to `POST /api/contracts`. */
export interface ContractRefusal {
  violations: Violation[];
}

export interface PersonSkill {
  id: string;
  personId: string;
  skill: SkillCode;
  /** For `language`: the language, e.g. "arabe". */
  detail: string | null;
  acquiredOn: string;
  /** Null when it never expires. */
  expiresOn: string | null;
}

export interface Absence {
  id: string;
  personId: string;
  /** `null` when the caller may not see it (a colleague): shown as "Absence". */
  kind: AbsenceKind | null;
  start: string;
  end: string;
  /** Never a medical detail; null for colleagues. */
  reason: string | null;
}

/** A recurring weekly unavailability (e.g. every Wednesday afternoon). */
export interface Unavailability {
  id: string;
  personId: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: string;
  endTime: string;
  from: string;
  until: string | null;
}

/** A mediator's request, approved or refused by a manager (or HR). */
export interface StaffRequest {
  id: string;
  personId: string;
  personName: string;
  kind: RequestKind;
  start: string;
  end: string;
  /** For a recurring unavailability. */
  weekday: number | null;
  startTime: string | null;
  endTime: string | null;
  comment: string | null;
  status: RequestStatus;
  reply: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** Leave asked for, in jours ouvrables (Monday–Saturday, public holidays left out); null for an unavailability. */
  leaveDays: number | null;
  /** Paid leave left to the person today (acquired − taken), for a leave request; else null. */
  remainingDays: number | null;
  /** "solde insuffisant : 3 jours restants pour 5 demandés" for a pending request beyond the balance. */
  balanceWarning: string | null;
}

/**
 * `GET /api/people/:id/leave-balance`: paid leave in jours ouvrables over the reference period
 * holding today (1 June – 31 May): 2,5 days acquired per month worked (C. trav., art. L3141-3).
 */
export interface LeaveBalance {
  personId: string;
  /** The day the figures are for. */
  asOf: string;
  periodStart: string;
  periodEnd: string;
  acquiredDays: number;
  /** Approved paid leave within the period, past or to come. */
  takenDays: number;
  /** Leave requests waiting for a decision. */
  pendingDays: number;
  /** Acquired − taken; negative when leave was granted in advance. */
  remainingDays: number;
}

/** Item of `GET /api/people`. */
export interface PersonSummary {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  jobTitle: string | null;
  homeSiteId: string | null;
  /** Role of the person's account, null without an account. */
  role: Role | null;
  isAccountActive: boolean | null;
  currentContract: Contract | null;
  /** Days until the current contract ends; null for a CDI or without a contract. */
  endingInDays: number | null;
  skills: PersonSkill[];
}

/** `GET /api/people/:id`. */
export interface PersonDetail extends PersonSummary {
  /** Minutes of work planned in the current ISO week, all sites together (breaks excluded). */
  plannedThisWeek: { week: string; minutes: number };
  contracts: Contract[];
  absences: Absence[];
  unavailabilities: Unavailability[];
}

/**
 * The facts an aided contract's eligibility rests on, checked at hiring and recorded by HR with
 * who and when (`GET`/`PUT /api/people/{id}/eligibility`, HR and admin only). Never the reason
 * behind the PEC extended cap, which may be a health detail (RQTH).
 */
export interface PersonEligibility {
  /** Needed for the adulte-relais age floor (26 at hiring, L5134-102). */
  birthDate: string | null;
  /** Aged 50+ with particular difficulties, or RQTH: a PEC may last up to 60 months (L5134-25-1). */
  isPecExtendedCapEligible: boolean;
  /** Adulte-relais: out of work, or on a PEC broken off, at hiring (L5134-102); null: not checked. */
  isOutOfWorkAtHiring: boolean | null;
  /** Adulte-relais: the priority neighbourhood (QPV) the person lives in, as checked. */
  qpvName: string | null;
  qpvCheckedOn: string | null;
  /** Adulte-relais: the prefect's exception to the QPV residence, when there is one. */
  prefectException: string | null;
  /**
   * Pursues studies: with a birth date under 26, the part-time derogation of a student (L3123-7);
   * null: not checked.
   */
  isStudent: boolean | null;
  /** Who recorded these facts last, and when; null before anything was recorded. */
  recorded: { at: string; byName: string | null } | null;
}

/**
 * Body of `PUT /api/people/{id}/eligibility`: every fact (the new and the kept ones); `isStudent`,
 * recorded since, is kept as it is when absent.
 */
export type PersonEligibilityRequest = Omit<PersonEligibility, 'recorded' | 'isStudent'> & {
  isStudent?: boolean | null;
};

/** Body of `POST /api/people`. */
export interface CreatePersonRequest {
  firstName: string;
  lastName: string;
  email?: string | null;
  homeSiteId: string | null;
  role: Role;
  jobTitle?: string | null;
}

/** A one-time link (invitation or password reset) shown to HR; no email server needed. */
export interface OneTimeLink {
  url: string;
  expiresAt: string;
}

/** Query of `GET /api/people`. */
export interface PeopleQuery {
  /** Words found in the name or e-mail, whatever the case and accents ("etienne" finds "Étienne"). */
  q?: string;
  siteId?: string;
  /** Role of the person's account. */
  role?: Role;
  contractType?: ContractType;
  /** Contracts ending within this many days (30, 60, 90). */
  endingWithinDays?: number;
  /** People lacking this valid qualification. */
  missingSkill?: SkillCode;
  /** `active` (a contract in force, default), `ended`, `all`. */
  status?: 'active' | 'ended' | 'all';
}

/**
 * A person lent to another site for a period (`POST /api/people/:id/loans`, ended with `DELETE /api/loans/:id`), by HR or by the
 * manager of her own site: only then may the borrowing site's manager staff her there.
 */
export interface SiteLoan {
  id: string;
  personId: string;
  /** The borrowing site. */
  siteId: string;
  from: string;
  until: string;
  createdAt: string;
}

/** Body of `POST /api/people/:id/loans`. */
export interface CreateSiteLoanRequest {
  siteId: string;
  from: string;
  until: string;
}
