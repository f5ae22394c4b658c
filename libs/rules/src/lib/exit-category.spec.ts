import type { ExitCategory, ExitOutcome } from '@relais/api-types';
import {
  contractFamily,
  contractMonths,
  deriveExitCategory,
  exitRate,
  hasMinimumStay,
} from './exit-category';

describe('exit categories derived from what followed (sorties dynamiques)', () => {
  it.each<[string, ExitOutcome, number | null, ExitCategory, string | null]>([
    ['CDI', 'CDI', null, 'EMPLOI_DURABLE', 'PERMANENT'],
    ['titularisation', 'FONCTION_PUBLIQUE', null, 'EMPLOI_DURABLE', 'PERMANENT'],
    ['business creation', 'CREATION', null, 'EMPLOI_DURABLE', 'PERMANENT'],
    ['CDD of 12 months', 'CDD', 12, 'EMPLOI_DURABLE', 'SIX_MONTHS_OR_MORE'],
    [
      'CDD of exactly 6 months (DARES: 6 months or more)',
      'CDD',
      6,
      'EMPLOI_DURABLE',
      'SIX_MONTHS_OR_MORE',
    ],
    ['CDD of 4 months', 'CDD', 4, 'EMPLOI_TRANSITION', 'UNDER_SIX_MONTHS'],
    ['temp assignment of 5 months', 'INTERIM', 5, 'EMPLOI_TRANSITION', 'UNDER_SIX_MONTHS'],
    ['temp assignment of 8 months', 'INTERIM', 8, 'EMPLOI_DURABLE', 'SIX_MONTHS_OR_MORE'],
    [
      'aided contract of 12 months: still transition',
      'CONTRAT_AIDE',
      12,
      'EMPLOI_TRANSITION',
      'SIX_MONTHS_OR_MORE',
    ],
    ['aided contract, length unknown', 'CONTRAT_AIDE', null, 'EMPLOI_TRANSITION', null],
    ['qualifying training: no job length', 'FORMATION', null, 'SORTIE_POSITIVE', null],
    ['hired by an SIAE', 'SIAE', null, 'SORTIE_POSITIVE', null],
    ['neither job nor training', 'SANS_EMPLOI', null, 'AUTRE_SORTIE', null],
    ['neutralised', 'NEUTRALISEE', null, 'NEUTRALISEE', null],
  ])('%s', (_, outcome, months, category, bucket) => {
    expect(deriveExitCategory({ outcome, months })).toEqual({
      category,
      durationBucket: bucket,
      issue: null,
    });
  });

  it('asks the length of a CDD, and reads an earlier client’s bucket', () => {
    expect(deriveExitCategory({ outcome: 'CDD', months: null }).issue).toEqual({
      field: 'jobMonths',
      message: 'durée en mois obligatoire pour un CDD ou une mission d’intérim',
    });
    expect(
      deriveExitCategory({ outcome: 'CDD', months: null, bucket: 'UNDER_SIX_MONTHS' }).category,
    ).toBe('EMPLOI_TRANSITION');
  });

  it.each([
    ['1 March – 31 August', '2026-03-01', '2026-08-31', 6],
    ['1 March – 30 August', '2026-03-01', '2026-08-30', 5],
    ['four months', '2026-01-15', '2026-05-14', 4],
    ['no end', '2026-01-15', null, null],
  ])('counts the months of a contract: %s', (_, start, end, months) => {
    expect(contractMonths(start, end)).toBe(months);
  });

  it.each([
    ['PEC', 'AIDE'],
    ['ADULTE_RELAIS', 'AIDE'],
    ['CDDI', 'AIDE'],
    ['PRO', 'ALTERNANCE'],
    ['CDD', 'DROIT_COMMUN'],
    ['CDI', 'DROIT_COMMUN'],
  ] as const)('puts a %s in the family %s', (type, family) => {
    expect(contractFamily(type)).toBe(family);
  });

  it('counts a leaver from the minimum stay on, historical leavers without dates always', () => {
    expect(hasMinimumStay('2026-03-02', '2026-03-09', 30)).toBe(false);
    expect(hasMinimumStay('2026-03-02', '2026-03-31', 30)).toBe(true);
    expect(hasMinimumStay(null, '2026-03-09', 30)).toBe(true);
  });

  it('keeps missing exit records in the denominator and leavers under the minimum stay out', () => {
    // 2 durable, 1 other, 1 neutralised, 1 missing record, 1 too short:
    // 2 / (4 − 1 + 1) = 0.5.
    expect(
      exitRate([
        { category: 'EMPLOI_DURABLE', isTooShort: false },
        { category: 'EMPLOI_DURABLE', isTooShort: false },
        { category: 'AUTRE_SORTIE', isTooShort: false },
        { category: 'NEUTRALISEE', isTooShort: false },
        { category: null, isTooShort: false },
        { category: 'EMPLOI_TRANSITION', isTooShort: true },
      ]),
    ).toEqual({
      exits: 4,
      neutralised: 1,
      dynamic: 2,
      missing: 1,
      tooShort: 1,
      dynamicExitRate: 0.5,
    });
  });
});
