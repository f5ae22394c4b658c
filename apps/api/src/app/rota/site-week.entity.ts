import type { RotaStatus } from '@relais/api-types';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SiteEntity } from '../organisation/site.entity';

/** The publication state of one site's ISO week. */
@Entity({ name: 'site_week' })
@Index('uq_site_week', ['siteId', 'week'], { unique: true })
@Check('ck_site_week_status', `"status" IN ('draft', 'published')`)
@Check('ck_site_week_week', `"week" ~ '^[0-9]{4}-W[0-9]{2}$'`)
export class SiteWeekEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_week_site' })
  site?: SiteEntity;

  @Column({ type: 'text' })
  week!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: RotaStatus;

  /** Raised by each publication. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
