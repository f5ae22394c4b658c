import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../people/person.entity';

/** What a person last saw of their week: changes published since are highlighted. */
@Entity({ name: 'self_service_state' })
export class SelfServiceStateEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_self_service_state_person' })
  person?: PersonEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_self_service_state_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'week_seen_at', type: 'timestamptz' })
  weekSeenAt!: Date;
}
