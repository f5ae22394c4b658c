/** Kinds of places where work happens: a site, its satellites, partner permanences, outreach, workshops. */
export const LOCATION_KINDS = [
  'site',
  'satellite',
  'partner_permanence',
  'outreach',
  'workshop',
] as const;
/** One of {@link LOCATION_KINDS}. */
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Whether a value received over HTTP is a known location kind. */
export function isLocationKind(value: unknown): value is LocationKind {
  return typeof value === 'string' && (LOCATION_KINDS as readonly string[]).includes(value);
}
