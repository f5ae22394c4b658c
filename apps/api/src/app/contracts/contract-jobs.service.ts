import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, daysBetween, formatDate } from '@relais/rules';
import { DataSource } from 'typeorm';
import { HourlyJob } from '../../common/hourly-job';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { ContractAlertEntity } from './contract-alert.entity';

const THRESHOLDS = [90, 60, 30] as const;

export interface DailyRunResult {
  alerts: number;
  disabledAccounts: string[];
}

/**
 * Daily contract housekeeping: CONTRACT_ENDING reminders at 90/60/30 days (once each), and
 * accounts of people whose last contract has ended are disabled with their sessions (ASVS V7.4.2).
 * Runs every hour; every step is idempotent, so a missed run loses nothing.
 */
@Injectable()
export class ContractJobsService extends HourlyJob {
  constructor(
    queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {
    super(queue, 'contracts-daily', new Logger('ContractJobs'));
  }

  protected runFor(today: string): Promise<DailyRunResult> {
    return this.runDaily(today);
  }

  async runDaily(today: string): Promise<DailyRunResult> {
    const alerts = await this.raiseEndingAlerts(today);
    const disabledAccounts = await this.disableEndedAccounts(today);
    return { alerts, disabledAccounts };
  }

  private async raiseEndingAlerts(today: string): Promise<number> {
    const rows: {
      id: string;
      organisation_id: string;
      end_date: string;
      first_name: string;
      last_name: string;
      type: string;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.organisation_id, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.type, p.first_name, p.last_name
         FROM contract c JOIN person p ON p.id = c.person_id
         WHERE c.end_date BETWEEN $1 AND $2
           AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.renewal_of = c.id)`,
      [today, addDays(today, 90)],
    );
    let raised = 0;
    for (const row of rows) {
      const daysLeft = daysBetween(today, row.end_date);
      for (const threshold of THRESHOLDS.filter((t) => daysLeft <= t)) {
        await this.dataSource.transaction(async (manager) => {
          const result = await manager
            .createQueryBuilder()
            .insert()
            .into(ContractAlertEntity)
            .values({
              organisationId: row.organisation_id,
              contractId: row.id,
              thresholdDays: threshold,
              message: `Le contrat ${row.type} de ${row.first_name} ${row.last_name} se termine le ${formatDate(row.end_date)} (dans ${daysLeft} j).`,
            })
            .orIgnore()
            .execute();
          if ((result.identifiers?.filter(Boolean).length ?? 0) > 0 && result.raw.length > 0) {
            raised++;
            await this.audit.record(
              manager,
              { accountId: null, organisationId: row.organisation_id },
              {
                action: 'contract.ending_alert',
                entity: 'contract',
                entityId: row.id,
                details: { thresholdDays: threshold },
              },
            );
          }
        });
      }
    }
    return raised;
  }

  private async disableEndedAccounts(today: string): Promise<string[]> {
    // People who had contracts, none of which is in force today or still to come.
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM account a
       WHERE a.is_active
         AND EXISTS (SELECT 1 FROM contract c WHERE c.person_id = a.person_id)
         AND NOT EXISTS (
           SELECT 1 FROM contract c WHERE c.person_id = a.person_id AND (c.end_date IS NULL OR c.end_date >= $1)
         )`,
      [today],
    );
    for (const row of rows) await this.auth.disableAccount(null, row.id, null);
    return rows.map((row) => row.id);
  }
}
