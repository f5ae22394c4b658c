import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { daysBetween, formatDate } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { HourlyJob } from '../../common/hourly-job';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationsService } from '../notifications/notifications.service';
import { currentObligations } from './obligations.service';

/** Days before an obligation's due date when HR is reminded of it. */
export const OBLIGATION_REMINDER_DAYS = 14;

/**
 * Reminds HR (and the managers of the person's site) of the obligations coming due within two
 * weeks, and once more of those overdue: once per obligation, due date and stage, so a run
 * repeated the same day raises nothing and a due date moved by a renewal is reminded again.
 */
@Injectable()
export class ObligationJobsService extends HourlyJob {
  constructor(
    queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    super(queue, 'obligation-reminders', new Logger('ObligationJobs'));
  }

  protected runFor(today: string): Promise<number> {
    return this.runDaily(today);
  }

  /** Returns how many reminders this run raised. */
  async runDaily(today: string): Promise<number> {
    const organisations: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM organisation`,
    );
    let raised = 0;
    for (const organisation of organisations) {
      raised += await this.dataSource.transaction((manager) =>
        this.remind(manager, organisation.id, today),
      );
    }
    return raised;
  }

  private async remind(manager: EntityManager, organisationId: string, today: string) {
    const contracts = await currentObligations(manager, organisationId, today);
    // HR and admin of the organisation, read once; the managers of each site as they come.
    const hr: { person_id: string }[] = await manager.query(
      `SELECT person_id FROM account WHERE organisation_id = $1 AND role IN ('hr', 'admin') AND is_active`,
      [organisationId],
    );
    const managersOf = new Map<string | null, string[]>();
    let raised = 0;
    for (const facts of contracts) {
      for (const item of facts.items) {
        if (item.status === 'fait' || item.due === null) continue;
        const left = daysBetween(today, item.due);
        const stage = left < 0 ? 'late' : left <= OBLIGATION_REMINDER_DAYS ? 'soon' : null;
        if (stage === null) continue;
        const inserted: unknown[] = await manager.query(
          `INSERT INTO obligation_reminder (organisation_id, contract_id, code, due_on, stage)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
          [organisationId, facts.contractId, item.code, item.due, stage],
        );
        if (inserted.length === 0) continue;
        raised += 1;
        let managers = managersOf.get(facts.homeSiteId);
        if (!managers) {
          const rows: { person_id: string }[] = await manager.query(
            `SELECT person_id FROM manager_site WHERE site_id = $1`,
            [facts.homeSiteId],
          );
          managers = rows.map((row) => row.person_id);
          managersOf.set(facts.homeSiteId, managers);
        }
        await this.notifications.notify(
          manager,
          [...hr.map((row) => row.person_id), ...managers].filter((id) => id !== facts.personId),
          'reminder',
          stage === 'late' ? 'Obligation en retard' : 'Obligation à échéance',
          `${facts.personName} : ${item.title}, ${
            stage === 'late' ? 'attendue depuis le' : 'à faire pour le'
          } ${formatDate(item.due)}.`,
          `/parcours/${facts.personId}`,
        );
      }
    }
    return raised;
  }
}
