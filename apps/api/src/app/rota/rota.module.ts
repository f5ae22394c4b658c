import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CoverageService } from './coverage.service';
import { RotaController } from './rota.controller';
import { RotaService } from './rota.service';
import { ShiftsService } from './shifts.service';

@Module({
  imports: [PeopleModule],
  controllers: [RotaController],
  providers: [RotaService, ShiftsService, CoverageService],
  exports: [RotaService],
})
export class RotaModule {}
