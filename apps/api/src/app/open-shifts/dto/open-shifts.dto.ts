import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  type CreateClaimRequest,
  type DecideClaimRequest,
} from '@relais/api-types';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class CreateClaimDto implements CreateClaimRequest {
  @ApiProperty({ description: 'the published version seen' })
  @Min(1, { message: 'version attendue (entier positif)' })
  @IsInt({ message: 'version attendue (entier)' })
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500, { message: 'message de 500 caractères au plus' })
  @IsString()
  message?: string | null;
}

export class DecideClaimDto implements DecideClaimRequest {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'], { message: 'décision attendue : approved ou refused' })
  status!: 'approved' | 'refused';

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(500, { message: 'réponse de 500 caractères au plus' })
  @IsString()
  reply?: string | null;
}

export class ClaimsQueryDto {
  @IsOptional()
  @IsIn(CLAIM_STATUSES, { message: `statut attendu parmi : ${CLAIM_STATUSES.join(', ')}` })
  status?: ClaimStatus;
}
