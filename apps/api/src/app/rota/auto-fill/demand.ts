import type { ActivityCode, Shift } from '@relais/api-types';
import {
  addDays,
  closedDayOf,
  resolveRuleSettings,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import {
  type ClosedDemand,
  defaultActivity,
  type Demand,
  type Holds,
  minutesOf,
  MORNING_ENDS,
  type PlannerInput,
  type Slot,
  weekdayOf,
} from './planner-model';
import { WEIGHTS } from './weights';

/**
 * Demand of the chosen site-weeks as solver slots: the coverage requirements, the France
 * Services desk rule (trained agents during public hours) and the open shifts, net of what is
 * pinned; draft shifts on a demanded window become movable (kept at a price). Nothing is
 * demanded on a closed day (see `closedOn`): it is counted instead, to be explained.
 */

export function collectDemand(
  input: PlannerInput,
  kept: ReadonlyMap<string, Shift[]>,
  holds: Holds,
): Demand {
  const settings = resolveRuleSettings(input.settings);
  const window = windowOfIsoWeek(input.week);
  const monday = window.from;
  const locationKind = new Map(
    input.sites.flatMap((site) => site.input.site.locations.map((l) => [l.id, l.kind] as const)),
  );
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
        weightUnder: qualifier === '' ? WEIGHTS.coverUnder : WEIGHTS.coverUnderSkilled,
        weightOver: WEIGHTS.coverOver,
        openShiftIds: [],
      };
      slots.set(key, slot);
    }
    return slot;
  };
  const movable: { shift: Shift; slotKey: string }[] = [];
  const pinnedBySite = new Map<string, Shift[]>();
  const closedDays = new Map<string, ClosedDemand>();
  for (const site of input.sites) {
    const siteId = site.input.site.id;
    // The planner's own notion of a closed day (copy of a week, templates): a public holiday
    // closes every place; a weekday without opening hours closes the site's desks only, as
    // outreach, partner permanences and workshops keep their own days.
    const closedOn = (locationId: string, date: string): ClosedDemand | null => {
      const closed = closedDayOf(date, site.input.site.openingHours, input.settings);
      if (!closed) return null;
      if (closed.reason === 'closed' && locationKind.get(locationId) !== 'site') return null;
      let counted = closedDays.get(date);
      if (!counted) {
        counted = { date, reason: closed.reason, openShifts: 0, needs: 0 };
        closedDays.set(date, counted);
      }
      return counted;
    };
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
      // A planned shift on a closed day stays as it is: moving it would staff that day.
      if (closedOn(shift.locationId, shift.start.slice(0, 10))) continue;
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
      const startMs = zonedInstant(date, w.start, settings.timeZone);
      const endMs = zonedInstant(date, w.end, settings.timeZone);
      const here = pinned.filter(
        (s) =>
          s.personId !== null &&
          s.locationId === w.locationId &&
          s.activity === w.activity &&
          Date.parse(s.start) <= startMs &&
          Date.parse(s.end) >= endMs,
      );
      const closed = closedOn(w.locationId, date);
      if (w.skill !== '') {
        const missing = w.skilled - here.filter((s) => holds(s.personId, w.skill, date)).length;
        if (missing > 0 && closed) closed.needs += missing;
        else if (missing > 0) {
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
        if (missing > 0 && closed) closed.needs += missing;
        else if (missing > 0) {
          slotFor(siteId, w.locationId, w.weekday, w.start, w.end, w.activity, '', w.isPair).need +=
            missing;
        }
      }
    }
    // Open shifts ("à pourvoir") are demand too; a matching window hands them out first.
    for (const shift of siteKept) {
      if (shift.personId !== null || shift.activity === 'training') continue;
      const weekday = weekdayOf(shift.start.slice(0, 10), monday);
      if (weekday < 1 || weekday > 7) continue;
      const closed = closedOn(shift.locationId, shift.start.slice(0, 10));
      if (closed) {
        closed.openShifts++;
        continue;
      }
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

  return {
    slots: demanded,
    byKey: slots,
    movable,
    pinnedBySite,
    closed: [...closedDays.values()]
      .filter((day) => day.openShifts + day.needs > 0)
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}
