import type { PersonSkill, SkillCode } from '@relais/api-types';
import { CivilDate, civilDate, daysBetween, formatDate, formatTime } from '@relais/rules';
import { ORGANISATION_TIME_ZONE } from '../core/time';

/** An instant as "30/11/2026" and "09:00", Paris time. */
export function instantParts(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  return {
    date: formatDate(civilDate(ms, ORGANISATION_TIME_ZONE)),
    time: formatTime(ms, ORGANISATION_TIME_ZONE),
  };
}

/** A certification expiring within this many days is flagged (dashboard tile: ≤ 60 days). */
export const SKILL_EXPIRY_WARNING_DAYS = 60;

export type SkillState = 'valid' | 'expiring' | 'expired';

export interface SkillView {
  id: string;
  skill: SkillCode;
  detail: string | null;
  state: SkillState;
  /** "12/05/2027", null when it never expires. */
  expiresOn: string | null;
  /** Days left before expiry (negative once expired), null when it never expires. */
  daysLeft: number | null;
}

/** How a skill reads on a chip: "valide jusqu'au 12/05/2027", "expire dans 45 j", "expiré". */
export function skillView(skill: PersonSkill, today: CivilDate): SkillView {
  const daysLeft = skill.expiresOn ? daysBetween(today, skill.expiresOn) : null;
  const state: SkillState =
    daysLeft === null || daysLeft > SKILL_EXPIRY_WARNING_DAYS
      ? 'valid'
      : daysLeft < 0
        ? 'expired'
        : 'expiring';
  return {
    id: skill.id,
    skill: skill.skill,
    detail: skill.detail,
    state,
    expiresOn: skill.expiresOn ? formatDate(skill.expiresOn) : null,
    daysLeft,
  };
}
