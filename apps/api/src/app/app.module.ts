import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CertificationsModule } from './certifications/certifications.module';
import { ContractsModule } from './contracts/contracts.module';
import { ExitsModule } from './exits/exits.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { JobSearchModule } from './job-search/job-search.module';
import { JobsModule } from './jobs/jobs.module';
import { MeModule } from './me/me.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObligationsModule } from './obligations/obligations.module';
import { OpenShiftsModule } from './open-shifts/open-shifts.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PathwaysModule } from './pathways/pathways.module';
import { PayrollModule } from './payroll/payroll.module';
import { PendingModule } from './pending/pending.module';
import { PeopleModule } from './people/people.module';
import { PostsModule } from './posts/posts.module';
import { ReportsModule } from './reports/reports.module';
import { RequestsModule } from './requests/requests.module';
import { RotaModule } from './rota/rota.module';
import { SwapsModule } from './swaps/swaps.module';
import { TrainingModule } from './training/training.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, poolSize, config.databaseReplicaUrls),
        JobsModule,
        AccessModule,
        AuditModule,
        AuthModule,
        HealthModule,
        OrganisationModule,
        PeopleModule,
        ContractsModule,
        PostsModule,
        PayrollModule,
        RequestsModule,
        ExportsModule,
        RotaModule,
        TrainingModule,
        ObligationsModule,
        PathwaysModule,
        ExitsModule,
        CertificationsModule,
        JobSearchModule,
        NotificationsModule,
        MeModule,
        CalendarModule,
        SwapsModule,
        OpenShiftsModule,
        PendingModule,
        ReportsModule,
      ],
    };
  }
}
