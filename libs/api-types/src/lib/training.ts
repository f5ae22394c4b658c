import type { Role } from './auth';
import type { ContractType } from './contract-type';
import type { SkillCode } from './people';

// Training, pathways and exits (capabilities 5, 6 and 8). Dates are civil dates "YYYY-MM-DD";
// instants are ISO 8601 with offset.

export const TRAINING_MODALITIES = ['presentiel', 'distanciel', 'mixte'] as const;
export type TrainingModality = (typeof TRAINING_MODALITIES)[number];

/** Who must follow a module, and how soon after hiring. Empty lists mean "everybody". */
export interface MandatoryFor {
  roles: Role[];
  contractTypes: ContractType[];
  /** Only staff of France Services sites (every demo site is one). */
  franceServicesOnly: boolean;
  withinDays: number | null;
}

export interface TrainingModule {
  id: string;
  code: string;
  title: string;
  category: string;
  hours: number;
  modality: TrainingModality;
  /** Null: valid for ever. */
  validityMonths: number | null;
  prerequisiteCodes: string[];
  mandatoryFor: MandatoryFor | null;
  /** The qualification granted when HR validates the module. */
  grantsSkill: SkillCode | null;
}

export const ENROLMENT_STATUSES = ['enrolled', 'present', 'absent', 'validated'] as const;
/** enrolled → present/absent (trainer or site manager) → validated (HR, present only). */
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface TrainingEnrolment {
  id: string;
  sessionId: string;
  personId: string;
  personName: string;
  status: EnrolmentStatus;
  /** The work item on the rota that blocks the person's time. */
  shiftId: string | null;
  /** Minutes actually attended at this session (set with the attendance; null before, or absent). */
  attendedMinutes: number | null;
  /**
   * Where the person stands on the session's module: validated minutes counted toward it (this
   * session's once validated) against the module's hours. The module closes, and grants its
   * qualification, when they reach them.
   */
  module: { attendedMinutes: number; requiredMinutes: number; isComplete: boolean };
}

/** Body of `POST /api/training/enrolments/:id/attendance`. */
export interface AttendanceRequest {
  present: boolean;
  /** Minutes actually attended when present; default the session's length less its break. */
  attendedMinutes?: number | null;
}

export interface TrainingSession {
  id: string;
  moduleId: string;
  moduleCode: string;
  moduleTitle: string;
  siteId: string;
  locationId: string;
  start: string;
  end: string;
  breakMinutes: number;
  place: string | null;
  trainer: string | null;
  capacity: number;
  enrolled: number;
  enrolments?: TrainingEnrolment[];
}

/** Body of `POST /api/training/sessions`. */
export interface CreateTrainingSessionRequest {
  moduleId: string;
  locationId: string;
  start: string;
  end: string;
  breakMinutes: number;
  place?: string | null;
  trainer?: string | null;
  capacity: number;
}

