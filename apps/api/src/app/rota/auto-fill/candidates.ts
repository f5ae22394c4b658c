import type { RotaPerson, Shift } from '@relais/api-types';
import {
  addDays,
  checkRotaPerson,
  resolveRuleSettings,
  shiftToWorkItem,
  toEpochMs,
  windowOfIsoWeek,
  type WorkItem,
  zonedInstant,
} from '@relais/rules';
import type { EmployeeSpec, LinearConstraint, ShiftRequest, ShiftType } from '@relais/solver';
import {
  breakFor,
  type Demand,
  type Holds,
  isBlocking,
  type PlannerInput,
  type Slot,
  slotBounds,
  slotShift,
} from './planner-model';
import { contractTarget, fairnessCost, lessLikedKinds, owedWeekMinutes } from './soft-terms';
import { WEIGHTS } from './weights';

/**
 * Who may take which slot. Each (person, slot) is tried alone against every rule of
 * `libs/rules`, next to what the person already works (absence, contract dates, rest, travel,
 * notice of a published week…); refusals are kept per slot to explain what stays uncovered.
 */

export interface Refusal {
  skilled: number;
  offered: number;
  rules: Set<string>;
}

export interface Candidates {
  readonly employees: EmployeeSpec[];
  /** Costs of taking a window: away from one's own site, a less-liked window taken again. */
  readonly requests: ShiftRequest[];
  /** Rewards for keeping one's planned (movable) shifts. */
  readonly keepRequests: ShiftRequest[];
  readonly linear: LinearConstraint[];
  readonly refusals: Map<string, Refusal>;
  readonly remainingMinutes: Map<string, number>;
  /** Minutes each person's contract owes this week (net of absences and public holidays). */
  readonly owedMinutes: Map<string, number>;
}

function workedMinutes(items: readonly WorkItem[]): number {
  return items.reduce(
    (sum, item) =>
      sum + (toEpochMs(item.end) - toEpochMs(item.start)) / 60_000 - (item.breakMinutes ?? 0),
    0,
  );
}

