// Over 450 lines on purpose: an exit's record, its 6-month follow-up, the dynamic-exit report and
// the two exports read the same rows with the same category rules; they change together.
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EXIT_CATEGORIES,
  type ContractType,
  type ExitCategory,
  type ExitRecord,
  type ExitReport,
  type FollowUpSituation,
  type PathwayDashboard,
  type SkillCode,
} from '@relais/api-types';
import {
  addDays,
  addMonths,
  dynamicExitRate,
  formatDate,
  isDynamicExit,
  milestoneStatus,
  pathwayProgress,
} from '@relais/rules';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { worksheetCsv } from '../../common/csv';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PathwaysService } from '../pathways/pathways.service';
import { CreateExitDto, ExitFollowUpDto } from './dto/exits.dto';
import { ExitRecordEntity } from './exit-record.entity';

interface ExitRow {
  id: string;
  person_id: string | null;
  display_name: string;
  site_code: string | null;
  contract_type: ContractType;
  exit_date: string;
  category: ExitCategory;
  job_contract_type: ExitRecord['jobContractType'];
  duration_bucket: ExitRecord['durationBucket'];
  employer_sector: string | null;
  detail: string | null;
  certification_obtained: boolean;
  follow_up_due: string;
  follow_up_status: FollowUpSituation | null;
  follow_up_on: string | null;
}

const EXIT_SELECT = `SELECT x.id, x.person_id, x.display_name, s.code AS site_code, x.contract_type,
  to_char(x.exit_date, 'YYYY-MM-DD') AS exit_date, x.category, x.job_contract_type, x.duration_bucket,
  x.employer_sector, x.detail, x.certification_obtained, to_char(x.follow_up_due, 'YYYY-MM-DD') AS follow_up_due,
  x.follow_up_status, to_char(x.follow_up_on, 'YYYY-MM-DD') AS follow_up_on
  FROM exit_record x LEFT JOIN site s ON s.id = x.site_id`;

function toExit(row: ExitRow): ExitRecord {
  return {
    id: row.id,
    personId: row.person_id,
    displayName: row.display_name,
    siteCode: row.site_code,
    contractType: row.contract_type,
    exitDate: row.exit_date,
    category: row.category,
    jobContractType: row.job_contract_type,
    durationBucket: row.duration_bucket,
    employerSector: row.employer_sector,
    detail: row.detail,
    certificationObtained: row.certification_obtained,
    followUpDue: row.follow_up_due,
    followUpSituation: row.follow_up_status,
    followUpOn: row.follow_up_on,
  };
}

