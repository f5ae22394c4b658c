import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsYearMonth } from '../../../common/is-year-month';

/** `GET /api/reports/subsidised` and `GET /api/reports/contrat-pro`: the month reported. */
export class ReportMonthQueryDto {
  @ApiProperty({ example: '2026-11' })
  @IsYearMonth()
  month!: string;
}

/** `GET /api/reports/france-services`: one site, one month. */
export class FranceServicesQueryDto extends ReportMonthQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'identifiant de site invalide' })
  siteId!: string;
}
