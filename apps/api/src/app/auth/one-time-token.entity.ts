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
import { AccountEntity } from './account.entity';

/** Invitation or password-reset link: single use, short-lived, stored as a keyed hash only. */
@Entity({ name: 'one_time_token' })
@Index('uq_one_time_token_hash', ['tokenHash'], { unique: true })
@Index('ix_one_time_token_account', ['accountId'])
@Check('ck_one_time_token_purpose', `"purpose" IN ('invitation', 'password_reset')`)
export class OneTimeTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_one_time_token_account' })
  account?: AccountEntity;

  @Column({ type: 'text' })
  purpose!: 'invitation' | 'password_reset';

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
