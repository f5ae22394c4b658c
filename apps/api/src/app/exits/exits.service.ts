// Over 450 lines on purpose: an exit's record, its 6-month follow-up, the dynamic-exit report and
// the two exports read the same rows with the same category rules; they change together.
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  certificationSummary,
  CONTRACT_FAMILIES,
  CONTRACT_TYPE_LABELS,
  DURATION_BUCKET_LABELS,
  EXIT_CATEGORIES,
  EXIT_CATEGORY_LABELS,
  EXIT_JOB_TYPE_LABELS,
  FOLLOW_UP_SITUATION_LABELS,
  NEUTRALISED_REASON_LABELS,
  type ContractType,
  type ExitCategory,
  type ExitJobType,
  type ExitOutcome,
  type ExitRecord,
  type ExitReport,
  type FollowUpSituation,
  type NeutralisedReason,
  type PathwayDashboard,
  type SkillCode,
} from '@relais/api-types';
import {
  addDays,
  addMonths,
  contractFamily,
  contractMonths,
  deriveExitCategory,
  exitRate,
  formatDate,
  hasMinimumStay,
  isDynamicExit,
  milestoneStatus,
  pathwayProgress,
} from '@relais/rules';
import type ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { EXCEL_DATE_FORMAT, EXCEL_HOURS_FORMAT, excelDate, worksheetCsv } from '../../common/csv';
import { loadExcelJs } from '../../common/lazy-libs';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { syncExitCertifications } from '../certifications/certification-facts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { PathwaysService } from '../pathways/pathways.service';
import { experienceAttestationIssuedSql } from '../reports/experience-attestation-facts';
import { CreateExitDto, ExitFollowUpDto } from './dto/exits.dto';
import { ExitRecordEntity } from './exit-record.entity';

const DATE_COLUMNS = new Set(['Validé le', 'Expire le', 'Date de sortie', 'Suivi à 6 mois']);

interface ExitRow {
  id: string;
  person_id: string | null;
  display_name: string;
  site_code: string | null;
  site_name: string | null;
  contract_type: ContractType;
  exit_date: string;
  category: ExitCategory;
  job_contract_type: ExitRecord['jobContractType'];
  duration_bucket: ExitRecord['durationBucket'];
  job_months: number | null;
  neutralised_reason: NeutralisedReason | null;
  is_internal_hire: boolean;
  entry_date: string | null;
  employer_sector: string | null;
  detail: string | null;
  certification_obtained: boolean;
  certified_blocks: string[] | null;
  follow_up_due: string;
  follow_up_status: FollowUpSituation | null;
  follow_up_on: string | null;
}

const EXIT_SELECT = `SELECT x.id, x.person_id, x.display_name, s.code AS site_code, s.name AS site_name, x.contract_type,
  to_char(x.exit_date, 'YYYY-MM-DD') AS exit_date, x.category, x.job_contract_type, x.duration_bucket,
  x.job_months, x.neutralised_reason, x.is_internal_hire, to_char(x.entry_date, 'YYYY-MM-DD') AS entry_date,
  x.employer_sector, x.detail, x.certification_obtained, x.certified_blocks, to_char(x.follow_up_due, 'YYYY-MM-DD') AS follow_up_due,
  x.follow_up_status, to_char(x.follow_up_on, 'YYYY-MM-DD') AS follow_up_on
  FROM exit_record x LEFT JOIN site s ON s.id = x.site_id`;

