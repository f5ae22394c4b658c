import type { LocationKind } from '@relais/api-types';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { SiteEntity } from './site.entity';

@Entity({ name: 'location' })
@Index('uq_location_organisation_code', ['organisationId', 'code'], { unique: true })
@Index('ix_location_site', ['siteId'])
@Check(
  'ck_location_kind',
  `"kind" IN ('site', 'satellite', 'partner_permanence', 'outreach', 'workshop')`,
)
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_location_organisation' })
  organisation?: OrganisationEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, (site) => site.locations, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_location_site' })
  site?: SiteEntity;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: LocationKind;

  @Column({ type: 'text' })
  address!: string;
}
