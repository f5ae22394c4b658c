import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requestIp } from '../../common/request-context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes audit events inside the caller's transaction: the change and its trace commit together.
 * The caller's address comes from the request being served (see request-context.ts), unless
 * given (login, where the address is the subject).
 */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    actor: { accountId: string | null; organisationId: string | null } | null,
    entry: AuditEntry,
    ip: string | null = requestIp(),
  ): Promise<void> {
    await manager.insert(AuditEventEntity, {
      organisationId: actor?.organisationId ?? null,
      accountId: actor?.accountId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
      ip,
    });
  }
}