function toExit(row: ExitRow): ExitRecord {
  return {
    id: row.id,
    personId: row.person_id,
    displayName: row.display_name,
    siteCode: row.site_code,
    siteName: row.site_name,
    contractType: row.contract_type,
    exitDate: row.exit_date,
    category: row.category,
    jobContractType: row.job_contract_type,
    durationBucket: row.duration_bucket,
    jobMonths: row.job_months,
    neutralisedReason: row.neutralised_reason,
    isInternalHire: row.is_internal_hire,
    entryDate: row.entry_date,
    employerSector: row.employer_sector,
    detail: row.detail,
    certificationObtained: row.certification_obtained,
    certifiedBlocks: row.certified_blocks ?? [],
    certificationSummary: certificationSummary(row.certified_blocks ?? []),
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

  /**
   * Records an exit. Its category is derived from what followed (the job's kind and length, a
   * training course, nothing, a neutralising event), never typed; after an aided contract, a hire
   * by the association itself on an ordinary CDD or CDI is what followed, read from that contract.
   */
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
      entry_date: string;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.person_id, c.type, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, p.first_name, p.last_name, p.home_site_id,
              to_char((SELECT min(f.start_date) FROM contract f
                        WHERE f.person_id = c.person_id AND f.start_date <= c.start_date), 'YYYY-MM-DD') AS entry_date
       FROM contract c JOIN person p ON p.id = c.person_id WHERE c.id = $1 AND c.organisation_id = $2`,
      [dto.contractId, user.organisationId],
    );
    if (!contract) throw new NotFoundException('Contrat introuvable.');
    const next = await this.followOn(this.dataSource.manager, contract);
    if (next && !next.isInternalHire)
      refuse(
        'Ce contrat a une suite (renouvellement ou nouveau contrat) : pas de sortie à enregistrer.',
        'contractId',
        'contrat suivi d’un autre',
      );
    if (dto.exitDate < contract.start_date)
      refuse('La sortie ne peut précéder le début du contrat.', 'exitDate', 'avant le début');
    const legacy: Partial<Record<ExitCategory, ExitOutcome>> = {
      AUTRE_SORTIE: 'SANS_EMPLOI',
      NEUTRALISEE: 'NEUTRALISEE',
    };
    const outcome: ExitOutcome | null = next
      ? (next.type as ExitOutcome)
      : (dto.outcome ??
        dto.jobContractType ??
        (dto.category ? legacy[dto.category] : null) ??
        null);
    if (!outcome)
      refuse(
        'Indiquez ce qui a suivi le contrat (emploi, formation, ni l’un ni l’autre, ou sortie neutralisée) : la catégorie en découle.',
        'outcome',
        'champ obligatoire',
      );
    const months = next ? next.months : (dto.jobMonths ?? null);
    const derived = deriveExitCategory({ outcome, months, bucket: dto.durationBucket ?? null });
    if (derived.issue)
      refuse(
        `Sortie en ${outcome === 'CDD' ? 'CDD' : 'mission d’intérim'} : indiquez sa durée en mois (6 mois ou plus : emploi durable ; moins : emploi de transition).`,
        derived.issue.field,
        derived.issue.message,
      );
    const isNeutralised = outcome === 'NEUTRALISEE';
    if (isNeutralised && !dto.neutralisedReason)
      refuse(
        'Sortie neutralisée : indiquez son motif (déménagement, maladie, retraite, décès, incarcération ou autre).',
        'neutralisedReason',
        'obligatoire pour une sortie neutralisée',
      );
    if (isNeutralised && dto.neutralisedReason === 'AUTRE' && !dto.detail?.trim())
      refuse(
        'Sortie neutralisée pour un autre motif : précisez-le dans le détail.',
        'detail',
        'obligatoire pour le motif « autre »',
      );
    const isJob = outcome === 'CDD' || outcome === 'INTERIM' || outcome === 'CONTRAT_AIDE';
    const jobType: ExitJobType | null =
      outcome === 'SANS_EMPLOI' || outcome === 'NEUTRALISEE' ? null : outcome;
    const id = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(ExitRecordEntity, {
        where: { contractId: contract.id },
        lock: { mode: 'pessimistic_write' },
      });
      // A record opened when the contract was ended early is completed, not duplicated.
      if (existing && existing.category !== null)
        throw new ConflictException('Une fiche de sortie existe déjà pour ce contrat.');
      const saved = await manager.save(
        manager.create(ExitRecordEntity, {
          ...(existing ? { id: existing.id } : {}),
          organisationId: user.organisationId,
          personId: contract.person_id,
          contractId: contract.id,
          displayName: `${contract.first_name} ${contract.last_name}`,
          siteId: contract.home_site_id,
          contractType: contract.type,
          exitDate: dto.exitDate,
          category: derived.category,
          jobContractType: jobType,
          durationBucket: derived.durationBucket,
          // A training course or a neutralised exit carries no job length.
          jobMonths: isJob ? months : null,
          neutralisedReason: isNeutralised ? (dto.neutralisedReason ?? null) : null,
          isInternalHire: next !== null,
          entryDate: contract.entry_date,
          employerSector:
            dto.employerSector?.trim() || (next ? 'Association (embauche interne)' : null),
          detail: dto.detail?.trim() || null,
          // Derived below from the title blocks passed by the exit date, whatever was sent.
          certificationObtained: false,
          certifiedBlocks: [],
          followUpDue: addMonths(dto.exitDate, 6),
          followUpStatus: null,
          followUpOn: null,
        }),
      );
      await syncExitCertifications(manager, contract.person_id);
      // Closing the contract on the exit date when it was open-ended or ran later.
      if (contract.end_date === null || contract.end_date > dto.exitDate)
        await manager.query(`UPDATE contract SET end_date = $2 WHERE id = $1`, [
          contract.id,
          dto.exitDate,
        ]);
      // An exit before the planned end moves the plan's end milestones.
      await this.pathways.recompute(manager, user, contract.person_id, 'exit');
      await manager.query(
        `UPDATE pathway_milestone m SET done_on = $2 FROM pathway_plan p
         WHERE p.id = m.plan_id AND p.person_id = $1 AND m.code = 'P13' AND m.done_on IS NULL`,
        [contract.person_id, dto.exitDate <= todayIn() ? dto.exitDate : todayIn()],
      );
      await this.audit.record(manager, user, {
        action: existing ? 'exit_record.complete' : 'exit_record.create',
        entity: 'exit_record',
        entityId: saved.id,
        details: {
          personId: contract.person_id,
          contractId: contract.id,
          outcome,
          months,
          category: derived.category,
          ...(dto.category && dto.category !== derived.category
            ? { typedCategoryIgnored: dto.category }
            : {}),
          ...(dto.certificationObtained !== undefined
            ? { typedCertificationIgnored: dto.certificationObtained }
            : {}),
          isInternalHire: next !== null,
        },
      });
      return saved.id;
    });
    const [row] = await this.dataSource.query(`${EXIT_SELECT} WHERE x.id = $1`, [id]);
    return toExit(row);
  }

  /**
   * The contract that followed this one, if any: a renewal or another contract started later.
   * After an aided contract (or alternance), an ordinary CDD or CDI that is no renewal is an
   * internal hire: the aided pathway ends there, and that contract says what followed. Anything
   * else continues the pathway (PEC → adulte-relais, a renewal, CDD → CDI): no exit.
   */
  async followOn(
    manager: EntityManager,
    contract: { id: string; person_id: string; type: ContractType; start_date: string },
  ): Promise<{
    id: string;
    type: ContractType;
    start: string;
    months: number | null;
    isInternalHire: boolean;
  } | null> {
    const rows: {
      id: string;
      type: ContractType;
      renewal_of: string | null;
      start_date: string;
      end_date: string | null;
    }[] = await manager.query(
      `SELECT id, type, renewal_of, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM contract WHERE person_id = $1 AND id <> $2 AND (renewal_of = $2 OR start_date > $3)
        ORDER BY start_date LIMIT 1`,
      [contract.person_id, contract.id, contract.start_date],
    );
    const [next] = rows;
    if (!next) return null;
    const isInternalHire =
      contractFamily(contract.type) !== 'DROIT_COMMUN' &&
      contractFamily(next.type) === 'DROIT_COMMUN' &&
      next.renewal_of !== contract.id;
    return {
      id: next.id,
      type: next.type,
      start: next.start_date,
      months: contractMonths(next.start_date, next.end_date),
      isInternalHire,
    };
  }

  /**
   * Opens the exit record of a contract ended early with nothing after it, for HR to complete
   * (category and what followed) through the exit form: until then it counts in no rate and the
   * dashboard lists it with the exits to record (EXIT_RECORD_INCOMPLETE). Runs in the caller's
   * transaction; returns the record's id, or null when one exists already.
   */
  async openToComplete(
    manager: EntityManager,
    user: AuthUser,
    contract: {
      id: string;
      personId: string;
      type: ContractType;
      displayName: string;
      siteId: string | null;
    },
    exitDate: string,
  ): Promise<string | null> {
    const existing = await manager.findOneBy(ExitRecordEntity, { contractId: contract.id });
    if (existing) return null;
    const saved = await manager.save(
      manager.create(ExitRecordEntity, {
        organisationId: user.organisationId,
        personId: contract.personId,
        contractId: contract.id,
        displayName: contract.displayName,
        siteId: contract.siteId,
        contractType: contract.type,
        exitDate,
        category: null,
        jobContractType: null,
        durationBucket: null,
        jobMonths: null,
        neutralisedReason: null,
        isInternalHire: false,
        entryDate: null,
        employerSector: null,
        detail: null,
        certificationObtained: false,
        certifiedBlocks: [],
        followUpDue: addMonths(exitDate, 6),
        followUpStatus: null,
        followUpOn: null,
      }),
    );
    await syncExitCertifications(manager, contract.personId);
    await this.audit.record(manager, user, {
      action: 'exit_record.open',
      entity: 'exit_record',
      entityId: saved.id,
      details: { personId: contract.personId, contractId: contract.id, exitDate },
    });
    return saved.id;
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
      // The follow-up recorded is what closes the pathway's P14 milestone.
      if (exit.personId)
        await this.pathways.syncFacts(manager, user.organisationId, exit.personId, todayIn());
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
      `${EXIT_SELECT} WHERE x.organisation_id = $1 AND x.category IS NOT NULL ORDER BY x.exit_date DESC`,
      [user.organisationId],
    );
    return rows.map(toExit);
  }

  /**
   * Taux de sorties dynamiques by year, site, contract type and contract family (aided contracts
   * apart from ordinary CDD and CDI). Neutralised exits are left out; ended contracts with no exit
   * record stay in the denominator, as not dynamic, until recorded; leavers under the
   * organisation's minimum stay are counted apart. An exit recorded ahead of its date counts from
   * that date: until then the person is still there.
   */
  async report(user: AuthUser, year?: number): Promise<ExitReport> {
    const today = todayIn(user.timeZone);
    const { exitMinimumStayDays } = await readOrganisationSettings(
      this.dataSource.manager,
      user.organisationId,
    );
    const recorded = (await this.list(user)).filter((exit) => exit.exitDate <= today);
    const missing = await this.missingExits(user.organisationId, today);
    interface Row {
      category: ExitCategory | null;
      exitDate: string;
      siteCode: string | null;
      siteName: string | null;
      contractType: ContractType;
      isTooShort: boolean;
      exit: ExitRecord | null;
    }
    const all: Row[] = [
      ...recorded.map((exit) => ({
        category: exit.category,
        exitDate: exit.exitDate,
        siteCode: exit.siteCode,
        siteName: exit.siteName,
        contractType: exit.contractType,
        isTooShort: !hasMinimumStay(exit.entryDate, exit.exitDate, exitMinimumStayDays),
        exit,
      })),
      ...missing.map((row) => ({
        category: null,
        exitDate: row.end,
        siteCode: row.siteCode,
        siteName: row.siteName,
        contractType: row.contractType,
        isTooShort: !hasMinimumStay(row.entryDate, row.end, exitMinimumStayDays),
        exit: null,
      })),
    ];
    const rows = year ? all.filter((row) => row.exitDate.startsWith(`${year}-`)) : all;
    const counted = rows.flatMap((row) => (row.exit && !row.isTooShort ? [row.exit] : []));
    const group = <K extends string>(key: (row: Row) => K, values?: readonly K[]) =>
      (values ?? [...new Set(rows.map(key))].sort()).map((value) => ({
        value,
        ...exitRate(rows.filter((row) => key(row) === value)),
      }));
    const years = [...new Set(all.map((row) => Number(row.exitDate.slice(0, 4))))].sort();
    const due = counted.filter((exit) => exit.followUpDue <= today);
    const certified = counted.filter((exit) => exit.certificationObtained).length;
    return {
      year: year ?? null,
      ...exitRate(rows),
      byCategory: Object.fromEntries(
        EXIT_CATEGORIES.map((category) => [
          category,
          counted.filter((exit) => exit.category === category).length,
        ]),
      ) as Record<ExitCategory, number>,
      byYear: years.map((y) => ({
        year: y,
        ...exitRate(all.filter((row) => row.exitDate.startsWith(`${y}-`))),
      })),
      bySite: group((row) => row.siteCode ?? '').map(({ value, ...r }) => ({
        siteCode: value,
        siteName: rows.find((row) => (row.siteCode ?? '') === value)?.siteName ?? 'Siège',
        ...r,
      })),
      byContractType: group((row) => row.contractType).map(({ value, ...r }) => ({
        contractType: value,
        ...r,
      })),
      byFamily: group((row) => contractFamily(row.contractType), CONTRACT_FAMILIES).map(
        ({ value, ...r }) => ({ family: value, ...r }),
      ),
      minimumStayDays: exitMinimumStayDays,
      certified,
      certificationRate: counted.length
        ? Math.round((certified / counted.length) * 10000) / 10000
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

  /**
   * Ended contracts whose exit is not recorded (EXIT_RECORD_INCOMPLETE): no exit record with a
   * category, and nothing after them but, for an aided contract, an internal hire on an ordinary
   * post (which is an exit to record too).
   */
  private async missingExits(
    organisationId: string,
    today: string,
  ): Promise<
    {
      contractId: string;
      personId: string;
      personName: string;
      contractType: ContractType;
      end: string;
      entryDate: string;
      siteCode: string | null;
      siteName: string | null;
      isInternalHire: boolean;
    }[]
  > {
    const rows: {
      contract_id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      type: ContractType;
      end_date: string;
      entry_date: string;
      site_code: string | null;
      site_name: string | null;
      is_internal_hire: boolean;
    }[] = await this.dataSource.query(
      `SELECT c.id AS contract_id, c.person_id, p.first_name, p.last_name, c.type,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, s.code AS site_code, s.name AS site_name,
              to_char((SELECT min(f.start_date) FROM contract f
                        WHERE f.person_id = c.person_id AND f.start_date <= c.start_date), 'YYYY-MM-DD') AS entry_date,
              EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.id <> c.id
                        AND n.start_date > c.start_date) AS is_internal_hire
       FROM contract c JOIN person p ON p.id = c.person_id LEFT JOIN site s ON s.id = p.home_site_id
       WHERE c.organisation_id = $1
         AND (c.end_date < $2 OR EXISTS (SELECT 1 FROM exit_record d WHERE d.contract_id = c.id AND d.category IS NULL))
         AND NOT EXISTS (SELECT 1 FROM exit_record x WHERE x.contract_id = c.id AND x.category IS NOT NULL)
         -- What follows, in start order: only its first contract decides (see followOn).
         AND NOT EXISTS (
           SELECT 1 FROM (SELECT n.type, n.renewal_of FROM contract n
                           WHERE n.person_id = c.person_id AND n.id <> c.id
                             AND (n.renewal_of = c.id OR n.start_date > c.start_date)
                           ORDER BY n.start_date LIMIT 1) AS first_next
            WHERE NOT (c.type IN ('PEC', 'ADULTE_RELAIS', 'CDDI', 'PRO')
                       AND first_next.type IN ('CDD', 'CDI')
                       AND first_next.renewal_of IS DISTINCT FROM c.id))
       ORDER BY c.end_date`,
      [organisationId, today],
    );
    return rows.map((row) => ({
      contractId: row.contract_id,
      personId: row.person_id,
      personName: `${row.first_name} ${row.last_name}`,
      contractType: row.type,
      end: row.end_date,
      entryDate: row.entry_date,
      siteCode: row.site_code,
      siteName: row.site_name,
      isInternalHire: row.is_internal_hire,
    }));
  }

  /** The HR dashboard: contracts ending within 6 months with readiness, late items, expiries. */
  async dashboard(user: AuthUser): Promise<PathwayDashboard> {
    const today = todayIn(user.timeZone);
    const org = user.organisationId;
    const ending: {
      person_id: string;
      first_name: string;
      last_name: string;
      site_code: string | null;
      site_name: string | null;
      type: ContractType;
      end_date: string;
    }[] = await this.dataSource.query(
      `SELECT c.person_id, p.first_name, p.last_name, s.code AS site_code, s.name AS site_name, c.type, to_char(c.end_date, 'YYYY-MM-DD') AS end_date
       FROM contract c JOIN person p ON p.id = c.person_id LEFT JOIN site s ON s.id = p.home_site_id
       WHERE c.organisation_id = $1 AND c.end_date BETWEEN $2 AND $3
         AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.start_date > c.start_date)
       ORDER BY c.end_date`,
      [org, today, addMonths(today, 6)],
    );
    await this.dataSource.transaction(async (manager) => {
      for (const row of ending) await this.pathways.ensurePlan(manager, org, row.person_id);
      // Milestones closed by facts (tutor, valid SST, follow-up) read as they stand today.
      await this.pathways.syncFacts(manager, org, null, today);
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
    const underWay: { person_id: string; code: string; minutes: number }[] =
      await this.dataSource.query(
        `SELECT e.person_id, m.code, sum(e.attended_minutes)::int AS minutes
           FROM training_enrolment e JOIN training_session s ON s.id = e.session_id
           JOIN training_module m ON m.id = s.module_id
          WHERE e.organisation_id = $1 AND e.status = 'validated' AND e.record_id IS NULL
          GROUP BY e.person_id, m.code`,
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
        new Map(
          underWay
            .filter((row) => row.person_id === personId)
            .map((row) => [row.code, row.minutes / 60]),
        ),
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
    const missing = await this.missingExits(org, today);
    const pecEnding: {
      id: string;
      person_id: string;
      first_name: string;
      last_name: string;
      end_date: string;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.person_id, p.first_name, p.last_name, to_char(c.end_date, 'YYYY-MM-DD') AS end_date
           FROM contract c JOIN person p ON p.id = c.person_id
          WHERE c.organisation_id = $1 AND c.type = 'PEC' AND c.end_date BETWEEN $2 AND $3
            AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.start_date > c.start_date)
            AND NOT ${experienceAttestationIssuedSql('c.id')}
          ORDER BY c.end_date`,
      [org, today, addMonths(today, 3)],
    );
    const followUps: ExitRow[] = await this.dataSource.query(
      `${EXIT_SELECT} WHERE x.organisation_id = $1 AND x.category IS NOT NULL AND x.follow_up_due <= $2 AND x.follow_up_status IS NULL
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
          siteName: row.site_name,
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
        // Valid through its expiry day (hasValidSkill): expired from the day after.
        isExpired: row.expires_on < today,
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
        contractId: row.contractId,
        personId: row.personId,
        personName: row.personName,
        contractType: row.contractType,
        end: row.end,
        isInternalHire: row.isInternalHire,
      })),
      // The pathway's EXPERIENCE_ATTESTATION_DUE window: from two months before the end.
      attestationsDue: pecEnding
        .filter((row) => today >= addMonths(row.end_date, -2))
        .map((row) => ({
          contractId: row.id,
          personId: row.person_id,
          personName: `${row.first_name} ${row.last_name}`,
          end: row.end_date,
          due: addMonths(row.end_date, -1),
          isLate: today > addMonths(row.end_date, -1),
        })),
    };
  }

  /** Training records and exits, for funders: sheet "Formations" and sheet "Sorties". */
  async workbook(user: AuthUser): Promise<ExcelJS.Workbook> {
    const records: Record<string, string | number | Date | null>[] = await this.dataSource.query(
      `SELECT p.last_name AS "Nom", p.first_name AS "Prénom", s.code AS "Site", m.code AS "Module", m.title AS "Intitulé",
              to_char(r.completed_on, 'YYYY-MM-DD') AS "Validé le", r.hours::float AS "Heures",
              to_char(r.expires_on, 'YYYY-MM-DD') AS "Expire le"
       FROM training_record r JOIN person p ON p.id = r.person_id JOIN training_module m ON m.id = r.module_id
       LEFT JOIN site s ON s.id = p.home_site_id
       WHERE r.organisation_id = $1 ORDER BY p.last_name, p.first_name, r.completed_on`,
      [user.organisationId],
    );
    for (const record of records)
      for (const column of ['Validé le', 'Expire le'])
        record[column] = excelDate(record[column] as string | null);
    const { Workbook } = await loadExcelJs();
    const workbook = new Workbook();
    workbook.creator = 'Relais';
    const add = (name: string, rows: Record<string, unknown>[], headers: string[]) => {
      const sheet = workbook.addWorksheet(name);
      sheet.columns = headers.map((header) => ({
        header,
        key: header,
        width: 18,
        // Real dates and hour counts: the spreadsheet sorts, filters and sums them.
        style: DATE_COLUMNS.has(header)
          ? { numFmt: EXCEL_DATE_FORMAT }
          : header === 'Heures'
            ? { numFmt: EXCEL_HOURS_FORMAT }
            : {},
      }));
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
      Site: exit.siteName ?? 'Siège',
      Contrat: CONTRACT_TYPE_LABELS[exit.contractType],
      'Date de sortie': excelDate(exit.exitDate),
      Catégorie: EXIT_CATEGORY_LABELS[exit.category],
      'Emploi obtenu': exit.jobContractType ? EXIT_JOB_TYPE_LABELS[exit.jobContractType] : null,
      Durée: exit.durationBucket ? DURATION_BUCKET_LABELS[exit.durationBucket] : null,
      'Durée (mois)': exit.jobMonths,
      'Embauche interne': exit.isInternalHire ? 'oui' : 'non',
      'Motif de neutralisation': exit.neutralisedReason
        ? NEUTRALISED_REASON_LABELS[exit.neutralisedReason]
        : null,
      Secteur: exit.employerSector,
      Certification: exit.certificationObtained ? 'oui' : 'non',
      'Suivi à 6 mois': excelDate(exit.followUpDue),
      'Situation à 6 mois': exit.followUpSituation
        ? FOLLOW_UP_SITUATION_LABELS[exit.followUpSituation]
        : null,
    }));
    add('Sorties', exits, [
      'Personne',
      'Site',
      'Contrat',
      'Date de sortie',
      'Catégorie',
      'Emploi obtenu',
      'Durée',
      'Durée (mois)',
      'Embauche interne',
      'Motif de neutralisation',
      'Secteur',
      'Certification',
      'Suivi à 6 mois',
      'Situation à 6 mois',
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
