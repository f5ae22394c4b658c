import type { AbsenceKind } from '@relais/api-types';
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
import { PersonEntity } from './person.entity';

// The reason is free text for HR and managers; it must never carry a medical detail (CNIL).
@Entity({ name: 'absence' })
@Index('ix_absence_person_dates', ['personId', 'startDate'])
@Check('ck_absence_kind', `"kind" IN ('leave', 'sickness', 'training', 'other')`)
@Check('ck_absence_dates', `"end_date" >= "start_date"`)
export class AbsenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_absence_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_absence_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  kind!: AbsenceKind;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
