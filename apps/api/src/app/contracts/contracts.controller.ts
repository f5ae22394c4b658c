import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contract, EndContractResult } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { RecordRenewalRefusalDto } from '../posts/dto/post.dto';
import { ContractsService, EndingContract } from './contracts.service';
import {
  CreateContractDto,
  EndContractDto,
  EndingQueryDto,
  UpdateContractDto,
} from './dto/create-contract.dto';

@ApiTags('contracts')
@Controller()
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get('people/:id/contracts')
  listForPerson(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<Contract[]> {
    return this.contracts.listForPerson(user, id);
  }

  @Roles('admin', 'hr')
  @Post('contracts')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateContractDto): Promise<Contract> {
    return this.contracts.create(user, body);
  }

  @Roles('admin', 'hr')
  @Patch('contracts/:id')
  correct(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateContractDto,
  ): Promise<Contract> {
    return this.contracts.correct(user, id, body);
  }

  @Roles('admin', 'hr')
  @Post('contracts/:id/end')
  @HttpCode(200)
  end(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: EndContractDto,
  ): Promise<EndContractResult> {
    return this.contracts.end(user, id, body);
  }

  /** The employee refused the renewal of this CDD: no délai de carence after it (L1244-4-1). */
  @Roles('admin', 'hr')
  @Post('contracts/:id/renewal-refusal')
  @HttpCode(200)
  recordRenewalRefusal(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: RecordRenewalRefusalDto,
  ): Promise<Contract> {
    return this.contracts.recordRenewalRefusal(user, id, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('contracts/ending')
  ending(@CurrentUser() user: AuthUser, @Query() query: EndingQueryDto): Promise<EndingContract[]> {
    return this.contracts.ending(user, query.months ?? 6);
  }
}
