import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_CODES,
  type ActivityCode,
  type ApplyFixRequest,
  type BulkDeleteRequest,
  type BulkMoveRequest,
  type CopyWeekRequest,
  type CreateShiftRequest,
  type NoticeAgreementRequest,
  type PublishRequest,
  type RotaCompareQuery,
  type UpdateShiftRequest,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
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

/** A publication's id, `published` for the last one, or `draft` for the week as it stands. */
const VERSION_REF =
  /^(draft|published|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const VERSION_MESSAGE = 'version invalide (« draft », « published » ou identifiant de publication)';

export class CompareQueryDto extends RotaQueryDto implements RotaCompareQuery {
  @Matches(VERSION_REF, { message: VERSION_MESSAGE })
  @IsString({ message: VERSION_MESSAGE })
  from!: string;

  @Matches(VERSION_REF, { message: VERSION_MESSAGE })
  @IsString({ message: VERSION_MESSAGE })
  to!: string;
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

export class NoticeAgreementDto implements NoticeAgreementRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  week!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;

  @ApiProperty({ example: 'Accord écrit signé le 3 décembre 2026' })
  @IsString()
  @IsNotEmpty({ message: 'obligatoire : comment l’accord écrit a été donné' })
  @MaxLength(500)
  reference!: string;
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

/** `?dryRun=true`: the preview of a bulk action, nothing written. */
export class DryRunQueryDto {
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'true ou false' })
  dryRun?: 'true' | 'false';
}

export class SelectedShiftDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de créneau invalide' })
  id!: string;

  @ApiProperty()
  @Max(2_147_483_647)
  @Min(1)
  @IsInt({ message: 'version attendue (nombre entier lu avec le créneau)' })
  version!: number;
}

export class BulkDeleteDto implements BulkDeleteRequest {
  @ApiProperty({ type: [SelectedShiftDto] })
  @ValidateNested({ each: true })
  @Type(() => SelectedShiftDto)
  @ArrayMaxSize(500, { message: '500 créneaux au plus' })
  @ArrayMinSize(1, { message: 'sélectionnez au moins un créneau' })
  @IsArray()
  shifts!: SelectedShiftDto[];
}

export class BulkMoveDto extends BulkDeleteDto implements BulkMoveRequest {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Max(7)
  @Min(-7)
  @IsInt({ message: 'nombre entier de jours, de -7 à 7' })
  dayOffset?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId?: string | null;
}

/** `GET /api/rota/candidates`: an open shift, or a need of the site on a day. */
export class CandidatesQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de créneau invalide' })
  shiftId?: string;

  /** A second person beside this shift (same place and times). */
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de créneau invalide' })
  alongsideShiftId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'identifiant de besoin invalide' })
  requirementId?: string;

  @IsOptional()
  @IsCivilDate()
  date?: string;
}

export class ApplyFixDto implements ApplyFixRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  week!: string;

  @ApiProperty()
  @MaxLength(2000)
  @IsString({ message: 'identifiant de correctif attendu' })
  fixId!: string;
}
