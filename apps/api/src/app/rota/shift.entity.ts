import type { ActivityCode } from '@relais/api-types';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocationEntity } from '../organisation/location.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';

/**
 * A work item on the rota: a shift (assigned or open) or, later, a training session. The
 * database itself refuses two overlapping items for one person, even under concurrent requests.
 */
@Entity({ name: 'shift' })
@Index('ix_shift_site_start', ['siteId', 'startAt'])
@Index('ix_shift_person_start', ['personId', 'startAt'])
@Check('ck_shift_period', `"end_at" > "start_at" AND "end_at" - "start_at" <= interval '24 hours'`)
@Check(
  'ck_shift_break',
  `"break_minutes" >= 0 AND "break_minutes" * interval '1 minute' < "end_at" - "start_at"`,
)
@Check(
  'ck_shift_activity',
  `"activity" IN ('accueil', 'back_office', 'permanence', 'outreach', 'workshop', 'digital_help', 'meeting', 'training')`,
)
@Exclusion(
  'ex_shift_person_period',
  `USING gist ("person_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("person_id" IS NOT NULL)`,
)
export class ShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_shift_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_shift_site' })
  site?: SiteEntity;

  /** Null for an open shift ("à pourvoir"). */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_shift_person' })
  person?: PersonEntity;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_shift_location' })
  location?: LocationEntity;

  @Column({ type: 'text' })
  activity!: ActivityCode;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;

  @Column({ name: 'break_minutes', type: 'integer', default: 0 })
  breakMinutes!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Set for a training session's work item (one per enrolled person); removed with the session. */
  @Column({ name: 'training_session_id', type: 'uuid', nullable: true })
  trainingSessionId!: string | null;

  @ManyToOne('TrainingSessionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'training_session_id',
    foreignKeyConstraintName: 'fk_shift_training_session',
  })
  trainingSession?: unknown;

  /** Checked explicitly in every UPDATE (WHERE version = :read): a stale write is a 409. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
