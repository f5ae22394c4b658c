import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SkillCode } from '@relais/api-types';
import {
  addDays,
  certificateLabel,
  daysBetween,
  formatDate,
  reminderThreshold,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { HourlyJob } from '../../common/hourly-job';
import { AuditService } from '../audit/audit.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CertificateReminderEntity } from './training.entities';

export interface RaisedReminder {
  organisationId: string;
  personSkillId: string;
  personId: string;
  thresholdDays: number;
  message: string;
}

/**
 * CERTIFICATE_EXPIRING reminders due on a day: for each certificate expiring within 90 days (and
 * not already renewed), the tightest of 90/60/30/7 days reached. The unique index on certificate
 * and threshold makes a second run a no-op. Returns the reminders this run inserted.
 */
export async function raiseCertificateReminders(
  manager: EntityManager,
  today: string,
): Promise<RaisedReminder[]> {
  const rows: {
    id: string;
    organisation_id: string;
    person_id: string;
    skill: SkillCode;
    expires_on: string;
    first_name: string;
    last_name: string;
  }[] = await manager.query(
    `SELECT s.id, s.organisation_id, s.person_id, s.skill, to_char(s.expires_on, 'YYYY-MM-DD') AS expires_on,
            p.first_name, p.last_name
     FROM person_skill s JOIN person p ON p.id = s.person_id
     WHERE s.expires_on BETWEEN $1 AND $2
       AND NOT EXISTS (SELECT 1 FROM person_skill n WHERE n.person_id = s.person_id AND n.skill = s.skill
                       AND n.expires_on > s.expires_on + 7)`,
    [today, addDays(today, 90)],
  );
  const raised: RaisedReminder[] = [];
  for (const row of rows) {
    const threshold = reminderThreshold(today, row.expires_on);
    if (threshold === null) continue;
    const message = `${certificateLabel(row.skill)} de ${row.first_name} ${row.last_name} : expire le ${formatDate(row.expires_on)} (dans ${daysBetween(today, row.expires_on)} j).`;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CertificateReminderEntity)
      .values({
        organisationId: row.organisation_id,
        personId: row.person_id,
        personSkillId: row.id,
        skill: row.skill,
        expiresOn: row.expires_on,
        thresholdDays: threshold,
        message,
      })
      .orIgnore()
      .execute();
    if (result.raw.length > 0)
      raised.push({
        organisationId: row.organisation_id,
        personSkillId: row.id,
        personId: row.person_id,
        thresholdDays: threshold,
        message,
      });
  }
  return raised;
}

/**
 * Runs the reminders every hour (the seed raises the first ones); each step is idempotent. A new
 * reminder reaches the inbox (and e-mail) of the person, the managers of their home site and HR.
 */
@Injectable()
export class TrainingJobsService extends HourlyJob {
  constructor(
    queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {
    super(queue, 'certificate-reminders', new Logger('TrainingJobs'));
  }

  protected runFor(today: string): Promise<number> {
    return this.runDaily(today);
  }

  /** Returns how many reminders this run raised (0 when run again the same day). */
  async runDaily(today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const raised = await raiseCertificateReminders(manager, today);
      for (const reminder of raised) {
        await this.audit.record(
          manager,
          { accountId: null, organisationId: reminder.organisationId },
          {
            action: 'certificate.expiring_reminder',
            entity: 'person_skill',
            entityId: reminder.personSkillId,
            details: { personId: reminder.personId, thresholdDays: reminder.thresholdDays },
          },
        );
        await this.tell(manager, reminder);
      }
      return raised.length;
    });
  }

  /** The person sees it on their pathway; their site managers and HR on the person's pathway. */
  private async tell(manager: EntityManager, reminder: RaisedReminder): Promise<void> {
    const title = 'Certificat bientôt expiré';
    await this.notifications.notify(
      manager,
      [reminder.personId],
      'reminder',
      title,
      reminder.message,
      '/mon-parcours',
    );
    const staff: { person_id: string }[] = await manager.query(
      `SELECT ms.person_id FROM manager_site ms JOIN person p ON p.home_site_id = ms.site_id
        WHERE p.id = $1
       UNION
       SELECT a.person_id FROM account a
        WHERE a.organisation_id = $2 AND a.role IN ('hr', 'admin') AND a.is_active`,
      [reminder.personId, reminder.organisationId],
    );
    await this.notifications.notify(
      manager,
      staff.map((row) => row.person_id).filter((id) => id !== reminder.personId),
      'reminder',
      title,
      reminder.message,
      `/parcours/${reminder.personId}`,
    );
  }
}
