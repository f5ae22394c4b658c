/**
 * Activities a shift can carry. `accueil` = the France Services desk, `outreach` = médiation
 * sortante (porte-à-porte, pied d'immeuble), `permanence` = a permanence in a partner structure,
 * `workshop` = atelier collectif, `digital_help` = accompagnement numérique.
 */
export const ACTIVITY_CODES = [
  'accueil',
  'back_office',
  'permanence',
  'outreach',
  'workshop',
  'digital_help',
  'meeting',
  'training',
] as const;
/** One of {@link ACTIVITY_CODES}. */
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

/** Whether a value received over HTTP is a known activity code. */
export function isActivityCode(value: unknown): value is ActivityCode {
  return typeof value === 'string' && (ACTIVITY_CODES as readonly string[]).includes(value);
}
