import type {
  AutoFillHours,
  AutoFillMode,
  AutoFillProposal,
  ProposedShift,
  ReleasedShift,
  RotaPerson,
  Shift,
  UnfilledDemand,
  UnfilledReason,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  checkRotaWeek,
  windowOfIsoWeek,
  zonedInstant,
  type RotaComplianceInput,
  type RuleSettings,
} from '@relais/rules';
import type {
  CoverRequirement,
  ForbiddenSuccession,
  RosterProblem,
  ShiftType,
  SolveResult,
} from '@relais/solver';
import { TIME_ZONE } from '../../../common/week';
import { vetCandidates } from './candidates';
import {
  breakFor,
  collectDemand,
  covers,
  isBlocking,
  LONG_SHIFT,
  MIN_DAILY_REST,
  minutesOf,
  shiftMinutes,
  skillCheck,
  Slot,
  slotShift,
} from './demand';
import type { PriorWork } from './soft-terms';

/**
 * Auto-fill as a rostering problem. Each day has two periods (morning, afternoon); a shift type
 * is one demanded window (location, times, activity, qualification). Every blocking rule of
 * `libs/rules` is enforced in three layers: a candidate (person, window) is only offered when
 * the rules accept it next to what the person already works (absence, contract, rest, travel,
 * notice…); combinations of new shifts are constrained in the model (contract hours, one
 * window per half-day, rest and travel between windows, 10 h a day); and the assembled week is
 * checked again, any proposed shift still involved in a blocking violation being withdrawn.
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
  readonly settings: Partial<RuleSettings>;
  /** What each person worked in the 4 weeks before (fairness); none: no fairness term. */
  readonly history?: ReadonlyMap<string, PriorWork>;
}

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
}

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
      lengthMinutes: length - breakFor(length),
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

  const forbidden = successions([...typeSample.values()], input.settings.travelTimes ?? []);

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
  };
}

/**
 * Pairs of windows one person cannot chain: a morning then an afternoon too close for the
 * travel and the break, an evening then the next morning inside the 11-hour rest.
 */
function successions(
  samples: readonly Slot[],
  travelTimes: NonNullable<RuleSettings['travelTimes']>,
): ForbiddenSuccession[] {
  const travel = new Map(
    travelTimes.map((t) => [`${t.fromLocationId}|${t.toLocationId}`, t.minutes]),
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
        const needed = trip + (minutesOf(b.endTime) - minutesOf(a.startTime) > LONG_SHIFT ? 20 : 0);
        if (gap < needed) forbidden.push({ first: a.typeId, second: b.typeId });
      } else if (aHalf === 1 && bHalf === 0) {
        if (24 * 60 - aEnd + bStart < MIN_DAILY_REST)
          forbidden.push({ first: a.typeId, second: b.typeId });
      }
    }
  }
  return forbidden;
}

