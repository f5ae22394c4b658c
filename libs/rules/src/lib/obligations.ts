import type {
  ContractObligation,
  MilestoneStatus,
  ObligationCode,
  ObligationRecord,
} from '@relais/api-types';
import { formatDate, formatHours } from './french-format';
import { addDays, addMonths, daysBetween, type CivilDate } from './zoned-time';

// Group F (pathways): the obligations each contract type brings, with their due dates, computed
// from what HR recorded and from the facts elsewhere (tutor, training attended, certificates).
// Pure: the API lists them and raises reminders; the pathway page shows the same list.

/** Contrat pro: the employer sends the contract to the OPCO within 5 days of its start (D6325-2). */
export const PRO_FILING_DAYS = 5;
/** Contrat pro: the OPCO decides within 20 days of receiving it; its silence is acceptance. */
export const OPCO_DECISION_DAYS = 20;
/** Contrat pro: a tutor follows at most 3 employees on contrat pro or apprenticeship (D6325-9). */
export const PRO_TUTOR_MAX_TUTEES = 3;
/** Adulte-relais: HR is warned 6 months before the State convention ends. */
export const AR_CONVENTION_WARNING_MONTHS = 6;
/** Adulte-relais: a convention of at most 3 years, renewable once. */
export const AR_CONVENTION_MONTHS = 36;
/** France Services: continuing training (operators' updates) every year (T04). */
export const FS_CONTINUING_MODULE = 'T04';
export const FS_INITIAL_MODULES = ['T02', 'T03'] as const;
export const AIDANTS_CONNECT_MODULE = 'T05';

export interface ObligationContract {
  type: string;
  start: CivilDate;
  /** Planned end; null for a CDI. */
  end: CivilDate | null;
  conventionNumber: string | null;
  conventionStart: CivilDate | null;
  conventionEnd: CivilDate | null;
  tutorId: string | null;
  /** Contrat pro: the training hours the contract provides for. */
  trainingHours: number | null;
  /** Start of the contract that renews this one, if any. */
  renewedOn: CivilDate | null;
}

export interface ObligationInput {
  today: CivilDate;
  contract: ObligationContract;
  /** What HR recorded, per obligation. */
  records: ReadonlyMap<ObligationCode, ObligationRecord>;
  /** Validated modules, with the day each was completed (the latest when taken again). */
  modulesDone: ReadonlyMap<string, CivilDate>;
  /** Training hours done during the contract: modules completed, and sessions validated toward one. */
  trainingHoursAttended: number;
  /** Contrat pro: how many current contrat-pro tutees the named tutor has, this one included. */
  tutorProTutees: number;
  /** Whether the person's home site is labelled France Services. */
  franceServices: boolean;
  /** The day the person's Aidants Connect habilitation was recorded, if they hold one. */
  aidantsConnectSince: CivilDate | null;
}

type Item = Omit<ContractObligation, 'status' | 'record'> & {
  done: boolean;
  record?: ObligationRecord | null;
};

function statusOf(item: Item, today: CivilDate): MilestoneStatus {
  if (item.done) return 'fait';
  return item.due !== null && item.due < today ? 'en_retard' : 'a_venir';
}

/** The obligations of one contract, in the order HR meets them. */
export function contractObligations(input: ObligationInput): ContractObligation[] {
  const items = [
    ...pecObligations(input),
    ...adulteRelaisObligations(input),
    ...proObligations(input),
    ...franceServicesObligations(input),
  ];
  return items.map(({ done, record, ...item }) => ({
    ...item,
    status: statusOf({ ...item, done }, input.today),
    record: record ?? null,
  }));
}

function recorded(
  input: ObligationInput,
  code: ObligationCode,
  title: string,
  basis: string,
  due: CivilDate | null,
): Item {
  const record = input.records.get(code) ?? null;
  return {
    code,
    title,
    basis,
    due,
    window: null,
    fulfilment: 'record',
    progress: null,
    remark: null,
    done: record !== null,
    record,
  };
}

function pecObligations(input: ObligationInput): Item[] {
  const { contract } = input;
  if (contract.type !== 'PEC') return [];
  const items: Item[] = [
    recorded(
      input,
      'PEC_PRESCRIBER',
      'Prescripteur et référent du parcours',
      'L5134-19-1',
      contract.start,
    ),
    recorded(
      input,
      'PEC_TRIPARTITE',
      'Entretien tripartite à la signature (prescripteur, employeur, salarié)',
      'Circulaire DGEFP 2018-11',
      contract.start,
    ),
    declaredActions(input),
  ];
  if (contract.end === null) return items;
  if (contract.renewedOn !== null) {
    items.push({
      ...recorded(
        input,
        'PEC_RENEWAL_REQUEST',
        'Demande de renouvellement au prescripteur',
        'L5134-23',
        addMonths(contract.end, -2),
      ),
      done: true,
      remark: `Renouvelé par le contrat du ${formatDate(contract.renewedOn)}.`,
    });
    return items;
  }
  items.push(renewalRequest(input, contract.end), exitInterview(input, contract.end));
  return items;
}

