import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTRACT_TYPE_LABELS,
  PAYROLL_CODES,
  type ContractType,
  type HoursStatementSummary,
  type PayrollAdjustment,
  type PayrollAnomaly,
  type PayrollCode,
  type PayrollMappingEntry,
  type PayrollMonthView,
  type PayrollPersonMonth,
  type PayrollQuantities,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  formatDayLabel,
  formatHours,
  formatMonth,
  formatWeek,
  isoWeekOf,
  localDate,
  monthBounds,
  nextPayrollMonth,
  PAYROLL_CODE_INFO,
  payrollMonth,
  payrollMonthSpan,
  workMinutesByDay,
  zonedInstant,
  type PayrollAbsence,
  type PayrollContract,
  type WorkItem,
} from '@relais/rules';
import { Between, DataSource, EntityManager, In, IsNull } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';
import { RotaPublicationEntity } from '../rota/rota-publication.entity';
import { differs, toShift } from '../rota/rota.mapper';
import { ShiftEntity } from '../rota/shift.entity';
import { SiteWeekEntity } from '../rota/site-week.entity';
import type { CreateAdjustmentDto, PayrollMappingDto } from './dto/payroll.dto';
import {
  HoursStatementEntity,
  PayrollAdjustmentEntity,
  PayrollCodeMappingEntity,
  PayrollMonthEntity,
} from './payroll.entities';

/** One person's month and the days behind it, for the statement. */
export interface PersonMonthDetail {
  person: PayrollPersonMonth;
  /** Minutes worked per civil day of the month, in date order. */
  days: { date: string; minutes: number }[];
  organisationName: string;
  month: string;
}

interface ShiftRow {
  id: string;
  person_id: string;
  site_id: string;
  location_id: string;
  activity: WorkItem['activity'];
  start_at: Date;
  end_at: Date;
  break_minutes: number;
}

export interface Scope {
  organisationId: string;
  siteId: string | null;
}

const emptyQuantities = (): PayrollQuantities =>
  Object.fromEntries(PAYROLL_CODES.map((code) => [code, 0])) as PayrollQuantities;

const monthWords = (month: string) => formatMonth(month);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The month close (issue #18): each person's payroll variables from the rota and training, the
 * anomalies to settle first, the close that freezes them and locks the month's shifts (the
 * database trigger `tr_shift_closed_month`), adjustments carried by a later month, the mapping of
 * our codes to the payroll software's, and the hours statement sent to the person and signed.
 */
