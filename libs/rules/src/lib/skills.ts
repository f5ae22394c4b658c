import { formatDate } from './french-format';
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

/** French name of a certificate or habilitation, as a sentence's subject. */
export function certificateLabel(code: string): string {
  switch (code) {
    case 'sst':
      return 'Certificat SST';
    case 'aidants_connect':
      return 'Habilitation Aidants Connect';
    case 'france_services_initial':
      return 'Formation initiale France Services';
    case 'language':
      return 'Langue';
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

/** The latest expiry before `date` of a skill held (acquired by then), if any. */
function lastExpiry(
  skills: readonly PersonSkill[],
  code: string,
  date: CivilDate,
): CivilDate | undefined {
  let last: CivilDate | undefined;
  for (const s of skills) {
    if (s.code !== code || !s.expiresOn || s.expiresOn >= date) continue;
    if (s.acquiredOn && s.acquiredOn > date) continue;
    if (last === undefined || s.expiresOn > last) last = s.expiresOn;
  }
  return last;
}

/**
 * The rule an activity needing a skill breaks, with its French reason: CERTIFICATE_EXPIRED when the
 * person held it and it expired by the day (to renew), else SKILL_REQUIRED; undefined when fine.
 */
export function skillViolation(
  required: string,
  skills: readonly PersonSkill[],
  isEmployee: boolean,
  date: CivilDate,
): { rule: 'SKILL_REQUIRED' | 'CERTIFICATE_EXPIRED'; message: string } | undefined {
  const problem = skillProblem(required, skills, isEmployee, date);
  if (!problem) return undefined;
  const expiredOn =
    isEmployee || required !== 'aidants_connect' ? lastExpiry(skills, required, date) : undefined;
  return expiredOn
    ? {
        rule: 'CERTIFICATE_EXPIRED',
        message: `${certificateLabel(required)} a expiré le ${formatDate(expiredOn)} et ne compte plus.`,
      }
    : { rule: 'SKILL_REQUIRED', message: problem };
}
