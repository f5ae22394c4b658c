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
  requiredModules: { code: string; title: string; hours: number; isDone: boolean }[];
  /** The catalogue's modules mandatory for this person (role, contract, site kind), with their due day. */
  mandatoryModules: { code: string; title: string; due: string | null; status: MilestoneStatus }[];
  records: TrainingRecordView[];
  upcomingSessions: TrainingSession[];
  certificates: CertificateView[];
  reminders: CertificateReminder[];
  /** Group-F findings: ONBOARDING_DUE, CAREER_INTERVIEW_DUE, EXIT_INTERVIEW_DUE… */
  alerts: { rule: string; message: string }[];
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

/** Body of `POST /api/exits`. */
export interface CreateExitRequest {
  contractId: string;
  exitDate: string;
  category: ExitCategory;
  jobContractType?: ExitJobType | null;
  durationBucket?: DurationBucket | null;
  employerSector?: string | null;
  detail?: string | null;
  certificationObtained?: boolean;
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
  contractType: ContractType;
  exitDate: string;
  category: ExitCategory;
  jobContractType: ExitJobType | null;
  durationBucket: DurationBucket | null;
  employerSector: string | null;
  detail: string | null;
  certificationObtained: boolean;
  followUpDue: string;
  followUpSituation: FollowUpSituation | null;
  followUpOn: string | null;
}

export interface ExitRate {
  exits: number;
  neutralised: number;
  dynamic: number;
  /** dynamic / (exits − neutralised); null when nobody counts. */
  dynamicExitRate: number | null;
}

/** `GET /api/reports/exits?year=` (year omitted: every year). */
export interface ExitReport extends ExitRate {
  year: number | null;
  byCategory: Record<ExitCategory, number>;
  byYear: ({ year: number } & ExitRate)[];
  bySite: ({ siteCode: string } & ExitRate)[];
  byContractType: ({ contractType: string } & ExitRate)[];
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
  /** Ended contracts without follow-on and without an exit record (EXIT_RECORD_INCOMPLETE). */
  missingExits: {
    contractId: string;
    personId: string;
    personName: string;
    contractType: ContractType;
    end: string;
  }[];
}
