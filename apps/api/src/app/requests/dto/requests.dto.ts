import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_KINDS, type RequestKind } from '@relais/api-types';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS, { message: `type attendu parmi : ${REQUEST_KINDS.join(', ')}` })
  kind!: RequestKind;

  @ApiProperty({ example: '2026-12-21' })
  @IsCivilDate()
  start!: string;

  @ApiProperty({ example: '2026-12-24' })
  @IsCivilDate()
  end!: string;

  @ApiPropertyOptional({ description: 'recurring unavailability: ISO weekday (1 = Monday)' })
  @IsOptional()
  @Max(7)
  @Min(1)
  @IsInt()
  weekday?: number | null;

  @ApiPropertyOptional({ example: '14:00' })
  @IsOptional()
  @Matches(TIME, { message: 'heure invalide (HH:MM)' })
  startTime?: string | null;

  @ApiPropertyOptional({ example: '18:00' })
  @IsOptional()
  @Matches(TIME, { message: 'heure invalide (HH:MM)' })
  endTime?: string | null;

  @ApiPropertyOptional({ description: 'never a medical detail' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  comment?: string | null;
}

export class DecideRequestDto {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'], { message: 'décision attendue : approved ou refused' })
  status!: 'approved' | 'refused';

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  reply?: string | null;
}

export class RequestsQueryDto {
  @IsOptional()
  @IsIn(['pending', 'approved', 'refused'], {
    message: 'statut attendu : pending, approved ou refused',
  })
  status?: 'pending' | 'approved' | 'refused';
}
