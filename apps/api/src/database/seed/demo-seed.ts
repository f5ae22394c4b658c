import { addDays, addMonths } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../../app/audit/audit-event.entity';
import { AccountEntity } from '../../app/auth/account.entity';
import { hashPassword } from '../../app/auth/password';
import { ContractEntity } from '../../app/contracts/contract.entity';
import { LocationEntity } from '../../app/organisation/location.entity';
import { OrganisationEntity } from '../../app/organisation/organisation.entity';
import { SiteEntity } from '../../app/organisation/site.entity';
import { PayrollMonthEntity } from '../../app/payroll/payroll.entities';
import { payrollPeople } from '../../app/payroll/payroll.service';
import { ManagerSiteEntity } from '../../app/people/manager-site.entity';
import { PersonSkillEntity } from '../../app/people/person-skill.entity';
import { PersonEntity } from '../../app/people/person.entity';
import { PostEntity } from '../../app/posts/post.entity';
import { todayIn } from '../../common/today';
import { seedDemoCertifications } from './demo-certifications';
import {
  DEMO_ACCOUNTS,
  DEMO_ADULTE_RELAIS_ELIGIBILITY,
  DEMO_BIRTH_DATES,
  DEMO_CONTRACTS,
  DEMO_HOURLY_COST_CENTS,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_PEC_EXTENDED_CAP,
  DEMO_PEOPLE,
  DEMO_POSTS,
  DEMO_SATELLITES,
  DEMO_SITES,
  DEMO_SKILLS,
  SEED_REFERENCE_DATE,
} from './demo-data';
import { seedDemoJobSearch } from './demo-job-search';
import { seedDemoObligations } from './demo-obligations';
import { seedDemoRota } from './demo-rota';
import { seedDemoTraining } from './demo-training';

/**
 * Whole months between the data set's reference date and today: contract terms are counted in
 * months (3 years from 8 January ends on 7 January), so moving by months keeps them exact.
 */
export function seedShiftMonths(today: string): number {
  const [year, month] = today.split('-').map(Number);
  const [refYear, refMonth] = SEED_REFERENCE_DATE.split('-').map(Number);
  return (year - refYear) * 12 + (month - refMonth);
}

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
    manager.create(OrganisationEntity, { name: DEMO_ORGANISATION_NAME }),
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
    DEMO_PEOPLE.map(({ ref, siteCode, ...person }, index) =>
      manager.create(PersonEntity, {
        ...person,
        organisationId,
        // The number the payroll software knows each person by (matricule).
        payrollId: `M${String(index + 1).padStart(4, '0')}`,
        email: emailByRef.get(ref) ?? null,
        homeSiteId: siteCode === null ? null : siteId(siteCode),
      }),
    ),
  );
  const personIdByRef = new Map(DEMO_PEOPLE.map((person, index) => [person.ref, people[index].id]));
  const personId = (ref: string): string => {
    const id = personIdByRef.get(ref);
    if (!id) throw new Error(`Personne de démo inconnue : ${ref}`);
    return id;
  };
  const shift = seedShiftMonths(todayIn());
  const move = (date: string): string => addMonths(date, shift);
  const posts = await manager.save(
    DEMO_POSTS.map((post) =>
      manager.create(PostEntity, {
        organisationId,
        siteId: siteId(post.siteCode),
        title: post.title,
        createdBy: null,
      }),
    ),
  );
  const postId = (key: string): string => {
    const index = DEMO_POSTS.findIndex((post) => post.key === key);
    if (index < 0) throw new Error(`Poste de démo inconnu : ${key}`);
    return posts[index].id;
  };
  await seedContracts(manager, organisationId, personId, postId, move);
  await seedDemoRota(manager, organisationId, personId, move, todayIn());
  await seedDemoTraining(manager, organisationId, personId, move, todayIn());
  await seedDemoCertifications(manager, organisationId, personId, move);
  await seedDemoObligations(manager, organisationId, personId, todayIn());

  for (const account of DEMO_ACCOUNTS) {
    await manager.save(
      manager.create(AccountEntity, {
        organisationId,
        personId: personId(account.personRef),
        email: account.email,
        passwordHash,
        role: account.role,
        isActive: true,
      }),
    );
    await manager.save(
      account.managedSiteCodes.map((code) =>
        manager.create(ManagerSiteEntity, {
          organisationId,
          personId: personId(account.personRef),
          siteId: siteId(code),
        }),
      ),
    );
  }

  const hr = await manager.findOneByOrFail(AccountEntity, { email: 'rh@relais.demo' });
  await seedDemoJobSearch(manager, organisationId, personId('S24'), hr.id, move, todayIn());
  // A closed month (the one before last) and an open one (last month) for the month close.
  const closedMonth = addMonths(todayIn(), -2).slice(0, 7);
  await manager.save(
    manager.create(PayrollMonthEntity, {
      organisationId,
      siteId: null,
      month: closedMonth,
      closedBy: hr.id,
      snapshot: (await payrollPeople(manager, { organisationId, siteId: null }, closedMonth))
        .people,
    }),
  );

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

