import { Violation } from '@relais/api-types';
import { ContractCheckInput, ContractDraft } from './contract-input';
import { checkContract, contractLimits } from './contract-rules';
import { RuleCode } from './rule-catalogue';

function draft(extra: Partial<ContractDraft>): ContractDraft {
  return {
    id: 'new',
    type: 'CDD',
    start: '2026-01-01',
    end: '2026-06-30',
    weeklyHours: 35,
    ...extra,
  };
}

function check(contract: ContractDraft, extra: Partial<ContractCheckInput> = {}): Violation[] {
  return checkContract({ contract, previousContracts: [], person: { id: 'p1' }, ...extra });
}

function codes(v: Violation[], rule: RuleCode): number {
  return v.filter((x) => x.rule === rule).length;
}

describe('CDD_MAX_DURATION and CDD_MAX_RENEWALS', () => {
  const first = draft({ id: 'c1', start: '2026-01-01', end: '2026-03-31' });
  const second = draft({ id: 'c2', start: '2026-04-01', end: '2026-06-30', renewalOf: 'c1' });
  const third = draft({ id: 'c3', start: '2026-07-01', end: '2026-09-30', renewalOf: 'c2' });
  it.each<[string, ContractDraft, ContractDraft[], RuleCode, number]>([
    ['18 months exactly', draft({ end: '2027-06-30' }), [], 'CDD_MAX_DURATION', 0],
    ['18 months and a day', draft({ end: '2027-07-01' }), [], 'CDD_MAX_DURATION', 1],
    [
      'a renewal past 18 months from the first start',
      draft({ start: '2026-04-01', end: '2027-07-01', renewalOf: 'c1' }),
      [first],
      'CDD_MAX_DURATION',
      1,
    ],
    ['a CDD without an end date', draft({ end: null }), [], 'CDD_MAX_DURATION', 1],
    [
      'a replacement CDD without a precise term, with its minimum duration (L1242-7)',
      draft({ end: null, reason: 'replacement', minimumEnd: '2026-03-31' }),
      [],
      'CDD_MAX_DURATION',
      0,
    ],
    [
      'a replacement CDD without a precise term ended 3 years later: no maximum duration',
      draft({ end: '2029-01-01', reason: 'replacement', minimumEnd: '2026-03-31' }),
      [],
      'CDD_MAX_DURATION',
      0,
    ],
    [
      'a replacement CDD without an end nor a minimum duration',
      draft({ end: null, reason: 'replacement' }),
      [],
      'CDD_MAX_DURATION',
      1,
    ],
    [
      'a CDD for a temporary increase cannot lack a precise term',
      draft({ end: null, reason: 'temporary_increase', minimumEnd: '2026-03-31' }),
      [],
      'CDD_MAX_DURATION',
      1,
    ],
    [
      '2 renewals',
      draft({ start: '2026-07-01', end: '2026-09-30', renewalOf: 'c2' }),
      [first, second],
      'CDD_MAX_RENEWALS',
      0,
    ],
    [
      '3 renewals',
      draft({ start: '2026-10-01', end: '2026-12-31', renewalOf: 'c3' }),
      [first, second, third],
      'CDD_MAX_RENEWALS',
      1,
    ],
  ])('%s', (_, contract, previousContracts, rule, count) => {
    expect(codes(check(contract, { previousContracts }), rule)).toBe(count);
  });
});

