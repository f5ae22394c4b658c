import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTRACT_END_REASON_LABELS,
  endReasonsFor,
  requiresContractReason,
  type Contract,
  type ContractType,
  type EndContractResult,
} from '@relais/api-types';
import {
  addDays,
  addMonths,
  checkContract,
  ContractDraft,
  ContractPerson,
  formatDate,
  formatDayLabel,
  formatTime,
  localDate,
  openingWeekdaysOf,
  startOfCivilDay,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { ExitsService } from '../exits/exits.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PathwaysService } from '../pathways/pathways.service';
import { withPostAndReplaced } from '../people/contract-labels';
import { toContract } from '../people/people.mapper';
import { PeopleService } from '../people/people.service';
import { PersonEntity } from '../people/person.entity';
import type { RecordRenewalRefusalDto } from '../posts/dto/post.dto';
import { PostEntity } from '../posts/post.entity';
import { ContractEntity } from './contract.entity';
import { CreateContractDto, EndContractDto, UpdateContractDto } from './dto/create-contract.dto';

/** The contract's data as entered, checked the same way at creation and at correction. */
type ContractFields = Omit<CreateContractDto, 'personId'>;

const CORRECTABLE_FIELDS = [
  'type',
  'start',
  'end',
  'minimumEnd',
  'weeklyHours',
  'reason',
  'tutorId',
  'partTimeDerogation',
  'derogationRequestedOn',
  'trainingHours',
  'conventionNumber',
  'conventionStart',
  'conventionEnd',
  'isNightWorker',
  'cycleWeeks',
  'hasReducedInitialTerm',
  'trainingExtensionAction',
  'trainingExtensionEnd',
  'postId',
  'replacedPersonId',
] as const;

function fieldsOf(entity: ContractEntity): ContractFields {
  return {
    type: entity.type,
    start: entity.startDate,
    end: entity.endDate,
    minimumEnd: entity.minimumEndDate,
    weeklyHours: entity.weeklyHours,
    reason: entity.reason,
    renewalOf: entity.renewalOf,
    tutorId: entity.tutorId,
    partTimeDerogation: entity.partTimeDerogation,
    derogationRequestedOn: entity.derogationRequestedOn,
    trainingHours: entity.trainingHours,
    conventionNumber: entity.conventionNumber,
    conventionStart: entity.conventionStart,
    conventionEnd: entity.conventionEnd,
    isNightWorker: entity.isNightWorker,
    cycleWeeks: entity.cycleWeeks,
    hasReducedInitialTerm: entity.hasReducedInitialTerm,
    trainingExtensionAction: entity.trainingExtensionAction,
    trainingExtensionEnd: entity.trainingExtensionEnd,
    postId: entity.postId,
    replacedPersonId: entity.replacedPersonId,
    justification: entity.justification,
  };
}

/** A CDD without its motif is deemed a CDI (L1242-12): refused as a malformed request. */
function requireReason(type: ContractType, reason: string | null | undefined): void {
  if (requiresContractReason(type) && !reason) {
    throw new BadRequestException({
      message:
        'Requête invalide — « reason » : motif de recours obligatoire pour un CDD (art. L1242-2).',
      details: [{ field: 'reason', message: 'motif de recours obligatoire pour un CDD' }],
    });
  }
}

export type EndingContract = Contract & { personName: string; siteId: string | null };

/** What the contract rules read of the person: the facts recorded for their eligibility. */
export function contractPerson(person: PersonEntity): ContractPerson {
  return {
    id: person.id,
    birthDate: person.birthDate,
    isOver50WithDifficulties: person.isPecExtendedCapEligible,
    isOutOfWorkAtHiring: person.isOutOfWorkAtHiring,
    qpvName: person.qpvName,
    qpvCheckedOn: person.qpvCheckedOn,
    prefectException: person.prefectException,
    isStudent: person.isStudent,
  };
}

export function toDraft(entity: ContractEntity): ContractDraft {
  return {
    id: entity.id,
    type: entity.type,
    start: entity.startDate,
    end: entity.endDate,
    minimumEnd: entity.minimumEndDate,
    weeklyHours: entity.weeklyHours,
    reason: entity.reason,
    renewalOf: entity.renewalOf,
    tutorId: entity.tutorId,
    partTimeDerogation: entity.partTimeDerogation as ContractDraft['partTimeDerogation'],
    derogationRequestedOn: entity.derogationRequestedOn,
    trainingHours: entity.trainingHours,
    conventionEnd: entity.conventionEnd,
    postId: entity.postId,
    replacedPersonId: entity.replacedPersonId,
    endReason: entity.endReason,
    hasReducedInitialTerm: entity.hasReducedInitialTerm,
    trainingExtensionEnd: entity.trainingExtensionEnd,
    hasRenewalRefused: entity.renewalRefusedOn !== null,
  };
}

@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly exits: ExitsService,
    private readonly pathways: PathwaysService,
  ) {}

  async listForPerson(user: AuthUser, personId: string): Promise<Contract[]> {
    const person = await this.people.findInOrganisation(user, personId);
    this.access.requireReadPerson(user, person);
    const today = todayIn(user.timeZone);
    const contracts = await this.dataSource
      .getRepository(ContractEntity)
      .find({ where: { personId }, order: { startDate: 'ASC' } });
    const canSeePay = this.access.canSeePay(user);
    return withPostAndReplaced(
      this.dataSource,
      user.organisationId,
      contracts.map((contract) => toContract(contract, today, canSeePay)),
    );
  }

  /**
   * Creates a contract or a renewal after the group-D checks: a blocking rule refuses it (422 with
   * the violations), a warning needs a justification, and both are stored with the contract.
   */
  async create(user: AuthUser, dto: CreateContractDto): Promise<Contract> {
    const today = todayIn(user.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findInOrganisation(user, dto.personId, manager);
      // One contract command at a time per person: the checks read the person's other contracts.
      await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [person.id]);
      if (dto.renewalOf) {
        // A renewal extends the same contract: same post, same absent employee unless sent.
        const renewed = await manager.findOneBy(ContractEntity, {
          id: dto.renewalOf,
          personId: person.id,
        });
        if (renewed?.renewalRefusedOn) {
          throw new ConflictException(
            `Le salarié a refusé le renouvellement de ce contrat le ${formatDate(renewed.renewalRefusedOn)} : il ne peut plus être renouvelé.`,
          );
        }
        if (renewed && dto.postId === undefined) dto.postId = renewed.postId;
        if (renewed && dto.replacedPersonId === undefined && dto.reason === renewed.reason)
          dto.replacedPersonId = renewed.replacedPersonId;
      }
      const warnings = await this.check(manager, user, person, dto, null);
      const saved = await manager.save(
        manager.create(ContractEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          ...this.columns(dto, warnings),
          renewalOf: dto.renewalOf ?? null,
          hourlyCostCents:
            dto.hourlyCost === undefined || dto.hourlyCost === null
              ? null
              : Math.round(dto.hourlyCost * 100),
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
          end: dto.end ?? null,
          weeklyHours: dto.weeklyHours,
          postId: dto.postId ?? null,
          replacedPersonId: dto.replacedPersonId ?? null,
          warnings: warnings.map((w) => w.rule),
        },
      });
      // A renewal or a new type moves the plan's milestones (shown to HR in its history).
      await this.pathways.recompute(
        manager,
        user,
        person.id,
        dto.renewalOf ? 'contract_renew' : 'contract_create',
      );
      return toContract(saved, today, this.access.canSeePay(user));
    });
  }

  /**
   * Corrects a contract's data (a typing mistake, a late change of hours): the fields sent replace
   * the stored ones and the result is checked exactly like a new contract; the audit keeps the
   * values before and after.
   */
  async correct(user: AuthUser, id: string, dto: UpdateContractDto): Promise<Contract> {
    const today = todayIn(user.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findForCommand(manager, user, id);
      const person = await this.people.findInOrganisation(user, current.personId, manager);
      const before = fieldsOf(current);
      const merged: ContractFields = { ...before };
      for (const field of CORRECTABLE_FIELDS) {
        if (dto[field] !== undefined) Object.assign(merged, { [field]: dto[field] });
      }
      if (dto.justification !== undefined) merged.justification = dto.justification;
      // A contract corrected into another motif no longer replaces anyone (L1242-12 1°).
      const isReplacement = merged.type === 'CDD' && merged.reason === 'replacement';
      if (!isReplacement && dto.replacedPersonId === undefined) merged.replacedPersonId = null;
      // Nor does a contract corrected out of a PEC keep its facts (L5134-25-1), unless sent.
      if (merged.type !== 'PEC' && dto.hasReducedInitialTerm === undefined)
        merged.hasReducedInitialTerm = false;
      if (merged.type !== 'PEC' && merged.type !== 'CDDI') {
        if (dto.trainingExtensionAction === undefined) merged.trainingExtensionAction = null;
        if (dto.trainingExtensionEnd === undefined) merged.trainingExtensionEnd = null;
      }
      const warnings = await this.check(manager, user, person, merged, current.id);
      const changed = CORRECTABLE_FIELDS.filter((field) => merged[field] !== before[field]);
      if (changed.length === 0) return toContract(current, today, this.access.canSeePay(user));
      await manager.update(ContractEntity, { id }, this.columns(merged, warnings));
      const saved = await manager.findOneByOrFail(ContractEntity, { id });
      await this.audit.record(manager, user, {
        action: 'contract.correct',
        entity: 'contract',
        entityId: id,
        details: {
          personId: person.id,
          before: Object.fromEntries(changed.map((field) => [field, before[field] ?? null])),
          after: Object.fromEntries(changed.map((field) => [field, merged[field] ?? null])),
        },
      });
      await this.pathways.recompute(manager, user, person.id, 'contract_correct');
      return toContract(saved, today, this.access.canSeePay(user));
    });
  }

  /**
   * Ends a contract before its planned end on a legal ground its type allows. Shifts planned after
   * the new end are refused (409, listed): the site's rota is a published legal document and the
   * manager hands those shifts over (*Rendre à pourvoir*) before the contract ends. With no later
   * contract, the person's exit record is opened for HR to complete. One transaction.
   */
  async end(user: AuthUser, id: string, dto: EndContractDto): Promise<EndContractResult> {
    const today = todayIn(user.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const contract = await this.findForCommand(manager, user, id);
      const person = await this.people.findInOrganisation(user, contract.personId, manager);
      if (contract.endReason) {
        throw new ConflictException(
          `Ce contrat a déjà pris fin le ${formatDate(contract.endDate ?? contract.startDate)} (${CONTRACT_END_REASON_LABELS[contract.endReason].toLowerCase()}).`,
        );
      }
      const allowed = endReasonsFor(contract.type, contract.endDate);
      if (!allowed.includes(dto.reason)) {
        refuse(
          `« ${CONTRACT_END_REASON_LABELS[dto.reason]} » ne met pas fin à un ${allowed.includes('resignation') ? 'CDI' : 'contrat à durée déterminée'} : motifs possibles : ${allowed.map((reason) => CONTRACT_END_REASON_LABELS[reason].toLowerCase()).join(', ')}.`,
          'reason',
          'motif non admis pour ce type de contrat',
        );
      }
      if (dto.end < contract.startDate) {
        refuse(
          `La fin anticipée (${formatDate(dto.end)}) précède le début du contrat (${formatDate(contract.startDate)}).`,
          'end',
          'avant le début du contrat',
        );
      }
      if (contract.endDate !== null && dto.end > contract.endDate) {
        refuse(
          `La fin anticipée (${formatDate(dto.end)}) suit la fin prévue du contrat (${formatDate(contract.endDate)}) : pour le prolonger, saisir un renouvellement.`,
          'end',
          'après la fin prévue',
        );
      }
      await this.refuseShiftsAfter(manager, user, person.id, dto.end);
      await manager.update(
        ContractEntity,
        { id },
        { endDate: dto.end, plannedEndDate: contract.endDate, endReason: dto.reason },
      );
      await this.audit.record(manager, user, {
        action: 'contract.end',
        entity: 'contract',
        entityId: id,
        details: {
          personId: person.id,
          reason: dto.reason,
          before: { end: contract.endDate },
          after: { end: dto.end },
        },
      });
      const [{ follows }]: { follows: boolean }[] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = $1 AND n.id <> $2
                          AND (n.renewal_of = $2 OR n.start_date > $3)) AS follows`,
        [person.id, id, contract.startDate],
      );
      const exitRecordId = follows
        ? null
        : await this.exits.openToComplete(
            manager,
            user,
            {
              id,
              personId: person.id,
              type: contract.type,
              displayName: `${person.firstName} ${person.lastName}`,
              siteId: person.homeSiteId,
            },
            dto.end,
          );
      await this.pathways.recompute(manager, user, person.id, 'contract_end');
      const saved = await manager.findOneByOrFail(ContractEntity, { id });
      return { contract: toContract(saved, today, this.access.canSeePay(user)), exitRecordId };
    });
  }

  /**
   * Records that the employee refused the renewal of a CDD offered to them: no délai de carence
   * then follows it on its post (L1244-4-1). Recording again replaces the date; audited.
   */
  async recordRenewalRefusal(
    user: AuthUser,
    id: string,
    dto: RecordRenewalRefusalDto,
  ): Promise<Contract> {
    const today = todayIn(user.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const contract = await this.findForCommand(manager, user, id);
      if (contract.type !== 'CDD') {
        refuse(
          `Le refus de renouvellement ne s’enregistre que pour un CDD (délai de carence, C. trav., art. L1244-4-1), pas pour un contrat ${contract.type}.`,
          'refusedOn',
          'CDD seulement',
        );
      }
      const [{ renewed }]: { renewed: boolean }[] = await manager.query(
        'SELECT EXISTS (SELECT 1 FROM contract WHERE renewal_of = $1) AS renewed',
        [id],
      );
      if (renewed) {
        throw new ConflictException(
          'Ce contrat a été renouvelé : le salarié n’a pas refusé son renouvellement.',
        );
      }
      if (dto.refusedOn < contract.startDate) {
        refuse(
          `Le refus (${formatDate(dto.refusedOn)}) précède le début du contrat (${formatDate(contract.startDate)}).`,
          'refusedOn',
          'avant le début du contrat',
        );
      }
      if (contract.endDate !== null && dto.refusedOn > contract.endDate) {
        refuse(
          `Le refus (${formatDate(dto.refusedOn)}) suit la fin du contrat (${formatDate(contract.endDate)}) : le renouvellement se propose avant le terme.`,
          'refusedOn',
          'après la fin du contrat',
        );
      }
      if (dto.refusedOn > today) {
        refuse(
          `Le refus (${formatDate(dto.refusedOn)}) est dans le futur : l’enregistrer une fois exprimé.`,
          'refusedOn',
          'date future',
        );
      }
      await manager.update(
        ContractEntity,
        { id },
        {
          renewalRefusedOn: dto.refusedOn,
          renewalRefusedRecordedBy: user.accountId,
          renewalRefusedRecordedAt: new Date(),
        },
      );
      await this.audit.record(manager, user, {
        action: 'contract.renewal_refused',
        entity: 'contract',
        entityId: id,
        details: {
          personId: contract.personId,
          before: { renewalRefusedOn: contract.renewalRefusedOn },
          after: { renewalRefusedOn: dto.refusedOn },
        },
      });
      const saved = await manager.findOneByOrFail(ContractEntity, { id });
      return toContract(saved, today, this.access.canSeePay(user));
    });
  }

  /** Contracts ending within `months` months, not followed by a renewal, in the caller's scope. */
  async ending(user: AuthUser, months: number): Promise<EndingContract[]> {
    const today = todayIn(user.timeZone);
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
        ...toContract(row, today, this.access.canSeePay(user)),
        personName: `${row.person.firstName} ${row.person.lastName}`,
        siteId: row.person.homeSiteId,
      }));
  }

  /** The contract in the caller's organisation, its person locked for the command. */
  private async findForCommand(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<ContractEntity> {
    const found = await manager.findOneBy(ContractEntity, {
      id,
      organisationId: user.organisationId,
    });
    if (!found) throw new NotFoundException('Contrat introuvable.');
    // One contract command at a time per person: the checks read the person's other contracts.
    await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [found.personId]);
    return manager.findOneByOrFail(ContractEntity, { id });
  }

  /**
   * The group-D checks of a new or corrected contract (`excludeId`: the one corrected): a
   * blocking rule refuses it (422 with the violations), a warning needs a justification.
   * Returns the warnings to store with the contract.
   */
  private async check(
    manager: EntityManager,
    user: AuthUser,
    person: PersonEntity,
    dto: ContractFields,
    excludeId: string | null,
  ): Promise<Contract['warnings']> {
    this.checkShape(dto);
    const previous = (
      await manager.find(ContractEntity, {
        where: { personId: person.id },
        order: { startDate: 'ASC' },
      })
    ).filter((other) => other.id !== excludeId);
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
      tutorLoad = await this.tutorLoad(
        manager,
        tutor.id,
        dto.type,
        dto.start,
        end,
        [dto.renewalOf ?? null, excludeId].filter((other): other is string => other !== null),
      );
    }
    if (dto.replacedPersonId) {
      const replaced = await manager.findOneBy(PersonEntity, {
        id: dto.replacedPersonId,
        organisationId: user.organisationId,
      });
      if (!replaced)
        refuse('Personne remplacée inconnue.', 'replacedPersonId', 'personne inconnue');
      if (replaced.id === person.id)
        refuse(
          'Une personne ne peut pas se remplacer elle-même.',
          'replacedPersonId',
          'doit être une autre personne',
        );
    }
    // The délai de carence attaches to the post whoever held it (L1244-3): its other contracts
    // join the person's own (renewal chains of other holders included).
    let postContracts: ContractEntity[] = [];
    let openingWeekdays: number[] | undefined;
    if (dto.postId) {
      const post = await manager.findOneBy(PostEntity, {
        id: dto.postId,
        organisationId: user.organisationId,
      });
      if (!post) refuse('Poste inconnu.', 'postId', 'poste inconnu');
      // One contract command at a time per post too: the carence reads its other holders.
      await manager.query('SELECT id FROM post WHERE id = $1 FOR UPDATE', [post.id]);
      const site = await manager.findOneByOrFail(SiteEntity, { id: post.siteId });
      openingWeekdays = openingWeekdaysOf(site.openingHours);
      postContracts = (
        await manager.find(ContractEntity, {
          where: { postId: post.id, organisationId: user.organisationId },
        })
      ).filter((other) => other.id !== excludeId && other.personId !== person.id);
      // The earlier links of another holder's renewal chain count in the duration, wherever
      // they were recorded (renewals: 2 at most, L1243-13-1).
      for (let depth = 0; depth < 3; depth++) {
        const known = new Set([...previous, ...postContracts].map((other) => other.id));
        const missing = postContracts
          .map((other) => other.renewalOf)
          .filter((link): link is string => link !== null && !known.has(link));
        if (missing.length === 0) break;
        postContracts.push(...(await manager.findBy(ContractEntity, { id: In(missing) })));
      }
    }
    const organisation = await manager.findOneByOrFail(OrganisationEntity, {
      id: user.organisationId,
    });
    const draft: ContractDraft = {
      type: dto.type,
      start: dto.start,
      end,
      minimumEnd: dto.minimumEnd ?? null,
      weeklyHours: dto.weeklyHours,
      reason: dto.reason ?? null,
      renewalOf: dto.renewalOf ?? null,
      tutorId: dto.tutorId ?? null,
      partTimeDerogation: (dto.partTimeDerogation ?? null) as ContractDraft['partTimeDerogation'],
      derogationRequestedOn: dto.derogationRequestedOn ?? null,
      trainingHours: dto.trainingHours ?? null,
      conventionEnd: dto.conventionEnd ?? null,
      postId: dto.postId ?? null,
      replacedPersonId: dto.replacedPersonId ?? null,
      hasReducedInitialTerm: dto.hasReducedInitialTerm === true,
      trainingExtensionEnd: dto.trainingExtensionEnd ?? null,
    };
    const violations = checkContract({
      contract: draft,
      previousContracts: [...previous, ...postContracts].map(toDraft),
      person: contractPerson(person),
      tutorLoad,
      settings: {
        isConventionneSiae: organisation.isSiae,
        timeZone: user.timeZone,
        ...(openingWeekdays ? { openingWeekdays } : {}),
      },
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
    return warnings;
  }

  /** The stored columns of a checked contract. */
  private columns(dto: ContractFields, warnings: Contract['warnings']) {
    return {
      type: dto.type,
      startDate: dto.start,
      endDate: dto.end ?? null,
      minimumEndDate: dto.minimumEnd ?? null,
      weeklyHours: dto.weeklyHours,
      reason: dto.reason ?? null,
      tutorId: dto.tutorId ?? null,
      partTimeDerogation: dto.partTimeDerogation ?? null,
      derogationRequestedOn: dto.derogationRequestedOn ?? null,
      trainingHours: dto.trainingHours ?? null,
      conventionNumber: dto.conventionNumber ?? null,
      conventionStart: dto.conventionStart ?? null,
      conventionEnd: dto.conventionEnd ?? null,
      isNightWorker: dto.isNightWorker ?? false,
      cycleWeeks: dto.cycleWeeks ?? null,
      // checkShape refused these facts on any other contract.
      hasReducedInitialTerm: dto.hasReducedInitialTerm === true,
      trainingExtensionAction: dto.trainingExtensionAction?.trim() || null,
      trainingExtensionEnd: dto.trainingExtensionEnd ?? null,
      postId: dto.postId ?? null,
      replacedPersonId: dto.replacedPersonId ?? null,
      warnings,
      justification: warnings.length > 0 ? (dto.justification?.trim() ?? null) : null,
    };
  }

  /** 409 listing the person's shifts after `end` (in the organisation's time zone). */
  private async refuseShiftsAfter(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
    end: string,
  ): Promise<void> {
    const after = new Date(startOfCivilDay(addDays(end, 1), user.timeZone));
    const shifts: { start_at: Date; end_at: Date; site_name: string }[] = await manager.query(
      `SELECT sh.start_at, sh.end_at, s.name AS site_name FROM shift sh JOIN site s ON s.id = sh.site_id
       WHERE sh.person_id = $1 AND sh.end_at > $2 ORDER BY sh.start_at`,
      [personId, after],
    );
    if (shifts.length === 0) return;
    const listed = shifts.slice(0, 10).map((shift) => {
      const startMs = shift.start_at.getTime();
      return `${formatDayLabel(localDate(startMs, user.timeZone))} ${formatTime(startMs, user.timeZone)}–${formatTime(shift.end_at.getTime(), user.timeZone)} (${shift.site_name})`;
    });
    const more = shifts.length > listed.length ? ` et ${shifts.length - listed.length} autres` : '';
    throw new ConflictException({
      message: `${shifts.length === 1 ? 'Un créneau est prévu' : `${shifts.length} créneaux sont prévus`} après le ${formatDate(end)} : ${listed.join(' ; ')}${more}. Les rendre à pourvoir ou les réattribuer dans le planning, puis terminer le contrat.`,
      details: { shifts: listed },
    });
  }

  private checkShape(dto: ContractFields): void {
    requireReason(dto.type, dto.reason);
    if (dto.type === 'CDI' && dto.end)
      refuse('Un CDI n’a pas de date de fin.', 'end', 'à laisser vide pour un CDI');
    // L1242-7: only a CDD may lack a precise term, and then it states its minimum duration.
    if (dto.minimumEnd && dto.type !== 'CDD') {
      refuse(
        'Seul un CDD sans terme précis a une durée minimale : à laisser vide pour ce contrat.',
        'minimumEnd',
        'à laisser vide hors CDD',
      );
    }
    if (dto.type === 'CDD' && !dto.end) {
      if (dto.reason !== 'replacement')
        refuse(
          'Un CDD a une date de fin ; seul le remplacement d’un salarié absent peut se conclure sans terme précis (C. trav., art. L1242-7).',
          'end',
          'date de fin obligatoire hors remplacement',
        );
      if (!dto.minimumEnd)
        refuse(
          'Un CDD de remplacement sans terme précis est conclu pour une durée minimale : indiquez jusqu’à quand il dure au moins (C. trav., art. L1242-7).',
          'minimumEnd',
          'durée minimale obligatoire sans date de fin',
        );
    }
    // L5134-103: an adulte-relais contract is a CDI or a CDD of three years at most.
    if (dto.type !== 'CDI' && dto.type !== 'CDD' && dto.type !== 'ADULTE_RELAIS' && !dto.end)
      refuse(`Un contrat ${dto.type} a une date de fin.`, 'end', 'date de fin obligatoire');
    if (dto.end && dto.end < dto.start)
      refuse('La fin du contrat précède son début.', 'end', 'doit suivre le début');
    // L5134-25-1: a PEC or a CDDI prolonged to finish a training action names it, with its end.
    const action = dto.trainingExtensionAction?.trim() || null;
    const actionEnd = dto.trainingExtensionEnd ?? null;
    if ((action !== null || actionEnd !== null) && dto.type !== 'PEC' && dto.type !== 'CDDI')
      refuse(
        'Seuls un PEC ou un CDDI se prolongent pour achever une action de formation (C. trav., art. L5134-25-1).',
        action !== null ? 'trainingExtensionAction' : 'trainingExtensionEnd',
        'à laisser vide pour ce contrat',
      );
    if (action !== null && actionEnd === null)
      refuse(
        'Indiquez le terme de l’action de formation : la prolongation ne peut pas le dépasser.',
        'trainingExtensionEnd',
        'terme de l’action obligatoire',
      );
    if (action === null && actionEnd !== null)
      refuse(
        'Indiquez l’action de formation à achever.',
        'trainingExtensionAction',
        'action de formation obligatoire',
      );
    if (dto.hasReducedInitialTerm === true && dto.type !== 'PEC')
      refuse(
        'La durée initiale de 3 mois ne vaut que pour un PEC (C. trav., art. L5134-25-1).',
        'hasReducedInitialTerm',
        'réservé au PEC',
      );
    if (dto.minimumEnd && dto.minimumEnd < dto.start)
      refuse(
        'La durée minimale se termine avant le début du contrat.',
        'minimumEnd',
        'doit suivre le début',
      );
    if (dto.conventionStart && dto.conventionEnd && dto.conventionEnd < dto.conventionStart) {
      refuse(
        'La fin de la convention précède son début.',
        'conventionEnd',
        'doit suivre le début de la convention',
      );
    }
    const isReplacement = dto.type === 'CDD' && dto.reason === 'replacement';
    // L1242-12 1°: a replacement CDD names the absent employee; the carence's exemption for a
    // new absence of the same employee (L1244-4-1 1°) reads it.
    if (isReplacement && !dto.replacedPersonId)
      refuse(
        'Un CDD de remplacement indique la personne remplacée (C. trav., art. L1242-12 1°).',
        'replacedPersonId',
        'personne remplacée obligatoire pour un remplacement',
      );
    if (!isReplacement && dto.replacedPersonId)
      refuse(
        'Seul un CDD de remplacement indique une personne remplacée : à laisser vide pour ce contrat.',
        'replacedPersonId',
        'à laisser vide hors remplacement',
      );
  }

  /**
   * Employees the tutor already follows during the contract under a contract of the same kind
   * (CUI for a PEC, R5134-38; contrat de professionnalisation, D6325-9), `excluded` ones aside.
   */
  private async tutorLoad(
    manager: EntityManager,
    tutorId: string,
    type: ContractType,
    start: string,
    end: string | null,
    excluded: string[],
  ): Promise<number> {
    const rows = await manager.find(ContractEntity, { where: { tutorId, type } });
    return new Set(
      rows
        .filter(
          (row) =>
            !excluded.includes(row.id) &&
            row.startDate <= (end ?? '9999-12-31') &&
            (row.endDate ?? '9999-12-31') >= start,
        )
        .map((row) => row.personId),
    ).size;
  }
}
