import type { AutoFillMode, ReleasedShift, RotaPerson, Shift } from '@relais/api-types';
import { checkRotaWeek, resolveRuleSettings, type RuleSettings } from '@relais/rules';
import type {
  CoverRequirement,
  ForbiddenSuccession,
  RosterProblem,
  ShiftType,
} from '@relais/solver';
import { vetCandidates } from './candidates';
import { collectDemand } from './demand';
import {
  breakFor,
  isBlocking,
  minutesOf,
  skillCheck,
  type PlannedModel,
  type PlannerInput,
  type PlannerSite,
  type Slot,
} from './planner-model';

export type { PlannedModel, PlannerInput, PlannerSite } from './planner-model';
export { checkAssembled, decodeProposal } from './proposal';

/**
 * Auto-fill as a rostering problem. Each day has two periods (morning, afternoon); a shift type
 * is one demanded window (location, times, activity, qualification). Every blocking rule of
 * `libs/rules` is enforced in three layers: a candidate (person, window) is only offered when
 * the rules accept it next to what the person already works (absence, contract, rest, travel,
 * notice…); combinations of new shifts are constrained in the model (contract hours, one
 * window per half-day, rest and travel between windows, the daily maximum); and the assembled week is
 * checked again, any proposed shift still involved in a blocking violation being withdrawn.
 */

/** Shifts of the chosen weeks that a blocking rule now refuses (an absence, a rest breach…). */
function releasedShifts(sites: readonly PlannerSite[], mode: AutoFillMode): ReleasedShift[] {
  const released: ReleasedShift[] = [];
  for (const site of sites) {
    const shifts = new Map(site.input.shifts.map((shift) => [shift.id, shift]));
    const seen = new Set<string>();
    for (const violation of checkRotaWeek(site.input)) {
      if (!isBlocking(violation) || violation.personId === undefined) continue;
      for (const id of violation.shiftIds) {
        const shift = shifts.get(id);
        // Training sessions are planned by HR: auto-fill works around them, never moves them.
        if (!shift || seen.has(id) || shift.activity === 'training') continue;
        const isPublished = site.publishedShiftIds.has(id) && !shift.isChangedSincePublication;
        if (mode === 'fill' && isPublished) continue;
        seen.add(id);
        released.push({
          shiftId: id,
          siteId: site.input.site.id,
          personId: shift.personId,
          start: shift.start,
          end: shift.end,
          rule: violation.rule,
          reason: violation.message,
        });
      }
    }
  }
  return released;
}

/** Every person of the chosen sites once, their items outside these site-weeks as "other". */
function mergePeople(sites: readonly PlannerSite[]): RotaPerson[] {
  const siteShiftIds = new Set(sites.flatMap((site) => site.input.shifts.map((s) => s.id)));
  const byId = new Map<string, RotaPerson>();
  for (const site of sites) {
    for (const person of site.input.people) {
      if (byId.has(person.id)) continue;
      byId.set(person.id, {
        ...person,
        otherItems: person.otherItems.filter((item) => !siteShiftIds.has(item.id)),
      });
    }
  }
  return [...byId.values()];
}

