import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUTO_FILL_MODES, type AutoFillMode, type AutoFillRequest } from '@relais/api-types';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { IsIsoWeek } from '../../../common/is-iso-week';

export class AutoFillDto implements AutoFillRequest {
  @ApiProperty({ type: [String], description: 'one or more sites solved together' })
  @IsUUID('all', { each: true, message: 'identifiant de site invalide' })
  @ArrayUnique({ message: 'un site apparaît deux fois' })
  @ArrayMaxSize(20, { message: '20 sites au plus' })
  @ArrayMinSize(1, { message: 'au moins un site' })
  @IsArray({ message: 'liste de sites attendue' })
  siteIds!: string[];

  @ApiProperty({ example: '2026-W49' })
  @IsIsoWeek()
  week!: string;

  @ApiProperty({ enum: AUTO_FILL_MODES })
  @IsIn(AUTO_FILL_MODES, { message: `mode attendu parmi : ${AUTO_FILL_MODES.join(', ')}` })
  mode!: AutoFillMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 10 })
  @IsOptional()
  @Max(60, { message: '60 secondes au plus' })
  @Min(1, { message: '1 seconde au moins' })
  @IsInt({ message: 'nombre entier de secondes attendu' })
  timeLimitSeconds?: number;
}
