import type { MandatoryFor, Role } from '@relais/api-types';
import { contractEndingReminder } from './contract-rules';
import { formatDate } from './french-format';
import { certificateLabel } from './skills';
import { addDays, addMonths, daysBetween, type CivilDate } from './zoned-time';

// Group F (pathways): the milestone template of the domain brief (P00–P14) with its due rules,
// milestone status, progress and the dynamic-exit rate. Pure functions shared by API and web.

type PathwayContractType = 'CDD' | 'PEC' | 'ADULTE_RELAIS' | 'PRO' | 'CDDI' | 'CDI';

/** When a milestone falls due: from hiring, at the contract midpoint, or from its end. */
export interface DueRule {
  anchor: 'hire' | 'midpoint' | 'end';
  months?: number;
  days?: number;
  /** Brought forward to the contract end when that comes first (P07 on a short contract). */
  capToEnd?: boolean;
}

export interface MilestoneTemplate {
  code: string;
  title: string;
  due: DueRule;
  /** Modules whose validation completes the milestone (P02: T01 + T11). */
  moduleCodes?: string[];
}

export const MILESTONES: readonly MilestoneTemplate[] = [
  { code: 'P00', title: 'Diagnostic d’entrée', due: { anchor: 'hire', days: 15 } },
  { code: 'P01', title: 'Référent ou tuteur désigné', due: { anchor: 'hire' } },
  {
    code: 'P02',
    title: 'Intégration terminée (T01 + T11)',
    due: { anchor: 'hire', days: 30 },
    moduleCodes: ['T01', 'T11'],
  },
  {
    code: 'P03',
    title: 'Formation initiale France Services (T02 + T03)',
    due: { anchor: 'hire', days: 90 },
    moduleCodes: ['T02', 'T03'],
  },
  {
    code: 'P04',
    title: 'Habilitation Aidants Connect',
    due: { anchor: 'hire', days: 120 },
    moduleCodes: ['T05'],
  },
  { code: 'P05', title: 'Pix certifié', due: { anchor: 'hire', days: 180 }, moduleCodes: ['T06'] },
  // Done while a first-aid certificate is valid (from T07 or its MAC T08), not once for all.
  { code: 'P06', title: 'SST valide', due: { anchor: 'hire', days: 180 } },
  {
    code: 'P07',
    title: 'Entretien de parcours professionnel',
    due: { anchor: 'hire', months: 12, capToEnd: true },
  },
  { code: 'P08', title: 'Bilan mi-parcours', due: { anchor: 'midpoint' } },
  // Done on the day the last MSADS block is passed (exam or VAE jury), not by a training module.
  { code: 'P09', title: 'CCP MSADS obtenus / TP complet ou VAE', due: { anchor: 'end' } },
  {
    code: 'P10',
    title: 'Immersion chez un employeur partenaire',
    due: { anchor: 'end', months: -6 },
  },
  { code: 'P11', title: 'Projet professionnel validé', due: { anchor: 'end', months: -6 } },
  { code: 'P12', title: 'Entretien de sortie', due: { anchor: 'end', months: -1 } },
  { code: 'P13', title: 'Sortie qualifiée', due: { anchor: 'end' } },
  { code: 'P14', title: 'Suivi à 6 mois', due: { anchor: 'end', months: 6 } },
];

const ALL_AFTER_HIRE = ['P00', 'P01', 'P02', 'P03', 'P05', 'P06', 'P07'];
const EXIT = ['P11', 'P12', 'P13', 'P14'];

/** The template per contract type: milestone codes and modules to complete. */
export const PATHWAY_TEMPLATES: Record<
  PathwayContractType,
  { milestones: string[]; modules: string[] }
> = {
  PEC: {
    milestones: [...ALL_AFTER_HIRE, 'P08', 'P10', ...EXIT],
    modules: ['T01', 'T11', 'T02', 'T03', 'T06', 'T07', 'T09', 'T10', 'T12'],
  },
  CDDI: {
    milestones: [...ALL_AFTER_HIRE, 'P08', 'P10', ...EXIT],
    modules: ['T01', 'T11', 'T02', 'T03', 'T06', 'T09', 'T12'],
  },
  ADULTE_RELAIS: {
    milestones: [...ALL_AFTER_HIRE, 'P04', 'P08', 'P09', 'P10', ...EXIT],
    modules: ['T01', 'T11', 'T02', 'T03', 'T05', 'T06', 'T07', 'T09', 'T10', 'T12', 'T13'],
  },
  PRO: {
    milestones: [...ALL_AFTER_HIRE, 'P08', 'P09', ...EXIT],
    modules: ['T01', 'T11', 'T02', 'T03', 'T06', 'T09', 'T10', 'T16'],
  },
  CDD: {
    milestones: ['P00', 'P02', 'P03', 'P07', ...EXIT],
    modules: ['T01', 'T11', 'T02', 'T03'],
  },
  CDI: {
    milestones: [...ALL_AFTER_HIRE, 'P04'],
    modules: ['T01', 'T11', 'T02', 'T03', 'T06', 'T07', 'T09', 'T10'],
  },
};

