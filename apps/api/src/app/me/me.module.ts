import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PublishedShiftsService } from './published-shifts.service';

@Module({
  controllers: [MeController],
  providers: [MeService, PublishedShiftsService],
  exports: [PublishedShiftsService],
})
export class MeModule {}
