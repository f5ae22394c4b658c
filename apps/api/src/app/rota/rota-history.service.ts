import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RotaChange } from '@relais/api-types';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';

/** A site-week's history, from the audit trail. */
@Injectable()
export class RotaHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async history(user: AuthUser, siteId: string, week: string): Promise<RotaChange[]> {
    this.access.requireSite(user, siteId, 'read');
    const rows: {
      at: Date;
      action: string;
      entity_id: string | null;
      details: Record<string, unknown>;
      entity: string;
      first_name: string | null;
      last_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.at, e.action, e.entity, e.entity_id, e.details, p.first_name, p.last_name
         FROM audit_event e LEFT JOIN account a ON a.id = e.account_id LEFT JOIN person p ON p.id = a.person_id
         WHERE e.organisation_id = $1 AND e.details->>'siteId' = $2 AND e.details->>'week' = $3
         ORDER BY e.at DESC, e.id DESC LIMIT 500`,
      [user.organisationId, siteId, week],
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actorName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
      action: row.action,
      shiftId: row.entity === 'shift' ? row.entity_id : null,
      details: row.details,
    }));
  }
}
