import { createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'relais_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Keyed hash: a copy of the database alone does not give usable session cookies. */
export function hashSessionToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