@Injectable()
export class PayrollService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async view(user: AuthUser, month: string, siteId: string | null): Promise<PayrollMonthView> {
    if (siteId) this.access.requireSite(user, siteId, 'read');
    return this.viewWith(
      this.dataSource.manager,
      { organisationId: user.organisationId, siteId },
      month,
    );
  }

  close(user: AuthUser, month: string, siteId: string | null): Promise<PayrollMonthView> {
    if (siteId) this.access.requireSite(user, siteId, 'read');
    const { to } = monthBounds(month);
    if (to >= todayIn(user.timeZone)) {
      refuse(
        `${capitalised(monthWords(month))} n’est pas terminé : un mois se clôture après son dernier jour.`,
        'month',
        'mois pas encore terminé',
      );
    }
    const scope: Scope = { organisationId: user.organisationId, siteId };
    return this.dataSource.transaction(async (manager) => {
      // One close at a time per organisation and month.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `payroll:${user.organisationId}:${month}`,
      ]);
      // No shift write between the variables read here and the close's commit: writes in flight
      // finish first, new ones wait for the close (then the trigger refuses those of the month).
      await manager.query(`LOCK TABLE shift IN SHARE MODE`);
      const already = await this.closedRow(manager, scope, month);
      if (already) {
        throw new ConflictException(
          `${capitalised(monthWords(month))} est déjà clôturé${await this.scopeWords(manager, already.siteId)}.`,
        );
      }
      const view = await this.viewWith(manager, scope, month);
      const blocking = view.anomalies.filter((anomaly) => anomaly.isBlocking);
      if (blocking.length > 0) {
        throw new ConflictException({
          message: `Clôture refusée : ${blocking.length === 1 ? 'une semaine est à publier' : `${blocking.length} semaines sont à publier`} d’abord (la paie lit ce qui a été annoncé). ${blocking.map((anomaly) => anomaly.message).join(' ')}`,
          details: blocking.map((anomaly) => ({ field: 'month', message: anomaly.message })),
        });
      }
      const saved = await manager.save(
        manager.create(PayrollMonthEntity, {
          organisationId: user.organisationId,
          siteId,
          month,
          closedBy: user.accountId,
          snapshot: view.people,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'payroll.close',
        entity: 'payroll_month',
        entityId: saved.id,
        details: { month, siteId, people: view.people.length },
      });
      return this.viewWith(manager, scope, month);
    });
  }

  addAdjustment(user: AuthUser, dto: CreateAdjustmentDto): Promise<PayrollAdjustment> {
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(PersonEntity, {
        where: { id: dto.personId, organisationId: user.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw new NotFoundException('Personne introuvable.');
      const closed = await this.closedFor(
        manager,
        user.organisationId,
        person.homeSiteId,
        dto.correctsMonth,
      );
      if (!closed) {
        refuse(
          `${capitalised(monthWords(dto.correctsMonth))} n’est pas clôturé pour cette personne : corrigez directement le planning.`,
          'correctsMonth',
          'mois non clôturé',
        );
      }
      // The first month still open for the person; its close waits for this line (same lock).
      let month = nextPayrollMonth(dto.correctsMonth);
      for (;;) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
          `payroll:${user.organisationId}:${month}`,
        ]);
        if (!(await this.closedFor(manager, user.organisationId, person.homeSiteId, month))) break;
        month = nextPayrollMonth(month);
      }
      const info = PAYROLL_CODE_INFO[dto.code];
      const quantity = Math.round(info.unit === 'h' ? dto.quantity * 60 : dto.quantity);
      if (quantity === 0) refuse('La régularisation est nulle.', 'quantity', 'quantité nulle');
      const saved = await manager.save(
        manager.create(PayrollAdjustmentEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          month,
          correctsMonth: dto.correctsMonth,
          code: dto.code,
          quantity,
          reason: dto.reason.trim(),
          createdBy: user.accountId,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'payroll.adjust',
        entity: 'payroll_adjustment',
        entityId: saved.id,
        details: {
          personId: person.id,
          month,
          correctsMonth: dto.correctsMonth,
          code: dto.code,
          quantity,
        },
      });
      return toAdjustment(saved);
    });
  }

  async mapping(user: AuthUser): Promise<PayrollMappingEntry[]> {
    const rows = await this.dataSource
      .getRepository(PayrollCodeMappingEntity)
      .findBy({ organisationId: user.organisationId });
    const external = new Map(rows.map((row) => [row.code, row.externalCode]));
    return PAYROLL_CODES.map((code) => ({
      code,
      label: PAYROLL_CODE_INFO[code].label,
      unit: PAYROLL_CODE_INFO[code].unit,
      externalCode: external.get(code) ?? null,
    }));
  }

  async setMapping(user: AuthUser, dto: PayrollMappingDto): Promise<PayrollMappingEntry[]> {
    const seen = new Set<string>();
    for (const [index, entry] of dto.entries.entries()) {
      const field = `entries.${index}.code`;
      if (!(PAYROLL_CODES as readonly string[]).includes(entry.code)) {
        throw new BadRequestException({
          message: `Code de variable inconnu : « ${entry.code} ». Codes connus : ${PAYROLL_CODES.join(', ')}.`,
          details: [{ field, message: 'code inconnu' }],
        });
      }
      if (seen.has(entry.code)) {
        throw new BadRequestException({
          message: `Le code ${entry.code} figure deux fois.`,
          details: [{ field, message: 'code en double' }],
        });
      }
      seen.add(entry.code);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(PayrollCodeMappingEntity, { organisationId: user.organisationId });
      const rows = dto.entries
        .map((entry) => ({ code: entry.code, externalCode: entry.externalCode?.trim() ?? '' }))
        .filter((entry) => entry.externalCode !== '');
      if (rows.length) {
        await manager.insert(
          PayrollCodeMappingEntity,
          rows.map((row) => ({ organisationId: user.organisationId, ...row })),
        );
      }
      await this.audit.record(manager, user, {
        action: 'payroll.mapping',
        entity: 'payroll_code_mapping',
        entityId: user.organisationId,
        details: { entries: rows.length },
      });
    });
    return this.mapping(user);
  }

  async setPayrollId(user: AuthUser, personId: string, payrollId: string | null): Promise<void> {
    const value = payrollId?.trim() || null;
    await this.dataSource.transaction(async (manager) => {
      const person = await manager.findOneBy(PersonEntity, {
        id: personId,
        organisationId: user.organisationId,
      });
      if (!person) throw new NotFoundException('Personne introuvable.');
      if (value) {
        const other = await manager.findOneBy(PersonEntity, {
          organisationId: user.organisationId,
          payrollId: value,
        });
        if (other && other.id !== person.id) {
          throw new ConflictException(
            `Le matricule ${value} est déjà celui de ${other.firstName} ${other.lastName}.`,
          );
        }
      }
      await manager.update(PersonEntity, { id: person.id }, { payrollId: value });
      await this.audit.record(manager, user, {
        action: 'person.payroll_id',
        entity: 'person',
        entityId: person.id,
        details: { payrollId: value },
      });
    });
  }

  /** The closed month's lines for the payroll software: one per person × variable. */
  async exportLines(user: AuthUser, month: string, siteId: string | null): Promise<ExportLine[]> {
    const view = await this.view(user, month, siteId);
    if (view.status !== 'closed') {
      throw new ConflictException(
        `${capitalised(monthWords(month))} n’est pas clôturé : l’export de paie se fait sur un mois clôturé.`,
      );
    }
    const mapping = new Map(
      (await this.mapping(user)).map((entry) => [entry.code, entry.externalCode ?? entry.code]),
    );
    const lines: ExportLine[] = [];
    for (const person of view.people) {
      for (const code of PAYROLL_CODES) {
        const quantity = person.quantities[code];
        if (quantity === 0 && code !== 'HEURES_CONTRAT') continue;
        lines.push(line(person, month, code, quantity, mapping, null));
      }
      for (const adjustment of person.adjustments) {
        lines.push(
          line(
            person,
            month,
            adjustment.code,
            adjustment.quantity,
            mapping,
            adjustment.correctsMonth,
          ),
        );
      }
    }
    return lines;
  }

  /** One person's month with its days, for the statement (HR, or the person once sent). */
  async personMonth(user: AuthUser, month: string, personId: string): Promise<PersonMonthDetail> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id: personId, organisationId: user.organisationId });
    if (!person) throw new NotFoundException('Personne introuvable.');
    const scope: Scope = { organisationId: user.organisationId, siteId: null };
    const manager = this.dataSource.manager;
    const closed = await this.closedFor(manager, user.organisationId, person.homeSiteId, month);
    const computed = await payrollPeople(manager, scope, month, [person.id]);
    const frozen = closed
      ? (closed.snapshot as PayrollPersonMonth[]).find((entry) => entry.personId === person.id)
      : undefined;
    const live = computed.people[0];
    if (!live && !frozen) {
      throw new NotFoundException(`Aucun contrat pour cette personne en ${monthWords(month)}.`);
    }
    const base = (frozen ?? live) as PayrollPersonMonth;
    const statement = await this.statementOf(manager, person.id, month);
    const organisation: { name: string }[] = await manager.query(
      `SELECT name FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    return {
      person: { ...base, statement },
      days: computed.days.get(person.id) ?? [],
      organisationName: organisation[0]?.name ?? '',
      month,
    };
  }

  async sendStatement(
    user: AuthUser,
    month: string,
    personId: string,
  ): Promise<HoursStatementSummary> {
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOneBy(PersonEntity, {
        id: personId,
        organisationId: user.organisationId,
      });
      if (!person) throw new NotFoundException('Personne introuvable.');
      if (!(await this.closedFor(manager, user.organisationId, person.homeSiteId, month))) {
        throw new ConflictException(
          `${capitalised(monthWords(month))} n’est pas clôturé : le relevé d’heures s’envoie après la clôture.`,
        );
      }
      await manager.query(
        `INSERT INTO hours_statement (organisation_id, person_id, month, sent_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id, month) DO UPDATE SET sent_at = now(), sent_by = EXCLUDED.sent_by`,
        [user.organisationId, person.id, month, user.accountId],
      );
      await this.notifications.notify(
        manager,
        [person.id],
        'reminder',
        `Votre relevé d’heures de ${monthWords(month)}`,
        'Relisez-le et validez-le depuis « Mes relevés ».',
        '/mes-releves',
      );
      await this.audit.record(manager, user, {
        action: 'payroll.statement_sent',
        entity: 'person',
        entityId: person.id,
        details: { month },
      });
      const row = await manager.findOneByOrFail(HoursStatementEntity, {
        personId: person.id,
        month,
      });
      return toSummary(row);
    });
  }

  async myStatements(user: AuthUser): Promise<HoursStatementSummary[]> {
    const rows = await this.dataSource
      .getRepository(HoursStatementEntity)
      .find({ where: { personId: user.personId }, order: { month: 'DESC' } });
    return rows.map(toSummary);
  }

  /** The caller's statement, once HR has sent it. */
  async myStatement(user: AuthUser, month: string): Promise<PersonMonthDetail> {
    const row = await this.dataSource
      .getRepository(HoursStatementEntity)
      .findOneBy({ personId: user.personId, month });
    if (!row)
      throw new NotFoundException(`Aucun relevé d’heures envoyé pour ${monthWords(month)}.`);
    return this.personMonth(user, month, user.personId);
  }

  async signStatement(user: AuthUser, month: string): Promise<HoursStatementSummary> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(HoursStatementEntity, {
        where: { personId: user.personId, month },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row)
        throw new NotFoundException(`Aucun relevé d’heures envoyé pour ${monthWords(month)}.`);
      if (row.signedAt) return toSummary(row);
      row.signedAt = new Date();
      await manager.save(row);
      await this.audit.record(manager, user, {
        action: 'payroll.statement_signed',
        entity: 'person',
        entityId: user.personId,
        details: { month },
      });
      return toSummary(row);
    });
  }

  // — Reading and computing —

  private async viewWith(
    manager: EntityManager,
    scope: Scope,
    month: string,
  ): Promise<PayrollMonthView> {
    const closed = await this.closedRow(manager, scope, month);
    const span = payrollMonthSpan(month);
    if (closed) {
      const frozen = (closed.snapshot as PayrollPersonMonth[]).filter(
        (person) => !scope.siteId || closed.siteId || person.siteId === scope.siteId,
      );
      const statements = await statementsOf(
        manager,
        frozen.map((p) => p.personId),
        month,
      );
      const people = frozen.map((person) => ({
        ...person,
        statement: statements.get(person.personId) ?? { sentAt: null, signedAt: null },
      }));
      const closer: { first_name: string; last_name: string }[] = closed.closedBy
        ? await manager.query(
            `SELECT p.first_name, p.last_name FROM account a JOIN person p ON p.id = a.person_id WHERE a.id = $1`,
            [closed.closedBy],
          )
        : [];
      return {
        month,
        siteId: scope.siteId,
        status: 'closed',
        closedAt: toZonedIso(closed.closedAt),
        closedByName: closer[0] ? `${closer[0].first_name} ${closer[0].last_name}` : null,
        weeks: span.weeks,
        anomalies: [],
        people,
        totals: totalsOf(people),
      };
    }
    // An open month only: a closed one reads its snapshot.
    const computed = await payrollPeople(manager, scope, month);
    return {
      month,
      siteId: scope.siteId,
      status: 'open',
      closedAt: null,
      closedByName: null,
      weeks: span.weeks,
      anomalies: [...(await this.weekAnomalies(manager, scope, month)), ...computed.anomalies],
      people: computed.people,
      totals: totalsOf(computed.people),
    };
  }

  /**
   * Site-weeks of the month (from the first attributed week's Monday) that hold shifts never
   * published, or published with changes since: payroll must read what people were told.
   */
  private async weekAnomalies(
    manager: EntityManager,
    scope: Scope,
    month: string,
  ): Promise<PayrollAnomaly[]> {
    const settings = await readOrganisationSettings(manager, scope.organisationId);
    const zone = settings.timeZone;
    const span = payrollMonthSpan(month);
    const from = zonedInstant(span.from, '00:00', zone);
    const until = zonedInstant(addDays(span.to, 1), '00:00', zone);
    const inSpan = (start: string | Date) => {
      const ms = new Date(start).getTime();
      return ms >= from && ms < until;
    };
    // Training sessions put their own items on the rota: they are not the manager's to publish.
    const shifts = await manager.getRepository(ShiftEntity).find({
      where: {
        organisationId: scope.organisationId,
        ...(scope.siteId ? { siteId: scope.siteId } : {}),
        startAt: Between(new Date(from), new Date(until - 1)),
        trainingSessionId: IsNull(),
      },
    });
    const weeks: string[] = [];
    for (let week = isoWeekOf(span.from); week <= isoWeekOf(span.to); week = addIsoWeeks(week, 1)) {
      weeks.push(week);
    }
    const siteWeeks = await manager.getRepository(SiteWeekEntity).find({
      where: {
        organisationId: scope.organisationId,
        ...(scope.siteId ? { siteId: scope.siteId } : {}),
        week: In(weeks),
      },
    });
    const sites = await manager
      .getRepository(SiteEntity)
      .findBy({ organisationId: scope.organisationId });
    const siteName = new Map(sites.map((site) => [site.id, site.name]));
    const key = (siteId: string, week: string) => `${siteId}|${week}`;
    const current = new Map<string, ShiftEntity[]>();
    for (const shift of shifts) {
      const k = key(shift.siteId, isoWeekOf(localDate(shift.startAt.getTime(), zone)));
      current.set(k, [...(current.get(k) ?? []), shift]);
    }
    const publications = await manager.getRepository(RotaPublicationEntity).find({
      where: siteWeeks
        .filter((sw) => sw.status === 'published')
        .map((sw) => ({ siteWeekId: sw.id, version: sw.version })),
    });
    const publicationOf = new Map(publications.map((p) => [p.siteWeekId, p]));
    const year = Number(month.slice(0, 4));
    const out: PayrollAnomaly[] = [];
    const keys = new Set([...current.keys(), ...siteWeeks.map((sw) => key(sw.siteId, sw.week))]);
    for (const k of [...keys].sort((a, b) => a.split('|')[1].localeCompare(b.split('|')[1]))) {
      const [siteId, week] = k.split('|');
      const name = siteName.get(siteId) ?? '';
      const items = current.get(k) ?? [];
      const siteWeek = siteWeeks.find((sw) => sw.siteId === siteId && sw.week === week);
      const words = `${name}, ${formatWeek(week, year)}`;
      if (!siteWeek || siteWeek.status !== 'published') {
        if (items.length === 0) continue;
        out.push({
          kind: 'UNPUBLISHED_WEEK',
          isBlocking: true,
          siteId,
          week,
          message: `${words} : jamais publiée (${items.length} créneau${items.length > 1 ? 'x' : ''} en brouillon).`,
        });
        continue;
      }
      // Within the month's days only: the rest of a week astride two months is the other's.
      const published = (publicationOf.get(siteWeek.id)?.shifts ?? []).filter(
        (shift) => inSpan(shift.start) && !shift.trainingSessionId,
      );
      const publishedById = new Map(published.map((shift) => [shift.id, shift]));
      const changed =
        items.some((entity) =>
          differs(toShift(entity, false, zone), publishedById.get(entity.id)),
        ) || published.some((shift) => !items.some((entity) => entity.id === shift.id));
      if (changed) {
        out.push({
          kind: 'UNPUBLISHED_CHANGES',
          isBlocking: true,
          siteId,
          week,
          message: `${words} : des modifications n’ont pas été publiées.`,
        });
      }
    }
    return out;
  }

  private async statementOf(manager: EntityManager, personId: string, month: string) {
    return (
      (await statementsOf(manager, [personId], month)).get(personId) ?? {
        sentAt: null,
        signedAt: null,
      }
    );
  }

  /** The close row of exactly this scope, or the organisation's when a site is asked. */
  private async closedRow(
    manager: EntityManager,
    scope: Scope,
    month: string,
  ): Promise<PayrollMonthEntity | null> {
    const rows = await manager.getRepository(PayrollMonthEntity).find({
      where: { organisationId: scope.organisationId, month },
    });
    return (
      rows.find((row) => row.siteId === scope.siteId) ??
      (scope.siteId ? (rows.find((row) => row.siteId === null) ?? null) : null)
    );
  }

  /** Whether a person's month is closed: for the organisation or for their home site. */
  private async closedFor(
    manager: EntityManager,
    organisationId: string,
    homeSiteId: string | null,
    month: string,
  ): Promise<PayrollMonthEntity | null> {
    const rows = await manager.getRepository(PayrollMonthEntity).find({
      where: { organisationId, month },
    });
    return rows.find((row) => row.siteId === null || row.siteId === homeSiteId) ?? null;
  }

  private async scopeWords(manager: EntityManager, siteId: string | null): Promise<string> {
    if (!siteId) return '';
    const site = await manager.findOneBy(SiteEntity, { id: siteId });
    return site ? ` pour ${site.name}` : '';
  }
}

export interface ExportLine {
  payrollId: string;
  name: string;
  period: string;
  code: PayrollCode;
  externalCode: string;
  label: string;
  /** Hours (decimal) or days. */
  quantity: number;
  unit: 'H' | 'J';
  rate: number | null;
  correctsMonth: string | null;
}

function line(
  person: PayrollPersonMonth,
  month: string,
  code: PayrollCode,
  quantity: number,
  mapping: Map<PayrollCode, string>,
  correctsMonth: string | null,
): ExportLine {
  const info = PAYROLL_CODE_INFO[code];
  return {
    payrollId: person.payrollId ?? '',
    name: person.name,
    period: month,
    code,
    externalCode: mapping.get(code) ?? code,
    label: correctsMonth
      ? `${info.label} — régularisation de ${monthWords(correctsMonth)}`
      : info.label,
    quantity: info.unit === 'h' ? Math.round((quantity / 60) * 100) / 100 : quantity,
    unit: info.unit === 'h' ? 'H' : 'J',
    rate: info.rate,
    correctsMonth,
  };
}

function totalsOf(people: readonly PayrollPersonMonth[]): PayrollQuantities {
  const totals = emptyQuantities();
  for (const person of people) {
    for (const code of PAYROLL_CODES) totals[code] += person.quantities[code];
  }
  return totals;
}

function toAdjustment(entity: PayrollAdjustmentEntity): PayrollAdjustment {
  return {
    id: entity.id,
    personId: entity.personId,
    month: entity.month,
    correctsMonth: entity.correctsMonth,
    code: entity.code as PayrollCode,
    quantity: entity.quantity,
    reason: entity.reason,
    createdAt: toZonedIso(entity.createdAt),
  };
}

function toSummary(row: HoursStatementEntity): HoursStatementSummary {
  return {
    month: row.month,
    sentAt: toZonedIso(row.sentAt),
    signedAt: row.signedAt ? toZonedIso(row.signedAt) : null,
  };
}

/** The people with a contract in the month (of the site: by home site) and their variables. */
export async function payrollPeople(
  manager: EntityManager,
  scope: Scope,
  month: string,
  onlyPersonIds?: string[],
): Promise<{
  people: PayrollPersonMonth[];
  anomalies: PayrollAnomaly[];
  days: Map<string, { date: string; minutes: number }[]>;
}> {
  const settings = await readOrganisationSettings(manager, scope.organisationId);
  const { from, to } = monthBounds(month);
  const span = payrollMonthSpan(month);
  const people: {
    id: string;
    first_name: string;
    last_name: string;
    payroll_id: string | null;
    home_site_id: string | null;
    site_name: string | null;
  }[] = await manager.query(
    `SELECT p.id, p.first_name, p.last_name, p.payroll_id, p.home_site_id, s.name AS site_name
       FROM person p LEFT JOIN site s ON s.id = p.home_site_id
       WHERE p.organisation_id = $1
         AND ($2::uuid IS NULL OR p.home_site_id = $2)
         AND ($5::uuid[] IS NULL OR p.id = ANY($5))
         AND EXISTS (SELECT 1 FROM contract c WHERE c.person_id = p.id
                     AND c.start_date <= $4 AND (c.end_date IS NULL OR c.end_date >= $3))
       ORDER BY p.last_name, p.first_name`,
    [scope.organisationId, scope.siteId, from, to, onlyPersonIds ?? null],
  );
  const ids = people.map((person) => person.id);
  const days = new Map<string, { date: string; minutes: number }[]>();
  if (ids.length === 0) return { people: [], anomalies: [], days };
  const contracts: {
    person_id: string;
    type: ContractType;
    start_date: string;
    end_date: string | null;
    weekly_hours: string;
  }[] = await manager.query(
    `SELECT person_id, type, start_date::text, end_date::text, weekly_hours
       FROM contract WHERE person_id = ANY($1) AND start_date <= $3 AND (end_date IS NULL OR end_date >= $2)
       ORDER BY start_date`,
    [ids, span.from, to],
  );
  const absences: {
    person_id: string;
    kind: PayrollAbsence['kind'];
    start_date: string;
    end_date: string;
  }[] = await manager.query(
    `SELECT person_id, kind, start_date::text, end_date::text FROM absence
         WHERE person_id = ANY($1) AND start_date <= $3 AND end_date >= $2`,
    [ids, span.from, to],
  );
  const shifts: ShiftRow[] = await manager.query(
    `SELECT id, person_id, site_id, location_id, activity, start_at, end_at, break_minutes FROM shift
       WHERE person_id = ANY($1) AND start_at >= $2 AND start_at < $3 ORDER BY start_at`,
    [
      ids,
      new Date(zonedInstant(addDays(span.from, -1), '00:00', settings.timeZone)),
      new Date(zonedInstant(addDays(to, 1), '00:00', settings.timeZone)),
    ],
  );
  const adjustments = await manager.getRepository(PayrollAdjustmentEntity).find({
    where: ids.map((personId) => ({ personId, month })),
    order: { createdAt: 'ASC' },
  });
  const statements = await statementsOf(manager, ids, month);
  const group = <T extends { person_id: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const row of rows) out.set(row.person_id, [...(out.get(row.person_id) ?? []), row]);
    return out;
  };
  const contractsOf = group(contracts);
  const absencesOf = group(absences);
  const shiftsOf = group(shifts);
  const anomalies: PayrollAnomaly[] = [];
  const result: PayrollPersonMonth[] = [];
  for (const person of people) {
    const name = `${person.last_name} ${person.first_name}`;
    const personContracts = contractsOf.get(person.id) ?? [];
    const periods: PayrollContract[] = personContracts.map((c) => ({
      start: c.start_date,
      end: c.end_date,
      weeklyHours: Number(c.weekly_hours),
    }));
    const items: WorkItem[] = (shiftsOf.get(person.id) ?? []).map((shift) => ({
      id: shift.id,
      personId: person.id,
      start: shift.start_at.getTime(),
      end: shift.end_at.getTime(),
      breakMinutes: shift.break_minutes,
      activity: shift.activity,
      locationId: shift.location_id,
    }));
    const personAbsences = (absencesOf.get(person.id) ?? []).map((a) => ({
      kind: a.kind,
      start: a.start_date,
      end: a.end_date,
    }));
    const computed = payrollMonth({
      month,
      items,
      contracts: periods,
      absences: personAbsences,
      settings,
    });
    const excluded = new Set(computed.itemsDuringAbsence);
    const byDay = workMinutesByDay(
      items.filter((item) => !excluded.has(item.id)),
      settings,
    );
    const personDays = [...byDay]
      .filter(([date]) => date >= from && date <= to)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, minutes]) => ({ date, minutes: Math.round(minutes) }));
    days.set(person.id, personDays);
    for (const id of computed.itemsDuringAbsence) {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) continue;
      anomalies.push({
        kind: 'SHIFT_DURING_ABSENCE',
        isBlocking: false,
        personId: person.id,
        message: `${name} : créneau du ${formatDayLabel(localDate(Number(item.start), settings.timeZone))} pendant une absence, non compté.`,
      });
    }
    for (const day of personDays) {
      if (!periods.some((c) => c.start <= day.date && (c.end === null || c.end >= day.date))) {
        anomalies.push({
          kind: 'WORK_WITHOUT_CONTRACT',
          isBlocking: false,
          personId: person.id,
          message: `${name} : travail le ${formatDayLabel(day.date)} hors de tout contrat.`,
        });
      }
    }
    if (!person.payroll_id) {
      anomalies.push({
        kind: 'MISSING_PAYROLL_ID',
        isBlocking: false,
        personId: person.id,
        message: `${name} : pas de matricule de paie (l’export portera une colonne vide).`,
      });
    }
    const personAdjustments = adjustments.filter((a) => a.personId === person.id).map(toAdjustment);
    result.push({
      personId: person.id,
      name,
      payrollId: person.payroll_id,
      siteId: person.home_site_id,
      siteName: person.site_name,
      contracts: personContracts
        .filter((c) => c.start_date <= to && (c.end_date === null || c.end_date >= from))
        .map((c) => `${CONTRACT_TYPE_LABELS[c.type]} · ${formatHours(Number(c.weekly_hours))}`)
        .join(', '),
      quantities: computed.quantities,
      adjustments: personAdjustments,
      statement: statements.get(person.id) ?? { sentAt: null, signedAt: null },
    });
  }
  return { people: result, anomalies, days };
}

export async function statementsOf(
  manager: EntityManager,
  personIds: string[],
  month: string,
): Promise<Map<string, { sentAt: string | null; signedAt: string | null }>> {
  if (personIds.length === 0) return new Map();
  const rows = await manager
    .getRepository(HoursStatementEntity)
    .find({ where: personIds.map((personId) => ({ personId, month })) });
  return new Map(
    rows.map((row) => [
      row.personId,
      {
        sentAt: toZonedIso(row.sentAt),
        signedAt: row.signedAt ? toZonedIso(row.signedAt) : null,
      },
    ]),
  );
}
