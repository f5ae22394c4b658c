import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';

/**
 * A job position at a site that successive contracts fill: the délai de carence between two
 * fixed-term contracts attaches to it, whoever held it (C. trav., L1244-3).
 */
@Entity({ name: 'post' })
@Index('uq_post_site_title', ['siteId', 'title'], { unique: true })
@Index('ix_post_organisation', ['organisationId'])
@Check('ck_post_title', `char_length("title") BETWEEN 1 AND 120`)
export class PostEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_post' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_post_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_post_site' })
  site?: SiteEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
