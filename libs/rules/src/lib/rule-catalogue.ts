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
}

const ref = (articles: string): string => `C. trav., art. ${articles}`;

/** Every compliance code the engine can return, with its French label and legal reference. */
export const RULE_CATALOGUE = {
  OVERLAP: { group: 'A', label: 'Chevauchement de créneaux', severity: 'block' },
  DAILY_MAX: {
    group: 'A',
    label: 'Durée quotidienne maximale',
    severity: 'block',
    legalRef: ref('L3121-18'),
  },
  WEEKLY_MAX: {
    group: 'A',
    label: 'Durée hebdomadaire maximale',
    severity: 'block',
    legalRef: ref('L3121-20'),
  },
  WEEKLY_AVG_12W: {
    group: 'A',
    label: 'Moyenne hebdomadaire sur 12 semaines',
    severity: 'block',
    legalRef: ref('L3121-22'),
  },
  DAILY_REST: {
    group: 'A',
    label: 'Repos quotidien de 11 h',
    severity: 'block',
    legalRef: ref('L3131-1'),
  },
  AMPLITUDE: {
    group: 'A',
    label: 'Amplitude de la journée',
    severity: 'block',
    legalRef: ref('L3131-1'),
  },
  BREAK_6H: {
    group: 'A',
    label: 'Pause de 20 minutes après 6 h',
    severity: 'block',
    legalRef: ref('L3121-16'),
  },
  WORKDAYS_PER_WEEK: {
    group: 'A',
    label: 'Jours travaillés par semaine',
    severity: 'block',
    legalRef: ref('L3132-1'),
  },
  WEEKLY_REST: {
    group: 'A',
    label: 'Repos hebdomadaire de 35 h',
    severity: 'block',
    legalRef: ref('L3132-2'),
  },
  SUNDAY: {
    group: 'A',
    label: 'Travail le dimanche',
    severity: 'warn',
    legalRef: ref('L3132-3'),
  },
  MAY_FIRST: {
    group: 'A',
    label: 'Travail le 1er mai',
    severity: 'block',
    legalRef: ref('L3133-4'),
  },
  PUBLIC_HOLIDAY: {
    group: 'A',
    label: 'Travail un jour férié',
    severity: 'info',
    legalRef: ref('L3133-1'),
  },
  NIGHT_WORK: {
    group: 'A',
    label: 'Travail de nuit',
    severity: 'warn',
    legalRef: ref('L3122-2, L3122-5'),
  },
  TRAVEL_TIME: { group: 'A', label: 'Temps de trajet entre deux lieux', severity: 'block' },
  OUTSIDE_CONTRACT: { group: 'B', label: 'Travail hors contrat', severity: 'block' },
  DURING_ABSENCE: { group: 'B', label: 'Travail pendant une absence', severity: 'block' },
  CONTRACT_HOURS_UNDER: {
    group: 'B',
    label: 'Semaine sous les heures du contrat',
    severity: 'warn',
  },
  COMPLEMENTARY_HOURS: {
    group: 'B',
    label: 'Limite des heures complémentaires',
    severity: 'block',
    legalRef: ref('L3123-28'),
  },
  PART_TIME_REACHES_FULL_TIME: {
    group: 'B',
    label: 'Temps partiel porté à 35 h',
    severity: 'block',
    legalRef: ref('L3123-9'),
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
  },
  SHORT_NOTICE_EXTRA: {
    group: 'B',
    label: 'Heures complémentaires annoncées tardivement',
    severity: 'warn',
    legalRef: ref('L3123-10'),
    // Lateness counts from the publication of the change, a history the browser does not hold.
    isServerOnly: true,
  },
  PART_TIME_SPLIT_DAY: {
    group: 'B',
    label: 'Coupures dans la journée d’un temps partiel',
    severity: 'warn',
    legalRef: ref('L3123-30'),
  },
  PART_TIME_FLOOR: {
    group: 'B',
    label: 'Durée minimale du temps partiel',
    severity: 'block',
    legalRef: ref('L3123-27, L3123-7'),
  },
  CYCLE_NOTICE: {
    group: 'B',
    label: 'Délai de prévenance d’un cycle pluri-hebdomadaire',
    severity: 'warn',
    legalRef: ref('L3121-47'),
    // Notice counts from the publication of the change, a history the browser does not hold.
    isServerOnly: true,
  },
  UNDER_COVERAGE: { group: 'C', label: 'Besoin de couverture non atteint', severity: 'warn' },
  OPEN_SHIFT: { group: 'C', label: 'Créneau sans personne', severity: 'warn' },
  CDD_MAX_DURATION: {
    group: 'D',
    label: 'Durée maximale du CDD',
    severity: 'block',
    legalRef: ref('L1242-8-1'),
  },
  CDD_MAX_RENEWALS: {
    group: 'D',
    label: 'Nombre de renouvellements du CDD',
    severity: 'block',
    legalRef: ref('L1243-13-1'),
  },
  CDD_WAITING_PERIOD: {
    group: 'D',
    label: 'Délai de carence entre deux CDD',
    severity: 'warn',
    legalRef: ref('L1244-3-1'),
  },
  PEC_DURATION: {
    group: 'D',
    label: 'Durée du PEC (CUI-CAE)',
    severity: 'block',
    legalRef: ref('L5134-23, L5134-25'),
  },
  PEC_HOURS: {
    group: 'D',
    label: 'Durée hebdomadaire du PEC',
    severity: 'block',
    legalRef: ref('L5134-26'),
  },
  TUTOR_REQUIRED: {
    group: 'D',
    label: 'Tuteur obligatoire',
    severity: 'block',
    legalRef: ref('R5134-38, L6325-3-1'),
  },
  ADULTE_RELAIS: {
    group: 'D',
    label: 'Conditions du contrat adulte-relais',
    severity: 'block',
    legalRef: ref('L5134-102, L5134-103'),
  },
  PRO_CONTRACT: {
    group: 'D',
    label: 'Conditions du contrat de professionnalisation',
    severity: 'block',
    legalRef: ref('L6325-11, L6325-13'),
  },
  CDDI: {
    group: 'D',
    label: 'Conditions du CDDI',
    severity: 'block',
    legalRef: ref('L5132-15-1'),
  },
  CONTRACT_ENDING: { group: 'D', label: 'Fin de contrat proche', severity: 'info' },
  FS_OPENING_HOURS: {
    group: 'E',
    label: 'Horaires d’ouverture France Services',
    severity: 'block',
  },
  FS_TRAINED_COVERAGE: {
    group: 'E',
    label: 'Agents formés France Services à l’accueil',
    severity: 'block',
  },
  SST_COVERAGE: { group: 'E', label: 'Sauveteur secouriste du travail présent', severity: 'warn' },
  SKILL_REQUIRED: { group: 'E', label: 'Habilitation requise', severity: 'block' },
  OUTREACH_PAIR: { group: 'E', label: 'Médiation sortante en binôme', severity: 'warn' },
  ONBOARDING_DUE: { group: 'F', label: 'Parcours d’intégration en retard', severity: 'warn' },
  CERTIFICATE_EXPIRING: { group: 'F', label: 'Certificat bientôt expiré', severity: 'info' },
  CERTIFICATE_EXPIRED: { group: 'F', label: 'Certificat expiré', severity: 'block' },
  CAREER_INTERVIEW_DUE: {
    group: 'F',
    label: 'Entretien professionnel à tenir',
    severity: 'warn',
    legalRef: ref('L6315-1'),
  },
  EXIT_INTERVIEW_DUE: { group: 'F', label: 'Entretien de sortie PEC à tenir', severity: 'warn' },
  EXIT_RECORD_INCOMPLETE: { group: 'F', label: 'Fiche de sortie incomplète', severity: 'block' },
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

function codesWhere(flag: 'isServerOnly' | 'isWaivedForSwaps'): ReadonlySet<string> {
  return new Set(RULE_CODES.filter((code) => ruleDefinition(code)[flag]));
}

/** Rules only the server can judge (flagged `isServerOnly` in the catalogue). */
export const SERVER_ONLY_RULES = codesWhere('isServerOnly');

/** Rules not held against a shift swap (flagged `isWaivedForSwaps` in the catalogue). */
export const RULES_WAIVED_FOR_SWAPS = codesWhere('isWaivedForSwaps');
