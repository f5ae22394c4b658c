import { ApiProperty } from '@nestjs/swagger';
import type { SiteSundayDerogationRequest } from '@relais/api-types';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Body of `PUT /api/sites/{id}/sunday-derogation`. */
export class SiteSundayDerogationDto implements SiteSundayDerogationRequest {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Arrêté préfectoral n° 75-2026-03-02-001 (L3132-20)',
    description: 'the legal basis of the derogation; null removes it',
  })
  @ValidateIf((body: SiteSundayDerogationDto) => body.basis !== null)
  // Checked from the bottom up: a text first, then not blank, then not too long.
  @MaxLength(200)
  @Matches(/\S/, { message: 'vide : le fondement de la dérogation, ou null pour la retirer' })
  @IsString()
  basis!: string | null;
}
