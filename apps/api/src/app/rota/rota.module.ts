import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { PeopleModule } from '../people/people.module';
import { AutoFillController } from './auto-fill/auto-fill.controller';
import { AutoFillService } from './auto-fill/auto-fill.service';
import { CoverageService } from './coverage.service';
import { NoticeAgreementsService } from './notice-agreements.service';
import { PlannerService } from './planner.service';
import { RotaBatchService } from './rota-batch.service';
import { RotaCompareService } from './rota-compare.service';
import { RotaComplianceService } from './rota-compliance.service';
import { RotaHistoryService } from './rota-history.service';
import { RotaPublicationService } from './rota-publication.service';
import { RotaReadCache } from './rota-read-cache';
import { RotaController } from './rota.controller';
import { RotaService } from './rota.service';
import { ShiftMovesService } from './shift-moves.service';
import { ShiftsService } from './shifts.service';
import { SiteWeekLoader } from './site-week/site-week.loader';
import { WeekFillService } from './week-fill.service';

@Module({
  imports: [PeopleModule, MeModule],
  controllers: [RotaController, AutoFillController],
  providers: [
    SiteWeekLoader,
    RotaService,
    RotaPublicationService,
    WeekFillService,
    RotaHistoryService,
    RotaCompareService,
    RotaComplianceService,
    NoticeAgreementsService,
    RotaReadCache,
    ShiftsService,
    CoverageService,
    AutoFillService,
    ShiftMovesService,
    RotaBatchService,
    PlannerService,
  ],
  exports: [SiteWeekLoader, RotaService, ShiftMovesService],
})
export class RotaModule {}
