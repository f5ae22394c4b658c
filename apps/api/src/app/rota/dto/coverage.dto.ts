import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_CODES, SKILL_CODES, type ActivityCode, type SkillCode } from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'heure invalide (HH:MM)';

export class CreateRequirementDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId!: string;

  @ApiProperty({ minimum: 1, maximum: 7 })
  @Max(7)
  @Min(1)
  @IsInt({ message: 'jour ISO attendu (1 = lundi … 7 = dimanche)' })
  weekday!: number;

  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: TIME_MESSAGE })
  startTime!: string;

  @ApiProperty({ example: '12:30' })
  @Matches(TIME, { message: TIME_MESSAGE })
  endTime!: string;

  @ApiProperty({ example: 2 })
  @Max(50)
  @Min(1)
  @IsInt()
  minStaff!: number;

  @ApiPropertyOptional({ enum: SKILL_CODES, nullable: true })
  @IsOptional()
  @IsIn(SKILL_CODES, { message: `qualification attendue parmi : ${SKILL_CODES.join(', ')}` })
  requiredSkill?: SkillCode | null;

  @ApiPropertyOptional({ enum: ACTIVITY_CODES, nullable: true })
  @IsOptional()
  @IsIn(ACTIVITY_CODES, { message: `activité attendue parmi : ${ACTIVITY_CODES.join(', ')}` })
  activity?: ActivityCode | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isPair?: boolean;
}

export class CampaignSlotDto {
  @ApiProperty({ minimum: 1, maximum: 7 })
  @Max(7)
  @Min(1)
  @IsInt({ message: 'jour ISO attendu (1 = lundi … 7 = dimanche)' })
  weekday!: number;

  @ApiProperty({ example: '10:00' })
  @Matches(TIME, { message: TIME_MESSAGE })
  startTime!: string;

  @ApiProperty({ example: '12:30' })
  @Matches(TIME, { message: TIME_MESSAGE })
  endTime!: string;
}

/** An outreach campaign ordered by a social landlord: it generates pair requirements for its dates. */
export class CreateCampaignDto {
  @ApiProperty({ description: 'an outreach location' })
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId!: string;

  @ApiProperty({ example: 'Paris Habitat' })
  @MaxLength(120)
  @MinLength(1)
  @IsString()
  partner!: string;

  @ApiProperty({ example: 'Résidence Square des Lilas' })
  @MaxLength(120)
  @MinLength(1)
  @IsString()
  estate!: string;

  @ApiProperty({ example: '2027-01-04' })
  @IsCivilDate()
  start!: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCivilDate()
  end!: string;

  @ApiProperty({ type: [CampaignSlotDto] })
  @ValidateNested({ each: true })
  @Type(() => CampaignSlotDto)
  @ArrayMaxSize(14)
  @ArrayMinSize(1, { message: 'au moins un créneau hebdomadaire' })
  @IsArray()
  pattern!: CampaignSlotDto[];
}
