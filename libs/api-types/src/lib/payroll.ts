/** The payroll variables of a month, our codes (see `PAYROLL_CODE_INFO` in `@relais/rules`). */
export const PAYROLL_CODES = [
  'HEURES_CONTRAT',
  'HEURES_TRAVAILLEES',
  'HEURES_FORMATION',
  'HEURES_COMPL_10',
  'HEURES_COMPL_25',
  'HEURES_SUP_25',
  'HEURES_SUP_50',
  'HEURES_DIMANCHE',
  'HEURES_FERIE',
  'HEURES_NUIT',
  'ABS_CONGES_PAYES',
  'ABS_MALADIE',
  'ABS_FORMATION',
  'ABS_INDISPONIBILITE',
  'ABS_AUTRE',
] as const;
export type PayrollCode = (typeof PAYROLL_CODES)[number];

/** Minutes for an hours code (`unit` `h`), days for a days code (`j`). */
export type PayrollQuantities = Record<PayrollCode, number>;

/** A correction of a closed month carried by a later one. */
export interface PayrollAdjustment {
  id: string;
  personId: string;
  /** The month whose payroll carries it. */
  month: string;
  /** The closed month it corrects. */
  correctsMonth: string;
  code: PayrollCode;
  /** Minutes or days, negative to take back. */
  quantity: number;
  reason: string;
  createdAt: string;
}

/** One person's month as HR closes it. */
export interface PayrollPersonMonth {
  personId: string;
  /** "Nom Prénom". */
  name: string;
  payrollId: string | null;
  siteId: string | null;
  siteName: string | null;
  /** "PEC · 26 h", the contracts of the month. */
  contracts: string;
  quantities: PayrollQuantities;
  adjustments: PayrollAdjustment[];
  statement: { sentAt: string | null; signedAt: string | null };
}

export type PayrollAnomalyKind =
  | 'UNPUBLISHED_WEEK'
  | 'UNPUBLISHED_CHANGES'
  | 'SHIFT_DURING_ABSENCE'
  | 'WORK_WITHOUT_CONTRACT'
  | 'MISSING_PAYROLL_ID';

/** What HR should settle before closing; a blocking one refuses the close. */
export interface PayrollAnomaly {
  kind: PayrollAnomalyKind;
  isBlocking: boolean;
  message: string;
  siteId?: string;
  week?: string;
  personId?: string;
}

export interface PayrollMonthView {
  month: string;
  /** Null: the whole organisation. */
  siteId: string | null;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedByName: string | null;
  /** ISO weeks whose premiums fall in the month (those ending in it). */
  weeks: string[];
  anomalies: PayrollAnomaly[];
  people: PayrollPersonMonth[];
  totals: PayrollQuantities;
}

/** `GET /api/payroll/mapping`: every code with its label and the payroll software's code. */
export interface PayrollMappingEntry {
  code: PayrollCode;
  label: string;
  unit: 'h' | 'j';
  externalCode: string | null;
}

/** A statement as the person sees it on the phone. */
export interface HoursStatementSummary {
  month: string;
  sentAt: string;
  signedAt: string | null;
}
