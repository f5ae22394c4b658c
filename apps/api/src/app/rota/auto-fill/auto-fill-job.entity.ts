import type {
  AutoFillMode,
  AutoFillProgress,
  AutoFillProposal,
  AutoFillStatus,
} from '@relais/api-types';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One auto-fill run. Kept in PostgreSQL, not in memory, so any API process can report its
 * progress and apply its proposal; the process that solves polls `stop_requested`.
 */
@Entity({ name: 'auto_fill_job' })
@Index('ix_auto_fill_job_creator', ['createdBy', 'createdAt'])
@Check('ck_auto_fill_job_mode', `"mode" IN ('fill', 'replan')`)
@Check(
  'ck_auto_fill_job_status',
  `"status" IN ('running', 'done', 'failed', 'applied', 'discarded')`,
)
export class AutoFillJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'site_ids', type: 'uuid', array: true })
  siteIds!: string[];

  @Column({ type: 'text' })
  week!: string;

  @Column({ type: 'text' })
  mode!: AutoFillMode;

  @Column({ type: 'text', default: 'running' })
  status!: AutoFillStatus;

  @Column({ name: 'time_limit_seconds', type: 'smallint' })
  timeLimitSeconds!: number;

  @Column({ name: 'stop_requested', type: 'boolean', default: false })
  stopRequested!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  progress!: AutoFillProgress | null;

  @Column({ type: 'jsonb', nullable: true })
  proposal!: AutoFillProposal | null;

  /** `id:version` of every shift of the weeks when the solve started: apply refuses if it moved. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  fingerprint!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
