import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CopyWeekResult,
  CoverageRequirement,
  PublishResult,
  RotaChange,
  RotaWeek,
  ShiftResult,
  ShiftTemplate,
  Violation,
  WallRotaWeek,
} from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { ReadAfter } from '../../database/read-routing';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { Campaign, CoverageService } from './coverage.service';
import { CreateCampaignDto, CreateRequirementDto } from './dto/coverage.dto';
import {
  ApplyTemplateDto,
  ComplianceQueryDto,
  CopyWeekDto,
  CreateShiftDto,
  DeleteShiftQueryDto,
  PublishDto,
  RotaQueryDto,
  SiteQueryDto,
  UpdateShiftDto,
} from './dto/rota.dto';
import { RotaComplianceService } from './rota-compliance.service';
import { RotaHistoryService } from './rota-history.service';
import { RotaPublicationService } from './rota-publication.service';
import { RotaService } from './rota.service';
import { ShiftsService } from './shifts.service';
import { WeekFillService } from './week-fill.service';

@ApiTags('rota')
@Controller()
export class RotaController {
  constructor(
    private readonly rota: RotaService,
    private readonly publication: RotaPublicationService,
    private readonly weekFill: WeekFillService,
    private readonly historyService: RotaHistoryService,
    private readonly complianceService: RotaComplianceService,
    private readonly shifts: ShiftsService,
    private readonly coverageRules: CoverageService,
  ) {}

  @Get('rota')
  get(
    @CurrentUser() user: AuthUser,
    @Query() query: RotaQueryDto,
    @ReadAfter() readAfter: string | undefined,
  ): Promise<RotaWeek | WallRotaWeek> {
    return this.rota.getRota(user, query.siteId, query.week, readAfter);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('shifts')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateShiftDto): Promise<ShiftResult> {
    return this.shifts.create(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Patch('shifts/:id')
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateShiftDto,
  ): Promise<ShiftResult> {
    return this.shifts.update(user, id, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Delete('shifts/:id')
  @HttpCode(204)
  remove(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: DeleteShiftQueryDto,
  ): Promise<void> {
    return this.shifts.remove(user, id, query.version);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Body() body: PublishDto): Promise<PublishResult> {
    return this.publication.publish(user, body.siteId, body.week, body.justification ?? null);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/copy')
  copy(@CurrentUser() user: AuthUser, @Body() body: CopyWeekDto): Promise<CopyWeekResult> {
    return this.weekFill.copy(
      user,
      body.siteId,
      body.fromWeek,
      body.toWeek,
      body.withPeople ?? true,
    );
  }

  @Get('rota/templates')
  templates(@CurrentUser() user: AuthUser, @Query() query: SiteQueryDto): Promise<ShiftTemplate[]> {
    return this.rota.templates(user, query.siteId);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/apply-template')
  applyTemplate(
    @CurrentUser() user: AuthUser,
    @Body() body: ApplyTemplateDto,
  ): Promise<CopyWeekResult> {
    return this.weekFill.applyTemplates(user, body.siteId, body.week);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('rota/history')
  history(@CurrentUser() user: AuthUser, @Query() query: RotaQueryDto): Promise<RotaChange[]> {
    return this.historyService.history(user, query.siteId, query.week);
  }

  @Get('coverage')
  coverage(
    @CurrentUser() user: AuthUser,
    @Query() query: SiteQueryDto,
  ): Promise<CoverageRequirement[]> {
    return this.rota.coverage(user, query.siteId);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('coverage')
  createRequirement(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateRequirementDto,
  ): Promise<CoverageRequirement> {
    return this.coverageRules.createRequirement(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('coverage/campaigns')
  createCampaign(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateCampaignDto,
  ): Promise<Campaign> {
    return this.coverageRules.createCampaign(user, body);
  }

  @Get('compliance')
  compliance(
    @CurrentUser() user: AuthUser,
    @Query() query: ComplianceQueryDto,
  ): Promise<Violation[]> {
    return this.complianceService.compliance(user, query.personId, query.from, query.to);
  }
}
