import type {
  ApplicationContract,
  ApplicationStatus,
  CareerActionKind,
  CareerActionStatus,
  ImmersionObjective,
  ImmersionPrescriber,
} from '../lib/job-search';

export const IMMERSION_OBJECTIVE_LABELS: Readonly<Record<ImmersionObjective, string>> = {
  DECOUVRIR_METIER: 'Découvrir un métier ou un secteur',
  CONFIRMER_PROJET: 'Confirmer un projet professionnel',
  INITIER_RECRUTEMENT: 'Initier une démarche de recrutement',
};

export const IMMERSION_PRESCRIBER_LABELS: Readonly<Record<ImmersionPrescriber, string>> = {
  FRANCE_TRAVAIL: 'France Travail',
  MISSION_LOCALE: 'Mission locale',
  CAP_EMPLOI: 'Cap emploi',
  AUTRE: 'Autre organisme habilité',
};

export const APPLICATION_CONTRACT_LABELS: Readonly<Record<ApplicationContract, string>> = {
  CDI: 'CDI',
  CDD: 'CDD',
  INTERIM: 'Intérim',
  CREATION: 'Création d’activité',
  FORMATION: 'Formation',
  AUTRE: 'Autre',
};

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  ENVOYEE: 'Envoyée',
  ENTRETIEN: 'Entretien',
  PROPOSITION: 'Proposition',
  ACCEPTEE: 'Acceptée',
  REFUSEE: 'Refusée',
  SANS_REPONSE: 'Sans réponse',
};

export const CAREER_ACTION_KIND_LABELS: Readonly<Record<CareerActionKind, string>> = {
  CPF: 'CPF',
  BILAN_COMPETENCES: 'Bilan de compétences',
  PRO_A: 'Pro-A',
  VAE: 'VAE',
  AUTRE: 'Autre',
};

export const CAREER_ACTION_STATUS_LABELS: Readonly<Record<CareerActionStatus, string>> = {
  ENVISAGEE: 'Envisagée',
  DEMANDEE: 'Demandée',
  ACCEPTEE: 'Acceptée',
  EN_COURS: 'En cours',
  TERMINEE: 'Terminée',
  ABANDONNEE: 'Abandonnée',
};
