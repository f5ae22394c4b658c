import type {
  ActivityCode,
  AutoFillMode,
  AutoFillProposal,
  LocationKind,
  ProposedShift,
  ReleasedShift,
  RotaPerson,
  Shift,
  UnfilledDemand,
  UnfilledReason,
  Violation,
} from '@relais/contracts';
import {
  addDays,
  checkRotaPerson,
  checkRotaWeek,
  hasValidSkill,
  resolveRuleSettings,
  shiftToWorkItem,
  toEpochMs,
  windowOfIsoWeek,
  zonedInstant,
  type RotaComplianceInput,
  type RuleSettings,
} from '@relais/rules';
import type {
  CoverRequirement,
  EmployeeSpec,
  ForbiddenSuccession,
  LinearConstraint,
  RosterProblem,
  ShiftRequest,
  ShiftType,
  SolveResult,
} from '@relais/solver';
import { toZonedIso } from '../../../common/instant';
import { TIME_ZONE } from '../../../common/week';

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
}

interface Slot {
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
}

const MORNING_ENDS = 12 * 60;
const DAILY_MAX_MINUTES = 10 * 60;
const MIN_DAILY_REST = 11 * 60;
const LONG_SHIFT = 6 * 60;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function defaultActivity(kind: LocationKind | undefined): ActivityCode {
  if (kind === 'outreach') return 'outreach';
  if (kind === 'partner_permanence') return 'permanence';
  if (kind === 'workshop') return 'workshop';
  return 'accueil';
}

