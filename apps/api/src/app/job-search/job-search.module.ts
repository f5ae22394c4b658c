import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module';
import { JobSearchController } from './job-search.controller';
import { JobSearchService } from './job-search.service';
import { PartnerEmployersService } from './partner-employers.service';

/** Job-search support on the pathway: project, PMSMP immersions, applications, career actions. */
@Module({
  imports: [PathwaysModule],
  controllers: [JobSearchController],
  providers: [JobSearchService, PartnerEmployersService],
})
export class JobSearchModule {}