describe('CDD_WAITING_PERIOD', () => {
  // 12 days → ½ = 6 opening days (Mon–Fri): 16, 17, 18, 19, 20, 23 March → from Tuesday 24.
  const short = draft({ id: 'old', start: '2026-03-02', end: '2026-03-13', postId: 'P1' });
  // 30 days → ⅓ = 10 opening days, 14 July closed → from Thursday 16 July.
  const month = draft({ id: 'old', start: '2026-06-01', end: '2026-06-30', postId: 'P1' });
  // 14 days exactly → ⅓ = ⌈4.67⌉ = 5 opening days: 16 to 20 March → from Saturday 21.
  const fortnight = draft({ id: 'old', start: '2026-03-02', end: '2026-03-15', postId: 'P1' });
  // 13 days → ½ = ⌈6.5⌉ = 7 opening days: 16–20, 23, 24 March → from Wednesday 25.
  const thirteen = draft({ id: 'old', start: '2026-03-02', end: '2026-03-14', postId: 'P1' });
  // 1 May to 31 May, renewed 1–30 June (61 days) → ⌈20.33⌉ = 21 opening days after 30 June,
  // 14 July closed: 1–3, 6–10, 13, 15–17, 20–24, 27–30 July → from Friday 31 July.
  const renewedFirst = draft({ id: 'r1', start: '2026-05-01', end: '2026-05-31', postId: 'P1' });
  const renewed = draft({ ...month, id: 'r2', start: '2026-06-01', renewalOf: 'r1' });
  const held = (extra: Partial<ContractDraft>): ContractDraft =>
    draft({ start: '2026-03-16', end: '2026-12-31', postId: 'P1', ...extra });
  const replacing = (who: string, extra: Partial<ContractDraft> = {}): ContractDraft =>
    held({ reason: 'replacement', replacedPersonId: who, ...extra });
  it.each<
    [string, ContractDraft, ContractDraft[], Partial<ContractCheckInput['settings']>, number]
  >([
    ['after 6 opening days', held({ start: '2026-03-24' }), [short], {}, 0],
    ['one opening day short', held({ start: '2026-03-23' }), [short], {}, 1],
    ['14 days: a third, 5 opening days', held({ start: '2026-03-21' }), [fortnight], {}, 0],
    ['14 days: the day before', held({ start: '2026-03-20' }), [fortnight], {}, 1],
    ['13 days: a half, 7 opening days', held({ start: '2026-03-25' }), [thirteen], {}, 0],
    ['13 days: the day before', held({ start: '2026-03-24' }), [thirteen], {}, 1],
    ['a third of 30 days, 14 July excluded', held({ start: '2026-07-16' }), [month], {}, 0],
    ['the day before', held({ start: '2026-07-15' }), [month], {}, 1],
    [
      'renewals included: 61 days, the day it ends',
      held({ start: '2026-07-31' }),
      [renewedFirst, renewed],
      {},
      0,
    ],
    [
      'renewals included: the day before',
      held({ start: '2026-07-30' }),
      [renewedFirst, renewed],
      {},
      1,
    ],
    [
      'counted in the establishment’s opening days (Tuesday to Saturday)',
      held({ start: '2026-03-22' }),
      [short],
      { openingWeekdays: [2, 3, 4, 5, 6] },
      0,
    ],
    [
      'Tuesday to Saturday: one opening day short',
      held({ start: '2026-03-21' }),
      [short],
      { openingWeekdays: [2, 3, 4, 5, 6] },
      1,
    ],
    ['another post', held({ postId: 'P2' }), [short], {}, 0],
    ['no post recorded', held({ postId: null }), [short], {}, 0],
    [
      'the post held by someone else: the carence attaches to the post (L1244-3)',
      held({}),
      [{ ...short, id: 'other-holder' }],
      {},
      1,
    ],
    ['a renewal of the same contract', held({ renewalOf: 'old' }), [short], {}, 0],
    [
      'a replacement CDD after a CDD for a temporary increase',
      replacing('absent-1'),
      [short],
      {},
      1,
    ],
    [
      'a new absence of the same replaced employee (L1244-4-1 1°)',
      replacing('absent-1'),
      [{ ...short, reason: 'replacement', replacedPersonId: 'absent-1' }],
      {},
      0,
    ],
    [
      'the replacement of another absent employee',
      replacing('absent-2'),
      [{ ...short, reason: 'replacement', replacedPersonId: 'absent-1' }],
      {},
      1,
    ],
    [
      'a CDD for a temporary increase after a replacement',
      held({ reason: 'temporary_increase' }),
      [{ ...short, reason: 'replacement', replacedPersonId: 'absent-1' }],
      {},
      1,
    ],
    [
      'after a refused renewal (L1244-4-1 7°)',
      held({}),
      [{ ...short, hasRenewalRefused: true }],
      {},
      0,
    ],
    [
      'after an early break by the employee hired on a CDI (L1244-4-1 6°)',
      held({}),
      [{ ...short, endReason: 'permanent_job_elsewhere' }],
      {},
      0,
    ],
    [
      'after an early break by common agreement',
      held({}),
      [{ ...short, endReason: 'mutual_agreement' }],
      {},
      1,
    ],
    [
      'only the last contract on the post counts',
      held({ start: '2026-07-16' }),
      [{ ...short, id: 'older' }, month],
      {},
      0,
    ],
    [
      'an aided contract (L1242-3) before it does not count',
      held({}),
      [{ ...short, type: 'PEC' }],
      {},
      0,
    ],
  ])('%s', (_, contract, previousContracts, settings, count) => {
    const v = check(contract, { previousContracts, settings });
    expect(codes(v, 'CDD_WAITING_PERIOD')).toBe(count);
    expect(
      v.filter((x) => x.rule === 'CDD_WAITING_PERIOD').every((x) => x.severity === 'warn'),
    ).toBe(true);
  });

  it('names the articles and the first possible day in French', () => {
    const [v] = check(held({ start: '2026-07-15' }), { previousContracts: [month] }).filter(
      (x) => x.rule === 'CDD_WAITING_PERIOD',
    );
    expect(v.message).toContain('L1244-3');
    expect(v.message).toContain('L1244-3-1');
    expect(v.message).toContain('L1244-4-1');
    expect(v.message).toContain('16/07/2026');
  });

  it('shows the exemption beside the form', () => {
    const limits = contractLimits({
      contract: held({}),
      previousContracts: [{ ...short, hasRenewalRefused: true }],
      person: { id: 'p1' },
    });
    expect(limits.find((l) => l.rule === 'CDD_WAITING_PERIOD')).toMatchObject({
      status: 'pass',
      label: expect.stringContaining('renouvellement refusé'),
    });
  });
});

