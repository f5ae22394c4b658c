import type { Shift } from '@relais/api-types';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteWeekEntity } from './site-week.entity';

/** Every published version of a site-week, kept whole (D3171-16: at least one year). */
@Entity({ name: 'rota_publication' })
@Index('uq_rota_publication_version', ['siteWeekId', 'version'], { unique: true })
export class RotaPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_rota_publication_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_week_id', type: 'uuid' })
  siteWeekId!: string;

  @ManyToOne(() => SiteWeekEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_week_id', foreignKeyConstraintName: 'fk_rota_publication_site_week' })
  siteWeek?: SiteWeekEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'jsonb' })
  shifts!: Shift[];

  @Column({ type: 'text', nullable: true })
  justification!: string | null;
}
