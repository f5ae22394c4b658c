import type { ActivityCode } from './activity-code';
import type { StaffRequest } from './people';
import type { Violation } from './violation';

// The mediator's own view (capability 7): only published weeks, all sites together.

/** A colleague working on the same slot (same place, overlapping times). */
export interface MyColleague {
  id: string;
  firstName: string;
  lastName: string;
}

export const MY_SHIFT_CHANGES = ['new', 'changed', 'cancelled'] as const;
/** How a shift differs from what the person saw at their last visit. */
export type MyShiftChange = (typeof MY_SHIFT_CHANGES)[number];

/** One of my published shifts (or training sessions, activity `training`). */
export interface MyShift {
  id: string;
  siteId: string;
  siteName: string;
  locationName: string;
  locationAddress: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  /** The manager's note on the shift. */
  note: string | null;
  /** Version of the published shift, sent back when offering a swap. */
  version: number;
  colleagues: MyColleague[];
  /** Null when unchanged since my last visit (or on a first visit). */
  change: MyShiftChange | null;
  /** Times as they were at my last visit, when they changed. */
  previous: { start: string; end: string } | null;
  /** A swap of this shift waiting for an answer or a decision. */
  pendingSwapId: string | null;
}

/**
 * `GET /api/me/week`: from Monday of the current week to 14 days ahead; with `?week=2026-W50`,
 * that week from Monday to Sunday.
 */
export interface MyWeek {
  /** Civil dates, inclusive. */
  from: string;
  to: string;
  /** The ISO week shown first ("2026-W50"). */
  week: string;
  /** When this answer was computed (the "à jour au" time offline). */
  generatedAt: string;
  /** My previous visit; null on the first one. */
  lastSeenAt: string | null;
  shifts: MyShift[];
  /** Weekly contract hours in force today (or in the week asked for), if any. */
  weeklyHours: number | null;
  /** A part-timer's complementary hours in `week` and its month; null for full time or no contract. */
  complementaryHours: ComplementaryHours | null;
}

/**
 * Complementary hours of a part-timer (C. trav., art. L3123-28 and L3123-20): published hours
 * beyond the contract's weekly hours, against the limit (the contract's hours × `ratio`). The
 * month is the one holding the week's Thursday; it adds up its weeks and their limits.
 */
export interface ComplementaryHours {
  /** 0.1 by law, up to 1/3 by agreement (organisation settings). */
  ratio: number;
  weekMinutes: number;
  weekCapMinutes: number;
  /** "2026-12". */
  month: string;
  monthMinutes: number;
  monthCapMinutes: number;
}

/** Body of `POST /api/me/week/seen`: the `generatedAt` of the week the person has seen. */
export interface MarkSeenRequest {
  seenAt: string;
}

/** `GET /api/me/calendar`: the state of my calendar feed (the URL itself is shown only once). */
export interface CalendarFeedState {
  isActive: boolean;
  createdAt: string | null;
  /** Only in the answer that creates or regenerates the link. */
  url?: string;
}

export const SWAP_STATUSES = ['offered', 'accepted', 'approved', 'refused', 'cancelled'] as const;
/** `offered` → the colleague `accepted` → the manager `approved` or `refused`; `cancelled` by either person. */
export type SwapStatus = (typeof SWAP_STATUSES)[number];

/** A shift swap: one person hands a published shift to a colleague. */
export interface ShiftSwap {
  id: string;
  status: SwapStatus;
  shiftId: string;
  siteId: string;
  siteName: string;
  locationName: string;
  activity: ActivityCode;
  start: string;
  end: string;
  fromPersonId: string;
  fromPersonName: string;
  toPersonId: string;
  toPersonName: string;
  message: string | null;
  reply: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Blocking problems found at the last approval attempt. */
  violations: Violation[];
  /** In a two-way swap, the colleague's shift given in exchange (null: a one-way hand-over). */
  counterShift: SwapCounterShift | null;
}

/** The colleague's shift a two-way swap gives back to the one who offered. */
export interface SwapCounterShift {
  id: string;
  siteName: string;
  locationName: string;
  activity: ActivityCode;
  start: string;
  end: string;
}

