import {
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
