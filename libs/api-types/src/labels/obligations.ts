import type {
  ConventionOutcome,
  ObligationCode,
  ObligationFieldSpec,
  Opco,
  OpcoDecision,
  PecPrescriber,
  RenewalRequestOutcome,
} from '../lib/obligations';
import {
  CONVENTION_OUTCOMES,
  OPCO_DECISIONS,
  OPCOS,
  PEC_PRESCRIBERS,
  RENEWAL_REQUEST_OUTCOMES,
} from '../lib/obligations';

export const PEC_PRESCRIBER_LABELS: Readonly<Record<PecPrescriber, string>> = {
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  conseil_departemental: 'Conseil départemental',
};

export const RENEWAL_REQUEST_OUTCOME_LABELS: Readonly<Record<RenewalRequestOutcome, string>> = {
  demande: 'Renouvellement demandé au prescripteur',
  pas_de_renouvellement: 'Pas de renouvellement',
};

export const CONVENTION_OUTCOME_LABELS: Readonly<Record<ConventionOutcome, string>> = {
  renouvellement_demande: 'Renouvellement demandé à la préfecture',
  renouvelee: 'Convention renouvelée',
  fin_acceptee: 'Fin de la convention, sans renouvellement',
};

export const OPCO_LABELS: Readonly<Record<Opco, string>> = {
  cohesion_sociale: 'Uniformation (OPCO Cohésion sociale)',
  akto: 'Akto',
  opco_ep: 'OPCO EP',
  afdas: 'Afdas',
  atlas: 'Atlas',
  constructys: 'Constructys',
  mobilites: 'OPCO Mobilités',
  ocapiat: 'Ocapiat',
  opco_2i: 'OPCO 2i',
  opco_sante: 'OPCO Santé',
  opcommerce: 'L’Opcommerce',
};

export const OPCO_DECISION_LABELS: Readonly<Record<OpcoDecision, string>> = {
  en_attente: 'Décision attendue',
  accordee: 'Prise en charge accordée',
  refusee: 'Prise en charge refusée',
};

/** Every outcome value's label, whichever obligation it belongs to. */
export const OBLIGATION_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  ...PEC_PRESCRIBER_LABELS,
  ...RENEWAL_REQUEST_OUTCOME_LABELS,
  ...CONVENTION_OUTCOME_LABELS,
  ...OPCO_LABELS,
  ...OPCO_DECISION_LABELS,
};

/** What HR records for each obligation fulfilled by a record (the others follow facts). */
export const OBLIGATION_FIELDS: Readonly<Partial<Record<ObligationCode, ObligationFieldSpec>>> = {
  PEC_PRESCRIBER: {
    dateLabel: 'Convention signée le',
    outcome: { label: 'Prescripteur', values: PEC_PRESCRIBERS },
    reference: { label: 'Référent chez le prescripteur' },
  },
  PEC_TRIPARTITE: { dateLabel: 'Entretien tenu le' },
  PEC_ACTIONS: {
    dateLabel: 'Demande d’aide du',
    modules: { label: 'Formations déclarées dans la demande d’aide' },
    reference: { label: 'Actions d’accompagnement déclarées' },
  },
  PEC_RENEWAL_REQUEST: {
    dateLabel: 'Décidé le',
    outcome: { label: 'Décision', values: RENEWAL_REQUEST_OUTCOMES },
  },
  PEC_EXIT_INTERVIEW: {
    dateLabel: 'Entretien tenu le',
    reference: { label: 'Conclusions (projet, suites convenues)' },
  },
  AR_POST: { dateLabel: 'Convention du', reference: { label: 'Numéro de poste' } },
  AR_CONVENTION_END: {
    dateLabel: 'Décidé le',
    outcome: { label: 'Suite de la convention', values: CONVENTION_OUTCOMES },
  },
  PRO_OPCO: {
    dateLabel: 'Enregistré le',
    outcome: { label: 'OPCO', values: OPCOS },
    reference: { label: 'Organisme de formation' },
  },
  PRO_FILING: {
    dateLabel: 'Transmis à l’OPCO le',
    outcome: { label: 'Décision de l’OPCO', values: OPCO_DECISIONS },
  },
};
