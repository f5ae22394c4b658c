import type { ContractEndReason, ContractType, Violation } from '@relais/api-types';
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
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { PostEntity } from '../posts/post.entity';

/** Dates are civil dates (`date`), the end inclusive; a renewal is a new row linked by `renewal_of`. */
@Entity({ name: 'contract' })
@Index('ix_contract_person', ['personId'])
@Index('ix_contract_organisation_end', ['organisationId', 'endDate'])
@Index('ix_contract_tutor', ['tutorId'])
@Index('ix_contract_post', ['postId'])
@Check('ck_contract_type', `"type" IN ('CDD', 'PEC', 'ADULTE_RELAIS', 'PRO', 'CDDI', 'CDI')`)
@Check('ck_contract_dates', `"end_date" IS NULL OR "end_date" >= "start_date"`)
@Check(
  'ck_contract_minimum_end',
  `"minimum_end_date" IS NULL OR ("type" = 'CDD' AND "minimum_end_date" >= "start_date")`,
)
@Check(
  'ck_contract_end_reason',
  `"end_reason" IS NULL OR "end_reason" IN ('mutual_agreement', 'gross_misconduct', 'force_majeure', 'unfitness', 'permanent_job_elsewhere', 'trial_period', 'resignation', 'dismissal', 'rupture_conventionnelle')`,
)
@Check('ck_contract_cycle_weeks', `"cycle_weeks" IS NULL OR "cycle_weeks" BETWEEN 2 AND 52`)
@Check(
  'ck_contract_replaced_person',
  `"replaced_person_id" IS NULL OR ("type" = 'CDD' AND "reason" = 'replacement')`,
)
@Check('ck_contract_renewal_refused', `"renewal_refused_on" IS NULL OR "type" = 'CDD'`)
@Check(
  'ck_contract_training_extension',
  `("training_extension_action" IS NULL) = ("training_extension_end" IS NULL) AND ("training_extension_action" IS NULL OR "type" IN ('PEC', 'CDDI'))`,
)
@Check('ck_contract_reduced_initial_term', `NOT "has_reduced_initial_term" OR "type" = 'PEC'`)
@Check('ck_contract_hours', `"weekly_hours" > 0 AND "weekly_hours" <= 48`)
@Check(
  'ck_contract_hourly_cost',
  `"hourly_cost_cents" IS NULL OR ("hourly_cost_cents" >= 0 AND "hourly_cost_cents" <= 100000)`,
)
// A person never has two contracts in force on the same day (a renewal starts after the end).
@Exclusion(
  'ex_contract_person_period',
  `USING gist ("person_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
)
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_contract_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_contract_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  type!: ContractType;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  /** A replacement CDD without a precise term: the last day of its minimum duration (L1242-7). */
  @Column({ name: 'minimum_end_date', type: 'date', nullable: true })
  minimumEndDate!: string | null;

  @Column({
    name: 'weekly_hours',
    type: 'numeric',
    precision: 4,
    scale: 2,
    transformer: {
      to: (v: number) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  weeklyHours!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Set when the contract was ended before its planned end: the legal ground. */
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: ContractEndReason | null;

  /** The end first planned (null for a CDI) when the contract was ended early. */
  @Column({ name: 'planned_end_date', type: 'date', nullable: true })
  plannedEndDate!: string | null;

  @Column({ name: 'renewal_of', type: 'uuid', nullable: true })
  renewalOf!: string | null;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'renewal_of', foreignKeyConstraintName: 'fk_contract_renewal_of' })
  renewed?: ContractEntity;

  @Column({ name: 'tutor_id', type: 'uuid', nullable: true })
  tutorId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tutor_id', foreignKeyConstraintName: 'fk_contract_tutor' })
  tutor?: PersonEntity;

  @Column({ name: 'part_time_derogation', type: 'text', nullable: true })
  partTimeDerogation!: string | null;

  @Column({ name: 'derogation_requested_on', type: 'date', nullable: true })
  derogationRequestedOn!: string | null;

  @Column({ name: 'training_hours', type: 'integer', nullable: true })
  trainingHours!: number | null;

  @Column({ name: 'convention_number', type: 'text', nullable: true })
  conventionNumber!: string | null;

  @Column({ name: 'convention_start', type: 'date', nullable: true })
  conventionStart!: string | null;

  @Column({ name: 'convention_end', type: 'date', nullable: true })
  conventionEnd!: string | null;

  /** Night worker by the contract (L3122-5). */
  @Column({ name: 'is_night_worker', type: 'boolean', default: false })
  isNightWorker!: boolean;

  /** Hours distributed over a cycle of this many weeks (L3121-44); null: a weekly schedule. */
  @Column({ name: 'cycle_weeks', type: 'smallint', nullable: true })
  cycleWeeks!: number | null;

  /** PEC: the 3-month initial term of a person who benefited from a sentence adjustment. */
  @Column({ name: 'has_reduced_initial_term', type: 'boolean', default: false })
  hasReducedInitialTerm!: boolean;

  /** PEC or CDDI prolonged to finish a training action in progress (L5134-25-1): the action. */
  @Column({ name: 'training_extension_action', type: 'text', nullable: true })
  trainingExtensionAction!: string | null;

  /** The end of that action: the prolonged contract cannot go beyond it. */
  @Column({ name: 'training_extension_end', type: 'date', nullable: true })
  trainingExtensionEnd!: string | null;

  /** The post filled: the délai de carence attaches to it, whoever held it (L1244-3). */
  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId!: string | null;

  @ManyToOne(() => PostEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'fk_contract_post' })
  post?: PostEntity;

  /** A replacement CDD: the absent employee replaced (L1242-12 1°, L1244-4-1 1°). */
  @Column({ name: 'replaced_person_id', type: 'uuid', nullable: true })
  replacedPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'replaced_person_id',
    foreignKeyConstraintName: 'fk_contract_replaced_person',
  })
  replacedPerson?: PersonEntity;

  /** The day the employee refused the renewal of this CDD: no délai de carence (L1244-4-1). */
  @Column({ name: 'renewal_refused_on', type: 'date', nullable: true })
  renewalRefusedOn!: string | null;

  @Column({ name: 'renewal_refused_recorded_by', type: 'uuid', nullable: true })
  renewalRefusedRecordedBy!: string | null;

  @Column({ name: 'renewal_refused_recorded_at', type: 'timestamptz', nullable: true })
  renewalRefusedRecordedAt!: Date | null;

  /** Warnings accepted at entry (rule codes and messages), kept with their justification. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: Violation[];

  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  /** Hourly cost to the employer (coût horaire chargé) in euro cents; HR and admin only. */
  @Column({ name: 'hourly_cost_cents', type: 'integer', nullable: true })
  hourlyCostCents!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
