import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OpenShift, OpenShiftClaim } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { ClaimsQueryDto, CreateClaimDto, DecideClaimDto } from './dto/open-shifts.dto';
import { OpenShiftsService } from './open-shifts.service';

@ApiTags('open-shifts')
@Controller()
export class OpenShiftsController {
  constructor(private readonly openShifts: OpenShiftsService) {}

  /** Published open shifts of my sites that the rules let me take. */
  @Get('open-shifts')
  list(@CurrentUser() user: AuthUser): Promise<OpenShift[]> {
    return this.openShifts.list(user);
  }

  /** "Je suis disponible". */
  @Post('open-shifts/:id/claims')
  claim(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateClaimDto,
  ): Promise<OpenShiftClaim> {
    return this.openShifts.claim(user, id, body);
  }

  /** My claims; for managers, those on the shifts of their sites too. */
  @Get('claims')
  claims(@CurrentUser() user: AuthUser, @Query() query: ClaimsQueryDto): Promise<OpenShiftClaim[]> {
    return this.openShifts.claims(user, query.status);
  }

  @Post('claims/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OpenShiftClaim> {
    return this.openShifts.withdraw(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('claims/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: DecideClaimDto,
  ): Promise<OpenShiftClaim> {
    return this.openShifts.decide(user, id, body);
  }
}
