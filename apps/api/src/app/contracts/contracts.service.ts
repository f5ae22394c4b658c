import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Contract } from '@relais/api-types';
import { addMonths, checkContract, ContractDraft, formatDate } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { toContract } from '../people/people.mapper';
import { PeopleService } from '../people/people.service';
import { PersonEntity } from '../people/person.entity';
import { ContractEntity } from './contract.entity';
import { CreateContractDto } from './dto/create-contract.dto';

export type EndingContract = Contract & { personName: string; siteId: string | null };

export function toDraft(entity: ContractEntity): ContractDraft {
  return {
    id: entity.id,
    type: entity.type,
    start: entity.startDate,
    end: entity.endDate,
    weeklyHours: entity.weeklyHours,
    reason: entity.reason,
    renewalOf: entity.renewalOf,
    tutorId: entity.tutorId,
    partTimeDerogation: entity.partTimeDerogation as ContractDraft['partTimeDerogation'],
    derogationRequestedOn: entity.derogationRequestedOn,
    trainingHours: entity.trainingHours,
    conventionEnd: entity.conventionEnd,
  };
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async listForPerson(user: AuthUser, personId: string): Promise<Contract[]> {
    const person = await this.people.findInOrganisation(user, personId);
    this.access.requireReadPerson(user, person);
    const today = todayIn();
    const contracts = await this.dataSource
      .getRepository(ContractEntity)
      .find({ where: { personId }, order: { startDate: 'ASC' } });
    return contracts.map((contract) => toContract(contract, today));
  }

  /**
   * Creates a contract or a renewal after the group-D checks: a blocking rule refuses it (422 with
   * the violations), a warning needs a justification, and both are stored with the contract.
   */
  async create(user: AuthUser, dto: CreateContractDto): Promise<Contract> {
    const today = todayIn();
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findInOrganisation(user, dto.personId, manager);
      // One contract command at a time per person: the checks read the person's other contracts.
      await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [person.id]);
      this.checkShape(dto);
      const previous = await manager.find(ContractEntity, {
        where: { personId: person.id },
        order: { startDate: 'ASC' },
      });
      const end = dto.end ?? null;
      const overlapping = previous.find(
        (other) =>
          other.startDate <= (end ?? '9999-12-31') && (other.endDate ?? '9999-12-31') >= dto.start,
      );
      if (overlapping) {
        refuse(
          `Ce contrat chevauche le contrat ${overlapping.type} du ${formatDate(overlapping.startDate)}${overlapping.endDate ? ` au ${formatDate(overlapping.endDate)}` : ''} : une personne n’a qu’un contrat à la fois.`,
          'start',
          'chevauche un autre contrat',
        );
      }
      if (dto.renewalOf) {
        const renewed = previous.find((other) => other.id === dto.renewalOf);
        if (!renewed)
          refuse(
            'Le contrat renouvelé n’appartient pas à cette personne.',
            'renewalOf',
            'contrat inconnu',
          );
        if (renewed.type !== dto.type) {
          refuse(
            `Un renouvellement garde le type du contrat (${renewed.type}).`,
            'type',
            `doit être ${renewed.type}`,
          );
        }
      }
      let tutorLoad: number | undefined;
      if (dto.tutorId) {
        const tutor = await manager.findOneBy(PersonEntity, {
          id: dto.tutorId,
          organisationId: user.organisationId,
        });
        if (!tutor) refuse('Tuteur inconnu.', 'tutorId', 'personne inconnue');
        if (tutor.id === person.id)
          refuse(
            'Une personne ne peut pas être son propre tuteur.',
            'tutorId',
            'doit être une autre personne',
          );
        tutorLoad = await this.tutorLoad(manager, tutor.id, dto.start, end, dto.renewalOf ?? null);
      }
      const organisation = await manager.findOneByOrFail(OrganisationEntity, {
        id: user.organisationId,
      });
      const draft: ContractDraft = {
        type: dto.type,
        start: dto.start,
        end,
        weeklyHours: dto.weeklyHours,
        reason: dto.reason ?? null,
        renewalOf: dto.renewalOf ?? null,
        tutorId: dto.tutorId ?? null,
        partTimeDerogation: (dto.partTimeDerogation ?? null) as ContractDraft['partTimeDerogation'],
        derogationRequestedOn: dto.derogationRequestedOn ?? null,
        trainingHours: dto.trainingHours ?? null,
        conventionEnd: dto.conventionEnd ?? null,
      };
      const violations = checkContract({
        contract: draft,
        previousContracts: previous.map(toDraft),
        person: {
          id: person.id,
          birthDate: person.birthDate,
          isOver50WithDifficulties: person.isPecExtendedCapEligible,
        },
        tutorLoad,
        settings: { isConventionneSiae: organisation.isSiae },
      }).map((violation) => ({ ...violation, personId: person.id }));
      const blocking = violations.filter((violation) => violation.severity === 'block');
      if (blocking.length > 0) {
        throw new UnprocessableEntityException({
          message: `Contrat refusé : ${blocking.map((violation) => violation.message).join(' ')}`,
          details: { violations: blocking },
          violations: blocking,
        });
      }
      const warnings = violations.filter((violation) => violation.severity === 'warn');
      if (warnings.length > 0 && !dto.justification?.trim()) {
        throw new UnprocessableEntityException({
          message: `Justification requise : ${warnings.map((violation) => violation.message).join(' ')}`,
          details: { violations: warnings },
          violations: warnings,
        });
      }
      const saved = await manager.save(
        manager.create(ContractEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          type: dto.type,
          startDate: dto.start,
          endDate: end,
          weeklyHours: dto.weeklyHours,
          reason: dto.reason ?? null,
          renewalOf: dto.renewalOf ?? null,
          tutorId: dto.tutorId ?? null,
          partTimeDerogation: dto.partTimeDerogation ?? null,
          derogationRequestedOn: dto.derogationRequestedOn ?? null,
          trainingHours: dto.trainingHours ?? null,
          conventionNumber: dto.conventionNumber ?? null,
          conventionStart: dto.conventionStart ?? null,
          conventionEnd: dto.conventionEnd ?? null,
          warnings,
          justification: warnings.length > 0 ? (dto.justification?.trim() ?? null) : null,
        }),
      );
      await this.audit.record(manager, user, {
        action: dto.renewalOf ? 'contract.renew' : 'contract.create',
        entity: 'contract',
        entityId: saved.id,
        details: {
          personId: person.id,
          type: dto.type,
          start: dto.start,
          end,
          weeklyHours: dto.weeklyHours,
          warnings: warnings.map((w) => w.rule),
        },
      });
      return toContract(saved, today);
    });
  }

  /** Contracts ending within `months` months, not followed by a renewal, in the caller's scope. */
  async ending(user: AuthUser, months: number): Promise<EndingContract[]> {
    const today = todayIn();
    const until = addMonths(today, months);
    const rows: (ContractEntity & { person: PersonEntity })[] = (await this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('contract')
      .innerJoinAndSelect('contract.person', 'person')
      .where('contract.organisation_id = :organisationId', { organisationId: user.organisationId })
      .andWhere('contract.end_date BETWEEN :today AND :until', { today, until })
      .andWhere('NOT EXISTS (SELECT 1 FROM contract next WHERE next.renewal_of = contract.id)')
      .orderBy('contract.end_date', 'ASC')
      .getMany()) as (ContractEntity & { person: PersonEntity })[];
    return rows
      .filter((row) => this.access.canReadPerson(user, row.person))
      .map((row) => ({
        ...toContract(row, today),
        personName: `${row.person.firstName} ${row.person.lastName}`,
        siteId: row.person.homeSiteId,
      }));
  }

  private checkShape(dto: CreateContractDto): void {
    if (dto.type === 'CDI' && dto.end)
      refuse('Un CDI n’a pas de date de fin.', 'end', 'à laisser vide pour un CDI');
    if (dto.type !== 'CDI' && !dto.end)
      refuse(`Un contrat ${dto.type} a une date de fin.`, 'end', 'date de fin obligatoire');
    if (dto.end && dto.end < dto.start)
      refuse('La fin du contrat précède son début.', 'end', 'doit suivre le début');
    if (dto.conventionStart && dto.conventionEnd && dto.conventionEnd < dto.conventionStart) {
      refuse(
        'La fin de la convention précède son début.',
        'conventionEnd',
        'doit suivre le début de la convention',
      );
    }
  }

  /** CUI employees (PEC) the tutor already follows during the new contract, its renewal excluded. */
  private async tutorLoad(
    manager: EntityManager,
    tutorId: string,
    start: string,
    end: string | null,
    renewalOf: string | null,
  ): Promise<number> {
    const rows = await manager.find(ContractEntity, { where: { tutorId, type: 'PEC' } });
    return new Set(
      rows
        .filter(
          (row) =>
            row.id !== renewalOf &&
            row.startDate <= (end ?? '9999-12-31') &&
            (row.endDate ?? '9999-12-31') >= start,
        )
        .map((row) => row.personId),
    ).size;
  }
}
