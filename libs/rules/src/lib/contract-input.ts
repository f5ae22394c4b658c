import { ContractEndReason, ContractType, Severity } from '@relais/api-types';
import { RuleCode } from './rule-catalogue';
import { RuleSettings } from './rule-settings';
import { CivilDate } from './zoned-time';

/** Recorded reasons allowing a part-time contract below 24 h a week (L3123-7). */
export const PART_TIME_DEROGATIONS = [
  'short_cdd',
  'replacement',
  'student_under_26',
  'employee_request',
  'iae_combined',
  'progressive_retirement',
] as const;
export type PartTimeDerogation = (typeof PART_TIME_DEROGATIONS)[number];

/** French labels of the part-time derogation reasons, for the contract form. */
export const PART_TIME_DEROGATION_LABELS: Record<PartTimeDerogation, string> = {
  short_cdd: 'CDD de 7 jours au plus',
  replacement: 'CDD de remplacement',
  student_under_26: 'étudiant de moins de 26 ans',
  employee_request: 'demande écrite et motivée du salarié',
  iae_combined: 'CDI cumulé avec un contrat d’insertion (IAE)',
  progressive_retirement: 'salarié en âge de retraite progressive',
};

/** A contract as entered in the form or stored; dates are civil dates, `end` inclusive. */
export interface ContractDraft {
  id?: string;
  type: ContractType;
  start: CivilDate;
  end?: CivilDate | null;
  /**
   * A replacement CDD without a precise term (no `end`, L1242-7): the last day of its minimum
   * duration; it then ends when the absent employee returns.
   */
  minimumEnd?: CivilDate | null;
  weeklyHours: number;
  /** CDD reason (L1242-2): `replacement`, `temporary_increase`… */
  reason?: string | null;
  /** The contract this one renews. */
  renewalOf?: string | null;
  tutorId?: string | null;
  /** The post filled, for the délai de carence between two CDDs on the same post (L1244-3). */
  postId?: string | null;
  /** A replacement CDD: the absent employee replaced (L1244-4-1 1°). */
  replacedPersonId?: string | null;
  /** Set when the contract was ended before its planned end: the legal ground. */
  endReason?: ContractEndReason | null;
  partTimeDerogation?: PartTimeDerogation | null;
  /** Date of the employee's written request, for the `employee_request` derogation. */
  derogationRequestedOn?: CivilDate | null;
  /** Contrat de professionnalisation: training hours planned. */
  trainingHours?: number | null;
  /** Adulte-relais: end of the State convention for the post. */
  conventionEnd?: CivilDate | null;
  /** CDDI: PASS IAE validity. */
  passIaeStart?: CivilDate | null;
  passIaeEnd?: CivilDate | null;
  /** CDDI: date of the eligibility diagnosis. */
  eligibilityDiagnosisOn?: CivilDate | null;
  /**
   * PEC or CDDI prolonged beyond its cap to finish a training action in progress (L5134-25-1):
   * the action's end, which the contract may not pass.
   */
  trainingExtensionEnd?: CivilDate | null;
  /** PEC: a 3-month initial term, for a person who benefited from a sentence adjustment. */
  hasReducedInitialTerm?: boolean;
  /** The employee refused the renewal of this contract: no délai de carence after it (L1244-4-1). */
  hasRenewalRefused?: boolean;
}

/** What the contract rules need to know about the person. */
export interface ContractPerson {
  id: string;
  birthDate?: CivilDate | null;
  /** Aged 50+ with particular difficulties (PEC cap 60 months, L5134-25-1). */
  isOver50WithDifficulties?: boolean;
  /**
   * Pursues studies (for the `student_under_26` part-time derogation, L3123-7); null or absent:
   * not recorded.
   */
  isStudent?: boolean | null;
  /** Recognised disabled worker (RQTH). */
  hasRqth?: boolean;
  /** Adulte-relais: out of work, or on a PEC, at hiring (L5134-102); null or absent: unchecked. */
  isOutOfWorkAtHiring?: boolean | null;
  /** Adulte-relais: the QPV of residence as checked, or the prefect's exception (L5134-102). */
  qpvName?: string | null;
  qpvCheckedOn?: CivilDate | null;
  prefectException?: string | null;
}

/** Everything the contract rules (group D) need. */
export interface ContractCheckInput {
  contract: ContractDraft;
  /**
   * The person's other contracts, for the renewal chain (`renewalOf`), and every contract that
   * filled the same post whoever held it, for the délai de carence (L1244-3).
   */
  previousContracts: readonly ContractDraft[];
  person: ContractPerson;
  /** CUI employees the tutor already follows, this contract excluded. */
  tutorLoad?: number;
  /** Reference day for CONTRACT_ENDING; omitted = no ending reminder. */
  today?: CivilDate;
  settings?: Partial<RuleSettings>;
}

/** One limit shown beside the contract form, updated as the user types. */
export interface ContractLimit {
  rule: RuleCode;
  /** French, e.g. `Renouvellements : 1 sur 2`, `PEC : fin max 14/03/2027`. */
  label: string;
  status: 'pass' | 'fail';
  /** Severity if it fails. */
  severity: Severity;
}
