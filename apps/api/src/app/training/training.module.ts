import { Module } from '@nestjs/common';
import { PathwaysModule } from '../pathways/pathways.module';
import { RotaModule } from '../rota/rota.module';
import { TrainingJobsService } from './training-jobs.service';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

@Module({
  imports: [RotaModule, PathwaysModule],
  controllers: [TrainingController],
  providers: [TrainingService, TrainingJobsService],
  exports: [TrainingJobsService],
})
export class TrainingModule {}
