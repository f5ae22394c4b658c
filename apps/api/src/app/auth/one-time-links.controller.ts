import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OneTimeLink } from '@relais/api-types';
import type { FastifyRequest } from 'fastify';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Public, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { AcceptLinkDto } from './dto/accept-link.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { OneTimeLinksService } from './one-time-links.service';

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

@ApiTags('accounts')
@Controller()
export class OneTimeLinksController {
  constructor(
    private readonly links: OneTimeLinksService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  @Roles('admin', 'hr')
  @Post('people/:id/invitation')
  invite(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<OneTimeLink> {
    return this.links.issue(user, id, 'invitation', originOf(request), request.ip);
  }

  @Roles('admin', 'hr')
  @Post('people/:id/password-reset')
  reset(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<OneTimeLink> {
    return this.links.issue(user, id, 'password_reset', originOf(request), request.ip);
  }

  /** Public: the link itself is the credential; attempts count against the login budget. */
  @Public()
  @Post('auth/accept-link')
  @HttpCode(204)
  async accept(@Body() body: AcceptLinkDto, @Req() request: FastifyRequest): Promise<void> {
    await this.limiter.beforeAttempt(request.ip, `link:${request.ip}`);
    await this.links.accept(body.token, body.password, request.ip);
  }
}
