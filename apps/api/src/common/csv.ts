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
  if (typeof value === 'number') return String(value);
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
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
