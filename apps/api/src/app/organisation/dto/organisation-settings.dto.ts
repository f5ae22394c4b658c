import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ActivityCode,
  SkillCode,
  SplitDayAgreement,
  UpdateOrganisationSettingsRequest,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** L3123-30: the agreement allowing split days, with its counterparts (both required). */
export class SplitDayAgreementDto implements SplitDayAgreement {
  @ApiProperty({ example: 'Accord de branche ALISFA du 4 juin 1983, art. 4.2' })
  @IsString({ message: 'la référence de l’accord doit être un texte' })
  @MaxLength(500, { message: 'la référence de l’accord : 500 caractères au plus' })
  reference!: string;

  @ApiProperty({ example: 'Prime de coupure de 5 € ; amplitude de 10 h au plus' })
  @IsString({ message: 'les contreparties doivent être un texte' })
  @MaxLength(500, { message: 'les contreparties : 500 caractères au plus' })
  counterparts!: string;
}

// Types here; the legal bounds in `validateOrganisationSettings` (a 422 naming field and bound).
export class UpdateOrganisationSettingsDto implements UpdateOrganisationSettingsRequest {
  @ApiProperty({ example: 'Europe/Paris' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ example: 600, description: '600 (10 h) by law, up to 720 (12 h) by agreement' })
  @IsInt()
  dailyMaxMinutes!: number;

  @ApiProperty({ example: 2640, description: '2640 (44 h) by law, up to 2760 (46 h) by agreement' })
  @IsInt()
  weeklyAverageMaxMinutes!: number;

  @ApiProperty({ example: 0.1, description: '0.1 (1/10) by law, up to 1/3 by agreement' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  complementaryHoursRatio!: number;

  @ApiProperty({ example: 7, description: '7 working days by law, down to 3 by agreement' })
  @IsInt()
  partTimeNoticeWorkingDays!: number;

  @ApiProperty({ nullable: true, type: SplitDayAgreementDto, example: null })
  @ValidateIf((body: UpdateOrganisationSettingsDto) => body.splitDayAgreement !== null)
  @IsObject({
    message: 'doit être null ou un accord { reference, counterparts } (C. trav., art. L3123-30)',
  })
  @ValidateNested()
  @Type(() => SplitDayAgreementDto)
  splitDayAgreement!: SplitDayAgreementDto | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  @ValidateIf((body: UpdateOrganisationSettingsDto) => body.sundayDerogation !== null)
  @IsString()
  @MaxLength(200)
  sundayDerogation!: string | null;

  @ApiPropertyOptional({
    example: 180,
    description:
      'PART_TIME_GROUPING (L3123-7): shortest block of work of a part-timer under 24 h, in minutes (60 to 360); kept when absent',
  })
  @IsOptional()
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  partTimeGroupingMinBlockMinutes?: number;

  @ApiPropertyOptional({
    example: 90,
    description: 'days of stay before a leaver counts in the dynamic-exit rate (0 to 365)',
  })
  @IsOptional()
  @IsInt({ message: 'doit être un nombre entier de jours' })
  exitMinimumStayDays?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { digital_help: 'aidants_connect' },
    description: 'the habilitation each activity requires (SKILL_REQUIRED); kept when absent',
  })
  @IsOptional()
  @IsObject()
  requiredSkillByActivity?: Partial<Record<ActivityCode, SkillCode>>;
}
