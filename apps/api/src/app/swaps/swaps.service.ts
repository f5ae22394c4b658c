// Over 450 lines on purpose: a swap is one state machine (offered → accepted → approved or
// refused, cancelled) whose steps share its locks, its published-copy checks and its messages.
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Shift, ShiftSwap, SwapStatus, Violation } from '@relais/api-types';
import {
  civilDate,
  formatDayLabel,
  formatTime,
  isoWeekOfInstant,
  RULES_WAIVED_FOR_SWAPS,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { LocationEntity } from '../organisation/location.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';
import { RotaPublicationEntity } from '../rota/rota-publication.entity';
import { RotaService } from '../rota/rota.service';
import { ShiftEntity } from '../rota/shift.entity';
import { SiteWeekEntity } from '../rota/site-week.entity';
import { SiteWeekLoader } from '../rota/site-week/site-week.loader';
import { CreateSwapDto, DecideSwapDto } from './dto/swaps.dto';
import { ShiftSwapEntity } from './shift-swap.entity';

const OPEN: SwapStatus[] = ['offered', 'accepted'];

function violationKey(violation: Violation): string {
  return `${violation.rule}|${violation.personId ?? ''}|${[...violation.shiftIds].sort().join(',')}`;
}

function slotLabel(start: Date, end: Date, timeZone: string): string {
  return `${formatDayLabel(civilDate(start.getTime(), timeZone))} ${formatTime(start.getTime(), timeZone)}–${formatTime(end.getTime(), timeZone)}`;
}

/**
 * Shift swaps: a person offers a published shift, the colleague accepts, the manager of the
 * site approves. Approval re-checks the week with the rules engine, moves the shift and
 * publishes that one change (a new version of the site-week), all in one transaction.
 */
@Injectable()
export class SwapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rota: RotaService,
    private readonly loader: SiteWeekLoader,
  ) {}

  async list(user: AuthUser, status?: SwapStatus): Promise<ShiftSwap[]> {
    const query = this.dataSource
      .getRepository(ShiftSwapEntity)
      .createQueryBuilder('swap')
      .innerJoin(ShiftEntity, 'shift', 'shift.id = swap.shift_id')
      .where('swap.organisation_id = :organisationId', { organisationId: user.organisationId })
      .orderBy('swap.created_at', 'DESC')
      .take(200);
    if (status) query.andWhere('swap.status = :status', { status });
    if (user.role === 'mediator') {
      query.andWhere('(swap.from_person_id = :me OR swap.to_person_id = :me)', {
        me: user.personId,
      });
    } else if (user.role === 'manager') {
      query.andWhere(
        '(shift.site_id IN (:...siteIds) OR swap.from_person_id = :me OR swap.to_person_id = :me)',
        {
          siteIds: user.siteIds.length ? user.siteIds : ['00000000-0000-0000-0000-000000000000'],
          me: user.personId,
        },
      );
    }
    return this.views(this.dataSource.manager, user, await query.getMany());
  }

  async offer(user: AuthUser, dto: CreateSwapDto): Promise<ShiftSwap> {
    if (dto.toPersonId === user.personId)
      refuse('Choisissez une autre personne que vous-même.', 'toPersonId', 'vous-même');
    return this.dataSource.transaction(async (manager) => {
      const shift = await this.lockShift(manager, user, dto.shiftId);
      const published = shift ? await this.publishedCopy(manager, shift, user.timeZone) : null;
      if (!shift || published?.personId !== user.personId || shift.personId !== user.personId)
        throw new NotFoundException('Créneau introuvable parmi vos créneaux publiés.');
      if (shift.version !== dto.version || published.version !== dto.version) {
        throw new ConflictException(
          'Ce créneau a changé depuis votre lecture : rechargez votre semaine.',
        );
      }
      if (shift.startAt.getTime() <= Date.now())
        refuse('Ce créneau a déjà commencé : il ne peut plus être échangé.', 'shiftId', 'passé');
      const colleague = await manager.findOneBy(PersonEntity, {
        id: dto.toPersonId,
        organisationId: user.organisationId,
      });
      const me = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
      if (!colleague || colleague.homeSiteId === null || colleague.homeSiteId !== me.homeSiteId) {
        refuse(
          'Proposez le créneau à une personne de votre site.',
          'toPersonId',
          'personne inconnue ou d’un autre site',
        );
      }
      const open = await manager.existsBy(ShiftSwapEntity, {
        shiftId: shift.id,
        status: In(OPEN),
      });
      if (open) throw new ConflictException('Un échange de ce créneau est déjà en cours.');
      const saved = await manager.save(
        manager.create(ShiftSwapEntity, {
          organisationId: user.organisationId,
          shiftId: shift.id,
          shiftVersion: shift.version,
          fromPersonId: user.personId,
          toPersonId: colleague.id,
          status: 'offered',
          message: dto.message?.trim() || null,
          reply: null,
          violations: [],
          acceptedAt: null,
          decidedBy: null,
          decidedAt: null,
        }),
      );
      await this.record(manager, user, 'swap.offer', saved, shift);
      await this.notifications.notify(
        manager,
        [colleague.id],
        'swap_offered',
        'Un créneau vous est proposé',
        `${me.firstName} ${me.lastName} vous propose son créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)}.`,
        '/echanges',
      );
      return (await this.views(manager, user, [saved]))[0];
    });
  }

  async accept(user: AuthUser, id: string): Promise<ShiftSwap> {
    return this.dataSource.transaction(async (manager) => {
      const swap = await this.lockSwap(manager, user, id);
      if (swap.toPersonId !== user.personId)
        throw new ForbiddenException(
          'Seule la personne à qui le créneau est proposé peut accepter.',
        );
      if (swap.status !== 'offered') throw new ConflictException('Cet échange a déjà été traité.');
      const shift = await manager.findOneByOrFail(ShiftEntity, { id: swap.shiftId });
      swap.status = 'accepted';
      swap.acceptedAt = new Date();
      await manager.save(swap);
      await this.record(manager, user, 'swap.accept', swap, shift);
      const managers: { person_id: string }[] = await manager.query(
        'SELECT person_id FROM manager_site WHERE site_id = $1',
        [shift.siteId],
      );
      await this.notifications.notify(
        manager,
        [swap.fromPersonId, ...managers.map((row) => row.person_id)],
        'swap_accepted',
        'Échange de créneau accepté',
        `${user.firstName} ${user.lastName} reprend le créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)} ; il attend la décision du ou de la responsable.`,
        '/echanges',
      );
      return (await this.views(manager, user, [swap]))[0];
    });
  }

  async cancel(user: AuthUser, id: string): Promise<ShiftSwap> {
    return this.dataSource.transaction(async (manager) => {
      const swap = await this.lockSwap(manager, user, id);
      if (swap.fromPersonId !== user.personId && swap.toPersonId !== user.personId)
        throw new ForbiddenException('Seules les deux personnes de l’échange peuvent l’annuler.');
      if (!OPEN.includes(swap.status)) throw new ConflictException('Cet échange est déjà clos.');
      const shift = await manager.findOneByOrFail(ShiftEntity, { id: swap.shiftId });
      swap.status = 'cancelled';
      await manager.save(swap);
      await this.record(manager, user, 'swap.cancel', swap, shift);
      const other = swap.fromPersonId === user.personId ? swap.toPersonId : swap.fromPersonId;
      await this.notifications.notify(
        manager,
        [other],
        'swap_decided',
        'Échange de créneau annulé',
        `${user.firstName} ${user.lastName} a annulé l’échange du créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)}.`,
        '/echanges',
      );
      return (await this.views(manager, user, [swap]))[0];
    });
  }

  async decide(user: AuthUser, id: string, dto: DecideSwapDto): Promise<ShiftSwap> {
    try {
      return await this.dataSource.transaction((manager) => this.decideIn(manager, user, id, dto));
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new ConflictException(
          'Échange impossible : la personne qui reprend le créneau travaille déjà à ce moment-là.',
        );
      }
      if (error instanceof UnprocessableEntityException) {
        const body = error.getResponse() as { violations?: Violation[] };
        if (body.violations) {
          // The refusal is kept on the swap so both people and the manager see why.
          await this.dataSource
            .getRepository(ShiftSwapEntity)
            .update({ id, organisationId: user.organisationId }, { violations: body.violations });
        }
      }
      throw error;
    }
  }

  private async decideIn(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    dto: DecideSwapDto,
  ): Promise<ShiftSwap> {
    const swap = await this.lockSwap(manager, user, id);
    const current = await manager.findOneBy(ShiftEntity, { id: swap.shiftId });
    if (!current)
      throw new ConflictException('Ce créneau a été supprimé : l’échange ne peut plus se faire.');
    this.access.requireSite(user, current.siteId, 'write');
    if (swap.fromPersonId === user.personId || swap.toPersonId === user.personId)
      throw new ForbiddenException('Un ou une autre responsable doit décider de cet échange.');
    if (swap.status === 'offered')
      throw new ConflictException('La personne sollicitée n’a pas encore accepté cet échange.');
    if (swap.status !== 'accepted') throw new ConflictException('Cet échange a déjà été traité.');
    const week = isoWeekOfInstant(current.startAt.getTime(), user.timeZone);
    const slot = slotLabel(current.startAt, current.endAt, user.timeZone);
    if (dto.status === 'refused') {
      Object.assign(swap, {
        status: 'refused',
        reply: dto.reply?.trim() || null,
        decidedBy: user.accountId,
        decidedAt: new Date(),
      });
      await manager.save(swap);
      await this.record(manager, user, 'swap.refuse', swap, current);
      await this.notifications.notify(
        manager,
        [swap.fromPersonId, swap.toPersonId],
        'swap_decided',
        'Échange de créneau refusé',
        `L’échange du créneau du ${slot} est refusé.${swap.reply ? ` Réponse : ${swap.reply}` : ''}`,
        '/echanges',
      );
      return (await this.views(manager, user, [swap]))[0];
    }
    const siteWeek = await this.loader.lockSiteWeek(
      manager,
      user.organisationId,
      current.siteId,
      week,
    );
    const shift = await manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id: swap.shiftId })
      .getOneOrFail();
    const publication = await manager.findOneBy(RotaPublicationEntity, {
      siteWeekId: siteWeek.id,
      version: siteWeek.version,
    });
    const published = publication?.shifts.find((candidate) => candidate.id === shift.id);
    if (
      shift.version !== swap.shiftVersion ||
      shift.personId !== swap.fromPersonId ||
      !publication ||
      published?.version !== swap.shiftVersion
    ) {
      throw new ConflictException(
        'Ce créneau a été modifié depuis la proposition d’échange : l’échange ne peut plus se faire tel quel.',
      );
    }
    const blocking = (violations: Violation[]) =>
      violations.filter(
        (violation) =>
          violation.severity === 'block' && !RULES_WAIVED_FOR_SWAPS.has(violation.rule),
      );
    const before = new Set(
      blocking(
        (await this.rota.checkInTransaction(manager, user, shift.siteId, week)).violations,
      ).map(violationKey),
    );
    const moved = await manager
      .createQueryBuilder()
      .update(ShiftEntity)
      .set({ personId: swap.toPersonId, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: shift.id, version: swap.shiftVersion })
      .execute();
    if (moved.affected !== 1) throw new ConflictException('Ce créneau vient d’être modifié.');
    const after = await this.rota.checkInTransaction(manager, user, shift.siteId, week);
    const created = blocking(after.violations).filter(
      (violation) => !before.has(violationKey(violation)),
    );
    if (created.length > 0) {
      throw new UnprocessableEntityException({
        message: `Échange refusé par les règles : ${created.length} contrôle(s) bloquant(s) — ${created[0].message}`,
        details: { violations: created },
        violations: created,
      });
    }
    const updated = await manager.findOneByOrFail(ShiftEntity, { id: shift.id });
    // Only this change is published: other draft edits of the week stay drafts.
    const snapshot: Shift[] = publication.shifts.map((candidate) =>
      candidate.id === shift.id
        ? { ...candidate, personId: updated.personId, version: updated.version }
        : candidate,
    );
    const version = siteWeek.version + 1;
    const publishedAt = new Date();
    await manager.save(
      manager.create(RotaPublicationEntity, {
        organisationId: user.organisationId,
        siteWeekId: siteWeek.id,
        version,
        publishedBy: user.accountId,
        shifts: snapshot,
        justification: `Échange de créneau approuvé (${swap.id})`,
      }),
    );
    await manager.update(
      SiteWeekEntity,
      { id: siteWeek.id },
      { status: 'published', version, publishedAt, publishedBy: user.accountId },
    );
    await this.audit.record(manager, user, {
      action: 'shift.update',
      entity: 'shift',
      entityId: shift.id,
      details: {
        siteId: shift.siteId,
        week,
        swapId: swap.id,
        before: { personId: swap.fromPersonId },
        after: { personId: swap.toPersonId },
      },
    });
    await this.audit.record(manager, user, {
      action: 'rota.publish',
      entity: 'site_week',
      entityId: siteWeek.id,
      details: {
        siteId: shift.siteId,
        week,
        version,
        swapId: swap.id,
        notified: [swap.fromPersonId, swap.toPersonId],
      },
    });
    Object.assign(swap, {
      status: 'approved',
      reply: dto.reply?.trim() || null,
      decidedBy: user.accountId,
      decidedAt: publishedAt,
      violations: [],
    });
    await manager.save(swap);
    await this.record(manager, user, 'swap.approve', swap, updated);
    await this.notifications.notify(
      manager,
      [swap.fromPersonId, swap.toPersonId],
      'swap_decided',
      'Échange de créneau approuvé',
      `L’échange du créneau du ${slot} est approuvé : le planning publié est à jour.`,
      '/ma-semaine',
    );
    return (await this.views(manager, user, [swap]))[0];
  }

  private async lockShift(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<ShiftEntity | null> {
    return manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.organisation_id = :organisationId', {
        id,
        organisationId: user.organisationId,
      })
      .getOne();
  }

  private async lockSwap(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<ShiftSwapEntity> {
    const swap = await manager
      .getRepository(ShiftSwapEntity)
      .createQueryBuilder('swap')
      .setLock('pessimistic_write')
      .where('swap.id = :id AND swap.organisation_id = :organisationId', {
        id,
        organisationId: user.organisationId,
      })
      .getOne();
    const isVisible =
      swap &&
      (swap.fromPersonId === user.personId ||
        swap.toPersonId === user.personId ||
        this.access.isOrganisationWide(user.role) ||
        (user.role === 'manager' &&
          (await manager.existsBy(ShiftEntity, { id: swap.shiftId, siteId: In(user.siteIds) }))));
    if (!swap || !isVisible) throw new NotFoundException('Échange introuvable.');
    return swap;
  }

  /** The shift as the latest publication of its week shows it. */
  private async publishedCopy(
    manager: EntityManager,
    shift: ShiftEntity,
    timeZone: string,
  ): Promise<Shift | null> {
    const week = isoWeekOfInstant(shift.startAt.getTime(), timeZone);
    const [row] = await manager.query(
      `SELECT p.shifts FROM site_week sw JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version
        WHERE sw.site_id = $1 AND sw.week = $2`,
      [shift.siteId, week],
    );
    return (
      (row?.shifts as Shift[] | undefined)?.find((candidate) => candidate.id === shift.id) ?? null
    );
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    action: string,
    swap: ShiftSwapEntity,
    shift: ShiftEntity,
  ): Promise<void> {
    await this.audit.record(manager, user, {
      action,
      entity: 'shift_swap',
      entityId: swap.id,
      details: {
        shiftId: shift.id,
        siteId: shift.siteId,
        week: isoWeekOfInstant(shift.startAt.getTime(), user.timeZone),
        fromPersonId: swap.fromPersonId,
        toPersonId: swap.toPersonId,
      },
    });
  }

  private async views(
    manager: EntityManager,
    user: AuthUser,
    swaps: ShiftSwapEntity[],
  ): Promise<ShiftSwap[]> {
    if (swaps.length === 0) return [];
    const live = await manager.findBy(ShiftEntity, {
      id: In([...new Set(swaps.map((swap) => swap.shiftId))]),
    });
    // A mediator knows a shift as its week's last publication shows it, never a draft move.
    const shifts = user.role === 'mediator' ? await this.asPublished(manager, live) : live;
    const people = await manager.findBy(PersonEntity, {
      id: In([...new Set(swaps.flatMap((swap) => [swap.fromPersonId, swap.toPersonId]))]),
    });
    const locations = shifts.length
      ? await manager.findBy(LocationEntity, {
          id: In([...new Set(shifts.map((shift) => shift.locationId))]),
        })
      : [];
    const sites = shifts.length
      ? await manager.findBy(SiteEntity, {
          id: In([...new Set(shifts.map((shift) => shift.siteId))]),
        })
      : [];
    const shiftOf = new Map(shifts.map((row) => [row.id, row]));
    const person = new Map(people.map((row) => [row.id, row]));
    const location = new Map(locations.map((row) => [row.id, row]));
    const site = new Map(sites.map((row) => [row.id, row]));
    const name = (id: string) => {
      const row = person.get(id);
      return row ? `${row.firstName} ${row.lastName}` : '';
    };
    return swaps.map((swap) => {
      const shift = shiftOf.get(swap.shiftId);
      return {
        id: swap.id,
        status: swap.status,
        shiftId: swap.shiftId,
        siteId: shift?.siteId ?? '',
        siteName: (shift && site.get(shift.siteId)?.name) ?? '',
        locationName: (shift && location.get(shift.locationId)?.name) ?? '',
        activity: shift?.activity ?? 'accueil',
        start: shift ? toZonedIso(shift.startAt) : '',
        end: shift ? toZonedIso(shift.endAt) : '',
        fromPersonId: swap.fromPersonId,
        fromPersonName: name(swap.fromPersonId),
        toPersonId: swap.toPersonId,
        toPersonName: name(swap.toPersonId),
        message: swap.message,
        reply: swap.reply,
        createdAt: swap.createdAt.toISOString(),
        decidedAt: swap.decidedAt?.toISOString() ?? null,
        // The approval's checks read the manager's live week: not a mediator's to see.
        violations: user.role === 'mediator' ? [] : swap.violations,
      };
    });
  }

  /** The shifts as the latest publication of their site-week holds them (absent if not there). */
  private async asPublished(manager: EntityManager, shifts: ShiftEntity[]): Promise<ShiftEntity[]> {
    if (shifts.length === 0) return [];
    const rows: { shift: Shift }[] = await manager.query(
      `SELECT e.value AS shift
         FROM site_week sw
         JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version
         CROSS JOIN LATERAL jsonb_array_elements(p.shifts) e
        WHERE sw.site_id = ANY($1::uuid[]) AND e.value->>'id' = ANY($2::text[])
        ORDER BY p.published_at`,
      [[...new Set(shifts.map((shift) => shift.siteId))], shifts.map((shift) => shift.id)],
    );
    // A shift moved to another week may sit in two publications: the latest one says where.
    const latest = new Map(rows.map(({ shift }) => [shift.id, shift]));
    return [...latest.values()].map((shift) =>
      manager.create(ShiftEntity, {
        id: shift.id,
        siteId: shift.siteId,
        locationId: shift.locationId,
        activity: shift.activity,
        startAt: new Date(shift.start),
        endAt: new Date(shift.end),
      }),
    );
  }
}
