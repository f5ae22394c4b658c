import type { ObligationCode } from '@relais/api-types';
import { OBLIGATION_CODES } from '@relais/api-types';
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

const CODES = OBLIGATION_CODES.map((code) => `'${code}'`).join(', ');

/** What HR recorded to meet one obligation of a contract: one row per contract and obligation. */
@Entity({ name: 'contract_obligation' })
@Index('uq_contract_obligation_code', ['contractId', 'code'], { unique: true })
@Check('ck_contract_obligation_code', `"code" IN (${CODES})`)
@Check(
  'ck_contract_obligation_text',
  `("reference" IS NULL OR char_length("reference") BETWEEN 1 AND 500) AND ("evidence" IS NULL OR char_length("evidence") BETWEEN 1 AND 500)`,
)
export class ContractObligationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contract_obligation' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_obligation_contract' })
  contract?: ContractEntity;

  @Column({ type: 'text' })
  code!: ObligationCode;

  @Column({ name: 'done_on', type: 'date' })
  doneOn!: string;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'module_codes', type: 'text', array: true, default: () => "'{}'" })
  moduleCodes!: string[];

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** OBLIGATION_DUE reminders raised by the daily job: once per obligation, due date and stage. */
@Entity({ name: 'obligation_reminder' })
@Index('uq_obligation_reminder', ['contractId', 'code', 'dueOn', 'stage'], { unique: true })
@Check('ck_obligation_reminder_stage', `"stage" IN ('soon', 'late')`)
export class ObligationReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_obligation_reminder' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_obligation_reminder_contract' })
  contract?: ContractEntity;

  @Column({ type: 'text' })
  code!: ObligationCode;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  stage!: 'soon' | 'late';

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