describe('PEC_DURATION, PEC_HOURS, TUTOR_REQUIRED', () => {
  const pec = (extra: Partial<ContractDraft>): ContractDraft =>
    draft({
      type: 'PEC',
      start: '2025-03-15',
      end: '2026-03-14',
      weeklyHours: 26,
      tutorId: 't1',
      ...extra,
    });
  const initial = pec({ id: 'pec1' });
  it.each<[string, ContractDraft, Partial<ContractCheckInput>, RuleCode, number]>([
    ['initial term of 6 months', pec({ end: '2025-09-14' }), {}, 'PEC_DURATION', 0],
    ['initial term one day short', pec({ end: '2025-09-13' }), {}, 'PEC_DURATION', 1],
    [
      'renewed to 24 months',
      pec({ start: '2026-03-15', end: '2027-03-14', renewalOf: 'pec1' }),
      { previousContracts: [initial] },
      'PEC_DURATION',
      0,
    ],
    [
      'renewed past 24 months',
      pec({ start: '2026-03-15', end: '2027-03-15', renewalOf: 'pec1' }),
      { previousContracts: [initial] },
      'PEC_DURATION',
      1,
    ],
    [
      '60 months for a person over 50 with difficulties',
      pec({ start: '2026-03-15', end: '2028-03-14', renewalOf: 'pec1' }),
      { previousContracts: [initial], person: { id: 'p1', isOver50WithDifficulties: true } },
      'PEC_DURATION',
      0,
    ],
    [
      'prolonged to finish a training action, up to its last day',
      pec({
        start: '2026-03-15',
        end: '2027-06-30',
        renewalOf: 'pec1',
        trainingExtensionEnd: '2027-06-30',
      }),
      { previousContracts: [initial] },
      'PEC_DURATION',
      0,
    ],
    [
      'prolonged one day past the training action',
      pec({
        start: '2026-03-15',
        end: '2027-07-01',
        renewalOf: 'pec1',
        trainingExtensionEnd: '2027-06-30',
      }),
      { previousContracts: [initial] },
      'PEC_DURATION',
      1,
    ],
    [
      'an initial term of 3 months after a sentence adjustment',
      pec({ end: '2025-06-14', hasReducedInitialTerm: true }),
      {},
      'PEC_DURATION',
      0,
    ],
    [
      'an initial term one day short of 3 months after a sentence adjustment',
      pec({ end: '2025-06-13', hasReducedInitialTerm: true }),
      {},
      'PEC_DURATION',
      1,
    ],
    [
      'an initial term of 3 months without the derogation',
      pec({ end: '2025-06-14' }),
      {},
      'PEC_DURATION',
      1,
    ],
    ['20 h a week', pec({ weeklyHours: 20 }), {}, 'PEC_HOURS', 0],
    ['19 h 30 a week', pec({ weeklyHours: 19.5 }), {}, 'PEC_HOURS', 1],
    ['no tutor', pec({ tutorId: null }), {}, 'TUTOR_REQUIRED', 1],
    ['a tutor following 2 others', pec({}), { tutorLoad: 2 }, 'TUTOR_REQUIRED', 0],
    ['a tutor already following 3', pec({}), { tutorLoad: 3 }, 'TUTOR_REQUIRED', 1],
    [
      'a contrat pro without a tutor',
      draft({ type: 'PRO', start: '2025-09-15', end: '2026-09-14', trainingHours: 300 }),
      {},
      'TUTOR_REQUIRED',
      1,
    ],
    [
      'a contrat pro whose tutor follows 2 others (D6325-9)',
      draft({ type: 'PRO', start: '2025-09-15', end: '2026-09-14', tutorId: 't1' }),
      { tutorLoad: 2 },
      'TUTOR_REQUIRED',
      0,
    ],
    [
      'a contrat pro whose tutor already follows 3 (D6325-9)',
      draft({ type: 'PRO', start: '2025-09-15', end: '2026-09-14', tutorId: 't1' }),
      { tutorLoad: 3 },
      'TUTOR_REQUIRED',
      1,
    ],
    ['an ordinary CDD needs no tutor', draft({}), {}, 'TUTOR_REQUIRED', 0],
  ])('%s', (_, contract, extra, rule, count) => {
    expect(codes(check(contract, extra), rule)).toBe(count);
  });

  it('shows the PEC limits in the form', () => {
    const limits = contractLimits({
      contract: pec({ start: '2026-03-15', end: '2027-03-14', renewalOf: 'pec1' }),
      previousContracts: [initial],
      person: { id: 'p1' },
      tutorLoad: 1,
    });
    expect(limits.map((l) => [l.label, l.status])).toEqual([
      ['PEC : fin max 14/03/2027', 'pass'],
      ['Heures hebdomadaires : 26 h (min 20 h)', 'pass'],
      ['Tuteur : 2 salarié(s) en CUI suivi(s) sur 3', 'pass'],
    ]);
  });
});

