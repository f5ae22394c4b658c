import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Absence,
  PeopleQuery,
  PersonDetail,
  PersonSkill,
  PersonSummary,
} from '@relais/api-types';
import { daysBetween, hasValidSkill, isoWeekOf } from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { todayIn } from '../../common/today';
import { weekBounds } from '../../common/week';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { AccountEntity } from '../auth/account.entity';
import { ContractEntity } from '../contracts/contract.entity';
import { SiteEntity } from '../organisation/site.entity';
import { AbsenceEntity } from './absence.entity';
import { withPostAndReplaced } from './contract-labels';
import { CreateAbsenceDto, CreatePersonDto, CreateSkillDto } from './dto/people.dto';
import { contractStatus, toAbsence, toContract, toSkill, toUnavailability } from './people.mapper';
import { PersonSkillEntity } from './person-skill.entity';
import { PersonEntity } from './person.entity';
import { UnavailabilityEntity } from './unavailability.entity';

const FRENCH = new Intl.Collator('fr', { sensitivity: 'base' });

/** Lower case without accents, for a search where "etienne" finds "Étienne". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** People the caller may see, filtered; HR and admin see everyone of the organisation. */
  async list(user: AuthUser, query: PeopleQuery): Promise<PersonSummary[]> {
    if (query.siteId) this.access.requireSite(user, query.siteId, 'read');
    const people = await this.visiblePeople(user, query.siteId);
    const summaries = await this.summarise(user, people);
    const today = todayIn(user.timeZone);
    const words = query.q ? searchKey(query.q).split(/\s+/).filter(Boolean) : [];
    return summaries.filter((person) => {
      if (words.length > 0) {
        const haystack = searchKey(`${person.firstName} ${person.lastName} ${person.email ?? ''}`);
        if (!words.every((word) => haystack.includes(word))) return false;
      }
      if (query.role && person.role !== query.role) return false;
      const status = query.status ?? 'active';
      const hasCurrent =
        person.currentContract !== null && person.currentContract.status !== 'ended';
      if (status === 'active' && !hasCurrent && person.currentContract !== null) return false;
      if (status === 'ended' && (hasCurrent || person.currentContract === null)) return false;
      if (query.contractType && person.currentContract?.type !== query.contractType) return false;
      if (
        query.endingWithinDays !== undefined &&
        (person.endingInDays === null || person.endingInDays > query.endingWithinDays)
      ) {
        return false;
      }
      if (
        query.missingSkill &&
        hasValidSkill(
          person.skills.map((skill) => ({ ...skill, code: skill.skill })),
          query.missingSkill,
          today,
        )
      ) {
        return false;
      }
      return true;
    });
  }

  async get(user: AuthUser, id: string): Promise<PersonDetail> {
    const person = await this.findInOrganisation(user, id);
    this.access.requireReadPerson(user, person);
    const [summary] = await this.summarise(user, [person]);
    const today = todayIn(user.timeZone);
    const [contracts, absences, unavailabilities] = await Promise.all([
      this.dataSource
        .getRepository(ContractEntity)
        .find({ where: { personId: id }, order: { startDate: 'ASC' } }),
      this.dataSource
        .getRepository(AbsenceEntity)
        .find({ where: { personId: id }, order: { startDate: 'DESC' } }),
      this.dataSource
        .getRepository(UnavailabilityEntity)
        .find({ where: { personId: id }, order: { weekday: 'ASC' } }),
    ]);
    const week = isoWeekOf(today);
    const bounds = weekBounds(week, user.timeZone);
    const [planned] = await this.dataSource.query(
      `SELECT coalesce(sum(extract(epoch FROM end_at - start_at) / 60 - break_minutes), 0)::int AS minutes
       FROM shift WHERE person_id = $1 AND start_at >= $2 AND start_at < $3`,
      [id, new Date(bounds.startMs), new Date(bounds.endMs)],
    );
    return {
      ...summary,
      plannedThisWeek: { week, minutes: planned.minutes },
      contracts: await withPostAndReplaced(
        this.dataSource,
        user.organisationId,
        contracts.map((contract) => toContract(contract, today, this.access.canSeePay(user))),
      ),
      absences: absences.map((absence) => toAbsence(absence, true)),
      unavailabilities: unavailabilities.map(toUnavailability),
    };
  }

  async create(user: AuthUser, dto: CreatePersonDto): Promise<PersonSummary> {
    this.access.requireMayActOnAccountOf(
      user,
      dto.role,
      'Seule la direction peut créer un compte de la direction.',
    );
    if (dto.homeSiteId !== null) {
      await this.requireSiteOfOrganisation(user, dto.homeSiteId);
    }
    const email = dto.email ? dto.email.trim().toLowerCase() : null;
    const person = await this.dataSource.transaction(async (manager) => {
      if (email && (await manager.findOneBy(AccountEntity, { email }))) {
        throw new UnprocessableEntityException({
          message: `Un compte existe déjà pour « ${email} ».`,
          details: [{ field: 'email', message: 'adresse déjà utilisée' }],
        });
      }
      const saved = await manager.save(
        manager.create(PersonEntity, {
          organisationId: user.organisationId,
          firstName: dto.firstName.trim(),
          lastName: dto.lastName.trim(),
          email,
          jobTitle: dto.jobTitle ?? null,
          homeSiteId: dto.homeSiteId,
          birthDate: null,
          isPecExtendedCapEligible: false,
        }),
      );
      if (email) {
        // The account exists at once but has no password until the invitation is accepted.
        await manager.save(
          manager.create(AccountEntity, {
            organisationId: user.organisationId,
            personId: saved.id,
            email,
            passwordHash: null,
            role: dto.role,
            isActive: true,
          }),
        );
      }
      await this.audit.record(manager, user, {
        action: 'person.create',
        entity: 'person',
        entityId: saved.id,
        details: { role: dto.role, homeSiteId: dto.homeSiteId },
      });
      return saved;
    });
    const [summary] = await this.summarise(user, [person]);
    return summary;
  }

  async addSkill(user: AuthUser, personId: string, dto: CreateSkillDto): Promise<PersonSkill> {
    const person = await this.findInOrganisation(user, personId);
    this.access.requireManagePerson(user, person);
    if (dto.expiresOn && dto.expiresOn < dto.acquiredOn) {
      throw new UnprocessableEntityException({
        message: 'La date d’expiration précède la date d’obtention.',
        details: [{ field: 'expiresOn', message: 'doit suivre la date d’obtention' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const skill = await manager.save(
        manager.create(PersonSkillEntity, {
          organisationId: user.organisationId,
          personId,
          skill: dto.skill,
          detail: dto.detail ?? null,
          acquiredOn: dto.acquiredOn,
          expiresOn: dto.expiresOn ?? null,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'skill.create',
        entity: 'person_skill',
        entityId: skill.id,
        details: { personId, skill: dto.skill },
      });
      return toSkill(skill);
    });
  }

  async removeSkill(user: AuthUser, skillId: string): Promise<void> {
    const skill = await this.dataSource
      .getRepository(PersonSkillEntity)
      .findOneBy({ id: skillId, organisationId: user.organisationId });
    if (!skill) throw new NotFoundException('Qualification introuvable.');
    const person = await this.findInOrganisation(user, skill.personId);
    this.access.requireManagePerson(user, person);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(PersonSkillEntity, { id: skillId });
      await this.audit.record(manager, user, {
        action: 'skill.delete',
        entity: 'person_skill',
        entityId: skillId,
        details: { personId: skill.personId, skill: skill.skill },
      });
    });
  }

  async addAbsence(user: AuthUser, personId: string, dto: CreateAbsenceDto): Promise<Absence> {
    const person = await this.findInOrganisation(user, personId);
    this.access.requireManagePerson(user, person);
    if (dto.end < dto.start) {
      throw new UnprocessableEntityException({
        message: 'La fin de l’absence précède son début.',
        details: [{ field: 'end', message: 'doit suivre le début' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const absence = await manager.save(
        manager.create(AbsenceEntity, {
          organisationId: user.organisationId,
          personId,
          kind: dto.kind,
          startDate: dto.start,
          endDate: dto.end,
          reason: dto.reason ?? null,
        }),
      );
      // The reason stays out of the audit trail: it is read by more people than HR.
      await this.audit.record(manager, user, {
        action: 'absence.create',
        entity: 'absence',
        entityId: absence.id,
        details: { personId, kind: dto.kind, start: dto.start, end: dto.end },
      });
      return toAbsence(absence, true);
    });
  }

  /** 404 outside the caller's organisation: other tenants' ids are never confirmed. */
  async findInOrganisation(
    user: AuthUser,
    id: string,
    manager?: EntityManager,
  ): Promise<PersonEntity> {
    const person = await (manager ?? this.dataSource.manager)
      .getRepository(PersonEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!person) throw new NotFoundException('Personne introuvable.');
    return person;
  }

  private async requireSiteOfOrganisation(user: AuthUser, siteId: string): Promise<void> {
    const site = await this.dataSource
      .getRepository(SiteEntity)
      .findOneBy({ id: siteId, organisationId: user.organisationId });
    if (!site) {
      throw new UnprocessableEntityException({
        message: 'Site inconnu.',
        details: [{ field: 'homeSiteId', message: 'site inconnu' }],
      });
    }
  }

  private async visiblePeople(user: AuthUser, siteId: string | undefined): Promise<PersonEntity[]> {
    const repository = this.dataSource.getRepository(PersonEntity);
    const order = { lastName: 'ASC', firstName: 'ASC' } as const;
    if (user.role === 'mediator') return repository.find({ where: { id: user.personId }, order });
    const siteIds = siteId ? [siteId] : user.role === 'manager' ? user.siteIds : undefined;
    if (siteIds) {
      return repository.find({
        where: { organisationId: user.organisationId, homeSiteId: In(siteIds) },
        order,
      });
    }
    return repository.find({ where: { organisationId: user.organisationId }, order });
  }

  /** Sorted by last name then first name in French order ("Étienne" with the E's). */
  private async summarise(user: AuthUser, people: PersonEntity[]): Promise<PersonSummary[]> {
    const canSeePay = this.access.canSeePay(user);
    const timeZone = user.timeZone;
    if (people.length === 0) return [];
    const ids = people.map((person) => person.id);
    const [accounts, contracts, skills] = await Promise.all([
      this.dataSource.getRepository(AccountEntity).findBy({ personId: In(ids) }),
      this.dataSource
        .getRepository(ContractEntity)
        .find({ where: { personId: In(ids) }, order: { startDate: 'ASC' } }),
      this.dataSource
        .getRepository(PersonSkillEntity)
        .find({ where: { personId: In(ids) }, order: { acquiredOn: 'ASC' } }),
    ]);
    const today = todayIn(timeZone);
    const sorted = [...people].sort(
      (a, b) => FRENCH.compare(a.lastName, b.lastName) || FRENCH.compare(a.firstName, b.firstName),
    );
    return sorted.map((person) => {
      const account = accounts.find((candidate) => candidate.personId === person.id);
      const own = contracts.filter((contract) => contract.personId === person.id);
      // The contract in force today, else the next one, else the last one that ended.
      const current =
        own.find((contract) => contractStatus(contract, today) === 'active') ??
        own.find((contract) => contractStatus(contract, today) === 'upcoming') ??
        own.at(-1) ??
        null;
      return {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        jobTitle: person.jobTitle,
        homeSiteId: person.homeSiteId,
        role: account?.role ?? null,
        isAccountActive: account ? account.isActive : null,
        currentContract: current ? toContract(current, today, canSeePay) : null,
        endingInDays:
          current?.endDate && contractStatus(current, today) !== 'ended'
            ? daysBetween(today, current.endDate)
            : null,
        skills: skills.filter((skill) => skill.personId === person.id).map(toSkill),
      };
    });
  }
}