export function vetCandidates(
  input: PlannerInput,
  people: readonly RotaPerson[],
  demand: Demand,
  shiftTypes: readonly ShiftType[],
  holds: Holds,
): Candidates {
  const settings = resolveRuleSettings(input.settings);
  const window = windowOfIsoWeek(input.week);
  const monday = window.from;
  const typeIds = shiftTypes.map((type) => type.id);
  const lengthOf = new Map(shiftTypes.map((type) => [type.id, type.lengthMinutes]));
  const keptByPerson = new Map<string, Shift[]>();
  for (const list of demand.pinnedBySite.values())
    for (const shift of list)
      if (shift.personId)
        keptByPerson.set(shift.personId, [...(keptByPerson.get(shift.personId) ?? []), shift]);
  const siteOfPerson = new Map(people.map((p) => [p.id, p.homeSiteId]));
  const changesOf = (personId: string) =>
    input.sites.flatMap((site) => site.input.changes?.[personId] ?? []);
  const siteOfSlot = new Map(input.sites.map((s) => [s.input.site.id, s]));
  const refusals = new Map<string, { skilled: number; offered: number; rules: Set<string> }>();
  const remainingMinutes = new Map<string, number>();
  const owedMinutes = new Map<string, number>();
  const siteOfLocation = new Map(
    input.sites.flatMap((site) =>
      site.input.site.locations.map((location) => [location.id, site.input.site.id] as const),
    ),
  );
  const employees: EmployeeSpec[] = [];
  const requests: ShiftRequest[] = [];
  const keepRequests: ShiftRequest[] = [];
  const linear: LinearConstraint[] = [];
  const weekStart = zonedInstant(window.from, '00:00', settings.timeZone);
  const weekEnd = zonedInstant(addDays(window.to, 1), '00:00', settings.timeZone);

  for (const person of people) {
    const contract = person.contract;
    const fixed = [
      ...(keptByPerson.get(person.id) ?? []).map(shiftToWorkItem),
      ...person.otherItems.map((item) => shiftToWorkItem({ ...item, personId: person.id })),
    ];
    const fixedInWeek = fixed.filter((item) => {
      const start = toEpochMs(item.start);
      return start >= weekStart && start < weekEnd;
    });
    const fixedMinutes = workedMinutes(fixedInWeek);
    const remaining = contract ? Math.max(0, contract.weeklyHours * 60 - fixedMinutes) : 0;
    remainingMinutes.set(person.id, remaining);
    const owed = contract ? owedWeekMinutes(person, monday) : 0;
    if (contract) owedMinutes.set(person.id, owed);
    const prior = input.history?.get(person.id);
    const baseline = new Set(
      checkRotaPerson(person, fixed, window, settings, changesOf(person.id))
        .filter(isBlocking)
        .map((v) => `${v.rule}|${v.shiftIds.join(',')}`),
    );
    const unavailable: { day: number; shift: string }[] = [];
    const ownSlots = new Set(
      demand.movable.filter((m) => m.shift.personId === person.id).map((m) => m.slotKey),
    );
    const allowedCells = new Set<string>();
    const refusedByProbe = new Map<string, string[]>();
    /** The blocking rules a new shift breaks next to the person's week (none: it may be offered). */
    const refusedRules = (probe: Shift, slot: Slot, length: number): string[] => {
      const site = siteOfSlot.get(slot.siteId);
      const changes = site?.isPublished
        ? [
            ...changesOf(person.id),
            {
              publishedAt: Date.now(),
              firstAffectedDay: slot.date,
              shiftIds: [probe.id],
              addedMinutes: length - breakFor(length, settings),
            },
          ]
        : changesOf(person.id);
      return checkRotaPerson(person, [...fixed, shiftToWorkItem(probe)], window, settings, changes)
        .filter(
          (v) =>
            isBlocking(v) &&
            (v.shiftIds.includes(probe.id) || !baseline.has(`${v.rule}|${v.shiftIds.join(',')}`)),
        )
        .map((v) => v.rule);
    };
    for (const slot of demand.slots) {
      const refusal = refusals.get(slot.key) ?? {
        skilled: 0,
        offered: 0,
        rules: new Set<string>(),
      };
      refusals.set(slot.key, refusal);
      const { startMs, endMs } = slotBounds(slot, settings.timeZone);
      const length = (endMs - startMs) / 60_000;
      const required = slot.qualifier || settings.requiredSkillByActivity[slot.activity] || '';
      if (required !== '' && !holds(person.id, required, slot.date)) continue;
      refusal.skilled++;
      if (ownSlots.has(slot.key)) {
        // The person's own planned shift: keeping it changes nothing, whatever the notice.
        refusal.offered++;
        allowedCells.add(`${slot.period}|${slot.typeId}`);
        continue;
      }
      if (!contract || length - breakFor(length, settings) > remaining) {
        if (contract) refusal.rules.add('CONTRACT_HOURS');
        continue;
      }
      const probe: Shift = {
        ...slotShift(slot, person.id, settings),
        id: 'auto-fill-probe',
        note: null,
        version: 0,
        isChangedSincePublication: true,
      };
      // Windows that differ only by the qualification asked give the same shift: checked once.
      const probeKey = [
        slot.siteId,
        probe.locationId,
        probe.start,
        probe.end,
        probe.activity,
      ].join();
      let refusedBy = refusedByProbe.get(probeKey);
      if (refusedBy === undefined) {
        refusedBy = refusedRules(probe, slot, length);
        refusedByProbe.set(probeKey, refusedBy);
      }
      if (refusedBy.length > 0) {
        for (const rule of refusedBy) refusal.rules.add(rule);
        continue;
      }
      refusal.offered++;
      allowedCells.add(`${slot.period}|${slot.typeId}`);
      // Continuity: people stay on their own site unless it helps.
      const away = siteOfPerson.get(person.id) !== slot.siteId ? WEIGHTS.awayFromHomeSite : 0;
      // Fairness: whoever took more less-liked windows lately lets others take this one.
      const fairness = fairnessCost(
        prior,
        lessLikedKinds(slot.date, slot.startTime, slot.endTime, slot.activity),
      );
      if (away + fairness > 0) {
        requests.push({
          employee: person.id,
          day: slot.period,
          shift: slot.typeId,
          weight: away + fairness,
        });
      }
    }
    for (let period = 0; period < 14; period++) {
      for (const id of typeIds) {
        if (!allowedCells.has(`${period}|${id}`)) unavailable.push({ day: period, shift: id });
      }
    }
    // Continuity across days: the sites the person already works at this week are free, and
    // one more at most; each further site costs.
    const usedSites = new Set(
      fixedInWeek.map((item) => siteOfLocation.get(item.locationId ?? '') ?? 'elsewhere'),
    );
    const groups = input.sites
      .map((site) => site.input.site.id)
      .filter((siteId) => !usedSites.has(siteId))
      .map((siteId) =>
        demand.slots
          .filter(
            (slot) => slot.siteId === siteId && allowedCells.has(`${slot.period}|${slot.typeId}`),
          )
          .map((slot) => ({ day: slot.period, shift: slot.typeId })),
      )
      .filter((cells) => cells.length > 0);
    const free = Math.max(0, 1 - usedSites.size);
    employees.push({
      id: person.id,
      maxTotalMinutes: remaining,
      unavailable,
      ...(contract ? { minutesTarget: contractTarget(owed, fixedMinutes) } : {}),
      ...(groups.length > free ? { spread: { groups, free, weight: WEIGHTS.extraSite } } : {}),
    });
    const own = demand.movable.filter((m) => m.shift.personId === person.id);
    let forcedMinutes = 0;
    // A published shift that nothing breaks stays where it is if taking it away now would break
    // a notice the person is owed (a part-timer's 7 working days, L3123-31): a hard constraint,
    // not a price, since applying would leave a blocking problem. Only a re-plan moves published
    // shifts, so only a re-plan with some of the person's shifts on a published site-week pays
    // for these checks.
    const guarded =
      input.mode === 'replan'
        ? own.filter(
            (m) => siteOfSlot.get((demand.byKey.get(m.slotKey) as Slot).siteId)?.isPublished,
          )
        : [];
    const withOwn =
      guarded.length > 0 ? [...fixed, ...own.map((m) => shiftToWorkItem(m.shift))] : [];
    const blockingWithOwn =
      guarded.length > 0
        ? checkRotaPerson(person, withOwn, window, settings, changesOf(person.id))
            .filter(isBlocking)
            .map((v) => ({ key: `${v.rule}|${v.shiftIds.join(',')}`, shiftIds: v.shiftIds }))
        : [];
    const before = new Set(blockingWithOwn.map((v) => v.key));
    for (const m of own) {
      const slot = demand.byKey.get(m.slotKey) as Slot;
      // Changing a planned shift has a price: higher for what was already published.
      keepRequests.push({
        employee: person.id,
        day: slot.period,
        shift: slot.typeId,
        weight: input.mode === 'replan' ? WEIGHTS.keepPublished : WEIGHTS.keepDraft,
      });
    }
    for (const m of guarded) {
      const slot = demand.byKey.get(m.slotKey) as Slot;
      if (blockingWithOwn.some((v) => v.shiftIds.includes(m.shift.id))) continue;
      const minutes = workedMinutes([shiftToWorkItem(m.shift)]);
      const removal = {
        publishedAt: Date.now(),
        firstAffectedDay: m.shift.start.slice(0, 10),
        shiftIds: [],
        addedMinutes: -minutes,
        kind: 'removed' as const,
      };
      const breaksNotice = checkRotaPerson(
        person,
        withOwn.filter((item) => item.id !== m.shift.id),
        window,
        settings,
        [...changesOf(person.id), removal],
      ).some((v) => isBlocking(v) && !before.has(`${v.rule}|${v.shiftIds.join(',')}`));
      // Within the person's hours left (a week planned above them keeps its price only, or the
      // model would have no solution).
      const length = lengthOf.get(slot.typeId) ?? minutes;
      if (breaksNotice && forcedMinutes + length <= remaining) {
        forcedMinutes += length;
        linear.push({
          terms: [{ employee: person.id, day: slot.period, shift: slot.typeId, coefficient: 1 }],
          min: 1,
        });
      }
    }
    // The daily maximum (10 h by law, up to 12 h by agreement), counting what the person already
    // works that day.
    for (let day = 0; day < 7; day++) {
      const date = addDays(monday, day);
      const dayStart = zonedInstant(date, '00:00', settings.timeZone);
      const dayEnd = zonedInstant(addDays(date, 1), '00:00', settings.timeZone);
      const already = workedMinutes(
        fixed.filter((item) => toEpochMs(item.start) >= dayStart && toEpochMs(item.start) < dayEnd),
      );
      const terms = typeIds.flatMap((id) =>
        [day * 2, day * 2 + 1]
          .filter((period) => allowedCells.has(`${period}|${id}`))
          .map((period) => ({
            employee: person.id,
            day: period,
            shift: id,
            coefficient: lengthOf.get(id) ?? 0,
          })),
      );
      const most = terms.reduce((sum, term) => sum + term.coefficient, 0);
      if (terms.length > 1 && already + most > settings.dailyMaxMinutes) {
        linear.push({ terms, max: settings.dailyMaxMinutes - already });
      }
    }
  }

  return { employees, requests, keepRequests, linear, refusals, remainingMinutes, owedMinutes };
}
