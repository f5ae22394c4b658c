import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { todayIn } from '../../common/today';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { PeopleQueryDto } from '../people/dto/people.dto';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Roles('admin', 'hr', 'manager')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('people.csv')
  async csv(
    @CurrentUser() user: AuthUser,
    @Query() query: PeopleQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.exports.csv(user, query);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-personnes-${todayIn()}.csv"`)
      .send(body);
  }

  @Get('people.xlsx')
  async xlsx(
    @CurrentUser() user: AuthUser,
    @Query() query: PeopleQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.exports.xlsx(user, query);
    await reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="relais-personnes-${todayIn()}.xlsx"`)
      .send(body);
  }
}
