import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@relais/api-types';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'relais:isPublic';
export const ROLES = 'relais:roles';

/** Opts a route out of the global session guard. Every use is a deliberate, reviewed exception. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to some roles; checked by the guard through AccessService. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