describe('ADULTE_RELAIS', () => {
  const ar = (extra: Partial<ContractDraft>): ContractDraft =>
    draft({
      type: 'ADULTE_RELAIS',
      start: '2026-06-01',
      end: '2029-05-31',
      conventionEnd: '2029-12-31',
      ...extra,
    });
  const person = {
    id: 'p1',
    birthDate: '2000-06-01',
    isOutOfWorkAtHiring: true,
    qpvName: 'Porte de Vanves',
    qpvCheckedOn: '2026-05-20',
  };
  it.each<[string, ContractDraft, Partial<ContractCheckInput>, number]>([
    ['26 on the hiring day, 3 years, within the convention', ar({}), { person }, 0],
    [
      '25 the day before the birthday',
      ar({ start: '2026-05-31', end: '2029-05-30' }),
      { person },
      1,
    ],
    ['no birth date', ar({}), { person: { ...person, birthDate: null } }, 1],
    [
      'in work at hiring (L5134-102)',
      ar({}),
      { person: { ...person, isOutOfWorkAtHiring: false } },
      1,
    ],
    ['out of work not checked', ar({}), { person: { ...person, isOutOfWorkAtHiring: null } }, 1],
    [
      'QPV residence not checked',
      ar({}),
      { person: { ...person, qpvName: null, qpvCheckedOn: null } },
      1,
    ],
    [
      'outside a QPV with the prefect’s exception',
      ar({}),
      {
        person: {
          ...person,
          qpvName: null,
          qpvCheckedOn: null,
          prefectException: 'Arrêté du 3 mars 2026',
        },
      },
      0,
    ],
    [
      'a renewal does not check the hiring facts again',
      ar({
        id: 'ar2',
        start: '2029-06-01',
        end: '2032-05-31',
        renewalOf: 'ar1',
        conventionEnd: '2032-12-31',
      }),
      { person: { id: 'p1', birthDate: '2000-06-01' }, previousContracts: [ar({ id: 'ar1' })] },
      0,
    ],
    ['3 years and a day', ar({ end: '2029-06-01' }), { person }, 1],
    ['ends after the State convention', ar({ conventionEnd: '2029-05-30' }), { person }, 1],
    ['a CDI adulte-relais (L5134-103)', ar({ end: null }), { person }, 0],
    [
      'a CDI adulte-relais without its convention',
      ar({ end: null, conventionEnd: null }),
      { person },
      1,
    ],
    ['a CDI adulte-relais hired at 25', ar({ start: '2026-05-31', end: null }), { person }, 1],
    [
      'a second renewal',
      ar({
        id: 'ar3',
        start: '2032-06-01',
        end: '2035-05-31',
        renewalOf: 'ar2',
        conventionEnd: '2036-01-01',
      }),
      {
        person,
        previousContracts: [
          ar({ id: 'ar1' }),
          ar({ id: 'ar2', start: '2029-06-01', end: '2032-05-31', renewalOf: 'ar1' }),
        ],
      },
      1,
    ],
  ])('%s', (_, contract, extra, count) => {
    expect(codes(check(contract, extra), 'ADULTE_RELAIS')).toBe(count);
  });
});

