import { Module } from '@nestjs/common';
import { RotaModule } from '../rota/rota.module';
import { ExitsController } from './exits.controller';
import { ExitsService } from './exits.service';
import { PathwaysController } from './pathways.controller';
import { PathwaysService } from './pathways.service';
import { TrainingJobsService } from './training-jobs.service';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

@Module({
  imports: [RotaModule],
  controllers: [TrainingController, PathwaysController, ExitsController],
  providers: [TrainingService, PathwaysService, ExitsService, TrainingJobsService],
  exports: [PathwaysService, TrainingJobsService],
})
export class TrainingModule {}
