import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DURATION_BUCKETS,
  EXIT_CATEGORIES,
  EXIT_JOB_TYPES,
  EXIT_OUTCOMES,
  FOLLOW_UP_SITUATIONS,
  NEUTRALISED_REASONS,
  type CreateExitRequest,
  type DurationBucket,
  type ExitCategory,
  type ExitFollowUpRequest,
  type ExitJobType,
  type ExitOutcome,
  type FollowUpSituation,
  type NeutralisedReason,
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

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreateExitDto implements CreateExitRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de contrat invalide' })
  contractId!: string;

  @ApiProperty({ example: '2026-09-30' })
  @IsCivilDate()
  exitDate!: string;

  @ApiPropertyOptional({ enum: EXIT_OUTCOMES, description: 'what followed the contract' })
  @IsOptional()
  @IsIn(EXIT_OUTCOMES, { message: `suite attendue parmi : ${EXIT_OUTCOMES.join(', ')}` })
  outcome?: ExitOutcome | null;

  @ApiPropertyOptional({ example: 4, description: 'length of the job obtained, in months' })
  @IsOptional()
  @Max(600, { message: '600 mois au plus' })
  @Min(1, { message: 'au moins 1 mois' })
  @IsInt({ message: 'doit être un nombre entier de mois' })
  jobMonths?: number | null;

  @ApiPropertyOptional({ enum: NEUTRALISED_REASONS })
  @IsOptional()
  @IsIn(NEUTRALISED_REASONS, {
    message: `motif attendu parmi : ${NEUTRALISED_REASONS.join(', ')}`,
  })
  neutralisedReason?: NeutralisedReason | null;

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

  @ApiPropertyOptional({
    deprecated: true,
    description: 'ignored: derived from the title blocks passed by the exit date',
  })
  @IsOptional()
  @IsBoolean()
  certificationObtained?: boolean;

  @ApiPropertyOptional({ enum: EXIT_JOB_TYPES, deprecated: true })
  @IsOptional()
  @IsIn(EXIT_JOB_TYPES, { message: `type attendu parmi : ${EXIT_JOB_TYPES.join(', ')}` })
  jobContractType?: ExitJobType | null;

  @ApiPropertyOptional({ enum: DURATION_BUCKETS, deprecated: true })
  @IsOptional()
  @IsIn(DURATION_BUCKETS, { message: `durée attendue parmi : ${DURATION_BUCKETS.join(', ')}` })
  durationBucket?: DurationBucket | null;

  @ApiPropertyOptional({
    enum: EXIT_CATEGORIES,
    deprecated: true,
    description: 'ignored: the category is derived from what followed',
  })
  @IsOptional()
  @IsIn(EXIT_CATEGORIES, {
    message: `catégorie de sortie attendue parmi : ${EXIT_CATEGORIES.join(', ')}`,
  })
  category?: ExitCategory | null;
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
