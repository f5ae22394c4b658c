import type { Violation } from './violation';

/** Roles of an account, from the widest to the narrowest scope. */
export const ROLES = ['admin', 'hr', 'manager', 'mediator'] as const;
export type Role = (typeof ROLES)[number];

/** Body of `POST /api/auth/login`. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** Answer of `GET /api/auth/me` and `POST /api/auth/login`. */
export interface Me {
  id: string;
  email: string;
  role: Role;
  personId: string;
  /** Sites the account may see: every site for admin and HR, managed sites for a manager, the home site for a mediator. */
  siteIds: string[];
  firstName: string;
  lastName: string;
}

/** Error body of every failed request. */
export interface ApiError {
  statusCode: number;
  error: string;
  /** French sentence a user can act on. */
  message: string;
  details?: unknown;
  /** Compliance violations behind a 422 (e.g. a contract refused by group-D rules). */
  violations?: Violation[];
}

/** One validation problem in `ApiError.details` of a 400. */
export interface FieldError {
  field: string;
  message: string;
}
