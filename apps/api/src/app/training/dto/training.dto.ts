import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DURATION_BUCKETS,
  EXIT_CATEGORIES,
  EXIT_JOB_TYPES,
  FOLLOW_UP_SITUATIONS,
  type CreateExitRequest,
  type CreateTrainingSessionRequest,
  type DurationBucket,
  type ExitCategory,
  type ExitFollowUpRequest,
  type ExitJobType,
  type FollowUpSituation,
} from '@relais/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';
import { IsInstant } from '../../../common/is-instant';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreateSessionDto implements CreateTrainingSessionRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de module invalide' })
  moduleId!: string;

  @ApiProperty({ description: 'where the session takes place (its site receives the rota item)' })
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId!: string;

  @ApiProperty({ example: '2026-12-08T09:00:00+01:00' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-12-08T17:00:00+01:00' })
  @IsInstant()
  end!: string;

  @ApiProperty({ example: 60 })
  @Max(720)
  @Min(0)
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  breakMinutes!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(200)
  @IsString()
  place?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(120)
  @IsString()
  trainer?: string | null;

  @ApiProperty({ example: 12 })
  @Max(200, { message: '200 places au plus' })
  @Min(1, { message: 'au moins 1 place' })
  @IsInt({ message: 'doit être un nombre entier de places' })
  capacity!: number;
}

export class SessionsQueryDto {
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @IsOptional()
  @IsCivilDate()
  to?: string;
}

export class EnrolDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;
}

export class AttendanceDto {
  @ApiProperty({ description: 'true: present, false: absent' })
  @IsBoolean({ message: 'doit valoir true (présent) ou false (absent)' })
  present!: boolean;
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsCivilDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null: not done' })
  @IsOptional()
  @IsCivilDate()
  doneOn?: string | null;
}

export class UpdatePlanDto {
  @ApiProperty({ example: ['T01', 'T11', 'T02', 'T03'] })
  @ArrayMaxSize(40)
  @Matches(/^[A-Z0-9-]{1,12}$/, { each: true, message: 'codes de module attendus (ex. T01)' })
  @IsString({ each: true })
  @IsArray()
  requiredModuleCodes!: string[];
}

export class EvidenceDto {
  @ApiProperty({ example: 'diagnostic.pdf' })
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  fileName!: string;

  @ApiProperty({ description: 'the file, base64 encoded (5 MB at most once decoded)' })
  @MaxLength(7_000_000, { message: 'fichier trop volumineux : 5 Mo au plus' })
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'contenu base64 attendu' })
  @IsString()
  contentBase64!: string;
}

export class NoteDto {
  @ApiProperty()
  @MaxLength(5000)
  @MinLength(1, { message: 'ne doit pas être vide' })
  @IsString()
  body!: string;
}

export class CreateExitDto implements CreateExitRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de contrat invalide' })
  contractId!: string;

  @ApiProperty({ example: '2026-09-30' })
  @IsCivilDate()
  exitDate!: string;

  @ApiProperty({ enum: EXIT_CATEGORIES })
  @IsIn(EXIT_CATEGORIES, {
    message: `catégorie de sortie attendue parmi : ${EXIT_CATEGORIES.join(', ')}`,
  })
  category!: ExitCategory;

  @ApiPropertyOptional({ enum: EXIT_JOB_TYPES })
  @IsOptional()
  @IsIn(EXIT_JOB_TYPES, { message: `type attendu parmi : ${EXIT_JOB_TYPES.join(', ')}` })
  jobContractType?: ExitJobType | null;

  @ApiPropertyOptional({ enum: DURATION_BUCKETS })
  @IsOptional()
  @IsIn(DURATION_BUCKETS, { message: `durée attendue parmi : ${DURATION_BUCKETS.join(', ')}` })
  durationBucket?: DurationBucket | null;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(120)
  @IsString()
  employerSector?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  detail?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  certificationObtained?: boolean;
}

export class ExitFollowUpDto implements ExitFollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_SITUATIONS })
  @IsIn(FOLLOW_UP_SITUATIONS, {
    message: `situation attendue parmi : ${FOLLOW_UP_SITUATIONS.join(', ')}`,
  })
  situation!: FollowUpSituation;

  @ApiProperty({ example: '2027-03-31' })
  @IsCivilDate()
  contactedOn!: string;
}

export class ExitReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;
}
