import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Pathway, PathwayEvidence, PathwayNote } from '@relais/api-types';
import type { FastifyReply } from 'fastify';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { EvidenceDto, NoteDto, UpdateMilestoneDto, UpdatePlanDto } from './dto/pathways.dto';
import { pathwayPdf } from './pathway-pdf';
import { PathwayRecordsService } from './pathway-records.service';
import { PathwaysService } from './pathways.service';

/** The evidence route takes base64 JSON of a file up to 5 MB: its own body limit (bootstrap). */
export const EVIDENCE_ROUTE = '/api/pathways/milestones/:id/evidence';
export const EVIDENCE_BODY_LIMIT = 7 * 1024 * 1024 + 4096;

@ApiTags('pathways')
@Controller()
export class PathwaysController {
  constructor(
    private readonly pathways: PathwaysService,
    private readonly records: PathwayRecordsService,
  ) {}

  @Get('me/pathway')
  mine(@CurrentUser() user: AuthUser): Promise<Pathway> {
    return this.pathways.pathway(user, user.personId);
  }

  @Get('pathways/:id')
  pathway(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<Pathway> {
    return this.pathways.pathway(user, id);
  }

  @Roles('admin', 'hr')
  @Get('pathways/:id/summary.pdf')
  async pdf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pathway = await this.pathways.pathway(user, id);
    const body = await pathwayPdf(pathway, 'Relais');
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="parcours-${id}.pdf"`)
      .send(body);
  }

  @Roles('admin', 'hr')
  @Patch('pathways/:id/plan')
  plan(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdatePlanDto,
  ): Promise<Pathway> {
    return this.pathways.updatePlan(user, id, body.requiredModuleCodes);
  }

  @Roles('admin', 'hr')
  @Patch('pathways/milestones/:id')
  milestone(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<Pathway> {
    return this.pathways.updateMilestone(user, id, body);
  }

  @Post('pathways/milestones/:id/evidence')
  evidence(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: EvidenceDto,
  ): Promise<PathwayEvidence> {
    return this.records.addEvidence(user, id, body);
  }

  @Get('pathways/evidence/:id')
  async file(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.records.evidenceFile(user, id);
    await reply
      .header('content-type', file.mediaType)
      .header(
        'content-disposition',
        `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      )
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  }

  @Roles('admin', 'hr')
  @Post('pathways/evidence/:id/sign-off')
  @HttpCode(200)
  signOff(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathwayEvidence> {
    return this.records.signOff(user, id);
  }

  @Roles('admin', 'hr')
  @Get('pathways/:id/notes')
  notes(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathwayNote[]> {
    return this.records.notes(user, id);
  }

  @Roles('admin', 'hr')
  @Post('pathways/:id/notes')
  addNote(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: NoteDto,
  ): Promise<PathwayNote> {
    return this.records.addNote(user, id, body.body);
  }
}
