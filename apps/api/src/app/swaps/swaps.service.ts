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
import type {
  ExchangeableShift,
  Shift,
  ShiftSwap,
  SwapCounterShift,
  SwapStatus,
  Violation,
} from '@relais/api-types';
import { civilDate, formatDayLabel, formatTime, isoWeekOf, isoWeekOfInstant } from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PublishedShiftsService } from '../me/published-shifts.service';
import { NotificationsService } from '../notifications/notifications.service';
import { placesOf } from '../organisation/places-of';
import { PersonEntity } from '../people/person.entity';
import { auditSnapshot } from '../rota/rota.mapper';
import { MovesPreview, ShiftMove, ShiftMovesService } from '../rota/shift-moves.service';
import { ShiftEntity } from '../rota/shift.entity';
import { CreateSwapDto, DecideSwapDto } from './dto/swaps.dto';
import { ShiftSwapEntity } from './shift-swap.entity';

const OPEN: SwapStatus[] = ['offered', 'accepted'];

const STALE =
  'Ce créneau a été modifié depuis la proposition d’échange : l’échange ne peut plus se faire tel quel.';

function slotLabel(start: Date, end: Date, timeZone: string): string {
  return `${formatDayLabel(civilDate(start.getTime(), timeZone))} ${formatTime(start.getTime(), timeZone)}–${formatTime(end.getTime(), timeZone)}`;
}

/** The moves a swap makes: my shift to the colleague and, in an exchange, hers to me. */
function movesOf(swap: ShiftSwapEntity): ShiftMove[] {
  const moves: ShiftMove[] = [
    {
      shiftId: swap.shiftId,
      version: swap.shiftVersion,
      fromPersonId: swap.fromPersonId,
      toPersonId: swap.toPersonId,
    },
  ];
  if (swap.counterShiftId && swap.counterShiftVersion !== null)
    moves.push({
      shiftId: swap.counterShiftId,
      version: swap.counterShiftVersion,
      fromPersonId: swap.toPersonId,
      toPersonId: swap.fromPersonId,
    });
  return moves;
}

/**
 * Shift swaps: a person offers a published shift (alone, or in exchange for one of the
 * colleague's), the colleague accepts, the manager of the site approves. Approval re-checks every
 * week touched with the rules engine for both people, moves the shifts and publishes those
 * changes alone (a new version of each site-week), all in one transaction.
 */
