import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from './person.entity';

/** A weekly recurring unavailability, e.g. every Wednesday 14:00–18:00 from a date. */
@Entity({ name: 'unavailability' })
@Index('ix_unavailability_person', ['personId'])
@Check('ck_unavailability_weekday', `"weekday" BETWEEN 1 AND 7`)
@Check('ck_unavailability_times', `"end_time" > "start_time"`)
export class UnavailabilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_unavailability_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_unavailability_person' })
  person?: PersonEntity;

  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ name: 'start_time', type: 'text' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'text' })
  endTime!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'until_date', type: 'date', nullable: true })
  untilDate!: string | null;
}
