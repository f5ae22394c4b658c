import PDFDocument from 'pdfkit';
import { pdfText } from './pdf-text';

function pdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

describe('pdfText', () => {
  it('reads back the French text a PDF was written with', async () => {
    const text = await pdfText(await pdf(['Relevé d’heures — novembre 2026', 'Dimanche : 7 h 30']));
    expect(text).toContain('Relevé d’heures — novembre 2026');
    expect(text).toContain('Dimanche : 7 h 30');
  });
});