@Injectable()
export class SwapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly moves: ShiftMovesService,
    private readonly published: PublishedShiftsService,
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
      const colleague = await this.requireColleague(manager, user, dto.toPersonId);
      const me = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
      await this.checkCanTake(manager, colleague, shift, user.timeZone);
      const counter = dto.counterShiftId
        ? await this.lockCounterShift(manager, user, dto, colleague.id)
        : null;
      if (await this.isInOpenSwap(manager, [shift.id, ...(counter ? [counter.id] : [])]))
        throw new ConflictException('Un échange de ce créneau est déjà en cours.');
      const saved = await manager.save(
        manager.create(ShiftSwapEntity, {
          organisationId: user.organisationId,
          shiftId: shift.id,
          shiftVersion: shift.version,
          counterShiftId: counter?.id ?? null,
          counterShiftVersion: counter?.version ?? null,
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
        counter ? 'Un échange de créneaux vous est proposé' : 'Un créneau vous est proposé',
        counter
          ? `${me.firstName} ${me.lastName} vous propose son créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)} contre le vôtre du ${slotLabel(counter.startAt, counter.endAt, user.timeZone)}.`
          : `${me.firstName} ${me.lastName} vous propose son créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)}.`,
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
      const counter = swap.counterShiftId
        ? await manager.findOneBy(ShiftEntity, { id: swap.counterShiftId })
        : null;
      const what = counter
        ? `échange le créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)} contre le sien du ${slotLabel(counter.startAt, counter.endAt, user.timeZone)}`
        : `reprend le créneau du ${slotLabel(shift.startAt, shift.endAt, user.timeZone)}`;
      await this.notifications.notify(
        manager,
        [swap.fromPersonId],
        'swap_accepted',
        'Échange de créneau accepté',
        `${user.firstName} ${user.lastName} ${what} ; il attend la décision du ou de la responsable.`,
        '/echanges',
      );
      // The site's managers get one message and one e-mail: a swap waits for their decision.
      await this.notifications.notifySiteManagers(
        manager,
        [...new Set([shift.siteId, ...(counter ? [counter.siteId] : [])])],
        [swap.fromPersonId, swap.toPersonId],
        'swap_accepted',
        'Échange de créneau à décider',
        `${user.firstName} ${user.lastName} ${what} : l’échange attend votre décision.`,
        '/a-decider',
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
    const counter = swap.counterShiftId
      ? await manager.findOneBy(ShiftEntity, { id: swap.counterShiftId })
      : null;
    // An exchange across two sites is decided by someone who runs both.
    if (counter) this.access.requireSite(user, counter.siteId, 'write');
    if (swap.fromPersonId === user.personId || swap.toPersonId === user.personId)
      throw new ForbiddenException('Un ou une autre responsable doit décider de cet échange.');
    if (swap.status === 'offered')
      throw new ConflictException('La personne sollicitée n’a pas encore accepté cet échange.');
    if (swap.status !== 'accepted') throw new ConflictException('Cet échange a déjà été traité.');
    const slot = counter
      ? `${slotLabel(current.startAt, current.endAt, user.timeZone)} (contre celui du ${slotLabel(counter.startAt, counter.endAt, user.timeZone)})`
      : slotLabel(current.startAt, current.endAt, user.timeZone);
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
    const applied = await this.moves.apply(manager, user, movesOf(swap), STALE);
    if (applied.created.length > 0) {
      const created = applied.created;
      throw new UnprocessableEntityException({
        message: `Échange refusé par les règles : ${created.length} contrôle(s) bloquant(s) — ${created[0].message}`,
        details: { violations: created },
        violations: created,
      });
    }
    await this.moves.publish(manager, user, applied, `Échange de créneau approuvé (${swap.id})`, {
      swapId: swap.id,
    });
    Object.assign(swap, {
      status: 'approved',
      reply: dto.reply?.trim() || null,
      decidedBy: user.accountId,
      decidedAt: new Date(),
      violations: [],
    });
    await manager.save(swap);
    await this.record(manager, user, 'swap.approve', swap, current);
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

  /** The rules' verdict on approving an accepted swap now (nothing is changed). */
  async preview(user: AuthUser, swap: ShiftSwap): Promise<MovesPreview> {
    const entity = await this.dataSource
      .getRepository(ShiftSwapEntity)
      .findOneByOrFail({ id: swap.id, organisationId: user.organisationId });
    return this.moves.preview(user, movesOf(entity), STALE);
  }

  /**
   * A colleague's published shifts still to come that I may ask in exchange for mine (a colleague
   * of my home site, as for a one-way swap); never training sessions.
   */
  async exchangeable(user: AuthUser, toPersonId: string): Promise<ExchangeableShift[]> {
    const manager = this.dataSource.manager;
    await this.requireColleague(manager, user, toPersonId);
    const today = civilDate(Date.now(), user.timeZone);
    const publications = await this.published.forPerson(
      manager,
      user.organisationId,
      toPersonId,
      isoWeekOf(today),
      null,
    );
    const shifts = publications.current.filter(
      (shift) =>
        new Date(shift.start).getTime() > Date.now() &&
        shift.activity !== 'training' &&
        !shift.trainingSessionId,
    );
    const places = await this.places(
      manager,
      shifts.map((shift) => ({ siteId: shift.siteId, locationId: shift.locationId })),
    );
    return shifts.slice(0, 60).map((shift) => ({
      id: shift.id,
      version: shift.version,
      siteName: places.site(shift.siteId),
      locationName: places.location(shift.locationId),
      activity: shift.activity,
      start: shift.start,
      end: shift.end,
    }));
  }

  /** A colleague of my home site (the only people I may offer a shift to). */
  private async requireColleague(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
  ): Promise<PersonEntity> {
    const colleague = await manager.findOneBy(PersonEntity, {
      id: personId,
      organisationId: user.organisationId,
    });
    const me = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
    if (
      !colleague ||
      colleague.id === me.id ||
      colleague.homeSiteId === null ||
      colleague.homeSiteId !== me.homeSiteId
    ) {
      refuse(
        'Proposez le créneau à une personne de votre site.',
        'toPersonId',
        'personne inconnue ou d’un autre site',
      );
    }
    return colleague;
  }

  /** The colleague's shift asked in exchange: hers as published, to come, unchanged since read. */
  private async lockCounterShift(
    manager: EntityManager,
    user: AuthUser,
    dto: CreateSwapDto,
    colleagueId: string,
  ): Promise<ShiftEntity> {
    if (dto.counterShiftId === dto.shiftId)
      refuse('Choisissez un créneau de votre collègue.', 'counterShiftId', 'le même créneau');
    if (dto.counterVersion === undefined || dto.counterVersion === null)
      refuse(
        'Précisez la version du créneau demandé en échange.',
        'counterVersion',
        'version attendue',
      );
    const counter = await this.lockShift(manager, user, dto.counterShiftId as string);
    const published = counter ? await this.publishedCopy(manager, counter, user.timeZone) : null;
    if (!counter || counter.personId !== colleagueId || published?.personId !== colleagueId)
      refuse(
        'Ce créneau ne fait pas partie des créneaux publiés de votre collègue.',
        'counterShiftId',
        'créneau inconnu ou d’une autre personne',
      );
    if (counter.version !== dto.counterVersion || published.version !== dto.counterVersion)
      throw new ConflictException(
        'Le créneau demandé en échange a changé depuis votre lecture : rechargez la liste.',
      );
    if (counter.startAt.getTime() <= Date.now())
      refuse('Le créneau demandé en échange a déjà commencé.', 'counterShiftId', 'passé');
    if (counter.trainingSessionId)
      refuse(
        'Une session de formation ne s’échange pas.',
        'counterShiftId',
        'session de formation',
      );
    return counter;
  }

  /** Whether a shift is already in a swap waiting for an answer or a decision, either side. */
  private async isInOpenSwap(manager: EntityManager, shiftIds: string[]): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM shift_swap WHERE status IN ('offered', 'accepted')
         AND (shift_id = ANY($1::uuid[]) OR counter_shift_id = ANY($1::uuid[])) LIMIT 1`,
      [shiftIds],
    );
    return rows.length > 0;
  }

  /** Only a mediator under contract on the shift's day can be offered it. */
  private async checkCanTake(
    manager: EntityManager,
    colleague: PersonEntity,
    shift: ShiftEntity,
    timeZone: string,
  ): Promise<void> {
    const name = `${colleague.firstName} ${colleague.lastName}`;
    const [account] = await manager.query(
      "SELECT 1 FROM account WHERE person_id = $1 AND is_active AND role = 'mediator'",
      [colleague.id],
    );
    if (!account)
      refuse(
        `${name} n’est pas médiateur ou médiatrice : un créneau ne s’échange qu’entre médiateurs.`,
        'toPersonId',
        'pas un compte de médiation actif',
      );
    const day = civilDate(shift.startAt.getTime(), timeZone);
    const [contract] = await manager.query(
      `SELECT 1 FROM contract WHERE person_id = $1 AND start_date <= $2
         AND (end_date IS NULL OR end_date >= $2)`,
      [colleague.id, day],
    );
    if (!contract)
      refuse(
        `${name} n’a pas de contrat le ${formatDayLabel(day)} : choisissez une autre personne.`,
        'toPersonId',
        'aucun contrat ce jour-là',
      );
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
        shift: auditSnapshot(shift),
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
      id: In([
        ...new Set(
          swaps.flatMap((swap) => [
            swap.shiftId,
            ...(swap.counterShiftId ? [swap.counterShiftId] : []),
          ]),
        ),
      ]),
    });
    // A mediator knows a shift as its week's last publication shows it, never a draft move.
    const shifts = user.role === 'mediator' ? await this.asPublished(manager, live) : live;
    const people = await manager.findBy(PersonEntity, {
      id: In([...new Set(swaps.flatMap((swap) => [swap.fromPersonId, swap.toPersonId]))]),
    });
    const places = await this.places(manager, shifts);
    const shiftOf = new Map(shifts.map((row) => [row.id, row]));
    const person = new Map(people.map((row) => [row.id, row]));
    const name = (id: string) => {
      const row = person.get(id);
      return row ? `${row.firstName} ${row.lastName}` : '';
    };
    const counterOf = (swap: ShiftSwapEntity): SwapCounterShift | null => {
      const counter = swap.counterShiftId ? shiftOf.get(swap.counterShiftId) : undefined;
      if (!swap.counterShiftId) return null;
      return {
        id: swap.counterShiftId,
        siteName: counter ? places.site(counter.siteId) : '',
        locationName: counter ? places.location(counter.locationId) : '',
        activity: counter?.activity ?? 'accueil',
        start: counter ? toZonedIso(counter.startAt) : '',
        end: counter ? toZonedIso(counter.endAt) : '',
      };
    };
    return swaps.map((swap) => {
      const shift = shiftOf.get(swap.shiftId);
      return {
        id: swap.id,
        status: swap.status,
        shiftId: swap.shiftId,
        siteId: shift?.siteId ?? '',
        siteName: shift ? places.site(shift.siteId) : '',
        locationName: shift ? places.location(shift.locationId) : '',
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
        counterShift: counterOf(swap),
      };
    });
  }

  /** Names of the sites and locations of some shifts. */
  private async places(
    manager: EntityManager,
    shifts: { siteId: string; locationId: string }[],
  ): Promise<{ site(id: string): string; location(id: string): string }> {
    const { site, location } = await placesOf(manager, shifts);
    return {
      site: (id) => site.get(id)?.name ?? '',
      location: (id) => location.get(id)?.name ?? '',
    };
  }

  /** The shifts as the latest publication of their site-week holds them (absent if not there). */
  private async asPublished(manager: EntityManager, shifts: ShiftEntity[]): Promise<ShiftEntity[]> {
    const latest = await this.published.latestCopies(manager, shifts);
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
