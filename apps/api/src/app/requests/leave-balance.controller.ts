import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LeaveBalance } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { LeaveBalanceService } from './leave-balance.service';

@ApiTags('requests')
@Controller('people')
export class LeaveBalanceController {
  constructor(private readonly balances: LeaveBalanceService) {}

  /** The person themselves, the manager of their site, HR and admin. */
  @Get(':id/leave-balance')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<LeaveBalance> {
    return this.balances.get(user, id);
  }
}
