import { PAYROLL_CODES } from '@relais/api-types';
import { formatDayLabel, formatDuration, formatMonth, PAYROLL_CODE_INFO } from '@relais/rules';
import type ExcelJS from 'exceljs';
import { EXCEL_HOURS_FORMAT, worksheetCsv } from '../../common/csv';
import { loadExcelJs, loadPdfDocument } from '../../common/lazy-libs';
import type { ExportLine, PersonMonthDetail } from './payroll.service';

/**
 * The export's columns, in this order (documented in the README): the person's payroll number,
 * name, period, our code, the payroll software's code (ours when not mapped), label, quantity
 * (decimal hours or days), unit (H or J), premium rate in percent, and the month an adjustment
 * corrects.
 */
const COLUMNS: { header: string; key: keyof ExportLine; width: number }[] = [
  { header: 'matricule', key: 'payrollId', width: 12 },
  { header: 'nom', key: 'name', width: 28 },
  { header: 'periode', key: 'period', width: 10 },
  { header: 'code', key: 'code', width: 22 },
  { header: 'code_paie', key: 'externalCode', width: 14 },
  { header: 'libelle', key: 'label', width: 48 },
  { header: 'quantite', key: 'quantity', width: 10 },
  { header: 'unite', key: 'unit', width: 6 },
  { header: 'taux', key: 'rate', width: 6 },
  { header: 'mois_corrige', key: 'correctsMonth', width: 12 },
];

async function workbook(lines: readonly ExportLine[]): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const book = new Workbook();
  const sheet = book.addWorksheet('Variables de paie');
  sheet.columns = COLUMNS;
  for (const line of lines) {
    const row = sheet.addRow(line);
    if (line.unit === 'H') row.getCell('quantity').numFmt = EXCEL_HOURS_FORMAT;
  }
  sheet.getRow(1).font = { bold: true };
  return book;
}

export async function payrollCsv(lines: readonly ExportLine[]): Promise<Buffer> {
  return worksheetCsv(await workbook(lines));
}

export async function payrollXlsx(lines: readonly ExportLine[]): Promise<Buffer> {
  return Buffer.from(await (await workbook(lines)).xlsx.writeBuffer());
}

/** Built-in Helvetica writes Latin-1 only: typographic quotes and dashes made plain. */
const latin = (value: string) =>
  value.replace(/[’‘]/g, "'").replace(/[–—]/g, '-').replace(/·/g, '.');

/** The monthly hours statement (relevé d'heures) of one person, A4. */
export async function statementPdf(detail: PersonMonthDetail): Promise<Buffer> {
  const { person, days, month } = detail;
  const PDFDocument = await loadPdfDocument();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: latin(`Relevé d’heures – ${person.name} – ${formatMonth(month)}`) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(9).fillColor('#555').text(latin(detail.organisationName));
    doc
      .moveDown(0.5)
      .fontSize(18)
      .fillColor('#000')
      .text(latin(`Relevé d’heures – ${formatMonth(month)}`));
    doc
      .fontSize(11)
      .text(latin(`${person.name}${person.payrollId ? ` – matricule ${person.payrollId}` : ''}`))
      .text(
        latin(
          `Contrat : ${person.contracts || '-'}${person.siteName ? ` – ${person.siteName}` : ''}`,
        ),
      );

    doc.moveDown().fontSize(13).text('Le mois');
    doc.fontSize(10);
    for (const code of PAYROLL_CODES) {
      const quantity = person.quantities[code];
      if (quantity === 0 && code !== 'HEURES_CONTRAT' && code !== 'HEURES_TRAVAILLEES') continue;
      const info = PAYROLL_CODE_INFO[code];
      const value = info.unit === 'h' ? formatDuration(quantity) : `${quantity} j`;
      doc.text(latin(`${info.label} : ${value}`));
    }
    for (const adjustment of person.adjustments) {
      const info = PAYROLL_CODE_INFO[adjustment.code];
      const value =
        info.unit === 'h' ? formatDuration(adjustment.quantity) : `${adjustment.quantity} j`;
      doc.text(
        latin(
          `Régularisation de ${formatMonth(adjustment.correctsMonth)} – ${info.label} : ${value} (${adjustment.reason})`,
        ),
      );
    }

    doc.moveDown().fontSize(13).text('Jour par jour');
    doc.fontSize(10);
    if (days.length === 0) doc.text('Aucune heure travaillée ce mois-ci.');
    for (const day of days)
      doc.text(latin(`${formatDayLabel(day.date)} : ${formatDuration(day.minutes)}`));

    doc.moveDown();
    doc
      .fontSize(10)
      .text(
        latin(
          person.statement.signedAt
            ? `Validé par la personne le ${formatDayLabel(person.statement.signedAt.slice(0, 10))}.`
            : 'Non encore validé par la personne.',
        ),
      );
    doc.end();
  });
}
