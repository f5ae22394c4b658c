import type {
  CoverageCell,
  CoverageRequirement,
  LocationKind,
  OpeningHours,
  RotaPerson,
  Shift,
  Violation,
} from '@relais/api-types';
import { checkPersonCompliance } from './person-compliance';
import { Absence, EvaluationWindow, PersonSkill, ScheduleChange, WorkItem } from './person-input';
import { resolveRuleSettings, RuleSettings } from './rule-settings';
import { checkSiteWeek } from './site-rules';
import { hasValidSkill } from './skills';
import { mergeViolations } from './violation-builder';
import { addDays, toEpochMs, windowOfIsoWeek, zonedInstant } from './zoned-time';

/** One site-week as the grid holds it: the API and the browser check exactly this. */
export interface RotaComplianceInput {
  site: {
    id: string;
    isFranceServices: boolean;
    openingHours: readonly OpeningHours[];
    locations: readonly { id: string; kind: LocationKind }[];
  };
  week: string;
  shifts: readonly Shift[];
  people: readonly RotaPerson[];
  requirements: readonly CoverageRequirement[];
  /** Changes to an already published week, by person (PART_TIME_NOTICE, SHORT_NOTICE_EXTRA). */
  changes?: Readonly<Record<string, readonly ScheduleChange[]>>;
  settings?: Partial<RuleSettings>;
}

export function shiftToWorkItem(
  shift: Pick<
    Shift,
    'id' | 'personId' | 'start' | 'end' | 'breakMinutes' | 'locationId' | 'activity'
  >,
): WorkItem {
  return {
    id: shift.id,
    kind: shift.activity === 'training' ? 'training' : 'shift',
    personId: shift.personId,
    start: shift.start,
    end: shift.end,
    breakMinutes: shift.breakMinutes,
    locationId: shift.locationId,
    activity: shift.activity,
  };
}

function toRuleAbsence(absence: RotaPerson['absences'][number]): Absence {
  const kind =
    absence.kind === 'leave' ||
    absence.kind === 'sickness' ||
    absence.kind === 'training' ||
    absence.kind === 'unavailability'
      ? absence.kind
      : 'other';
  return { kind, start: absence.start, end: absence.end };
}

/** A grid person's skills as the rules read them. */
function ruleSkills(person: RotaPerson): PersonSkill[] {
  return person.skills.map((skill) => ({
    code: skill.skill,
    acquiredOn: skill.acquiredOn,
    expiresOn: skill.expiresOn,
  }));
}

/** The working-time rules for one person of the grid, over the given items and window. */
export function checkRotaPerson(
  person: RotaPerson,
  items: readonly WorkItem[],
  window: EvaluationWindow,
  settings?: Partial<RuleSettings>,
  changes?: readonly ScheduleChange[],
): Violation[] {
  return checkPersonCompliance({
    personId: person.id,
    items,
    contracts: person.contracts.map((contract, index) => ({
      id: `${person.id}:${index}`,
      ...contract,
    })),
    absences: person.absences.map(toRuleAbsence),
    skills: ruleSkills(person),
    changes,
    history: person.workHistory,
    window,
    settings,
  });
}

/**
 * Every violation of a site-week: the working-time rules of each person on it (their other
 * work items included) and the site's coverage and qualification rules.
 */
export function checkRotaWeek(input: RotaComplianceInput): Violation[] {
  const window = windowOfIsoWeek(input.week);
  const siteShiftIds = new Set(input.shifts.map((shift) => shift.id));
  return mergeViolations(
    input.people.flatMap((person) => checkRotaWeekPerson(input, person, window, siteShiftIds)),
    checkRotaWeekSite(input),
  );
}

/**
 * One person's part of `checkRotaWeek`: the working-time rules over the week, kept to the
 * violations of the site-week's shifts (or of none). It reads the person, the person's own shifts
 * of the week and changes, and the settings, nothing of anyone else: a person whose inputs did not
 * change keeps the same violations (the API rechecks only the people a write touched).
 */
