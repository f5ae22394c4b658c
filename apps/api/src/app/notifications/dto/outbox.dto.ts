import { ApiProperty } from '@nestjs/swagger';
import { OUTBOX_STATUSES, type OutboxStatus } from '@relais/api-types';
import { IsIn } from 'class-validator';

export class OutboxQueryDto {
  @ApiProperty({ enum: OUTBOX_STATUSES })
  @IsIn(OUTBOX_STATUSES, { message: `statut attendu parmi : ${OUTBOX_STATUSES.join(', ')}` })
  status!: OutboxStatus;
}
