import type { OrganisationSettings } from '@relais/api-types';
import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * An association's values of the rule thresholds an agreement may change, and its time zone.
 * No row: the law's values (see DEFAULT_ORGANISATION_SETTINGS). The checks repeat the legal bounds
 * of `validateOrganisationSettings`, so no write path can store a value the law forbids.
 */
@Entity({ name: 'organisation_settings' })
@Check(
  'ck_organisation_settings_time_zone',
  `"time_zone" IN ('Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'America/Miquelon')`,
)
@Check('ck_organisation_settings_daily_max', `"daily_max_minutes" BETWEEN 600 AND 720`)
@Check(
  'ck_organisation_settings_weekly_average',
  `"weekly_average_max_minutes" BETWEEN 2640 AND 2760`,
)
@Check(
  'ck_organisation_settings_complementary',
  `"complementary_hours_ratio" >= 0.1 AND "complementary_hours_ratio" <= 0.33333334`,
)
@Check('ck_organisation_settings_notice', `"part_time_notice_working_days" BETWEEN 3 AND 7`)
// L3123-30: an agreement allowing split days is recorded with its counterparts, never without.
@Check(
  'ck_organisation_settings_split_day_agreement',
  `("split_day_agreement_reference" IS NULL AND "split_day_agreement_counterparts" IS NULL) OR (char_length("split_day_agreement_reference") BETWEEN 1 AND 500 AND char_length("split_day_agreement_counterparts") BETWEEN 1 AND 500)`,
)
@Check(
  'ck_organisation_settings_sunday',
  `"sunday_derogation" IS NULL OR char_length("sunday_derogation") BETWEEN 1 AND 200`,
)
@Check(
  'ck_organisation_settings_grouping_block',
  `"part_time_grouping_min_block_minutes" BETWEEN 60 AND 360`,
)
@Check('ck_organisation_settings_exit_stay', `"exit_minimum_stay_days" BETWEEN 0 AND 365`)
export class OrganisationSettingsEntity {
  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_organisation_settings',
  })
  organisationId!: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_organisation_settings_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Paris' })
  timeZone!: string;

  @Column({ name: 'daily_max_minutes', type: 'integer', default: 600 })
  dailyMaxMinutes!: number;

  @Column({ name: 'weekly_average_max_minutes', type: 'integer', default: 2640 })
  weeklyAverageMaxMinutes!: number;

  @Column({ name: 'complementary_hours_ratio', type: 'double precision', default: 0.1 })
  complementaryHoursRatio!: number;

  @Column({ name: 'part_time_notice_working_days', type: 'integer', default: 7 })
  partTimeNoticeWorkingDays!: number;

  /** L3123-30: the agreement allowing split days for part-timers; null: the law forbids them. */
  @Column({ name: 'split_day_agreement_reference', type: 'text', nullable: true })
  splitDayAgreementReference!: string | null;

  /** The specific counterparts the split-day agreement grants (required with it). */
  @Column({ name: 'split_day_agreement_counterparts', type: 'text', nullable: true })
  splitDayAgreementCounterparts!: string | null;

  @Column({ name: 'split_day_agreement_recorded_by', type: 'uuid', nullable: true })
  splitDayAgreementRecordedBy!: string | null;

  @Column({ name: 'split_day_agreement_recorded_at', type: 'timestamptz', nullable: true })
  splitDayAgreementRecordedAt!: Date | null;

  @Column({ name: 'sunday_derogation', type: 'text', nullable: true })
  sundayDerogation!: string | null;

  /** PART_TIME_GROUPING (L3123-7): the shortest block of a half-day, in minutes. */
  @Column({ name: 'part_time_grouping_min_block_minutes', type: 'integer', default: 180 })
  partTimeGroupingMinBlockMinutes!: number;

  @Column({ name: 'exit_minimum_stay_days', type: 'integer', default: 90 })
  exitMinimumStayDays!: number;

  /** SKILL_REQUIRED: the habilitation each activity requires, `{}` for none. */
  @Column({
    name: 'required_skill_by_activity',
    type: 'jsonb',
    default: () => "'{}'",
  })
  requiredSkillByActivity!: OrganisationSettings['requiredSkillByActivity'];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
