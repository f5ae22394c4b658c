import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PendingCount, PendingDecisions } from '@relais/api-types';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { PendingService } from './pending.service';

/** What waits for the caller's decision: requests, swaps and claims of the sites they run. */
@ApiTags('pending')
@Roles('admin', 'hr', 'manager')
@Controller('pending')
export class PendingController {
  constructor(private readonly pending: PendingService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<PendingDecisions> {
    return this.pending.list(user);
  }

  /** The navigation's badge. */
  @Get('count')
  count(@CurrentUser() user: AuthUser): Promise<PendingCount> {
    return this.pending.count(user);
  }
}
