import { PersonSkill } from './person-input';
import { CivilDate } from './zoned-time';

/** Whether a person holds a skill valid on a civil date (acquired on or before it, not expired). */
export function hasValidSkill(
  skills: readonly PersonSkill[],
  code: string,
  date: CivilDate,
): boolean {
  return skills.some(
    (s) =>
      s.code === code &&
      (s.acquiredOn === undefined || s.acquiredOn === null || s.acquiredOn <= date) &&
      (s.expiresOn === undefined || s.expiresOn === null || s.expiresOn >= date),
  );
}

/** French name of a skill for messages. */
export function skillLabel(code: string): string {
  switch (code) {
    case 'france_services_initial':
      return 'formation initiale France Services';
    case 'sst':
      return 'SST valide';
    case 'aidants_connect':
      return 'habilitation Aidants Connect';
    default:
      return code;
  }
}

/** Why a person cannot take an activity needing a skill, or undefined when they can. */
export function skillProblem(
  required: string,
  skills: readonly PersonSkill[],
  isEmployee: boolean,
  date: CivilDate,
): string | undefined {
  // Aidants Connect habilitation is for employees only (no volunteers, service civique, interns).
  if (required === 'aidants_connect' && !isEmployee) {
    return 'l’habilitation Aidants Connect est réservée aux salariés.';
  }
  if (!hasValidSkill(skills, required, date)) {
    return `${skillLabel(required)} requise et absente ou expirée.`;
  }
  return undefined;
}
