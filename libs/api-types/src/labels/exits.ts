import type {
  ContractFamily,
  DurationBucket,
  ExitCategory,
  ExitJobType,
  ExitOutcome,
  FollowUpSituation,
  NeutralisedReason,
} from '../lib/training';

/** French names of exit categories (DGEFP's "sorties dynamiques" wording). */
export const EXIT_CATEGORY_LABELS: Readonly<Record<ExitCategory, string>> = {
  EMPLOI_DURABLE: 'Emploi durable',
  EMPLOI_TRANSITION: 'Emploi de transition',
  SORTIE_POSITIVE: 'Sortie positive',
  AUTRE_SORTIE: 'Autre sortie',
  NEUTRALISEE: 'Neutralisée',
};

/** What the person obtained on leaving. */
export const EXIT_JOB_TYPE_LABELS: Readonly<Record<ExitJobType, string>> = {
  CDI: 'CDI',
  CDD: 'CDD',
  INTERIM: 'Intérim',
  FONCTION_PUBLIQUE: 'Fonction publique',
  CREATION: 'Création d’entreprise',
  CONTRAT_AIDE: 'Contrat aidé (employeur de droit commun)',
  FORMATION: 'Formation qualifiante',
  SIAE: 'Embauche en SIAE',
};

export const DURATION_BUCKET_LABELS: Readonly<Record<DurationBucket, string>> = {
  PERMANENT: 'Sans limite de durée',
  SIX_MONTHS_OR_MORE: '6 mois ou plus',
  UNDER_SIX_MONTHS: 'Moins de 6 mois',
};

/** Where the person stands at the 6-month follow-up. */
export const FOLLOW_UP_SITUATION_LABELS: Readonly<Record<FollowUpSituation, string>> = {
  EMPLOI_DURABLE: 'Emploi durable',
  EMPLOI_TRANSITION: 'Emploi de transition',
  SORTIE_POSITIVE: 'Formation ou sortie positive',
  AUTRE_SORTIE: 'Sans emploi ni formation',
  SANS_NOUVELLES: 'Sans nouvelles',
  REFUS: 'Ne souhaite pas répondre',
};

/** What followed the contract, as the exit form offers it. */
export const EXIT_OUTCOME_LABELS: Readonly<Record<ExitOutcome, string>> = {
  CDI: 'CDI',
  CDD: 'CDD',
  INTERIM: 'Mission d’intérim',
  FONCTION_PUBLIQUE: 'Titularisation dans la fonction publique',
  CREATION: 'Création d’entreprise',
  CONTRAT_AIDE: 'Contrat aidé chez un autre employeur',
  FORMATION: 'Entrée en formation qualifiante ou préqualifiante',
  SIAE: 'Embauche par une structure d’insertion (SIAE)',
  SANS_EMPLOI: 'Ni emploi ni formation (recherche d’emploi, inactivité, sans nouvelles)',
  NEUTRALISEE: 'Sortie neutralisée (motif à préciser)',
};

export const NEUTRALISED_REASON_LABELS: Readonly<Record<NeutralisedReason, string>> = {
  DEMENAGEMENT: 'Déménagement hors du territoire',
  MALADIE: 'Longue maladie ou invalidité',
  RETRAITE: 'Départ à la retraite',
  DECES: 'Décès',
  INCARCERATION: 'Incarcération',
  AUTRE: 'Autre motif (à préciser dans le détail)',
};

export const CONTRACT_FAMILY_LABELS: Readonly<Record<ContractFamily, string>> = {
  AIDE: 'Contrats aidés (PEC, adulte-relais, CDDI)',
  ALTERNANCE: 'Alternance (contrat de professionnalisation)',
  DROIT_COMMUN: 'CDD et CDI de droit commun',
};
