import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PeopleModule } from '../people/people.module';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { OneTimeLinksController } from './one-time-links.controller';
import { OneTimeLinksService } from './one-time-links.service';
import { SessionGuard } from './session.guard';

@Module({
  imports: [PeopleModule],
  controllers: [AuthController, AccountsController, OneTimeLinksController],
  providers: [
    AuthService,
    LoginRateLimiter,
    OneTimeLinksService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