/** `GET /api/swaps/exchangeable`: a colleague's published shift that may be asked in exchange. */
export interface ExchangeableShift extends SwapCounterShift {
  /** The published version, sent back with the offer. */
  version: number;
}

/** Body of `POST /api/swaps`. */
export interface CreateSwapRequest {
  shiftId: string;
  /** The published version the person saw. */
  version: number;
  toPersonId: string;
  message?: string | null;
  /** A two-way swap: the colleague's published shift taken in exchange, and its version. */
  counterShiftId?: string | null;
  counterVersion?: number | null;
}

/** Body of `POST /api/swaps/:id/decision`. */
export interface DecideSwapRequest {
  status: 'approved' | 'refused';
  reply?: string | null;
}

export const NOTIFICATION_KINDS = [
  'rota_published',
  'request_decided',
  'swap_offered',
  'swap_accepted',
  'swap_decided',
  'reminder',
  /** To the managers of the person's site: a new leave or unavailability request. */
  'request_filed',
  /** To the managers of the shift's site: someone is available for an open shift. */
  'claim_filed',
  /** To the claimant: the claim is approved, refused or closed. */
  'claim_decided',
  /** Failed logins on my account reached its ceiling (someone may be guessing my password). */
  'security',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An inbox message. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** In-app path to open ("/ma-semaine"). */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications`. */
export interface NotificationInbox {
  unread: number;
  items: AppNotification[];
}

export const CLAIM_STATUSES = ['pending', 'approved', 'refused', 'withdrawn', 'closed'] as const;
/**
 * `pending` → the manager `approved` (the shift is hers) or `refused`; `withdrawn` by the
 * claimant; `closed` when the shift went to someone else or stopped being open.
 */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** `GET /api/open-shifts`: a published open shift the caller may legally take. */
export interface OpenShift {
  id: string;
  siteId: string;
  siteName: string;
  locationName: string;
  locationAddress: string;
  activity: ActivityCode;
  start: string;
  end: string;
  breakMinutes: number;
  note: string | null;
  /** The published version, sent back with the claim. */
  version: number;
  /** My claim waiting for the manager's decision, if any. */
  pendingClaimId: string | null;
}

/** Body of `POST /api/open-shifts/:id/claims`. */
export interface CreateClaimRequest {
  /** The published version of the shift the person saw. */
  version: number;
  message?: string | null;
}

/** "Je suis disponible": a person's claim on an open shift. */
export interface OpenShiftClaim {
  id: string;
  status: ClaimStatus;
  shiftId: string;
  siteId: string;
  siteName: string;
  locationName: string;
  activity: ActivityCode;
  start: string;
  end: string;
  personId: string;
  personName: string;
  message: string | null;
  reply: string | null;
  createdAt: string;
  decidedAt: string | null;
  /**
   * For those who decide: the blocking problems approving would create now (pending claims), or
   * those that refused the last approval attempt. Always empty for a mediator.
   */
  violations: Violation[];
}

/** Body of `POST /api/claims/:id/decision`. */
export interface DecideClaimRequest {
  status: 'approved' | 'refused';
  reply?: string | null;
}

/** A pending leave or unavailability request, with what approving it would do to the rota. */
export interface PendingRequest {
  request: StaffRequest;
  /** Blocking problems approving would create (work planned during the requested absence). */
  violations: Violation[];
}

/**
 * `GET /api/pending`: what waits for the caller's decision on the sites they run (everything
 * for HR and the direction), each with the rules' verdict on approving it now.
 */
export interface PendingDecisions {
  count: number;
  requests: PendingRequest[];
  /** Swaps both people agreed to; `violations` is the verdict on approving now. */
  swaps: ShiftSwap[];
  claims: OpenShiftClaim[];
  /** By swap or claim id: why approving cannot be done at all now (the shift changed…). */
  problems: Record<string, string>;
}

/** `GET /api/pending/count`: the badge of the navigation. */
export interface PendingCount {
  count: number;
}
