import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ExitsModule } from '../exits/exits.module';
import { PathwaysModule } from '../pathways/pathways.module';
import { PeopleModule } from '../people/people.module';
import { ContractJobsService } from './contract-jobs.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

@Module({
  imports: [PeopleModule, AuthModule, ExitsModule, PathwaysModule],
  controllers: [ContractsController],
  providers: [ContractsService, ContractJobsService],
  exports: [ContractsService, ContractJobsService],
})
export class ContractsModule {}
