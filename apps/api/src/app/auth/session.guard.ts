import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@relais/api-types';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from '../access/access.decorators';
import { AccessService } from '../access/access.service';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-token';

/** Global guard: every route needs a valid session unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    const user = token ? await this.auth.userFromToken(token) : null;
    if (!user) throw new UnauthorizedException('Connexion requise.');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles) this.access.requireRole(user, roles);
    return true;
  }
}
