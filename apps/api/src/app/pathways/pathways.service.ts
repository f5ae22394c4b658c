import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CertificateReminder,
  ContractType,
  ExitCategory,
  MandatoryFor,
  Pathway,
  PlanChange,
  PlanChangeReason,
  Role,
  SkillCode,
} from '@relais/api-types';
import { certificationSummary, certificationTitle } from '@relais/api-types';
import {
  contractFamily,
  contractMonths,
  mandatoryModules,
  MILESTONES,
  milestoneStatus,
  PATHWAY_TEMPLATES,
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
import { P09_TITLE, titleObtainedSql } from '../certifications/certification-facts';
import { PersonEntity } from '../people/person.entity';
import { experienceAttestationIssuedSql } from '../reports/experience-attestation-facts';
import { SESSION_SELECT, toSession } from '../training/training.mapper';
import { UpdateMilestoneDto } from './dto/pathways.dto';
import {
  PathwayEvidenceEntity,
  PathwayMilestoneEntity,
  PathwayPlanChangeEntity,
  PathwayPlanEntity,
} from './pathway.entities';
import { toEvidence } from './pathway.mapper';

interface ContractRow {
  id: string;
  type: ContractType;
  start_date: string;
  end_date: string | null;
  renewal_of?: string | null;
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

  recompute(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
    reason: PlanChangeReason,
  ): Promise<PlanChange | null> {
    return recomputePathwayPlan(manager, user, this.audit, personId, reason);
  }

  syncFacts(
    manager: EntityManager,
    organisationId: string,
    personId: string | null,
    today: string,
  ): Promise<void> {
    return syncFactMilestones(manager, organisationId, personId, today);
  }

  async pathway(user: AuthUser, personId: string): Promise<Pathway> {
    const person = await this.readablePerson(user, personId);
    const plan = await this.dataSource.transaction(async (manager) => {
      const ensured = await this.ensurePlan(manager, user.organisationId, person.id);
      await syncFactMilestones(manager, user.organisationId, person.id, todayIn(user.timeZone));
      return ensured;
    });
    const today = todayIn(user.timeZone);
    const contracts: ContractRow[] = await this.dataSource.query(
      `SELECT id, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
              renewal_of
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
    // Modules under way: validated sessions not yet making up a completion.
    const underWay: { code: string; minutes: number }[] = await this.dataSource.query(
      `SELECT m.code, sum(e.attended_minutes)::int AS minutes
         FROM training_enrolment e JOIN training_session s ON s.id = e.session_id
         JOIN training_module m ON m.id = s.module_id
        WHERE e.person_id = $1 AND e.status = 'validated' AND e.record_id IS NULL
        GROUP BY m.code`,
      [person.id],
    );
    const attended = new Map(underWay.map((row) => [row.code, row.minutes / 60]));
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
    const exitContract = await this.exitContractOf(person.id, contracts);
    return {
      personId: person.id,
      personName: `${person.firstName} ${person.lastName}`,
      contractType,
      contractId: span?.current.id ?? null,
      hireDate: span?.hire ?? null,
      contractEnd: span?.end ?? null,
      progress: pathwayProgress(required, validated, attended),
      milestones: milestoneViews,
      requiredModules: required.map((module) => ({
        ...module,
        hoursAttended: validated.has(module.code)
          ? module.hours
          : Math.min(module.hours, Math.round((attended.get(module.code) ?? 0) * 10) / 10),
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
      exit: await this.exitOf(person.id),
      exitContract,
      planChanges: plan ? await this.planChangesOf(plan.id) : [],
      alerts: pathwayAlerts(
        plan?.contractType ?? null,
        milestones.map((m) => ({ code: m.code, due: m.dueOn, doneOn: m.doneOn })),
        today,
        mandatory,
        {
          certificates: certificates.map((row) => ({
            skill: row.skill,
            expiresOn: row.expires_on,
          })),
          lastContractEnd: contracts.at(-1)?.end_date ?? null,
          isExperienceAttestationIssued: await this.isExperienceAttestationIssued(contracts.at(-1)),
          exitToRecordEnd:
            exitContract?.end && !(await this.isExitRecorded(exitContract.contractId))
              ? exitContract.end
              : null,
        },
      ),
    };
  }

  /** Whether HR or the direction has issued a PEC's attestation d'expérience (audited). */
  private async isExperienceAttestationIssued(contract: ContractRow | undefined): Promise<boolean> {
    if (contract?.type !== 'PEC') return false;
    const [row]: { is_issued: boolean }[] = await this.dataSource.query(
      `SELECT ${experienceAttestationIssuedSql('$1')} AS is_issued`,
      [contract.id],
    );
    return row?.is_issued === true;
  }

  /** Whether the exit after a contract is recorded with its category. */
  private async isExitRecorded(contractId: string): Promise<boolean> {
    const [row]: { recorded: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM exit_record WHERE contract_id = $1 AND category IS NOT NULL) AS recorded`,
      [contractId],
    );
    return row.recorded;
  }

  private async planChangesOf(planId: string): Promise<PlanChange[]> {
    const rows = await this.dataSource.getRepository(PathwayPlanChangeEntity).find({
      where: { planId },
      order: { createdAt: 'DESC' },
      take: 5,
    });
    return rows.map((row) => ({
      at: row.createdAt.toISOString(),
      reason: row.reason,
      ...row.changes,
    }));
  }

  /** The person's latest exit recorded. */
  private async exitOf(personId: string): Promise<Pathway['exit']> {
    const [row]: {
      id: string;
      exit_date: string;
      category: ExitCategory;
      certified_blocks: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT id, to_char(exit_date, 'YYYY-MM-DD') AS exit_date, category, certified_blocks FROM exit_record
          WHERE person_id = $1 AND category IS NOT NULL ORDER BY exit_date DESC LIMIT 1`,
      [personId],
    );
    return row
      ? {
          id: row.id,
          exitDate: row.exit_date,
          category: row.category,
          certificationSummary: certificationSummary(row.certified_blocks ?? []),
        }
      : null;
  }

  /**
   * The contract whose exit is to record: an aided contract followed by an internal hire on an
   * ordinary CDD or CDI and not recorded yet, else the latest contract.
   */
  private async exitContractOf(
    personId: string,
    contracts: ContractRow[],
  ): Promise<Pathway['exitContract']> {
    if (!contracts.length) return null;
    const recorded: { contract_id: string }[] = await this.dataSource.query(
      `SELECT contract_id FROM exit_record WHERE person_id = $1 AND category IS NOT NULL AND contract_id IS NOT NULL`,
      [personId],
    );
    const isRecorded = (id: string) => recorded.some((row) => row.contract_id === id);
    for (const [index, contract] of contracts.entries()) {
      const next = contracts[index + 1];
      if (
        next &&
        contractFamily(contract.type) !== 'DROIT_COMMUN' &&
        contractFamily(next.type) === 'DROIT_COMMUN' &&
        next.renewal_of !== contract.id &&
        !isRecorded(contract.id)
      )
        return {
          contractId: contract.id,
          contractType: contract.type,
          end: contract.end_date,
          internalHire: {
            contractType: next.type,
            start: next.start_date,
            months: contractMonths(next.start_date, next.end_date),
          },
        };
    }
    const latest = contracts[contracts.length - 1];
    return {
      contractId: latest.id,
      contractType: latest.type,
      end: latest.end_date,
      internalHire: null,
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
        const fact =
          FACT_MILESTONES[milestone.code] ??
          (milestone.code === 'P01' && (plan.contractType === 'PEC' || plan.contractType === 'PRO')
            ? 'Jalon fermé par le tuteur désigné sur le contrat : désignez-le dans le contrat.'
            : milestone.code === 'P12' && plan.contractType === 'PEC'
              ? 'Jalon fermé par l’entretien de sortie enregistré dans les obligations du contrat.'
              : null);
        if (fact) refuse(fact, 'doneOn', 'fermé par les faits, pas à la main');
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
  const contracts = await planContracts(manager, personId);
  if (!contracts.length) return null;
  const { hire, end, current } = contractSpan(contracts);
  await manager.query(
    `INSERT INTO pathway_plan (organisation_id, person_id, contract_id, contract_type, required_module_codes, planned_hire, planned_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (person_id) DO NOTHING`,
    [
      organisationId,
      personId,
      current.id,
      current.type,
      PATHWAY_TEMPLATES[current.type].modules,
      hire,
      end,
    ],
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

/**
 * The contracts a plan follows, in order: all the person's contracts up to an internal hire on an
 * ordinary post after an aided one (that hire ends the aided pathway; its exit is recorded).
 */
async function planContracts(manager: EntityManager, personId: string): Promise<ContractRow[]> {
  const contracts: ContractRow[] = await manager.query(
    `SELECT id, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
            renewal_of
     FROM contract WHERE person_id = $1 ORDER BY start_date`,
    [personId],
  );
  const cut = contracts.findIndex(
    (contract, index) =>
      index > 0 &&
      contractFamily(contract.type) === 'DROIT_COMMUN' &&
      contractFamily(contracts[index - 1].type) !== 'DROIT_COMMUN' &&
      contract.renewal_of !== contracts[index - 1].id,
  );
  return cut === -1 ? contracts : contracts.slice(0, cut);
}

/**
 * Recomputes a plan after a contract change (renewal, new type, corrected dates, early end):
 * open milestones follow the new template and dates, except those HR moved by hand; milestones
 * the new template drops are removed if open; new ones are added; the modules of the new type's
 * template join the plan. What moved is kept in the plan's history for HR and audited. Runs in
 * the caller's transaction; returns the change, or null when nothing moved.
 */
export async function recomputePathwayPlan(
  manager: EntityManager,
  user: AuthUser,
  audit: AuditService,
  personId: string,
  reason: PlanChangeReason,
): Promise<PlanChange | null> {
  const plan = await manager.findOneBy(PathwayPlanEntity, { personId });
  if (!plan) {
    await ensurePathwayPlan(manager, user.organisationId, personId);
    return null;
  }
  const contracts = await planContracts(manager, personId);
  if (!contracts.length) return null;
  const { hire, end, current } = contractSpan(contracts);
  const typeChanged = plan.contractType !== current.type;
  if (
    !typeChanged &&
    plan.contractId === current.id &&
    plan.plannedHire === hire &&
    plan.plannedEnd === end
  )
    return null;
  const before = plan.plannedHire
    ? planMilestones(plan.contractType, plan.plannedHire, plan.plannedEnd)
    : [];
  const after = planMilestones(current.type, hire, end);
  const existing = await manager.findBy(PathwayMilestoneEntity, { planId: plan.id });
  const moves: PlanChange['moves'] = [];
  const kept: string[] = [];
  for (const milestone of existing) {
    const planned = after.find((m) => m.code === milestone.code);
    if (!planned) {
      if (milestone.doneOn === null) {
        await manager.delete(PathwayMilestoneEntity, { id: milestone.id });
        moves.push({
          code: milestone.code,
          title: milestone.title,
          before: milestone.dueOn,
          after: null,
        });
      }
      continue;
    }
    const wasPlanned = before.find((m) => m.code === milestone.code);
    const isMovedByHand = wasPlanned !== undefined && wasPlanned.due !== milestone.dueOn;
    if (milestone.doneOn === null && milestone.dueOn !== planned.due) {
      if (isMovedByHand) kept.push(milestone.code);
      else
        moves.push({
          code: milestone.code,
          title: milestone.title,
          before: milestone.dueOn,
          after: planned.due,
        });
    }
    const dueOn = milestone.doneOn === null && !isMovedByHand ? planned.due : milestone.dueOn;
    await manager.update(
      PathwayMilestoneEntity,
      { id: milestone.id },
      { dueOn, position: planned.position },
    );
  }
  for (const planned of after.filter((m) => !existing.some((e) => e.code === m.code))) {
    await manager.insert(PathwayMilestoneEntity, {
      organisationId: plan.organisationId,
      planId: plan.id,
      code: planned.code,
      title: planned.title,
      position: planned.position,
      dueOn: planned.due,
      doneOn: null,
    });
    moves.push({ code: planned.code, title: planned.title, before: null, after: planned.due });
  }
  const oldTemplate = PATHWAY_TEMPLATES[plan.contractType].modules;
  const newTemplate = PATHWAY_TEMPLATES[current.type].modules;
  const requiredModuleCodes = typeChanged
    ? [
        ...newTemplate,
        ...plan.requiredModuleCodes.filter(
          (code) => !oldTemplate.includes(code) && !newTemplate.includes(code),
        ),
      ]
    : plan.requiredModuleCodes;
  await manager.update(
    PathwayPlanEntity,
    { id: plan.id },
    {
      contractId: current.id,
      contractType: current.type,
      plannedHire: hire,
      plannedEnd: end,
      requiredModuleCodes,
    },
  );
  await completePathwayMilestones(manager, personId, null);
  await syncFactMilestones(manager, user.organisationId, personId, todayIn(user.timeZone));
  if (!moves.length && !typeChanged && !kept.length) return null;
  moves.sort((a, b) => a.code.localeCompare(b.code));
  const changes = {
    contractType: typeChanged ? { before: plan.contractType, after: current.type } : null,
    moves,
    kept,
  };
  const saved = await manager.save(
    manager.create(PathwayPlanChangeEntity, {
      organisationId: plan.organisationId,
      planId: plan.id,
      reason,
      changes,
      actorAccountId: user.accountId,
    }),
  );
  await audit.record(manager, user, {
    action: 'pathway_plan.recompute',
    entity: 'pathway_plan',
    entityId: plan.id,
    details: { personId, reason, ...changes },
  });
  return { at: saved.createdAt.toISOString(), reason, ...changes };
}

/**
 * Closes (or reopens) the milestones whose facts are elsewhere: P01 follows the tutor named on a
 * PEC or contrat pro; P06 is done only while a first-aid (SST) certificate is valid; P09 is the
 * day the last block of the TP MSADS was passed; P10 is the first PMSMP immersion over and P11
 * the professional project's validation (job-search); P12 the PEC exit interview recorded on the
 * contract's obligations; P14 is the 6-month follow-up recorded on the exit. `personId` null:
 * every plan of the organisation.
 */
export async function syncFactMilestones(
  manager: EntityManager,
  organisationId: string,
  personId: string | null,
  today: string,
): Promise<void> {
  const scope = `p.organisation_id = $1 AND ($2::uuid IS NULL OR p.person_id = $2)`;
  await manager.query(
    `UPDATE pathway_milestone m
        SET done_on = CASE WHEN c.tutor_id IS NULL THEN NULL ELSE COALESCE(m.done_on, LEAST(c.start_date, $3::date)) END
       FROM pathway_plan p JOIN contract c ON c.id = p.contract_id
      WHERE m.plan_id = p.id AND m.code = 'P01' AND c.type IN ('PEC', 'PRO') AND ${scope}
        AND m.done_on IS DISTINCT FROM (CASE WHEN c.tutor_id IS NULL THEN NULL ELSE COALESCE(m.done_on, LEAST(c.start_date, $3::date)) END)`,
    [organisationId, personId, today],
  );
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = f.acquired
       FROM pathway_plan p
       CROSS JOIN LATERAL (SELECT max(s.acquired_on) AS acquired FROM person_skill s
                            WHERE s.person_id = p.person_id AND s.skill = 'sst'
                              AND s.acquired_on <= $3::date
                              AND (s.expires_on IS NULL OR s.expires_on >= $3::date)) f
      WHERE m.plan_id = p.id AND m.code = 'P06' AND ${scope} AND m.done_on IS DISTINCT FROM f.acquired`,
    [organisationId, personId, today],
  );
  // P12 follows the PEC exit interview once HR records it on the contract's obligations.
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = o.done_on
       FROM pathway_plan p
       JOIN contract_obligation o ON o.contract_id = p.contract_id AND o.code = 'PEC_EXIT_INTERVIEW'
      WHERE m.plan_id = p.id AND m.code = 'P12' AND ${scope} AND m.done_on IS DISTINCT FROM o.done_on`,
    [organisationId, personId],
  );
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = f.follow_up_on
       FROM pathway_plan p
       LEFT JOIN LATERAL (SELECT x.follow_up_on FROM exit_record x
                           WHERE x.person_id = p.person_id AND x.follow_up_on IS NOT NULL
                           ORDER BY x.exit_date DESC LIMIT 1) f ON true
      WHERE m.plan_id = p.id AND m.code = 'P14' AND ${scope}
        AND m.done_on IS DISTINCT FROM f.follow_up_on`,
    [organisationId, personId],
  );
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = f.obtained
       FROM pathway_plan p CROSS JOIN LATERAL (${titleObtainedSql('$3', '$4')}) f
      WHERE m.plan_id = p.id AND m.code = 'P09' AND ${scope} AND m.done_on IS DISTINCT FROM f.obtained`,
    [organisationId, personId, P09_TITLE, P09_BLOCKS],
  );
  // P10: closed by the first PMSMP immersion whose last day has come; P11: follows the validation
  // of the professional project once there is one. Where neither fact exists yet, a mark HR set by
  // hand before these facts were recorded is kept (nothing to reopen it from).
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = f.done_on
       FROM pathway_plan p
       CROSS JOIN LATERAL (SELECT min(i.end_date) AS done_on FROM immersion i
                            WHERE i.person_id = p.person_id AND i.end_date <= $3::date) f
      WHERE m.plan_id = p.id AND m.code = 'P10' AND ${scope}
        AND f.done_on IS NOT NULL AND m.done_on IS NULL`,
    [organisationId, personId, today],
  );
  await manager.query(
    `UPDATE pathway_milestone m SET done_on = f.validated_on
       FROM pathway_plan p
       JOIN professional_project f ON f.person_id = p.person_id
      WHERE m.plan_id = p.id AND m.code = 'P11' AND ${scope}
        AND m.done_on IS DISTINCT FROM f.validated_on`,
    [organisationId, personId],
  );
}

const P09_BLOCKS = certificationTitle(P09_TITLE)?.blocks.map((block) => block.code) ?? [];

/** Milestones closed by facts elsewhere, not by hand (see syncFactMilestones). */
export const FACT_MILESTONES: Readonly<Record<string, string>> = {
  P06: 'Jalon fermé par le certificat SST : fait tant qu’un certificat valide est enregistré.',
  P09: 'Jalon fermé par les résultats du titre professionnel : fait le jour où le dernier CCP du TP MSADS est obtenu (examen ou VAE).',
  P10: 'Jalon fermé par une immersion (PMSMP) terminée : enregistrez-la dans « Recherche d’emploi ».',
  P11: 'Jalon fermé par la validation du projet professionnel, dans « Recherche d’emploi ».',
  P14: 'Jalon fermé par le suivi à 6 mois enregistré sur la fiche de sortie.',
};

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
