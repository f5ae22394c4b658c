import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  BatchResult,
  CandidatesAnswer,
  CopyWeekResult,
  CoverageRequirement,
  NoticeAgreementResult,
  PublishResult,
  RotaBatch,
  RotaChange,
  RotaComparison,
  RotaVersion,
  ShiftResult,
  ShiftTemplate,
  Violation,
  ViolationFixes,
} from '@relais/api-types';
import type { FastifyReply } from 'fastify';
import { sendEncoded } from '../../common/encoded-body';
import { UuidParam } from '../../common/uuid-param';
import { ReadAfter } from '../../database/read-routing';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { Campaign, CoverageService } from './coverage.service';
import { CreateCampaignDto, CreateRequirementDto } from './dto/coverage.dto';
import {
  ApplyFixDto,
  ApplyTemplateDto,
  BulkDeleteDto,
  BulkMoveDto,
  CandidatesQueryDto,
  CompareQueryDto,
  ComplianceQueryDto,
  CopyWeekDto,
  CreateShiftDto,
  DeleteShiftQueryDto,
  DryRunQueryDto,
  NoticeAgreementDto,
  PublishDto,
  RotaQueryDto,
  SiteQueryDto,
  UpdateShiftDto,
} from './dto/rota.dto';
import { NoticeAgreementsService } from './notice-agreements.service';
import { PlannerService } from './planner.service';
import { RotaBatchService } from './rota-batch.service';
import { RotaCompareService } from './rota-compare.service';
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
    private readonly batches: RotaBatchService,
    private readonly planner: PlannerService,
    private readonly compareService: RotaCompareService,
    private readonly noticeAgreements: NoticeAgreementsService,
  ) {}

  /** Who can take an open shift or an uncovered need without a new blocking problem, best first. */
  @Roles('admin', 'hr', 'manager')
  @Get('rota/candidates')
  candidates(
    @CurrentUser() user: AuthUser,
    @Query() query: CandidatesQueryDto,
  ): Promise<CandidatesAnswer> {
    return this.planner.candidates(user, query);
  }

  /** Each blocking problem of the week with up to three legal fixes. */
  @Roles('admin', 'hr', 'manager')
  @Get('rota/fixes')
  fixes(@CurrentUser() user: AuthUser, @Query() query: RotaQueryDto): Promise<ViolationFixes[]> {
    return this.planner.fixes(user, query.siteId, query.week);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/fixes/apply')
  @HttpCode(200)
  applyFix(@CurrentUser() user: AuthUser, @Body() body: ApplyFixDto): Promise<BatchResult> {
    return this.planner.applyFix(user, body.siteId, body.week, body.fixId);
  }

  /**
   * A RotaWeek, or a WallRotaWeek for a mediator, sent as JSON text serialised once per week and
   * compressed once per encoding.
   */
  @Get('rota')
  @Header('Content-Type', 'application/json; charset=utf-8')
  async get(
    @CurrentUser() user: AuthUser,
    @Query() query: RotaQueryDto,
    @ReadAfter() readAfter: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const body = await this.rota.getRotaBody(user, query.siteId, query.week, readAfter);
    return sendEncoded(reply, body, acceptEncoding);
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

  /** A part-timer's written agreement to the changes of their published week (no notice then). */
  @Roles('admin', 'hr', 'manager')
  @Post('rota/notice-agreements')
  recordNoticeAgreement(
    @CurrentUser() user: AuthUser,
    @Body() body: NoticeAgreementDto,
  ): Promise<NoticeAgreementResult> {
    return this.noticeAgreements.record(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/copy')
  copy(
    @CurrentUser() user: AuthUser,
    @Body() body: CopyWeekDto,
    @Query() query: DryRunQueryDto,
  ): Promise<CopyWeekResult> {
    return this.weekFill.copy(
      user,
      body.siteId,
      body.fromWeek,
      body.toWeek,
      body.withPeople ?? true,
      query.dryRun === 'true',
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
    @Query() query: DryRunQueryDto,
  ): Promise<CopyWeekResult> {
    return this.weekFill.applyTemplates(user, body.siteId, body.week, query.dryRun === 'true');
  }

  /** The caller's last batch of the week still to undo (null when none). */
  @Roles('admin', 'hr', 'manager')
  @Get('rota/batches/last')
  async lastBatch(
    @CurrentUser() user: AuthUser,
    @Query() query: RotaQueryDto,
  ): Promise<{ batch: RotaBatch | null }> {
    return { batch: await this.batches.last(user, query.siteId, query.week) };
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/batches/:id/undo')
  @HttpCode(200)
  undoBatch(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<BatchResult> {
    return this.batches.undo(user, id);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/bulk-delete')
  @HttpCode(200)
  bulkDelete(@CurrentUser() user: AuthUser, @Body() body: BulkDeleteDto): Promise<BatchResult> {
    return this.batches.bulkDelete(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Post('rota/bulk-move')
  @HttpCode(200)
  bulkMove(@CurrentUser() user: AuthUser, @Body() body: BulkMoveDto): Promise<BatchResult> {
    return this.batches.bulkMove(user, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('rota/history')
  history(@CurrentUser() user: AuthUser, @Query() query: RotaQueryDto): Promise<RotaChange[]> {
    return this.historyService.history(user, query.siteId, query.week);
  }

  /** The week's versions to compare: the draft as it stands, then each publication, newest first. */
  @Roles('admin', 'hr', 'manager')
  @Get('rota/versions')
  versions(@CurrentUser() user: AuthUser, @Query() query: RotaQueryDto): Promise<RotaVersion[]> {
    return this.compareService.versions(user, query.siteId, query.week);
  }

  /** What changed for each person between two versions of the week (publications or draft). */
  @Roles('admin', 'hr', 'manager')
  @Get('rota/compare')
  compare(@CurrentUser() user: AuthUser, @Query() query: CompareQueryDto): Promise<RotaComparison> {
    return this.compareService.compare(user, query.siteId, query.week, query.from, query.to);
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
