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
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from './person.entity';

/**
 * A person lent to another site for a period, by HR or by the manager of her own site: only then
 * may the borrowing site's manager staff her there.
 */
@Entity({ name: 'site_loan' })
@Index('ix_site_loan_site_dates', ['siteId', 'fromDate'])
@Index('ix_site_loan_person', ['personId'])
@Check('ck_site_loan_dates', `"until_date" >= "from_date"`)
export class SiteLoanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_site_loan_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_site_loan_person' })
  person?: PersonEntity;

  /** The borrowing site. */
  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_loan_site' })
  site?: SiteEntity;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'until_date', type: 'date' })
  untilDate!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
