import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MarkSeenRequest } from '@relais/api-types';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';
import { IsInstant } from '../../../common/is-instant';
import { IsIsoWeek } from '../../../common/is-iso-week';

export class MarkSeenDto implements MarkSeenRequest {
  @ApiProperty({
    example: '2026-11-27T08:12:00.000Z',
    description: '`generatedAt` of the week seen',
  })
  @IsInstant()
  seenAt!: string;
}

export class MyShiftsQueryDto {
  @ApiProperty({ example: '2026-11-30' })
  @IsCivilDate()
  from!: string;

  @ApiProperty({ example: '2026-12-13' })
  @IsCivilDate()
  to!: string;
}

export class MyColleaguesQueryDto {
  @ApiPropertyOptional({
    description: 'The shift to offer: only colleagues under contract that day',
  })
  @IsOptional()
  @IsUUID('all', { message: 'identifiant de créneau invalide' })
  shiftId?: string;
}

export class MyWeekQueryDto {
  @ApiPropertyOptional({ example: '2026-W50', description: 'That week, Monday to Sunday' })
  @IsOptional()
  @IsIsoWeek()
  week?: string;
}
