import { Severity } from '@relais/api-types';

/** Group of a rule in the shared rules catalogue (domain/rules.md). */
export const RULE_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** How a rule appears in the catalogue: French label, default severity, legal reference. */
export interface RuleDefinition {
  group: RuleGroup;
  label: string;
  severity: Severity;
  legalRef?: string;
  /** Only the server can judge it: the browser's live check keeps the server's verdict. */
  isServerOnly?: true;
  /** Not held against a shift swap, which both people asked for. */
  isWaivedForSwaps?: true;
  /**
   * About the person's week or contract as a whole (a weekly total, a contract's terms), not
   * about one shift: the planning shows it once on the person's row, not on each of their shifts.
   */
  isPersonWide?: true;
  /** A few words for a chip or a drop preview ("Repos 11 h"); the label when absent. */
  short?: string;
}

const ref = (articles: string): string => `C. trav., art. ${articles}`;

/** Every compliance code the engine can return, with its French label and legal reference. */
export const RULE_CATALOGUE = {
  OVERLAP: {
    group: 'A',
    label: 'Chevauchement de créneaux',
    severity: 'block',
    short: 'Chevauchement',
  },
  DAILY_MAX: {
    group: 'A',
    label: 'Durée quotidienne maximale',
    severity: 'block',
    legalRef: ref('L3121-18'),
    short: 'Durée du jour',
  },
  WEEKLY_MAX: {
    group: 'A',
    label: 'Durée hebdomadaire maximale',
    severity: 'block',
    legalRef: ref('L3121-20'),
    short: 'Durée de la semaine',
    isPersonWide: true,
  },
  WEEKLY_AVG_12W: {
    group: 'A',
    label: 'Moyenne hebdomadaire sur 12 semaines',
    severity: 'block',
    legalRef: ref('L3121-22'),
    short: 'Moyenne 12 semaines',
    isPersonWide: true,
  },
  DAILY_REST: {
    group: 'A',
    label: 'Repos quotidien de 11 h',
    severity: 'block',
    legalRef: ref('L3131-1'),
    short: 'Repos 11 h',
  },
  AMPLITUDE: {
    group: 'A',
    label: 'Amplitude de la journée',
    severity: 'block',
    legalRef: ref('L3131-1'),
    short: 'Amplitude',
  },
  BREAK_6H: {
    group: 'A',
    label: 'Pause de 20 minutes après 6 h',
    severity: 'block',
    legalRef: ref('L3121-16'),
    short: 'Pause après 6 h',
  },
  WORKDAYS_PER_WEEK: {
    group: 'A',
    label: 'Jours travaillés par semaine',
    severity: 'block',
    legalRef: ref('L3132-1'),
    short: 'Jours travaillés',
    isPersonWide: true,
  },
  WEEKLY_REST: {
    group: 'A',
    label: 'Repos hebdomadaire de 35 h',
    severity: 'block',
    legalRef: ref('L3132-2'),
    short: 'Repos 35 h',
    isPersonWide: true,
  },
  SUNDAY: {
    group: 'A',
    label: 'Travail le dimanche',
    severity: 'warn',
    legalRef: ref('L3132-3'),
    short: 'Dimanche',
  },
  MAY_FIRST: {
    group: 'A',
    label: 'Travail le 1er mai',
    severity: 'block',
    legalRef: ref('L3133-4'),
    short: '1er mai',
  },
  PUBLIC_HOLIDAY: {
    group: 'A',
    label: 'Travail un jour férié',
    severity: 'info',
    legalRef: ref('L3133-1'),
    short: 'Jour férié',
  },
  NIGHT_WORK: {
    group: 'A',
    label: 'Travail de nuit',
    severity: 'warn',
    legalRef: ref('L3122-2, L3122-5'),
    short: 'Travail de nuit',
  },
  TRAVEL_TIME: {
    group: 'A',
    label: 'Temps de trajet entre deux lieux',
    severity: 'block',
    short: 'Trajet',
  },
  OUTSIDE_CONTRACT: {
    group: 'B',
    label: 'Travail hors contrat',
    severity: 'block',
    short: 'Hors contrat',
  },
  DURING_ABSENCE: {
    group: 'B',
    label: 'Travail pendant une absence',
    severity: 'block',
    short: 'Absence',
  },
  CONTRACT_HOURS_UNDER: {
    group: 'B',
    label: 'Semaine sous les heures du contrat',
    severity: 'warn',
    short: 'Sous le contrat',
    isPersonWide: true,
  },
  COMPLEMENTARY_HOURS: {
    group: 'B',
    label: 'Limite des heures complémentaires',
    severity: 'block',
    legalRef: ref('L3123-28'),
    short: 'Heures complémentaires',
    isPersonWide: true,
  },
  PART_TIME_REACHES_FULL_TIME: {
    group: 'B',
    label: 'Temps partiel porté à 35 h',
    severity: 'block',
    legalRef: ref('L3123-9'),
    short: 'Temps partiel à 35 h',
    isPersonWide: true,
  },
  PART_TIME_NOTICE: {
    group: 'B',
    label: 'Délai de prévenance du temps partiel',
    severity: 'block',
    legalRef: ref('L3123-31'),
    // Notice counts from the publication of the change, a history the browser does not hold.
    isServerOnly: true,
    // It protects people from changes imposed on them; a swap is asked for by one and accepted
    // by the other, so it is not such a change.
    isWaivedForSwaps: true,
    short: 'Prévenance',
  },
  SHORT_NOTICE_EXTRA: {
    group: 'B',
    label: 'Heures complémentaires annoncées tardivement',
    severity: 'warn',
    legalRef: ref('L3123-10'),
    // Lateness counts from the publication of the change, a history the browser does not hold.
    isServerOnly: true,
    short: 'Annonce tardive',
  },
  PART_TIME_SPLIT_DAY: {
    group: 'B',
    label: 'Coupures dans la journée d’un temps partiel',
    // Forbidden by L3123-30 unless an agreement with counterparts allows it (then a warning).
    severity: 'block',
    legalRef: ref('L3123-30'),
    short: 'Coupures',
  },
  PART_TIME_FLOOR: {
    group: 'B',
    label: 'Durée minimale du temps partiel',
    severity: 'block',
    legalRef: ref('L3123-27, L3123-7'),
    short: 'Temps partiel minimal',
    isPersonWide: true,
  },
  PART_TIME_HOURS_REVIEW: {
    group: 'B',
    label: 'Horaire d’un temps partiel à réviser (heures réellement accomplies)',
    severity: 'warn',
    legalRef: ref('L3123-13'),
    short: 'Horaire à réviser',
    isPersonWide: true,
  },
  PART_TIME_GROUPING: {
    group: 'B',
    label: 'Horaires regroupés d’un temps partiel de moins de 24 h',
    severity: 'warn',
    legalRef: ref('L3123-7'),
    short: 'Demi-journées',
  },
  CYCLE_NOTICE: {
    group: 'B',
    label: 'Délai de prévenance d’un cycle pluri-hebdomadaire',
    severity: 'warn',
    legalRef: ref('L3121-47'),
    // Notice counts from the publication of the change, a history the browser does not hold.
    isServerOnly: true,
    short: 'Prévenance du cycle',
  },
  UNDER_COVERAGE: {
    group: 'C',
    label: 'Besoin de couverture non atteint',
    severity: 'warn',
    short: 'Besoin non couvert',
  },
  OPEN_SHIFT: {
    group: 'C',
    label: 'Créneau sans personne',
    severity: 'warn',
    short: 'Sans personne',
  },
  CDD_MAX_DURATION: {
    group: 'D',
    label: 'Durée maximale du CDD',
    severity: 'block',
    legalRef: ref('L1242-8-1'),
    isPersonWide: true,
  },
  CDD_MAX_RENEWALS: {
    group: 'D',
    label: 'Nombre de renouvellements du CDD',
    severity: 'block',
    legalRef: ref('L1243-13-1'),
    isPersonWide: true,
  },
  CDD_WAITING_PERIOD: {
    group: 'D',
    label: 'Délai de carence entre deux CDD',
    severity: 'warn',
    legalRef: ref('L1244-3-1'),
    isPersonWide: true,
  },
  PEC_DURATION: {
    group: 'D',
    label: 'Durée du PEC (CUI-CAE)',
    severity: 'block',
    legalRef: ref('L5134-23, L5134-25'),
    isPersonWide: true,
  },
  PEC_HOURS: {
    group: 'D',
    label: 'Durée hebdomadaire du PEC',
    severity: 'block',
    legalRef: ref('L5134-26'),
    isPersonWide: true,
  },
  TUTOR_REQUIRED: {
    group: 'D',
    label: 'Tuteur obligatoire',
    severity: 'block',
    legalRef: ref('R5134-38, L6325-3-1, D6325-9'),
    isPersonWide: true,
  },
  ADULTE_RELAIS: {
    group: 'D',
    label: 'Conditions du contrat adulte-relais',
    severity: 'block',
    legalRef: ref('L5134-102, L5134-103'),
    isPersonWide: true,
  },
  PRO_CONTRACT: {
    group: 'D',
    label: 'Conditions du contrat de professionnalisation',
    severity: 'block',
    legalRef: ref('L6325-11, L6325-13'),
    isPersonWide: true,
  },
  CDDI: {
    group: 'D',
    label: 'Conditions du CDDI',
    severity: 'block',
    legalRef: ref('L5132-15-1'),
    isPersonWide: true,
  },
  CONTRACT_ENDING: {
    group: 'D',
    label: 'Fin de contrat proche',
    severity: 'info',
    isPersonWide: true,
  },
  FS_OPENING_HOURS: {
    group: 'E',
    label: 'Horaires d’ouverture France Services',
    severity: 'block',
    short: 'Ouverture France Services',
  },
  FS_TRAINED_COVERAGE: {
    group: 'E',
    label: 'Agents formés France Services à l’accueil',
    severity: 'block',
    short: 'Agents formés FS',
  },
  SST_COVERAGE: {
    group: 'E',
    label: 'Sauveteur secouriste du travail présent',
    severity: 'warn',
    short: 'SST présent',
  },
  SKILL_REQUIRED: {
    group: 'E',
    label: 'Habilitation requise',
    severity: 'block',
    short: 'Habilitation',
  },
  OUTREACH_PAIR: {
    group: 'E',
    label: 'Médiation sortante en binôme',
    severity: 'warn',
    short: 'Binôme',
  },
  ONBOARDING_DUE: {
    group: 'F',
    label: 'Parcours d’intégration en retard',
    severity: 'warn',
    isPersonWide: true,
  },
  CERTIFICATE_EXPIRING: {
    group: 'F',
    label: 'Certificat bientôt expiré',
    severity: 'info',
    isPersonWide: true,
  },
  CERTIFICATE_EXPIRED: {
    group: 'F',
    label: 'Certificat expiré',
    severity: 'block',
    isPersonWide: true,
  },
  CAREER_INTERVIEW_DUE: {
    group: 'F',
    label: 'Entretien professionnel à tenir',
    severity: 'warn',
    legalRef: ref('L6315-1'),
    isPersonWide: true,
  },
  EXIT_INTERVIEW_DUE: {
    group: 'F',
    label: 'Entretien de sortie PEC à tenir',
    severity: 'warn',
    isPersonWide: true,
  },
  EXPERIENCE_ATTESTATION_DUE: {
    group: 'F',
    label: 'Attestation d’expérience PEC à remettre',
    severity: 'warn',
    isPersonWide: true,
  },
  EXIT_RECORD_INCOMPLETE: {
    group: 'F',
    label: 'Fiche de sortie incomplète',
    severity: 'block',
    isPersonWide: true,
  },
} as const satisfies Record<string, RuleDefinition>;

