import { Body, Controller, Get, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ExitRecord, ExitReport, PathwayDashboard } from '@relais/api-types';
import type { FastifyReply } from 'fastify';
import { todayIn } from '../../common/today';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CreateExitDto, ExitFollowUpDto, ExitReportQueryDto } from './dto/exits.dto';
import { ExitsService } from './exits.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('exits')
@Roles('admin', 'hr')
@Controller()
export class ExitsController {
  constructor(private readonly exits: ExitsService) {}

  @Post('exits')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateExitDto): Promise<ExitRecord> {
    return this.exits.create(user, body);
  }

  @Put('exits/:id/follow-up')
  followUp(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ExitFollowUpDto,
  ): Promise<ExitRecord> {
    return this.exits.followUp(user, id, body);
  }

  @Get('exits')
  list(@CurrentUser() user: AuthUser): Promise<ExitRecord[]> {
    return this.exits.list(user);
  }

  @Get('reports/exits')
  report(@CurrentUser() user: AuthUser, @Query() query: ExitReportQueryDto): Promise<ExitReport> {
    return this.exits.report(user, query.year);
  }

  @Get('reports/pathways')
  dashboard(@CurrentUser() user: AuthUser): Promise<PathwayDashboard> {
    return this.exits.dashboard(user);
  }

  @Get('exports/training.xlsx')
  async xlsx(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="relais-formations-${todayIn()}.xlsx"`)
      .send(await this.exits.xlsx(user));
  }

  @Get('exports/training.csv')
  async trainingCsv(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-formations-${todayIn()}.csv"`)
      .send(await this.exits.csv(user, 'Formations'));
  }

  @Get('exports/exits.csv')
  async exitsCsv(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-sorties-${todayIn()}.csv"`)
      .send(await this.exits.csv(user, 'Sorties'));
  }
}
