import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  HoursStatementSummary,
  PayrollAdjustment,
  PayrollMappingEntry,
  PayrollMonthView,
} from '@relais/api-types';
import type { FastifyReply } from 'fastify';
import { MonthParam } from '../../common/month-param';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import {
  CloseMonthDto,
  CreateAdjustmentDto,
  PayrollIdDto,
  PayrollMappingDto,
  PayrollScopeQueryDto,
  SendStatementDto,
  SignOffDto,
} from './dto/payroll.dto';
import { payrollCsv, payrollXlsx, statementPdf } from './payroll-documents';
import { PayrollService } from './payroll.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** HR's month close: variables, close, adjustments, payroll export and statements. */
@ApiTags('payroll')
@Roles('admin', 'hr')
@Controller('payroll')
export class PayrollController {
  constructor(private readonly payroll: PayrollService) {}

  @Get('months/:month')
  month(
    @CurrentUser() user: AuthUser,
    @MonthParam('month') month: string,
    @Query() query: PayrollScopeQueryDto,
  ): Promise<PayrollMonthView> {
    return this.payroll.view(user, month, query.siteId ?? null);
  }

  /** Closes a month, for the organisation or one site. */
  @Post('closes')
  close(@CurrentUser() user: AuthUser, @Body() body: CloseMonthDto): Promise<PayrollMonthView> {
    return this.payroll.close(user, body.month, body.siteId ?? null);
  }

  @Get('months/:month/export.csv')
  async csv(
    @CurrentUser() user: AuthUser,
    @MonthParam('month') month: string,
    @Query() query: PayrollScopeQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = await this.payroll.exportLines(user, month, query.siteId ?? null);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-paie-${month}.csv"`)
      .send(await payrollCsv(lines));
  }

  @Get('months/:month/export.xlsx')
  async xlsx(
    @CurrentUser() user: AuthUser,
    @MonthParam('month') month: string,
    @Query() query: PayrollScopeQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = await this.payroll.exportLines(user, month, query.siteId ?? null);
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="relais-paie-${month}.xlsx"`)
      .send(await payrollXlsx(lines));
  }

  @Get('months/:month/people/:personId/statement.pdf')
  async statement(
    @CurrentUser() user: AuthUser,
    @MonthParam('month') month: string,
    @UuidParam('personId') personId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const detail = await this.payroll.personMonth(user, month, personId);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="releve-heures-${month}.pdf"`)
      .send(await statementPdf(detail));
  }

  /** Sends a person the statement of a closed month (again: sent anew). */
  @Post('statements')
  send(
    @CurrentUser() user: AuthUser,
    @Body() body: SendStatementDto,
  ): Promise<HoursStatementSummary> {
    return this.payroll.sendStatement(user, body.month, body.personId);
  }

  @Post('adjustments')
  adjust(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateAdjustmentDto,
  ): Promise<PayrollAdjustment> {
    return this.payroll.addAdjustment(user, body);
  }

  @Get('mapping')
  mapping(@CurrentUser() user: AuthUser): Promise<PayrollMappingEntry[]> {
    return this.payroll.mapping(user);
  }

  @Put('mapping')
  setMapping(
    @CurrentUser() user: AuthUser,
    @Body() body: PayrollMappingDto,
  ): Promise<PayrollMappingEntry[]> {
    return this.payroll.setMapping(user, body);
  }

  @Put('people/:id/payroll-id')
  @HttpCode(204)
  async payrollId(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') personId: string,
    @Body() body: PayrollIdDto,
  ): Promise<void> {
    await this.payroll.setPayrollId(user, personId, body.payrollId ?? null);
  }
}

/** A person's own hours statements, once HR has sent them: read on the phone, signed off. */
@ApiTags('me')
@Controller('me/statements')
export class MyStatementsController {
  constructor(private readonly payroll: PayrollService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<HoursStatementSummary[]> {
    return this.payroll.myStatements(user);
  }

  @Get(':month/statement.pdf')
  async pdf(
    @CurrentUser() user: AuthUser,
    @MonthParam('month') month: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const detail = await this.payroll.myStatement(user, month);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="releve-heures-${month}.pdf"`)
      .send(await statementPdf(detail));
  }

  @Post('sign-off')
  signOff(@CurrentUser() user: AuthUser, @Body() body: SignOffDto): Promise<HoursStatementSummary> {
    return this.payroll.signStatement(user, body.month);
  }
}
