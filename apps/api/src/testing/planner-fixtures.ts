import type { CoverageRequirement, RotaPerson, Shift } from '@relais/api-types';
import type { RuleSettings } from '@relais/rules';
import type { PlannerInput } from '../app/rota/auto-fill/planner-model';

/** Small auto-fill inputs for the pure planner modules' specs: one site, one desk, week 50 of 2026. */
export const WEEK = '2026-W50';
export const MONDAY = '2026-12-07';
export const DESK = 'loc-desk';

export function person(
  id: string,
  weeklyHours: number,
  extra: Partial<RotaPerson> = {},
): RotaPerson {
  const contract = { type: 'CDI' as const, start: '2025-01-01', end: null, weeklyHours };
  return {
    id,
    firstName: id,
    lastName: id,
    homeSiteId: 'site-s',
    contract,
    contracts: [contract],
    plannedMinutes: 0,
    absences: [],
    skills: [],
    otherItems: [],
    ...extra,
  };
}

export function requirement(
  weekday: number,
  startTime: string,
  endTime: string,
  minStaff = 1,
): CoverageRequirement {
  return {
    id: `r-${weekday}-${startTime}`,
    locationId: DESK,
    weekday,
    startTime,
    endTime,
    minStaff,
    requiredSkill: null,
    activity: null,
    isPair: false,
  };
}

/** A shift on a December 2026 date, Paris winter time. */
export function shift(
  id: string,
  personId: string | null,
  date: string,
  start: string,
  end: string,
  breakMinutes = 0,
): Shift {
  return {
    id,
    siteId: 'site-s',
    personId,
    locationId: DESK,
    activity: 'accueil',
    start: `${date}T${start}:00+01:00`,
    end: `${date}T${end}:00+01:00`,
    breakMinutes,
    note: null,
    version: 1,
    isChangedSincePublication: true,
  };
}

export function plannerInput(
  options: {
    people?: RotaPerson[];
    requirements?: CoverageRequirement[];
    shifts?: Shift[];
    settings?: Partial<RuleSettings>;
    mode?: PlannerInput['mode'];
    publishedShiftIds?: string[];
  } = {},
): PlannerInput {
  const settings = { travelTimes: [], ...options.settings };
  return {
    week: WEEK,
    mode: options.mode ?? 'fill',
    settings,
    sites: [
      {
        input: {
          site: {
            id: 'site-s',
            isFranceServices: false,
            openingHours: [],
            locations: [{ id: DESK, kind: 'site' }],
          },
          week: WEEK,
          shifts: options.shifts ?? [],
          people: options.people ?? [],
          requirements: options.requirements ?? [],
          settings,
        },
        isPublished: (options.publishedShiftIds ?? []).length > 0,
        publishedShiftIds: new Set(options.publishedShiftIds ?? []),
      },
    ],
  };
}
