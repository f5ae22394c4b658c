import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CertificateReminder,
  ContractType,
  MandatoryFor,
  Pathway,
  Role,
  SkillCode,
} from '@relais/api-types';
import {
  MILESTONES,
  PATHWAY_TEMPLATES,
  mandatoryModules,
  milestoneStatus,
  pathwayAlerts,
  pathwayProgress,
  planMilestones,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PersonEntity } from '../people/person.entity';
import { SESSION_SELECT, toSession } from '../training/training.mapper';
import { UpdateMilestoneDto } from './dto/pathways.dto';
import {
  PathwayEvidenceEntity,
  PathwayMilestoneEntity,
  PathwayPlanEntity,
} from './pathway.entities';
import { toEvidence } from './pathway.mapper';

interface ContractRow {
  id: string;
  type: ContractType;
  start_date: string;
  end_date: string | null;
}

/** Pathway plans (created from the template of the contract type), progress, evidence, notes. */
@Injectable()
export class PathwaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /** The person, if the caller may read their pathway: HR/admin, the manager of their site, themselves. */
  async readablePerson(user: AuthUser, personId: string): Promise<PersonEntity> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id: personId, organisationId: user.organisationId });
    if (!person) throw new NotFoundException('Personne introuvable.');
    this.access.requireReadPerson(
      user,
      person,
      'Ce parcours ne fait pas partie de votre périmètre.',
    );
    return person;
  }

  ensurePlan(
    manager: EntityManager,
    organisationId: string,
    personId: string,
  ): Promise<PathwayPlanEntity | null> {
    return ensurePathwayPlan(manager, organisationId, personId);
  }

  completeMilestones(
    manager: EntityManager,
    personId: string,
    on: string | null,
  ): Promise<string[]> {
    return completePathwayMilestones(manager, personId, on);
  }

  async pathway(user: AuthUser, personId: string): Promise<Pathway> {
    const person = await this.readablePerson(user, personId);
    const plan = await this.dataSource.transaction((manager) =>
      this.ensurePlan(manager, user.organisationId, person.id),
    );
    const today = todayIn();
    const contracts: ContractRow[] = await this.dataSource.query(
      `SELECT id, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
       FROM contract WHERE person_id = $1 ORDER BY start_date`,
      [person.id],
    );
    const span = contracts.length ? contractSpan(contracts) : null;
    const milestones = plan
      ? await this.dataSource
          .getRepository(PathwayMilestoneEntity)
          .find({ where: { planId: plan.id }, order: { position: 'ASC' } })
      : [];
    const evidence = milestones.length
      ? await this.dataSource.getRepository(PathwayEvidenceEntity).find({
          where: milestones.map((m) => ({ milestoneId: m.id })),
          order: { uploadedAt: 'ASC' },
        })
      : [];
    const modules: {
      code: string;
      title: string;
      hours: string;
      mandatoryFor: MandatoryFor | null;
    }[] = await this.dataSource.query(
      `SELECT code, title, hours, mandatory_for AS "mandatoryFor" FROM training_module
        WHERE organisation_id = $1 ORDER BY code`,
      [user.organisationId],
    );
    const profile: { role: Role | null; is_france_services: boolean | null } = (
      await this.dataSource.query(
        `SELECT a.role, s.is_france_services FROM person p
           LEFT JOIN account a ON a.person_id = p.id
           LEFT JOIN site s ON s.id = p.home_site_id
          WHERE p.id = $1`,
        [person.id],
      )
    )[0];
    const records: {
      code: string;
      title: string;
      completed_on: string;
      hours: string;
      expires_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT m.code, m.title, to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on, r.hours,
              to_char(r.expires_on, 'YYYY-MM-DD') AS expires_on
       FROM training_record r JOIN training_module m ON m.id = r.module_id
       WHERE r.person_id = $1 ORDER BY r.completed_on DESC`,
      [person.id],
    );
    const validated = new Set(records.map((record) => record.code));
    const required = (plan?.requiredModuleCodes ?? [])
      .map((code) => modules.find((module) => module.code === code))
      .filter((module) => module !== undefined)
      .map((module) => ({ code: module.code, title: module.title, hours: Number(module.hours) }));
    const sessions = await this.dataSource.query(
      `${SESSION_SELECT} JOIN training_enrolment e ON e.session_id = s.id
       WHERE e.person_id = $1 AND s.end_at >= now() ORDER BY s.start_at`,
      [person.id],
    );
    const certificates: { skill: SkillCode; acquired_on: string; expires_on: string | null }[] =
      await this.dataSource.query(
        `SELECT skill, to_char(acquired_on, 'YYYY-MM-DD') AS acquired_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on
         FROM person_skill WHERE person_id = $1 AND skill <> 'language' ORDER BY skill, acquired_on DESC`,
        [person.id],
      );
    const contractType = plan?.contractType ?? span?.current.type ?? null;
    const mandatory = mandatoryModules(
      modules,
      {
        role: profile.role,
        contractType,
        isFranceServices: profile.is_france_services ?? false,
        hireDate: span?.hire ?? null,
      },
      validated,
      today,
    );
    const milestoneViews = milestones.map((milestone) => ({
      id: milestone.id,
      code: milestone.code,
      title: milestone.title,
      due: milestone.dueOn,
      doneOn: milestone.doneOn,
      status: milestoneStatus({ due: milestone.dueOn, doneOn: milestone.doneOn }, today),
      evidence: evidence.filter((e) => e.milestoneId === milestone.id).map(toEvidence),
    }));
    return {
      personId: person.id,
      personName: `${person.firstName} ${person.lastName}`,
      contractType,
      contractId: span?.current.id ?? null,
      hireDate: span?.hire ?? null,
      contractEnd: span?.end ?? null,
      progress: pathwayProgress(required, validated),
      milestones: milestoneViews,
      requiredModules: required.map((module) => ({
        ...module,
        isDone: validated.has(module.code),
      })),
      mandatoryModules: mandatory,
      records: records.map((record) => ({
        moduleCode: record.code,
        moduleTitle: record.title,
        completedOn: record.completed_on,
        hours: Number(record.hours),
        expiresOn: record.expires_on,
      })),
      upcomingSessions: sessions.map(toSession),
      certificates: certificates.map((row) => ({
        skill: row.skill,
        acquiredOn: row.acquired_on,
        expiresOn: row.expires_on,
      })),
      reminders: await this.remindersFor(user.organisationId, [person.id]),
      alerts: pathwayAlerts(
        plan?.contractType ?? null,
        milestones.map((m) => ({ code: m.code, due: m.dueOn, doneOn: m.doneOn })),
        today,
        mandatory,
      ),
    };
  }

  /** Certificate reminders of some people, newest first (for pages, dashboards and the inbox). */
  async remindersFor(organisationId: string, personIds: string[]): Promise<CertificateReminder[]> {
    if (!personIds.length) return [];
    const rows: {
      id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      skill: SkillCode;
      expires_on: string;
      threshold_days: number;
      message: string;
      raised_at: Date;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.person_id, p.first_name, p.last_name, r.skill, to_char(r.expires_on, 'YYYY-MM-DD') AS expires_on,
              r.threshold_days, r.message, r.raised_at
       FROM certificate_reminder r JOIN person p ON p.id = r.person_id
       WHERE r.organisation_id = $1 AND r.person_id = ANY($2) ORDER BY r.raised_at DESC, r.threshold_days`,
      [organisationId, personIds],
    );
    return rows.map((row) => ({
      id: row.id,
      personId: row.person_id,
      personName: `${row.first_name} ${row.last_name}`,
      skill: row.skill,
      expiresOn: row.expires_on,
      thresholdDays: row.threshold_days,
      message: row.message,
      raisedAt: row.raised_at.toISOString(),
    }));
  }

  async updateMilestone(user: AuthUser, id: string, dto: UpdateMilestoneDto): Promise<Pathway> {
    const { milestone, plan } = await this.findMilestone(user, id);
    await this.dataSource.transaction(async (manager) => {
      const changes: Partial<PathwayMilestoneEntity> = {};
      if (dto.dueOn !== undefined) changes.dueOn = dto.dueOn;
      if (dto.doneOn !== undefined) {
        if (dto.doneOn && dto.doneOn > todayIn())
          refuse('Un jalon ne peut pas être fait dans le futur.', 'doneOn', 'date future');
        changes.doneOn = dto.doneOn;
      }
      if (!Object.keys(changes).length) refuse('Rien à modifier.', 'doneOn', 'champ attendu');
      await manager.update(PathwayMilestoneEntity, { id }, changes);
      await this.audit.record(manager, user, {
        action: 'pathway_milestone.update',
        entity: 'pathway_milestone',
        entityId: id,
        details: {
          personId: plan.personId,
          code: milestone.code,
          before: { dueOn: milestone.dueOn, doneOn: milestone.doneOn },
          after: changes,
        },
      });
    });
    return this.pathway(user, plan.personId);
  }

  /** HR edits the modules a plan requires (the template's list is only the starting point). */
  async updatePlan(user: AuthUser, personId: string, codes: string[]): Promise<Pathway> {
    const person = await this.readablePerson(user, personId);
    const wanted = [...new Set(codes)];
    const known: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM training_module WHERE organisation_id = $1 AND code = ANY($2)`,
      [user.organisationId, wanted],
    );
    const unknown = wanted.filter((code) => !known.some((row) => row.code === code));
    if (unknown.length)
      refuse(
        `Module inconnu du catalogue : ${unknown.join(', ')}.`,
        'requiredModuleCodes',
        `inconnu : ${unknown.join(', ')}`,
      );
    await this.dataSource.transaction(async (manager) => {
      const plan = await ensurePathwayPlan(manager, user.organisationId, person.id);
      if (!plan) refuse('Pas de parcours sans contrat.', 'requiredModuleCodes', 'aucun contrat');
      await manager.update(PathwayPlanEntity, { id: plan.id }, { requiredModuleCodes: wanted });
      await this.audit.record(manager, user, {
        action: 'pathway_plan.update',
        entity: 'pathway_plan',
        entityId: plan.id,
        details: { personId: person.id, before: plan.requiredModuleCodes, after: wanted },
      });
    });
    return this.pathway(user, person.id);
  }

  /**
   * A milestone the caller may act on: HR/admin anywhere; a manager for people of their sites
   * (evidence only); the person themselves may attach and read their own evidence.
   */
  /** The milestone and its plan, if the caller may act on it (evidence: the person's readers too). */
  async findMilestone(
    user: AuthUser,
    id: string,
    isEvidence = false,
    isRead = false,
  ): Promise<{ milestone: PathwayMilestoneEntity; plan: PathwayPlanEntity }> {
    const milestone = await this.dataSource
      .getRepository(PathwayMilestoneEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!milestone) throw new NotFoundException('Jalon introuvable.');
    const plan = await this.dataSource
      .getRepository(PathwayPlanEntity)
      .findOneByOrFail({ id: milestone.planId });
    if (this.access.isOrganisationWide(user.role)) return { milestone, plan };
    if (isEvidence || isRead) {
      await this.readablePerson(user, plan.personId);
      return { milestone, plan };
    }
    throw new ForbiddenException('Action réservée aux RH et à la direction.');
  }
}

/**
 * The plan of a person, created from the template of their contract type the first time it is
 * needed (at hiring, or on first read for people hired before this feature). Null without contract.
 */
export async function ensurePathwayPlan(
  manager: EntityManager,
  organisationId: string,
  personId: string,
): Promise<PathwayPlanEntity | null> {
  const existing = await manager.findOneBy(PathwayPlanEntity, { personId });
  if (existing) return existing;
  const contracts: ContractRow[] = await manager.query(
    `SELECT id, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
     FROM contract WHERE person_id = $1 ORDER BY start_date`,
    [personId],
  );
  if (!contracts.length) return null;
  const { hire, end, current } = contractSpan(contracts);
  await manager.query(
    `INSERT INTO pathway_plan (organisation_id, person_id, contract_id, contract_type, required_module_codes)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id) DO NOTHING`,
    [organisationId, personId, current.id, current.type, PATHWAY_TEMPLATES[current.type].modules],
  );
  const plan = await manager.findOneByOrFail(PathwayPlanEntity, { personId });
  const planned = planMilestones(current.type, hire, end);
  await manager
    .createQueryBuilder()
    .insert()
    .into(PathwayMilestoneEntity)
    .values(
      planned.map((milestone) => ({
        organisationId,
        planId: plan.id,
        code: milestone.code,
        title: milestone.title,
        position: milestone.position,
        dueOn: milestone.due,
        doneOn: null,
      })),
    )
    .orIgnore()
    .execute();
  await completePathwayMilestones(manager, personId, null);
  return plan;
}

/** Marks done the milestones whose modules are all validated; returns their codes. */
export async function completePathwayMilestones(
  manager: EntityManager,
  personId: string,
  on: string | null,
): Promise<string[]> {
  const plan = await manager.findOneBy(PathwayPlanEntity, { personId });
  if (!plan) return [];
  const records: { code: string; completed_on: string }[] = await manager.query(
    `SELECT m.code, to_char(max(r.completed_on), 'YYYY-MM-DD') AS completed_on
     FROM training_record r JOIN training_module m ON m.id = r.module_id WHERE r.person_id = $1 GROUP BY m.code`,
    [personId],
  );
  const doneOn = new Map(records.map((row) => [row.code, row.completed_on]));
  const closed: string[] = [];
  const open = await manager.findBy(PathwayMilestoneEntity, { planId: plan.id });
  for (const milestone of open.filter((m) => m.doneOn === null)) {
    const codes = MILESTONES.find((t) => t.code === milestone.code)?.moduleCodes;
    if (!codes?.length || !codes.every((code) => doneOn.has(code))) continue;
    const last = codes
      .map((code) => doneOn.get(code) as string)
      .sort()
      .at(-1) as string;
    await manager.update(
      PathwayMilestoneEntity,
      { id: milestone.id },
      { doneOn: on && on > last ? on : last },
    );
    closed.push(milestone.code);
  }
  return closed;
}

export function contractSpan(contracts: ContractRow[]): {
  hire: string;
  end: string | null;
  current: ContractRow;
} {
  const current = contracts[contracts.length - 1];
  return {
    hire: contracts[0].start_date,
    end: contracts.some((c) => c.end_date === null)
      ? null
      : (contracts
          .map((c) => c.end_date as string)
          .sort()
          .at(-1) ?? null),
    current,
  };
}
