import { PAYROLL_CODES } from '@relais/api-types';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';

const CODES_SQL = PAYROLL_CODES.map((code) => `'${code}'`).join(', ');

/**
 * A month closed by HR, for the whole organisation (no site) or one site: its payroll variables
 * as they stood at the close. From then on the database refuses any change to a shift of that
 * month there (trigger `tr_shift_closed_month`); a correction is an adjustment in a later month.
 */
@Entity({ name: 'payroll_month' })
@Index('uq_payroll_month_organisation', ['organisationId', 'month'], {
  unique: true,
  where: '"site_id" IS NULL',
})
@Index('uq_payroll_month_site', ['siteId', 'month'], {
  unique: true,
  where: '"site_id" IS NOT NULL',
})
@Check('ck_payroll_month_month', `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class PayrollMonthEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_payroll_month' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_payroll_month_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_payroll_month_site' })
  site?: SiteEntity;

  @Column({ type: 'text' })
  month!: string;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @CreateDateColumn({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  /** The people's variables at the close (`PayrollPersonMonth[]`), what the export reads. */
  @Column({ type: 'jsonb' })
  snapshot!: unknown;
}

/** A correction of a closed month, carried by the next month open for the person. */
@Entity({ name: 'payroll_adjustment' })
@Index('ix_payroll_adjustment_month', ['organisationId', 'month'])
@Check('ck_payroll_adjustment_code', `"code" IN (${CODES_SQL})`)
@Check('ck_payroll_adjustment_months', `"corrects_month" < "month"`)
@Check('ck_payroll_adjustment_quantity', `"quantity" <> 0`)
export class PayrollAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_payroll_adjustment' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_payroll_adjustment_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_payroll_adjustment_person' })
  person?: PersonEntity;

  /** The month whose payroll carries it. */
  @Column({ type: 'text' })
  month!: string;

  /** The closed month it corrects. */
  @Column({ name: 'corrects_month', type: 'text' })
  correctsMonth!: string;

  @Column({ type: 'text' })
  code!: string;

  /** Minutes for an hours code, days for a days code; negative to take back. */
  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Our variable code → the code the organisation's payroll software imports. */
@Entity({ name: 'payroll_code_mapping' })
@Check('ck_payroll_code_mapping_code', `"code" IN (${CODES_SQL})`)
@Check('ck_payroll_code_mapping_external', `char_length("external_code") BETWEEN 1 AND 40`)
export class PayrollCodeMappingEntity {
  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_payroll_code_mapping',
  })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_payroll_code_mapping_organisation',
  })
  organisation?: OrganisationEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_payroll_code_mapping' })
  code!: string;

  @Column({ name: 'external_code', type: 'text' })
  externalCode!: string;
}

/** A person's monthly hours statement: sent by HR, then signed off by the person. */
@Entity({ name: 'hours_statement' })
@Index('uq_hours_statement_person_month', ['personId', 'month'], { unique: true })
@Check('ck_hours_statement_month', `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class HoursStatementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hours_statement' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_hours_statement_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_hours_statement_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  month!: string;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy!: string | null;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;
}
