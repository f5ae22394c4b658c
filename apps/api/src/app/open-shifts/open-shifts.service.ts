// Over 300 lines on purpose: a claim is one state machine (pending → approved, refused,
// withdrawn or closed) whose steps share its locks, its published-copy checks and its messages.
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClaimStatus, OpenShift, OpenShiftClaim, Shift, Violation } from '@relais/api-types';
import {
  civilDate,
  formatDayLabel,
  formatTime,
  isoWeekOfInstant,
  isRuleCode,
  ruleDefinition,
} from '@relais/rules';
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
import { CreateClaimDto, DecideClaimDto } from './dto/open-shifts.dto';
import { OpenShiftClaimEntity } from './open-shift-claim.entity';

/** How far ahead open shifts are offered: the weeks a manager publishes in advance. */
const HORIZON_DAYS = 56;

const STALE =
  'Ce créneau n’est plus à pourvoir tel qu’il a été publié : il ne peut plus être attribué ainsi.';
const TAKEN_BY_OTHER = 'Le créneau a été attribué à une autre personne.';

function slotLabel(start: Date, end: Date, timeZone: string): string {
  return `${formatDayLabel(civilDate(start.getTime(), timeZone))} ${formatTime(start.getTime(), timeZone)}–${formatTime(end.getTime(), timeZone)}`;
}

/** "Repos quotidien de 11 h : …": the rule's name first, then what the engine found. */
function ruleSentence(violation: Violation): string {
  const label = isRuleCode(violation.rule) ? ruleDefinition(violation.rule).label : violation.rule;
  return `${label}${violation.legalRef ? ` (${violation.legalRef})` : ''} : ${violation.message}`;
}

function moveOf(claim: { shiftId: string; shiftVersion: number; personId: string }): ShiftMove {
  return {
    shiftId: claim.shiftId,
    version: claim.shiftVersion,
    fromPersonId: null,
    toPersonId: claim.personId,
  };
}

/**
 * Open shifts a person may take ("Je suis disponible"): a published open shift of her site, or
 * of a site she is lent to that day, listed only when the rules let her take it. Several people
 * may claim; the site's manager approves one, re-checked by the rules, which assigns and
 * publishes the shift; the other claims are closed.
 */
