import type {
  ActivityCode,
  AutoFillMode,
  LocationKind,
  ProposedShift,
  ReleasedShift,
  RotaPerson,
  Shift,
  Violation,
} from '@relais/api-types';
import {
  hasValidSkill,
  zonedInstant,
  type RotaComplianceInput,
  type RuleSettings,
} from '@relais/rules';
import type { RosterProblem } from '@relais/solver';
import { toZonedIso } from '../../../common/instant';

/**
 * What the auto-fill modules share: the planner's input, the demand's slots, and small helpers
 * over them. Demand, candidates and planner all import this module and never one another
 * upwards (planner → candidates, demand, soft-terms → planner-model).
 */

export interface PlannerSite {
  /** The site-week as the rules read it, with every current shift of the week. */
  readonly input: RotaComplianceInput & { readonly people: readonly RotaPerson[] };
  readonly isPublished: boolean;
  /** Ids of the shifts in the latest publication of the week. */
  readonly publishedShiftIds: ReadonlySet<string>;
}

export interface PlannerInput {
  readonly week: string;
  /** `fill` re-staffs only draft changes that break a rule; `replan` published shifts too. */
  readonly mode: AutoFillMode;
  readonly sites: readonly PlannerSite[];
  /** The organisation's rule settings (thresholds, time zone, travel times); missing: the law's. */
  readonly settings: Partial<RuleSettings>;
  /** What each person worked in the 4 weeks before (fairness); none: no fairness term. */
  readonly history?: ReadonlyMap<string, PriorWork>;
}

/** Less-liked windows: the weekend, late (ending after 18:00), outreach (outdoors, in pairs). */
export type LessLiked = 'weekend' | 'late' | 'outreach';

/** What a person worked in the weeks before the target week (fairness, see `soft-terms.ts`). */
export interface PriorWork {
  /** Less-liked windows worked, by kind. */
  readonly counts: Readonly<Record<LessLiked, number>>;
  /** Minutes worked above the contract's weekly hours, summed over the weeks. */
  readonly minutesOverContract: number;
}

export interface Slot {
  readonly key: string;
  readonly typeId: string;
  readonly siteId: string;
  readonly locationId: string;
  readonly day: number;
  readonly date: string;
  readonly period: number;
  readonly startTime: string;
  readonly endTime: string;
  readonly activity: ActivityCode;
  /** Skill every person on this slot must hold ('' = anyone). */
  readonly qualifier: string;
  readonly isPair: boolean;
  need: number;
  weightUnder: number;
  weightOver: number;
  /** Open shifts of the week this slot can hand out before creating new ones. */
  readonly openShiftIds: string[];
}

export interface Movable {
  readonly shift: Shift;
  readonly slotKey: string;
}

/** A closed day of the week and what auto-fill left alone on it. */
export interface ClosedDemand {
  readonly date: string;
  readonly reason: 'holiday' | 'closed';
  /** Open shifts ("à pourvoir") of that day. */
  openShifts: number;
  /** People the coverage needs of that day would have asked for. */
  needs: number;
}

export interface Demand {
  /** Slots with a need or a movable shift: the solver's cells. */
  readonly slots: readonly Slot[];
  readonly byKey: ReadonlyMap<string, Slot>;
  readonly movable: readonly Movable[];
  /** Current shifts the solver does not touch, by site. */
  readonly pinnedBySite: ReadonlyMap<string, Shift[]>;
  /** Closed days with open shifts or needs left alone, by date. */
  readonly closed: readonly ClosedDemand[];
}

