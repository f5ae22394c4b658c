import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  Absence,
  PersonDetail,
  PersonSkill,
  PersonSummary,
  SiteLoan,
} from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import {
  CreateAbsenceDto,
  CreatePersonDto,
  CreateSiteLoanDto,
  CreateSkillDto,
  PeopleQueryDto,
} from './dto/people.dto';
import { PeopleService } from './people.service';
import { SiteLoansService } from './site-loans.service';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly loans: SiteLoansService,
  ) {}

  @Get('people')
  list(@CurrentUser() user: AuthUser, @Query() query: PeopleQueryDto): Promise<PersonSummary[]> {
    return this.people.list(user, query);
  }

  @Get('people/:id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PersonDetail> {
    return this.people.get(user, id);
  }

  @Roles('admin', 'hr')
  @Post('people')
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePersonDto): Promise<PersonSummary> {
    return this.people.create(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('people/:id/skills')
  addSkill(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateSkillDto,
  ): Promise<PersonSkill> {
    return this.people.addSkill(user, id, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Delete('skills/:id')
  @HttpCode(204)
  removeSkill(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.people.removeSkill(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('people/:id/absences')
  addAbsence(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateAbsenceDto,
  ): Promise<Absence> {
    return this.people.addAbsence(user, id, body);
  }

  @Get('people/:id/loans')
  listLoans(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<SiteLoan[]> {
    return this.loans.list(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('people/:id/loans')
  addLoan(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateSiteLoanDto,
  ): Promise<SiteLoan> {
    return this.loans.create(user, id, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Delete('loans/:id')
  @HttpCode(204)
  removeLoan(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.loans.remove(user, id);
  }
}
