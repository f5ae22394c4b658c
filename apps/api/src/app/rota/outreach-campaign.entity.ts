import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LocationEntity } from '../organisation/location.entity';

/** Outreach ordered by a social landlord on an estate for a period, with a weekly pattern. */
@Entity({ name: 'outreach_campaign' })
@Check('ck_outreach_campaign_dates', `"end_date" >= "start_date"`)
export class OutreachCampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_outreach_campaign_location' })
  location?: LocationEntity;

  /** The social landlord ordering the campaign. */
  @Column({ type: 'text' })
  partner!: string;

  @Column({ type: 'text' })
  estate!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  /** Weekly pattern: ISO weekday and times, staffed in pairs. */
  @Column({ type: 'jsonb' })
  pattern!: { weekday: number; startTime: string; endTime: string }[];
}
