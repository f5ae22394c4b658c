import { Violation } from '@relais/api-types';
import {
  ContractCheckInput,
  ContractDraft,
  ContractLimit,
  PART_TIME_DEROGATION_LABELS,
} from './contract-input';
import { formatDate, formatHours } from './french-format';
import { holidayMap } from './public-holidays';
import { RULE_CATALOGUE, RuleCode } from './rule-catalogue';
import { DEFAULT_RULE_SETTINGS, resolveRuleSettings, RuleSettings } from './rule-settings';
import { makeViolation } from './violation-builder';
import { addDays, addMonths, CivilDate, daysBetween, isCivilDate, isoWeekday } from './zoned-time';

interface Check {
  rule: RuleCode;
  label: string;
  ok: boolean;
  /** Message of the violation when the check fails. */
  message: string;
}

/** Last allowed day of a term of `months` months starting on `start` (1 Jan + 18 months → 30 Jun). */
export function termEnd(start: CivilDate, months: number): CivilDate {
  return addDays(addMonths(start, months), -1);
}

/**
 * ISO weekdays a site is open, from its public opening hours, for the délai de carence counted in
 * the establishment's opening days (L1244-3-1); Monday to Friday when none are recorded.
 */
export function openingWeekdaysOf(hours: readonly { weekday: number }[]): number[] {
  const days = [...new Set(hours.map((h) => h.weekday))].sort((a, b) => a - b);
  return days.length > 0 ? days : [...DEFAULT_RULE_SETTINGS.openingWeekdays];
}

