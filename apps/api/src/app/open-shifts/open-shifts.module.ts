import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { RotaModule } from '../rota/rota.module';
import { OpenShiftsController } from './open-shifts.controller';
import { OpenShiftsService } from './open-shifts.service';

@Module({
  imports: [RotaModule, MeModule],
  controllers: [OpenShiftsController],
  providers: [OpenShiftsService],
  exports: [OpenShiftsService],
})
export class OpenShiftsModule {}
