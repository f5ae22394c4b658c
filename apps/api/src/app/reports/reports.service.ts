import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVITY_LABELS,
  CERTIFICATION_TITLES,
  CONTRACT_TYPE_LABELS,
  CONTRAT_PRO_STATUS_LABELS,
  type ActivityCode,
  type ContractType,
  type ContratProReport,
  type ContratProRow,
  type ContratProStatus,
  type FranceServicesReport,
  type SubsidisedContractRow,
  type SubsidisedReport,
} from '@relais/api-types';
import {
  addDays,
  certificateLabel,
  civilDate,
  daysBetween,
  effectiveMinutes,
  formatDate,
  formatDuration,
  formatHours,
  formatWeek,
  franceServicesMonth,
  franceServicesOpeningShortfall,
  isoWeekOfInstant,
  isoWeeksOfMonth,
  monthBounds,
  proTrainingBounds,
  resolveRuleSettings,
  windowOfIsoWeek,
  zonedInstant,
  type RuleSettings,
} from '@relais/rules';
import { DataSource } from 'typeorm';
import { refuse } from '../../common/refuse';
import { todayIn } from '../../common/today';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { obtainedBlocks } from '../certifications/certification-facts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { SiteEntity } from '../organisation/site.entity';
import type { FranceServicesQueryDto } from './dto/reports.dto';
import { EXPERIENCE_ATTESTATION_ACTION } from './experience-attestation-facts';
import type { ExperienceAttestation } from './experience-attestation-pdf';

interface ShiftRow {
  person_id: string;
  site_id: string;
  location_id: string;
  activity: ActivityCode;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  id: string;
}

interface ContractRow {
  id: string;
  person_id: string;
  type: ContractType;
  start_date: string;
  end_date: string | null;
  weekly_hours: string;
  training_hours: number | null;
  convention_number: string | null;
  convention_end: string | null;
  first_name: string;
  last_name: string;
  job_title: string | null;
  post_title: string | null;
  site_name: string | null;
  tutor_name: string | null;
}

const CONTRACT_SQL = `
  SELECT c.id, c.person_id, c.type, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.weekly_hours, c.training_hours,
         c.convention_number, to_char(c.convention_end, 'YYYY-MM-DD') AS convention_end,
         p.first_name, p.last_name, p.job_title, po.title AS post_title, s.name AS site_name,
         CASE WHEN t.id IS NULL THEN NULL ELSE t.first_name || ' ' || t.last_name END AS tutor_name
    FROM contract c
    JOIN person p ON p.id = c.person_id
    LEFT JOIN post po ON po.id = c.post_id
    LEFT JOIN site s ON s.id = COALESCE(po.site_id, p.home_site_id)
    LEFT JOIN person t ON t.id = c.tutor_id`;

