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
