import type { MandatoryFor, SkillCode, TrainingModality } from '@relais/api-types';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { LocationEntity } from '../organisation/location.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonSkillEntity } from '../people/person-skill.entity';
import { PersonEntity } from '../people/person.entity';
import { ShiftEntity } from '../rota/shift.entity';

/** A module of the training catalogue (T01–T16 in the demo). */
@Entity({ name: 'training_module' })
@Index('uq_training_module_code', ['organisationId', 'code'], { unique: true })
@Check('ck_training_module_hours', `"hours" > 0`)
@Check('ck_training_module_modality', `"modality" IN ('presentiel', 'distanciel', 'mixte')`)
@Check(
  'ck_training_module_skill',
  `"grants_skill" IS NULL OR "grants_skill" IN ('france_services_initial', 'aidants_connect', 'sst', 'language')`,
)
export class TrainingModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  hours!: number;

  @Column({ type: 'text' })
  modality!: TrainingModality;

  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths!: number | null;

  @Column({ name: 'prerequisite_codes', type: 'text', array: true, default: () => "'{}'" })
  prerequisiteCodes!: string[];

  @Column({ name: 'mandatory_for', type: 'jsonb', nullable: true })
  mandatoryFor!: MandatoryFor | null;

  @Column({ name: 'grants_skill', type: 'text', nullable: true })
  grantsSkill!: SkillCode | null;
}

/** A dated session of a module; each enrolment puts a `training` work item on the rota. */
@Entity({ name: 'training_session' })
@Index('ix_training_session_start', ['organisationId', 'startAt'])
@Check('ck_training_session_period', `"end_at" > "start_at"`)
@Check('ck_training_session_capacity', `"capacity" BETWEEN 1 AND 200`)
export class TrainingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => TrainingModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'fk_training_session_module' })
  module?: TrainingModuleEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_training_session_site' })
  site?: SiteEntity;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_training_session_location' })
  location?: LocationEntity;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;

  @Column({ name: 'break_minutes', type: 'integer', default: 0 })
  breakMinutes!: number;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  trainer!: string | null;

  @Column({ type: 'integer' })
  capacity!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'training_enrolment' })
@Index('uq_training_enrolment_person', ['sessionId', 'personId'], { unique: true })
@Check('ck_training_enrolment_status', `"status" IN ('enrolled', 'present', 'absent', 'validated')`)
@Check(
  'ck_training_enrolment_attended',
  `"attended_minutes" IS NULL OR "attended_minutes" BETWEEN 1 AND 1440`,
)
@Index('ix_training_enrolment_record', ['recordId'])
export class TrainingEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => TrainingSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_training_enrolment_session' })
  session?: TrainingSessionEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_training_enrolment_person' })
  person?: PersonEntity;

  @Column({ name: 'shift_id', type: 'uuid', nullable: true })
  shiftId!: string | null;

  @ManyToOne(() => ShiftEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'fk_training_enrolment_shift' })
  shift?: ShiftEntity;

  @Column({ type: 'text', default: 'enrolled' })
  status!: 'enrolled' | 'present' | 'absent' | 'validated';

  @Column({ name: 'attendance_by', type: 'uuid', nullable: true })
  attendanceBy!: string | null;

  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  /** Minutes actually attended (a session lasts a day at most); set with a present attendance. */
  @Column({ name: 'attended_minutes', type: 'integer', nullable: true })
  attendedMinutes!: number | null;

  /**
   * The module completion this validated session counted toward; null while the module is still
   * open for the person (its validated minutes have not reached the module's hours yet).
   */
  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId!: string | null;

  @ManyToOne(() => TrainingRecordEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'record_id', foreignKeyConstraintName: 'fk_training_enrolment_record' })
  // Relation<>: the record class is declared below (no runtime type reference to it here).
  record?: Relation<TrainingRecordEntity>;
}

/**
 * A module completed by a person: when the validated sessions' attended hours reach the module's
 * hours (`enrolment_id`: the session that closed it), or historical (seed, import).
 */
@Entity({ name: 'training_record' })
@Index('ix_training_record_person', ['personId'])
export class TrainingRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_training_record_person' })
  person?: PersonEntity;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => TrainingModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'fk_training_record_module' })
  module?: TrainingModuleEntity;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  hours!: number;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId!: string | null;

  @ManyToOne(() => TrainingEnrolmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'fk_training_record_enrolment' })
  enrolment?: TrainingEnrolmentEntity;
}

/** CERTIFICATE_EXPIRING reminders raised by the daily job: once per certificate and threshold. */
@Entity({ name: 'certificate_reminder' })
@Index('uq_certificate_reminder_threshold', ['personSkillId', 'thresholdDays'], { unique: true })
@Index('ix_certificate_reminder_person', ['personId'])
@Check('ck_certificate_reminder_threshold', `"threshold_days" IN (90, 60, 30, 7)`)
export class CertificateReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_certificate_reminder_person' })
  person?: PersonEntity;

  @Column({ name: 'person_skill_id', type: 'uuid' })
  personSkillId!: string;

  @ManyToOne(() => PersonSkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'person_skill_id',
    foreignKeyConstraintName: 'fk_certificate_reminder_skill',
  })
  personSkill?: PersonSkillEntity;

  @Column({ type: 'text' })
  skill!: SkillCode;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'threshold_days', type: 'smallint' })
  thresholdDays!: number;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
