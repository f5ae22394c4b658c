import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppNotification, NotificationInbox, NotificationKind } from '@relais/api-types';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { NotificationEntity } from './notification.entity';
import { OutboxService } from './outbox.service';

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
 * own transaction: the message and its e-mails (in the outbox) commit with the change, and a
 * rolled-back change sends nothing. The outbox sends the e-mails, and retries them.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

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
    const rows: { email: string | null; organisation_id: string }[] = await manager.query(
      `WITH added AS (
         INSERT INTO notification (organisation_id, person_id, kind, title, body, link)
         SELECT p.organisation_id, p.id, $2, $3, $4, $5 FROM person p WHERE p.id = ANY($1::uuid[])
         RETURNING person_id)
       SELECT DISTINCT COALESCE(a.email, p.email) AS email, p.organisation_id FROM added
         JOIN person p ON p.id = added.person_id
         LEFT JOIN account a ON a.person_id = p.id AND a.is_active`,
      [ids, kind, title, body, link],
    );
    await this.outbox.enqueue(
      manager,
      rows.flatMap((row) =>
        row.email
          ? [
              {
                organisationId: row.organisation_id,
                to: row.email,
                subject: `Relais – ${title}`,
                text: body,
              },
            ]
          : [],
      ),
    );
  }

  /**
   * Tells the managers of some sites (one message and one e-mail each), never the person who
   * caused it: a new request, swap or claim waits for their decision.
   */
  async notifySiteManagers(
    manager: EntityManager,
    siteIds: readonly string[],
    exceptPersonIds: readonly string[],
    kind: NotificationKind,
    title: string,
    body: string,
    link: string | null,
  ): Promise<void> {
    if (siteIds.length === 0) return;
    const rows: { person_id: string }[] = await manager.query(
      'SELECT DISTINCT person_id FROM manager_site WHERE site_id = ANY($1::uuid[])',
      [[...siteIds]],
    );
    await this.notify(
      manager,
      rows.map((row) => row.person_id).filter((id) => !exceptPersonIds.includes(id)),
      kind,
      title,
      body,
      link,
    );
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
}
