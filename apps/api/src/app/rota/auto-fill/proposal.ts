import type {
  ProposedShift,
  ReleasedShift,
  Shift,
  UnfilledDemand,
  UnfilledReason,
  Violation,
} from '@relais/api-types';
import {
  type AssignmentReason,
  type AutoFillExplanation,
  type AutoFillHours,
  type AutoFillProposal,
  type LessLikedKind,
  SKILL_CODES,
  type SkillCode,
  UNFILLED_REASONS,
} from '@relais/api-types';
import {
  addDays,
  checkRotaWeek,
  resolveRuleSettings,
  type RotaComplianceInput,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import type { SolveResult } from '@relais/solver';
import {
  covers,
  isBlocking,
  type PlannedModel,
  type PlannerInput,
  shiftMinutes,
  type Slot,
  slotShift,
} from './planner-model';
import { lessLikedKinds } from './soft-terms';

/**
 * The solver's roster back into shifts: proposals, released and moved shifts, what stays
 * uncovered and why, each person's hours; the assembled weeks are checked by the rules and every
 * proposal still in a blocking violation is withdrawn.
 */

/** The solver's roster as shifts, checked by the rules; what they refuse is withdrawn. */
export function decodeProposal(
  input: PlannerInput,
  model: PlannedModel,
  result: SolveResult,
  secondsToBest: number,
  modelSeconds: number,
): AutoFillProposal {
  const settings = resolveRuleSettings(input.settings);
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
        ...slotShift(slot, person.id, settings),
        openShiftId: openLeft.get(slot.key)?.shift() ?? null,
        personName: `${person.firstName} ${person.lastName}`,
        reasons: [],
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
    const startMs = zonedInstant(slot.date, slot.startTime, settings.timeZone);
    const endMs = zonedInstant(slot.date, slot.endTime, settings.timeZone);
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
  const hours = weekHours(input, model, assembled.kept, add);
  return {
    add: withReasons(input, model, assembled.kept, add),
    release,
    unfilled,
    changedPublished,
    violations,
    explanation: explain(model, add, unfilled, hours),
    objective: result.objective,
    optimal: result.optimal,
    seconds: result.seconds,
    secondsToBest,
    modelSeconds,
    hours,
  };
}

/**
 * Why the proposal adds what it adds, or nothing: the closed days left alone, the needs still
 * uncovered by reason, and, when there was nothing to staff, how many people stay under hours.
 */
export function explain(
  model: Pick<PlannedModel, 'closed'>,
  add: readonly ProposedShift[],
  unfilled: readonly UnfilledDemand[],
  hours: readonly AutoFillHours[],
): AutoFillExplanation[] {
  const out: AutoFillExplanation[] = [];
  if (model.closed.length > 0) {
    out.push({
      code: 'closed-day',
      days: model.closed.map((day) => ({ date: day.date, reason: day.reason })),
      openShifts: model.closed.reduce((sum, day) => sum + day.openShifts, 0),
      needs: model.closed.reduce((sum, day) => sum + day.needs, 0),
    });
  }
  if (unfilled.length > 0) {
    const reasons = UNFILLED_REASONS.map((reason) => ({
      reason,
      missing: unfilled
        .filter((gap) => gap.reason === reason)
        .reduce((sum, gap) => sum + gap.missing, 0),
    })).filter((entry) => entry.missing > 0);
    out.push({
      code: 'uncovered',
      missing: unfilled.reduce((sum, gap) => sum + gap.missing, 0),
      reasons,
    });
  } else if (add.length === 0) {
    out.push({
      code: 'no-open-need',
      underHours: hours.filter((row) => row.plannedMinutes < row.contractMinutes).length,
    });
  }
  return out;
}

function isSkillCode(code: string): code is SkillCode {
  return (SKILL_CODES as readonly string[]).includes(code);
}

/**
 * What decided each proposed shift, from what the model weighed: the hours the contract still
 * owes, the qualification the window needs, fewer less-liked windows than colleagues in the 4
 * weeks before, the same place and activity on other days of the week; when none of these,
 * that nobody else could take it, or that the person was free without any blocking rule.
 */
function withReasons(
  input: PlannerInput,
  model: PlannedModel,
  kept: ReadonlyMap<string, readonly Shift[]>,
  add: readonly ProposedShift[],
): ProposedShift[] {
  const settings = resolveRuleSettings(input.settings);
  const { from, to } = windowOfIsoWeek(input.week);
  const weekStart = zonedInstant(from, '00:00', settings.timeZone);
  const weekEnd = zonedInstant(addDays(to, 1), '00:00', settings.timeZone);
  const inWeek = (item: { start: string }) => {
    const start = Date.parse(item.start);
    return start >= weekStart && start < weekEnd;
  };
  const slotByKey = new Map(model.slots.map((slot) => [slot.key, slot]));
  // Hours before the proposal: the weeks as they stand, every site together.
  const plannedBefore = new Map<string, number>();
  const current = [
    ...input.sites.flatMap((site) => site.input.shifts),
    ...model.employees.flatMap((person) =>
      person.otherItems.map((item) => ({ ...item, personId: person.id })),
    ),
  ];
  for (const item of current) {
    if (!item.personId || !inWeek(item)) continue;
    plannedBefore.set(item.personId, (plannedBefore.get(item.personId) ?? 0) + shiftMinutes(item));
  }
  const worked = [...[...kept.values()].flat(), ...add];
  return add.map((proposal) => {
    const slot = slotByKey.get(proposal.key.slice(0, -(proposal.personId.length + 1)));
    const reasons: AssignmentReason[] = [];
    const owed = model.owedMinutes.get(proposal.personId);
    if (owed !== undefined) {
      const minutes = Math.round(owed - (plannedBefore.get(proposal.personId) ?? 0));
      if (minutes > 0) reasons.push({ code: 'hours-owed', minutes });
    }
    const date = proposal.start.slice(0, 10);
    const skill = slot?.qualifier || settings.requiredSkillByActivity[proposal.activity] || '';
    if (isSkillCode(skill)) reasons.push({ code: 'skill', skill });
    if (slot) reasons.push(...fairnessReasons(input, model, slot, proposal.personId));
    const dates = [
      ...new Set(
        worked
          .filter(
            (other) =>
              other.personId === proposal.personId &&
              other.locationId === proposal.locationId &&
              other.activity === proposal.activity &&
              other.start.slice(0, 10) !== date &&
              inWeek(other),
          )
          .map((other) => other.start.slice(0, 10)),
      ),
    ].sort();
    if (dates.length > 0) reasons.push({ code: 'continuity', dates });
    const offered = slot ? model.refusals.get(slot.key)?.offered : undefined;
    if (offered === 1) reasons.unshift({ code: 'only-candidate' });
    if (reasons.length === 0) reasons.push({ code: 'available' });
    return { ...proposal, reasons };
  });
}

/** Less-liked windows of this slot the person worked fewer of than a colleague, 4 weeks back. */
function fairnessReasons(
  input: PlannerInput,
  model: PlannedModel,
  slot: Slot,
  personId: string,
): AssignmentReason[] {
  const history = input.history;
  const prior = history?.get(personId);
  if (!history || !prior) return [];
  const kinds: LessLikedKind[] = lessLikedKinds(
    slot.date,
    slot.startTime,
    slot.endTime,
    slot.activity,
  );
  const colleagues = model.employees.filter(
    (person) => person.id !== personId && model.owedMinutes.has(person.id),
  );
  return kinds.flatMap((kind): AssignmentReason[] => {
    const othersCount = Math.max(
      0,
      ...colleagues.map((person) => history.get(person.id)?.counts[kind] ?? 0),
    );
    const count = prior.counts[kind];
    return count < othersCount ? [{ code: 'fairness', kind, count, othersCount }] : [];
  });
}

/** Each person's week once applied (all sites), against the minutes their contract owes. */
function weekHours(
  input: PlannerInput,
  model: PlannedModel,
  kept: ReadonlyMap<string, readonly Shift[]>,
  add: readonly ProposedShift[],
): AutoFillHours[] {
  const { from, to } = windowOfIsoWeek(input.week);
  const { timeZone } = resolveRuleSettings(input.settings);
  const weekStart = zonedInstant(from, '00:00', timeZone);
  const weekEnd = zonedInstant(addDays(to, 1), '00:00', timeZone);
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