export function buildModel(input: PlannerInput): PlannedModel {
  const settings = resolveRuleSettings(input.settings);
  const released = releasedShifts(input.sites, input.mode);
  const releasedIds = new Set(released.map((r) => r.shiftId));
  const kept = new Map<string, Shift[]>();
  for (const site of input.sites) {
    kept.set(
      site.input.site.id,
      site.input.shifts.filter((shift) => !releasedIds.has(shift.id)),
    );
  }
  const people = mergePeople(input.sites);
  const holds = skillCheck(people);
  const demand = collectDemand(input, kept, holds);
  const demanded = demand.slots;

  // ---- shift types ----
  const typeIds = [...new Set(demanded.map((slot) => slot.typeId))];
  const typeSample = new Map<string, Slot>();
  for (const slot of demanded) if (!typeSample.has(slot.typeId)) typeSample.set(slot.typeId, slot);
  const shiftTypes: ShiftType[] = typeIds.map((id) => {
    const sample = typeSample.get(id) as Slot;
    const length = minutesOf(sample.endTime) - minutesOf(sample.startTime);
    return {
      id,
      startMinute: minutesOf(sample.startTime),
      lengthMinutes: length - breakFor(length, settings),
    };
  });

  const { employees, requests, keepRequests, linear, refusals, remainingMinutes, owedMinutes } =
    vetCandidates(input, people, demand, shiftTypes, holds);

  // Where planned shifts may stay beyond the need at no cost, nobody is added beyond them: the
  // contract-hours term would otherwise staff such a window past its need for free.
  const plannedOn = new Map<string, number>();
  for (const m of demand.movable) plannedOn.set(m.slotKey, (plannedOn.get(m.slotKey) ?? 0) + 1);
  const closed = employees.map(
    (employee) => new Set((employee.unavailable ?? []).map((u) => `${u.day}|${u.shift}`)),
  );
  for (const slot of demanded) {
    const planned = plannedOn.get(slot.key) ?? 0;
    if (planned === 0 || slot.weightOver > 0) continue;
    const terms = employees
      .filter((_, e) => !closed[e]?.has(`${slot.period}|${slot.typeId}`))
      .map((employee) => ({
        employee: employee.id,
        day: slot.period,
        shift: slot.typeId,
        coefficient: 1,
      }));
    const max = Math.max(slot.need, planned);
    if (terms.length > max) linear.push({ terms, max });
  }

  const forbidden = successions([...typeSample.values()], settings);

  const cover: CoverRequirement[] = demanded.map((slot) => ({
    day: slot.period,
    shift: slot.typeId,
    requirement: slot.need,
    weightUnder: slot.weightUnder,
    weightOver: slot.weightOver,
  }));
  const problem: RosterProblem = {
    horizon: 14,
    shiftTypes,
    employees,
    cover,
    shiftOnRequests: keepRequests,
    shiftOffRequests: requests,
    forbiddenSuccessions: forbidden,
    weekends: [[10, 11, 12, 13]],
    linearConstraints: linear,
  };
  return {
    problem,
    slots: demanded,
    employees: people,
    released,
    kept: demand.pinnedBySite,
    movable: demand.movable,
    refusals,
    remainingMinutes,
    owedMinutes,
    closed: demand.closed,
  };
}

/**
 * Pairs of windows one person cannot chain: a morning then an afternoon too close for the
 * travel and the break, an evening then the next morning inside the 11-hour rest.
 */
function successions(
  samples: readonly Slot[],
  settings: Pick<
    RuleSettings,
    'travelTimes' | 'breakAfterMinutes' | 'breakMinMinutes' | 'dailyRestMinutes'
  >,
): ForbiddenSuccession[] {
  const travel = new Map(
    settings.travelTimes.map((t) => [`${t.fromLocationId}|${t.toLocationId}`, t.minutes]),
  );
  const forbidden: ForbiddenSuccession[] = [];
  for (const a of samples) {
    for (const b of samples) {
      const aHalf = a.period % 2;
      const bHalf = b.period % 2;
      const aEnd = minutesOf(a.endTime);
      const bStart = minutesOf(b.startTime);
      if (aHalf === 0 && bHalf === 1) {
        const gap = bStart - aEnd;
        const trip =
          a.locationId === b.locationId
            ? 0
            : (travel.get(`${a.locationId}|${b.locationId}`) ??
              travel.get(`${b.locationId}|${a.locationId}`) ??
              0);
        // Travel is work: a day past 6 h still needs its 20-minute break once there.
        const needed = trip + breakFor(minutesOf(b.endTime) - minutesOf(a.startTime), settings);
        if (gap < needed) forbidden.push({ first: a.typeId, second: b.typeId });
      } else if (aHalf === 1 && bHalf === 0) {
        if (24 * 60 - aEnd + bStart < settings.dailyRestMinutes)
          forbidden.push({ first: a.typeId, second: b.typeId });
      }
    }
  }
  return forbidden;
}
