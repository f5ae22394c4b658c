// Over 450 lines on purpose: a session's lifecycle (create, enrol, withdraw, attend, validate)
// shares one set of checks (overlap with shifts, capacity, prerequisites, who may act) and one
// transaction shape; split, each half would re-read the other's rows.
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EnrolmentStatus,
  TrainingEnrolment,
  TrainingModule,
  TrainingSession,
} from '@relais/api-types';
import {
  addDays,
  addMonths,
  civilDate,
  formatDayLabel,
  formatDuration,
  formatTime,
  isoWeekOfInstant,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { LocationEntity } from '../organisation/location.entity';
import { PathwaysService } from '../pathways/pathways.service';
import { PersonSkillEntity } from '../people/person-skill.entity';
import { PersonEntity } from '../people/person.entity';
import { ShiftEntity } from '../rota/shift.entity';
import { SiteWeekLoader } from '../rota/site-week/site-week.loader';
import { CreateSessionDto } from './dto/training.dto';
import {
  TrainingEnrolmentEntity,
  TrainingModuleEntity,
  TrainingRecordEntity,
  TrainingSessionEntity,
} from './training.entities';
import { SESSION_SELECT, SessionRow, toSession } from './training.mapper';

const MAX_SESSION_MS = 24 * 3_600_000;

export function toModule(entity: TrainingModuleEntity): TrainingModule {
  return {
    id: entity.id,
    code: entity.code,
    title: entity.title,
    category: entity.category,
    hours: entity.hours,
    modality: entity.modality,
    validityMonths: entity.validityMonths,
    prerequisiteCodes: entity.prerequisiteCodes,
    mandatoryFor: entity.mandatoryFor,
    grantsSkill: entity.grantsSkill,
  };
}

/** Catalogue, sessions, enrolment (a `training` work item on the rota), attendance, validation. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly pathways: PathwaysService,
    private readonly loader: SiteWeekLoader,
  ) {}

  async modules(user: AuthUser): Promise<TrainingModule[]> {
    const modules = await this.dataSource
      .getRepository(TrainingModuleEntity)
      .find({ where: { organisationId: user.organisationId }, order: { code: 'ASC' } });
    return modules.map(toModule);
  }

  async sessions(user: AuthUser, from?: string, to?: string): Promise<TrainingSession[]> {
    const start = from ?? addDays(todayIn(), -30);
    const end = to ?? addDays(todayIn(), 120);
    const rows: SessionRow[] = await this.dataSource.query(
      // A site manager sees the sessions of the sites they run (HR and direction: every site).
      `${SESSION_SELECT} WHERE s.organisation_id = $1 AND s.start_at >= $2::date AND s.start_at < ($3::date + 1)
         AND s.site_id = ANY($4::uuid[])
       ORDER BY s.start_at`,
      [user.organisationId, start, end, user.siteIds],
    );
    return rows.map(toSession);
  }

  async session(user: AuthUser, id: string): Promise<TrainingSession> {
    const [row]: SessionRow[] = await this.dataSource.query(
      `${SESSION_SELECT} WHERE s.organisation_id = $1 AND s.id = $2`,
      [user.organisationId, id],
    );
    if (!row) throw new NotFoundException('Session de formation introuvable.');
    this.access.requireSite(user, row.site_id, 'read');
    const enrolments: EnrolmentRow[] = await this.dataSource.query(
      `${ENROLMENT_SELECT} WHERE e.session_id = $1 ORDER BY p.last_name, p.first_name`,
      [id],
    );
    // Only HR, direction and the site's managers get here: each enrolment is an item on their rota.
    return { ...toSession(row), enrolments: enrolments.map(toEnrolment) };
  }

  async createSession(user: AuthUser, dto: CreateSessionDto): Promise<TrainingSession> {
    const startAt = new Date(dto.start);
    const endAt = new Date(dto.end);
    if (endAt.getTime() <= startAt.getTime())
      refuse('La fin de la session doit suivre son début.', 'end', 'doit suivre le début');
    if (endAt.getTime() - startAt.getTime() > MAX_SESSION_MS)
      refuse(
        'Une session dure une journée au plus : créez une session par jour.',
        'end',
        '24 h au plus après le début',
      );
    if (dto.breakMinutes * 60_000 >= endAt.getTime() - startAt.getTime())
      refuse('La pause doit être plus courte que la session.', 'breakMinutes', 'trop longue');
    const id = await this.dataSource.transaction(async (manager) => {
      const module = await manager.findOneBy(TrainingModuleEntity, {
        id: dto.moduleId,
        organisationId: user.organisationId,
      });
      if (!module) refuse('Module inconnu.', 'moduleId', 'module inconnu');
      const location = await manager.findOneBy(LocationEntity, {
        id: dto.locationId,
        organisationId: user.organisationId,
      });
      if (!location) refuse('Lieu inconnu.', 'locationId', 'lieu inconnu');
      this.access.requireSite(user, location.siteId, 'write');
      const session = await manager.save(
        manager.create(TrainingSessionEntity, {
          organisationId: user.organisationId,
          moduleId: module.id,
          siteId: location.siteId,
          locationId: location.id,
          startAt,
          endAt,
          breakMinutes: dto.breakMinutes,
          place: dto.place?.trim() || null,
          trainer: dto.trainer?.trim() || null,
          capacity: dto.capacity,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'training_session.create',
        entity: 'training_session',
        entityId: session.id,
        details: { module: module.code, start: dto.start, end: dto.end, capacity: dto.capacity },
      });
      return session.id;
    });
    return this.session(user, id);
  }

  /**
   * Enrols a person: prerequisites and capacity are checked under a lock on the session, then a
   * `training` shift blocks the person's time. The shift table's exclusion constraint refuses an
   * overlap with any shift or other session; the 409 names the work item in the way.
   */
  async enrol(user: AuthUser, sessionId: string, personId: string): Promise<TrainingEnrolment> {
    const session = await this.dataSource
      .getRepository(TrainingSessionEntity)
      .findOneBy({ id: sessionId, organisationId: user.organisationId });
    if (!session) throw new NotFoundException('Session de formation introuvable.');
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id: personId, organisationId: user.organisationId });
    if (!person) refuse('Personne inconnue.', 'personId', 'personne inconnue');
    this.access.requireEnrol(user, person, session.siteId);
    try {
      const enrolmentId = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT id FROM training_session WHERE id = $1 FOR UPDATE', [
          session.id,
        ]);
        // Like any rota change: the site-week is locked (publication waits for the enrolment).
        await this.loader.lockSiteWeek(
          manager,
          user.organisationId,
          session.siteId,
          isoWeekOfInstant(session.startAt.getTime(), user.timeZone),
        );
        const module = await manager.findOneByOrFail(TrainingModuleEntity, {
          id: session.moduleId,
        });
        if (await manager.existsBy(TrainingEnrolmentEntity, { sessionId, personId }))
          throw new ConflictException(
            `${person.firstName} ${person.lastName} a déjà une inscription à cette session.`,
          );
        const missing = await this.missingPrerequisites(manager, personId, module);
        if (missing.length)
          refuse(
            `Inscription refusée : prérequis manquant pour ${module.code} (${missing.join(', ')} à valider d’abord).`,
            'personId',
            `prérequis manquant : ${missing.join(', ')}`,
          );
        const taken = await manager.countBy(TrainingEnrolmentEntity, { sessionId });
        if (taken >= session.capacity)
          refuse(
            `Inscription refusée : la session est complète (${session.capacity} places).`,
            'sessionId',
            'session complète',
          );
        const shift = await manager.save(
          manager.create(ShiftEntity, {
            organisationId: user.organisationId,
            siteId: session.siteId,
            personId,
            locationId: session.locationId,
            activity: 'training',
            startAt: session.startAt,
            endAt: session.endAt,
            breakMinutes: session.breakMinutes,
            note: `${module.code} ${module.title}`.slice(0, 200),
            trainingSessionId: session.id,
            version: 1,
          }),
        );
        const enrolment = await manager.save(
          manager.create(TrainingEnrolmentEntity, {
            organisationId: user.organisationId,
            sessionId,
            personId,
            shiftId: shift.id,
            status: 'enrolled',
          }),
        );
        await this.audit.record(manager, user, {
          action: 'training_enrolment.create',
          entity: 'training_enrolment',
          entityId: enrolment.id,
          details: { sessionId, personId, module: module.code, shiftId: shift.id },
        });
        return enrolment.id;
      });
      return this.enrolment(enrolmentId);
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      throw await this.overlapConflict(person, session, user.timeZone);
    }
  }

  async unenrol(user: AuthUser, enrolmentId: string): Promise<void> {
    const { enrolment, session, person } = await this.findEnrolment(user, enrolmentId);
    this.access.requireWithdraw(user, person, session.siteId);
    if (enrolment.status === 'validated')
      throw new ConflictException(
        'Formation déjà validée : l’inscription ne peut plus être retirée.',
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(TrainingEnrolmentEntity, { id: enrolment.id });
      if (enrolment.shiftId) await manager.delete(ShiftEntity, { id: enrolment.shiftId });
      await this.audit.record(manager, user, {
        action: 'training_enrolment.delete',
        entity: 'training_enrolment',
        entityId: enrolment.id,
        details: { sessionId: enrolment.sessionId, personId: enrolment.personId },
      });
    });
  }

  /**
   * Attendance by the site manager (or HR): present or absent, from the session's day on. A
   * presence records the minutes actually attended: the session less its break by default, fewer
   * when the person left early or came late, never more.
   */
  async attendance(
    user: AuthUser,
    enrolmentId: string,
    present: boolean,
    attendedMinutes: number | null = null,
  ): Promise<TrainingEnrolment> {
    const { enrolment, session } = await this.findEnrolment(user, enrolmentId);
    this.access.requireSite(user, session.siteId, 'write');
    if (enrolment.status === 'validated')
      throw new ConflictException('Formation déjà validée par les RH : présence figée.');
    if (civilDate(session.startAt.getTime(), user.timeZone) > todayIn())
      refuse(
        'La présence se constate à partir du jour de la session.',
        'present',
        'session à venir',
      );
    const sessionMinutes = netMinutes(session);
    if (!present && attendedMinutes !== null)
      refuse(
        'Une absence ne compte aucune heure suivie : laissez « heures suivies » vide.',
        'attendedMinutes',
        'sans objet pour une absence',
      );
    if (attendedMinutes !== null && attendedMinutes > sessionMinutes)
      refuse(
        `Heures suivies : ${formatDuration(attendedMinutes)} dépasse la durée de la session (${formatDuration(sessionMinutes)}, pause déduite).`,
        'attendedMinutes',
        `au plus ${formatDuration(sessionMinutes)}`,
      );
    const status: EnrolmentStatus = present ? 'present' : 'absent';
    const minutes = present ? (attendedMinutes ?? sessionMinutes) : null;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        TrainingEnrolmentEntity,
        { id: enrolment.id },
        { status, attendanceBy: user.accountId, attendedMinutes: minutes },
      );
      await this.audit.record(manager, user, {
        action: 'training_enrolment.attendance',
        entity: 'training_enrolment',
        entityId: enrolment.id,
        details: { status, before: enrolment.status, attendedMinutes: minutes },
      });
    });
    return this.enrolment(enrolment.id);
  }

  /**
   * HR validation (second step) of one session: its attended minutes count toward the module.
   * The module closes only when the validated minutes since its last completion reach its hours
   * (a 3.5-day module needs all its days): then the record is written, its qualification granted
   * with the right expiry and the pathway milestones it completes are closed.
   */
  async validate(user: AuthUser, enrolmentId: string): Promise<TrainingEnrolment> {
    const { enrolment, session } = await this.findEnrolment(user, enrolmentId);
    if (enrolment.status === 'validated')
      throw new ConflictException('Cette formation est déjà validée.');
    if (enrolment.status !== 'present')
      refuse(
        'Validation refusée : la présence doit d’abord être constatée par le formateur ou la ou le responsable de site.',
        'status',
        enrolment.status === 'absent' ? 'absence constatée' : 'présence non constatée',
      );
    await this.dataSource.transaction(async (manager) => {
      const changed = await manager.update(
        TrainingEnrolmentEntity,
        { id: enrolment.id, status: 'present' },
        {
          status: 'validated',
          validatedBy: user.accountId,
          validatedAt: new Date(),
          // A presence noted before minutes were recorded counts the whole session.
          attendedMinutes: enrolment.attendedMinutes ?? netMinutes(session),
        },
      );
      if (changed.affected !== 1) throw new ConflictException('Inscription modifiée entre-temps.');
      const module = await manager.findOneByOrFail(TrainingModuleEntity, { id: session.moduleId });
      // One validation at a time per person and module: two sessions cannot both close it.
      await manager.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE`, [enrolment.personId]);
      const open: { id: string; minutes: number; end_at: Date }[] = await manager.query(
        `SELECT e.id, e.attended_minutes AS minutes, s.end_at
           FROM training_enrolment e JOIN training_session s ON s.id = e.session_id
          WHERE e.person_id = $1 AND s.module_id = $2 AND e.status = 'validated'
            AND e.record_id IS NULL AND e.attended_minutes IS NOT NULL
          ORDER BY s.end_at`,
        [enrolment.personId, module.id],
      );
      const attended = open.reduce((total, row) => total + row.minutes, 0);
      const required = Math.round(module.hours * 60);
      const details = {
        personId: enrolment.personId,
        module: module.code,
        attendedMinutes: enrolment.attendedMinutes ?? netMinutes(session),
        moduleMinutes: attended,
        requiredMinutes: required,
      };
      if (attended < required) {
        await this.audit.record(manager, user, {
          action: 'training_enrolment.validate',
          entity: 'training_enrolment',
          entityId: enrolment.id,
          details: { ...details, isComplete: false },
        });
        return;
      }
      const last = open.reduce(
        (latest, row) => (row.end_at.getTime() > latest ? row.end_at.getTime() : latest),
        session.endAt.getTime(),
      );
      const completedOn = civilDate(last, user.timeZone);
      const expiresOn =
        module.validityMonths === null
          ? null
          : addDays(addMonths(completedOn, module.validityMonths), -1);
      const record = await manager.save(
        manager.create(TrainingRecordEntity, {
          organisationId: user.organisationId,
          personId: enrolment.personId,
          moduleId: module.id,
          completedOn,
          hours: Math.round((attended / 60) * 10) / 10,
          expiresOn,
          enrolmentId: enrolment.id,
        }),
      );
      await manager.update(
        TrainingEnrolmentEntity,
        open.map((row) => ({ id: row.id })),
        { recordId: record.id },
      );
      if (module.grantsSkill) {
        await manager.insert(PersonSkillEntity, {
          organisationId: user.organisationId,
          personId: enrolment.personId,
          skill: module.grantsSkill,
          detail: `${module.code} ${module.title}`.slice(0, 200),
          acquiredOn: completedOn,
          expiresOn,
        });
      }
      await this.pathways.ensurePlan(manager, user.organisationId, enrolment.personId);
      const closed = await this.pathways.completeMilestones(
        manager,
        enrolment.personId,
        completedOn,
      );
      await this.pathways.syncFacts(
        manager,
        user.organisationId,
        enrolment.personId,
        todayIn(user.timeZone),
      );
      await this.audit.record(manager, user, {
        action: 'training_enrolment.validate',
        entity: 'training_enrolment',
        entityId: enrolment.id,
        details: {
          ...details,
          isComplete: true,
          skill: module.grantsSkill,
          expiresOn,
          milestones: closed,
        },
      });
    });
    return this.enrolment(enrolment.id);
  }

  private async missingPrerequisites(
    manager: EntityManager,
    personId: string,
    module: TrainingModuleEntity,
  ): Promise<string[]> {
    if (!module.prerequisiteCodes.length) return [];
    const rows: { code: string }[] = await manager.query(
      `SELECT DISTINCT m.code FROM training_record r JOIN training_module m ON m.id = r.module_id
       WHERE r.person_id = $1 AND m.code = ANY($2)`,
      [personId, module.prerequisiteCodes],
    );
    const done = new Set(rows.map((row) => row.code));
    return module.prerequisiteCodes.filter((code) => !done.has(code));
  }

  private async overlapConflict(
    person: PersonEntity,
    session: TrainingSessionEntity,
    timeZone: string,
  ): Promise<ConflictException> {
    const [other] = await this.dataSource.query(
      `SELECT s.id, s.start_at, s.end_at, s.activity, s.version, s.site_id, l.name FROM shift s JOIN location l ON l.id = s.location_id
       WHERE s.person_id = $1 AND tstzrange(s.start_at, s.end_at) && tstzrange($2::timestamptz, $3::timestamptz)
       ORDER BY s.start_at LIMIT 1`,
      [person.id, session.startAt, session.endAt],
    );
    const label = other
      ? `le créneau ${other.activity} du ${formatDayLabel(civilDate(other.start_at.getTime(), timeZone))} ${formatTime(other.start_at.getTime(), timeZone)}–${formatTime(other.end_at.getTime(), timeZone)} (${other.name})`
      : 'un autre créneau';
    return new ConflictException({
      message: `Chevauchement refusé : ${person.firstName} ${person.lastName} a déjà ${label}. Déplacez ou retirez ce créneau puis réessayez.`,
      details: [
        {
          field: 'personId',
          message: `chevauche ${label}`,
          ...(other
            ? {
                shiftId: other.id,
                shiftVersion: other.version,
                siteId: other.site_id,
                start: toZonedIso(other.start_at, timeZone),
                end: toZonedIso(other.end_at, timeZone),
              }
            : {}),
        },
      ],
    });
  }

  private async findEnrolment(
    user: AuthUser,
    id: string,
  ): Promise<{
    enrolment: TrainingEnrolmentEntity;
    session: TrainingSessionEntity;
    person: PersonEntity;
  }> {
    const enrolment = await this.dataSource
      .getRepository(TrainingEnrolmentEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!enrolment) throw new NotFoundException('Inscription introuvable.');
    const session = await this.dataSource
      .getRepository(TrainingSessionEntity)
      .findOneByOrFail({ id: enrolment.sessionId });
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneByOrFail({ id: enrolment.personId });
    return { enrolment, session, person };
  }

  private async enrolment(id: string): Promise<TrainingEnrolment> {
    const [row]: EnrolmentRow[] = await this.dataSource.query(
      `${ENROLMENT_SELECT} WHERE e.id = $1`,
      [id],
    );
    if (!row) throw new UnprocessableEntityException('Inscription introuvable.');
    return toEnrolment(row);
  }
}

interface EnrolmentRow {
  id: string;
  session_id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  status: EnrolmentStatus;
  shift_id: string | null;
  attended_minutes: number | null;
  module_minutes: number;
  module_hours: string;
  is_complete: boolean;
}

// The module's minutes for the person: the validated sessions of the same completion (still open,
// or the record this session closed).
const ENROLMENT_SELECT = `SELECT e.id, e.session_id, e.person_id, p.first_name, p.last_name, e.status, e.shift_id,
    e.attended_minutes, m.hours AS module_hours, e.record_id IS NOT NULL AS is_complete,
    (SELECT COALESCE(sum(v.attended_minutes), 0)::int FROM training_enrolment v
       JOIN training_session vs ON vs.id = v.session_id
      WHERE v.person_id = e.person_id AND vs.module_id = s.module_id AND v.status = 'validated'
        AND v.record_id IS NOT DISTINCT FROM e.record_id) AS module_minutes
  FROM training_enrolment e JOIN person p ON p.id = e.person_id
  JOIN training_session s ON s.id = e.session_id JOIN training_module m ON m.id = s.module_id`;

function toEnrolment(row: EnrolmentRow): TrainingEnrolment {
  return {
    id: row.id,
    sessionId: row.session_id,
    personId: row.person_id,
    personName: `${row.first_name} ${row.last_name}`,
    status: row.status,
    shiftId: row.shift_id,
    attendedMinutes: row.attended_minutes,
    module: {
      attendedMinutes: row.module_minutes,
      requiredMinutes: Math.round(Number(row.module_hours) * 60),
      isComplete: row.is_complete,
    },
  };
}

/** A session's length less its break, in minutes. */
function netMinutes(session: TrainingSessionEntity): number {
  return (
    Math.round((session.endAt.getTime() - session.startAt.getTime()) / 60_000) -
    session.breakMinutes
  );
}
