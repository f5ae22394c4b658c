import { ApiProperty } from '@nestjs/swagger';
import type { MarkSeenRequest } from '@relais/api-types';
import { IsCivilDate } from '../../../common/is-civil-date';
import { IsInstant } from '../../../common/is-instant';

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
