import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@relais/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user';

export type Intent = 'read' | 'write';

const ROLE_LABEL: Record<Role, string> = {
  admin: 'direction',
  hr: 'RH',
  manager: 'responsable de site',
  mediator: 'médiateur ou médiatrice',
};

/**
 * The one place that decides who may do what, by role and by site. Every feature calls it
 * instead of re-implementing scope checks.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sites an account may see, computed from its role (admin/HR: every site of the organisation). */
  async siteIdsFor(account: {
    role: Role;
    organisationId: string;
    personId: string;
  }): Promise<string[]> {
    let rows: { id: string }[];
    if (account.role === 'admin' || account.role === 'hr') {
      rows = await this.dataSource.query(
        'SELECT id FROM site WHERE organisation_id = $1 ORDER BY code',
        [account.organisationId],
      );
    } else if (account.role === 'manager') {
      rows = await this.dataSource.query(
        `SELECT s.id FROM manager_site ms JOIN site s ON s.id = ms.site_id
         WHERE ms.person_id = $1 AND s.organisation_id = $2 ORDER BY s.code`,
        [account.personId, account.organisationId],
      );
    } else {
      rows = await this.dataSource.query(
        `SELECT s.id FROM person p JOIN site s ON s.id = p.home_site_id
         WHERE p.id = $1 AND s.organisation_id = $2`,
        [account.personId, account.organisationId],
      );
    }
    return rows.map((row) => row.id);
  }

  /** Every site id of an organisation (scope checks answer 404 for the others). */
  async organisationSiteIds(organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM site WHERE organisation_id = $1',
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  hasRole(user: AuthUser, roles: readonly Role[]): boolean {
    return roles.includes(user.role);
  }

  requireRole(user: AuthUser, roles: readonly Role[]): void {
    if (!this.hasRole(user, roles)) {
      throw new ForbiddenException(
        `Action réservée aux rôles : ${roles.map((role) => ROLE_LABEL[role]).join(', ')}.`,
      );
    }
  }

  /** Whether the user may read or change data of a site. Mediators only ever read. */
  canAccessSite(user: AuthUser, siteId: string, intent: Intent): boolean {
    if (user.role === 'admin' || user.role === 'hr') return user.siteIds.includes(siteId);
    if (user.role === 'manager') return user.siteIds.includes(siteId);
    return intent === 'read' && user.siteIds.includes(siteId);
  }

  requireSite(user: AuthUser, siteId: string, intent: Intent): void {
    if (!this.canAccessSite(user, siteId, intent)) {
      // Another organisation's site, or none: the same answer as an unknown id, no hint.
      if (user.organisationSiteIds && !user.organisationSiteIds.includes(siteId)) {
        throw new NotFoundException('Site introuvable.');
      }
      throw new ForbiddenException(
        intent === 'read'
          ? 'Ce site ne fait pas partie de votre périmètre.'
          : 'Vous ne pouvez modifier que les sites dont vous avez la charge.',
      );
    }
  }
}
