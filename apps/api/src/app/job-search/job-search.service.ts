import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CareerAction,
  Immersion,
  JobApplication,
  JobSearch,
  ProfessionalProject,
} from '@relais/api-types';
import { formatDate, immersionLastDay } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PathwaysService } from '../pathways/pathways.service';
import type { PersonEntity } from '../people/person.entity';
import type {
  CareerActionDto,
  ImmersionDto,
  JobApplicationDto,
  JobApplicationStatusDto,
  ProfessionalProjectDto,
} from './dto/job-search.dto';
import {
  CareerActionEntity,
  ImmersionEntity,
  JobApplicationEntity,
  PartnerEmployerEntity,
  ProfessionalProjectEntity,
} from './job-search.entities';

const trimmed = (value: string | null): string | null => value?.trim() || null;

/**
 * Job-search support on a person's pathway: the professional project (P11), PMSMP immersions
 * (P10), applications and career actions. Reads follow the pathway's read policy; the project,
 * immersions and career actions are written by HR and admin (the controller says so);
 * applications also by the person themself (AccessService.requireWriteApplications). Every
 * write is one transaction with its audit event and the milestones its facts close.
 */
@Injectable()
export class JobSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pathways: PathwaysService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, personId: string): Promise<JobSearch> {
    const person = await this.pathways.readablePerson(user, personId);
    return this.answer(user, person);
  }

  async saveProject(
    user: AuthUser,
    personId: string,
    body: ProfessionalProjectDto,
  ): Promise<JobSearch> {
    const person = await this.pathways.readablePerson(user, personId);
    const today = todayIn(user.timeZone);
    if (body.validatedOn !== null && body.validatedOn > today)
      refuse(
        `Un projet ne peut pas être validé dans le futur (${formatDate(body.validatedOn)}).`,
        'validatedOn',
        'date future',
      );
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(ProfessionalProjectEntity, { personId: person.id });
      const isNewValidation =
        body.validatedOn !== null && body.validatedOn !== (before?.validatedOn ?? null);
      const after = {
        targetJobs: body.targetJobs.trim(),
        sector: trimmed(body.sector),
        steps: trimmed(body.steps),
        validatedOn: body.validatedOn,
        validatedBy:
          body.validatedOn === null
            ? null
            : isNewValidation
              ? user.accountId
              : (before?.validatedBy ?? user.accountId),
      };
      if (before) await manager.update(ProfessionalProjectEntity, { id: before.id }, after);
      else
        await manager.insert(ProfessionalProjectEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          ...after,
        });
      await this.audit.record(manager, user, {
        action: 'professional_project.save',
        entity: 'person',
        entityId: person.id,
        details: {
          before: before ? { validatedOn: before.validatedOn } : null,
          after: { validatedOn: after.validatedOn },
        },
      });
      await this.pathways.syncFacts(manager, user.organisationId, person.id, today);
    });
    return this.answer(user, person);
  }

  async addImmersion(user: AuthUser, personId: string, body: ImmersionDto): Promise<JobSearch> {
    const person = await this.pathways.readablePerson(user, personId);
    const today = todayIn(user.timeZone);
    if (body.end < body.start)
      refuse(
        `La fin (${formatDate(body.end)}) précède le début (${formatDate(body.start)}).`,
        'end',
        'avant le début',
      );
    const lastDay = immersionLastDay(body.start);
    if (body.end > lastDay)
      refuse(
        `Une immersion (PMSMP) dure un mois au plus, de date à date (Code du travail, art. D5135-3) : commencée le ${formatDate(body.start)}, elle finit le ${formatDate(lastDay)} au plus tard. Une seconde convention peut la renouveler une fois.`,
        'end',
        'un mois au plus (D5135-3)',
      );
    if (body.conventionSignedOn > body.start)
      refuse(
        `Pas d’immersion sans convention signée avant son début (Code du travail, art. L5135-4) : signée le ${formatDate(body.conventionSignedOn)}, après le ${formatDate(body.start)}.`,
        'conventionSignedOn',
        'signée après le début',
      );
    if (body.conventionSignedOn > today)
      refuse(
        `Une convention ne peut pas être signée dans le futur (${formatDate(body.conventionSignedOn)}) : enregistrez l’immersion une fois la convention signée (L5135-4).`,
        'conventionSignedOn',
        'date future',
      );
    const prescriberName = trimmed(body.prescriberName);
    if (body.prescriber === 'AUTRE' && prescriberName === null)
      refuse(
        'Nommez l’organisme prescripteur : hors France Travail, mission locale et Cap emploi, seul un organisme habilité par convention peut prescrire une immersion (L5135-2).',
        'prescriberName',
        'obligatoire pour un autre prescripteur',
      );
    await this.dataSource.transaction(async (manager) => {
      const employer = await this.partner(manager, user, body.employerId, 'employerId');
      const [contract]: { id: string }[] = await manager.query(
        `SELECT id FROM contract WHERE person_id = $1 AND start_date <= $2::date
            AND (end_date IS NULL OR end_date >= $3::date) LIMIT 1`,
        [person.id, body.start, body.end],
      );
      if (!contract)
        refuse(
          `L’immersion du ${formatDate(body.start)} au ${formatDate(body.end)} doit tenir dans un des contrats de la personne.`,
          'start',
          'hors contrat',
        );
      const [overlap]: { start_date: string }[] = await manager.query(
        `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date FROM immersion
          WHERE person_id = $1 AND start_date <= $3::date AND end_date >= $2::date LIMIT 1`,
        [person.id, body.start, body.end],
      );
      if (overlap)
        refuse(
          `Une autre immersion, commencée le ${formatDate(overlap.start_date)}, couvre déjà une partie de ces dates.`,
          'start',
          'chevauche une autre immersion',
        );
      const saved = await manager.save(
        manager.create(ImmersionEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          employerId: employer.id,
          startDate: body.start,
          endDate: body.end,
          objective: body.objective,
          prescriber: body.prescriber,
          prescriberName: body.prescriber === 'AUTRE' ? prescriberName : null,
          conventionSignedOn: body.conventionSignedOn,
          tutorName: body.tutorName.trim(),
        }),
      );
      await this.audit.record(manager, user, {
        action: 'immersion.create',
        entity: 'immersion',
        entityId: saved.id,
        details: { personId: person.id, employerId: employer.id, start: body.start, end: body.end },
      });
      await this.pathways.syncFacts(manager, user.organisationId, person.id, today);
    });
    return this.answer(user, person);
  }

  async addApplication(
    user: AuthUser,
    personId: string,
    body: JobApplicationDto,
  ): Promise<JobSearch> {
    const person = await this.pathways.readablePerson(user, personId);
    this.access.requireWriteApplications(user, person);
    const employerName = trimmed(body.employerName);
    if ((body.employerId === null) === (employerName === null))
      refuse(
        'Choisissez un employeur partenaire ou écrivez le nom de l’employeur (l’un ou l’autre).',
        'employerName',
        'un employeur attendu',
      );
    if (body.sentOn > todayIn(user.timeZone))
      refuse(
        `Une candidature ne peut pas être envoyée dans le futur (${formatDate(body.sentOn)}).`,
        'sentOn',
        'date future',
      );
    await this.dataSource.transaction(async (manager) => {
      if (body.employerId !== null)
        await this.partner(manager, user, body.employerId, 'employerId');
      const saved = await manager.save(
        manager.create(JobApplicationEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          employerId: body.employerId,
          employerName: body.employerId === null ? employerName : null,
          position: body.position.trim(),
          contract: body.contract,
          sentOn: body.sentOn,
          status: 'ENVOYEE',
          statusOn: body.sentOn,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'job_application.create',
        entity: 'job_application',
        entityId: saved.id,
        details: { personId: person.id },
      });
    });
    return this.answer(user, person);
  }

  async updateApplication(
    user: AuthUser,
    id: string,
    body: JobApplicationStatusDto,
  ): Promise<JobSearch> {
    const found = await this.dataSource
      .getRepository(JobApplicationEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!found) throw new NotFoundException('Candidature introuvable.');
    const person = await this.pathways.readablePerson(user, found.personId);
    this.access.requireWriteApplications(user, person);
    if (body.statusOn > todayIn(user.timeZone))
      refuse(
        `Un changement ne peut pas être daté dans le futur (${formatDate(body.statusOn)}).`,
        'statusOn',
        'date future',
      );
    if (body.statusOn < found.sentOn)
      refuse(
        `Le changement (${formatDate(body.statusOn)}) ne peut pas précéder l’envoi de la candidature (${formatDate(found.sentOn)}).`,
        'statusOn',
        'avant l’envoi',
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        JobApplicationEntity,
        { id },
        { status: body.status, statusOn: body.statusOn },
      );
      await this.audit.record(manager, user, {
        action: 'job_application.update',
        entity: 'job_application',
        entityId: id,
        details: {
          personId: person.id,
          before: { status: found.status, statusOn: found.statusOn },
          after: { status: body.status, statusOn: body.statusOn },
        },
      });
    });
    return this.answer(user, person);
  }

  async addCareerAction(
    user: AuthUser,
    personId: string,
    body: CareerActionDto,
  ): Promise<JobSearch> {
    const person = await this.pathways.readablePerson(user, personId);
    checkCareerDates(body);
    await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(CareerActionEntity, {
          organisationId: user.organisationId,
          personId: person.id,
          ...careerFields(body),
        }),
      );
      await this.audit.record(manager, user, {
        action: 'career_action.create',
        entity: 'career_action',
        entityId: saved.id,
        details: { personId: person.id, kind: body.kind, status: body.status },
      });
    });
    return this.answer(user, person);
  }

  async updateCareerAction(user: AuthUser, id: string, body: CareerActionDto): Promise<JobSearch> {
    const found = await this.dataSource
      .getRepository(CareerActionEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!found) throw new NotFoundException('Action de formation introuvable.');
    const person = await this.pathways.readablePerson(user, found.personId);
    checkCareerDates(body);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(CareerActionEntity, { id }, careerFields(body));
      await this.audit.record(manager, user, {
        action: 'career_action.update',
        entity: 'career_action',
        entityId: id,
        details: {
          personId: person.id,
          before: { kind: found.kind, status: found.status },
          after: { kind: body.kind, status: body.status },
        },
      });
    });
    return this.answer(user, person);
  }

  /** A partner employer of the caller's organisation, or a 422 naming the field. */
  private async partner(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    field: string,
  ): Promise<PartnerEmployerEntity> {
    const employer = await manager.findOneBy(PartnerEmployerEntity, {
      id,
      organisationId: user.organisationId,
    });
    if (!employer)
      refuse(
        'Employeur partenaire inconnu : ajoutez-le d’abord aux employeurs partenaires.',
        field,
        'inconnu',
      );
    return employer;
  }

  private async answer(user: AuthUser, person: PersonEntity): Promise<JobSearch> {
    const today = todayIn(user.timeZone);
    const [project]: (Omit<ProfessionalProject, 'validatedByName'> & {
      validatedByName: string | null;
    })[] = await this.dataSource.query(
      `SELECT j.target_jobs AS "targetJobs", j.sector, j.steps,
              to_char(j.validated_on, 'YYYY-MM-DD') AS "validatedOn",
              CASE WHEN v.id IS NULL THEN NULL ELSE v.first_name || ' ' || v.last_name END AS "validatedByName"
         FROM professional_project j
         LEFT JOIN account a ON a.id = j.validated_by
         LEFT JOIN person v ON v.id = a.person_id
        WHERE j.person_id = $1`,
      [person.id],
    );
    const immersions: (Omit<Immersion, 'isDone'> & { isDone?: boolean })[] =
      await this.dataSource.query(
        `SELECT i.id, i.employer_id AS "employerId", e.name AS "employerName",
                to_char(i.start_date, 'YYYY-MM-DD') AS start, to_char(i.end_date, 'YYYY-MM-DD') AS "end",
                i.objective, i.prescriber, i.prescriber_name AS "prescriberName",
                to_char(i.convention_signed_on, 'YYYY-MM-DD') AS "conventionSignedOn",
                i.tutor_name AS "tutorName"
           FROM immersion i JOIN partner_employer e ON e.id = i.employer_id
          WHERE i.person_id = $1 ORDER BY i.start_date DESC`,
        [person.id],
      );
    const applications: JobApplication[] = await this.dataSource.query(
      `SELECT a.id, a.employer_id AS "employerId", COALESCE(e.name, a.employer_name) AS "employerName",
              a.position, a.contract, to_char(a.sent_on, 'YYYY-MM-DD') AS "sentOn", a.status,
              to_char(a.status_on, 'YYYY-MM-DD') AS "statusOn"
         FROM job_application a LEFT JOIN partner_employer e ON e.id = a.employer_id
        WHERE a.person_id = $1 ORDER BY a.sent_on DESC, a.created_at DESC`,
      [person.id],
    );
    const actions: (Omit<CareerAction, 'hours'> & { hours: string | null })[] =
      await this.dataSource.query(
        `SELECT id, kind, title, provider,
                to_char(planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(planned_end, 'YYYY-MM-DD') AS "plannedEnd",
                to_char(actual_start, 'YYYY-MM-DD') AS "actualStart", to_char(actual_end, 'YYYY-MM-DD') AS "actualEnd",
                hours, funding, status
           FROM career_action WHERE person_id = $1
          ORDER BY COALESCE(actual_start, planned_start) DESC NULLS LAST, created_at DESC`,
        [person.id],
      );
    return {
      personId: person.id,
      project: project ?? null,
      immersions: immersions.map((immersion) => ({ ...immersion, isDone: immersion.end <= today })),
      applications,
      careerActions: actions.map((action) => ({
        ...action,
        hours: action.hours === null ? null : Number(action.hours),
      })),
      canManage: this.access.isOrganisationWide(user.role),
      canApply: this.access.canWriteApplications(user, person),
    };
  }
}

function checkCareerDates(body: CareerActionDto): void {
  for (const [from, to, field, what] of [
    [body.plannedStart, body.plannedEnd, 'plannedEnd', 'prévue'],
    [body.actualStart, body.actualEnd, 'actualEnd', 'réelle'],
  ] as const) {
    if (from !== null && to !== null && to < from)
      refuse(
        `La fin ${what} (${formatDate(to)}) précède le début (${formatDate(from)}).`,
        field,
        'avant le début',
      );
  }
}

function careerFields(body: CareerActionDto): Omit<CareerAction, 'id'> {
  return {
    kind: body.kind,
    title: body.title.trim(),
    provider: trimmed(body.provider),
    plannedStart: body.plannedStart,
    plannedEnd: body.plannedEnd,
    actualStart: body.actualStart,
    actualEnd: body.actualEnd,
    hours: body.hours,
    funding: trimmed(body.funding),
    status: body.status,
  };
}
