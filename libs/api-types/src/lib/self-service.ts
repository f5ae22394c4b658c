import type { ActivityCode } from './activity-code';
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

/** `GET /api/me/week`: today and the next 14 days. */
export interface MyWeek {
  /** Civil dates, inclusive. */
  from: string;
  to: string;
  /** When this answer was computed (the "à jour au" time offline). */
  generatedAt: string;
  /** My previous visit; null on the first one. */
  lastSeenAt: string | null;
  shifts: MyShift[];
  /** Weekly contract hours in force today, if any. */
  weeklyHours: number | null;
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
}

/** Body of `POST /api/swaps`. */
export interface CreateSwapRequest {
  shiftId: string;
  /** The published version the person saw. */
  version: number;
  toPersonId: string;
  message?: string | null;
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
