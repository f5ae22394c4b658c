import type { ContractType } from '../lib/contract-type';

/** French names of contract types, for screens and exports alike. */
export const CONTRACT_TYPE_LABELS: Readonly<Record<ContractType, string>> = {
  CDD: 'CDD',
  PEC: 'PEC (CUI-CAE)',
  ADULTE_RELAIS: 'Adulte-relais',
  PRO: 'Contrat de professionnalisation',
  CDDI: 'CDDI',
  CDI: 'CDI',
};
