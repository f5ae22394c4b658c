import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Me } from '@relais/api-types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CurrentUser, Public } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { AuthService, toMe } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { SESSION_COOKIE } from './session-token';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Me> {
    const { token, me } = await this.auth.login(body.email, body.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    // A fresh random token at every login: a cookie planted before login is never promoted.
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isSecureCookie,
      path: '/',
      maxAge: this.config.sessionTtlHours * 3600,
    });
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(user, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): Me {
    return toMe(user);
  }
}
