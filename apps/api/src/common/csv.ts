import type ExcelJS from 'exceljs';

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\n\r]/;

/**
 * One cell as CSV text. A text starting like a formula gets a leading single quote (the
 * spreadsheet then shows it as text) and every text cell is quoted, quotes doubled, as OWASP
 * recommends; numbers stay bare. Header cells (`isHeader`) are quoted only when they must be.
 */
export function csvCell(value: unknown, isHeader = false): string {
  if (value === null || value === undefined) return '';
  // French Excel reads "17,5" as a number and "13/06/2027" as a date ("17.5" would be text).
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (value instanceof Date) return frenchDate(value);
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (isHeader && !NEEDS_QUOTES.test(text) && !text.startsWith("'")) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Every CSV export goes through here: one sheet of a workbook, ";" as French Excel expects and a
 * BOM so that it reads the accents as UTF-8. The first row is the header.
 */
export function worksheetCsv(workbook: ExcelJS.Workbook, sheetName?: string): Buffer {
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`no worksheet ${sheetName ?? ''}`);
  const width = sheet.columnCount;
  const lines: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++)
      cells.push(csvCell(row.getCell(column).value, rowNumber === 1));
    lines.push(cells.join(';'));
  });
  return Buffer.from(`\uFEFF${lines.join('\n')}`, 'utf8');
}

/** Number format of date cells: a real Excel date, shown the French way. */
export const EXCEL_DATE_FORMAT = 'dd/mm/yyyy';
/** Number format of hour counts (24.5 → "24,5 h" in French Excel): still a number to sum. */
export const EXCEL_HOURS_FORMAT = '0.##" h"';

/**
 * A civil date "2027-06-13" as a spreadsheet date cell value (midnight UTC, which ExcelJS writes
 * as the serial of that day); null stays empty.
 */
export function excelDate(date: string | null | undefined): Date | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function frenchDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
