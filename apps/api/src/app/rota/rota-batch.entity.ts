import type { RotaBatchKind } from '@relais/api-types';
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

/** A shift as a batch keeps it, to put it back. */
export interface BatchShiftSnapshot {
  personId: string | null;
  locationId: string;
  activity: string;
  start: string;
  end: string;
  breakMinutes: number;
  note: string | null;
  siteId: string;
}

/**
 * One change of a batch: the shift it created (undone by deleting it), deleted (undone by putting
 * it back) or updated (undone by restoring `before`). `version` is the shift's version the batch
 * left: any other version means someone edited it since, and the undo is refused.
 */
export interface BatchEntry {
  shiftId: string;
  op: 'create' | 'delete' | 'update';
  before: BatchShiftSnapshot | null;
  version: number | null;
}

/**
 * Shift changes made as one step (a copied week, templates, a bulk delete or move, a fix), kept
 * so that they are undone as one step, also after a reload.
 */
@Entity({ name: 'rota_batch' })
@Index('ix_rota_batch_site_week', ['siteId', 'week', 'createdAt'])
@Check('ck_rota_batch_kind', `"kind" IN ('copy', 'templates', 'bulk_delete', 'bulk_move', 'fix')`)
export class RotaBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_rota_batch_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_rota_batch_site' })
  site?: SiteEntity;

  @Column({ type: 'text' })
  week!: string;

  @Column({ type: 'text' })
  kind!: RotaBatchKind;

  /** French words: « Copie de la semaine 49 ». */
  @Column({ type: 'text' })
  label!: string;

  /** The account that made it (only it may undo it). */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ type: 'jsonb' })
  entries!: BatchEntry[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;
}