/** The due date of a rule for a contract; null when it has no meaning (no end for a CDI). */
export function milestoneDue(
  rule: DueRule,
  hire: CivilDate,
  end: CivilDate | null,
): CivilDate | null {
  if (rule.anchor === 'hire') {
    const due = addDays(addMonths(hire, rule.months ?? 0), rule.days ?? 0);
    return rule.capToEnd && end !== null && due > end ? end : due;
  }
  if (end === null) return null;
  if (rule.anchor === 'midpoint') return addDays(hire, Math.floor(daysBetween(hire, end) / 2));
  return addDays(addMonths(end, rule.months ?? 0), rule.days ?? 0);
}

export interface PlannedMilestone {
  code: string;
  title: string;
  due: CivilDate | null;
  position: number;
}

/** The plan created at hiring: the template's milestones with their due dates. */
export function planMilestones(
  contractType: PathwayContractType,
  hire: CivilDate,
  end: CivilDate | null,
): PlannedMilestone[] {
  const codes = PATHWAY_TEMPLATES[contractType].milestones;
  return MILESTONES.filter((milestone) => codes.includes(milestone.code))
    .map((milestone, position) => ({
      code: milestone.code,
      title: milestone.title,
      due: milestoneDue(milestone.due, hire, end),
      position,
    }))
    .filter((milestone) => milestone.due !== null || end !== null);
}

export type MilestoneState = 'a_venir' | 'en_retard' | 'fait';

export function milestoneStatus(
  milestone: { due: CivilDate | null; doneOn: CivilDate | null },
  today: CivilDate,
): MilestoneState {
  if (milestone.doneOn) return 'fait';
  if (milestone.due !== null && milestone.due < today) return 'en_retard';
  return 'a_venir';
}

/**
 * Hours done / required and modules validated / required, over the plan's required modules. A
 * validated module counts its full hours; one still open counts the hours attended so far
 * (validated session by session), never more than its own hours.
 */
export function pathwayProgress(
  required: { code: string; hours: number }[],
  validatedCodes: ReadonlySet<string>,
  attendedHours: ReadonlyMap<string, number> = new Map(),
): { hoursDone: number; hoursRequired: number; modulesValidated: number; modulesRequired: number } {
  const round = (hours: number) => Math.round(hours * 10) / 10;
  const done = required.filter((module) => validatedCodes.has(module.code));
  const hoursDone = required.reduce(
    (total, module) =>
      total +
      (validatedCodes.has(module.code)
        ? module.hours
        : Math.min(module.hours, attendedHours.get(module.code) ?? 0)),
    0,
  );
  return {
    hoursDone: round(hoursDone),
    hoursRequired: round(required.reduce((total, module) => total + module.hours, 0)),
    modulesValidated: done.length,
    modulesRequired: required.length,
  };
}

export const REMINDER_THRESHOLDS = [90, 60, 30, 7] as const;

/**
 * The reminder threshold a certificate has reached: the tightest of 90/60/30/7 days at or above
 * the days left, null when it expires later or has expired. One reminder per threshold.
 */
export function reminderThreshold(today: CivilDate, expiresOn: CivilDate): number | null {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return null;
  const reached = REMINDER_THRESHOLDS.filter((threshold) => left <= threshold);
  return reached.length ? reached[reached.length - 1] : null;
}

const DYNAMIC = ['EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE'];

/** Taux de sorties dynamiques = (durable + transition + positive) / (exits − neutralised). */
export function dynamicExitRate(categories: readonly string[]): {
  exits: number;
  neutralised: number;
  dynamic: number;
  dynamicExitRate: number | null;
} {
  const neutralised = categories.filter((category) => category === 'NEUTRALISEE').length;
  const dynamic = categories.filter((category) => DYNAMIC.includes(category)).length;
  const counted = categories.length - neutralised;
  return {
    exits: categories.length,
    neutralised,
    dynamic,
    dynamicExitRate: counted === 0 ? null : Math.round((dynamic / counted) * 10000) / 10000,
  };
}

