import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../app/audit/audit-event.entity';
import { AccountEntity } from '../app/auth/account.entity';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../app/auth/password';
import { OrganisationEntity } from '../app/organisation/organisation.entity';
import { PersonEntity } from '../app/people/person.entity';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { EmbeddedPostgres } from '../database/embedded-postgres';

// `npm run admin:create`: the first administrator of a production database (which seeds nothing).
// Values come from ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_FIRST_NAME, ADMIN_LAST_NAME and
// ORGANISATION_NAME, or are asked for on the terminal.

async function ask(question: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv.trim();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const organisationName = await ask('Nom de l’association : ', 'ORGANISATION_NAME');
  const firstName = await ask('Prénom : ', 'ADMIN_FIRST_NAME');
  const lastName = await ask('Nom : ', 'ADMIN_LAST_NAME');
  const email = (await ask('E-mail : ', 'ADMIN_EMAIL')).toLowerCase();
  const password = await ask(
    `Mot de passe (${MIN_PASSWORD_LENGTH} caractères au moins) : `,
    'ADMIN_PASSWORD',
  );
  if (!organisationName || !firstName || !lastName)
    throw new Error('Nom, prénom et association sont obligatoires.');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new Error(`Adresse e-mail invalide : ${email}`);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`Mot de passe trop court : ${MIN_PASSWORD_LENGTH} caractères au moins.`);
  }

  const embedded = config.databaseUrl
    ? undefined
    : await EmbeddedPostgres.start(join(config.dataDir, 'pgdata'), 2);
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded?.url ?? ''));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const passwordHash = await hashPassword(password);
    await dataSource.transaction(async (manager) => {
      if (await manager.findOneBy(AccountEntity, { email })) {
        throw new Error(`Un compte existe déjà pour ${email}.`);
      }
      const organisation =
        (await manager.findOneBy(OrganisationEntity, { name: organisationName })) ??
        (await manager.save(manager.create(OrganisationEntity, { name: organisationName })));
      const person = await manager.save(
        manager.create(PersonEntity, {
          organisationId: organisation.id,
          firstName,
          lastName,
          email,
          jobTitle: 'Administration',
          homeSiteId: null,
        }),
      );
      const account = await manager.save(
        manager.create(AccountEntity, {
          organisationId: organisation.id,
          personId: person.id,
          email,
          passwordHash,
          role: 'admin',
          isActive: true,
        }),
      );
      await manager.insert(AuditEventEntity, {
        organisationId: organisation.id,
        accountId: null,
        action: 'account.create_admin',
        entity: 'account',
        entityId: account.id,
        details: { via: 'admin:create' },
        ip: null,
      });
    });
    console.log(`Compte administrateur créé : ${email} (${organisationName}).`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