/** Age in whole years on a date. */
export function ageOn(birthDate: CivilDate, date: CivilDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The renewal chain ending with the contract: first contract first. */
export function renewalChain(
  contract: ContractDraft,
  previous: readonly ContractDraft[],
): ContractDraft[] {
  const chain = [contract];
  const seen = new Set<string>(contract.id ? [contract.id] : []);
  let link = contract.renewalOf;
  while (link) {
    const parent = previous.find((c) => c.id === link);
    if (!parent || seen.has(link)) break;
    seen.add(link);
    chain.unshift(parent);
    link = parent.renewalOf;
  }
  return chain;
}

function days(from: CivilDate, to: CivilDate): number {
  return daysBetween(from, to) + 1;
}

interface Ctx {
  input: ContractCheckInput;
  c: ContractDraft;
  s: RuleSettings;
  chain: ContractDraft[];
  renewals: number;
  first: ContractDraft;
}

function renewalsCheck(ctx: Ctx, rule: RuleCode, max: number, what: string): Check {
  return {
    rule,
    label: `Renouvellements : ${ctx.renewals} sur ${max}`,
    ok: ctx.renewals <= max,
    message: `${what} renouvelé ${ctx.renewals} fois : ${max} renouvellement(s) au plus.`,
  };
}

function endRequired(ctx: Ctx, rule: RuleCode, what: string): Check | undefined {
  if (ctx.c.end) return undefined;
  return {
    rule,
    label: `${what} : date de fin requise`,
    ok: false,
    message: `${what} : la date de fin est requise.`,
  };
}

/** CDD_MAX_DURATION, CDD_MAX_RENEWALS, CDD_WAITING_PERIOD (L1242-8-1, L1243-13-1, L1244-3-1). */
function cddChecks(ctx: Ctx): Check[] {
  const { c, s } = ctx;
  const out: Check[] = [];
  if (c.reason === 'replacement' && c.minimumEnd) {
    // L1242-7: a replacement CDD without a precise term has no maximum duration nor renewal; it
    // lasts at least its minimum duration, then until the absent employee returns (its end is
    // recorded then).
    out.push({
      rule: 'CDD_MAX_DURATION',
      label: `CDD sans terme précis : au moins jusqu’au ${formatDate(c.minimumEnd)}, puis jusqu’au retour de la personne remplacée (L1242-7)`,
      ok: true,
      message: '',
    });
    return out;
  }
  if (!c.end) {
    out.push({
      rule: 'CDD_MAX_DURATION',
      label: 'CDD : date de fin requise',
      ok: false,
      message:
        'CDD : la date de fin est requise ; seul un CDD de remplacement peut être sans terme précis, avec sa durée minimale (L1242-7).',
    });
  } else {
    const max = termEnd(ctx.first.start, s.cddMaxMonths);
    out.push({
      rule: 'CDD_MAX_DURATION',
      label: `CDD : fin max ${formatDate(max)}`,
      ok: c.end <= max,
      message: `CDD du ${formatDate(ctx.first.start)} au ${formatDate(c.end)}, renouvellements compris : ${s.cddMaxMonths} mois au plus (fin au ${formatDate(max)}).`,
    });
  }
  out.push(renewalsCheck(ctx, 'CDD_MAX_RENEWALS', s.cddMaxRenewals, 'CDD'));
  const waiting = waitingPeriod(ctx);
  if (waiting) out.push(waiting);
  return out;
}

/**
 * Why no délai de carence follows `last` before `c` (L1244-4-1, default rule without a branch
 * agreement), or null when it applies. Contracts under L1242-3 (PEC, contrat pro, CDDI,
 * adulte-relais) are other types and never reach this check.
 */
function waitingPeriodExemption(c: ContractDraft, last: ContractDraft): string | null {
  // 1°: a new absence of the same absent employee; a replacement of someone else is not exempt.
  if (
    c.reason === 'replacement' &&
    last.reason === 'replacement' &&
    !!c.replacedPersonId &&
    c.replacedPersonId === last.replacedPersonId
  ) {
    return 'nouvelle absence de la même personne remplacée (L1244-4-1 1°)';
  }
  // 6°: the employee broke the contract early (hired on a CDI elsewhere, L1243-2).
  if (last.endReason === 'permanent_job_elsewhere') {
    return 'rupture anticipée à l’initiative du salarié (L1244-4-1 6°)';
  }
  // 7°: the employee refused the renewal of the contract.
  if (last.hasRenewalRefused) return 'renouvellement refusé par le salarié (L1244-4-1 7°)';
  return null;
}

/**
 * Délai de carence before a new CDD on a post whose CDD has expired, whoever held it (L1244-3):
 * 1/3 of the previous contract's duration (renewals included) if it lasted ≥ 14 days, else 1/2,
 * counted in the establishment's opening days, public holidays excluded (L1244-3-1). A renewal
 * of the same contract is not a new contract; the exemptions of L1244-4-1 lift it.
 */
function waitingPeriod(ctx: Ctx): Check | undefined {
  const { c, s, input } = ctx;
  if (c.renewalOf || !c.postId) return undefined;
  const earlier = input.previousContracts
    .filter(
      (p) => p.type === 'CDD' && p.postId === c.postId && p.id !== c.id && p.end && p.end < c.start,
    )
    .sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''));
  const last = earlier[earlier.length - 1];
  if (!last?.end) return undefined;
  const exemption = waitingPeriodExemption(c, last);
  if (exemption) {
    return {
      rule: 'CDD_WAITING_PERIOD',
      label: `Délai de carence : aucun, ${exemption}`,
      ok: true,
      message: '',
    };
  }
  const chain = renewalChain(last, input.previousContracts);
  const length = days(chain[0].start, last.end);
  const need = Math.ceil(length >= 14 ? length / 3 : length / 2);
  const holidays = holidayMap(s, Number(last.end.slice(0, 4)), Number(c.start.slice(0, 4)) + 1);
  const isOpen = (d: CivilDate): boolean =>
    s.openingWeekdays.includes(isoWeekday(d)) && !holidays.has(d);
  let earliest = addDays(last.end, 1);
  for (let counted = 0; counted < need; earliest = addDays(earliest, 1)) {
    if (isOpen(earliest)) counted++;
  }
  return {
    rule: 'CDD_WAITING_PERIOD',
    label: `Délai de carence : ${need} jours d’ouverture, début possible le ${formatDate(earliest)}`,
    ok: c.start >= earliest,
    message: `Nouveau CDD sur le même poste le ${formatDate(c.start)} : le CDD précédent sur ce poste (${length} jours, renouvellements compris) a pris fin le ${formatDate(last.end)}, délai de carence de ${need} jours d’ouverture (${length >= 14 ? 'un tiers' : 'la moitié'} de sa durée), début possible le ${formatDate(earliest)} (C. trav., art. L1244-3 et L1244-3-1 ; exceptions à l’art. L1244-4-1).`,
  };
}

