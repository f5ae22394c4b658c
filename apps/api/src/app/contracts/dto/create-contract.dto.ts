import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CDD_REASONS,
  CONTRACT_END_REASONS,
  CONTRACT_TYPES,
  type ContractEndReason,
  type ContractType,
  type CreateContractRequest,
  type EndContractRequest,
  type UpdateContractRequest,
} from '@relais/api-types';
import { PART_TIME_DEROGATIONS } from '@relais/rules';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

const MAX_HOURLY_COST = 1000;

/** Euros with 2 decimals at most, 0 to 1 000 €, each refusal said in French (its own constraint). */
function IsHourlyCost(): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return 'doit être un montant en euros, par exemple 18.50';
    if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
      return 'deux décimales au plus (centimes)';
    if (value < 0) return 'coût horaire positif ou nul';
    if (value > MAX_HOURLY_COST) return 'coût horaire de 1 000 € au plus';
    return null;
  };
  return ValidateBy({
    name: 'isHourlyCost',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: (args) => problem(args?.value) ?? '',
    },
  });
}

const REASON_MESSAGE =
  'motif de recours attendu (art. L1242-2) : replacement (remplacement d’un salarié absent) ou temporary_increase (accroissement temporaire d’activité)';

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

  @ApiPropertyOptional({
    example: '2027-03-31',
    nullable: true,
    description:
      'a replacement CDD without a precise term (no end): the last day of its minimum duration (L1242-7)',
  })
  @IsOptional()
  @IsCivilDate()
  minimumEnd?: string | null;

  @ApiProperty({ example: 26 })
  @Max(48, { message: '48 h par semaine au plus' })
  @Min(1, { message: '1 h par semaine au moins' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'doit être un nombre d’heures' })
  weeklyHours!: number;

  @ApiPropertyOptional({
    enum: CDD_REASONS,
    description: 'motif de recours (L1242-2), required for a CDD',
  })
  // Missing for a CDD: the service refuses it (400) with the article, after the other fields.
  @IsOptional()
  @IsIn(CDD_REASONS, { message: REASON_MESSAGE })
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

  @ApiPropertyOptional({
    description: 'night worker by the contract (L3122-5): the night worker limits apply',
  })
  @IsOptional()
  @IsBoolean()
  isNightWorker?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    description: 'the post filled (délai de carence, L1244-3); a renewal keeps the renewed one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de poste invalide' })
  postId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'a replacement CDD: the absent employee replaced (required, L1242-12 1°)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de la personne remplacée invalide' })
  replacedPersonId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 4,
    description: 'hours distributed over a cycle of this many weeks (L3121-44); null: weekly',
  })
  @IsOptional()
  @Max(52)
  @Min(2)
  @IsInt()
  cycleWeeks?: number | null;

  @ApiPropertyOptional({
    description:
      'PEC: initial term of 3 months for a person who benefited from a sentence adjustment (L5134-25-1)',
  })
  @IsOptional()
  @IsBoolean()
  hasReducedInitialTerm?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Titre professionnel MSADS, session du 12 mars 2027',
    description:
      'PEC or CDDI prolonged beyond its cap to finish a training action in progress (L5134-25-1): the action',
  })
  @IsOptional()
  @MaxLength(200)
  @Matches(/\S/, { message: 'vide : l’action de formation à achever, ou null' })
  @IsString()
  trainingExtensionAction?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: '2027-03-12',
    description: 'the end of that training action: the prolonged contract cannot go beyond it',
  })
  @IsOptional()
  @IsCivilDate()
  trainingExtensionEnd?: string | null;

  @ApiPropertyOptional({
    example: 18.5,
    nullable: true,
    description: 'hourly cost to the employer (coût horaire chargé), euros; HR and admin only',
  })
  @IsOptional()
  @IsHourlyCost()
  hourlyCost?: number | null;

  @ApiPropertyOptional({ description: 'required when the contract raises warnings' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  justification?: string | null;
}

export class UpdateContractDto
  extends PartialType(OmitType(CreateContractDto, ['personId', 'renewalOf', 'hourlyCost'] as const))
  implements UpdateContractRequest {}

export class EndContractDto implements EndContractRequest {
  @ApiProperty({ example: '2027-01-15', description: 'the last day of the contract' })
  @IsCivilDate()
  end!: string;

  @ApiProperty({ enum: CONTRACT_END_REASONS })
  @IsIn(CONTRACT_END_REASONS, {
    message: `motif de fin attendu parmi : ${CONTRACT_END_REASONS.join(', ')}`,
  })
  reason!: ContractEndReason;
}

export class EndingQueryDto {
  @IsOptional()
  @Type(() => Number)
  @Max(24)
  @Min(1)
  @IsInt()
  months?: number;
}
