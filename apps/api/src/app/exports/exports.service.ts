import { Injectable } from '@nestjs/common';
import {
  CONTRACT_TYPE_LABELS,
  ROLE_LABELS,
  type PeopleQuery,
  type PersonSummary,
  type Site,
} from '@relais/api-types';
import { formatDate, skillLabel } from '@relais/rules';
import type ExcelJS from 'exceljs';
import { EXCEL_DATE_FORMAT, EXCEL_HOURS_FORMAT, excelDate, worksheetCsv } from '../../common/csv';
import { loadExcelJs } from '../../common/lazy-libs';
import type { AuthUser } from '../access/auth-user';
import { SitesService } from '../organisation/sites.service';
import { PeopleService } from '../people/people.service';

const COLUMNS = [
  { header: 'Nom', key: 'lastName', width: 22 },
  { header: 'Prénom', key: 'firstName', width: 18 },
  { header: 'Site', key: 'site', width: 8 },
  { header: 'Fonction', key: 'jobTitle', width: 34 },
  { header: 'Rôle', key: 'role', width: 22 },
  { header: 'Contrat', key: 'contractType', width: 30 },
  { header: 'Début', key: 'start', width: 12, style: { numFmt: EXCEL_DATE_FORMAT } },
  { header: 'Fin', key: 'end', width: 12, style: { numFmt: EXCEL_DATE_FORMAT } },
  {
    header: 'Heures par semaine',
    key: 'weeklyHours',
    width: 18,
    style: { numFmt: EXCEL_HOURS_FORMAT },
  },
  { header: 'Fin dans (jours)', key: 'endingInDays', width: 16 },
  { header: 'Qualifications', key: 'skills', width: 40 },
] as const;

type Row = Record<(typeof COLUMNS)[number]['key'], string | number | Date | null>;

/**
 * People and contracts exports for HR. Only list columns: never notes, absence reasons or
 * anything the list does not show.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly people: PeopleService,
    private readonly sites: SitesService,
  ) {}

  async workbook(user: AuthUser, query: PeopleQuery): Promise<ExcelJS.Workbook> {
    const [people, sites] = await Promise.all([
      this.people.list(user, query),
      this.sites.list(user),
    ]);
    const { Workbook } = await loadExcelJs();
    const workbook = new Workbook();
    workbook.creator = 'Relais';
    const sheet = workbook.addWorksheet('Personnes');
    sheet.columns = COLUMNS.map((column) => ({ ...column }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const person of people) sheet.addRow(toRow(person, sites));
    return workbook;
  }

  async csv(user: AuthUser, query: PeopleQuery): Promise<Buffer> {
    return worksheetCsv(await this.workbook(user, query), 'Personnes');
  }

  async xlsx(user: AuthUser, query: PeopleQuery): Promise<Buffer> {
    const workbook = await this.workbook(user, query);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}

function toRow(person: PersonSummary, sites: Site[]): Row {
  const contract = person.currentContract;
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    site: sites.find((site) => site.id === person.homeSiteId)?.code ?? 'Siège',
    jobTitle: person.jobTitle,
    role: person.role ? ROLE_LABELS[person.role] : null,
    contractType: contract ? CONTRACT_TYPE_LABELS[contract.type] : null,
    start: excelDate(contract?.start),
    end: excelDate(contract?.end),
    weeklyHours: contract?.weeklyHours ?? null,
    endingInDays: person.endingInDays,
    skills: person.skills
      .map(
        (skill) =>
          `${skillLabel(skill.skill)}${skill.detail ? ` (${skill.detail})` : ''}${skill.expiresOn ? ` jusqu’au ${formatDate(skill.expiresOn)}` : ''}`,
      )
      .join(', '),
  };
}
