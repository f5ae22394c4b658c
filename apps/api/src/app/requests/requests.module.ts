import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { LeaveBalanceController } from './leave-balance.controller';
import { LeaveBalanceService } from './leave-balance.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [PeopleModule],
  controllers: [RequestsController, LeaveBalanceController],
  providers: [RequestsService, LeaveBalanceService],
  exports: [RequestsService],
})
export class RequestsModule {}
