import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonEligibilityRequest } from '@relais/api-types';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsBirthDate, IsCivilDate } from '../../../common/is-civil-date';

const BLANK = 'vide : à remplir, ou null';

/** Body of `PUT /api/people/{id}/eligibility`: every fact, null where not checked. */
export class PersonEligibilityDto implements PersonEligibilityRequest {
  @ApiProperty({ nullable: true, type: String, example: '1990-04-12' })
  @ValidateIf((body: PersonEligibilityDto) => body.birthDate !== null)
  @IsBirthDate()
  birthDate!: string | null;

  @ApiProperty({ description: 'aged 50+ with difficulties, or RQTH: PEC up to 60 months' })
  @IsBoolean()
  isPecExtendedCapEligible!: boolean;

  @ApiProperty({ nullable: true, type: Boolean, example: true })
  @ValidateIf((body: PersonEligibilityDto) => body.isOutOfWorkAtHiring !== null)
  @IsBoolean()
  isOutOfWorkAtHiring!: boolean | null;

  @ApiProperty({ nullable: true, type: String, example: 'Porte de Vanves' })
  @ValidateIf((body: PersonEligibilityDto) => body.qpvName !== null)
  @MaxLength(200)
  @Matches(/\S/, { message: BLANK })
  @IsString()
  qpvName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-20' })
  @ValidateIf((body: PersonEligibilityDto) => body.qpvCheckedOn !== null)
  @IsCivilDate()
  qpvCheckedOn!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  @ValidateIf((body: PersonEligibilityDto) => body.prefectException !== null)
  @MaxLength(500)
  @Matches(/\S/, { message: BLANK })
  @IsString()
  prefectException!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    example: true,
    description: 'pursues studies (student under 26 derogation, L3123-7); absent: kept',
  })
  @IsOptional()
  @IsBoolean()
  isStudent?: boolean | null;
}