/** A rule code of the catalogue, e.g. `DAILY_REST`. */
export type RuleCode = keyof typeof RULE_CATALOGUE;

/** Every rule code, in catalogue order. */
export const RULE_CODES = Object.keys(RULE_CATALOGUE) as RuleCode[];

/** Whether a string is a known rule code. */
export function isRuleCode(value: string): value is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULE_CATALOGUE, value);
}

/** The catalogue entry of a rule code. */
export function ruleDefinition(code: RuleCode): RuleDefinition {
  return RULE_CATALOGUE[code];
}

function codesWhere(
  flag: 'isServerOnly' | 'isWaivedForSwaps' | 'isPersonWide',
): ReadonlySet<string> {
  return new Set(RULE_CODES.filter((code) => ruleDefinition(code)[flag]));
}

/** Rules only the server can judge (flagged `isServerOnly` in the catalogue). */
export const SERVER_ONLY_RULES = codesWhere('isServerOnly');

/** Rules not held against a shift swap (flagged `isWaivedForSwaps` in the catalogue). */
export const RULES_WAIVED_FOR_SWAPS = codesWhere('isWaivedForSwaps');

/** Rules about a person's week or contract as a whole, not one shift (flagged `isPersonWide`). */
export const PERSON_WIDE_RULES = codesWhere('isPersonWide');

/** A rule's few words for a chip or a drop preview ("Repos 11 h"). */
export function ruleShortLabel(code: string): string {
  if (!isRuleCode(code)) return code;
  const definition: RuleDefinition = RULE_CATALOGUE[code];
  return definition.short ?? definition.label;
}
