/** Severity of a compliance check (see shared domain rules): block stops publication. */
export const SEVERITIES = ['block', 'warn', 'info'] as const;
/** `block` = cannot be published, `warn` = needs a justification, `info` = a reminder. */
export type Severity = (typeof SEVERITIES)[number];

/** One compliance problem found by the rules engine. */
export interface Violation {
  /** Rule code from the catalogue, e.g. `DAILY_REST`. */
  rule: string;
  severity: Severity;
  /** The person concerned, when the rule is about one person. */
  personId?: string;
  /** Shifts (or work items) involved; empty for contract or site rules. */
  shiftIds: string[];
  /** French message a user can act on. */
  message: string;
  /** Legal reference, e.g. `C. trav., art. L3131-1`. */
  legalRef?: string;
}

/** Orders severities from the most to the least serious. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
