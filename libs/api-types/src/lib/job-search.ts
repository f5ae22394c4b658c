// Job-search support on a pathway (issue: fixed-term aided contracts exist to lead to lasting
// employment): the professional project, PMSMP immersions, applications, partner employers and
// career actions (CPF, bilan de compétences, Pro-A, VAE). French labels for every value below.

/** The three objects a PMSMP may have, and only these (Code du travail, L5135-1). */
export const IMMERSION_OBJECTIVES = [
  'DECOUVRIR_METIER',
  'CONFIRMER_PROJET',
  'INITIER_RECRUTEMENT',
] as const;
export type ImmersionObjective = (typeof IMMERSION_OBJECTIVES)[number];

/** Who may prescribe a PMSMP (L5135-2): France Travail, missions locales, Cap emploi, or another body allowed. */
export const IMMERSION_PRESCRIBERS = [
  'FRANCE_TRAVAIL',
  'MISSION_LOCALE',
  'CAP_EMPLOI',
  'AUTRE',
] as const;
export type ImmersionPrescriber = (typeof IMMERSION_PRESCRIBERS)[number];

export const APPLICATION_CONTRACTS = [
  'CDI',
  'CDD',
  'INTERIM',
  'CREATION',
  'FORMATION',
  'AUTRE',
] as const;
export type ApplicationContract = (typeof APPLICATION_CONTRACTS)[number];

export const APPLICATION_STATUSES = [
  'ENVOYEE',
  'ENTRETIEN',
  'PROPOSITION',
  'ACCEPTEE',
  'REFUSEE',
  'SANS_REPONSE',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CAREER_ACTION_KINDS = ['CPF', 'BILAN_COMPETENCES', 'PRO_A', 'VAE', 'AUTRE'] as const;
export type CareerActionKind = (typeof CAREER_ACTION_KINDS)[number];

export const CAREER_ACTION_STATUSES = [
  'ENVISAGEE',
  'DEMANDEE',
  'ACCEPTEE',
  'EN_COURS',
  'TERMINEE',
  'ABANDONNEE',
] as const;
export type CareerActionStatus = (typeof CAREER_ACTION_STATUSES)[number];

/** An employer the organisation works with for immersions and hires (HR and admin manage them). */
export interface PartnerEmployer {
  id: string;
  name: string;
  sector: string | null;
  town: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  note: string | null;
}

/** Body of `POST /api/partner-employers` and `PATCH /api/partner-employers/{id}` (all fields). */
export type PartnerEmployerRequest = Omit<PartnerEmployer, 'id'>;

/** The person's professional project; validating it (HR, admin) closes milestone P11. */
export interface ProfessionalProject {
  targetJobs: string;
  sector: string | null;
  steps: string | null;
  /** « validé le … par … »: null while not validated. */
  validatedOn: string | null;
  validatedByName: string | null;
}

/** Body of `PUT /api/pathways/{personId}/project`. */
export interface ProfessionalProjectRequest {
  targetJobs: string;
  sector: string | null;
  steps: string | null;
  /** The day HR validated it (today or before), null to withdraw the validation. */
  validatedOn: string | null;
}

/** A PMSMP: at most one month de date à date (D5135-3), under a convention signed before it starts. */
export interface Immersion {
  id: string;
  employerId: string;
  employerName: string;
  start: string;
  end: string;
  objective: ImmersionObjective;
  prescriber: ImmersionPrescriber;
  /** The allowed body when `prescriber` is AUTRE (a structure under convention, L5135-2 5°). */
  prescriberName: string | null;
  conventionSignedOn: string;
  tutorName: string;
  /** Over once its last day has passed: it then closes milestone P10. */
  isDone: boolean;
}

/** Body of `POST /api/pathways/{personId}/immersions`. */
export type ImmersionRequest = Omit<Immersion, 'id' | 'employerName' | 'isDone'>;

export interface JobApplication {
  id: string;
  /** A partner employer, or null with the employer's name as typed. */
  employerId: string | null;
  employerName: string;
  position: string;
  contract: ApplicationContract;
  sentOn: string;
  status: ApplicationStatus;
  /** The day of the last status change (the sending day at first). */
  statusOn: string;
}

/** Body of `POST /api/pathways/{personId}/applications`. */
export interface JobApplicationRequest {
  employerId: string | null;
  /** Required when `employerId` is null. */
  employerName: string | null;
  position: string;
  contract: ApplicationContract;
  sentOn: string;
}

/** Body of `PATCH /api/pathways/applications/{id}`: the new status and the day it changed. */
export interface JobApplicationStatusRequest {
  status: ApplicationStatus;
  statusOn: string;
}

export interface CareerAction {
  id: string;
  kind: CareerActionKind;
  title: string;
  provider: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  hours: number | null;
  funding: string | null;
  status: CareerActionStatus;
}

/** Body of `POST /api/pathways/{personId}/career-actions` and of its `PATCH` (all fields). */
export type CareerActionRequest = Omit<CareerAction, 'id'>;

/** `GET /api/pathways/{personId}/job-search`: everything of the « Recherche d'emploi » card. */
export interface JobSearch {
  personId: string;
  project: ProfessionalProject | null;
  immersions: Immersion[];
  applications: JobApplication[];
  careerActions: CareerAction[];
  /** Whether the caller may write the HR parts (project, immersions, career actions). */
  canManage: boolean;
  /** Whether the caller may add and update applications (HR, admin, the person themself). */
  canApply: boolean;
}