async function seedContracts(
  manager: EntityManager,
  organisationId: string,
  personId: (ref: string) => string,
  postId: (key: string) => string,
  move: (date: string) => string,
): Promise<void> {
  for (const [ref, birthDate] of Object.entries(DEMO_BIRTH_DATES)) {
    await manager.update(
      PersonEntity,
      { id: personId(ref) },
      {
        birthDate,
        isPecExtendedCapEligible: DEMO_PEC_EXTENDED_CAP.includes(ref),
      },
    );
  }
  for (const [ref, facts] of Object.entries(DEMO_ADULTE_RELAIS_ELIGIBILITY)) {
    const first = DEMO_CONTRACTS.find((contract) => contract.personRef === ref);
    if (!first) throw new Error(`demo: ${ref} has no contract`);
    await manager.update(
      PersonEntity,
      { id: personId(ref) },
      {
        isOutOfWorkAtHiring: true,
        ...('qpvName' in facts
          ? { qpvName: facts.qpvName, qpvCheckedOn: move(first.start) }
          : { prefectException: facts.prefectException }),
      },
    );
  }
  const contractIdByKey = new Map<string, string>();
  const firstStart = new Map<string, string>();
  for (const contract of DEMO_CONTRACTS) {
    const renewalOf = contract.renewalOfKey
      ? contractIdByKey.get(contract.renewalOfKey)
      : undefined;
    const saved = await manager.save(
      manager.create(ContractEntity, {
        organisationId,
        personId: personId(contract.personRef),
        type: contract.type,
        startDate: move(contract.start),
        endDate: contract.end === null ? null : move(contract.end),
        weeklyHours: contract.weeklyHours,
        reason: contract.reason ?? null,
        renewalOf: renewalOf ?? null,
        tutorId: contract.tutorRef ? personId(contract.tutorRef) : null,
        partTimeDerogation: contract.partTimeDerogation ?? null,
        derogationRequestedOn: contract.derogationRequestedOn
          ? move(contract.derogationRequestedOn)
          : null,
        trainingHours: contract.trainingHours ?? null,
        conventionNumber: contract.conventionNumber ?? null,
        conventionStart: contract.conventionNumber ? move(contract.start) : null,
        conventionEnd: contract.conventionEnd ? move(contract.conventionEnd) : null,
        hourlyCostCents: DEMO_HOURLY_COST_CENTS[contract.type],
        postId: contract.postKey ? postId(contract.postKey) : null,
        replacedPersonId: contract.replacedRef ? personId(contract.replacedRef) : null,
        warnings: [],
        justification: null,
      }),
    );
    contractIdByKey.set(contract.key, saved.id);
    if (!firstStart.has(contract.personRef))
      firstStart.set(contract.personRef, move(contract.start));
  }

  const today = todayIn();
  let sstIndex = 0;
  for (const [ref, skills] of Object.entries(DEMO_SKILLS)) {
    const hired = firstStart.get(ref) ?? today;
    for (const skill of skills) {
      let acquiredOn: string;
      let expiresOn: string | null = null;
      if (skill === 'SST') {
        // Spread over two years so that the demo shows valid, expiring and just-expired SST.
        acquiredOn = addDays(today, -(100 + sstIndex * 35));
        expiresOn = addDays(addMonths(acquiredOn, 24), -1);
        sstIndex++;
      } else {
        acquiredOn = addDays(hired, skill === 'FS' ? 60 : 120);
        if (acquiredOn > today) acquiredOn = today;
      }
      await manager.save(
        manager.create(PersonSkillEntity, {
          organisationId,
          personId: personId(ref),
          skill:
            skill === 'FS'
              ? 'france_services_initial'
              : skill === 'SST'
                ? 'sst'
                : 'aidants_connect',
          detail: null,
          acquiredOn,
          expiresOn,
        }),
      );
    }
  }
}