describe('contractLimits of the forms the law allows', () => {
  it('tells a CDD without a precise term its minimum and its end at the return', () => {
    const limits = contractLimits({
      contract: draft({ end: null, reason: 'replacement', minimumEnd: '2026-03-31' }),
      previousContracts: [],
      person: { id: 'p1' },
    });
    expect(limits.map((limit) => [limit.rule, limit.label, limit.status])).toContainEqual([
      'CDD_MAX_DURATION',
      'CDD sans terme précis : au moins jusqu’au 31/03/2026, puis jusqu’au retour de la personne remplacée (L1242-7)',
      'pass',
    ]);
  });
});

describe('PRO_CONTRACT', () => {
  // 12 months at 35 h = 1 825 h: training between 274 h (15 %) and 456 h (25 %).
  const pro = (extra: Partial<ContractDraft>): ContractDraft =>
    draft({
      type: 'PRO',
      start: '2025-09-15',
      end: '2026-09-14',
      tutorId: 't1',
      trainingHours: 300,
      ...extra,
    });
  it.each<[string, ContractDraft, Partial<ContractCheckInput>, number]>([
    ['12 months with 300 h of training', pro({}), {}, 0],
    ['273 h of training', pro({ trainingHours: 273 }), {}, 1],
    ['457 h of training', pro({ trainingHours: 457 }), {}, 1],
    [
      '150 h minimum on a short part-time contract',
      pro({ end: '2026-03-14', weeklyHours: 20, trainingHours: 149 }),
      {},
      1,
    ],
    ['13 months', pro({ end: '2026-10-14', trainingHours: 350 }), {}, 1],
    [
      '13 months with an agreement up to 24',
      pro({ end: '2026-10-14', trainingHours: 350 }),
      { settings: { proMaxMonths: 24 } },
      0,
    ],
    ['5 months', pro({ end: '2026-02-14', trainingHours: 150 }), {}, 1],
  ])('%s', (_, contract, extra, count) => {
    expect(codes(check(contract, extra), 'PRO_CONTRACT')).toBe(count);
  });
});

describe('CDDI', () => {
  const cddi = (extra: Partial<ContractDraft>): ContractDraft =>
    draft({
      type: 'CDDI',
      start: '2026-01-05',
      end: '2026-05-04',
      weeklyHours: 26,
      passIaeStart: '2025-12-01',
      passIaeEnd: '2027-11-30',
      eligibilityDiagnosisOn: '2025-11-15',
      ...extra,
    });
  const siae = { settings: { isConventionneSiae: true } };
  it.each<[string, ContractDraft, Partial<ContractCheckInput>, number]>([
    ['refused outside a conventionné SIAE', cddi({}), {}, 1],
    ['4 months, 26 h, PASS IAE and diagnosis', cddi({}), siae, 0],
    ['4 months minus a day', cddi({ end: '2026-05-03' }), siae, 1],
    ['19 h a week', cddi({ weeklyHours: 19 }), siae, 1],
    ['PASS IAE ending before the contract', cddi({ passIaeEnd: '2026-04-30' }), siae, 1],
    ['diagnosis older than 6 months', cddi({ eligibilityDiagnosisOn: '2025-07-05' }), siae, 1],
  ])('%s', (_, contract, extra, count) => {
    expect(codes(check(contract, extra), 'CDDI')).toBe(count);
  });

  it('explains why the type is refused', () => {
    expect(check(cddi({})).find((v) => v.rule === 'CDDI')?.message).toBe(
      'Le CDDI est réservé aux structures d’insertion conventionnées (SIAE) ; l’organisation ne l’est pas.',
    );
  });
});

