import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_CODES,
  type ActivityCode,
  type CopyWeekRequest,
  type CreateShiftRequest,
  type PublishRequest,
  type UpdateShiftRequest,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';
import { IsInstant } from '../../../common/is-instant';
import { IsIsoWeek } from '../../../common/is-iso-week';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreateShiftDto implements CreateShiftRequest {
  @ApiPropertyOptional({ nullable: true, description: 'null for an open shift' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId?: string | null;

  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId!: string;

  @ApiProperty({ enum: ACTIVITY_CODES })
  @IsIn(ACTIVITY_CODES, { message: `activité attendue parmi : ${ACTIVITY_CODES.join(', ')}` })
  activity!: ActivityCode;

  @ApiProperty({ example: '2026-12-01T09:00:00+01:00' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-12-01T12:30:00+01:00' })
  @IsInstant()
  end!: string;

  @ApiProperty({ example: 0 })
  @Max(720)
  @Min(0)
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  breakMinutes!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string | null;
}

export class UpdateShiftDto implements UpdateShiftRequest {
  @ApiProperty()
  @Max(2_147_483_647)
  @Min(1)
  @IsInt({ message: 'version attendue (nombre entier lu avec le créneau)' })
  version!: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_CODES })
  @IsOptional()
  @IsIn(ACTIVITY_CODES, { message: `activité attendue parmi : ${ACTIVITY_CODES.join(', ')}` })
  activity?: ActivityCode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  start?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  end?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Max(720)
  @Min(0)
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  breakMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string | null;
}

export class DeleteShiftQueryDto {
  @Type(() => Number)
  @Max(2_147_483_647)
  @Min(1)
  @IsInt({ message: 'version attendue (nombre entier lu avec le créneau)' })
  version!: number;
}

export class RotaQueryDto {
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @IsIsoWeek()
  week!: string;
}

export class SiteQueryDto {
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;
}

export class PublishDto implements PublishRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  week!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  justification?: string | null;
}

export class CopyWeekDto implements CopyWeekRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: '2026-W48' })
  @IsIsoWeek()
  fromWeek!: string;

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  toWeek!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  withPeople?: boolean;
}

export class ApplyTemplateDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  week!: string;
}

export class ComplianceQueryDto {
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;

  @IsCivilDate()
  from!: string;

  @IsCivilDate()
  to!: string;
}