/**
 * The funders' documents (issue #18): the France Services month of a site (opening held by two
 * trained agents), the hours of the aided contracts (PEC, adulte-relais), the training of the
 * contrats de professionnalisation, and the PEC's attestation d'expérience professionnelle. Only
 * published weeks count: a draft is no record of work.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async franceServices(
    user: AuthUser,
    query: FranceServicesQueryDto,
  ): Promise<FranceServicesReport> {
    this.access.requireSite(user, query.siteId, 'read');
    const site = await this.dataSource.getRepository(SiteEntity).findOne({
      where: { id: query.siteId, organisationId: user.organisationId },
      relations: { locations: true },
    });
    if (!site) throw new NotFoundException('Site introuvable.');
    const settings = await this.settings(user);
    const weeks = isoWeeksOfMonth(query.month);
    const from = zonedInstant(windowOfIsoWeek(weeks[0]).from, '00:00', settings.timeZone);
    const to = zonedInstant(
      addDays(windowOfIsoWeek(weeks[weeks.length - 1]).to, 1),
      '00:00',
      settings.timeZone,
    );
    const [published, shifts]: [{ week: string }[], ShiftRow[]] = await Promise.all([
      this.dataSource.query(
        `SELECT week FROM site_week WHERE site_id = $1 AND status = 'published' AND week = ANY($2)`,
        [site.id, weeks],
      ),
      this.dataSource.query(
        `SELECT id, person_id, site_id, location_id, activity, start_at, end_at, break_minutes
           FROM shift WHERE site_id = $1 AND person_id IS NOT NULL
            AND start_at >= $2 AND start_at < $3`,
        [site.id, new Date(from), new Date(to)],
      ),
    ]);
    const personIds = [...new Set(shifts.map((shift) => shift.person_id))];
    const skills: { person_id: string; acquired_on: string; expires_on: string | null }[] =
      await this.dataSource.query(
        `SELECT person_id, to_char(acquired_on, 'YYYY-MM-DD') AS acquired_on,
                to_char(expires_on, 'YYYY-MM-DD') AS expires_on
           FROM person_skill WHERE person_id = ANY($1) AND skill = 'france_services_initial'`,
        [personIds],
      );
    const month = franceServicesMonth({
      month: query.month,
      openingHours: site.openingHours,
      deskLocationIds: (site.locations ?? [])
        .filter((location) => location.kind === 'site')
        .map((location) => location.id),
      shifts: shifts.map((shift) => ({
        id: shift.id,
        personId: shift.person_id,
        locationId: shift.location_id,
        activity: shift.activity,
        start: shift.start_at.getTime(),
        end: shift.end_at.getTime(),
        breakMinutes: shift.break_minutes,
      })),
      people: personIds.map((personId) => ({
        personId,
        skills: skills
          .filter((skill) => skill.person_id === personId)
          .map((skill) => ({
            code: 'france_services_initial',
            acquiredOn: skill.acquired_on,
            expiresOn: skill.expires_on,
          })),
      })),
      publishedWeeks: published.map((row) => row.week),
      settings,
    });
    const rules = resolveRuleSettings(settings);
    return {
      siteId: site.id,
      siteName: site.name,
      isFranceServices: site.isFranceServices,
      month: query.month,
      requiredTrainedAgents: rules.fsTrainedMinStaff,
      minimumWeeklyMinutes: rules.fsMinOpeningMinutesPerWeek,
      minimumDays: rules.fsMinOpeningDays,
      openingShortfall: franceServicesOpeningShortfall(site.openingHours, settings),
      openingMinutes: month.days.reduce((sum, day) => sum + day.openingMinutes, 0),
      coveredMinutes: month.days.reduce((sum, day) => sum + day.coveredMinutes, 0),
      ...month,
    };
  }

  async subsidised(user: AuthUser, month: string): Promise<SubsidisedReport> {
    const { from, to } = monthBounds(month);
    const settings = await this.settings(user);
    const rules = resolveRuleSettings(settings);
    const contracts: ContractRow[] = await this.dataSource.query(
      `${CONTRACT_SQL}
        WHERE c.organisation_id = $1 AND c.type IN ('PEC', 'ADULTE_RELAIS')
          AND c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $2)
        ORDER BY p.last_name, p.first_name, c.start_date`,
      [user.organisationId, from, to],
    );
    const worked = await this.publishedWork(
      user,
      contracts.map((contract) => contract.person_id),
      from,
      to,
      settings.timeZone,
    );
    const training = await this.trainingMinutes(
      contracts.map((contract) => contract.person_id),
      from,
      to,
      settings.timeZone,
    );
    const rows = contracts.map((contract): SubsidisedContractRow => {
      const first = contract.start_date > from ? contract.start_date : from;
      const last = contract.end_date !== null && contract.end_date < to ? contract.end_date : to;
      const inContract = (date: string) => date >= first && date <= last;
      const weeklyHours = Number(contract.weekly_hours);
      const workedMinutes = worked.shifts
        .filter(
          (shift) =>
            shift.personId === contract.person_id &&
            shift.activity !== 'training' &&
            inContract(shift.date),
        )
        .reduce((sum, shift) => sum + shift.minutes, 0);
      const trainingMinutes = training
        .filter((row) => row.personId === contract.person_id && inContract(row.date))
        .reduce((sum, row) => sum + row.minutes, 0);
      return {
        contractId: contract.id,
        personId: contract.person_id,
        personName: `${contract.first_name} ${contract.last_name}`,
        type: contract.type === 'PEC' ? 'PEC' : 'ADULTE_RELAIS',
        start: contract.start_date,
        end: contract.end_date,
        weeklyHours,
        postTitle: contract.post_title,
        siteName: contract.site_name,
        conventionNumber: contract.convention_number,
        conventionEnd: contract.convention_end,
        tutorName: contract.tutor_name,
        contractMinutes: Math.round(((daysBetween(first, last) + 1) / 7) * weeklyHours * 60),
        workedMinutes,
        trainingMinutes,
        ...subsidisedRequirements(contract, weeklyHours, rules),
      };
    });
    return { month, rows, unpublishedWeeks: worked.unpublished };
  }

  async contratPro(user: AuthUser, month: string): Promise<ContratProReport> {
    const { from, to } = monthBounds(month);
    const settings = await this.settings(user);
    const contracts: ContractRow[] = await this.dataSource.query(
      `${CONTRACT_SQL}
        WHERE c.organisation_id = $1 AND c.type = 'PRO'
          AND c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $2)
        ORDER BY p.last_name, p.first_name, c.start_date`,
      [user.organisationId, from, to],
    );
    const earliest = contracts.reduce((min, c) => (c.start_date < min ? c.start_date : min), from);
    const training = await this.trainingMinutes(
      contracts.map((contract) => contract.person_id),
      earliest,
      to,
      settings.timeZone,
    );
    const rows = contracts.map((contract): ContratProRow => {
      const weeklyHours = Number(contract.weekly_hours);
      const end = contract.end_date ?? to;
      const bounds = proTrainingBounds(contract.start_date, end, weeklyHours, settings);
      const own = training.filter(
        (row) =>
          row.personId === contract.person_id &&
          row.date >= contract.start_date &&
          row.date <= end &&
          row.date <= to,
      );
      const monthMinutes = own
        .filter((row) => row.date >= from)
        .reduce((sum, row) => sum + row.minutes, 0);
      const cumulatedMinutes = own.reduce((sum, row) => sum + row.minutes, 0);
      const requiredMinutes = bounds.minHours * 60;
      const maximumMinutes = bounds.maxHours * 60;
      const reached = end < to ? end : to;
      const elapsed =
        (daysBetween(contract.start_date, reached) + 1) /
        (daysBetween(contract.start_date, end) + 1);
      const expectedByNowMinutes = Math.round(requiredMinutes * Math.min(1, Math.max(0, elapsed)));
      const status = proStatus(
        cumulatedMinutes,
        requiredMinutes,
        maximumMinutes,
        expectedByNowMinutes,
      );
      return {
        contractId: contract.id,
        personId: contract.person_id,
        personName: `${contract.first_name} ${contract.last_name}`,
        start: contract.start_date,
        end: contract.end_date,
        weeklyHours,
        tutorName: contract.tutor_name,
        plannedTrainingHours: contract.training_hours,
        monthMinutes,
        cumulatedMinutes,
        requiredMinutes,
        maximumMinutes,
        expectedByNowMinutes,
        ratioPercent:
          bounds.totalHours > 0
            ? Math.round((cumulatedMinutes / (bounds.totalHours * 60)) * 1000) / 10
            : 0,
        status,
        statusMessage: proStatusMessage(
          status,
          cumulatedMinutes,
          requiredMinutes,
          maximumMinutes,
          expectedByNowMinutes,
          settings,
        ),
      };
    });
    return { month, rows };
  }

  /**
   * The PEC's attestation d'expérience professionnelle (L5134-28-1): HR and the direction for
   * anyone, the person for their own contract; a contract of another type is refused.
   */
  async experienceAttestation(user: AuthUser, contractId: string): Promise<ExperienceAttestation> {
    const [contract]: ContractRow[] = await this.dataSource.query(
      `${CONTRACT_SQL} WHERE c.id = $1 AND c.organisation_id = $2`,
      [contractId, user.organisationId],
    );
    if (!contract) throw new NotFoundException('Contrat introuvable.');
    if (!this.access.isOrganisationWide(user.role) && contract.person_id !== user.personId)
      throw new ForbiddenException(
        'L’attestation d’expérience est remise par les RH : vous ne pouvez lire que la vôtre.',
      );
    if (contract.type !== 'PEC')
      refuse(
        `L’attestation d’expérience professionnelle est propre au PEC ; ce contrat est un ${CONTRACT_TYPE_LABELS[contract.type]}.`,
        'id',
        'contrat PEC attendu',
      );
    const settings = await this.settings(user);
    const today = todayIn(settings.timeZone);
    const until =
      contract.end_date !== null && contract.end_date < today ? contract.end_date : today;
    const [organisation]: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM organisation WHERE id = $1`,
      [user.organisationId],
    );
    const work = await this.publishedWork(
      user,
      [contract.person_id],
      contract.start_date,
      until,
      settings.timeZone,
    );
    const byActivity = new Map<ActivityCode, number>();
    for (const shift of work.shifts)
      if (shift.activity !== 'training')
        byActivity.set(shift.activity, (byActivity.get(shift.activity) ?? 0) + shift.minutes);
    const skills: { skill: string; acquired_on: string; expires_on: string | null }[] =
      await this.dataSource.query(
        `SELECT skill, to_char(acquired_on, 'YYYY-MM-DD') AS acquired_on,
                to_char(expires_on, 'YYYY-MM-DD') AS expires_on
           FROM person_skill WHERE person_id = $1 ORDER BY acquired_on`,
        [contract.person_id],
      );
    const trainings: { title: string; minutes: number; last_on: string }[] =
      await this.dataSource.query(
        `SELECT m.title, sum(COALESCE(e.attended_minutes,
                  round(extract(epoch FROM (s.end_at - s.start_at)) / 60) - s.break_minutes))::int AS minutes,
                to_char(max(s.start_at) AT TIME ZONE $4, 'YYYY-MM-DD') AS last_on
           FROM training_enrolment e
           JOIN training_session s ON s.id = e.session_id
           JOIN training_module m ON m.id = s.module_id
          WHERE e.person_id = $1 AND e.status IN ('present', 'validated')
            AND s.start_at >= $2 AND s.start_at < $3
          GROUP BY m.title ORDER BY max(s.start_at)`,
        [
          contract.person_id,
          new Date(zonedInstant(contract.start_date, '00:00', settings.timeZone)),
          new Date(zonedInstant(addDays(until, 1), '00:00', settings.timeZone)),
          settings.timeZone,
        ],
      );
    const blocks = await obtainedBlocks(this.dataSource.manager, contract.person_id);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, user, {
        action: EXPERIENCE_ATTESTATION_ACTION,
        entity: 'contract',
        entityId: contract.id,
        // HR or the direction hands it over; the person reading their own does not issue it.
        details: {
          personId: contract.person_id,
          isIssued: this.access.isOrganisationWide(user.role),
        },
      }),
    );
    return {
      employer: organisation?.name ?? '',
      personName: `${contract.first_name} ${contract.last_name}`,
      jobTitle: contract.post_title ?? contract.job_title,
      siteName: contract.site_name,
      start: contract.start_date,
      end: contract.end_date,
      weeklyHours: Number(contract.weekly_hours),
      tutorName: contract.tutor_name,
      issuedOn: today,
      activities: [...byActivity]
        .sort(([, a], [, b]) => b - a)
        .map(([activity, minutes]) => ({ label: ACTIVITY_LABELS[activity], minutes })),
      skills: skills.map((skill) => ({
        label: certificateLabel(skill.skill),
        acquiredOn: skill.acquired_on,
        expiresOn: skill.expires_on,
      })),
      trainings: trainings.map((row) => ({
        title: row.title,
        minutes: row.minutes,
        lastOn: row.last_on,
      })),
      certifications: blocks.map((block) => {
        const title = CERTIFICATION_TITLES.find((t) => t.code === block.titleCode);
        const label = title?.blocks.find((b) => b.code === block.blockCode)?.label;
        return {
          label: `${title?.shortLabel ?? block.titleCode} – ${block.blockCode}${label ? ` : ${label}` : ''}`,
          on: block.on,
        };
      }),
    };
  }

  private async settings(user: AuthUser) {
    return readOrganisationSettings(this.dataSource.manager, user.organisationId);
  }

  /**
   * Effective minutes (breaks deducted) of people's shifts in published weeks of their site, by
   * the civil day they start, and the site-weeks left out because not published.
   */
  private async publishedWork(
    user: AuthUser,
    personIds: string[],
    from: string,
    to: string,
    timeZone: string,
  ): Promise<{
    shifts: { personId: string; activity: ActivityCode; date: string; minutes: number }[];
    unpublished: string[];
  }> {
    if (personIds.length === 0) return { shifts: [], unpublished: [] };
    const rows: (ShiftRow & { site_name: string })[] = await this.dataSource.query(
      `SELECT sh.id, sh.person_id, sh.site_id, sh.location_id, sh.activity, sh.start_at, sh.end_at,
              sh.break_minutes, s.name AS site_name
         FROM shift sh JOIN site s ON s.id = sh.site_id
        WHERE sh.organisation_id = $1 AND sh.person_id = ANY($2)
          AND sh.start_at >= $3 AND sh.start_at < $4
        ORDER BY sh.start_at`,
      [
        user.organisationId,
        personIds,
        new Date(zonedInstant(from, '00:00', timeZone)),
        new Date(zonedInstant(addDays(to, 1), '00:00', timeZone)),
      ],
    );
    const weeks = [
      ...new Set(rows.map((row) => isoWeekOfInstant(row.start_at.getTime(), timeZone))),
    ];
    const published: { site_id: string; week: string }[] = await this.dataSource.query(
      `SELECT site_id, week FROM site_week
        WHERE organisation_id = $1 AND status = 'published' AND week = ANY($2)`,
      [user.organisationId, weeks],
    );
    const isPublished = new Set(published.map((row) => `${row.site_id}|${row.week}`));
    const shifts: { personId: string; activity: ActivityCode; date: string; minutes: number }[] =
      [];
    const unpublished = new Set<string>();
    for (const row of rows) {
      const week = isoWeekOfInstant(row.start_at.getTime(), timeZone);
      if (!isPublished.has(`${row.site_id}|${week}`)) {
        unpublished.add(`${row.site_name} : ${formatWeek(week, Number(from.slice(0, 4)))}`);
        continue;
      }
      shifts.push({
        personId: row.person_id,
        activity: row.activity,
        date: civilDate(row.start_at.getTime(), timeZone),
        minutes: effectiveMinutes({
          start: row.start_at,
          end: row.end_at,
          breakMinutes: row.break_minutes,
        }),
      });
    }
    return { shifts, unpublished: [...unpublished].sort() };
  }

  /** Minutes of training attended (present or validated), by person and civil day of the session. */
  private async trainingMinutes(
    personIds: string[],
    from: string,
    to: string,
    timeZone: string,
  ): Promise<{ personId: string; date: string; minutes: number }[]> {
    if (personIds.length === 0) return [];
    const rows: { person_id: string; date: string; minutes: number }[] =
      await this.dataSource.query(
        `SELECT e.person_id, to_char(s.start_at AT TIME ZONE $4, 'YYYY-MM-DD') AS date,
                COALESCE(e.attended_minutes,
                  round(extract(epoch FROM (s.end_at - s.start_at)) / 60) - s.break_minutes)::int AS minutes
           FROM training_enrolment e JOIN training_session s ON s.id = e.session_id
          WHERE e.person_id = ANY($1) AND e.status IN ('present', 'validated')
            AND s.start_at >= $2 AND s.start_at < $3`,
        [
          personIds,
          new Date(zonedInstant(from, '00:00', timeZone)),
          new Date(zonedInstant(addDays(to, 1), '00:00', timeZone)),
          timeZone,
        ],
      );
    return rows.map((row) => ({ personId: row.person_id, date: row.date, minutes: row.minutes }));
  }
}

/** What the ASP (PEC) or the State's convention (adulte-relais) asks, and what falls short. */
function subsidisedRequirements(
  contract: ContractRow,
  weeklyHours: number,
  rules: RuleSettings,
): { requirements: string[]; issues: string[] } {
  const number = contract.convention_number ? ` n° ${contract.convention_number}` : '';
  const issues: string[] = [];
  if (!contract.convention_number) issues.push('Numéro de convention non renseigné.');
  if (contract.type === 'PEC') {
    if (weeklyHours < rules.pecMinWeeklyHours)
      issues.push(
        `Durée hebdomadaire de ${formatHours(weeklyHours)}, sous le minimum de ${formatHours(rules.pecMinWeeklyHours)} du PEC.`,
      );
    if (!contract.tutor_name) issues.push('Aucun tuteur désigné.');
    return {
      requirements: [
        `Convention individuelle PEC${number} (aide versée par l’ASP) : ${formatHours(weeklyHours)} par semaine, ${formatHours(rules.pecMinWeeklyHours)} au moins.`,
        'Un tuteur désigné, qui suit au plus 3 salariés en contrat aidé.',
        'Les actions de formation et d’accompagnement prévues par la convention.',
      ],
      issues,
    };
  }
  if (
    contract.convention_end &&
    (contract.end_date === null || contract.end_date > contract.convention_end)
  )
    issues.push(
      `Le contrat va au-delà de la fin de la convention État (${formatDate(contract.convention_end)}).`,
    );
  return {
    requirements: [
      `Convention adulte-relais avec l’État${number}${contract.convention_end ? `, jusqu’au ${formatDate(contract.convention_end)}` : ''}.`,
      'Une mission de médiation sociale au bénéfice d’un quartier prioritaire de la politique de la ville.',
      'Une professionnalisation : les formations suivies sont à déclarer.',
    ],
    issues,
  };
}

function proStatus(
  cumulated: number,
  required: number,
  maximum: number,
  expected: number,
): ContratProStatus {
  if (cumulated > maximum) return 'over';
  if (cumulated >= required) return 'reached';
  return cumulated >= expected ? 'on_track' : 'behind';
}

function proStatusMessage(
  status: ContratProStatus,
  cumulated: number,
  required: number,
  maximum: number,
  expected: number,
  settings: Partial<RuleSettings>,
): string {
  const s = resolveRuleSettings(settings);
  const law = `${Math.round(s.proTrainingMinRatio * 100)} % à ${Math.round(s.proTrainingMaxRatio * 100)} % des heures du contrat et ${formatHours(s.proMinTrainingHours)} au moins (C. trav., art. L6325-13)`;
  const done = formatDuration(cumulated);
  switch (status) {
    case 'over':
      return `${CONTRAT_PRO_STATUS_LABELS.over} : ${done} de formation, au-delà des ${formatDuration(maximum)} (${law}).`;
    case 'reached':
      return `${CONTRAT_PRO_STATUS_LABELS.reached} : ${done} de formation sur ${formatDuration(required)} requises (${law}).`;
    case 'on_track':
      return `${CONTRAT_PRO_STATUS_LABELS.on_track} : ${done} de formation, ${formatDuration(expected)} attendues à la fin du mois, ${formatDuration(required)} sur le contrat (${law}).`;
    case 'behind':
      return `${CONTRAT_PRO_STATUS_LABELS.behind} : ${done} de formation, ${formatDuration(expected)} attendues à la fin du mois, ${formatDuration(required)} sur le contrat (${law}).`;
  }
}