/** The training and accompaniment actions of the aid request: planned, then done one by one. */
function declaredActions(input: ObligationInput): Item {
  const item = recorded(
    input,
    'PEC_ACTIONS',
    'Actions de formation et d’accompagnement déclarées dans la demande d’aide',
    'L5134-22',
    input.contract.start,
  );
  const modules = item.record?.moduleCodes ?? [];
  if (!item.record) {
    return { ...item, remark: 'Actions à déclarer, telles que prévues dans la demande d’aide.' };
  }
  const done = modules.filter((code) => input.modulesDone.has(code));
  const missing = modules.filter((code) => !input.modulesDone.has(code));
  return {
    ...item,
    due: input.contract.end,
    done: missing.length === 0,
    progress: modules.length
      ? `${done.length} formation${done.length > 1 ? 's' : ''} sur ${modules.length} suivie${done.length > 1 ? 's' : ''}`
      : null,
    remark: missing.length ? `Reste à suivre : ${missing.join(', ')}.` : null,
  };
}

function renewalRequest(input: ObligationInput, end: CivilDate): Item {
  const item = recorded(
    input,
    'PEC_RENEWAL_REQUEST',
    'Demande de renouvellement au prescripteur',
    'L5134-23',
    addMonths(end, -2),
  );
  return {
    ...item,
    window: { from: addMonths(end, -3), to: addMonths(end, -2) },
    remark: item.record
      ? null
      : 'À décider avec le prescripteur avant la fin : le renouvellement n’est pas automatique.',
  };
}

/** PEC exit interview: before the end, in practice 3 to 1 month before it. */
function exitInterview(input: ObligationInput, end: CivilDate): Item {
  const window = { from: addMonths(end, -3), to: addMonths(end, -1) };
  const item = recorded(
    input,
    'PEC_EXIT_INTERVIEW',
    'Entretien de sortie, avec ses conclusions',
    'Circulaire DGEFP 2018-11',
    window.to,
  );
  const held = item.record?.doneOn;
  const outside = held !== undefined && (held < window.from || held > window.to);
  return {
    ...item,
    window,
    remark: outside
      ? `Tenu le ${formatDate(held)}, hors de la fenêtre du ${formatDate(window.from)} au ${formatDate(window.to)}.`
      : null,
  };
}

function adulteRelaisObligations(input: ObligationInput): Item[] {
  const { contract } = input;
  if (contract.type !== 'ADULTE_RELAIS') return [];
  const post = recorded(
    input,
    'AR_POST',
    'Convention État et numéro de poste',
    'L5134-101',
    contract.start,
  );
  const items: Item[] = [
    {
      ...post,
      done: post.done && contract.conventionNumber !== null,
      remark:
        contract.conventionNumber === null
          ? 'Le numéro de convention manque sur le contrat.'
          : `Convention n° ${contract.conventionNumber}.`,
    },
  ];
  if (contract.conventionEnd === null) return items;
  const due = addMonths(contract.conventionEnd, -AR_CONVENTION_WARNING_MONTHS);
  const item = recorded(
    input,
    'AR_CONVENTION_END',
    `Suite de la convention État, qui se termine le ${formatDate(contract.conventionEnd)}`,
    'L5134-101',
    due,
  );
  const outcome = item.record?.outcome ?? null;
  // A decision taken for an earlier end (before the convention was renewed) does not answer this one.
  const current =
    item.record !== null && item.record !== undefined && item.record.doneOn >= addMonths(due, -6);
  const renewedOnce = conventionRenewedOnce(contract);
  items.push({
    ...item,
    window: { from: due, to: contract.conventionEnd },
    done: current && (outcome === 'renouvelee' || outcome === 'fin_acceptee'),
    remark: renewedOnce
      ? 'Convention déjà renouvelée une fois : elle ne peut plus l’être (3 ans, renouvelable une fois).'
      : current && outcome === 'renouvellement_demande'
        ? `Renouvellement demandé le ${formatDate(item.record?.doneOn as string)} : décision attendue.`
        : null,
  });
  return items;
}

/** A convention of more than 3 years has been renewed (3 years, renewable once). */
export function conventionRenewedOnce(contract: {
  conventionStart: CivilDate | null;
  conventionEnd: CivilDate | null;
}): boolean {
  if (!contract.conventionStart || !contract.conventionEnd) return false;
  return contract.conventionEnd > addMonths(contract.conventionStart, AR_CONVENTION_MONTHS);
}

