/**
 * Contract types offered for mediators. `PEC` = Parcours Emploi Compétences (CUI-CAE),
 * `PRO` = contrat de professionnalisation, `CDDI` = CDD d'insertion (conventionné SIAE only).
 * The CDD d'usage is deliberately absent: social mediation is not listed in D1242-1.
 */
export const CONTRACT_TYPES = ['CDD', 'PEC', 'ADULTE_RELAIS', 'PRO', 'CDDI', 'CDI'] as const;
/** One of {@link CONTRACT_TYPES}. */
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Whether a value received over HTTP is a known contract type. */
export function isContractType(value: unknown): value is ContractType {
  return typeof value === 'string' && (CONTRACT_TYPES as readonly string[]).includes(value);
}

/**
 * Reasons a CDD may be signed for (motif de recours, art. L1242-2): the replacement of an absent
 * employee (1°) or a temporary increase in activity (2°). Seasonal work and the CDD d'usage (3°)
 * do not apply to social mediation. The aided contracts rest on L1242-3 and need no motif.
 */
export const CDD_REASONS = ['replacement', 'temporary_increase'] as const;
/** One of {@link CDD_REASONS}. */
export type CddReason = (typeof CDD_REASONS)[number];

/** Whether a contract of this type must state its motif de recours (L1242-2, L1242-12). */
export function requiresContractReason(type: ContractType): boolean {
  return type === 'CDD';
}

/**
 * Legal grounds for ending a contract before its planned end. A fixed-term contract ends early
 * only on the grounds of art. L1243-1 (common agreement, gross misconduct, force majeure,
 * unfitness), L1243-2 (the employee's hiring on a CDI elsewhere) or during the trial period
 * (L1242-10); a CDI ends by resignation, dismissal, rupture conventionnelle (L1237-11) or during
 * the trial period (L1221-19).
 */
export const CONTRACT_END_REASONS = [
  'mutual_agreement',
  'gross_misconduct',
  'force_majeure',
  'unfitness',
  'permanent_job_elsewhere',
  'trial_period',
  'resignation',
  'dismissal',
  'rupture_conventionnelle',
] as const;
/** One of {@link CONTRACT_END_REASONS}. */
export type ContractEndReason = (typeof CONTRACT_END_REASONS)[number];

const FIXED_TERM_END_REASONS: readonly ContractEndReason[] = [
  'mutual_agreement',
  'gross_misconduct',
  'force_majeure',
  'unfitness',
  'permanent_job_elsewhere',
  'trial_period',
];
const PERMANENT_END_REASONS: readonly ContractEndReason[] = [
  'resignation',
  'dismissal',
  'rupture_conventionnelle',
  'trial_period',
];

/**
 * The grounds a contract may end early on. Aided contracts follow the contract they are signed
 * as: PEC, contrat pro and CDDI are fixed-term here; an adulte-relais contract without an end is
 * a CDI (L5134-103); a replacement CDD without a precise term is still a CDD.
 */
export function endReasonsFor(
  type: ContractType,
  plannedEnd: string | null,
): readonly ContractEndReason[] {
  const isPermanent = type === 'CDI' || (type === 'ADULTE_RELAIS' && plannedEnd === null);
  return isPermanent ? PERMANENT_END_REASONS : FIXED_TERM_END_REASONS;
}
