import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ABSENCE_KINDS,
  CONTRACT_TYPES,
  ROLES,
  SKILL_CODES,
  type AbsenceKind,
  type ContractType,
  type CreateHrNoteRequest,
  type CreatePersonRequest,
  type PeopleQuery,
  type Role,
  type SkillCode,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  IsEmail,
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
  ValidateIf,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreatePersonDto implements CreatePersonRequest {
  @ApiProperty()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  firstName!: string;

  @ApiProperty()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  lastName!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'adresse e-mail invalide' })
  email?: string | null;

  @ApiProperty({ nullable: true, description: 'null for head-office staff' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'identifiant de site invalide' })
  homeSiteId!: string | null;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `rôle attendu parmi : ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(120)
  @IsString()
  jobTitle?: string | null;
}

export class PeopleQueryDto implements PeopleQuery {
  @IsOptional()
  @MaxLength(100, { message: 'recherche de 100 caractères au plus' })
  @IsString()
  q?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `rôle attendu parmi : ${ROLES.join(', ')}` })
  role?: Role;

  @IsOptional()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId?: string;

  @IsOptional()
  @IsIn(CONTRACT_TYPES, { message: `type attendu parmi : ${CONTRACT_TYPES.join(', ')}` })
  contractType?: ContractType;

  @IsOptional()
  @Type(() => Number)
  @Max(366)
  @Min(1)
  @IsInt()
  endingWithinDays?: number;

  @IsOptional()
  @IsIn(SKILL_CODES, { message: `qualification attendue parmi : ${SKILL_CODES.join(', ')}` })
  missingSkill?: SkillCode;

  @IsOptional()
  @IsIn(['active', 'ended', 'all'], { message: 'valeur attendue : active, ended ou all' })
  status?: 'active' | 'ended' | 'all';
}

export class CreateSkillDto {
  @ApiProperty({ enum: SKILL_CODES })
  @IsIn(SKILL_CODES, { message: `qualification attendue parmi : ${SKILL_CODES.join(', ')}` })
  skill!: SkillCode;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(80)
  @IsString()
  detail?: string | null;

  @ApiProperty({ example: '2026-01-15' })
  @IsCivilDate()
  acquiredOn!: string;

  @ApiPropertyOptional({ example: '2028-01-14' })
  @IsOptional()
  @IsCivilDate()
  expiresOn?: string | null;
}

export class CreateAbsenceDto {
  @ApiProperty({ enum: ABSENCE_KINDS })
  @IsIn(ABSENCE_KINDS, { message: `type d’absence attendu parmi : ${ABSENCE_KINDS.join(', ')}` })
  kind!: AbsenceKind;

  @ApiProperty({ example: '2026-12-21' })
  @IsCivilDate()
  start!: string;

  @ApiProperty({ example: '2026-12-24' })
  @IsCivilDate()
  end!: string;

  @ApiPropertyOptional({ description: 'never a medical detail' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  reason?: string | null;
}

export class CreateSiteLoanDto {
  @ApiProperty({ description: 'the borrowing site' })
  @IsUUID('all', { message: 'identifiant de site attendu' })
  siteId!: string;

  @ApiProperty({ example: '2026-12-14' })
  @IsCivilDate()
  from!: string;

  @ApiProperty({ example: '2026-12-20' })
  @IsCivilDate()
  until!: string;
}

export class CreateHrNoteDto implements CreateHrNoteRequest {
  @ApiProperty({ maxLength: 4000 })
  @Matches(/\S/, { message: 'la note est vide' })
  @MaxLength(4000, { message: '4 000 caractères au plus' })
  @IsString({ message: 'doit être un texte' })
  text!: string;
}
