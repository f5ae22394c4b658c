import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module';
import { ExitsController } from './exits.controller';
import { ExitsService } from './exits.service';

/** Exit records, their 6-month follow-up, the dynamic-exit report and the funders' exports. */
@Module({
  imports: [PathwaysModule],
  controllers: [ExitsController],
  providers: [ExitsService],
  exports: [ExitsService],
})
export class ExitsModule {}
