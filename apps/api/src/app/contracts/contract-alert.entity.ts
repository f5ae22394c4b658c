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
import { ContractEntity } from './contract.entity';

/** CONTRACT_ENDING reminders raised by the daily job, once per contract and threshold. */
@Entity({ name: 'contract_alert' })
@Index('uq_contract_alert_threshold', ['contractId', 'thresholdDays'], { unique: true })
@Check('ck_contract_alert_threshold', `"threshold_days" IN (90, 60, 30)`)
export class ContractAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_alert_contract' })
  contract?: ContractEntity;

  @Column({ name: 'threshold_days', type: 'smallint' })
  thresholdDays!: number;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
