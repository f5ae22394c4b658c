import { ActivityCode, LocationKind } from '@relais/api-types';
import { PersonSkill, WorkItem } from './person-input';
import { RuleSettings, SkillCode } from './rule-settings';

/** A location of the site (the France Services desk, a satellite, an outreach estate…). */
export interface SiteLocation {
  id: string;
  kind: LocationKind;
  name?: string;
}

/** A weekly public opening range of a location: ISO weekday (1 = Monday) and `HH:mm` times. */
export interface OpeningSlot {
  locationId: string;
  weekday: number;
  start: string;
  end: string;
}

/** Staff needed at a location on a weekday between two times. */
export interface CoverageRequirement {
  id?: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  minStaff: number;
  /** Only shifts of this activity count, when set. */
  activity?: ActivityCode | null;
  /** Only people holding this valid skill count, when set. */
  requiredSkill?: SkillCode | null;
  /** Outreach in pairs: at least 2 whatever `minStaff` says. */
  isPair?: boolean;
}

/** A person who may appear in the site's shifts, with skills and employment status. */
export interface SitePerson {
  personId: string;
  skills: readonly PersonSkill[];
  /** `false` for volunteers, service civique and interns. */
  isEmployee?: boolean;
}

/** Everything the site-week checks (groups C and E) need. */
export interface SiteWeekInput {
  siteId: string;
  /** ISO week, `2026-W49`. */
  week: string;
  /** The site holds the France Services label. */
  isFranceServices: boolean;
  locations: readonly SiteLocation[];
  /** Published public opening hours (the France Services desk). */
  openingHours: readonly OpeningSlot[];
  coverage: readonly CoverageRequirement[];
  /** Shifts of the site-week, assigned or open. */
  shifts: readonly WorkItem[];
  people: readonly SitePerson[];
  settings?: Partial<RuleSettings>;
}
