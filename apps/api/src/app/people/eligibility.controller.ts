import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PersonEligibility } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { PersonEligibilityDto } from './dto/eligibility.dto';
import { EligibilityService } from './eligibility.service';

/** An aided contract's eligibility facts: HR and admin only, never a manager nor the person. */
@ApiTags('people')
@Roles('admin', 'hr')
@Controller('people/:id/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get()
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PersonEligibility> {
    return this.eligibility.get(user, id);
  }

  @Put()
  record(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: PersonEligibilityDto,
  ): Promise<PersonEligibility> {
    return this.eligibility.record(user, id, body);
  }
}
