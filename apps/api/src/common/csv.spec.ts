import ExcelJS from 'exceljs';
import { csvCell, worksheetCsv } from './csv';

describe('CSV cells (formula injection neutralised)', () => {
  it.each([
    ['Fontaine', '"Fontaine"'],
    ['=1+1', `"'=1+1"`],
    ['+33 1 23', `"'+33 1 23"`],
    ['-2+3', `"'-2+3"`],
    ['@SOMME(A1)', `"'@SOMME(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['dit "oui"; puis', '"dit ""oui""; puis"'],
    [-3, '-3'],
    [17.5, '17,5'],
    [new Date(Date.UTC(2027, 5, 13)), '13/06/2027'],
    [null, ''],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves plain headers bare, adds the BOM and separates with ";"', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuille');
    sheet.columns = [
      { header: 'Nom', key: 'name' },
      { header: 'Heures', key: 'hours' },
    ];
    sheet.addRow({ name: '=cmd', hours: 35 });
    sheet.addRow({ name: 'Lévy', hours: null });
    expect(worksheetCsv(workbook, 'Feuille').toString('utf8')).toBe(
      `\uFEFFNom;Heures\n"'=cmd";35\n"Lévy";`,
    );
  });
});
