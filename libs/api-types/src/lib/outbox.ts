/** Where an outgoing e-mail stands: still to send (first try or a retry), or given up. */
export const OUTBOX_STATUSES = ['pending', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export function isOutboxStatus(value: unknown): value is OutboxStatus {
  return OUTBOX_STATUSES.includes(value as OutboxStatus);
}

/** An e-mail of the outbox, as `GET /api/admin/outbox?status=…` lists it (admin only). */
export interface OutboxEmail {
  id: string;
  status: OutboxStatus;
  to: string;
  subject: string;
  /** Attempts made so far (a dead e-mail: all of them). */
  attempts: number;
  /** The mail server's last refusal or error, if any. */
  lastError: string | null;
  createdAt: string;
  /** When the next attempt is due (pending), or null. */
  nextAttemptAt: string | null;
}
