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
  /**
   * The derogation to Sunday rest recorded for the site (C. trav., L3132-12 and following), with
   * who recorded it and when; `null` without one (a Sunday shift there is then flagged).
   */
  sundayDerogation: SiteSundayDerogation | null;
}

export interface SiteSundayDerogation {
  /** The legal basis: the article, the prefectoral or municipal decision, the agreement. */
  basis: string;
  at: string;
  byName: string | null;
}

/** Body of `PUT /api/sites/{id}/sunday-derogation`; `basis: null` removes it. */
/** Body of `PUT /api/sites/{id}/opening-hours`: the site's whole week of public hours. */
export interface SiteOpeningHoursRequest {
  openingHours: OpeningHours[];
}

export interface SiteSundayDerogationRequest {
  basis: string | null;
}

/** Answer of `GET /api/health`. */
export interface Health {
  status: 'ok' | 'unavailable';
}
