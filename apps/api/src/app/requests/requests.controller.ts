import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffRequest } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CreateRequestDto, DecideRequestDto, RequestsQueryDto } from './dto/requests.dto';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: RequestsQueryDto): Promise<StaffRequest[]> {
    return this.requests.list(user, query.status);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateRequestDto): Promise<StaffRequest> {
    return this.requests.create(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post(':id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: DecideRequestDto,
  ): Promise<StaffRequest> {
    return this.requests.decide(user, id, body);
  }
}
