import type { Role } from '@relais/api-types';
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

@Entity({ name: 'account' })
@Index('uq_account_email', ['email'], { unique: true })
@Index('uq_account_person', ['personId'], { unique: true })
@Check('ck_account_role', `"role" IN ('admin', 'hr', 'manager', 'mediator')`)
@Check('ck_account_email_lower', `"email" = lower("email")`)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_account_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_account_person' })
  person?: PersonEntity;

  /** Stored lower-cased; unique across the whole database (one login page for every tenant). */
  @Column({ type: 'text' })
  email!: string;

  /** argon2id hash; null until the invitation is accepted. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
