import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../../app/audit/audit-event.entity';
import { AccountEntity } from '../../app/auth/account.entity';
import { hashPassword } from '../../app/auth/password';
import { LocationEntity } from '../../app/organisation/location.entity';
import { OrganisationEntity } from '../../app/organisation/organisation.entity';
import { SiteEntity } from '../../app/organisation/site.entity';
import { ManagerSiteEntity } from '../../app/people/manager-site.entity';
import { PersonEntity } from '../../app/people/person.entity';
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SATELLITES,
  DEMO_SITES,
} from './demo-data';

/** Seeds the demo organisation into an empty database; does nothing when any organisation exists. */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Two instances starting together on one database must not both seed it.
    await manager.query('SELECT pg_advisory_xact_lock(727001)');
    if ((await manager.count(OrganisationEntity)) > 0) return false;
    await seedDemo(manager, passwordHash);
    return true;
  });
}

async function seedDemo(manager: EntityManager, passwordHash: string): Promise<void> {
  const organisation = await manager.save(
    manager.create(OrganisationEntity, { name: DEMO_ORGANISATION_NAME, timezone: 'Europe/Paris' }),
  );
  const organisationId = organisation.id;

  const sites = await manager.save(
    DEMO_SITES.map((site) =>
      manager.create(SiteEntity, { ...site, organisationId, isFranceServices: true }),
    ),
  );
  const siteIdByCode = new Map(sites.map((site) => [site.code, site.id]));
  const siteId = (code: string): string => {
    const id = siteIdByCode.get(code);
    if (!id) throw new Error(`Site de démo inconnu : ${code}`);
    return id;
  };

  await manager.save([
    ...sites.map((site) =>
      manager.create(LocationEntity, {
        organisationId,
        siteId: site.id,
        code: site.code,
        name: site.name,
        kind: 'site' as const,
        address: site.address,
      }),
    ),
    ...DEMO_SATELLITES.map(({ siteCode, ...location }) =>
      manager.create(LocationEntity, { ...location, organisationId, siteId: siteId(siteCode) }),
    ),
  ]);

  const emailByRef = new Map(DEMO_ACCOUNTS.map((account) => [account.personRef, account.email]));
  const people = await manager.save(
    DEMO_PEOPLE.map(({ ref, siteCode, ...person }) =>
      manager.create(PersonEntity, {
        ...person,
        organisationId,
        email: emailByRef.get(ref) ?? null,
        homeSiteId: siteCode === null ? null : siteId(siteCode),
      }),
    ),
  );
  const personIdByRef = new Map(DEMO_PEOPLE.map((person, index) => [person.ref, people[index].id]));

  for (const account of DEMO_ACCOUNTS) {
    const personId = personIdByRef.get(account.personRef);
    if (!personId) throw new Error(`Personne de démo inconnue : ${account.personRef}`);
    await manager.save(
      manager.create(AccountEntity, {
        organisationId,
        personId,
        email: account.email,
        passwordHash,
        role: account.role,
        isActive: true,
      }),
    );
    await manager.save(
      account.managedSiteCodes.map((code) =>
        manager.create(ManagerSiteEntity, { personId, siteId: siteId(code) }),
      ),
    );
  }

  await manager.save(
    manager.create(AuditEventEntity, {
      organisationId,
      accountId: null,
      action: 'seed.demo',
      entity: 'organisation',
      entityId: organisationId,
      details: { sites: sites.length, people: people.length, accounts: DEMO_ACCOUNTS.length },
      ip: null,
    }),
  );
}