/**
 * The cap of a PEC or a CDDI, renewals included, unless it was prolonged to finish a training
 * action in progress (L5134-25-1): then up to the action's end, never beyond.
 */
function trainingExtensionCheck(
  c: ContractDraft,
  rule: 'PEC_DURATION' | 'CDDI',
  what: string,
  first: CivilDate,
  end: CivilDate,
  max: CivilDate,
  months: number,
): Check {
  const action = c.trainingExtensionEnd;
  if (end <= max || !action) {
    return {
      rule,
      label: `${what} : fin max ${formatDate(max)}`,
      ok: end <= max,
      message: `${what} du ${formatDate(first)} au ${formatDate(end)}, renouvellements compris : ${months} mois au plus (fin au ${formatDate(max)}), sauf prolongation pour achever une action de formation en cours, à enregistrer avec son terme (C. trav., art. L5134-25-1).`,
    };
  }
  return {
    rule,
    label: `${what} prolongé pour achever une formation : fin au plus tard le ${formatDate(action)}`,
    ok: end <= action,
    message: `${what} prolongé jusqu’au ${formatDate(end)} pour achever une action de formation qui finit le ${formatDate(action)} : la prolongation ne peut dépasser le terme de l’action (C. trav., art. L5134-25-1).`,
  };
}

/** PEC_DURATION, PEC_HOURS (L5134-23, L5134-25, L5134-25-1, L5134-26). */
function pecChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  const out: Check[] = [];
  if (c.end) {
    if (ctx.chain.length === 1) {
      const months = c.hasReducedInitialTerm === true ? 3 : s.pecMinInitialMonths;
      const min = termEnd(c.start, months);
      out.push({
        rule: 'PEC_DURATION',
        label: `PEC : durée initiale ${months} mois min (fin ≥ ${formatDate(min)})`,
        ok: c.end >= min,
        message: `PEC initial du ${formatDate(c.start)} au ${formatDate(c.end)} : ${months} mois au moins (fin au ${formatDate(min)} ou après ; 3 mois pour une personne ayant bénéficié d’un aménagement de peine, C. trav., art. L5134-25-1).`,
      });
    }
    const extended =
      input.person.isOver50WithDifficulties === true || input.person.hasRqth === true;
    const months = extended ? s.pecMaxMonthsExtended : s.pecMaxMonths;
    const max = termEnd(ctx.first.start, months);
    out.push(trainingExtensionCheck(c, 'PEC_DURATION', 'PEC', ctx.first.start, c.end, max, months));
  }
  out.push({
    rule: 'PEC_HOURS',
    label: `Heures hebdomadaires : ${formatHours(c.weeklyHours)} (min ${formatHours(s.pecMinWeeklyHours)})`,
    ok: c.weeklyHours >= s.pecMinWeeklyHours,
    message: `PEC à ${formatHours(c.weeklyHours)} par semaine : ${formatHours(s.pecMinWeeklyHours)} au moins.`,
  });
  return out;
}

/**
 * TUTOR_REQUIRED: PEC and contrat de professionnalisation need a tutor, who follows at most 3 CUI
 * employees (R5134-38) or 3 in contrat de professionnalisation (D6325-9) at once.
 */
function tutorChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  if (c.type !== 'PEC' && c.type !== 'PRO') return [];
  if (!c.tutorId) {
    return [
      {
        rule: 'TUTOR_REQUIRED',
        label: 'Tuteur : à désigner',
        ok: false,
        message: 'Un tuteur doit être désigné pour ce contrat.',
      },
    ];
  }
  const load = input.tutorLoad ?? 0;
  const [max, what, article] =
    c.type === 'PEC'
      ? [s.tutorMaxCuiTutees, 'en CUI', 'R5134-38']
      : [s.tutorMaxProTutees, 'en contrat de professionnalisation', 'D6325-9'];
  return [
    {
      rule: 'TUTOR_REQUIRED',
      label: `Tuteur : ${load + 1} salarié(s) ${what} suivi(s) sur ${max}`,
      ok: load + 1 <= max,
      message: `Le tuteur suit déjà ${load} salarié(s) ${what} : ${max} au plus (${article}).`,
    },
  ];
}

