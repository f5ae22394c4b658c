import { Module } from '@nestjs/common';
import { PathwaysController } from './pathways.controller';
import { PathwaysService } from './pathways.service';

/** Each mediator's pathway plan: milestones, evidence, HR-only notes, the funders' summary. */
@Module({
  controllers: [PathwaysController],
  providers: [PathwaysService],
  exports: [PathwaysService],
})
export class PathwaysModule {}
