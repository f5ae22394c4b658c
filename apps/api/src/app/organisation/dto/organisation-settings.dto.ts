import { ApiProperty } from '@nestjs/swagger';
import type { Severity, UpdateOrganisationSettingsRequest } from '@relais/api-types';
import { IsIn, IsInt, IsNumber, IsString, MaxLength, ValidateIf } from 'class-validator';

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

  @ApiProperty({ enum: ['info', 'warn', 'block'], example: 'warn' })
  @IsIn(['info', 'warn', 'block'])
  splitDaySeverity!: Severity;

  @ApiProperty({ nullable: true, type: String, example: null })
  @ValidateIf((body: UpdateOrganisationSettingsDto) => body.sundayDerogation !== null)
  @IsString()
  @MaxLength(200)
  sundayDerogation!: string | null;
}