function proObligations(input: ObligationInput): Item[] {
  const { contract, today } = input;
  if (contract.type !== 'PRO') return [];
  const opco = recorded(
    input,
    'PRO_OPCO',
    'OPCO et organisme de formation',
    'L6325-13',
    contract.start,
  );
  const filingDue = addDays(contract.start, PRO_FILING_DAYS);
  const filing = recorded(
    input,
    'PRO_FILING',
    'Contrat transmis à l’OPCO dans les 5 jours, et sa décision',
    'D6325-2',
    filingDue,
  );
  const filed = filing.record ?? null;
  const silenceEnds = filed ? addDays(filed.doneOn, OPCO_DECISION_DAYS) : null;
  const decision = filed?.outcome ?? null;
  const acceptedBySilence =
    decision === 'en_attente' && silenceEnds !== null && silenceEnds < today;
  const remarks = [
    filed && filed.doneOn > filingDue
      ? `Transmis le ${formatDate(filed.doneOn)}, après le délai de 5 jours.`
      : null,
    decision === 'refusee' ? 'Prise en charge refusée par l’OPCO.' : null,
    decision === 'en_attente' && !acceptedBySilence && silenceEnds
      ? `Décision de l’OPCO attendue au plus tard le ${formatDate(silenceEnds)} (son silence vaut accord).`
      : null,
    acceptedBySilence
      ? 'Sans réponse de l’OPCO en 20 jours : prise en charge réputée accordée.'
      : null,
  ].filter((text): text is string => text !== null);
  const contracted = contract.trainingHours ?? 0;
  const attended = input.trainingHoursAttended;
  const tutees = input.tutorProTutees;
  return [
    opco,
    {
      ...filing,
      due: filed && decision === 'en_attente' && silenceEnds ? silenceEnds : filingDue,
      done: decision === 'accordee' || acceptedBySilence,
      remark: remarks.join(' ') || null,
    },
    {
      code: 'PRO_TRAINING_HOURS',
      title: 'Heures de formation suivies, au regard de celles du contrat',
      basis: 'L6325-13',
      due: contract.end,
      window: null,
      fulfilment: 'fact',
      progress: contracted
        ? `${attended > 0 ? formatHours(attended) : '0 h'} sur ${formatHours(contracted)}`
        : null,
      remark: contracted ? null : 'Le contrat n’indique pas ses heures de formation.',
      done: contracted > 0 && attended >= contracted,
    },
    {
      code: 'PRO_TUTOR',
      title: `Tuteur désigné, qui suit ${PRO_TUTOR_MAX_TUTEES} salariés au plus`,
      basis: 'D6325-6, D6325-9',
      due: contract.start,
      window: null,
      fulfilment: 'fact',
      progress: contract.tutorId
        ? `${tutees} salarié${tutees > 1 ? 's' : ''} suivi${tutees > 1 ? 's' : ''}`
        : null,
      remark: !contract.tutorId
        ? 'Aucun tuteur n’est nommé sur le contrat.'
        : tutees > PRO_TUTOR_MAX_TUTEES
          ? `Le tuteur suit ${tutees} salariés en contrat de professionnalisation : ${PRO_TUTOR_MAX_TUTEES} au plus.`
          : null,
      done: contract.tutorId !== null && tutees <= PRO_TUTOR_MAX_TUTEES,
    },
  ];
}

function franceServicesObligations(input: ObligationInput): Item[] {
  const { contract, today, modulesDone } = input;
  const items: Item[] = [];
  if (input.franceServices) {
    const initial = FS_INITIAL_MODULES.map((code) => modulesDone.get(code));
    const initialDone = initial.every((on) => on !== undefined)
      ? ((initial as CivilDate[]).sort().at(-1) ?? null)
      : null;
    const last = modulesDone.get(FS_CONTINUING_MODULE) ?? null;
    const from = [initialDone ?? contract.start, last].filter((d): d is CivilDate => d !== null);
    const due = addMonths(from.sort().at(-1) as CivilDate, 12);
    items.push({
      code: 'FS_CONTINUING_TRAINING',
      title: 'Formation continue France Services (chaque année)',
      basis: 'Charte France Services',
      due,
      window: null,
      fulfilment: 'fact',
      progress: last ? `Dernière session validée le ${formatDate(last)}` : null,
      remark: initialDone
        ? null
        : 'La formation initiale France Services n’est pas encore validée.',
      // Done for the year after a validated session; due again a year later.
      done: last !== null && daysBetween(last, today) < 365 && due >= today,
    });
  }
  const habilitated = input.aidantsConnectSince;
  if (habilitated !== null) {
    const trained = modulesDone.get(AIDANTS_CONNECT_MODULE) ?? null;
    items.push({
      code: 'FS_AIDANTS_CONNECT',
      title: 'Formation Aidants Connect avant d’utiliser le service',
      basis: 'Conditions d’habilitation Aidants Connect',
      due: habilitated,
      window: null,
      fulfilment: 'fact',
      progress: trained ? `Formation validée le ${formatDate(trained)}` : null,
      remark:
        trained === null
          ? 'Habilitation enregistrée sans la formation : à suivre avant tout usage.'
          : trained > habilitated
            ? `Habilitation enregistrée le ${formatDate(habilitated)}, avant la formation.`
            : null,
      done: trained !== null,
    });
  }
  return items;
}
