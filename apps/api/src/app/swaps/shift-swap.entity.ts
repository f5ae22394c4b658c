import type { SwapStatus, Violation } from '@relais/api-types';
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
import { ShiftEntity } from '../rota/shift.entity';

/**
 * A published shift handed from one person to a colleague, or exchanged for one of hers: offered,
 * accepted, then decided.
 */
@Entity({ name: 'shift_swap' })
@Index('ix_shift_swap_shift', ['shiftId'])
@Index('ix_shift_swap_organisation_status', ['organisationId', 'status'])
@Check(
  'ck_shift_swap_status',
  `"status" IN ('offered', 'accepted', 'approved', 'refused', 'cancelled')`,
)
@Check('ck_shift_swap_people', `"from_person_id" <> "to_person_id"`)
@Check(
  'ck_shift_swap_counter',
  `("counter_shift_id" IS NULL) = ("counter_shift_version" IS NULL) AND "counter_shift_id" IS DISTINCT FROM "shift_id"`,
)
export class ShiftSwapEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_shift_swap_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'fk_shift_swap_shift' })
  shift?: ShiftEntity;

  /** The shift's version when offered: a shift changed meanwhile cannot be swapped (409). */
  @Column({ name: 'shift_version', type: 'integer' })
  shiftVersion!: number;

  /** A two-way swap: the colleague's shift given back in exchange (null: a one-way hand-over). */
  @Column({ name: 'counter_shift_id', type: 'uuid', nullable: true })
  counterShiftId!: string | null;

  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'counter_shift_id', foreignKeyConstraintName: 'fk_shift_swap_counter_shift' })
  counterShift?: ShiftEntity;

  @Column({ name: 'counter_shift_version', type: 'integer', nullable: true })
  counterShiftVersion!: number | null;

  @Column({ name: 'from_person_id', type: 'uuid' })
  fromPersonId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_person_id', foreignKeyConstraintName: 'fk_shift_swap_from_person' })
  fromPerson?: PersonEntity;

  @Column({ name: 'to_person_id', type: 'uuid' })
  toPersonId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_person_id', foreignKeyConstraintName: 'fk_shift_swap_to_person' })
  toPerson?: PersonEntity;

  @Column({ type: 'text', default: 'offered' })
  status!: SwapStatus;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  /** Blocking problems found at the last refused approval attempt. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  violations!: Violation[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
