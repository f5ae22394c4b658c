import type { OpeningHours } from '@relais/api-types';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { LocationEntity } from './location.entity';
import { OrganisationEntity } from './organisation.entity';

@Entity({ name: 'site' })
@Index('uq_site_organisation_code', ['organisationId', 'code'], { unique: true })
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_site_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'is_france_services', type: 'boolean', default: false })
  isFranceServices!: boolean;

  /** Public opening hours, one range per line: weekday 1 (Monday) to 7, "09:00"–"12:30". */
  @Column({ name: 'opening_hours', type: 'jsonb', default: () => "'[]'" })
  openingHours!: OpeningHours[];

  @OneToMany(() => LocationEntity, (location) => location.site)
  locations?: LocationEntity[];
}