describe('PART_TIME_FLOOR', () => {
  it.each<[string, ContractDraft, Partial<ContractCheckInput>, number]>([
    ['24 h', draft({ weeklyHours: 24 }), {}, 0],
    ['23 h 30 without derogation', draft({ weeklyHours: 23.5 }), {}, 1],
    [
      'a written request with its date',
      draft({
        weeklyHours: 18,
        partTimeDerogation: 'employee_request',
        derogationRequestedOn: '2025-12-15',
      }),
      {},
      0,
    ],
    [
      'a written request without a date',
      draft({ weeklyHours: 18, partTimeDerogation: 'employee_request' }),
      {},
      1,
    ],
    [
      'a CDD of 7 days',
      draft({ end: '2026-01-07', weeklyHours: 10, partTimeDerogation: 'short_cdd' }),
      {},
      0,
    ],
    [
      'a CDD of 8 days',
      draft({ end: '2026-01-08', weeklyHours: 10, partTimeDerogation: 'short_cdd' }),
      {},
      1,
    ],
    [
      'a student aged 26',
      draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' }),
      { person: { id: 'p1', birthDate: '1999-12-31', isStudent: true } },
      1,
    ],
    [
      'a student turning 26 on the first day',
      draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' }),
      { person: { id: 'p1', birthDate: '2000-01-01', isStudent: true } },
      1,
    ],
    [
      'a student turning 26 the day after the first day',
      draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' }),
      { person: { id: 'p1', birthDate: '2000-01-02', isStudent: true } },
      0,
    ],
    [
      'a student whose birth date is not recorded',
      draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' }),
      { person: { id: 'p1', isStudent: true } },
      1,
    ],
    [
      'aged 25 with no studies recorded',
      draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' }),
      { person: { id: 'p1', birthDate: '2000-01-02', isStudent: null } },
      1,
    ],
    [
      'a PEC at 20 h has its own floor',
      draft({ type: 'PEC', end: '2026-12-31', weeklyHours: 20, tutorId: 't' }),
      {},
      0,
    ],
  ])('%s', (_, contract, extra, count) => {
    expect(codes(check(contract, extra), 'PART_TIME_FLOOR')).toBe(count);
  });

  it('says why a student derogation does not hold', () => {
    const student = draft({ weeklyHours: 15, partTimeDerogation: 'student_under_26' });
    const messages = (person: ContractCheckInput['person']): (string | undefined)[] =>
      check(student, { person })
        .filter((v) => v.rule === 'PART_TIME_FLOOR')
        .map((v) => v.message);
    expect(messages({ id: 'p1', birthDate: '1999-12-31', isStudent: true })).toEqual([
      'Temps partiel de 15 h sous le minimum de 24 h : la personne a 26 ans au début du contrat (moins de 26 ans requis).',
    ]);
    expect(messages({ id: 'p1', birthDate: '2000-01-02' })).toEqual([
      'Temps partiel de 15 h sous le minimum de 24 h : la poursuite d’études de la personne doit être enregistrée.',
    ]);
  });
});

describe('CONTRACT_ENDING', () => {
  it.each<[string, string, string[]]>([
    ['91 days before', '2026-04-01', []],
    [
      '90 days before',
      '2026-04-02',
      ['Le contrat se termine le 01/07/2026, dans 90 jours (alerte à 90 jours).'],
    ],
    [
      '45 days before',
      '2026-05-17',
      ['Le contrat se termine le 01/07/2026, dans 45 jours (alerte à 60 jours).'],
    ],
    [
      '30 days before',
      '2026-06-01',
      ['Le contrat se termine le 01/07/2026, dans 30 jours (alerte à 30 jours).'],
    ],
    ['after the end', '2026-07-02', []],
  ])('%s', (_, today, messages) => {
    const v = check(draft({ end: '2026-07-01' }), { today }).filter(
      (x) => x.rule === 'CONTRACT_ENDING',
    );
    expect(v.map((x) => x.message)).toEqual(messages);
    expect(v.every((x) => x.severity === 'info')).toBe(true);
  });
});

describe('contractLimits', () => {
  it('lists the CDD limits as the user types', () => {
    const limits = contractLimits({
      contract: draft({ id: 'c2', start: '2026-07-01', end: '2026-12-31', renewalOf: 'c1' }),
      previousContracts: [draft({ id: 'c1' })],
      person: { id: 'p1' },
    });
    expect(limits).toEqual([
      {
        rule: 'CDD_MAX_DURATION',
        label: 'CDD : fin max 30/06/2027',
        status: 'pass',
        severity: 'block',
      },
      {
        rule: 'CDD_MAX_RENEWALS',
        label: 'Renouvellements : 1 sur 2',
        status: 'pass',
        severity: 'block',
      },
    ]);
  });

  it('fails an end before the start', () => {
    expect(check(draft({ end: '2025-12-31' })).map((v) => v.message)).toEqual([
      'La date de fin précède la date de début.',
    ]);
  });
});
