import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Me } from '@relais/api-types';
import { DEFAULT_ORGANISATION_SETTINGS } from '@relais/rules';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AccountEntity } from './account.entity';
import { ACCOUNT_CEILING, LoginRateLimiter } from './login-rate-limiter';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from './session-token';
import { SessionEntity } from './session.entity';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

const BAD_CREDENTIALS = 'Identifiants incorrects.';

@Injectable()
export class AuthService {
  // Verified when the email is unknown, so both failures take the same time.
  private readonly decoyHash = hashPassword('relais-decoy-password');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly limiter: LoginRateLimiter,
    private readonly notifications: NotificationsService,
  ) {}

  async login(
    rawEmail: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ token: string; me: Me }> {
    const email = rawEmail.trim().toLowerCase();
    await this.limiter.beforeAttempt(client.ip, email, () => this.isKnownAddress(email, client.ip));
    const account = await this.dataSource.getRepository(AccountEntity).findOne({
      where: { email },
    });
    const isValid = account?.passwordHash
      ? await verifyPassword(account.passwordHash, password)
      : await verifyPassword(await this.decoyHash, password).then(() => false);
    if (!account || !isValid || !account.isActive) {
      const { hasReachedCeiling } = await this.limiter.onFailure(client.ip, email);
      await this.dataSource.transaction(async (manager) => {
        await this.audit.record(
          manager,
          account ? { accountId: account.id, organisationId: account.organisationId } : null,
          { action: 'auth.login_failed', entity: 'account', entityId: account?.id ?? null },
          client.ip,
        );
        if (hasReachedCeiling && account?.isActive)
          await this.notifications.notify(
            manager,
            [account.personId],
            'security',
            'Tentatives de connexion sur votre compte',
            `${ACCOUNT_CEILING} tentatives de connexion ont échoué sur votre compte en moins d’une heure. Pendant l’heure qui vient, seules les adresses depuis lesquelles votre compte s’est déjà connecté peuvent encore essayer. Si ce n’était pas vous, changez votre mot de passe et prévenez la direction.`,
            null,
          );
      });
      // Never say which of the email or the password was wrong, nor that the account is disabled.
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.limiter.onSuccess(client.ip, email);

    const token = newSessionToken();
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.save(
        manager.create(SessionEntity, {
          accountId: account.id,
          tokenHash: hashSessionToken(token, this.config.sessionSecret),
          expiresAt: new Date(Date.now() + this.config.sessionTtlHours * 3_600_000),
          revokedAt: null,
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 400) ?? null,
        }),
      );
      // Hashes made with weaker parameters are upgraded while the password is at hand.
      const passwordHash =
        account.passwordHash && needsRehash(account.passwordHash)
          ? await hashPassword(password)
          : undefined;
      await manager.update(
        AccountEntity,
        { id: account.id },
        { lastLoginAt: new Date(), ...(passwordHash ? { passwordHash } : {}) },
      );
      await this.audit.record(
        manager,
        { accountId: account.id, organisationId: account.organisationId },
        { action: 'auth.login', entity: 'session', entityId: session.id },
        client.ip,
      );
    });
    const user = await this.userFromToken(token);
    if (!user) throw new UnauthorizedException(BAD_CREDENTIALS);
    return { token, me: toMe(user) };
  }

  /** Whether the account logged in from this address in the last 30 days (its owner's, likely). */
  private async isKnownAddress(email: string, ip: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM session s JOIN account a ON a.id = s.account_id
        WHERE a.email = $1 AND s.ip = $2 AND s.created_at > now() - interval '30 days' LIMIT 1`,
      [email, ip],
    );
    return rows.length > 0;
  }

  /**
   * Resolves a cookie token to the caller, or null when unknown, expired, revoked or disabled.
   * One round trip on every request: the session, its account and person, the organisation's time
   * zone, the sites in scope (as AccessService.siteIdsFor) and the organisation's sites.
   */
  async userFromToken(token: string): Promise<AuthUser | null> {
    const [row]: {
      session_id: string;
      expires_at: Date;
      account_id: string;
      organisation_id: string;
      person_id: string;
      email: string;
      role: AuthUser['role'];
      is_active: boolean;
      first_name: string;
      last_name: string;
      time_zone: string | null;
      site_ids: string[];
      organisation_site_ids: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT se.id AS session_id, se.expires_at, a.id AS account_id, a.organisation_id,
              a.person_id, a.email, a.role, a.is_active, p.first_name, p.last_name, os.time_zone,
              CASE WHEN a.role IN ('admin', 'hr') THEN
                     ARRAY(SELECT s.id::text FROM site s
                            WHERE s.organisation_id = a.organisation_id ORDER BY s.code)
                   WHEN a.role = 'manager' THEN
                     ARRAY(SELECT s.id::text FROM manager_site ms JOIN site s ON s.id = ms.site_id
                            WHERE ms.person_id = a.person_id AND ms.organisation_id = a.organisation_id
                            ORDER BY s.code)
                   ELSE
                     ARRAY(SELECT s.id::text FROM site s
                            WHERE s.id = p.home_site_id AND s.organisation_id = a.organisation_id)
              END AS site_ids,
              CASE WHEN a.role IN ('admin', 'hr') THEN NULL
                   ELSE ARRAY(SELECT s.id::text FROM site s WHERE s.organisation_id = a.organisation_id)
              END AS organisation_site_ids
         FROM session se
         JOIN account a ON a.id = se.account_id
         JOIN person p ON p.id = a.person_id
         LEFT JOIN organisation_settings os ON os.organisation_id = p.organisation_id
        WHERE se.token_hash = $1 AND se.revoked_at IS NULL`,
      [hashSessionToken(token, this.config.sessionSecret)],
    );
    if (!row || !row.is_active || new Date(row.expires_at).getTime() <= Date.now()) return null;
    return {
      accountId: row.account_id,
      sessionId: row.session_id,
      organisationId: row.organisation_id,
      personId: row.person_id,
      email: row.email,
      role: row.role,
      siteIds: row.site_ids,
      organisationSiteIds: row.organisation_site_ids ?? row.site_ids,
      firstName: row.first_name,
      lastName: row.last_name,
      timeZone: row.time_zone ?? DEFAULT_ORGANISATION_SETTINGS.timeZone,
    };
  }

  async logout(user: AuthUser, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(SessionEntity, { id: user.sessionId }, { revokedAt: new Date() });
      await this.audit.record(
        manager,
        user,
        { action: 'auth.logout', entity: 'session', entityId: user.sessionId },
        ip,
      );
    });
  }

  /** Disables an account and revokes every session it has (ASVS V7.4.2). */
  async disableAccount(
    actor: AuthUser | null,
    accountId: string,
    ip: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
      await manager.update(AccountEntity, { id: accountId }, { isActive: false });
      await manager.update(
        SessionEntity,
        { accountId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.audit.record(
        manager,
        actor ?? { accountId: null, organisationId: account.organisationId },
        { action: 'account.disable', entity: 'account', entityId: accountId },
        ip,
      );
    });
  }
}

export function toMe(user: AuthUser): Me {
  return {
    id: user.accountId,
    email: user.email,
    role: user.role,
    personId: user.personId,
    siteIds: user.siteIds,
    firstName: user.firstName,
    lastName: user.lastName,
  };
}
