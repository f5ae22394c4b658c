import { Module } from '@nestjs/common';
import { PathwayRecordsService } from './pathway-records.service';
import { PathwaysController } from './pathways.controller';
import { PathwaysService } from './pathways.service';

/** Each mediator's pathway plan: milestones, evidence, HR-only notes, the funders' summary. */
@Module({
  controllers: [PathwaysController],
  providers: [PathwaysService, PathwayRecordsService],
  exports: [PathwaysService],
})
export class PathwaysModule {}
