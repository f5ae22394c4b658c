import type {
  ContractFamily,
  ContractType,
  DurationBucket,
  ExitCategory,
  ExitOutcome,
  ExitRate,
} from '@relais/api-types';
import { addDays, addMonths, daysBetween, type CivilDate } from './zoned-time';

// The exit category is derived from what followed the contract, never typed (issue #21). The
// definitions are the IAE "sorties dynamiques" of the DGEFP (emploi durable, emploi de transition,
// sortie positive), as the domain brief §4.1 and the README state them with their sources.

/** Months from which a CDD or a temp assignment is lasting employment (DARES: "6 mois ou plus"). */
export const LASTING_JOB_MONTHS = 6;

/** The family a contract's leavers are measured in (aided contracts apart). */
export function contractFamily(type: ContractType): ContractFamily {
  if (type === 'PRO') return 'ALTERNANCE';
  if (type === 'CDD' || type === 'CDI') return 'DROIT_COMMUN';
  return 'AIDE';
}

export interface ExitFacts {
  outcome: ExitOutcome;
  /** Length of the job obtained, in whole months; null when unknown or without end. */
  months: number | null;
  /** An earlier client's bucket, read when the months are unknown. */
  bucket?: DurationBucket | null;
}

export type DerivedExit =
  | { category: ExitCategory; durationBucket: DurationBucket | null; issue: null }
  | { category: null; durationBucket: null; issue: { field: string; message: string } };

/**
 * The category of an exit from what followed:
 * - emploi durable: CDI, titularisation, business creation, CDD or temp assignment of 6 months or
 *   more;
 * - emploi de transition: CDD or temp assignment under 6 months, aided contract (whatever its
 *   length: an aided contract is a step, not lasting employment);
 * - sortie positive: entry into a qualifying or pre-qualifying course, hiring by an SIAE (no job
 *   length asked: there is none);
 * - autre sortie: neither job nor training; neutralisée: a neutralising event.
 */
export function deriveExitCategory(facts: ExitFacts): DerivedExit {
  const ok = (category: ExitCategory, durationBucket: DurationBucket | null): DerivedExit => ({
    category,
    durationBucket,
    issue: null,
  });
  const bucketOfMonths = (months: number | null): DurationBucket | null =>
    months === null
      ? null
      : months >= LASTING_JOB_MONTHS
        ? 'SIX_MONTHS_OR_MORE'
        : 'UNDER_SIX_MONTHS';
  switch (facts.outcome) {
    case 'CDI':
    case 'FONCTION_PUBLIQUE':
    case 'CREATION':
      return ok('EMPLOI_DURABLE', 'PERMANENT');
    case 'CDD':
    case 'INTERIM': {
      const bucket =
        bucketOfMonths(facts.months) ??
        (facts.bucket === 'PERMANENT' ? null : (facts.bucket ?? null));
      if (!bucket)
        return {
          category: null,
          durationBucket: null,
          issue: {
            field: 'jobMonths',
            message: 'durée en mois obligatoire pour un CDD ou une mission d’intérim',
          },
        };
      return ok(bucket === 'SIX_MONTHS_OR_MORE' ? 'EMPLOI_DURABLE' : 'EMPLOI_TRANSITION', bucket);
    }
    case 'CONTRAT_AIDE':
      return ok('EMPLOI_TRANSITION', bucketOfMonths(facts.months));
    case 'FORMATION':
    case 'SIAE':
      return ok('SORTIE_POSITIVE', null);
    case 'SANS_EMPLOI':
      return ok('AUTRE_SORTIE', null);
    case 'NEUTRALISEE':
      return ok('NEUTRALISEE', null);
  }
}

/**
 * Whole months of a contract from its first to its last day, both included (1 March – 31 August:
 * 6 months); null without an end.
 */
export function contractMonths(start: CivilDate, end: CivilDate | null): number | null {
  if (end === null) return null;
  const after = addDays(end, 1);
  let months = 0;
  while (months < 1200 && addMonths(start, months + 1) <= after) months += 1;
  return months;
}

/** Whether a leaver stayed long enough to count (the organisation's minimum stay, in days). */
export function hasMinimumStay(
  entry: CivilDate | null,
  exit: CivilDate,
  minimumStayDays: number,
): boolean {
  // Historical leavers imported without their dates count: nothing says they left too early.
  if (entry === null) return true;
  return daysBetween(entry, exit) + 1 >= minimumStayDays;
}

const DYNAMIC: readonly (ExitCategory | null)[] = [
  'EMPLOI_DURABLE',
  'EMPLOI_TRANSITION',
  'SORTIE_POSITIVE',
];

/**
 * Taux de sorties dynamiques = (durable + transition + positive) / (exits − neutralised +
 * missing). A `null` category is an ended contract with no exit record: it stays in the
 * denominator (as not dynamic) until recorded, so a missing record never improves the rate.
 * Leavers under the minimum stay are counted apart and nowhere else.
 */
export function exitRate(
  rows: readonly { category: ExitCategory | null; isTooShort: boolean }[],
): ExitRate {
  const counted = rows.filter((row) => !row.isTooShort);
  const missing = counted.filter((row) => row.category === null).length;
  const exits = counted.length - missing;
  const neutralised = counted.filter((row) => row.category === 'NEUTRALISEE').length;
  const dynamic = counted.filter((row) => DYNAMIC.includes(row.category)).length;
  const denominator = exits - neutralised + missing;
  return {
    exits,
    neutralised,
    dynamic,
    missing,
    tooShort: rows.length - counted.length,
    dynamicExitRate: denominator === 0 ? null : Math.round((dynamic / denominator) * 10000) / 10000,
  };
}