function weekdayOf(date: string, monday: string): number {
  return (
    Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${monday}T12:00:00Z`)) / 86_400_000) +
    1
  );
}

function breakFor(lengthMinutes: number): number {
  return lengthMinutes > LONG_SHIFT ? 20 : 0;
}

function isBlocking(violation: Violation): boolean {
  return violation.severity === 'block';
}

function shiftMinutes(shift: Pick<Shift, 'start' | 'end' | 'breakMinutes'>): number {
  return (Date.parse(shift.end) - Date.parse(shift.start)) / 60_000 - shift.breakMinutes;
}

function covers(shift: Shift, slot: Slot, startMs: number, endMs: number): boolean {
  return (
    shift.personId !== null &&
    shift.locationId === slot.locationId &&
    shift.activity === slot.activity &&
    Date.parse(shift.start) <= startMs &&
    Date.parse(shift.end) >= endMs
  );
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
  const settings = resolveRuleSettings(input.settings);
  const monday = windowOfIsoWeek(input.week).from;
  const window = windowOfIsoWeek(input.week);
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
  const locationKind = new Map(
    input.sites.flatMap((site) => site.input.site.locations.map((l) => [l.id, l.kind] as const)),
  );

  // ---- demand: requirements, France Services desk rule, open shifts ----
  const slots = new Map<string, Slot>();
  const slotFor = (
    siteId: string,
    locationId: string,
    weekday: number,
    startTime: string,
    endTime: string,
    activity: ActivityCode,
    qualifier: string,
    isPair: boolean,
  ): Slot => {
    const period = minutesOf(startTime) < MORNING_ENDS ? 0 : 1;
    const typeId = `${locationId}|${startTime}|${endTime}|${activity}|${qualifier}|${period}`;
    const key = `${weekday}|${typeId}`;
    let slot = slots.get(key);
    if (!slot) {
      slot = {
        key,
        typeId,
        siteId,
        locationId,
        day: weekday - 1,
        date: addDays(monday, weekday - 1),
        period: (weekday - 1) * 2 + period,
        startTime,
        endTime,
        activity,
        qualifier,
        isPair,
        need: 0,
        weightUnder: qualifier === '' ? 100 : 300,
        weightOver: 20,
        openShiftIds: [],
      };
      slots.set(key, slot);
    }
    return slot;
  };
  const bounds = (slot: Slot): { startMs: number; endMs: number } => ({
    startMs: zonedInstant(slot.date, slot.startTime, TIME_ZONE),
    endMs: zonedInstant(slot.date, slot.endTime, TIME_ZONE),
  });
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const holds = (personId: string | null, skill: string, date: string): boolean => {
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

  const movable: { shift: Shift; slotKey: string }[] = [];
  const pinnedBySite = new Map<string, Shift[]>();
  for (const site of input.sites) {
    const siteId = site.input.site.id;
    const siteKept = kept.get(siteId) ?? [];
    const desks = site.input.site.locations.filter((l) => l.kind === 'site').map((l) => l.id);
    // Demand per window: the stricter of the requirements and the France Services desk rule.
    const windows = new Map<
      string,
      {
        locationId: string;
        weekday: number;
        start: string;
        end: string;
        activity: ActivityCode;
        total: number;
        skill: string;
        skilled: number;
        isPair: boolean;
      }
    >();
    const windowOf = (
      locationId: string,
      weekday: number,
      start: string,
      end: string,
      activity: ActivityCode,
      skill: string,
    ) => {
      const key = `${locationId}|${weekday}|${start}|${end}|${activity}|${skill}`;
      let w = windows.get(key);
      if (!w) {
        w = {
          locationId,
          weekday,
          start,
          end,
          activity,
          total: 0,
          skill,
          skilled: 0,
          isPair: false,
        };
        windows.set(key, w);
      }
      return w;
    };
    for (const r of site.input.requirements) {
      const activity = r.activity ?? defaultActivity(locationKind.get(r.locationId));
      const need = Math.max(r.minStaff, r.isPair ? settings.outreachMinStaff : 0);
      const w = windowOf(
        r.locationId,
        r.weekday,
        r.startTime,
        r.endTime,
        activity,
        r.requiredSkill ?? '',
      );
      w.total = Math.max(w.total, need);
      if (r.requiredSkill) w.skilled = Math.max(w.skilled, need);
      w.isPair ||= r.isPair;
    }
    if (site.input.site.isFranceServices) {
      for (const range of site.input.site.openingHours) {
        if (range.end <= range.start) continue;
        for (const locationId of desks) {
          const w = windowOf(locationId, range.weekday, range.start, range.end, 'accueil', '');
          w.total = Math.max(w.total, settings.fsTrainedMinStaff);
          const trained = windowOf(
            locationId,
            range.weekday,
            range.start,
            range.end,
            'accueil',
            'france_services_initial',
          );
          trained.total = Math.max(trained.total, settings.fsTrainedMinStaff);
          trained.skilled = Math.max(trained.skilled, settings.fsTrainedMinStaff);
        }
      }
    }
    // Skilled demand counts towards the plain demand of the same window.
    // Shifts on a demanded window may move; the rest of the week stays as it is.
    const siteMovable: { shift: Shift; weekday: number; start: string; end: string }[] = [];
    for (const shift of siteKept) {
      if (shift.personId === null || shift.activity === 'training') continue;
      const isPublished = site.publishedShiftIds.has(shift.id) && !shift.isChangedSincePublication;
      if (input.mode === 'fill' && isPublished) continue;
      const weekday = weekdayOf(shift.start.slice(0, 10), monday);
      // The demanded window this shift covers (desk shifts often start a little earlier).
      const covered = [...windows.values()].find(
        (w) =>
          w.locationId === shift.locationId &&
          w.weekday === weekday &&
          w.activity === shift.activity &&
          shift.start.slice(11, 16) <= w.start &&
          shift.end.slice(11, 16) >= w.end &&
          minutesOf(w.end) - minutesOf(w.start) >=
            (minutesOf(shift.end.slice(11, 16)) - minutesOf(shift.start.slice(11, 16))) / 2,
      );
      if (covered) siteMovable.push({ shift, weekday, start: covered.start, end: covered.end });
    }
    const movableIds = new Set(siteMovable.map((m) => m.shift.id));
    const pinned = siteKept.filter((shift) => !movableIds.has(shift.id));
    pinnedBySite.set(siteId, pinned);
    const plainOf = (w: {
      locationId: string;
      weekday: number;
      start: string;
      end: string;
      activity: ActivityCode;
    }) => windows.get(`${w.locationId}|${w.weekday}|${w.start}|${w.end}|${w.activity}|`);
    for (const w of windows.values()) {
      const date = addDays(monday, w.weekday - 1);
      if (date < window.from || date > window.to) continue;
      const startMs = zonedInstant(date, w.start, TIME_ZONE);
      const endMs = zonedInstant(date, w.end, TIME_ZONE);
      const here = pinned.filter(
        (s) =>
          s.personId !== null &&
          s.locationId === w.locationId &&
          s.activity === w.activity &&
          Date.parse(s.start) <= startMs &&
          Date.parse(s.end) >= endMs,
      );
      if (w.skill !== '') {
        const missing = w.skilled - here.filter((s) => holds(s.personId, w.skill, date)).length;
        if (missing > 0) {
          slotFor(
            siteId,
            w.locationId,
            w.weekday,
            w.start,
            w.end,
            w.activity,
            w.skill,
            w.isPair,
          ).need += missing;
        }
      } else {
        const skilledNeed = [...windows.values()]
          .filter((o) => o.skill !== '' && plainOf(o) === w)
          .reduce((sum, o) => {
            const have = here.filter((s) => holds(s.personId, o.skill, date)).length;
            return sum + Math.max(0, o.skilled - have);
          }, 0);
        const missing = w.total - here.length - skilledNeed;
        if (missing > 0) {
          slotFor(siteId, w.locationId, w.weekday, w.start, w.end, w.activity, '', w.isPair).need +=
            missing;
        }
      }
    }
    // Open shifts ("à pourvoir") are demand too; a matching window hands them out first.
    for (const shift of siteKept) {
      if (shift.personId !== null || shift.activity === 'training') continue;
      const date = shift.start.slice(0, 10);
      const weekday =
        Math.round(
          (Date.parse(`${date}T12:00:00Z`) - Date.parse(`${monday}T12:00:00Z`)) / 86_400_000,
        ) + 1;
      if (weekday < 1 || weekday > 7) continue;
      const slot = slotFor(
        siteId,
        shift.locationId,
        weekday,
        shift.start.slice(11, 16),
        shift.end.slice(11, 16),
        shift.activity,
        '',
        false,
      );
      slot.openShiftIds.push(shift.id);
      slot.need = Math.max(slot.need, slot.openShiftIds.length);
    }
    for (const { shift, weekday, start, end } of siteMovable) {
      const date = addDays(monday, weekday - 1);
      const skilled = [...windows.values()].find(
        (w) =>
          w.skill !== '' &&
          w.locationId === shift.locationId &&
          w.weekday === weekday &&
          w.start === start &&
          w.end === end &&
          w.activity === shift.activity &&
          holds(shift.personId, w.skill, date),
      );
      const slot = slotFor(
        siteId,
        shift.locationId,
        weekday,
        start,
        end,
        shift.activity,
        skilled?.skill ?? '',
        skilled?.isPair ?? false,
      );
      // Keeping a planned shift beyond the requirement costs nothing.
      slot.weightOver = 0;
      movable.push({ shift, slotKey: slot.key });
    }
  }
  const movableSlots = new Set(movable.map((m) => m.slotKey));
  const demanded = [...slots.values()].filter(
    (slot) => slot.need > 0 || movableSlots.has(slot.key),
  );

  // ---- shift types ----
  const typeIds = [...new Set(demanded.map((slot) => slot.typeId))];
  const typeIndex = new Map(typeIds.map((id, index) => [id, index]));
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

  // ---- people: what each may take, alone, next to what they already work ----
  const keptByPerson = new Map<string, Shift[]>();
  for (const list of pinnedBySite.values())
    for (const shift of list)
      if (shift.personId)
        keptByPerson.set(shift.personId, [...(keptByPerson.get(shift.personId) ?? []), shift]);
  const siteOfPerson = new Map(people.map((p) => [p.id, p.homeSiteId]));
  const changesOf = (personId: string) =>
    input.sites.flatMap((site) => site.input.changes?.[personId] ?? []);
  const siteOfSlot = new Map(input.sites.map((s) => [s.input.site.id, s]));
  const refusals = new Map<string, { skilled: number; offered: number; rules: Set<string> }>();
  const remainingMinutes = new Map<string, number>();
  const employees: EmployeeSpec[] = [];
  const requests: ShiftRequest[] = [];
  const keepRequests: ShiftRequest[] = [];
  const linear: LinearConstraint[] = [];
  const weekStart = zonedInstant(window.from, '00:00', TIME_ZONE);
  const weekEnd = zonedInstant(addDays(window.to, 1), '00:00', TIME_ZONE);

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
    const fixedMinutes = fixedInWeek.reduce(
      (sum, item) =>
        sum + (toEpochMs(item.end) - toEpochMs(item.start)) / 60_000 - (item.breakMinutes ?? 0),
      0,
    );
    const remaining = contract ? Math.max(0, contract.weeklyHours * 60 - fixedMinutes) : 0;
    remainingMinutes.set(person.id, remaining);
    const baseline = new Set(
      checkRotaPerson(person, fixed, window, input.settings, changesOf(person.id))
        .filter(isBlocking)
        .map((v) => `${v.rule}|${v.shiftIds.join(',')}`),
    );
    const unavailable: { day: number; shift: string }[] = [];
    const ownSlots = new Set(
      movable.filter((m) => m.shift.personId === person.id).map((m) => m.slotKey),
    );
    const allowedCells = new Set<string>();
    for (const slot of demanded) {
      const refusal = refusals.get(slot.key) ?? {
        skilled: 0,
        offered: 0,
        rules: new Set<string>(),
      };
      refusals.set(slot.key, refusal);
      const { startMs, endMs } = bounds(slot);
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
      if (!contract || length - breakFor(length) > remaining) {
        if (contract) refusal.rules.add('CONTRACT_HOURS');
        continue;
      }
      const probe: Shift = {
        id: 'auto-fill-probe',
        siteId: slot.siteId,
        personId: person.id,
        locationId: slot.locationId,
        activity: slot.activity,
        start: toZonedIso(startMs),
        end: toZonedIso(endMs),
        breakMinutes: breakFor(length),
        note: null,
        version: 0,
        isChangedSincePublication: true,
      };
      const site = siteOfSlot.get(slot.siteId);
      const changes = site?.isPublished
        ? [
            ...changesOf(person.id),
            {
              publishedAt: Date.now(),
              firstAffectedDay: slot.date,
              shiftIds: [probe.id],
              addedMinutes: length - breakFor(length),
            },
          ]
        : changesOf(person.id);
      const refusedBy = checkRotaPerson(
        person,
        [...fixed, shiftToWorkItem(probe)],
        window,
        input.settings,
        changes,
      ).filter(
        (v) =>
          isBlocking(v) &&
          (v.shiftIds.includes(probe.id) || !baseline.has(`${v.rule}|${v.shiftIds.join(',')}`)),
      );
      if (refusedBy.length > 0) {
        for (const v of refusedBy) refusal.rules.add(v.rule);
        continue;
      }
      refusal.offered++;
      allowedCells.add(`${slot.period}|${slot.typeId}`);
      if (siteOfPerson.get(person.id) !== slot.siteId) {
        // Continuity: people stay on their own site unless it helps.
        requests.push({ employee: person.id, day: slot.period, shift: slot.typeId, weight: 5 });
      }
    }
    for (let period = 0; period < 14; period++) {
      for (const id of typeIds) {
        if (!allowedCells.has(`${period}|${id}`)) unavailable.push({ day: period, shift: id });
      }
    }
    employees.push({ id: person.id, maxTotalMinutes: remaining, unavailable });
    for (const m of movable) {
      if (m.shift.personId !== person.id) continue;
      const slot = slots.get(m.slotKey) as Slot;
      // Changing a planned shift has a price: higher for what was already published.
      keepRequests.push({
        employee: person.id,
        day: slot.period,
        shift: slot.typeId,
        weight: input.mode === 'replan' ? 40 : 10,
      });
    }
    // 10 h a day, counting what the person already works that day.
    for (let day = 0; day < 7; day++) {
      const date = addDays(monday, day);
      const dayStart = zonedInstant(date, '00:00', TIME_ZONE);
      const dayEnd = zonedInstant(addDays(date, 1), '00:00', TIME_ZONE);
      const already = fixed
        .filter((item) => toEpochMs(item.start) >= dayStart && toEpochMs(item.start) < dayEnd)
        .reduce(
          (sum, item) =>
            sum + (toEpochMs(item.end) - toEpochMs(item.start)) / 60_000 - (item.breakMinutes ?? 0),
          0,
        );
      const terms = typeIds.flatMap((id) =>
        [day * 2, day * 2 + 1]
          .filter((period) => allowedCells.has(`${period}|${id}`))
          .map((period) => ({
            employee: person.id,
            day: period,
            shift: id,
            coefficient: shiftTypes[typeIndex.get(id) as number]?.lengthMinutes ?? 0,
          })),
      );
      const most = terms.reduce((sum, term) => sum + term.coefficient, 0);
      if (terms.length > 1 && already + most > DAILY_MAX_MINUTES) {
        linear.push({ terms, max: DAILY_MAX_MINUTES - already });
      }
    }
  }

  // ---- successions: a morning then an afternoon (overlap, travel), an evening then a morning (rest) ----
  const travel = new Map(
    (input.settings.travelTimes ?? []).map((t) => [
      `${t.fromLocationId}|${t.toLocationId}`,
      t.minutes,
    ]),
  );
  const forbidden: ForbiddenSuccession[] = [];
  for (const a of typeSample.values()) {
    for (const b of typeSample.values()) {
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
    kept: pinnedBySite,
    movable,
    refusals,
    remainingMinutes,
  };
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
      const startMs = zonedInstant(slot.date, slot.startTime, TIME_ZONE);
      const endMs = zonedInstant(slot.date, slot.endTime, TIME_ZONE);
      const length = (endMs - startMs) / 60_000;
      add.push({
        key: `${slot.key}|${person.id}`,
        siteId: slot.siteId,
        personId: person.id,
        locationId: slot.locationId,
        activity: slot.activity,
        start: toZonedIso(startMs),
        end: toZonedIso(endMs),
        breakMinutes: breakFor(length),
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
  };
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