/** Adulte-relais hiring: out of work or on a PEC, and living in a QPV unless the prefect excepts. */
function adulteRelaisEligibility(ctx: Ctx): Check[] {
  const person = ctx.input.person;
  const out = person.isOutOfWorkAtHiring;
  const qpv = person.qpvName && person.qpvCheckedOn;
  return [
    {
      rule: 'ADULTE_RELAIS',
      label:
        out === true
          ? 'Sans emploi ou en PEC à l’embauche : vérifié'
          : 'Sans emploi ou en PEC à l’embauche : à vérifier',
      ok: out === true,
      message:
        out === false
          ? 'Adulte-relais : la personne doit être sans emploi ou en PEC à l’embauche (L5134-102).'
          : 'Adulte-relais : vérifiez et notez dans l’éligibilité de la personne qu’elle est sans emploi ou en PEC à l’embauche (L5134-102).',
    },
    {
      rule: 'ADULTE_RELAIS',
      label: qpv
        ? `Résidence en QPV (${person.qpvName}) vérifiée le ${formatDate(person.qpvCheckedOn ?? '')}`
        : person.prefectException
          ? 'Résidence hors QPV : dérogation du préfet'
          : 'Résidence en QPV : à vérifier',
      ok: Boolean(qpv || person.prefectException),
      message:
        'Adulte-relais : la résidence dans un quartier prioritaire (QPV) n’est pas vérifiée, ni une dérogation du préfet notée dans l’éligibilité de la personne (L5134-102).',
    },
  ];
}

/**
 * ADULTE_RELAIS: age ≥ 26 at hiring; a CDI, or a CDD of 3 years renewable once ending within the
 * State convention (L5134-102, L5134-103).
 */
function adulteRelaisChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  const out: Check[] = [];
  const birth = input.person.birthDate;
  if (!birth) {
    out.push({
      rule: 'ADULTE_RELAIS',
      label: 'Âge à l’embauche : date de naissance requise',
      ok: false,
      message: 'Adulte-relais : la date de naissance est requise pour vérifier l’âge à l’embauche.',
    });
  } else {
    const age = ageOn(birth, ctx.first.start);
    out.push({
      rule: 'ADULTE_RELAIS',
      label: `Âge à l’embauche : ${age} ans (min ${s.adulteRelaisMinAge})`,
      ok: age >= s.adulteRelaisMinAge,
      message: `Adulte-relais : ${age} ans à l’embauche, ${s.adulteRelaisMinAge} ans au moins (L5134-102).`,
    });
  }
  // Checked at hiring, not at a renewal (L5134-102).
  if (!c.renewalOf) out.push(...adulteRelaisEligibility(ctx));
  if (!c.end) {
    // L5134-103: the contract may be a CDI; the State's aid still stops with the convention.
    out.push({
      rule: 'ADULTE_RELAIS',
      label: 'CDI adulte-relais (L5134-103) : l’aide de l’État suit la convention',
      ok: true,
      message: '',
    });
  } else {
    const max = termEnd(c.start, s.adulteRelaisMaxMonths);
    out.push({
      rule: 'ADULTE_RELAIS',
      label: `Adulte-relais : fin max ${formatDate(max)}`,
      ok: c.end <= max,
      message: `Adulte-relais : ${s.adulteRelaisMaxMonths / 12} ans au plus par période (fin au ${formatDate(max)}).`,
    });
    out.push(
      renewalsCheck(ctx, 'ADULTE_RELAIS', s.adulteRelaisMaxRenewals, 'Contrat adulte-relais'),
    );
  }
  const conventionEnd = c.conventionEnd;
  if (!conventionEnd) {
    out.push({
      rule: 'ADULTE_RELAIS',
      label: 'Convention État : date de fin requise',
      ok: false,
      message: 'Adulte-relais : la date de fin de la convention avec l’État est requise.',
    });
  } else if (!c.end) {
    out.push({
      rule: 'ADULTE_RELAIS',
      label: `Aide de l’État jusqu’à la fin de la convention (${formatDate(conventionEnd)})`,
      ok: true,
      message: '',
    });
  } else {
    out.push({
      rule: 'ADULTE_RELAIS',
      label: `Fin au plus tard à la fin de la convention (${formatDate(conventionEnd)})`,
      ok: c.end <= conventionEnd,
      message: `Adulte-relais : le contrat doit se terminer au plus tard à la fin de la convention État, le ${formatDate(conventionEnd)}.`,
    });
  }
  return out;
}

