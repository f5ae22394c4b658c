import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobSearch, PartnerEmployer } from '@relais/api-types';
import { UuidParam } from '../../common/uuid-param';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { AuthUser } from '../access/auth-user';
import {
  CareerActionDto,
  ImmersionDto,
  JobApplicationDto,
  JobApplicationStatusDto,
  PartnerEmployerDto,
  ProfessionalProjectDto,
} from './dto/job-search.dto';
import { JobSearchService } from './job-search.service';
import { PartnerEmployersService } from './partner-employers.service';

/**
 * Job-search support on the pathway. Reads: whoever may read the pathway (HR, admin, the
 * manager of the person's site, the person). Project, immersions, career actions: HR and admin.
 * Applications: HR, admin and the person themself (AccessService).
 */
@ApiTags('job-search')
@Controller()
export class JobSearchController {
  constructor(
    private readonly jobSearch: JobSearchService,
    private readonly partners: PartnerEmployersService,
  ) {}

  @Get('pathways/:id/job-search')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<JobSearch> {
    return this.jobSearch.get(user, id);
  }

  @Roles('admin', 'hr')
  @Put('pathways/:id/project')
  project(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ProfessionalProjectDto,
  ): Promise<JobSearch> {
    return this.jobSearch.saveProject(user, id, body);
  }

  @Roles('admin', 'hr')
  @Post('pathways/:id/immersions')
  immersion(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ImmersionDto,
  ): Promise<JobSearch> {
    return this.jobSearch.addImmersion(user, id, body);
  }

  @Post('pathways/:id/applications')
  application(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: JobApplicationDto,
  ): Promise<JobSearch> {
    return this.jobSearch.addApplication(user, id, body);
  }

  @Patch('pathways/applications/:id')
  applicationStatus(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: JobApplicationStatusDto,
  ): Promise<JobSearch> {
    return this.jobSearch.updateApplication(user, id, body);
  }

  @Roles('admin', 'hr')
  @Post('pathways/:id/career-actions')
  careerAction(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CareerActionDto,
  ): Promise<JobSearch> {
    return this.jobSearch.addCareerAction(user, id, body);
  }

  @Roles('admin', 'hr')
  @Patch('pathways/career-actions/:id')
  updateCareerAction(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CareerActionDto,
  ): Promise<JobSearch> {
    return this.jobSearch.updateCareerAction(user, id, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('partner-employers')
  listPartners(@CurrentUser() user: AuthUser): Promise<PartnerEmployer[]> {
    return this.partners.list(user);
  }

  @Roles('admin', 'hr')
  @Post('partner-employers')
  createPartner(
    @CurrentUser() user: AuthUser,
    @Body() body: PartnerEmployerDto,
  ): Promise<PartnerEmployer> {
    return this.partners.create(user, body);
  }

  @Roles('admin', 'hr')
  @Patch('partner-employers/:id')
  updatePartner(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: PartnerEmployerDto,
  ): Promise<PartnerEmployer> {
    return this.partners.update(user, id, body);
  }
}
