import type {
  AssessmentStage,
  CertificationResult,
  CertificationRoute,
  CompetenceRating,
} from '@relais/api-types';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity';
import { PersonEntity } from '../people/person.entity';
import { TrainingRecordEntity } from '../training/training.entities';

/**
 * One assessment of title blocks: a session de validation (exam) or a VAE jury, with its result.
 * A block is obtained only through such a row with the result "admis": nothing else sets it.
 */
@Entity({ name: 'certification_session' })
@Index('ix_certification_session_person', ['personId'])
@Check('ck_certification_session_route', `"route" IN ('EXAMEN', 'VAE')`)
@Check('ck_certification_session_result', `"result" IN ('ADMIS', 'AJOURNE', 'ABSENT')`)
@Check('ck_certification_session_blocks', `cardinality("block_codes") BETWEEN 1 AND 20`)
@Check('ck_certification_session_note', `"note" IS NULL OR char_length("note") BETWEEN 1 AND 500`)
export class CertificationSessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certification_session' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_certification_session_person' })
  person?: PersonEntity;

  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Column({ name: 'block_codes', type: 'text', array: true })
  blockCodes!: string[];

  @Column({ type: 'text' })
  route!: CertificationRoute;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  result!: CertificationResult;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The training followed toward a block: hours, and the training record that prepared it. */
@Entity({ name: 'certification_block_training' })
@Index('uq_certification_block_training', ['personId', 'titleCode', 'blockCode'], {
  unique: true,
})
@Check('ck_certification_block_training_hours', `"hours" >= 0 AND "hours" <= 2000`)
export class CertificationBlockTrainingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certification_block_training' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'person_id',
    foreignKeyConstraintName: 'fk_certification_block_training_person',
  })
  person?: PersonEntity;

  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Column({ name: 'block_code', type: 'text' })
  blockCode!: string;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  hours!: number;

  @Column({ name: 'training_record_id', type: 'uuid', nullable: true })
  trainingRecordId!: string | null;

  @ManyToOne(() => TrainingRecordEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'training_record_id',
    foreignKeyConstraintName: 'fk_certification_block_training_record',
  })
  trainingRecord?: TrainingRecordEntity;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A stage (entry, midpoint, exit) of a contract's competence assessment: one row per stage. */
@Entity({ name: 'competence_assessment' })
@Index('uq_competence_assessment_stage', ['contractId', 'stage'], { unique: true })
@Index('ix_competence_assessment_person', ['personId'])
@Check('ck_competence_assessment_stage', `"stage" IN ('ENTREE', 'MI_PARCOURS', 'SORTIE')`)
@Check('ck_competence_assessment_note', `"note" IS NULL OR char_length("note") BETWEEN 1 AND 1000`)
export class CompetenceAssessmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_competence_assessment' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'contract_id',
    foreignKeyConstraintName: 'fk_competence_assessment_contract',
  })
  contract?: ContractEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_competence_assessment_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  stage!: AssessmentStage;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;

  /** The tutor who assessed; null once that person is erased (the levels stay). */
  @Column({ name: 'assessor_id', type: 'uuid', nullable: true })
  assessorId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'assessor_id',
    foreignKeyConstraintName: 'fk_competence_assessment_assessor',
  })
  assessor?: PersonEntity;

  @Column({ type: 'jsonb' })
  ratings!: CompetenceRating[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
