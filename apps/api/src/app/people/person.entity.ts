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
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';

// No social-security number and no health detail is ever stored about a person (GDPR, CNIL).
@Entity({ name: 'person' })
@Index('ix_person_organisation', ['organisationId'])
@Index('ix_person_home_site', ['homeSiteId'])
@Index('uq_person_payroll_id', ['organisationId', 'payrollId'], { unique: true })
@Check(
  'ck_person_qpv',
  `("qpv_name" IS NULL) = ("qpv_checked_on" IS NULL) AND ("qpv_name" IS NULL OR char_length("qpv_name") BETWEEN 1 AND 200)`,
)
@Check(
  'ck_person_prefect_exception',
  `"prefect_exception" IS NULL OR char_length("prefect_exception") BETWEEN 1 AND 500`,
)
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_person_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** The person's number in the payroll software (matricule), printed on every export line. */
  @Column({ name: 'payroll_id', type: 'text', nullable: true })
  payrollId!: string | null;

  @Column({ name: 'job_title', type: 'text', nullable: true })
  jobTitle!: string | null;

  /** Null for head-office staff (direction, HR, coordination). */
  @Column({ name: 'home_site_id', type: 'uuid', nullable: true })
  homeSiteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_site_id', foreignKeyConstraintName: 'fk_person_home_site' })
  homeSite?: SiteEntity;

  /** Needed for the adulte-relais age floor (26 at hiring). */
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  // Eligibility to the 60-month PEC cap (aged 50+ with difficulties, or RQTH): only the
  // eligibility is stored, never the reason, which may be a health detail.
  @Column({ name: 'is_pec_extended_cap_eligible', type: 'boolean', default: false })
  isPecExtendedCapEligible!: boolean;

  /** Adulte-relais eligibility at hiring (L5134-102): out of work or on a PEC; null unchecked. */
  @Column({ name: 'is_out_of_work_at_hiring', type: 'boolean', nullable: true })
  isOutOfWorkAtHiring!: boolean | null;

  @Column({ name: 'qpv_name', type: 'text', nullable: true })
  qpvName!: string | null;

  @Column({ name: 'qpv_checked_on', type: 'date', nullable: true })
  qpvCheckedOn!: string | null;

  @Column({ name: 'prefect_exception', type: 'text', nullable: true })
  prefectException!: string | null;

  /** Pursues studies (the part-time derogation of a student under 26, L3123-7); null unchecked. */
  @Column({ name: 'is_student', type: 'boolean', nullable: true })
  isStudent!: boolean | null;

  @Column({ name: 'eligibility_recorded_by', type: 'uuid', nullable: true })
  eligibilityRecordedBy!: string | null;

  @Column({
    name: 'eligibility_recorded_at',
    type: 'timestamp with time zone',
    nullable: true,
  })
  eligibilityRecordedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
