import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContractEndReason, ContractType, Post, PostDetail } from '@relais/api-types';
import { DataSource, EntityManager, In } from 'typeorm';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { SiteEntity } from '../organisation/site.entity';
import type { CreatePostDto } from './dto/post.dto';
import { PostEntity } from './post.entity';

export function toPost(entity: PostEntity): Post {
  return { id: entity.id, siteId: entity.siteId, title: entity.title };
}

/**
 * Posts of the organisation's sites: HR and admin create them and read all; a manager reads
 * those of the sites they run (the site-read policy of {@link AccessService}).
 */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, siteId: string | undefined): Promise<Post[]> {
    if (siteId) this.access.requireSite(user, siteId, 'read');
    const siteIds = siteId ? [siteId] : user.siteIds;
    if (siteIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(PostEntity).find({
      where: { organisationId: user.organisationId, siteId: In(siteIds) },
      order: { title: 'ASC' },
    });
    return rows.map(toPost);
  }

  create(user: AuthUser, body: CreatePostDto): Promise<Post> {
    return this.dataSource.transaction(async (manager) => {
      const site = await manager.findOne(SiteEntity, {
        where: { id: body.siteId, organisationId: user.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!site) throw new NotFoundException('Site introuvable.');
      const title = body.title.trim().replace(/\s+/g, ' ');
      if (!title) refuse('L’intitulé du poste ne peut pas être vide.', 'title', 'intitulé vide');
      await this.requireUniqueTitle(manager, site, title);
      const saved = await manager.save(
        manager.create(PostEntity, {
          organisationId: user.organisationId,
          siteId: site.id,
          title,
          createdBy: user.accountId,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'post.create',
        entity: 'post',
        entityId: saved.id,
        details: { site: site.code, title },
      });
      return toPost(saved);
    });
  }

  /** The post and every contract that filled it, whoever held it, oldest first. */
  async get(user: AuthUser, id: string): Promise<PostDetail> {
    const post = await this.dataSource
      .getRepository(PostEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!post) throw new NotFoundException('Poste introuvable.');
    this.access.requireSite(user, post.siteId, 'read');
    const rows: {
      id: string;
      person_id: string;
      person_name: string;
      type: ContractType;
      start_date: string;
      end_date: string | null;
      reason: string | null;
      renewal_of: string | null;
      replaced_person_id: string | null;
      replaced_person_name: string | null;
      end_reason: ContractEndReason | null;
      renewal_refused_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.person_id, p.first_name || ' ' || p.last_name AS person_name, c.type,
              to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.reason, c.renewal_of,
              c.replaced_person_id, r.first_name || ' ' || r.last_name AS replaced_person_name,
              c.end_reason, to_char(c.renewal_refused_on, 'YYYY-MM-DD') AS renewal_refused_on
         FROM contract c
         JOIN person p ON p.id = c.person_id
         LEFT JOIN person r ON r.id = c.replaced_person_id
        WHERE c.post_id = $1 AND c.organisation_id = $2
        ORDER BY c.start_date, c.id`,
      [post.id, user.organisationId],
    );
    return {
      ...toPost(post),
      contracts: rows.map((row) => ({
        id: row.id,
        personId: row.person_id,
        personName: row.person_name,
        type: row.type,
        start: row.start_date,
        end: row.end_date,
        reason: row.reason,
        renewalOf: row.renewal_of,
        replacedPersonId: row.replaced_person_id,
        replacedPersonName: row.replaced_person_name,
        endReason: row.end_reason,
        renewalRefusedOn: row.renewal_refused_on,
      })),
    };
  }

  /** Titles are unique per site whatever their case (the database holds the exact one). */
  private async requireUniqueTitle(
    manager: EntityManager,
    site: SiteEntity,
    title: string,
  ): Promise<void> {
    const [taken]: { title: string }[] = await manager.query(
      `SELECT title FROM post WHERE site_id = $1 AND lower(title) = lower($2)`,
      [site.id, title],
    );
    if (taken) {
      throw new ConflictException(
        `Le site ${site.name} a déjà un poste « ${taken.title} » : choisissez-le plutôt que d’en créer un second.`,
      );
    }
  }
}
