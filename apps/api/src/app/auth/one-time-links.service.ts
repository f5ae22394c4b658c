import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OneTimeLink } from '@relais/api-types';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PeopleService } from '../people/people.service';
import { AccountEntity } from './account.entity';
import { OneTimeTokenEntity } from './one-time-token.entity';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { hashSessionToken, newSessionToken } from './session-token';
import { SessionEntity } from './session.entity';

type Purpose = OneTimeTokenEntity['purpose'];

const LIFETIME_HOURS: Record<Purpose, number> = { invitation: 7 * 24, password_reset: 24 };
const PATH: Record<Purpose, string> = {
  invitation: '/invitation',
  password_reset: '/reinitialisation',
};

/** Invitation and password-reset links, shown to HR (no email server is needed). */
@Injectable()
export class OneTimeLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async issue(
    user: AuthUser,
    personId: string,
    purpose: Purpose,
    origin: string,
    ip: string,
  ): Promise<OneTimeLink> {
    const person = await this.people.findInOrganisation(user, personId);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ personId: person.id });
    this.access.requireMayActOnAccountOf(
      user,
      account?.role,
      'Seule la direction peut émettre un lien pour un compte de la direction.',
    );
    if (!account) {
      throw new UnprocessableEntityException({
        message: 'Cette personne n’a pas de compte : ajoutez-lui une adresse e-mail et un rôle.',
        details: [{ field: 'email', message: 'aucun compte' }],
      });
    }
    if (!account.isActive) {
      throw new UnprocessableEntityException(
        'Ce compte est désactivé (contrat terminé) : aucun lien ne peut être émis.',
      );
    }
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + LIFETIME_HOURS[purpose] * 3_600_000);
    await this.dataSource.transaction(async (manager) => {
      // A new link replaces any unused one of the same kind.
      await manager.update(
        OneTimeTokenEntity,
        { accountId: account.id, purpose, usedAt: IsNull() },
        { usedAt: new Date() },
      );
      const saved = await manager.save(
        manager.create(OneTimeTokenEntity, {
          accountId: account.id,
          purpose,
          tokenHash: hashSessionToken(token, this.config.sessionSecret),
          expiresAt,
          usedAt: null,
        }),
      );
      await this.audit.record(
        manager,
        user,
        {
          action: `account.${purpose}`,
          entity: 'account',
          entityId: account.id,
          details: { tokenId: saved.id },
        },
        ip,
      );
    });
    return { url: `${origin}${PATH[purpose]}/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** Sets the password from a link; a reset also ends every open session of the account. */
  async accept(token: string, password: string, ip: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new UnprocessableEntityException({
        message: `Mot de passe trop court : ${MIN_PASSWORD_LENGTH} caractères au moins.`,
        details: [{ field: 'password', message: `${MIN_PASSWORD_LENGTH} caractères au moins` }],
      });
    }
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const link = await manager
        .getRepository(OneTimeTokenEntity)
        .createQueryBuilder('link')
        .setLock('pessimistic_write')
        .where('link.token_hash = :hash', {
          hash: hashSessionToken(token, this.config.sessionSecret),
        })
        .getOne();
      if (!link || link.usedAt !== null || link.expiresAt.getTime() <= Date.now()) {
        throw new UnprocessableEntityException(
          'Ce lien n’est plus valable. Demandez-en un nouveau aux RH.',
        );
      }
      const account = await manager.findOneByOrFail(AccountEntity, { id: link.accountId });
      if (!account.isActive) throw new UnprocessableEntityException('Ce compte est désactivé.');
      await manager.update(OneTimeTokenEntity, { id: link.id }, { usedAt: new Date() });
      await manager.update(AccountEntity, { id: account.id }, { passwordHash });
      await manager.update(
        SessionEntity,
        { accountId: account.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.audit.record(
        manager,
        { accountId: account.id, organisationId: account.organisationId },
        { action: `account.${link.purpose}_accepted`, entity: 'account', entityId: account.id },
        ip,
      );
    });
  }
}
