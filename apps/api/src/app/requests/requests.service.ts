import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LeaveBalance, StaffRequest } from '@relais/api-types';
import { formatDate, joursOuvrables, leaveBalanceWarning } from '@relais/rules';
import { DataSource } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AbsenceEntity } from '../people/absence.entity';
import { PeopleService } from '../people/people.service';
import { PersonEntity } from '../people/person.entity';
import { UnavailabilityEntity } from '../people/unavailability.entity';
import { CreateRequestDto, DecideRequestDto } from './dto/requests.dto';
import { LeaveBalanceService } from './leave-balance.service';
import { StaffRequestEntity } from './staff-request.entity';

function toRequest(
  entity: StaffRequestEntity,
  person: PersonEntity,
  balance?: LeaveBalance,
): StaffRequest {
  const leaveDays =
    entity.kind === 'leave' ? joursOuvrables(entity.startDate, entity.endDate) : null;
  const remainingDays = leaveDays !== null && balance ? balance.remainingDays : null;
  return {
    id: entity.id,
    personId: entity.personId,
    personName: `${person.firstName} ${person.lastName}`,
    kind: entity.kind,
    start: entity.startDate,
    end: entity.endDate,
    weekday: entity.weekday,
    startTime: entity.startTime,
    endTime: entity.endTime,
    comment: entity.comment,
    status: entity.status,
    reply: entity.reply,
    decidedAt: entity.decidedAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
    leaveDays,
    remainingDays,
    balanceWarning:
      leaveDays !== null && remainingDays !== null && entity.status === 'pending'
        ? leaveBalanceWarning(remainingDays, leaveDays)
        : null,
  };
}

