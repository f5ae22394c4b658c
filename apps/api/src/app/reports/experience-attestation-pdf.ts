import { formatDate, formatDuration, formatHours } from '@relais/rules';
import { loadPdfDocument } from '../../common/lazy-libs';
import { pdfSafe as text } from '../pathways/pathway-pdf';

/** What the PEC's attestation d'expérience professionnelle states. */
export interface ExperienceAttestation {
  employer: string;
  personName: string;
  jobTitle: string | null;
  siteName: string | null;
  start: string;
  end: string | null;
  weeklyHours: number;
  tutorName: string | null;
  issuedOn: string;
  /** Effective minutes worked per activity, in published weeks. */
  activities: { label: string; minutes: number }[];
  skills: { label: string; acquiredOn: string; expiresOn: string | null }[];
  trainings: { title: string; minutes: number; lastOn: string }[];
  certifications: { label: string; on: string }[];
}

/**
 * The attestation d'expérience professionnelle the employer of a PEC hands over at the latest
 * one month before the contract ends (A4, built-in Helvetica as the pathway summary).
 */
export async function experienceAttestationPdf(
  attestation: ExperienceAttestation,
): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: text(`Attestation d'expérience professionnelle – ${attestation.personName}`) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const heading = (title: string) => doc.moveDown().fontSize(13).text(text(title)).fontSize(10);
    const a = attestation;

    doc.fontSize(9).fillColor('#555').text(text(a.employer));
    doc
      .moveDown(0.5)
      .fontSize(18)
      .fillColor('#000')
      .text(text('Attestation d’expérience professionnelle'));
    doc.fontSize(10).text(text('Parcours Emploi Compétences (contrat unique d’insertion – CAE)'));

    heading('Employeur');
    doc.text(text(a.employer + (a.siteName ? ` – ${a.siteName}` : '')));
    if (a.tutorName) doc.text(text(`Tuteur ou tutrice : ${a.tutorName}`));

    heading('Titulaire du contrat');
    doc.text(text(a.personName));
    if (a.jobTitle) doc.text(text(`Poste occupé : ${a.jobTitle}`));
    doc.text(
      text(
        `Contrat du ${formatDate(a.start)}${a.end ? ` au ${formatDate(a.end)}` : ''}, ${formatHours(a.weeklyHours)} par semaine.`,
      ),
    );

    heading('Activités exercées');
    if (!a.activities.length) doc.text('Aucune heure publiée au planning.');
    for (const activity of a.activities)
      doc.text(text(`${activity.label} : ${formatDuration(activity.minutes)}`));
    const total = a.activities.reduce((sum, activity) => sum + activity.minutes, 0);
    if (a.activities.length) doc.text(text(`Total : ${formatDuration(total)}`));

    heading('Compétences et habilitations');
    if (!a.skills.length) doc.text('Aucune.');
    for (const skill of a.skills)
      doc.text(
        text(
          `${skill.label}, obtenue le ${formatDate(skill.acquiredOn)}` +
            (skill.expiresOn ? `, valable jusqu’au ${formatDate(skill.expiresOn)}` : ''),
        ),
      );

    heading('Formations suivies');
    if (!a.trainings.length) doc.text('Aucune.');
    for (const training of a.trainings)
      doc.text(
        text(
          `${training.title} : ${formatDuration(training.minutes)} (dernière séance le ${formatDate(training.lastOn)})`,
        ),
      );

    heading('Certifications');
    if (!a.certifications.length) doc.text('Aucune.');
    for (const certification of a.certifications)
      doc.text(text(`${certification.label}, obtenu le ${formatDate(certification.on)}`));

    doc
      .moveDown(2)
      .text(text(`Fait le ${formatDate(a.issuedOn)}, pour servir et valoir ce que de droit.`));
    doc.moveDown().text(text('Signature et cachet de l’employeur :'));
    doc.end();
  });
}
