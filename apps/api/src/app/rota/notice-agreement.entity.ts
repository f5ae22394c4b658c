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
import { PersonEntity } from '../people/person.entity';
import { SiteWeekEntity } from './site-week.entity';

/**
 * A part-timer's written agreement to one change of a published week (Cass. soc. 9 nov. 2016:
 * no notice is owed then, L3123-31 / L3123-24). It covers the change as it stood when recorded
 * (`schedule`): a later change of the same shift needs its own agreement.
 */
@Entity({ name: 'notice_agreement' })
@Index('ix_notice_agreement_site_week', ['siteWeekId', 'personId'])
@Check('ck_notice_agreement_reference', `char_length("reference") BETWEEN 1 AND 500`)
export class NoticeAgreementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notice_agreement' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_notice_agreement_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_week_id', type: 'uuid' })
  siteWeekId!: string;

  @ManyToOne(() => SiteWeekEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_week_id', foreignKeyConstraintName: 'fk_notice_agreement_site_week' })
  siteWeek?: SiteWeekEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_notice_agreement_person' })
  person?: PersonEntity;

  /** The shift changed; no foreign key, as a removed shift is gone (the agreement stays). */
  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  /** The change agreed to: `start|end|break` of the shift as the person now has it, or `removed`. */
  @Column({ type: 'text' })
  schedule!: string;

  /** How the agreement was given (« Accord écrit signé le 3 décembre », « courriel du … »). */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
