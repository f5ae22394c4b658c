import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ContractObligations, DueObligations } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { DueObligationsQueryDto, RecordObligationDto } from './dto/obligations.dto';
import { ObligationsService } from './obligations.service';

/** Each contract's obligations: read with the pathway, recorded by HR and admin. */
@ApiTags('pathways')
@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  /** The person's latest contract's obligations; null when they have no contract. */
  @Get('pathways/:id/obligations')
  forPerson(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<ContractObligations | null> {
    return this.obligations.forPerson(user, id);
  }

  /** Everything not met that falls due by the end of the month (`month=YYYY-MM`), late included. */
  @Roles('admin', 'hr')
  @Get('obligations/due')
  due(
    @CurrentUser() user: AuthUser,
    @Query() query: DueObligationsQueryDto,
  ): Promise<DueObligations> {
    return this.obligations.due(user, query.month);
  }

  /** Records what meets one obligation (`code` in the body), or replaces what was recorded. */
  @Roles('admin', 'hr')
  @HttpCode(200)
  @Post('contracts/:id/obligations')
  record(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: RecordObligationDto,
  ): Promise<ContractObligations> {
    return this.obligations.record(user, id, body);
  }

  /** Takes back a record made by mistake: the obligation is open again. */
  @Roles('admin', 'hr')
  @Delete('contract-obligations/:id')
  remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ContractObligations> {
    return this.obligations.remove(user, id);
  }
}
