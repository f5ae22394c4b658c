import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { PeopleModule } from '../people/people.module';
import { AutoFillController } from './auto-fill/auto-fill.controller';
import { AutoFillService } from './auto-fill/auto-fill.service';
import { CoverageService } from './coverage.service';
import { RotaReadCache } from './rota-read-cache';
import { RotaController } from './rota.controller';
import { RotaService } from './rota.service';
import { ShiftsService } from './shifts.service';

@Module({
  imports: [PeopleModule, MeModule],
  controllers: [RotaController, AutoFillController],
  providers: [RotaService, RotaReadCache, ShiftsService, CoverageService, AutoFillService],
  exports: [RotaService],
})
export class RotaModule {}