export function checkRotaWeekPerson(
  input: RotaComplianceInput,
  person: RotaPerson,
  window: EvaluationWindow = windowOfIsoWeek(input.week),
  siteShiftIds: ReadonlySet<string> = new Set(input.shifts.map((shift) => shift.id)),
): Violation[] {
  const own = input.shifts.filter((shift) => shift.personId === person.id);
  const changes = input.changes?.[person.id];
  // A person whose last shift of the week was removed still has the notice owed for it.
  if (own.length === 0 && (changes === undefined || changes.length === 0)) return [];
  const items = [
    ...own.map(shiftToWorkItem),
    ...person.otherItems.map((item) => shiftToWorkItem({ ...item, personId: person.id })),
  ];
  return checkRotaPerson(person, items, window, input.settings, changes).filter(
    (violation) =>
      violation.shiftIds.length === 0 || violation.shiftIds.some((id) => siteShiftIds.has(id)),
  );
}

/** The site's part of `checkRotaWeek`: coverage, opening hours and qualifications of the week. */
export function checkRotaWeekSite(input: RotaComplianceInput): Violation[] {
  const deskIds = input.site.locations
    .filter((location) => location.kind === 'site')
    .map((location) => location.id);
  return checkSiteWeek({
    siteId: input.site.id,
    week: input.week,
    isFranceServices: input.site.isFranceServices,
    locations: input.site.locations,
    openingHours: deskIds.flatMap((locationId) =>
      input.site.openingHours.map((range) => ({
        locationId,
        weekday: range.weekday,
        start: range.start,
        end: range.end,
      })),
    ),
    coverage: input.requirements.map((requirement) => ({
      id: requirement.id,
      locationId: requirement.locationId,
      weekday: requirement.weekday,
      start: requirement.startTime,
      end: requirement.endTime,
      minStaff: requirement.minStaff,
      activity: requirement.activity,
      requiredSkill: requirement.requiredSkill,
      isPair: requirement.isPair,
    })),
    shifts: input.shifts.map(shiftToWorkItem),
    people: input.people.map((person) => ({
      personId: person.id,
      skills: ruleSkills(person),
    })),
    settings: input.settings,
  });
}

/** Staffing of each requirement on each day of the week, for the coverage strip. */
export function coverageCells(
  input: Pick<RotaComplianceInput, 'week' | 'shifts' | 'people' | 'requirements' | 'settings'>,
): CoverageCell[] {
  const { timeZone } = resolveRuleSettings(input.settings);
  const monday = windowOfIsoWeek(input.week).from;
  return input.requirements.flatMap((requirement) => {
    const date = addDays(monday, requirement.weekday - 1);
    const from = zonedInstant(date, requirement.startTime, timeZone);
    const to = zonedInstant(date, requirement.endTime, timeZone);
    const covering = new Set(
      input.shifts
        .filter(
          (shift) =>
            shift.personId !== null &&
            shift.locationId === requirement.locationId &&
            (requirement.activity === null || shift.activity === requirement.activity) &&
            toEpochMs(shift.start) <= from &&
            toEpochMs(shift.end) >= to,
        )
        .map((shift) => shift.personId as string),
    );
    const qualified = requirement.requiredSkill
      ? [...covering].filter((personId) => {
          const person = input.people.find((candidate) => candidate.id === personId);
          return (
            person !== undefined &&
            hasValidSkill(ruleSkills(person), requirement.requiredSkill as string, date)
          );
        }).length
      : covering.size;
    const required = requirement.isPair ? Math.max(2, requirement.minStaff) : requirement.minStaff;
    const status: CoverageCell['status'] =
      qualified < required ? 'under' : covering.size > required + 1 ? 'over' : 'ok';
    return [
      {
        requirementId: requirement.id,
        locationId: requirement.locationId,
        date,
        startTime: requirement.startTime,
        endTime: requirement.endTime,
        required,
        assigned: covering.size,
        qualified,
        status,
      },
    ];
  });
}
