import type { ClaimStatus, Violation } from '@relais/api-types';
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

/** "Je suis disponible": a person offers to take a published open shift; the manager decides. */
@Entity({ name: 'open_shift_claim' })
@Index('ix_open_shift_claim_shift', ['shiftId'])
@Index('ix_open_shift_claim_person', ['personId'])
@Index('ix_open_shift_claim_organisation_status', ['organisationId', 'status'])
// One pending claim per person and shift: a second click is a 409, not a duplicate.
@Index('ux_open_shift_claim_pending', ['shiftId', 'personId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
@Check(
  'ck_open_shift_claim_status',
  `"status" IN ('pending', 'approved', 'refused', 'withdrawn', 'closed')`,
)
export class OpenShiftClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_open_shift_claim_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'fk_open_shift_claim_shift' })
  shift?: ShiftEntity;

  /** The shift's version when claimed: a shift changed meanwhile cannot be given (409). */
  @Column({ name: 'shift_version', type: 'integer' })
  shiftVersion!: number;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_open_shift_claim_person' })
  person?: PersonEntity;

  @Column({ type: 'text', default: 'pending' })
  status!: ClaimStatus;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  /** Blocking problems found at the last refused approval attempt. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  violations!: Violation[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