export function isDynamicExit(category: string): boolean {
  return DYNAMIC.includes(category);
}

/** Who a catalogue module's "mandatory for" is matched against. */
export interface TraineeProfile {
  /** The person's account role; null without an account (counted as a mediator). */
  role: Role | null;
  contractType: string | null;
  /** Their home site is a France Services one. */
  isFranceServices: boolean;
  hireDate: CivilDate | null;
}

export interface MandatoryModuleState {
  code: string;
  title: string;
  /** Hiring + the module's "within N days"; null when there is no deadline. */
  due: CivilDate | null;
  status: MilestoneState;
}

/** Whether a module's "mandatory for" (empty lists mean everybody) takes in this person. */
export function isMandatoryFor(rule: MandatoryFor | null, who: TraineeProfile): boolean {
  if (!rule) return false;
  const role = who.role ?? 'mediator';
  if (rule.roles.length && !rule.roles.includes(role)) return false;
  if (
    rule.contractTypes.length &&
    !(rule.contractTypes as readonly string[]).includes(who.contractType ?? '')
  )
    return false;
  return !rule.franceServicesOnly || who.isFranceServices;
}

/**
 * The catalogue's mandatory modules for one person (rules.md F, ONBOARDING_DUE): due
 * `withinDays` after hiring, done once validated, late after their due day.
 */
export function mandatoryModules(
  catalogue: readonly { code: string; title: string; mandatoryFor: MandatoryFor | null }[],
  who: TraineeProfile,
  validatedCodes: ReadonlySet<string>,
  today: CivilDate,
): MandatoryModuleState[] {
  return catalogue
    .filter((module) => isMandatoryFor(module.mandatoryFor, who))
    .map((module) => {
      const within = module.mandatoryFor?.withinDays ?? null;
      const due = within !== null && who.hireDate ? addDays(who.hireDate, within) : null;
      return {
        code: module.code,
        title: module.title,
        due,
        status: validatedCodes.has(module.code)
          ? 'fait'
          : milestoneStatus({ due, doneOn: null }, today),
      };
    });
}

/** What else group F reads of a person: certificates, the contract's end, the exit to record. */
export interface PathwayFacts {
  /** Certificates and habilitations held, the latest of each first or not (any order). */
  certificates?: readonly { skill: string; expiresOn: CivilDate | null }[];
  /** The last contract's end when no later contract follows (null: open-ended or none). */
  lastContractEnd?: CivilDate | null;
  /**
   * The end of the contract whose exit is to record and is not yet (EXIT_RECORD_INCOMPLETE once
   * past): the last one, or an aided contract followed by an internal hire.
   */
  exitToRecordEnd?: CivilDate | null;
  contractEndingAlertDays?: readonly number[];
  /** HR has issued the last contract's attestation d'expérience (a PEC): nothing to remind. */
  isExperienceAttestationIssued?: boolean;
}

/**
 * Group-F findings read from a plan's milestones and the mandatory modules (rules.md F:
 * ONBOARDING_DUE…), and from the person's facts: certificates expiring or expired, the contract
 * ending (CONTRACT_ENDING), an ended contract whose exit is not recorded. Late mandatory modules
 * are named one by one; without any (a catalogue with no "mandatory for"), the onboarding
 * milestones P02 and P03 speak instead.
 */
