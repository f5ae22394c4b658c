import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocationEntity } from '../organisation/location.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';

/** Travel minutes between two locations (read in both directions); travel is working time. */
@Entity({ name: 'travel_time' })
@Check('ck_travel_time_minutes', `"minutes" BETWEEN 0 AND 240`)
export class TravelTimeEntity {
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_travel_time_organisation' })
  organisation?: OrganisationEntity;

  @PrimaryColumn({
    name: 'from_location_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_travel_time',
  })
  fromLocationId!: string;

  @PrimaryColumn({
    name: 'to_location_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_travel_time',
  })
  toLocationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_location_id', foreignKeyConstraintName: 'fk_travel_time_from' })
  from?: LocationEntity;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_location_id', foreignKeyConstraintName: 'fk_travel_time_to' })
  to?: LocationEntity;

  @Column({ type: 'smallint' })
  minutes!: number;
}
