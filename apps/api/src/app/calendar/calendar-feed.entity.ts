import {
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

/**
 * A person's private calendar feed. Only a keyed hash of the URL's token is kept, as for
 * sessions: a copy of the database alone gives no usable feed URL. One active feed per person;
 * regenerating replaces the row, which revokes the old URL.
 */
@Entity({ name: 'calendar_feed' })
@Index('uq_calendar_feed_person', ['personId'], { unique: true })
@Index('uq_calendar_feed_token_hash', ['tokenHash'], { unique: true })
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_calendar_feed_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_calendar_feed_person' })
  person?: PersonEntity;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
