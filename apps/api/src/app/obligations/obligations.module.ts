import { Module } from '@nestjs/common';
import { ObligationJobsService } from './obligation-jobs.service';
import { ObligationsController } from './obligations.controller';
import { ObligationsService } from './obligations.service';

/** The obligations each contract type brings, their reminders and HR's list of what is due. */
@Module({
  controllers: [ObligationsController],
  providers: [ObligationsService, ObligationJobsService],
  exports: [ObligationJobsService],
})
export class ObligationsModule {}
