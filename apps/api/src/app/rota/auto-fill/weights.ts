/**
 * Every weight of the auto-fill objective, in one place. The solver minimises the sum; weights
 * are small integers so that the MIP can prove a roster optimal. Hard rules (every blocking rule
 * of `libs/rules`, contract hours as a maximum, recurring unavailability, absences) are not
 * here: they are constraints, never traded against these costs.
 *
 * Orders of magnitude, for one 3.5-hour shift: an uncovered need costs 100 (300 with a skill),
 * far above anything else, so no soft term ever leaves demand uncovered; moving a planned shift
 * costs 10 (40 once published), more than a single soft term gains on one shift, so plans stay
 * stable; the soft terms below weigh a few units each and decide who takes what.
 */
export const WEIGHTS = {
  /** Per person missing on a demanded window. */
  coverUnder: 100,
  /** Per person missing on a window that needs a qualification (France Services desk…). */
  coverUnderSkilled: 300,
  /** Per person beyond the need of a window (0 where a planned shift is kept). */
  coverOver: 20,
  /** Per planned draft shift given to someone else (mode `fill`). */
  keepDraft: 10,
  /** Per planned shift given to someone else when re-planning (mode `replan`). */
  keepPublished: 40,

  /** Continuity: per shift away from the person's home site. */
  awayFromHomeSite: 5,
  /** Continuity: per site beyond the first that the person works at in the week. */
  extraSite: 4,

  /**
   * Contract hours, per started hour below the minutes owed this week (net of absences and public
   * holidays): the first quarter of the contract short costs 1 an hour, any further hour 2, so
   * the person furthest below their contract is served first.
   */
  contractUnderFirstShare: 0.25,
  contractUnderFirst: 1,
  contractUnderBeyond: 2,
  /** Per started hour above the minutes owed (within the hard maximum of the contract). */
  contractOver: 1,

  /**
   * Fairness over the 4 weeks before the target week, on less-liked windows (Saturday or Sunday,
   * ending after 18:00, outreach): taking one costs this much per window of the same kind worked
   * in those 4 weeks (at most `fairnessPriorCap` counted)…
   */
  fairnessPerPrior: 2,
  fairnessPriorCap: 4,
  /** …plus this much per started hour worked over the contract in those 4 weeks (capped). */
  fairnessPerHourOver: 1,
  fairnessHoursOverCap: 4,
} as const;