export function pathwayAlerts(
  contractType: string | null,
  milestones: { code: string; due: CivilDate | null; doneOn: CivilDate | null }[],
  today: CivilDate,
  mandatory: readonly MandatoryModuleState[] = [],
  facts: PathwayFacts = {},
): { rule: string; message: string }[] {
  const late = (code: string) =>
    milestones.find(
      (milestone) => milestone.code === code && milestoneStatus(milestone, today) === 'en_retard',
    );
  const alerts: { rule: string; message: string }[] = [];
  const lateModules = mandatory.filter((module) => module.status === 'en_retard');
  if (lateModules.length)
    alerts.push({
      rule: 'ONBOARDING_DUE',
      message: `Formation obligatoire en retard : ${lateModules
        .map(
          (module) => `${module.code} ${module.title} (due le ${formatDate(module.due ?? today)})`,
        )
        .join(' ; ')}.`,
    });
  if (!mandatory.length && late('P02'))
    alerts.push({
      rule: 'ONBOARDING_DUE',
      message: 'Modules d’intégration (T01, T11) non faits dans les 30 jours suivant l’embauche.',
    });
  if (!mandatory.length && late('P03'))
    alerts.push({
      rule: 'ONBOARDING_DUE',
      message: 'Formation initiale France Services non faite dans les 90 jours suivant l’embauche.',
    });
  if (late('P07'))
    alerts.push({
      rule: 'CAREER_INTERVIEW_DUE',
      message:
        'Entretien de parcours professionnel non tenu dans les 12 mois (ou avant la fin du contrat).',
    });
  const exitInterview = milestones.find((milestone) => milestone.code === 'P12');
  if (
    contractType === 'PEC' &&
    exitInterview?.due &&
    !exitInterview.doneOn &&
    today >= addMonths(exitInterview.due, -2)
  )
    alerts.push({
      rule: 'EXIT_INTERVIEW_DUE',
      message: 'Entretien de sortie PEC à tenir entre 3 mois et 1 mois avant la fin du contrat.',
    });
  alerts.push(...certificateAlerts(facts.certificates ?? [], today));
  if (facts.lastContractEnd) {
    const reminder = contractEndingReminder(
      facts.lastContractEnd,
      today,
      facts.contractEndingAlertDays,
    );
    if (reminder) alerts.push({ rule: 'CONTRACT_ENDING', message: reminder.message });
  }
  // The PEC's attestation d'expérience professionnelle is handed over at the latest one month
  // before the end (L5134-28-1 [à vérifier]); HR is told a month ahead of that day.
  if (
    contractType === 'PEC' &&
    facts.lastContractEnd &&
    !facts.isExperienceAttestationIssued &&
    today >= addMonths(facts.lastContractEnd, -2) &&
    today <= facts.lastContractEnd
  ) {
    const due = addMonths(facts.lastContractEnd, -1);
    alerts.push({
      rule: 'EXPERIENCE_ATTESTATION_DUE',
      message:
        today > due
          ? `Attestation d’expérience professionnelle du PEC en retard : à remettre au plus tard le ${formatDate(due)}, un mois avant la fin du contrat (${formatDate(facts.lastContractEnd)}).`
          : `Attestation d’expérience professionnelle du PEC à remettre au plus tard le ${formatDate(due)}, un mois avant la fin du contrat (${formatDate(facts.lastContractEnd)}).`,
    });
  }
  if (facts.exitToRecordEnd && facts.exitToRecordEnd < today)
    alerts.push({
      rule: 'EXIT_RECORD_INCOMPLETE',
      message: `Contrat terminé le ${formatDate(facts.exitToRecordEnd)} : la sortie est à enregistrer (catégorie, date et, pour une sortie dynamique, le contrat obtenu et sa durée).`,
    });
  return alerts;
}

/**
 * CERTIFICATE_EXPIRING (90, 60, 30, 7 days ahead) and CERTIFICATE_EXPIRED for each certificate
 * whose latest one expires: an expired one no longer counts for coverage (SST, France Services,
 * Aidants Connect).
 */
function certificateAlerts(
  certificates: readonly { skill: string; expiresOn: CivilDate | null }[],
  today: CivilDate,
): { rule: string; message: string }[] {
  // The latest of each: one without an end never expires.
  const isLater = (a: CivilDate | null, b: CivilDate | null): boolean =>
    a === null || (b !== null && a > b);
  const latest = new Map<string, CivilDate | null>();
  for (const { skill, expiresOn } of certificates) {
    if (!latest.has(skill) || isLater(expiresOn, latest.get(skill) ?? null))
      latest.set(skill, expiresOn);
  }
  const out: { rule: string; message: string }[] = [];
  for (const [skill, expiresOn] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    if (expiresOn === null) continue;
    if (expiresOn < today) {
      out.push({
        rule: 'CERTIFICATE_EXPIRED',
        message: `${certificateLabel(skill)} : a expiré le ${formatDate(expiresOn)} ; ne compte plus pour la couverture ni pour les activités qui l’exigent.`,
      });
    } else if (reminderThreshold(today, expiresOn) !== null) {
      out.push({
        rule: 'CERTIFICATE_EXPIRING',
        message: `${certificateLabel(skill)} : expire le ${formatDate(expiresOn)} (dans ${daysBetween(today, expiresOn)} j).`,
      });
    }
  }
  return out;
}
