import { ApiProperty } from '@nestjs/swagger';
import type { RecordObligationRequest } from '@relais/api-types';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

const BLANK = 'vide : à remplir, ou null';

/** Body of `PUT /api/contracts/{id}/obligations/{code}`: which fields it needs depends on the code. */
export class RecordObligationDto implements RecordObligationRequest {
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
