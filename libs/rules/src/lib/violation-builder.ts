import { Severity, severityRank, Violation } from '@relais/api-types';
import { RULE_CATALOGUE, RuleCode } from './rule-catalogue';

/** Builds a violation with the catalogue's severity and legal reference unless overridden. */
export function makeViolation(
  rule: RuleCode,
  message: string,
  options: {
    personId?: string;
    shiftIds?: readonly string[];
    severity?: Severity;
    legalRef?: string;
  } = {},
): Violation {
  const definition: { severity: Severity; legalRef?: string } = RULE_CATALOGUE[rule];
  const v: Violation = {
    rule,
    severity: options.severity ?? definition.severity,
    shiftIds: sortedUnique(options.shiftIds ?? []),
    message,
  };
  if (options.personId !== undefined) v.personId = options.personId;
  const legalRef = options.legalRef ?? definition.legalRef;
  if (legalRef !== undefined) v.legalRef = legalRef;
  return v;
}

/** Distinct ids in code-unit order: `[...new Set(ids)].sort()`, without the set for strings. */
function sortedUnique(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  if (ids.length === 1 && typeof ids[0] === 'string') return [ids[0]];
  for (const id of ids) if (typeof id !== 'string') return [...new Set(ids)].sort();
  // Sorted strings have their duplicates side by side. A short list is sorted by insertion
  // (stable, by code units like the default sort of strings).
  const sorted = [...ids];
  if (sorted.length <= 16) {
    for (let i = 1; i < sorted.length; i++) {
      const id = sorted[i];
      let j = i - 1;
      for (; j >= 0 && sorted[j] > id; j--) sorted[j + 1] = sorted[j];
      sorted[j + 1] = id;
    }
  } else {
    sorted.sort();
  }
  let n = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  sorted.length = n;
  return sorted;
}

function violationKey(v: Violation): string {
  return `${v.rule}|${v.personId ?? ''}|${v.shiftIds.join(',')}|${v.message}`;
}

/** Length of {@link violationKey} without building it. */
function keyLength(v: Violation): number {
  let ids = v.shiftIds.length > 0 ? v.shiftIds.length - 1 : 0;
  for (const id of v.shiftIds) {
    ids +=
      typeof id === 'string' ? id.length : id === undefined || id === null ? 0 : String(id).length;
  }
  return (
    String(v.rule).length + String(v.personId ?? '').length + ids + String(v.message).length + 3
  );
}

/**
 * Merges violation lists, dropping duplicates (the person check and the site check both report
 * SKILL_REQUIRED), most serious first.
 */
export function mergeViolations(...lists: readonly (readonly Violation[])[]): Violation[] {
  // Equal keys have equal lengths: a key is built only when another kept violation's key has the
  // same length (most have none, and the messages are long).
  const keptByLength = new Map<number, { v: Violation; key?: string }[]>();
  const out: Violation[] = [];
  for (const list of lists) {
    for (const v of list) {
      const length = keyLength(v);
      const kept = keptByLength.get(length);
      if (kept === undefined) {
        keptByLength.set(length, [{ v }]);
        out.push(v);
        continue;
      }
      const key = violationKey(v);
      if (kept.some((k) => (k.key ??= violationKey(k.v)) === key)) continue;
      kept.push({ v, key });
      out.push(v);
    }
  }
  return out.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