export const MILESTONE_STATUSES = ['a_venir', 'en_retard', 'fait'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface PathwayEvidence {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
}

export interface PathwayMilestone {
  id: string;
  code: string;
  title: string;
  due: string | null;
  doneOn: string | null;
  status: MilestoneStatus;
  evidence: PathwayEvidence[];
}

export interface PathwayProgress {
  hoursDone: number;
  hoursRequired: number;
  modulesValidated: number;
  modulesRequired: number;
}

export interface TrainingRecordView {
  moduleCode: string;
  moduleTitle: string;
  completedOn: string;
  hours: number;
  expiresOn: string | null;
}

export interface CertificateView {
  skill: SkillCode;
  acquiredOn: string;
  expiresOn: string | null;
}

export interface CertificateReminder {
  id: string;
  personId: string;
  personName: string;
  skill: SkillCode;
  expiresOn: string;
  thresholdDays: number;
  message: string;
  raisedAt: string;
}

export interface Pathway {
  personId: string;
  personName: string;
  contractType: ContractType | null;
  /** The latest contract: an exit record closes it. */
  contractId: string | null;
  hireDate: string | null;
  contractEnd: string | null;
  progress: PathwayProgress;
  milestones: PathwayMilestone[];
  /** `hoursAttended`: validated hours counted toward the module (its hours once done). */
  requiredModules: {
    code: string;
    title: string;
    hours: number;
    hoursAttended: number;
    isDone: boolean;
  }[];
  /** The catalogue's modules mandatory for this person (role, contract, site kind), with their due day. */
  mandatoryModules: { code: string; title: string; due: string | null; status: MilestoneStatus }[];
  records: TrainingRecordView[];
  upcomingSessions: TrainingSession[];
  certificates: CertificateView[];
  reminders: CertificateReminder[];
  /** The latest recomputations of the plan after contract changes, newest first. */
  planChanges: PlanChange[];
  /** Group-F findings: ONBOARDING_DUE, CAREER_INTERVIEW_DUE, EXIT_INTERVIEW_DUE… */
  alerts: { rule: string; message: string }[];
  /** The exit recorded for the latest contract, if any. */
  exit: {
    id: string;
    exitDate: string;
    category: ExitCategory;
    /** The title blocks passed by the exit date ("CCP1, CCP2 du TP MSADS"); null when none. */
    certificationSummary: string | null;
  } | null;
  /**
   * The contract whose exit is to record: the latest one, or an aided contract the association
   * followed with an ordinary CDD or CDI (an internal hire, which says what followed).
   */
  exitContract: {
    contractId: string;
    contractType: ContractType;
    end: string | null;
    internalHire: { contractType: ContractType; start: string; months: number | null } | null;
  } | null;
}

export const PLAN_CHANGE_REASONS = [
  'contract_create',
  'contract_renew',
  'contract_correct',
  'contract_end',
  'exit',
] as const;
/** The contract event that made a plan be recomputed. */
export type PlanChangeReason = (typeof PLAN_CHANGE_REASONS)[number];

/** What a recomputation of the plan moved, shown to HR on the pathway. */
export interface PlanChange {
  at: string;
  reason: PlanChangeReason;
  /** Set when the contract type changed (PEC → adulte-relais…). */
  contractType: { before: ContractType; after: ContractType } | null;
  /** Milestones whose due day moved (`before` null: added; `after` null: removed). */
  moves: { code: string; title: string; before: string | null; after: string | null }[];
  /** Milestones HR had moved by hand: left where they were. */
  kept: string[];
}

export interface PathwayNote {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export const EXIT_CATEGORIES = [
  'EMPLOI_DURABLE',
  'EMPLOI_TRANSITION',
  'SORTIE_POSITIVE',
  'AUTRE_SORTIE',
  'NEUTRALISEE',
] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];

export const EXIT_JOB_TYPES = [
  'CDI',
  'CDD',
  'INTERIM',
  'FONCTION_PUBLIQUE',
  'CREATION',
  'CONTRAT_AIDE',
  'FORMATION',
  'SIAE',
] as const;
export type ExitJobType = (typeof EXIT_JOB_TYPES)[number];

export const DURATION_BUCKETS = ['PERMANENT', 'SIX_MONTHS_OR_MORE', 'UNDER_SIX_MONTHS'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

/**
 * What followed the contract, as HR records it: a job or a training course (an {@link ExitJobType}),
 * no job nor training (`SANS_EMPLOI`: job seeker, inactive, no news) or a neutralising event
 * (`NEUTRALISEE`). The exit category is derived from it, never typed.
 */
export const EXIT_OUTCOMES = [...EXIT_JOB_TYPES, 'SANS_EMPLOI', 'NEUTRALISEE'] as const;
export type ExitOutcome = (typeof EXIT_OUTCOMES)[number];

/** Why an exit is left out of the rate (the DGEFP's neutralised exits). */
export const NEUTRALISED_REASONS = [
  'DEMENAGEMENT',
  'MALADIE',
  'RETRAITE',
  'DECES',
  'INCARCERATION',
  'AUTRE',
] as const;
export type NeutralisedReason = (typeof NEUTRALISED_REASONS)[number];

/**
 * Families of contracts whose leavers are measured apart: the aided contracts (PEC, adulte-relais,
 * CDDI), alternance (contrat de professionnalisation) and ordinary CDD and CDI.
 */
export const CONTRACT_FAMILIES = ['AIDE', 'ALTERNANCE', 'DROIT_COMMUN'] as const;
export type ContractFamily = (typeof CONTRACT_FAMILIES)[number];

/** Body of `POST /api/exits`. */
export interface CreateExitRequest {
  contractId: string;
  exitDate: string;
  /**
   * What followed. Not needed when the person was hired by the association itself on an ordinary
   * post after an aided contract: that contract says what followed.
   */
  outcome?: ExitOutcome | null;
  /** Length of the job obtained, in months (required for a CDD or a temp assignment). */
  jobMonths?: number | null;
  /** Required for a neutralised exit. */
  neutralisedReason?: NeutralisedReason | null;
  employerSector?: string | null;
  detail?: string | null;
  /** Ignored: derived from the title blocks obtained by the exit date (earlier clients sent it). */
  certificationObtained?: boolean;
  /** Earlier clients: read as `outcome` when that is absent. */
  jobContractType?: ExitJobType | null;
  /** Earlier clients: read as the job's length when `jobMonths` is absent. */
  durationBucket?: DurationBucket | null;
  /** Ignored: the category is derived from what followed. */
  category?: ExitCategory | null;
}

/** Where the person stands at the 6-month follow-up (brief §4.2: optional, with consent). */
export const FOLLOW_UP_SITUATIONS = [
  'EMPLOI_DURABLE',
  'EMPLOI_TRANSITION',
  'SORTIE_POSITIVE',
  'AUTRE_SORTIE',
  'SANS_NOUVELLES',
  'REFUS',
] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

/** Body of `PUT /api/exits/:id/follow-up`. */
export interface ExitFollowUpRequest {
  situation: FollowUpSituation;
  /** The day the person was reached (or last tried). */
  contactedOn: string;
}

export interface ExitRecord {
  id: string;
  personId: string | null;
  displayName: string;
  siteCode: string | null;
  /** The site's name ("PIMMS Médiation Paris Sud"); null for the head office. */
  siteName: string | null;
  contractType: ContractType;
  exitDate: string;
  /** Derived from what followed (see `deriveExitCategory`). */
  category: ExitCategory;
  jobContractType: ExitJobType | null;
  durationBucket: DurationBucket | null;
  jobMonths: number | null;
  neutralisedReason: NeutralisedReason | null;
  /** Hired by the association itself on an ordinary post after an aided contract. */
  isInternalHire: boolean;
  /** First day of the person's contracts leading to this exit (the minimum stay is counted from it). */
  entryDate: string | null;
  employerSector: string | null;
  detail: string | null;
  /** Derived: a title block obtained (by exam or VAE) during the pathway, by the exit date. */
  certificationObtained: boolean;
  /** The blocks obtained by then, as `TITLE.BLOCK` codes ("MSADS.CCP1"). */
  certifiedBlocks: string[];
  /** Those blocks as a sentence: "CCP1, CCP2 du TP MSADS"; null when none. */
  certificationSummary: string | null;
  followUpDue: string;
  followUpSituation: FollowUpSituation | null;
  followUpOn: string | null;
}

export interface ExitRate {
  /** Exits recorded of people who stayed the minimum time. */
  exits: number;
  neutralised: number;
  dynamic: number;
  /** Ended contracts with no exit record: counted in the denominator until recorded. */
  missing: number;
  /** Leavers under the organisation's minimum stay: not counted at all. */
  tooShort: number;
  /** dynamic / (exits − neutralised + missing); null when nobody counts. */
  dynamicExitRate: number | null;
}

/** `GET /api/reports/exits?year=` (year omitted: every year). */
export interface ExitReport extends ExitRate {
  year: number | null;
  byCategory: Record<ExitCategory, number>;
  byYear: ({ year: number } & ExitRate)[];
  /** One line per site; `siteName` is "Siège" for exits attached to no site. */
  bySite: ({ siteCode: string; siteName: string } & ExitRate)[];
  byContractType: ({ contractType: string } & ExitRate)[];
  /** Aided contracts apart from alternance and from ordinary CDD and CDI leavers. */
  byFamily: ({ family: ContractFamily } & ExitRate)[];
  /** The organisation's minimum stay, in days, before a leaver counts. */
  minimumStayDays: number;
  /** Leavers who obtained a certification (TP MSADS…), whatever their exit; share of all exits. */
  certified: number;
  certificationRate: number | null;
  /** 6-month follow-ups of the exits whose follow-up day has come. */
  followUps: { due: number; done: number; stillDynamic: number };
}

/** `GET /api/reports/pathways`: the HR dashboard. */
export interface PathwayDashboard {
  endingSoon: {
    personId: string;
    personName: string;
    siteCode: string | null;
    siteName: string | null;
    contractType: ContractType;
    end: string;
    milestonesDone: number;
    milestonesDue: number;
    progress: PathwayProgress;
  }[];
  lateMilestones: {
    personId: string;
    personName: string;
    code: string;
    title: string;
    due: string;
  }[];
  expiringCertificates: {
    personId: string;
    personName: string;
    skill: SkillCode;
    expiresOn: string;
    /** Past its expiry day (listed for 30 days after it): "expiré le …", not "expire le …". */
    isExpired: boolean;
  }[];
  reminders: CertificateReminder[];
  /** Exits whose 6-month follow-up day has come and that have no follow-up yet. */
  followUpsDue: {
    exitId: string;
    personId: string | null;
    displayName: string;
    exitDate: string;
    followUpDue: string;
  }[];
  /**
   * Ended contracts without an exit record (EXIT_RECORD_INCOMPLETE): nothing after them, or an
   * internal hire on an ordinary post after an aided contract. Counted in the rate as not dynamic.
   */
  missingExits: {
    contractId: string;
    personId: string;
    personName: string;
    contractType: ContractType;
    end: string;
    isInternalHire: boolean;
  }[];
  /**
   * PEC contracts whose attestation d'expérience is due (EXPERIENCE_ATTESTATION_DUE: from two
   * months before the end) and not yet issued by HR; `due` is a month before the end.
   */
  attestationsDue: {
    contractId: string;
    personId: string;
    personName: string;
    end: string;
    due: string;
    isLate: boolean;
  }[];
}
