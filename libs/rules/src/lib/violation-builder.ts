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
    shiftIds: [...new Set(options.shiftIds ?? [])].sort(),
    message,
  };
  if (options.personId !== undefined) v.personId = options.personId;
  const legalRef = options.legalRef ?? definition.legalRef;
  if (legalRef !== undefined) v.legalRef = legalRef;
  return v;
}

/**
 * Merges violation lists, dropping duplicates (the person check and the site check both report
 * SKILL_REQUIRED), most serious first.
 */
export function mergeViolations(...lists: readonly (readonly Violation[])[]): Violation[] {
  const seen = new Map<string, Violation>();
  for (const v of lists.flat()) {
    const key = `${v.rule}|${v.personId ?? ''}|${v.shiftIds.join(',')}|${v.message}`;
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