/**
 * The training a contrat de professionnalisation owes over its whole term (L6325-13, L6325-14):
 * between 15 % and 25 % of its hours (weekly hours over its days), and 150 h at least.
 */
export function proTrainingBounds(
  start: CivilDate,
  end: CivilDate,
  weeklyHours: number,
  settings?: Partial<RuleSettings>,
): { totalHours: number; minHours: number; maxHours: number } {
  const s = resolveRuleSettings(settings);
  const totalHours = (days(start, end) / 7) * weeklyHours;
  return {
    totalHours,
    minHours: Math.max(s.proMinTrainingHours, Math.ceil(totalHours * s.proTrainingMinRatio)),
    maxHours: Math.floor(totalHours * s.proTrainingMaxRatio),
  };
}

/** PRO_CONTRACT: 6–12 months (24/36 by agreement), training 15–25 % and ≥ 150 h (L6325-11/13). */
function proChecks(ctx: Ctx): Check[] {
  const { c, s } = ctx;
  const missing = endRequired(ctx, 'PRO_CONTRACT', 'Contrat de professionnalisation');
  if (missing) return [missing];
  const end = c.end ?? c.start;
  const min = termEnd(c.start, s.proMinMonths);
  const max = termEnd(c.start, s.proMaxMonths);
  const { minHours: minTraining, maxHours: maxTraining } = proTrainingBounds(
    c.start,
    end,
    c.weeklyHours,
    s,
  );
  const training = c.trainingHours ?? 0;
  return [
    {
      rule: 'PRO_CONTRACT',
      label: `Durée : ${s.proMinMonths} à ${s.proMaxMonths} mois (fin entre le ${formatDate(min)} et le ${formatDate(max)})`,
      ok: end >= min && end <= max,
      message: `Contrat de professionnalisation du ${formatDate(c.start)} au ${formatDate(end)} : entre ${s.proMinMonths} et ${s.proMaxMonths} mois.`,
    },
    {
      rule: 'PRO_CONTRACT',
      label: `Formation : ${formatHours(training)} (entre ${formatHours(minTraining)} et ${formatHours(maxTraining)})`,
      ok: training >= minTraining && training <= maxTraining,
      message: `Formation de ${formatHours(training)} : entre ${Math.round(s.proTrainingMinRatio * 100)} % et ${Math.round(s.proTrainingMaxRatio * 100)} % de la durée du contrat et au moins ${formatHours(s.proMinTrainingHours)}, soit entre ${formatHours(minTraining)} et ${formatHours(maxTraining)}.`,
    },
    renewalsCheck(ctx, 'PRO_CONTRACT', s.proMaxRenewals, 'Contrat de professionnalisation'),
  ];
}

