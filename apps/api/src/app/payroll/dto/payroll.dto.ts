import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYROLL_CODES, type PayrollCode } from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// class-validator checks the decorator nearest the property first: the type check goes last.

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = 'mois attendu au format AAAA-MM (par exemple 2026-11)';

export class PayrollScopeQueryDto {
  @ApiPropertyOptional({ description: 'one site; the whole organisation if absent' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId?: string;
}

export class SignOffDto {
  @ApiProperty({ example: '2026-11' })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  @IsString({ message: MONTH_MESSAGE })
  month!: string;
}

export class SendStatementDto extends SignOffDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;
}

export class CloseMonthDto extends SignOffDto {
  @ApiPropertyOptional({ description: 'close one site; the whole organisation if absent' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId?: string;
}

export class CreateAdjustmentDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;

  @ApiProperty({ example: '2026-10', description: 'the closed month corrected' })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  @IsString()
  correctsMonth!: string;

  @ApiProperty({ enum: PAYROLL_CODES })
  @IsIn(PAYROLL_CODES, { message: `code de variable attendu parmi : ${PAYROLL_CODES.join(', ')}` })
  code!: PayrollCode;

  @ApiProperty({
    example: 1.5,
    description: 'hours for an hours code, days for a days code; negative to take back',
  })
  @Max(744, { message: '744 au plus (un mois)' })
  @Min(-744, { message: '-744 au moins (un mois)' })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'nombre attendu (deux décimales au plus)' },
  )
  quantity!: number;

  @ApiProperty({ example: 'Heures de la permanence du 12 oubliées' })
  @MaxLength(300, { message: 'motif de 300 caractères au plus' })
  @IsNotEmpty({ message: 'motif obligatoire' })
  @IsString({ message: 'motif attendu' })
  reason!: string;
}

export class PayrollMappingEntryDto {
  @ApiProperty({ example: 'HEURES_COMPL_10' })
  @IsString({ message: 'code attendu' })
  code!: string;

  @ApiPropertyOptional({
    example: '1520',
    description: 'the payroll software’s code; empty removes it',
  })
  @IsOptional()
  @MaxLength(40, { message: 'code du logiciel de paie de 40 caractères au plus' })
  @IsString({ message: 'code du logiciel de paie attendu' })
  externalCode?: string | null;
}

export class PayrollMappingDto {
  @ApiProperty({ type: [PayrollMappingEntryDto] })
  @ValidateNested({ each: true })
  @Type(() => PayrollMappingEntryDto)
  @ArrayMaxSize(PAYROLL_CODES.length * 2, { message: 'trop de lignes' })
  @IsArray({ message: 'liste attendue' })
  entries!: PayrollMappingEntryDto[];
}

export class PayrollIdDto {
  @ApiProperty({ example: 'M0042', nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,20}$/, {
    message: 'matricule de 1 à 20 lettres, chiffres, « . », « _ » ou « - »',
  })
  @IsString({ message: 'matricule attendu' })
  payrollId!: string | null;
}
