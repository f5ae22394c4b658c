import type { ContractType } from './contract-type';
import type { MilestoneStatus } from './training';

/**
 * The obligations each contract brings, beyond the rota: what a funder or an inspector checks.
 * PEC (CUI-CAE), adulte-relais and contrat pro have their own; France Services desks add two.
 */
export const OBLIGATION_CODES = [
  'PEC_PRESCRIBER',
  'PEC_TRIPARTITE',
  'PEC_ACTIONS',
  'PEC_RENEWAL_REQUEST',
  'PEC_EXIT_INTERVIEW',
  'AR_POST',
  'AR_CONVENTION_END',
  'PRO_OPCO',
  'PRO_FILING',
  'PRO_TRAINING_HOURS',
  'PRO_TUTOR',
  'FS_CONTINUING_TRAINING',
  'FS_AIDANTS_CONNECT',
] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export const PEC_PRESCRIBERS = [
  'france_travail',
  'mission_locale',
  'cap_emploi',
  'conseil_departemental',
] as const;
export type PecPrescriber = (typeof PEC_PRESCRIBERS)[number];

export const RENEWAL_REQUEST_OUTCOMES = ['demande', 'pas_de_renouvellement'] as const;
export type RenewalRequestOutcome = (typeof RENEWAL_REQUEST_OUTCOMES)[number];

export const CONVENTION_OUTCOMES = [
  'renouvellement_demande',
  'renouvelee',
  'fin_acceptee',
] as const;
export type ConventionOutcome = (typeof CONVENTION_OUTCOMES)[number];

/** The eleven competence operators (OPCO) approved since 2019. */
export const OPCOS = [
  'cohesion_sociale',
  'akto',
  'opco_ep',
  'afdas',
  'atlas',
  'constructys',
  'mobilites',
  'ocapiat',
  'opco_2i',
  'opco_sante',
  'opcommerce',
] as const;
export type Opco = (typeof OPCOS)[number];

export const OPCO_DECISIONS = ['en_attente', 'accordee', 'refusee'] as const;
export type OpcoDecision = (typeof OPCO_DECISIONS)[number];

/** What HR records for an obligation: which of these fields it asks for is in its spec. */
export interface ObligationFieldSpec {
  /** A choice among fixed values (their labels in OBLIGATION_OUTCOME_LABELS). */
  outcome?: { label: string; values: readonly string[] };
  /** A free text the obligation needs (the référent's name, the post number, the provider). */
  reference?: { label: string };
  /** The training modules declared (PEC: the actions of the aid request). */
  modules?: { label: string };
  /** The label of the date recorded ("Tenu le", "Transmis le"). */
  dateLabel: string;
}

export interface ObligationRecord {
  id: string;
  doneOn: string;
  outcome: string | null;
  reference: string | null;
  moduleCodes: string[];
  /** The document that proves it: "compte rendu signé du 12 mars", an acknowledgement number. */
  evidence: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface ContractObligation {
  code: ObligationCode;
  title: string;
  /** Legal basis, short: "L5134-22", "D6325-2". */
  basis: string;
  due: string | null;
  /** The window it should fall in, when it has one (PEC exit interview: 3 to 1 month before). */
  window: { from: string; to: string } | null;
  status: MilestoneStatus;
  /** Recorded here by HR ('record') or followed from other facts ('fact'). */
  fulfilment: 'record' | 'fact';
  /** How far along it is, in words: "48 h sur 150 h", "2 actions sur 3". */
  progress: string | null;
  /** What HR should know: late filing, held outside its window, refused by the OPCO. */
  remark: string | null;
  record: ObligationRecord | null;
}

export interface ContractObligations {
  personId: string;
  contractId: string;
  contractType: ContractType;
  items: ContractObligation[];
}

export interface RecordObligationRequest {
  code: ObligationCode;
  doneOn: string;
  outcome?: string | null;
  reference?: string | null;
  moduleCodes?: string[];
  evidence?: string | null;
}

/** One line of HR's "due this month" list. */
export interface DueObligation extends ContractObligation {
  personId: string;
  personName: string;
  contractId: string;
  contractType: ContractType;
}

export interface DueObligations {
  month: string;
  items: DueObligation[];
}
