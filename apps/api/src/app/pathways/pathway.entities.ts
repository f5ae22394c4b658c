import type { ContractType, PlanChange, PlanChangeReason } from '@relais/api-types';
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
import { ContractEntity } from '../contracts/contract.entity';
import { PersonEntity } from '../people/person.entity';

/** A mediator's pathway plan, created at hiring from the template of the contract type. */
@Entity({ name: 'pathway_plan' })
@Index('uq_pathway_plan_person', ['personId'], { unique: true })
export class PathwayPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_pathway_plan_person' })
  person?: PersonEntity;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @ManyToOne(() => ContractEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_pathway_plan_contract' })
  contract?: ContractEntity;

  @Column({ name: 'contract_type', type: 'text' })
  contractType!: ContractType;

  @Column({ name: 'required_module_codes', type: 'text', array: true, default: () => "'{}'" })
  requiredModuleCodes!: string[];

  /** First day of the contracts the milestones were planned from. */
  @Column({ name: 'planned_hire', type: 'date', nullable: true })
  plannedHire!: string | null;

  /** Last day of those contracts; null when open-ended. */
  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'pathway_milestone' })
@Index('uq_pathway_milestone_code', ['planId', 'code'], { unique: true })
export class PathwayMilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PathwayPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_pathway_milestone_plan' })
  plan?: PathwayPlanEntity;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn!: string | null;
}

/** A proof attached to a milestone (PDF, JPEG or PNG up to 5 MB), signed off by HR. */
@Entity({ name: 'pathway_evidence' })
@Index('ix_pathway_evidence_milestone', ['milestoneId'])
@Check('ck_pathway_evidence_type', `"media_type" IN ('application/pdf', 'image/jpeg', 'image/png')`)
@Check('ck_pathway_evidence_size', `"size_bytes" BETWEEN 1 AND 5242880`)
export class PathwayEvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => PathwayMilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'fk_pathway_evidence_milestone' })
  milestone?: PathwayMilestoneEntity;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ name: 'signed_off_by', type: 'uuid', nullable: true })
  signedOffBy!: string | null;

  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true })
  signedOffAt!: Date | null;
}

/** HR-only pathway notes; every read is written to the audit log. */
@Entity({ name: 'pathway_note' })
@Index('ix_pathway_note_person', ['personId'])
export class PathwayNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_pathway_note_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_account_id', type: 'uuid', nullable: true })
  authorAccountId!: string | null;

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** What a contract change moved in a plan (due dates, milestones added or removed), for HR. */
@Entity({ name: 'pathway_plan_change' })
@Index('ix_pathway_plan_change_plan', ['planId', 'createdAt'])
@Check(
  'ck_pathway_plan_change_reason',
  `"reason" IN ('contract_create', 'contract_renew', 'contract_correct', 'contract_end', 'exit')`,
)
export class PathwayPlanChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pathway_plan_change' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => PathwayPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_pathway_plan_change_plan' })
  plan?: PathwayPlanEntity;

  @Column({ type: 'text' })
  reason!: PlanChangeReason;

  @Column({ type: 'jsonb' })
  changes!: Omit<PlanChange, 'at' | 'reason'>;

  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
