import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OutboxEmail, OutboxStatus } from '@relais/api-types';
import { createTransport, Transporter } from 'nodemailer';
import type { JobWithMetadata } from 'pg-boss';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { JobQueueService } from '../jobs/job-queue.service';

export interface Mail {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
}

const QUEUE = 'email';
const DEAD = 'email-dead';
const DAY = 86_400;

function lastError(output: object | null | undefined): string | null {
  const message = (output as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : null;
}

function toOutboxEmail(job: JobWithMetadata<Mail>, status: OutboxStatus): OutboxEmail {
  const isDead = status === 'dead';
  return {
    id: job.id,
    status,
    to: job.data.to,
    subject: job.data.subject,
    attempts: isDead
      ? (job.sourceRetryCount ?? 0) + 1
      : job.retryCount + (job.state === 'retry' ? 1 : 0),
    lastError: lastError(isDead ? job.sourceOutput : job.output),
    createdAt: (isDead ? (job.sourceCreatedOn ?? job.createdOn) : job.createdOn).toISOString(),
    nextAttemptAt: isDead ? null : job.startAfter.toISOString(),
  };
}

/**
 * The e-mail outbox: an e-mail is a job written in the transaction of the change it tells about
 * (a rolled-back change sends nothing, a committed one cannot lose it). A worker of any API
 * process sends it; a failure is tried again with a doubling delay (at most an hour apart), and
 * after `OUTBOX_RETRY_LIMIT` retries the e-mail is dead: kept 30 days for the admin to see.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private readonly transporter: Transporter | null;

  constructor(
    private readonly queue: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transporter = config.smtpUrl ? createTransport(config.smtpUrl) : null;
    queue.register({ name: DEAD, options: { retentionSeconds: 30 * DAY } });
    queue.register<Mail>({
      name: QUEUE,
      options: {
        retryLimit: config.outboxRetryLimit,
        retryDelay: config.outboxRetrySeconds,
        retryBackoff: true,
        retryDelayMax: 3600,
        retentionSeconds: 30 * DAY,
        deleteAfterSeconds: 7 * DAY,
        deadLetter: DEAD,
      },
      pollingIntervalSeconds: 1,
      work: this.transporter ? (job) => this.send(job.data, job.retryCount) : undefined,
    });
  }

  /** Whether e-mails are sent at all (SMTP configured). */
  get isEnabled(): boolean {
    return this.transporter !== null;
  }

  async enqueue(manager: EntityManager, mails: readonly Mail[]): Promise<void> {
    if (!this.transporter) return;
    for (const mail of mails) await this.queue.send(manager, QUEUE, mail);
  }

  /** The organisation's e-mails still to send, or given up; oldest first. */
  async list(organisationId: string, status: OutboxStatus): Promise<OutboxEmail[]> {
    const jobs = await this.queue.find<Mail>(status === 'dead' ? DEAD : QUEUE, {
      queued: status === 'pending',
      data: { organisationId },
    });
    return jobs.map((job) => toOutboxEmail(job, status));
  }

  private async send(mail: Mail, retryCount: number): Promise<void> {
    if (!this.transporter) throw new Error('SMTP non configuré.');
    try {
      await this.transporter.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    } catch (error) {
      this.logger.warn(
        `E-mail non envoyé à ${mail.to} (essai ${retryCount + 1}) : ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
  }
}
