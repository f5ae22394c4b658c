import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OBLIGATION_CODES,
  type ObligationCode,
  type RecordObligationRequest,
} from '@relais/api-types';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

const BLANK = 'vide : à remplir, ou null';

/** Body of `POST /api/contracts/{id}/obligations`: which fields it needs depends on the code. */
export class RecordObligationDto implements RecordObligationRequest {
  @ApiProperty({ enum: OBLIGATION_CODES, example: 'PEC_TRIPARTITE' })
  @IsIn(OBLIGATION_CODES)
  code!: ObligationCode;

  @ApiProperty({ example: '2026-11-20' })
  @IsCivilDate()
  doneOn!: string;

  @ApiProperty({ required: false, nullable: true, type: String, example: 'france_travail' })
  @IsOptional()
  @MaxLength(60)
  @IsString()
  outcome?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    example: 'Mme Leroy, agence Paris 14',
  })
  @ValidateIf(
    (body: RecordObligationDto) => body.reference !== undefined && body.reference !== null,
  )
  @MaxLength(500)
  @Matches(/\S/, { message: BLANK })
  @IsString()
  reference?: string | null;

  @ApiProperty({ required: false, type: [String], example: ['T01', 'T09'] })
  @IsOptional()
  @ArrayMaxSize(30)
  @MaxLength(20, { each: true })
  @IsString({ each: true })
  @IsArray()
  moduleCodes?: string[];

  @ApiProperty({ required: false, nullable: true, type: String, example: 'Compte rendu signé' })
  @ValidateIf((body: RecordObligationDto) => body.evidence !== undefined && body.evidence !== null)
  @MaxLength(500)
  @Matches(/\S/, { message: BLANK })
  @IsString()
  evidence?: string | null;
}

/** Query of `GET /api/obligations/due`: the month whose end bounds the list (this month by default). */
export class DueObligationsQueryDto {
  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'mois invalide (format AAAA-MM attendu)' })
  @IsString()
  month?: string;
}
