import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SiteLoan } from '@relais/api-types';
import { daysBetween } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { SiteEntity } from '../organisation/site.entity';
import type { CreateSiteLoanDto } from './dto/people.dto';
import { PeopleService } from './people.service';
import { SiteLoanEntity } from './site-loan.entity';

/**
 * Lending a person to another site. HR, admin and the manager of the person's own site lend;
 * the borrowing site's manager may then staff her there for the period, and sees of her only
 * what the rules need (see RotaPerson).
 */
@Injectable()
export class SiteLoansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, personId: string): Promise<SiteLoan[]> {
    const person = await this.people.findInOrganisation(user, personId);
    this.access.requireReadPerson(user, person);
    const rows = await this.dataSource
      .getRepository(SiteLoanEntity)
      .find({ where: { personId }, order: { fromDate: 'DESC' } });
    return rows.map(toSiteLoan);
  }

  async create(user: AuthUser, personId: string, dto: CreateSiteLoanDto): Promise<SiteLoan> {
    const person = await this.people.findInOrganisation(user, personId);
    this.access.requireManagePerson(user, person);
    const site = await this.dataSource
      .getRepository(SiteEntity)
      .findOneBy({ id: dto.siteId, organisationId: user.organisationId });
    if (!site) refuse('Site inconnu.', 'siteId', 'site inconnu');
    if (site.id === person.homeSiteId)
      refuse('Cette personne est déjà rattachée à ce site.', 'siteId', 'son propre site');
    if (dto.until < dto.from)
      refuse('La fin du prêt précède son début.', 'until', 'doit suivre le début');
    if (daysBetween(dto.from, dto.until) > 366)
      refuse('Un prêt dure un an au plus : renouvelez-le ensuite.', 'until', 'un an au plus');
    return this.dataSource.transaction(async (manager) => {
      const loan = await manager.save(
        manager.create(SiteLoanEntity, {
          organisationId: user.organisationId,
          personId,
          siteId: site.id,
          fromDate: dto.from,
          untilDate: dto.until,
          createdBy: user.accountId,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'site_loan.create',
        entity: 'site_loan',
        entityId: loan.id,
        details: { personId, siteId: site.id, from: dto.from, until: dto.until },
      });
      return toSiteLoan(loan);
    });
  }

  async remove(user: AuthUser, loanId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const loan = await manager.findOneBy(SiteLoanEntity, {
        id: loanId,
        organisationId: user.organisationId,
      });
      if (!loan) throw new NotFoundException('Prêt introuvable.');
      const personId = loan.personId;
      this.access.requireManagePerson(
        user,
        await this.people.findInOrganisation(user, personId, manager),
      );
      await manager.delete(SiteLoanEntity, { id: loan.id });
      await this.audit.record(manager, user, {
        action: 'site_loan.delete',
        entity: 'site_loan',
        entityId: loan.id,
        details: { personId, siteId: loan.siteId, from: loan.fromDate, until: loan.untilDate },
      });
    });
  }
}

/** Whether the person is lent to the site on that civil day. */
export async function isLentTo(
  manager: EntityManager,
  personId: string,
  siteId: string,
  day: string,
): Promise<boolean> {
  return manager
    .getRepository(SiteLoanEntity)
    .createQueryBuilder('l')
    .where('l.person_id = :personId AND l.site_id = :siteId', { personId, siteId })
    .andWhere('l.from_date <= :day AND l.until_date >= :day', { day })
    .getExists();
}

function toSiteLoan(entity: SiteLoanEntity): SiteLoan {
  return {
    id: entity.id,
    personId: entity.personId,
    siteId: entity.siteId,
    from: entity.fromDate,
    until: entity.untilDate,
    createdAt: entity.createdAt.toISOString(),
  };
}
