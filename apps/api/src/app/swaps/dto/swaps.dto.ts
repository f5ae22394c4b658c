import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SWAP_STATUSES,
  type CreateSwapRequest,
  type DecideSwapRequest,
  type SwapStatus,
} from '@relais/api-types';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export class CreateSwapDto implements CreateSwapRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de créneau invalide' })
  shiftId!: string;

  @ApiProperty({ description: 'the published version seen' })
  @Min(1)
  @IsInt({ message: 'version attendue (entier)' })
  version!: number;

  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  toPersonId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  message?: string | null;

  @ApiPropertyOptional({ description: 'two-way swap: the colleague’s shift taken in exchange' })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant du créneau demandé en échange invalide' })
  counterShiftId?: string | null;

  @ApiPropertyOptional({ description: 'the published version of that shift' })
  @IsOptional()
  @Min(1)
  @IsInt({ message: 'version attendue (entier)' })
  counterVersion?: number | null;
}

export class ExchangeableQueryDto {
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  toPersonId!: string;
}

export class DecideSwapDto implements DecideSwapRequest {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'], { message: 'décision attendue : approved ou refused' })
  status!: 'approved' | 'refused';

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500)
  @IsString()
  reply?: string | null;
}

export class SwapsQueryDto {
  @IsOptional()
  @IsIn(SWAP_STATUSES, { message: `statut attendu parmi : ${SWAP_STATUSES.join(', ')}` })
  status?: SwapStatus;
}
