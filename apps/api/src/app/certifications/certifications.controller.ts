import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PersonCertifications, PersonCompetences } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import { CertificationsService } from './certifications.service';
import { CompetencesService } from './competences.service';
import {
  BlockTrainingDto,
  CertificationSessionDto,
  CompetenceAssessmentDto,
} from './dto/certifications.dto';

/**
 * The professional title block by block (read like the pathway, recorded by HR and admin) and the
 * competence framework (recorded by HR, admin or the contract's tutor).
 */
@ApiTags('pathways')
@Controller()
export class CertificationsController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly competences: CompetencesService,
  ) {}

  @Get('pathways/:id/certifications')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PersonCertifications> {
    return this.certifications.get(user, id);
  }

  @Roles('admin', 'hr')
  @Post('pathways/:id/certifications/sessions')
  recordSession(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CertificationSessionDto,
  ): Promise<PersonCertifications> {
    return this.certifications.recordSession(user, id, body);
  }

  @Roles('admin', 'hr')
  @Put('pathways/:id/certifications/training')
  recordTraining(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: BlockTrainingDto,
  ): Promise<PersonCertifications> {
    return this.certifications.recordTraining(user, id, body);
  }

  @Get('pathways/:id/competences')
  competencesOf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<PersonCompetences> {
    return this.competences.get(user, id);
  }

  @Put('contracts/:id/competences')
  recordCompetences(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CompetenceAssessmentDto,
  ): Promise<PersonCompetences> {
    return this.competences.record(user, id, body);
  }
}
