import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AttendanceRequest, type CreateTrainingSessionRequest } from '@relais/api-types';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';
import { IsInstant } from '../../../common/is-instant';

// class-validator checks the decorator nearest the property first: the type check goes last.

export class CreateSessionDto implements CreateTrainingSessionRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de module invalide' })
  moduleId!: string;

  @ApiProperty({ description: 'where the session takes place (its site receives the rota item)' })
  @IsUUID('all', { message: 'identifiant de lieu invalide' })
  locationId!: string;

  @ApiProperty({ example: '2026-12-08T09:00:00+01:00' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-12-08T17:00:00+01:00' })
  @IsInstant()
  end!: string;

  @ApiProperty({ example: 60 })
  @Max(720)
  @Min(0)
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  breakMinutes!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(200)
  @IsString()
  place?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(120)
  @IsString()
  trainer?: string | null;

  @ApiProperty({ example: 12 })
  @Max(200, { message: '200 places au plus' })
  @Min(1, { message: 'au moins 1 place' })
  @IsInt({ message: 'doit être un nombre entier de places' })
  capacity!: number;
}

export class SessionsQueryDto {
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @IsOptional()
  @IsCivilDate()
  to?: string;
}

export class EnrolDto {
  @ApiProperty()
  @IsUUID('all', { message: 'identifiant de personne invalide' })
  personId!: string;
}

export class AttendanceDto implements AttendanceRequest {
  @ApiProperty({ description: 'true: present, false: absent' })
  @IsBoolean({ message: 'doit valoir true (présent) ou false (absent)' })
  present!: boolean;

  @ApiPropertyOptional({
    example: 420,
    description: 'minutes attended when present (default: the session less its break)',
  })
  @IsOptional()
  @Max(1440, { message: 'une session dure 24 h au plus' })
  @Min(1, { message: 'au moins 1 minute' })
  @IsInt({ message: 'doit être un nombre entier de minutes' })
  attendedMinutes?: number | null;
}
