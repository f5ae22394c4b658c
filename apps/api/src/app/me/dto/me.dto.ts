import { ApiProperty } from '@nestjs/swagger';
import type { MarkSeenRequest } from '@relais/contracts';
import { IsISO8601 } from 'class-validator';
import { IsCivilDate } from '../../../common/is-civil-date';

export class MarkSeenDto implements MarkSeenRequest {
  @ApiProperty({
    example: '2026-11-27T08:12:00.000Z',
    description: '`generatedAt` of the week seen',
  })
  @IsISO8601({ strict: true }, { message: 'instant invalide (ISO 8601 attendu)' })
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
