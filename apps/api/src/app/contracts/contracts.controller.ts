import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contract } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { ContractsService, EndingContract } from './contracts.service';
import { CreateContractDto, EndingQueryDto } from './dto/create-contract.dto';

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

  @Roles('admin', 'hr', 'manager')
  @Get('contracts/ending')
  ending(@CurrentUser() user: AuthUser, @Query() query: EndingQueryDto): Promise<EndingContract[]> {
    return this.contracts.ending(user, query.months ?? 6);
  }
}
