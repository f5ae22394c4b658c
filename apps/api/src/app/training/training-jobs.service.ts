import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SkillCode } from '@relais/contracts';
import { addDays, daysBetween, formatDate, reminderThreshold } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { todayIn } from '../../common/today';
import { AuditService } from '../audit/audit.service';
import { CertificateReminderEntity } from './training.entities';

const HOUR = 3_600_000;

const CERTIFICATE: Record<SkillCode, string> = {
  sst: 'Certificat SST',
  aidants_connect: 'Habilitation Aidants Connect',
  france_services_initial: 'Formation initiale France Services',
  language: 'Langue',
};

export interface RaisedReminder {
  organisationId: string;
  personSkillId: string;
  personId: string;
  thresholdDays: number;
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
        message: `${CERTIFICATE[row.skill]} de ${row.first_name} ${row.last_name} : expire le ${formatDate(row.expires_on)} (dans ${daysBetween(today, row.expires_on)} j).`,
      })
      .orIgnore()
      .execute();
    if (result.raw.length > 0)
      raised.push({
        organisationId: row.organisation_id,
        personSkillId: row.id,
        personId: row.person_id,
        thresholdDays: threshold,
      });
  }
  return raised;
}

/** Runs the reminders every hour (the seed raises the first ones); each step is idempotent. */
@Injectable()
export class TrainingJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TrainingJobs');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.safeRun(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async safeRun(): Promise<void> {
    try {
      await this.runDaily(todayIn());
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error));
    }
  }

  /** Returns how many reminders this run raised (0 when run again the same day). */
  async runDaily(today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const raised = await raiseCertificateReminders(manager, today);
      for (const reminder of raised)
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
      return raised.length;
    });
  }
}