/** The solver's roster as shifts, checked by the rules; what they refuse is withdrawn. */
export function decodeProposal(
  input: PlannerInput,
  model: PlannedModel,
  result: SolveResult,
  secondsToBest: number,
  modelSeconds: number,
): AutoFillProposal {
  const slotByCell = new Map(model.slots.map((slot) => [`${slot.period}|${slot.typeId}`, slot]));
  const openLeft = new Map(model.slots.map((slot) => [slot.key, [...slot.openShiftIds]]));
  let add: ProposedShift[] = [];
  const stay = new Map<string, Shift[]>();
  for (const m of model.movable) {
    const key = `${m.slotKey}|${m.shift.personId}`;
    stay.set(key, [...(stay.get(key) ?? []), m.shift]);
  }
  const kept = new Map([...model.kept].map(([siteId, list]) => [siteId, [...list]]));
  const keptBySlot = new Map<string, number>();
  result.roster.assignments.forEach((row, e) => {
    const person = model.employees[e];
    if (!person) return;
    row.forEach((typeId, period) => {
      if (typeId === null) return;
      const slot = slotByCell.get(`${period}|${typeId}`);
      if (!slot) return;
      const same = stay.get(`${slot.key}|${person.id}`)?.shift();
      if (same) {
        kept.get(slot.siteId)?.push(same);
        keptBySlot.set(slot.key, (keptBySlot.get(slot.key) ?? 0) + 1);
        return;
      }
      add.push({
        key: `${slot.key}|${person.id}`,
        ...slotShift(slot, person.id),
        openShiftId: openLeft.get(slot.key)?.shift() ?? null,
      });
    });
  });
  const moved: ReleasedShift[] = [...stay.values()].flat().map((shift) => ({
    shiftId: shift.id,
    siteId: shift.siteId,
    personId: shift.personId,
    start: shift.start,
    end: shift.end,
    rule: 'AUTO_FILL_MOVE',
    reason: 'Créneau confié à une autre personne pour couvrir un besoin de la semaine.',
  }));
  const assembled = { kept, employees: model.employees };

  // A pair that ends up with one person is no pair: nobody goes out alone.
  const pairSlots = model.slots.filter((slot) => slot.isPair || slot.activity === 'outreach');
  const pairDropped = new Map<string, number>();
  for (const slot of pairSlots) {
    const startMs = zonedInstant(slot.date, slot.startTime, TIME_ZONE);
    const endMs = zonedInstant(slot.date, slot.endTime, TIME_ZONE);
    const here = (kept.get(slot.siteId) ?? []).filter((s) => covers(s, slot, startMs, endMs));
    const mine = add.filter((p) => p.key.startsWith(`${slot.key}|`));
    if (here.length + mine.length === 1 && mine.length === 1) {
      add = add.filter((p) => p !== mine[0]);
      pairDropped.set(slot.key, 1);
    }
  }

  // The assembled weeks, checked as the grid checks them; proposals in a blocking violation go.
  let violations: Violation[] = [];
  for (let round = 0; round < 50; round++) {
    violations = checkAssembled(input, assembled, add);
    const offending = new Set<string>();
    for (const v of violations) {
      if (!isBlocking(v) || v.personId === undefined) continue;
      const ids = v.shiftIds.filter((id) => id.startsWith('proposal:'));
      const last = ids[ids.length - 1];
      if (last) offending.add(last.slice('proposal:'.length));
    }
    if (offending.size === 0) break;
    add = add.filter((p) => !offending.has(p.key));
  }

  const unfilled = unfilledDemand(model, add, keptBySlot, pairDropped);
  const published = new Map(input.sites.map((s) => [s.input.site.id, s]));
  const release = [...model.released, ...moved];
  const changedPublished =
    release.filter((r) => published.get(r.siteId)?.publishedShiftIds.has(r.shiftId)).length +
    add.filter((p) => published.get(p.siteId)?.isPublished === true).length;
  return {
    add,
    release,
    unfilled,
    changedPublished,
    violations,
    objective: result.objective,
    optimal: result.optimal,
    seconds: result.seconds,
    secondsToBest,
    modelSeconds,
    hours: weekHours(input, model, assembled.kept, add),
  };
}

/** Each person's week once applied (all sites), against the minutes their contract owes. */
function weekHours(
  input: PlannerInput,
  model: PlannedModel,
  kept: ReadonlyMap<string, readonly Shift[]>,
  add: readonly ProposedShift[],
): AutoFillHours[] {
  const { from, to } = windowOfIsoWeek(input.week);
  const weekStart = zonedInstant(from, '00:00', TIME_ZONE);
  const weekEnd = zonedInstant(addDays(to, 1), '00:00', TIME_ZONE);
  const inWeek = (item: { start: string }) => {
    const start = Date.parse(item.start);
    return start >= weekStart && start < weekEnd;
  };
  const hours: AutoFillHours[] = [];
  for (const person of model.employees) {
    const contractMinutes = model.owedMinutes.get(person.id);
    if (contractMinutes === undefined) continue;
    const items = [
      ...[...kept.values()].flat().filter((s) => s.personId === person.id),
      ...person.otherItems,
      ...add.filter((p) => p.personId === person.id),
    ].filter(inWeek);
    hours.push({
      personId: person.id,
      personName: `${person.firstName} ${person.lastName}`,
      plannedMinutes: Math.round(items.reduce((sum, item) => sum + shiftMinutes(item), 0)),
      contractMinutes,
    });
  }
  return hours;
}

function asShift(proposal: ProposedShift): Shift {
  return {
    id: `proposal:${proposal.key}`,
    siteId: proposal.siteId,
    personId: proposal.personId,
    locationId: proposal.locationId,
    activity: proposal.activity,
    start: proposal.start,
    end: proposal.end,
    breakMinutes: proposal.breakMinutes,
    note: null,
    version: 0,
    isChangedSincePublication: true,
  };
}