/** CDDI: conventionné SIAE only; 4–24 months, 20–35 h, valid PASS IAE (L5132-15-1). */
function cddiChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  if (!s.isConventionneSiae) {
    return [
      {
        rule: 'CDDI',
        label: 'CDDI : réservé aux structures conventionnées SIAE',
        ok: false,
        message:
          'Le CDDI est réservé aux structures d’insertion conventionnées (SIAE) ; l’organisation ne l’est pas.',
      },
    ];
  }
  const missing = endRequired(ctx, 'CDDI', 'CDDI');
  if (missing) return [missing];
  const end = c.end ?? c.start;
  const out: Check[] = [];
  if (ctx.chain.length === 1) {
    const min = termEnd(c.start, s.cddiMinMonths);
    out.push({
      rule: 'CDDI',
      label: `CDDI : durée ${s.cddiMinMonths} mois min (fin ≥ ${formatDate(min)})`,
      ok: end >= min,
      message: `CDDI : ${s.cddiMinMonths} mois au moins (fin au ${formatDate(min)} ou après).`,
    });
  }
  const extended = input.person.isOver50WithDifficulties === true || input.person.hasRqth === true;
  const max = termEnd(ctx.first.start, s.cddiMaxMonths);
  out.push(
    extended && end > max
      ? {
          rule: 'CDDI',
          label: `CDDI : au-delà de ${s.cddiMaxMonths} mois (50 ans et plus, ou RQTH)`,
          ok: true,
          message: '',
        }
      : trainingExtensionCheck(c, 'CDDI', 'CDDI', ctx.first.start, end, max, s.cddiMaxMonths),
  );
  out.push({
    rule: 'CDDI',
    label: `Heures hebdomadaires : ${formatHours(c.weeklyHours)} (entre ${formatHours(s.cddiMinWeeklyHours)} et ${formatHours(s.cddiMaxWeeklyHours)})`,
    ok: c.weeklyHours >= s.cddiMinWeeklyHours && c.weeklyHours <= s.cddiMaxWeeklyHours,
    message: `CDDI à ${formatHours(c.weeklyHours)} par semaine : entre ${formatHours(s.cddiMinWeeklyHours)} et ${formatHours(s.cddiMaxWeeklyHours)}.`,
  });
  const passOk =
    !!c.passIaeStart && !!c.passIaeEnd && c.passIaeStart <= c.start && c.passIaeEnd >= end;
  out.push({
    rule: 'CDDI',
    label: c.passIaeEnd
      ? `PASS IAE valide jusqu’au ${formatDate(c.passIaeEnd)}`
      : 'PASS IAE : requis',
    ok: passOk,
    message: 'CDDI : un PASS IAE valide doit couvrir tout le contrat.',
  });
  const diag = c.eligibilityDiagnosisOn;
  const diagOk =
    !!diag && diag <= c.start && addMonths(diag, s.cddiDiagnosisValidityMonths) > c.start;
  out.push({
    rule: 'CDDI',
    label: diag
      ? `Diagnostic d’éligibilité du ${formatDate(diag)}`
      : 'Diagnostic d’éligibilité : requis',
    ok: diagOk,
    message: `CDDI : le diagnostic d’éligibilité doit dater de moins de ${s.cddiDiagnosisValidityMonths} mois à l’embauche.`,
  });
  return out;
}

/** PART_TIME_FLOOR: 24 h a week unless a recorded derogation (L3123-27, L3123-7). */
function floorChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  // PEC and CDDI have their own floors (PEC_HOURS, CDDI).
  if (c.type === 'PEC' || c.type === 'CDDI') return [];
  if (c.weeklyHours >= s.fullTimeWeeklyHours || c.weeklyHours >= s.partTimeFloorHours) {
    return c.weeklyHours < s.fullTimeWeeklyHours
      ? [
          {
            rule: 'PART_TIME_FLOOR',
            label: `Temps partiel : ${formatHours(c.weeklyHours)} (min ${formatHours(s.partTimeFloorHours)})`,
            ok: true,
            message: '',
          },
        ]
      : [];
  }
  const reason = c.partTimeDerogation;
  let problem: string | undefined;
  if (!reason) {
    problem = 'aucune dérogation enregistrée';
  } else if (reason === 'short_cdd' && !(c.type === 'CDD' && c.end && days(c.start, c.end) <= 7)) {
    problem = 'la dérogation « CDD de 7 jours au plus » ne vaut que pour un CDD de 7 jours au plus';
  } else if (reason === 'replacement' && c.reason !== 'replacement') {
    problem = 'la dérogation « remplacement » ne vaut que pour un CDD de remplacement';
  } else if (reason === 'student_under_26' && !input.person.birthDate) {
    problem = 'la date de naissance doit être enregistrée pour vérifier l’âge de moins de 26 ans';
  } else if (
    reason === 'student_under_26' &&
    input.person.birthDate &&
    ageOn(input.person.birthDate, c.start) >= 26
  ) {
    problem = `la personne a ${ageOn(input.person.birthDate, c.start)} ans au début du contrat (moins de 26 ans requis)`;
  } else if (reason === 'student_under_26' && input.person.isStudent !== true) {
    problem = 'la poursuite d’études de la personne doit être enregistrée';
  } else if (
    reason === 'employee_request' &&
    !(c.derogationRequestedOn && isCivilDate(c.derogationRequestedOn))
  ) {
    problem = 'la date de la demande écrite du salarié est requise';
  } else if (reason === 'iae_combined' && c.type !== 'CDI') {
    problem = 'la dérogation IAE ne vaut que pour un CDI cumulé avec un contrat d’insertion';
  }
  const why = reason ? `, dérogation : ${PART_TIME_DEROGATION_LABELS[reason]}` : '';
  return [
    {
      rule: 'PART_TIME_FLOOR',
      label: `Temps partiel : ${formatHours(c.weeklyHours)} (min ${formatHours(s.partTimeFloorHours)}${why})`,
      ok: problem === undefined,
      message: `Temps partiel de ${formatHours(c.weeklyHours)} sous le minimum de ${formatHours(s.partTimeFloorHours)} : ${problem ?? ''}.`,
    },
  ];
}