@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
    private readonly balances: LeaveBalanceService,
  ) {}

  async list(user: AuthUser, status?: StaffRequest['status']): Promise<StaffRequest[]> {
    const query = this.dataSource
      .getRepository(StaffRequestEntity)
      .createQueryBuilder('request')
      .innerJoinAndMapOne('request.person', PersonEntity, 'person', 'person.id = request.person_id')
      .where('request.organisation_id = :organisationId', { organisationId: user.organisationId })
      .orderBy('request.start_date', 'ASC');
    if (status) query.andWhere('request.status = :status', { status });
    if (user.role === 'mediator')
      query.andWhere('request.person_id = :personId', { personId: user.personId });
    if (user.role === 'manager') {
      query.andWhere('(person.home_site_id IN (:...siteIds) OR request.person_id = :personId)', {
        siteIds: user.siteIds.length ? user.siteIds : ['00000000-0000-0000-0000-000000000000'],
        personId: user.personId,
      });
    }
    const rows = (await query.getMany()) as (StaffRequestEntity & { person: PersonEntity })[];
    const today = todayIn(user.timeZone);
    const balances = new Map<string, LeaveBalance>();
    for (const personId of new Set(
      rows.filter((row) => row.kind === 'leave').map((row) => row.personId),
    )) {
      balances.set(
        personId,
        await this.balances.balanceOf(this.dataSource.manager, personId, today),
      );
    }
    return rows.map((row) => toRequest(row, row.person, balances.get(row.personId)));
  }

  /** A person asks for leave or an unavailability for themselves. */
  async create(user: AuthUser, dto: CreateRequestDto): Promise<StaffRequest> {
    if (dto.end < dto.start) refuse('La fin précède le début.', 'end', 'doit suivre le début');
    if (dto.start < todayIn())
      refuse('Une demande ne peut pas porter sur le passé.', 'start', 'date passée');
    const isRecurring = dto.weekday !== undefined && dto.weekday !== null;
    if (dto.kind === 'unavailability' && isRecurring && (!dto.startTime || !dto.endTime)) {
      refuse(
        'Une indisponibilité récurrente précise ses heures.',
        'startTime',
        'heures de début et de fin obligatoires',
      );
    }
    if (dto.startTime && dto.endTime && dto.endTime <= dto.startTime)
      refuse('L’heure de fin précède celle de début.', 'endTime', 'doit suivre l’heure de début');
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [user.personId]);
      const overlapping = await manager
        .getRepository(StaffRequestEntity)
        .createQueryBuilder('request')
        .where('request.person_id = :personId', { personId: user.personId })
        .andWhere("request.status IN ('pending', 'approved')")
        .andWhere('request.kind = :kind', { kind: dto.kind })
        .andWhere('request.start_date <= :end AND request.end_date >= :start', {
          start: dto.start,
          end: dto.end,
        })
        .getOne();
      if (overlapping && dto.kind === 'leave') {
        refuse(
          'Ces dates chevauchent une demande déjà faite ou approuvée.',
          'start',
          'chevauche une autre demande',
        );
      }
      const approved = await manager
        .getRepository(StaffRequestEntity)
        .createQueryBuilder('request')
        .where("request.person_id = :personId AND request.status = 'approved'", {
          personId: user.personId,
        })
        .andWhere('request.start_date <= :end AND request.end_date >= :start', {
          start: dto.start,
          end: dto.end,
        })
        .getMany();
      if (approved.some((other) => overlapsApproved(other, dto))) {
        refuse(
          'Ces dates chevauchent une demande déjà approuvée.',
          'start',
          'chevauche une demande approuvée',
        );
      }
      const person = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
      const saved = await manager.save(
        manager.create(StaffRequestEntity, {
          organisationId: user.organisationId,
          personId: user.personId,
          kind: dto.kind,
          startDate: dto.start,
          endDate: dto.end,
          weekday: dto.weekday ?? null,
          startTime: dto.startTime ?? null,
          endTime: dto.endTime ?? null,
          comment: dto.comment ?? null,
          status: 'pending',
          reply: null,
          decidedBy: null,
          decidedAt: null,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'request.create',
        entity: 'staff_request',
        entityId: saved.id,
        details: { kind: dto.kind, start: dto.start, end: dto.end },
      });
      // The managers of the person's site get one message and one e-mail: it waits for them.
      if (person.homeSiteId)
        await this.notifications.notifySiteManagers(
          manager,
          [person.homeSiteId],
          [user.personId],
          'request_filed',
          dto.kind === 'leave'
            ? 'Demande de congé à décider'
            : 'Demande d’indisponibilité à décider',
          `${person.firstName} ${person.lastName} demande ${dto.kind === 'leave' ? 'un congé' : 'une indisponibilité'} du ${formatDate(dto.start)} au ${formatDate(dto.end)} : la demande attend votre décision.`,
          '/a-decider',
        );
      // Leave beyond the balance is still asked for: the answer warns, the manager decides.
      const balance =
        dto.kind === 'leave'
          ? await this.balances.balanceOf(manager, user.personId, todayIn(user.timeZone))
          : undefined;
      return toRequest(saved, person, balance);
    });
  }

  /** The manager of the person's site (or HR) approves or refuses; approval creates the absence. */
  async decide(user: AuthUser, id: string, dto: DecideRequestDto): Promise<StaffRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager
        .getRepository(StaffRequestEntity)
        .createQueryBuilder('request')
        .setLock('pessimistic_write')
        .where('request.id = :id AND request.organisation_id = :organisationId', {
          id,
          organisationId: user.organisationId,
        })
        .getOne();
      if (!request) throw new NotFoundException('Demande introuvable.');
      const person = await this.people.findInOrganisation(user, request.personId, manager);
      this.access.requireDecideRequest(user, person);
      if (request.status !== 'pending')
        throw new ConflictException('Cette demande a déjà été traitée.');
      request.status = dto.status;
      request.reply = dto.reply ?? null;
      request.decidedBy = user.accountId;
      request.decidedAt = new Date();
      await manager.save(request);
      if (dto.status === 'approved') {
        if (request.kind === 'leave') {
          await manager.save(
            manager.create(AbsenceEntity, {
              organisationId: request.organisationId,
              personId: request.personId,
              kind: 'leave',
              startDate: request.startDate,
              endDate: request.endDate,
              reason: null,
            }),
          );
        } else if (request.weekday !== null && request.startTime && request.endTime) {
          await manager.save(
            manager.create(UnavailabilityEntity, {
              organisationId: request.organisationId,
              personId: request.personId,
              weekday: request.weekday,
              startTime: request.startTime,
              endTime: request.endTime,
              fromDate: request.startDate,
              untilDate: request.endDate,
            }),
          );
        } else {
          await manager.save(
            manager.create(AbsenceEntity, {
              organisationId: request.organisationId,
              personId: request.personId,
              kind: 'other',
              startDate: request.startDate,
              endDate: request.endDate,
              reason: 'Indisponibilité',
            }),
          );
        }
      }
      await this.audit.record(manager, user, {
        action: `request.${dto.status === 'approved' ? 'approve' : 'refuse'}`,
        entity: 'staff_request',
        entityId: id,
        details: { personId: request.personId },
      });
      await this.notifications.notify(
        manager,
        [request.personId],
        'request_decided',
        dto.status === 'approved' ? 'Demande approuvée' : 'Demande refusée',
        `Votre demande du ${formatDate(request.startDate)} au ${formatDate(request.endDate)} est ${dto.status === 'approved' ? 'approuvée' : 'refusée'}.${request.reply ? ` Réponse : ${request.reply}` : ''}`,
        '/demandes',
      );
      const balance =
        request.kind === 'leave'
          ? await this.balances.balanceOf(manager, request.personId, todayIn(user.timeZone))
          : undefined;
      return toRequest(request, person, balance);
    });
  }
}

/**
 * Whether a new request collides with an approved one whose dates it overlaps: two dated
 * requests, or two weekly recurrences on the same weekday with overlapping hours.
 */
function overlapsApproved(approved: StaffRequestEntity, dto: CreateRequestDto): boolean {
  const isRecurring = dto.weekday !== undefined && dto.weekday !== null;
  if (approved.weekday === null && !isRecurring) return true;
  if (approved.weekday === null || !isRecurring) return false;
  return (
    approved.weekday === dto.weekday &&
    !!approved.startTime &&
    !!approved.endTime &&
    !!dto.startTime &&
    !!dto.endTime &&
    approved.startTime < dto.endTime &&
    dto.startTime < approved.endTime
  );
}
