import { ACTIVITY_CODES, SKILL_CODES, type OrganisationSettings } from '@relais/api-types';
import { DEFAULT_RULE_SETTINGS } from './rule-settings';

/** Numeric settings an association may change, each between the law and what an agreement may reach. */
export type BoundedSetting =
  | 'dailyMaxMinutes'
  | 'weeklyAverageMaxMinutes'
  | 'complementaryHoursRatio'
  | 'partTimeNoticeWorkingDays';

export interface SettingBound {
  /** The value without any agreement. */
  law: number;
  min: number;
  max: number;
  /** Code du travail article allowing the agreement. */
  article: string;
}

/** Legal bounds of the settings: the law's value is one end, the agreement's limit the other. */
export const ORGANISATION_SETTING_BOUNDS: Readonly<Record<BoundedSetting, SettingBound>> = {
  // L3121-19: an agreement may raise the daily maximum from 10 h to 12 h.
  dailyMaxMinutes: { law: 10 * 60, min: 10 * 60, max: 12 * 60, article: 'L3121-19' },
  // L3121-23: an agreement may raise the 12-week average from 44 h to 46 h.
  weeklyAverageMaxMinutes: { law: 44 * 60, min: 44 * 60, max: 46 * 60, article: 'L3121-23' },
  // L3123-20: an agreement may raise complementary hours from 1/10 to 1/3 of the contract.
  complementaryHoursRatio: { law: 0.1, min: 0.1, max: 1 / 3, article: 'L3123-20' },
  // L3123-24: an agreement may shorten the notice from 7 working days to 3.
  partTimeNoticeWorkingDays: { law: 7, min: 3, max: 7, article: 'L3123-24' },
};

/** Time zones where the Code du travail applies: metropolitan France and the overseas departments. */
export const FRENCH_TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'America/Miquelon',
] as const;

export const SPLIT_DAY_AGREEMENT_MAX_LENGTH = 500;

export const SUNDAY_DEROGATION_MAX_LENGTH = 200;

/** The half-day minimum of PART_TIME_GROUPING, in minutes: from 1 h to 6 h. */
export const PART_TIME_GROUPING_BLOCK_BOUNDS = { min: 60, max: 360 } as const;

/** The minimum stay before a leaver counts: a year at most (a PEC lasts 6 to 24 months). */
export const EXIT_MINIMUM_STAY_MAX_DAYS = 365;

/** The law's values: what an association without any agreement applies. */
export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = {
  timeZone: DEFAULT_RULE_SETTINGS.timeZone,
  dailyMaxMinutes: DEFAULT_RULE_SETTINGS.dailyMaxMinutes,
  weeklyAverageMaxMinutes: DEFAULT_RULE_SETTINGS.weeklyAverageMaxMinutes,
  complementaryHoursRatio: DEFAULT_RULE_SETTINGS.complementaryHoursRatio,
  partTimeNoticeWorkingDays: DEFAULT_RULE_SETTINGS.partTimeNoticeWorkingDays,
  splitDayAgreement: DEFAULT_RULE_SETTINGS.splitDayAgreement,
  sundayDerogation: DEFAULT_RULE_SETTINGS.sundayDerogation,
  partTimeGroupingMinBlockMinutes: DEFAULT_RULE_SETTINGS.partTimeGroupingMinBlockMinutes,
  exitMinimumStayDays: 90,
  requiredSkillByActivity: {},
};

/** One refused value, named by its field, with the bound it crosses in French. */
export interface OrganisationSettingIssue {
  field: keyof OrganisationSettings;
  message: string;
}

// The share is compared with a margin: 1/3 travels as 0.333… and a form may round it.
const RATIO_EPSILON = 1e-6;

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

const BOUND_TEXT: Record<BoundedSetting, string> = {
  dailyMaxMinutes: `durée quotidienne maximale : ${hours(600)} par la loi, jusqu’à ${hours(720)} par accord (C. trav., art. L3121-19)`,
  weeklyAverageMaxMinutes: `moyenne hebdomadaire sur 12 semaines : ${hours(2640)} par la loi, jusqu’à ${hours(2760)} par accord (C. trav., art. L3121-23)`,
  complementaryHoursRatio:
    'heures complémentaires : 1/10 des heures du contrat par la loi, jusqu’à 1/3 par accord (C. trav., art. L3123-20)',
  partTimeNoticeWorkingDays:
    'délai de prévenance des temps partiels : 7 jours ouvrés par la loi, 3 au moins par accord (C. trav., art. L3123-24)',
};