/** Violations of every chosen site-week once the proposal is applied. */
export function checkAssembled(
  input: PlannerInput,
  model: Pick<PlannedModel, 'kept' | 'employees'>,
  add: readonly ProposedShift[],
): Violation[] {
  const filledOpen = new Set(add.flatMap((p) => (p.openShiftId ? [p.openShiftId] : [])));
  const shiftsBySite = new Map<string, Shift[]>();
  for (const site of input.sites) {
    const id = site.input.site.id;
    shiftsBySite.set(id, [
      ...(model.kept.get(id) ?? []).filter((s) => !filledOpen.has(s.id)),
      ...add.filter((p) => p.siteId === id).map(asShift),
    ]);
  }
  return input.sites.flatMap((site) => {
    const id = site.input.site.id;
    const shifts = shiftsBySite.get(id) ?? [];
    const elsewhere = [...shiftsBySite.entries()]
      .filter(([other]) => other !== id)
      .flatMap(([, list]) => list);
    const people = model.employees.map((person) => ({
      ...person,
      otherItems: [
        ...person.otherItems,
        ...elsewhere
          .filter((s) => s.personId === person.id)
          .map((s) => ({
            id: s.id,
            start: s.start,
            end: s.end,
            breakMinutes: s.breakMinutes,
            locationId: s.locationId,
            activity: s.activity,
          })),
      ],
    }));
    const changes = site.isPublished
      ? withProposalChanges(
          site.input.changes,
          add.filter((p) => p.siteId === id),
        )
      : site.input.changes;
    return checkRotaWeek({ ...site.input, shifts, people, changes });
  });
}

function withProposalChanges(
  changes: RotaComplianceInput['changes'],
  add: readonly ProposedShift[],
): RotaComplianceInput['changes'] {
  const result: Record<string, NonNullable<RotaComplianceInput['changes']>[string][number][]> = {};
  for (const [personId, list] of Object.entries(changes ?? {})) result[personId] = [...list];
  for (const p of add) {
    (result[p.personId] ??= []).push({
      publishedAt: Date.now(),
      firstAffectedDay: p.start.slice(0, 10),
      shiftIds: [`proposal:${p.key}`],
      addedMinutes: shiftMinutes(p),
    });
  }
  return result;
}

const REASON_MESSAGES: Record<UnfilledReason, (skill: string) => string> = {
  no_skill: (skill) => `personne n’a la qualification requise (${skill}) ce jour-là`,
  nobody_available: () =>
    'toutes les personnes qualifiées sont absentes, hors contrat ou déjà occupées',
  contract_maximum: () => 'toutes les personnes disponibles ont atteint leurs heures de contrat',
  rules: () =>
    'les règles bloquantes (repos, temps de trajet, délai de prévenance…) empêchent d’en ajouter',
  pair_incomplete: () => 'une seule personne disponible : la médiation sortante se fait en binôme',
};

function unfilledDemand(
  model: PlannedModel,
  add: readonly ProposedShift[],
  keptBySlot: ReadonlyMap<string, number>,
  pairDropped: ReadonlyMap<string, number>,
): UnfilledDemand[] {
  const out: UnfilledDemand[] = [];
  for (const slot of model.slots) {
    const got =
      add.filter((p) => p.key.startsWith(`${slot.key}|`)).length + (keptBySlot.get(slot.key) ?? 0);
    const missing = slot.need - got;
    if (missing <= 0) continue;
    const refusal = model.refusals.get(slot.key);
    let reason: UnfilledReason;
    if (pairDropped.has(slot.key)) reason = 'pair_incomplete';
    else if (!refusal || refusal.skilled === 0)
      reason = slot.qualifier ? 'no_skill' : 'nobody_available';
    else if (refusal.offered === 0 && [...refusal.rules].every((r) => r === 'CONTRACT_HOURS'))
      reason = 'contract_maximum';
    else if (
      refusal.offered === 0 &&
      [...refusal.rules].every((r) => ['DURING_ABSENCE', 'OUTSIDE_CONTRACT'].includes(r))
    )
      reason = 'nobody_available';
    else if (refusal.offered <= got) reason = 'contract_maximum';
    else reason = 'rules';
    const message = `${missing} personne(s) manquante(s) le ${slot.date} de ${slot.startTime} à ${slot.endTime} : ${REASON_MESSAGES[reason](slot.qualifier)}.`;
    out.push({
      siteId: slot.siteId,
      locationId: slot.locationId,
      date: slot.date,
      startTime: slot.startTime,
      endTime: slot.endTime,
      activity: slot.activity,
      missing,
      reason,
      message,
    });
  }
  return out;
}
