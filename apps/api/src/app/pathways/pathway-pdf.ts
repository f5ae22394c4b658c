import type { Pathway } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { loadPdfDocument } from '../../common/lazy-libs';

const STATUS: Record<string, string> = { a_venir: 'à venir', en_retard: 'en retard', fait: 'fait' };

/** Text the built-in Helvetica can draw: typographic quotes, dashes and dots made Latin-1. */
export function pdfSafe(value: string): string {
  return value.replace(/[’‘]/g, "'").replace(/[–—]/g, '-').replace(/·/g, '.');
}

/** A one-person training summary for funders (A4, built-in Helvetica: Latin-1 accents only). */
export async function pathwayPdf(pathway: Pathway, organisation: string): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: `Parcours – ${pathway.personName}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const text = pdfSafe;

    doc.fontSize(9).fillColor('#555').text(text(organisation));
    doc
      .moveDown(0.5)
      .fontSize(18)
      .fillColor('#000')
      .text(text(`Bilan de formation – ${pathway.personName}`));
    doc
      .fontSize(10)
      .text(
        text(
          `Contrat ${pathway.contractType ?? '-'} depuis le ${pathway.hireDate ? formatDate(pathway.hireDate) : '-'}` +
            (pathway.contractEnd ? `, fin le ${formatDate(pathway.contractEnd)}` : ''),
        ),
      );
    const p = pathway.progress;
    doc
      .moveDown()
      .fontSize(12)
      .text(
        text(
          `Progression : ${p.hoursDone} h sur ${p.hoursRequired} h, ${p.modulesValidated} modules validés sur ${p.modulesRequired}.`,
        ),
      );

    doc.moveDown().fontSize(13).text('Formations validées');
    doc.fontSize(10);
    if (!pathway.records.length) doc.text('Aucune.');
    for (const record of pathway.records)
      doc.text(
        text(
          `${formatDate(record.completedOn)}  ${record.moduleCode} ${record.moduleTitle} (${record.hours} h)` +
            (record.expiresOn ? ` - valable jusqu'au ${formatDate(record.expiresOn)}` : ''),
        ),
      );

    doc.moveDown().fontSize(13).text('Jalons du parcours');
    doc.fontSize(10);
    for (const milestone of pathway.milestones)
      doc.text(
        text(
          `${milestone.code} ${milestone.title} - échéance ${milestone.due ? formatDate(milestone.due) : '-'} - ${STATUS[milestone.status]}` +
            (milestone.doneOn ? ` le ${formatDate(milestone.doneOn)}` : ''),
        ),
      );

    doc.moveDown().fontSize(13).text('Certificats');
    doc.fontSize(10);
    if (!pathway.certificates.length) doc.text('Aucun.');
    for (const certificate of pathway.certificates)
      doc.text(
        text(
          `${certificate.skill} obtenu le ${formatDate(certificate.acquiredOn)}` +
            (certificate.expiresOn ? `, expire le ${formatDate(certificate.expiresOn)}` : ''),
        ),
      );
    doc.end();
  });
}