/** Values outside what the law lets an agreement set, each with its field and bound. */
export function validateOrganisationSettings(
  settings: OrganisationSettings,
): OrganisationSettingIssue[] {
  const issues: OrganisationSettingIssue[] = [];
  for (const field of Object.keys(ORGANISATION_SETTING_BOUNDS) as BoundedSetting[]) {
    const { min, max } = ORGANISATION_SETTING_BOUNDS[field];
    const value = settings[field];
    const margin = field === 'complementaryHoursRatio' ? RATIO_EPSILON : 0;
    const isWhole = field === 'complementaryHoursRatio' || Number.isInteger(value);
    if (!Number.isFinite(value) || !isWhole || value < min - margin || value > max + margin) {
      issues.push({ field, message: `hors des bornes légales — ${BOUND_TEXT[field]}` });
    }
  }
  if (!(FRENCH_TIME_ZONES as readonly string[]).includes(settings.timeZone)) {
    issues.push({
      field: 'timeZone',
      message: `fuseau horaire inconnu — l’un de : ${FRENCH_TIME_ZONES.join(', ')}`,
    });
  }
  const agreement = settings.splitDayAgreement;
  if (agreement !== null) {
    // L3123-30: an agreement allows split days only with specific counterparts, so both are named.
    for (const [key, label] of [
      ['reference', 'la référence de l’accord'],
      ['counterparts', 'ses contreparties'],
    ] as const) {
      const value = agreement[key];
      if (typeof value !== 'string' || value.trim().length === 0) {
        issues.push({
          field: 'splitDayAgreement',
          message: `${label} est obligatoire (C. trav., art. L3123-30)`,
        });
      } else if (value.length > SPLIT_DAY_AGREEMENT_MAX_LENGTH) {
        issues.push({
          field: 'splitDayAgreement',
          message: `${label} : ${SPLIT_DAY_AGREEMENT_MAX_LENGTH} caractères au plus`,
        });
      }
    }
  }
  const derogation = settings.sundayDerogation;
  if (derogation !== null && derogation.trim().length === 0) {
    issues.push({ field: 'sundayDerogation', message: 'vide : laisser null sans dérogation' });
  } else if (derogation !== null && derogation.length > SUNDAY_DEROGATION_MAX_LENGTH) {
    issues.push({
      field: 'sundayDerogation',
      message: `${SUNDAY_DEROGATION_MAX_LENGTH} caractères au plus`,
    });
  }
  const block = settings.partTimeGroupingMinBlockMinutes;
  const { min: blockMin, max: blockMax } = PART_TIME_GROUPING_BLOCK_BOUNDS;
  if (!Number.isInteger(block) || block < blockMin || block > blockMax) {
    issues.push({
      field: 'partTimeGroupingMinBlockMinutes',
      message: `bloc minimal d’un temps partiel de moins de 24 h : un nombre entier de minutes entre ${blockMin} et ${blockMax} (C. trav., art. L3123-7)`,
    });
  }
  const stay = settings.exitMinimumStayDays;
  if (!Number.isInteger(stay) || stay < 0 || stay > EXIT_MINIMUM_STAY_MAX_DAYS) {
    issues.push({
      field: 'exitMinimumStayDays',
      message: `séjour minimal avant qu’une sortie compte : un nombre entier de jours entre 0 et ${EXIT_MINIMUM_STAY_MAX_DAYS}`,
    });
  }
  for (const [activity, skill] of Object.entries(settings.requiredSkillByActivity)) {
    if (!(ACTIVITY_CODES as readonly string[]).includes(activity)) {
      issues.push({
        field: 'requiredSkillByActivity',
        message: `activité inconnue « ${activity} » — l’une de : ${ACTIVITY_CODES.join(', ')}`,
      });
    } else if (!(SKILL_CODES as readonly string[]).includes(skill as string)) {
      issues.push({
        field: 'requiredSkillByActivity',
        message: `habilitation inconnue pour « ${activity} » — l’une de : ${SKILL_CODES.join(', ')}`,
      });
    }
  }
  return issues;
}