@Injectable()
export class OpenShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly moves: ShiftMovesService,
    private readonly published: PublishedShiftsService,
  ) {}

  /** The published open shifts to come that the caller may legally take. */
  async list(user: AuthUser): Promise<OpenShift[]> {
    return this.dataSource.transaction(async (manager) => {
      const candidates = await this.candidates(manager, user);
      const mine: { id: string; shift_id: string }[] = candidates.length
        ? await manager.query(
            `SELECT id, shift_id FROM open_shift_claim WHERE person_id = $1 AND status = 'pending' AND shift_id = ANY($2::uuid[])`,
            [user.personId, candidates.map((shift) => shift.id)],
          )
        : [];
      const claimOf = new Map(mine.map((row) => [row.shift_id, row.id]));
      const legal: ShiftEntity[] = [];
      for (const shift of candidates) {
        const verdict = await this.moves.verdict(
          manager,
          user,
          [moveOf({ shiftId: shift.id, shiftVersion: shift.version, personId: user.personId })],
          STALE,
        );
        if (verdict.problem === null && verdict.violations.length === 0) legal.push(shift);
      }
      const places = await placesOf(manager, legal);
      return legal.map((shift) => ({
        id: shift.id,
        siteId: shift.siteId,
        siteName: places.site.get(shift.siteId)?.name ?? '',
        locationName: places.location.get(shift.locationId)?.name ?? '',
        locationAddress: places.location.get(shift.locationId)?.address ?? '',
        activity: shift.activity,
        start: toZonedIso(shift.startAt, user.timeZone),
        end: toZonedIso(shift.endAt, user.timeZone),
        breakMinutes: shift.breakMinutes,
        note: shift.note,
        version: shift.version,
        pendingClaimId: claimOf.get(shift.id) ?? null,
      }));
    });
  }

  /** "Je suis disponible": a claim the site's managers are told about (message and e-mail). */
  async claim(user: AuthUser, shiftId: string, dto: CreateClaimDto): Promise<OpenShiftClaim> {
    return this.dataSource.transaction(async (manager) => {
      const shift = await manager
        .getRepository(ShiftEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id AND s.organisation_id = :organisationId', {
          id: shiftId,
          organisationId: user.organisationId,
        })
        .getOne();
      const published = shift
        ? (await this.published.latestCopies(manager, [shift])).get(shift.id)
        : undefined;
      if (!shift || !published || !(await this.isOfMySites(manager, user, shift)))
        throw new NotFoundException('Créneau introuvable parmi les créneaux publiés de vos sites.');
      if (shift.personId !== null || published.personId !== null || shift.trainingSessionId)
        throw new ConflictException('Ce créneau n’est plus à pourvoir.');
      if (shift.startAt.getTime() <= Date.now())
        refuse('Ce créneau a déjà commencé : il ne peut plus être demandé.', 'shiftId', 'passé');
      if (shift.version !== dto.version || published.version !== dto.version)
        throw new ConflictException(
          'Ce créneau a changé depuis votre lecture : rechargez la liste des créneaux disponibles.',
        );
      const already = await manager.existsBy(OpenShiftClaimEntity, {
        shiftId: shift.id,
        personId: user.personId,
        status: 'pending',
      });
      if (already)
        throw new ConflictException('Vous avez déjà dit être disponible pour ce créneau.');
      const move = moveOf({
        shiftId: shift.id,
        shiftVersion: shift.version,
        personId: user.personId,
      });
      const verdict = await this.moves.verdict(manager, user, [move], STALE);
      this.refuseOnVerdict(verdict, 'Vous ne pouvez pas prendre ce créneau');
      const saved = await manager.save(
        manager.create(OpenShiftClaimEntity, {
          organisationId: user.organisationId,
          shiftId: shift.id,
          shiftVersion: shift.version,
          personId: user.personId,
          status: 'pending',
          message: dto.message?.trim() || null,
          reply: null,
          violations: [],
          decidedBy: null,
          decidedAt: null,
        }),
      );
      await this.record(manager, user, 'claim.create', saved, shift);
      const slot = slotLabel(shift.startAt, shift.endAt, user.timeZone);
      await this.notifications.notifySiteManagers(
        manager,
        [shift.siteId],
        [user.personId],
        'claim_filed',
        'Créneau à pourvoir : une personne est disponible',
        `${user.firstName} ${user.lastName} est disponible pour le créneau à pourvoir du ${slot} : la demande attend votre décision.`,
        '/a-decider',
      );
      return (await this.views(manager, user, [saved]))[0];
    });
  }

  async claims(user: AuthUser, status?: ClaimStatus): Promise<OpenShiftClaim[]> {
    const query = this.dataSource
      .getRepository(OpenShiftClaimEntity)
      .createQueryBuilder('claim')
      .innerJoin(ShiftEntity, 'shift', 'shift.id = claim.shift_id')
      .where('claim.organisation_id = :organisationId', { organisationId: user.organisationId })
      .orderBy('claim.created_at', 'DESC')
      .take(200);
    if (status) query.andWhere('claim.status = :status', { status });
    if (user.role === 'mediator') {
      query.andWhere('claim.person_id = :me', { me: user.personId });
    } else if (user.role === 'manager') {
      query.andWhere('(shift.site_id IN (:...siteIds) OR claim.person_id = :me)', {
        siteIds: user.siteIds.length ? user.siteIds : ['00000000-0000-0000-0000-000000000000'],
        me: user.personId,
      });
    }
    return this.views(this.dataSource.manager, user, await query.getMany());
  }

  /** The claimant takes her claim back while it waits. */
  async withdraw(user: AuthUser, id: string): Promise<OpenShiftClaim> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.lockClaim(manager, user, id);
      if (claim.personId !== user.personId)
        throw new ForbiddenException(
          'Seule la personne qui s’est dite disponible peut retirer sa demande.',
        );
      if (claim.status !== 'pending') throw new ConflictException('Cette demande est déjà close.');
      const shift = await manager.findOneByOrFail(ShiftEntity, { id: claim.shiftId });
      claim.status = 'withdrawn';
      await manager.save(claim);
      await this.record(manager, user, 'claim.withdraw', claim, shift);
      return (await this.views(manager, user, [claim]))[0];
    });
  }

  async decide(user: AuthUser, id: string, dto: DecideClaimDto): Promise<OpenShiftClaim> {
    try {
      return await this.dataSource.transaction((manager) => this.decideIn(manager, user, id, dto));
    } catch (error) {
      if (isExclusionViolation(error))
        throw new ConflictException(
          'Attribution impossible : la personne travaille déjà à ce moment-là.',
        );
      const violations = (
        error instanceof ConflictException
          ? (error.getResponse() as { violations?: Violation[] })
          : {}
      ).violations;
      // The refusal is kept on the claim so the managers see why.
      if (violations)
        await this.dataSource
          .getRepository(OpenShiftClaimEntity)
          .update({ id, organisationId: user.organisationId }, { violations });
      throw error;
    }
  }

  /** The rules' verdict on approving a pending claim now (nothing is changed). */
  async preview(user: AuthUser, claim: OpenShiftClaim): Promise<MovesPreview> {
    const entity = await this.dataSource
      .getRepository(OpenShiftClaimEntity)
      .findOneByOrFail({ id: claim.id, organisationId: user.organisationId });
    return this.moves.preview(user, [moveOf(entity)], STALE);
  }

  private async decideIn(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    dto: DecideClaimDto,
  ): Promise<OpenShiftClaim> {
    const claim = await this.lockClaim(manager, user, id);
    const shift = await manager.findOneBy(ShiftEntity, { id: claim.shiftId });
    if (!shift) throw new ConflictException('Ce créneau a été supprimé.');
    this.access.requireSite(user, shift.siteId, 'write');
    if (claim.personId === user.personId)
      throw new ForbiddenException('Un ou une autre responsable doit décider de cette demande.');
    if (claim.status !== 'pending')
      throw new ConflictException('Cette demande a déjà été traitée.');
    const slot = slotLabel(shift.startAt, shift.endAt, user.timeZone);
    const reply = dto.reply?.trim() || null;
    if (dto.status === 'refused') {
      Object.assign(claim, {
        status: 'refused',
        reply,
        decidedBy: user.accountId,
        decidedAt: new Date(),
      });
      await manager.save(claim);
      await this.record(manager, user, 'claim.refuse', claim, shift);
      await this.notifications.notify(
        manager,
        [claim.personId],
        'claim_decided',
        'Créneau à pourvoir : demande refusée',
        `Votre disponibilité pour le créneau du ${slot} n’est pas retenue.${reply ? ` Réponse : ${reply}` : ''}`,
        '/creneaux-disponibles',
      );
      return (await this.views(manager, user, [claim]))[0];
    }
    if (shift.startAt.getTime() <= Date.now())
      throw new ConflictException(
        'Ce créneau a déjà commencé : il ne peut plus être attribué ainsi.',
      );
    if (shift.personId !== null) throw new ConflictException('Ce créneau n’est plus à pourvoir.');
    const applied = await this.moves.apply(manager, user, [moveOf(claim)], STALE);
    if (applied.created.length > 0) {
      const created = applied.created;
      throw new ConflictException({
        message: `Attribution refusée par les règles — ${ruleSentence(created[0])}${created.length > 1 ? ` (et ${created.length - 1} autre(s) contrôle(s) bloquant(s))` : ''}`,
        details: { violations: created },
        violations: created,
      });
    }
    await this.moves.publish(manager, user, applied, `Créneau à pourvoir attribué (${claim.id})`, {
      claimId: claim.id,
    });
    const decidedAt = new Date();
    Object.assign(claim, {
      status: 'approved',
      reply,
      decidedBy: user.accountId,
      decidedAt,
      violations: [],
    });
    await manager.save(claim);
    await this.record(manager, user, 'claim.approve', claim, shift);
    const others = await manager
      .getRepository(OpenShiftClaimEntity)
      .createQueryBuilder('claim')
      .setLock('pessimistic_write')
      .where("claim.shift_id = :shiftId AND claim.status = 'pending' AND claim.id <> :id", {
        shiftId: shift.id,
        id: claim.id,
      })
      .getMany();
    for (const other of others) {
      Object.assign(other, {
        status: 'closed',
        reply: TAKEN_BY_OTHER,
        decidedBy: user.accountId,
        decidedAt,
      });
      await manager.save(other);
      await this.record(manager, user, 'claim.close', other, shift);
    }
    await this.notifications.notify(
      manager,
      others.map((other) => other.personId),
      'claim_decided',
      'Créneau à pourvoir attribué',
      `Le créneau du ${slot} a été attribué à une autre personne. Merci pour votre disponibilité.`,
      '/creneaux-disponibles',
    );
    await this.notifications.notify(
      manager,
      [claim.personId],
      'claim_decided',
      'Créneau à pourvoir : il est à vous',
      `Le créneau du ${slot} vous est attribué : votre semaine publiée est à jour.${reply ? ` Réponse : ${reply}` : ''}`,
      '/ma-semaine',
    );
    return (await this.views(manager, user, [claim]))[0];
  }

  private refuseOnVerdict(verdict: MovesPreview, lead: string): void {
    if (verdict.problem !== null) throw new ConflictException(`${lead} : ${verdict.problem}`);
    if (verdict.violations.length > 0) {
      const [first] = verdict.violations;
      throw new UnprocessableEntityException({
        message: `${lead} — ${ruleSentence(first)}`,
        details: [{ field: 'shiftId', message: ruleSentence(first) }],
        violations: verdict.violations,
      });
    }
  }

  /**
   * Open live shifts of the caller's site (or of a site she is lent to that day) in the coming
   * weeks, published as they are now.
   */
  private async candidates(manager: EntityManager, user: AuthUser): Promise<ShiftEntity[]> {
    const me = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
    const today = civilDate(Date.now(), user.timeZone);
    const loans: { site_id: string; from_date: string; until_date: string }[] = await manager.query(
      `SELECT site_id, to_char(from_date, 'YYYY-MM-DD') AS from_date, to_char(until_date, 'YYYY-MM-DD') AS until_date
         FROM site_loan WHERE person_id = $1 AND until_date >= $2`,
      [user.personId, today],
    );
    const siteIds = [
      ...new Set([...(me.homeSiteId ? [me.homeSiteId] : []), ...loans.map((loan) => loan.site_id)]),
    ];
    if (siteIds.length === 0) return [];
    const live = await manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId', { organisationId: user.organisationId })
      .andWhere('s.site_id IN (:...siteIds)', { siteIds })
      .andWhere('s.person_id IS NULL AND s.training_session_id IS NULL')
      .andWhere('s.start_at > now() AND s.start_at < :horizon', {
        horizon: new Date(Date.now() + HORIZON_DAYS * 86_400_000),
      })
      .orderBy('s.start_at')
      .take(100)
      .getMany();
    const copies = await this.published.latestCopies(manager, live);
    return live.filter((shift) => {
      const published: Shift | undefined = copies.get(shift.id);
      if (!published || published.personId !== null || published.version !== shift.version)
        return false;
      if (shift.siteId === me.homeSiteId) return true;
      const day = civilDate(shift.startAt.getTime(), user.timeZone);
      return loans.some(
        (loan) => loan.site_id === shift.siteId && loan.from_date <= day && loan.until_date >= day,
      );
    });
  }

  private async isOfMySites(
    manager: EntityManager,
    user: AuthUser,
    shift: ShiftEntity,
  ): Promise<boolean> {
    const me = await manager.findOneByOrFail(PersonEntity, { id: user.personId });
    if (me.homeSiteId === shift.siteId) return true;
    const day = civilDate(shift.startAt.getTime(), user.timeZone);
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM site_loan WHERE person_id = $1 AND site_id = $2 AND from_date <= $3 AND until_date >= $3',
      [user.personId, shift.siteId, day],
    );
    return rows.length > 0;
  }

  private async lockClaim(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<OpenShiftClaimEntity> {
    const claim = await manager
      .getRepository(OpenShiftClaimEntity)
      .createQueryBuilder('claim')
      .setLock('pessimistic_write')
      .where('claim.id = :id AND claim.organisation_id = :organisationId', {
        id,
        organisationId: user.organisationId,
      })
      .getOne();
    const isVisible =
      claim &&
      (claim.personId === user.personId ||
        this.access.isOrganisationWide(user.role) ||
        (user.role === 'manager' &&
          (await manager.existsBy(ShiftEntity, { id: claim.shiftId, siteId: In(user.siteIds) }))));
    if (!claim || !isVisible) throw new NotFoundException('Demande introuvable.');
    return claim;
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    action: string,
    claim: OpenShiftClaimEntity,
    shift: ShiftEntity,
  ): Promise<void> {
    await this.audit.record(manager, user, {
      action,
      entity: 'open_shift_claim',
      entityId: claim.id,
      details: {
        shiftId: shift.id,
        siteId: shift.siteId,
        week: isoWeekOfInstant(shift.startAt.getTime(), user.timeZone),
        personId: claim.personId,
        shift: auditSnapshot(shift),
      },
    });
  }

  private async views(
    manager: EntityManager,
    user: AuthUser,
    claims: OpenShiftClaimEntity[],
  ): Promise<OpenShiftClaim[]> {
    if (claims.length === 0) return [];
    const live = await manager.findBy(ShiftEntity, {
      id: In([...new Set(claims.map((claim) => claim.shiftId))]),
    });
    // A mediator knows a shift as its week's last publication shows it, never a draft change.
    const copies =
      user.role === 'mediator' ? await this.published.latestCopies(manager, live) : null;
    const shifts = live.map((shift) => {
      const copy = copies?.get(shift.id);
      return copy
        ? {
            ...shift,
            locationId: copy.locationId,
            activity: copy.activity,
            startAt: new Date(copy.start),
            endAt: new Date(copy.end),
          }
        : shift;
    });
    const people = await manager.findBy(PersonEntity, {
      id: In([...new Set(claims.map((claim) => claim.personId))]),
    });
    const places = await placesOf(manager, shifts);
    const shiftOf = new Map(shifts.map((row) => [row.id, row]));
    const person = new Map(people.map((row) => [row.id, row]));
    return claims.map((claim) => {
      const shift = shiftOf.get(claim.shiftId);
      const who = person.get(claim.personId);
      return {
        id: claim.id,
        status: claim.status,
        shiftId: claim.shiftId,
        siteId: shift?.siteId ?? '',
        siteName: (shift && places.site.get(shift.siteId)?.name) ?? '',
        locationName: (shift && places.location.get(shift.locationId)?.name) ?? '',
        activity: shift?.activity ?? 'accueil',
        start: shift ? toZonedIso(shift.startAt, user.timeZone) : '',
        end: shift ? toZonedIso(shift.endAt, user.timeZone) : '',
        personId: claim.personId,
        personName: who ? `${who.firstName} ${who.lastName}` : '',
        message: claim.message,
        reply: claim.reply,
        createdAt: claim.createdAt.toISOString(),
        decidedAt: claim.decidedAt?.toISOString() ?? null,
        // The approval's checks read the manager's live week: not a mediator's to see.
        violations: user.role === 'mediator' ? [] : claim.violations,
      };
    });
  }
}
