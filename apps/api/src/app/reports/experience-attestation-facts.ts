/** The audit action written each time a PEC's attestation d'expérience is generated. */
export const EXPERIENCE_ATTESTATION_ACTION = 'contract.experience_attestation';

/**
 * SQL condition: HR or the direction has issued the attestation of the contract whose id is the
 * expression `contractId` (the person reading their own issues nothing; see ReportsService).
 */
export function experienceAttestationIssuedSql(contractId: string): string {
  return `EXISTS (SELECT 1 FROM audit_event a
                   WHERE a.entity = 'contract' AND a.entity_id = (${contractId})::text
                     AND a.action = '${EXPERIENCE_ATTESTATION_ACTION}'
                     AND a.details @> '{"isIssued": true}')`;
}
