import { Module } from '@nestjs/common';
import { OpenShiftsModule } from '../open-shifts/open-shifts.module';
import { RequestsModule } from '../requests/requests.module';
import { RotaModule } from '../rota/rota.module';
import { SwapsModule } from '../swaps/swaps.module';
import { PendingController } from './pending.controller';
import { PendingService } from './pending.service';

@Module({
  imports: [RequestsModule, SwapsModule, OpenShiftsModule, RotaModule],
  controllers: [PendingController],
  providers: [PendingService],
})
export class PendingModule {}
