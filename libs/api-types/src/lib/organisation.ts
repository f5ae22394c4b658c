import type { LocationKind } from './location-kind';

/** One public opening range: ISO weekday (1 = Monday … 7 = Sunday), 24-hour "HH:MM" times. */
export interface OpeningHours {
  weekday: number;
  start: string;
  end: string;
}

export interface Location {
  id: string;
  siteId: string;
  code: string;
  name: string;
  kind: LocationKind;
  address: string;
}

/** Answer item of `GET /api/sites`. */
export interface Site {
  id: string;
  code: string;
  name: string;
  address: string;
  isFranceServices: boolean;
  openingHours: OpeningHours[];
  locations: Location[];
}

/** Answer of `GET /api/health`. */
export interface Health {
  status: 'ok' | 'unavailable';
}
