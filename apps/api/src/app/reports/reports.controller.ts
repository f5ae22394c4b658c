import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ContratProReport, FranceServicesReport, SubsidisedReport } from '@relais/api-types';
import type { FastifyReply } from 'fastify';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { FranceServicesQueryDto, ReportMonthQueryDto } from './dto/reports.dto';
import { experienceAttestationPdf } from './experience-attestation-pdf';
import { ReportsService } from './reports.service';

/** The funders' documents: France Services month, aided contracts, contrats pro, PEC attestation. */
@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** A site's month for the France Services label: a manager reads the sites they run. */
  @Roles('admin', 'hr', 'manager')
  @Get('reports/france-services')
  franceServices(
    @CurrentUser() user: AuthUser,
    @Query() query: FranceServicesQueryDto,
  ): Promise<FranceServicesReport> {
    return this.reports.franceServices(user, query);
  }

  @Roles('admin', 'hr')
  @Get('reports/subsidised')
  subsidised(
    @CurrentUser() user: AuthUser,
    @Query() query: ReportMonthQueryDto,
  ): Promise<SubsidisedReport> {
    return this.reports.subsidised(user, query.month);
  }

  @Roles('admin', 'hr')
  @Get('reports/contrat-pro')
  contratPro(
    @CurrentUser() user: AuthUser,
    @Query() query: ReportMonthQueryDto,
  ): Promise<ContratProReport> {
    return this.reports.contratPro(user, query.month);
  }

  /** HR and the direction, or the person for their own PEC (checked by the service). */
  @Get('contracts/:id/experience-attestation.pdf')
  async experienceAttestation(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await experienceAttestationPdf(await this.reports.experienceAttestation(user, id));
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="attestation-experience-${id}.pdf"`)
      .send(body);
  }
}
