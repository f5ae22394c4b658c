import { ApiProperty } from '@nestjs/swagger';
import type {
  OpeningHours,
  SiteOpeningHoursRequest,
  SiteSundayDerogationRequest,
} from '@relais/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'heure invalide (HH:MM, de 00:00 à 23:59)';

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

/** One range of public opening hours. */
export class OpeningHoursDto implements OpeningHours {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: TIME_MESSAGE })
  @IsString()
  start!: string;

  @ApiProperty({ example: '12:30' })
  @Matches(TIME, { message: TIME_MESSAGE })
  @IsString()
  end!: string;
}

/** Body of `PUT /api/sites/{id}/opening-hours`. */
export class SiteOpeningHoursDto implements SiteOpeningHoursRequest {
  @ApiProperty({ type: [OpeningHoursDto], description: 'the whole week; [] : no public hours' })
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  @ArrayMaxSize(28)
  @IsArray()
  openingHours!: OpeningHoursDto[];
}