/** The solver's problem of the chosen weeks, with what decoding its roster needs. */
export interface PlannedModel {
  readonly problem: RosterProblem;
  readonly slots: readonly Slot[];
  readonly employees: readonly RotaPerson[];
  readonly released: readonly ReleasedShift[];
  /** Current shifts the solver does not touch, by site. */
  readonly kept: ReadonlyMap<string, readonly Shift[]>;
  /**
   * Current draft shifts (and, when re-planning, published ones) on a demanded window: the
   * solver may give them to someone else, at a cost, when that covers more.
   */
  readonly movable: readonly { readonly shift: Shift; readonly slotKey: string }[];
  /** Why candidates were turned away, per slot key: rule codes seen and skill holders count. */
  readonly refusals: ReadonlyMap<string, { skilled: number; offered: number; rules: Set<string> }>;
  readonly remainingMinutes: ReadonlyMap<string, number>;
  readonly owedMinutes: ReadonlyMap<string, number>;
  /** Closed days with open shifts or needs left alone. */
  readonly closed: readonly ClosedDemand[];
}

/** Whether a person holds a valid skill on a date ('' = anyone); built once per model. */
export type Holds = (personId: string | null, skill: string, date: string) => boolean;

/** Windows starting before noon are mornings, the others afternoons. */
export const MORNING_ENDS = 12 * 60;

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function defaultActivity(kind: LocationKind | undefined): ActivityCode {
  if (kind === 'outreach') return 'outreach';
  if (kind === 'partner_permanence') return 'permanence';
  if (kind === 'workshop') return 'workshop';
  return 'accueil';
}

export function weekdayOf(date: string, monday: string): number {
  return (
    Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${monday}T12:00:00Z`)) / 86_400_000) +
    1
  );
}

/** The break a shift of this length needs (BREAK_6H, L3121-16). */
export function breakFor(
  lengthMinutes: number,
  settings: Pick<RuleSettings, 'breakAfterMinutes' | 'breakMinMinutes'>,
): number {
  return lengthMinutes > settings.breakAfterMinutes ? settings.breakMinMinutes : 0;
}

export function isBlocking(violation: Violation): boolean {
  return violation.severity === 'block';
}

export function shiftMinutes(shift: Pick<Shift, 'start' | 'end' | 'breakMinutes'>): number {
  return (Date.parse(shift.end) - Date.parse(shift.start)) / 60_000 - shift.breakMinutes;
}

export function covers(shift: Shift, slot: Slot, startMs: number, endMs: number): boolean {
  return (
    shift.personId !== null &&
    shift.locationId === slot.locationId &&
    shift.activity === slot.activity &&
    Date.parse(shift.start) <= startMs &&
    Date.parse(shift.end) >= endMs
  );
}

export function skillCheck(people: readonly RotaPerson[]): Holds {
  const peopleById = new Map(people.map((p) => [p.id, p]));
  return (personId, skill, date) => {
    if (skill === '' || personId === null) return personId !== null;
    const person = peopleById.get(personId);
    return (
      person !== undefined &&
      hasValidSkill(
        person.skills.map((s) => ({
          code: s.skill,
          acquiredOn: s.acquiredOn,
          expiresOn: s.expiresOn,
        })),
        skill,
        date,
      )
    );
  };
}

export function slotBounds(slot: Slot, timeZone: string): { startMs: number; endMs: number } {
  return {
    startMs: zonedInstant(slot.date, slot.startTime, timeZone),
    endMs: zonedInstant(slot.date, slot.endTime, timeZone),
  };
}

/** The shift a person would work on a slot (its window, with the break the law wants). */
export function slotShift(
  slot: Slot,
  personId: string,
  settings: Pick<RuleSettings, 'timeZone' | 'breakAfterMinutes' | 'breakMinMinutes'>,
): Omit<ProposedShift, 'key' | 'openShiftId' | 'personName' | 'reasons'> {
  const { startMs, endMs } = slotBounds(slot, settings.timeZone);
  return {
    siteId: slot.siteId,
    personId,
    locationId: slot.locationId,
    activity: slot.activity,
    start: toZonedIso(startMs, settings.timeZone),
    end: toZonedIso(endMs, settings.timeZone),
    breakMinutes: breakFor((endMs - startMs) / 60_000, settings),
  };
}
