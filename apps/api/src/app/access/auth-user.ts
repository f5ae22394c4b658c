import type { Role } from '@relais/api-types';

/** The authenticated caller, attached to the request by the session guard. */
export interface AuthUser {
  accountId: string;
  sessionId: string;
  organisationId: string;
  personId: string;
  email: string;
  role: Role;
  /** Sites in scope: all of the organisation for admin and HR, managed ones, or the home site. */
  siteIds: string[];
  /**
   * Every site of the organisation, to tell "not yours" (403) from "not found" (404, which says
   * nothing about other organisations). Absent on hand-made users: then everything is 403.
   */
  organisationSiteIds?: string[];
  firstName: string;
  lastName: string;
  /** The organisation's time zone (its settings): days, weeks and times in messages. */
  timeZone: string;
}
