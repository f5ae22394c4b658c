import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_TYPES, type ContractType, type CreateContractRequest } from '@relais/api-types';
import { PART_TIME_DEROGATIONS } from '@relais/rules';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreateContractDto implements CreateContractRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES, { message: `type attendu parmi : ${CONTRACT_TYPES.join(', ')}` })
  type!: ContractType;

  @ApiProperty({ example: '2026-12-01' })
  @IsCivilDate()
  start!: string;

  @ApiPropertyOptional({ example: '2027-11-30', nullable: true })
  @IsOptional()
  @IsCivilDate()
  end?: string | null;

  @ApiProperty({ example: 26 })
  @Max(48, { message: '48 h par semaine au plus' })
  @Min(1, { message: '1 h par semaine au moins' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'doit être un nombre d’heures' })
  weeklyHours!: number;

  @ApiPropertyOptional({ description: 'CDD reason: replacement, temporary_increase…' })
  @IsOptional()
  @MaxLength(80)
  @IsString()
  reason?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de tuteur invalide' })
  tutorId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de contrat invalide' })
  renewalOf?: string | null;

  @ApiPropertyOptional({ enum: PART_TIME_DEROGATIONS })
  @IsOptional()
  @IsIn(PART_TIME_DEROGATIONS, {
    message: `dérogation attendue parmi : ${PART_TIME_DEROGATIONS.join(', ')}`,
  })
  partTimeDerogation?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCivilDate()
  derogationRequestedOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Max(5000)
  @Min(0)
  @IsInt({ message: 'doit être un nombre entier d’heures' })
  trainingHours?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(60)
  @IsString()
  conventionNumber?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCivilDate()
  conventionStart?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCivilDate()
  conventionEnd?: string | null;

  @ApiPropertyOptional({ description: 'required when the contract raises warnings' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  justification?: string | null;
}

export class EndingQueryDto {
  @IsOptional()
  @Type(() => Number)
  @Max(24)
  @Min(1)
  @IsInt()
  months?: number;
}
