import type { OpeningHours } from '@relais/api-types';
import {
  Check,
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
@Check(
  'ck_site_sunday_derogation',
  `"sunday_derogation" IS NULL OR char_length("sunday_derogation") BETWEEN 1 AND 200`,
)
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

  /** The legal basis of the site's derogation to Sunday rest (L3132-12 and following). */
  @Column({ name: 'sunday_derogation', type: 'text', nullable: true })
  sundayDerogation!: string | null;

  @Column({ name: 'sunday_derogation_recorded_by', type: 'uuid', nullable: true })
  sundayDerogationRecordedBy!: string | null;

  @Column({
    name: 'sunday_derogation_recorded_at',
    type: 'timestamp with time zone',
    nullable: true,
  })
  sundayDerogationRecordedAt!: Date | null;

  @OneToMany(() => LocationEntity, (location) => location.site)
  locations?: LocationEntity[];
}
