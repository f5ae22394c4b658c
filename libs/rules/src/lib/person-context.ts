import { PersonComplianceInput } from './person-input';
import { holidayMap } from './public-holidays';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import {
  buildTimeline,
  itemIdsByDay,
  minutesByDay,
  TimedItem,
  WorkTimeline,
} from './work-timeline';
import {
  addIsoWeeks,
  CivilDate,
  civilDatesBetween,
  isCivilDate,
  isoWeekOf,
  IsoWeekRange,
  parseIsoWeek,
  splitByCivilDay,
} from './zoned-time';

/** Everything computed once per person and shared by the rules. */
export interface PersonContext {
  input: PersonComplianceInput;
  personId: string;
  settings: RuleSettings;
  timeZone: string;
  timeline: WorkTimeline;
  minutesByDay: Map<CivilDate, number>;
  idsByDay: Map<CivilDate, string[]>;
  windowDays: CivilDate[];
  windowDaySet: Set<CivilDate>;
  windowWeeks: IsoWeekRange[];
  holidays: Map<CivilDate, string>;
}

/** Builds the shared per-person context; throws a RangeError on an invalid window. */
export function buildPersonContext(input: PersonComplianceInput): PersonContext {
  const settings = resolveRuleSettings(input.settings);
  const { from, to } = input.window;
  if (!isCivilDate(from) || !isCivilDate(to) || from > to) {
    throw new RangeError(`Période invalide : ${from} – ${to}`);
  }
  const timeZone = settings.timeZone;
  const timeline = buildTimeline(
    input.items.filter(
      (i) => i.personId === undefined || i.personId === null || i.personId === input.personId,
    ),
    settings,
  );
  const windowDays = civilDatesBetween(from, to);
  const windowWeeks: IsoWeekRange[] = [];
  const lastWeek = isoWeekOf(to);
  for (let w = isoWeekOf(from); ; w = addIsoWeeks(w, 1)) {
    windowWeeks.push(parseIsoWeek(w, timeZone));
    if (w === lastWeek) break;
  }
  return {
    input,
    personId: input.personId,
    settings,
    timeZone,
    timeline,
    minutesByDay: minutesByDay(timeline.segments, timeZone),
    idsByDay: itemIdsByDay(timeline.items, timeZone),
    windowDays,
    windowDaySet: new Set(windowDays),
    windowWeeks,
    holidays: holidayMap(settings, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)) + 1),
  };
}

/** Whether an item touches a civil day of the evaluation window. */
export function itemInWindow(ctx: PersonContext, item: TimedItem): boolean {
  return splitByCivilDay(item, ctx.timeZone).some((d) => ctx.windowDaySet.has(d.date));
}

/** Effective work minutes of an ISO week. */
export function weekMinutes(ctx: PersonContext, week: IsoWeekRange): number {
  return week.days.reduce((sum, d) => sum + (ctx.minutesByDay.get(d) ?? 0), 0);
}

/** Item ids touching any day of a week. */
export function weekItemIds(ctx: PersonContext, week: IsoWeekRange): string[] {
  return [...new Set(week.days.flatMap((d) => ctx.idsByDay.get(d) ?? []))];
}
