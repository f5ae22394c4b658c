import type {
  ContractType,
  DurationBucket,
  ExitCategory,
  ExitJobType,
  FollowUpSituation,
  NeutralisedReason,
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
} from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';

/** Where a leaver went (rule 33: category, date and, for dynamic exits, type and duration). */
@Entity({ name: 'exit_record' })
@Index('uq_exit_record_contract', ['contractId'], {
  unique: true,
  where: '"contract_id" IS NOT NULL',
})
@Check(
  'ck_exit_record_category',
  `"category" IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE', 'AUTRE_SORTIE', 'NEUTRALISEE')`,
)
@Check(
  'ck_exit_record_dynamic',
  `"category" NOT IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE') OR "job_contract_type" IS NOT NULL`,
)
@Check(
  'ck_exit_record_job_length',
  `"job_contract_type" NOT IN ('CDD', 'INTERIM') OR "duration_bucket" IS NOT NULL`,
)
@Check(
  'ck_exit_record_neutralised',
  `("category" = 'NEUTRALISEE') = ("neutralised_reason" IS NOT NULL)`,
)
@Check(
  'ck_exit_record_neutralised_reason',
  `"neutralised_reason" IS NULL OR "neutralised_reason" IN ('DEMENAGEMENT', 'MALADIE', 'RETRAITE', 'DECES', 'INCARCERATION', 'AUTRE')`,
)
@Check('ck_exit_record_job_months', `"job_months" IS NULL OR "job_months" BETWEEN 1 AND 600`)
@Check(
  'ck_exit_record_follow_up_status',
  `"follow_up_status" IS NULL OR "follow_up_status" IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE', 'AUTRE_SORTIE', 'SANS_NOUVELLES', 'REFUS')`,
)
@Check(
  'ck_exit_record_certified',
  `"certified_blocks" IS NULL OR "certification_obtained" = (cardinality("certified_blocks") > 0)`,
)
@Check('ck_exit_record_follow_up', `("follow_up_status" IS NULL) = ("follow_up_on" IS NULL)`)
export class ExitRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Null for historical leavers kept only for the statistics. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_exit_record_person' })
  person?: PersonEntity;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @ManyToOne(() => ContractEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_exit_record_contract' })
  contract?: ContractEntity;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_exit_record_site' })
  site?: SiteEntity;

  @Column({ name: 'contract_type', type: 'text' })
  contractType!: ContractType;

  @Column({ name: 'exit_date', type: 'date' })
  exitDate!: string;

  /** Null while the record is to complete (opened when a contract was ended early). */
  @Column({ type: 'text', nullable: true })
  category!: ExitCategory | null;

  @Column({ name: 'job_contract_type', type: 'text', nullable: true })
  jobContractType!: ExitJobType | null;

  @Column({ name: 'duration_bucket', type: 'text', nullable: true })
  durationBucket!: DurationBucket | null;

  /** Length of the job obtained, in months (CDD, temp assignment, aided contract). */
  @Column({ name: 'job_months', type: 'smallint', nullable: true })
  jobMonths!: number | null;

  /** Why a neutralised exit is left out of the rate. */
  @Column({ name: 'neutralised_reason', type: 'text', nullable: true })
  neutralisedReason!: NeutralisedReason | null;

  /** Hired by the association itself on an ordinary post after an aided contract. */
  @Column({ name: 'is_internal_hire', type: 'boolean', default: false })
  isInternalHire!: boolean;

  /** First day of the person's contracts leading to this exit (null for historical leavers). */
  @Column({ name: 'entry_date', type: 'date', nullable: true })
  entryDate!: string | null;

  @Column({ name: 'employer_sector', type: 'text', nullable: true })
  employerSector!: string | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  /** Derived from `certifiedBlocks` (a check says so), never typed. */
  @Column({ name: 'certification_obtained', type: 'boolean', default: false })
  certificationObtained!: boolean;

  /**
   * The title blocks obtained during the pathway by the exit date ("MSADS.CCP1"), kept when the
   * person is erased; null on records typed before blocks were tracked.
   */
  @Column({ name: 'certified_blocks', type: 'text', array: true, nullable: true })
  certifiedBlocks!: string[] | null;

  @Column({ name: 'follow_up_due', type: 'date' })
  followUpDue!: string;

  @Column({ name: 'follow_up_status', type: 'text', nullable: true })
  followUpStatus!: FollowUpSituation | null;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
