import type { RequestKind, RequestStatus } from '@relais/api-types';
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

/** A mediator's leave or unavailability request; an approved one becomes an absence or unavailability. */
@Entity({ name: 'staff_request' })
@Index('ix_staff_request_person', ['personId'])
@Index('ix_staff_request_organisation_status', ['organisationId', 'status'])
@Check('ck_staff_request_kind', `"kind" IN ('leave', 'unavailability')`)
@Check('ck_staff_request_status', `"status" IN ('pending', 'approved', 'refused')`)
@Check('ck_staff_request_dates', `"end_date" >= "start_date"`)
@Check('ck_staff_request_weekday', `"weekday" IS NULL OR "weekday" BETWEEN 1 AND 7`)
export class StaffRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_staff_request_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_staff_request_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  kind!: RequestKind;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'smallint', nullable: true })
  weekday!: number | null;

  @Column({ name: 'start_time', type: 'text', nullable: true })
  startTime!: string | null;

  @Column({ name: 'end_time', type: 'text', nullable: true })
  endTime!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: RequestStatus;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
