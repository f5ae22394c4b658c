import type { SkillCode } from '@relais/api-types';
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

@Entity({ name: 'person_skill' })
@Index('ix_person_skill_person', ['personId'])
@Check(
  'ck_person_skill_code',
  `"skill" IN ('france_services_initial', 'aidants_connect', 'sst', 'language')`,
)
@Check('ck_person_skill_dates', `"expires_on" IS NULL OR "expires_on" >= "acquired_on"`)
export class PersonSkillEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_person_skill_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_skill_person' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  skill!: SkillCode;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'acquired_on', type: 'date' })
  acquiredOn!: string;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;
}
