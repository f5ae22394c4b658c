import type { ContractEndReason } from '../lib/contract-type';

/** French labels of the early-end grounds, for screens and exports. */
export const CONTRACT_END_REASON_LABELS: Record<ContractEndReason, string> = {
  mutual_agreement: 'Accord commun',
  gross_misconduct: 'Faute grave',
  force_majeure: 'Force majeure',
  unfitness: 'Inaptitude',
  permanent_job_elsewhere: 'Embauche en CDI ailleurs',
  trial_period: 'Fin de période d’essai',
  resignation: 'Démission',
  dismissal: 'Licenciement',
  rupture_conventionnelle: 'Rupture conventionnelle',
};