/** Exit records (rule 33), the dynamic-exit rate, the HR pathway dashboard and exports. */
@Injectable()
export class ExitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly pathways: PathwaysService,
  ) {}

  async create(user: AuthUser, dto: CreateExitDto): Promise<ExitRecord> {
    const [contract]: {
      id: string;
      person_id: string;
      type: ContractType;
      start_date: string;
      end_date: string | null;
      first_name: string;
      last_name: string;
      home_site_id: string | null;
      has_follow_on: boolean;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.person_id, c.type, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, p.first_name, p.last_name, p.home_site_id,
              EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.id <> c.id
                      AND (n.renewal_of = c.id OR n.start_date > c.start_date)) AS has_follow_on
       FROM contract c JOIN person p ON p.id = c.person_id WHERE c.id = $1 AND c.organisation_id = $2`,
      [dto.contractId, user.organisationId],
    );
    if (!contract) throw new NotFoundException('Contrat introuvable.');
    if (contract.has_follow_on)
      refuse(
        'Ce contrat a une suite (renouvellement ou nouveau contrat) : pas de sortie à enregistrer.',
        'contractId',
        'contrat suivi d’un autre',
      );
    if (dto.exitDate < contract.start_date)
      refuse('La sortie ne peut précéder le début du contrat.', 'exitDate', 'avant le début');
    if (isDynamicExit(dto.category) && (!dto.jobContractType || !dto.durationBucket))
      refuse(
        'Sortie dynamique : le type de contrat obtenu et sa durée sont obligatoires (règle EXIT_RECORD_INCOMPLETE).',
        dto.jobContractType ? 'durationBucket' : 'jobContractType',
        'obligatoire pour une sortie dynamique',
      );
    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ExitRecordEntity, { contractId: contract.id }))
        throw new ConflictException('Une fiche de sortie existe déjà pour ce contrat.');
      const saved = await manager.save(
        manager.create(ExitRecordEntity, {
          organisationId: user.organisationId,
          personId: contract.person_id,
          contractId: contract.id,
          displayName: `${contract.first_name} ${contract.last_name}`,
          siteId: contract.home_site_id,
          contractType: contract.type,
          exitDate: dto.exitDate,
          category: dto.category,
          jobContractType: dto.jobContractType ?? null,
          durationBucket: dto.durationBucket ?? null,
          employerSector: dto.employerSector?.trim() || null,
          detail: dto.detail?.trim() || null,
          certificationObtained: dto.certificationObtained ?? false,
          followUpDue: addMonths(dto.exitDate, 6),
          followUpStatus: null,
          followUpOn: null,
        }),
      );
      // Closing the contract on the exit date when it was open-ended or ran later.
      if (contract.end_date === null || contract.end_date > dto.exitDate)
        await manager.query(`UPDATE contract SET end_date = $2 WHERE id = $1`, [
          contract.id,
          dto.exitDate,
        ]);
      await manager.query(
        `UPDATE pathway_milestone m SET done_on = $2 FROM pathway_plan p
         WHERE p.id = m.plan_id AND p.person_id = $1 AND m.code = 'P13' AND m.done_on IS NULL`,
        [contract.person_id, dto.exitDate <= todayIn() ? dto.exitDate : todayIn()],
      );
      await this.audit.record(manager, user, {
        action: 'exit_record.create',
        entity: 'exit_record',
        entityId: saved.id,
        details: {
          personId: contract.person_id,
          contractId: contract.id,
          category: dto.category,
        },
      });
      return saved.id;
    });
    const [row] = await this.dataSource.query(`${EXIT_SELECT} WHERE x.id = $1`, [id]);
    return toExit(row);
  }

  /**
   * Records (or corrects) the 6-month follow-up: from a month before its day, never before the
   * exit nor in the future.
   */
  async followUp(user: AuthUser, id: string, dto: ExitFollowUpDto): Promise<ExitRecord> {
    if (dto.contactedOn > todayIn())
      refuse('Le suivi ne peut pas être daté dans le futur.', 'contactedOn', 'date future');
    await this.dataSource.transaction(async (manager) => {
      const exit = await manager.findOne(ExitRecordEntity, {
        where: { id, organisationId: user.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!exit) throw new NotFoundException('Fiche de sortie introuvable.');
      const opens = addMonths(exit.followUpDue, -1);
      if (dto.contactedOn < opens)
        refuse(
          `Le suivi à 6 mois se saisit à partir du ${formatDate(opens)} (sortie le ${formatDate(exit.exitDate)}).`,
          'contactedOn',
          'trop tôt',
        );
      const before = { situation: exit.followUpStatus, on: exit.followUpOn };
      await manager.update(
        ExitRecordEntity,
        { id },
        { followUpStatus: dto.situation, followUpOn: dto.contactedOn },
      );
      await this.audit.record(manager, user, {
        action: 'exit_record.follow_up',
        entity: 'exit_record',
        entityId: id,
        details: { before, after: { situation: dto.situation, on: dto.contactedOn } },
      });
    });
    const [row] = await this.dataSource.query(`${EXIT_SELECT} WHERE x.id = $1`, [id]);
    return toExit(row);
  }

  async list(user: AuthUser): Promise<ExitRecord[]> {
    const rows: ExitRow[] = await this.dataSource.query(
      `${EXIT_SELECT} WHERE x.organisation_id = $1 ORDER BY x.exit_date DESC`,
      [user.organisationId],
    );
    return rows.map(toExit);
  }

  /** Taux de sorties dynamiques by year, site and contract type (neutralised exits excluded). */
  async report(user: AuthUser, year?: number): Promise<ExitReport> {
    const all = await this.list(user);
    const exits = year ? all.filter((exit) => exit.exitDate.startsWith(`${year}-`)) : all;
    const rate = (list: ExitRecord[]) => dynamicExitRate(list.map((exit) => exit.category));
    const group = <K extends string>(key: (exit: ExitRecord) => K) =>
      [...new Set(exits.map(key))].sort().map((value) => ({
        value,
        ...rate(exits.filter((exit) => key(exit) === value)),
      }));
    const years = [...new Set(all.map((exit) => Number(exit.exitDate.slice(0, 4))))].sort();
    const today = todayIn();
    const due = exits.filter((exit) => exit.followUpDue <= today);
    const certified = exits.filter((exit) => exit.certificationObtained).length;
    return {
      year: year ?? null,
      ...rate(exits),
      byCategory: Object.fromEntries(
        EXIT_CATEGORIES.map((category) => [
          category,
          exits.filter((exit) => exit.category === category).length,
        ]),
      ) as Record<ExitCategory, number>,
      byYear: years.map((y) => ({
        year: y,
        ...rate(all.filter((exit) => exit.exitDate.startsWith(`${y}-`))),
      })),
      bySite: group((exit) => exit.siteCode ?? 'Siège').map(({ value, ...r }) => ({
        siteCode: value,
        ...r,
      })),
      byContractType: group((exit) => exit.contractType).map(({ value, ...r }) => ({
        contractType: value,
        ...r,
      })),
      certified,
      certificationRate: exits.length
        ? Math.round((certified / exits.length) * 10000) / 10000
        : null,
      followUps: {
        due: due.length,
        done: due.filter((exit) => exit.followUpSituation !== null).length,
        stillDynamic: due.filter(
          (exit) => exit.followUpSituation !== null && isDynamicExit(exit.followUpSituation),
        ).length,
      },
    };
  }

  /** The HR dashboard: contracts ending within 6 months with readiness, late items, expiries. */
  async dashboard(user: AuthUser): Promise<PathwayDashboard> {
    const today = todayIn();
    const org = user.organisationId;
    const ending: {
      person_id: string;
      first_name: string;
      last_name: string;
      site_code: string | null;
      type: ContractType;
      end_date: string;
    }[] = await this.dataSource.query(
      `SELECT c.person_id, p.first_name, p.last_name, s.code AS site_code, c.type, to_char(c.end_date, 'YYYY-MM-DD') AS end_date
       FROM contract c JOIN person p ON p.id = c.person_id LEFT JOIN site s ON s.id = p.home_site_id
       WHERE c.organisation_id = $1 AND c.end_date BETWEEN $2 AND $3
         AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.start_date > c.start_date)
       ORDER BY c.end_date`,
      [org, today, addMonths(today, 6)],
    );
    await this.dataSource.transaction(async (manager) => {
      for (const row of ending) await this.pathways.ensurePlan(manager, org, row.person_id);
    });
    const milestones: {
      person_id: string;
      first_name: string;
      last_name: string;
      code: string;
      title: string;
      due_on: string | null;
      done_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT pl.person_id, p.first_name, p.last_name, m.code, m.title,
              to_char(m.due_on, 'YYYY-MM-DD') AS due_on, to_char(m.done_on, 'YYYY-MM-DD') AS done_on
       FROM pathway_milestone m JOIN pathway_plan pl ON pl.id = m.plan_id JOIN person p ON p.id = pl.person_id
       WHERE m.organisation_id = $1 ORDER BY m.due_on`,
      [org],
    );
    const plans: { person_id: string; required_module_codes: string[] }[] =
      await this.dataSource.query(
        `SELECT person_id, required_module_codes FROM pathway_plan WHERE organisation_id = $1`,
        [org],
      );
    const modules: { code: string; hours: string }[] = await this.dataSource.query(
      `SELECT code, hours FROM training_module WHERE organisation_id = $1`,
      [org],
    );
    const records: { person_id: string; code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT r.person_id, m.code FROM training_record r JOIN training_module m ON m.id = r.module_id WHERE r.organisation_id = $1`,
      [org],
    );
    const progressOf = (personId: string) => {
      const codes = plans.find((plan) => plan.person_id === personId)?.required_module_codes ?? [];
      const required = codes.map((code) => ({
        code,
        hours: Number(modules.find((module) => module.code === code)?.hours ?? 0),
      }));
      return pathwayProgress(
        required,
        new Set(records.filter((r) => r.person_id === personId).map((r) => r.code)),
      );
    };
    const expiring: {
      person_id: string;
      first_name: string;
      last_name: string;
      skill: SkillCode;
      expires_on: string;
    }[] = await this.dataSource.query(
      `SELECT s.person_id, p.first_name, p.last_name, s.skill, to_char(s.expires_on, 'YYYY-MM-DD') AS expires_on
       FROM person_skill s JOIN person p ON p.id = s.person_id
       WHERE s.organisation_id = $1 AND s.expires_on BETWEEN $2 AND $3
         AND NOT EXISTS (SELECT 1 FROM person_skill n WHERE n.person_id = s.person_id AND n.skill = s.skill AND n.expires_on > s.expires_on + 7)
       ORDER BY s.expires_on`,
      [org, addDays(today, -30), addDays(today, 90)],
    );
    const missing: {
      contract_id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      type: ContractType;
      end_date: string;
    }[] = await this.dataSource.query(
      `SELECT c.id AS contract_id, c.person_id, p.first_name, p.last_name, c.type, to_char(c.end_date, 'YYYY-MM-DD') AS end_date
       FROM contract c JOIN person p ON p.id = c.person_id
       WHERE c.organisation_id = $1 AND c.end_date < $2
         AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.start_date > c.start_date)
         AND NOT EXISTS (SELECT 1 FROM exit_record x WHERE x.contract_id = c.id)
       ORDER BY c.end_date`,
      [org, today],
    );
    const followUps: ExitRow[] = await this.dataSource.query(
      `${EXIT_SELECT} WHERE x.organisation_id = $1 AND x.follow_up_due <= $2 AND x.follow_up_status IS NULL
       ORDER BY x.follow_up_due`,
      [org, today],
    );
    const peopleIds = [...new Set(milestones.map((m) => m.person_id))];
    return {
      endingSoon: ending.map((row) => {
        const own = milestones.filter((m) => m.person_id === row.person_id);
        const dueByNow = own.filter((m) => m.due_on !== null && m.due_on <= today);
        return {
          personId: row.person_id,
          personName: `${row.first_name} ${row.last_name}`,
          siteCode: row.site_code,
          contractType: row.type,
          end: row.end_date,
          milestonesDone: dueByNow.filter((m) => m.done_on !== null).length,
          milestonesDue: dueByNow.length,
          progress: progressOf(row.person_id),
        };
      }),
      lateMilestones: milestones
        .filter((m) => milestoneStatus({ due: m.due_on, doneOn: m.done_on }, today) === 'en_retard')
        .map((m) => ({
          personId: m.person_id,
          personName: `${m.first_name} ${m.last_name}`,
          code: m.code,
          title: m.title,
          due: m.due_on as string,
        })),
      expiringCertificates: expiring.map((row) => ({
        personId: row.person_id,
        personName: `${row.first_name} ${row.last_name}`,
        skill: row.skill,
        expiresOn: row.expires_on,
      })),
      reminders: await this.pathways.remindersFor(org, [
        ...new Set([...peopleIds, ...expiring.map((row) => row.person_id)]),
      ]),
      followUpsDue: followUps.map(toExit).map((exit) => ({
        exitId: exit.id,
        personId: exit.personId,
        displayName: exit.displayName,
        exitDate: exit.exitDate,
        followUpDue: exit.followUpDue,
      })),
      missingExits: missing.map((row) => ({
        contractId: row.contract_id,
        personId: row.person_id,
        personName: `${row.first_name} ${row.last_name}`,
        contractType: row.type,
        end: row.end_date,
      })),
    };
  }

  /** Training records and exits, for funders: sheet "Formations" and sheet "Sorties". */
  async workbook(user: AuthUser): Promise<ExcelJS.Workbook> {
    const records: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT p.last_name AS "Nom", p.first_name AS "Prénom", s.code AS "Site", m.code AS "Module", m.title AS "Intitulé",
              to_char(r.completed_on, 'YYYY-MM-DD') AS "Validé le", r.hours::float AS "Heures",
              to_char(r.expires_on, 'YYYY-MM-DD') AS "Expire le"
       FROM training_record r JOIN person p ON p.id = r.person_id JOIN training_module m ON m.id = r.module_id
       LEFT JOIN site s ON s.id = p.home_site_id
       WHERE r.organisation_id = $1 ORDER BY p.last_name, p.first_name, r.completed_on`,
      [user.organisationId],
    );
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Relais';
    const add = (name: string, rows: Record<string, unknown>[], headers: string[]) => {
      const sheet = workbook.addWorksheet(name);
      sheet.columns = headers.map((header) => ({ header, key: header, width: 18 }));
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) sheet.addRow(row);
    };
    add('Formations', records, [
      'Nom',
      'Prénom',
      'Site',
      'Module',
      'Intitulé',
      'Validé le',
      'Heures',
      'Expire le',
    ]);
    const exits = (await this.list(user)).map((exit) => ({
      Personne: exit.displayName,
      Site: exit.siteCode,
      Contrat: exit.contractType,
      'Date de sortie': exit.exitDate,
      Catégorie: exit.category,
      'Emploi obtenu': exit.jobContractType,
      Durée: exit.durationBucket,
      Secteur: exit.employerSector,
      Certification: exit.certificationObtained ? 'oui' : 'non',
      'Suivi à 6 mois': exit.followUpDue,
    }));
    add('Sorties', exits, [
      'Personne',
      'Site',
      'Contrat',
      'Date de sortie',
      'Catégorie',
      'Emploi obtenu',
      'Durée',
      'Secteur',
      'Certification',
      'Suivi à 6 mois',
    ]);
    return workbook;
  }

  async csv(user: AuthUser, sheet: 'Formations' | 'Sorties'): Promise<Buffer> {
    return worksheetCsv(await this.workbook(user), sheet);
  }

  async xlsx(user: AuthUser): Promise<Buffer> {
    return Buffer.from(await (await this.workbook(user)).xlsx.writeBuffer());
  }
}
