import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppNotification, NotificationInbox, NotificationKind } from '@relais/contracts';
import { createTransport, Transporter } from 'nodemailer';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AuthUser } from '../access/auth-user';
import { NotificationEntity } from './notification.entity';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

const INBOX_SIZE = 50;

function toNotification(row: NotificationEntity): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * In-app messages, plus e-mail when SMTP is configured. Other modules call `notify` inside their
 * own transaction: the message commits with the change, and e-mails leave only after the commit
 * (a rolled-back change sends nothing). A failed e-mail is logged, never fatal.
 */
@Injectable()
export class NotificationsService implements EntitySubscriberInterface {
  private readonly logger = new Logger('Notifications');
  private readonly pending = new Map<QueryRunner, Mail[]>();
  private readonly transporter: Transporter | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transporter = config.smtpUrl ? createTransport(config.smtpUrl) : null;
    dataSource.subscribers.push(this);
  }

  async notify(
    manager: EntityManager,
    personIds: readonly string[],
    kind: NotificationKind,
    title: string,
    body: string,
    link: string | null,
  ): Promise<void> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return;
    const rows: { email: string | null }[] = await manager.query(
      `WITH added AS (
         INSERT INTO notification (organisation_id, person_id, kind, title, body, link)
         SELECT p.organisation_id, p.id, $2, $3, $4, $5 FROM person p WHERE p.id = ANY($1::uuid[])
         RETURNING person_id)
       SELECT DISTINCT COALESCE(a.email, p.email) AS email FROM added
         JOIN person p ON p.id = added.person_id
         LEFT JOIN account a ON a.person_id = p.id AND a.is_active`,
      [ids, kind, title, body, link],
    );
    if (!this.transporter) return;
    const mails = rows.flatMap((row) =>
      row.email ? [{ to: row.email, subject: `Relais – ${title}`, text: body }] : [],
    );
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...mails]);
    } else {
      this.send(mails);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const mails = this.pending.get(event.queryRunner);
    if (!mails) return;
    this.pending.delete(event.queryRunner);
    this.send(mails);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  async inbox(user: AuthUser): Promise<NotificationInbox> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    const [items, unread] = await Promise.all([
      repository.find({
        where: { personId: user.personId },
        order: { createdAt: 'DESC' },
        take: INBOX_SIZE,
      }),
      repository
        .createQueryBuilder('n')
        .where('n.person_id = :personId AND n.read_at IS NULL', { personId: user.personId })
        .getCount(),
    ]);
    return { unread, items: items.map(toNotification) };
  }

  async markRead(user: AuthUser, id: string | null): Promise<void> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('person_id = :personId AND read_at IS NULL', { personId: user.personId });
    if (id) {
      const exists = await this.dataSource
        .getRepository(NotificationEntity)
        .existsBy({ id, personId: user.personId });
      if (!exists) throw new NotFoundException('Message introuvable.');
      query.andWhere('id = :id', { id });
    }
    await query.execute();
  }

  private send(mails: Mail[]): void {
    const transporter = this.transporter;
    if (!transporter) return;
    for (const mail of mails) {
      transporter
        .sendMail({ from: this.config.mailFrom, ...mail })
        .catch((error: unknown) =>
          this.logger.warn(
            `E-mail non envoyé à ${mail.to} : ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
  }
}