/**
 * CONTRACT_ENDING's reminder for a contract ending on `end`, seen on `today`: the tightest of the
 * thresholds (90, 60, 30 days) reached, or null before the first one and after the end.
 */
export function contractEndingReminder(
  end: CivilDate,
  today: CivilDate,
  alertDays: readonly number[] = DEFAULT_RULE_SETTINGS.contractEndingAlertDays,
): { daysLeft: number; message: string } | null {
  const left = daysBetween(today, end);
  const reached = [...alertDays].sort((a, b) => a - b).find((t) => left <= t);
  if (left < 0 || reached === undefined) return null;
  return {
    daysLeft: left,
    message: `Le contrat se termine le ${formatDate(end)}, dans ${left} jours (alerte à ${reached} jours).`,
  };
}

/** CONTRACT_ENDING: reminders at end − 90, − 60 and − 30 days. */
function endingChecks(ctx: Ctx): Check[] {
  const { c, s, input } = ctx;
  if (!input.today || !c.end) return [];
  const reminder = contractEndingReminder(c.end, input.today, s.contractEndingAlertDays);
  if (!reminder) return [];
  return [
    {
      rule: 'CONTRACT_ENDING',
      label: `Fin du contrat dans ${reminder.daysLeft} jours`,
      ok: false,
      message: reminder.message,
    },
  ];
}

const RULE_FOR_TYPE = {
  CDD: 'CDD_MAX_DURATION',
  PEC: 'PEC_DURATION',
  ADULTE_RELAIS: 'ADULTE_RELAIS',
  PRO: 'PRO_CONTRACT',
  CDDI: 'CDDI',
  CDI: 'PART_TIME_FLOOR',
} as const satisfies Record<ContractDraft['type'], RuleCode>;

function evaluate(input: ContractCheckInput): Check[] {
  const s = resolveRuleSettings(input.settings);
  const c = input.contract;
  if (!isCivilDate(c.start) || (c.end && !isCivilDate(c.end))) {
    throw new RangeError('Dates de contrat invalides.');
  }
  const chain = renewalChain(c, input.previousContracts);
  const ctx: Ctx = { input, c, s, chain, renewals: chain.length - 1, first: chain[0] };
  const out: Check[] = [];
  if (c.end && c.end < c.start) {
    out.push({
      rule: RULE_FOR_TYPE[c.type],
      label: 'Dates : la fin précède le début',
      ok: false,
      message: 'La date de fin précède la date de début.',
    });
    return out;
  }
  switch (c.type) {
    case 'CDD':
      out.push(...cddChecks(ctx));
      break;
    case 'PEC':
      out.push(...pecChecks(ctx));
      break;
    case 'ADULTE_RELAIS':
      out.push(...adulteRelaisChecks(ctx));
      break;
    case 'PRO':
      out.push(...proChecks(ctx));
      break;
    case 'CDDI':
      out.push(...cddiChecks(ctx));
      break;
    case 'CDI':
      break;
  }
  out.push(...tutorChecks(ctx), ...floorChecks(ctx), ...endingChecks(ctx));
  return out;
}

/**
 * Contract rules (group D) for a proposed contract, with its renewal chain and the person's
 * earlier contracts. Throws a RangeError on unreadable dates.
 */
export function checkContract(input: ContractCheckInput): Violation[] {
  return evaluate(input)
    .filter((ch) => !ch.ok)
    .map((ch) => makeViolation(ch.rule, ch.message, { personId: input.person.id }));
}

/** The limits that apply to a contract being typed, each with pass or fail, for the form. */
export function contractLimits(input: ContractCheckInput): ContractLimit[] {
  return evaluate(input).map((ch) => ({
    rule: ch.rule,
    label: ch.label,
    status: ch.ok ? 'pass' : 'fail',
    severity: RULE_CATALOGUE[ch.rule].severity,
  }));
}
