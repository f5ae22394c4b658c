// Professional titles tracked block by block, and the competence framework assessed by the tutor
// (domain brief §3.1, §3.2). The catalogue is data: a title is added by adding an entry.

/** A skill block of a title (CCP, certificat de compétences professionnelles). */
export interface CertificationBlockDefinition {
  /** Code within the title: "CCP1". */
  code: string;
  /** Its wording, as the RNCP summary names the activity area. */
  label: string;
}

/** A professional title of the Ministère du Travail, obtained block by block or through VAE. */
export interface CertificationTitleDefinition {
  /** Code used by the API: "MSADS". */
  code: string;
  /** Short name shown in lists: "TP MSADS". */
  shortLabel: string;
  label: string;
  /** The France Compétences register entry: "RNCP36241". */
  rncp: string;
  /** Level of the national framework (4: bac). */
  level: number;
  blocks: readonly CertificationBlockDefinition[];
}

/**
 * The titles a mediator prepares. MSADS (RNCP36241, arrêté du 7 février 2022): the blocks carry
 * the RNCP summary's activity areas, since the exact 2022 CCP wording is still to be checked on
 * France Compétences. AMIS (RNCP37722): its three activities as the 2016 version words them.
 */
export const CERTIFICATION_TITLES: readonly CertificationTitleDefinition[] = [
  {
    code: 'MSADS',
    shortLabel: 'TP MSADS',
    label: 'Titre professionnel Médiateur social accès aux droits et services',
    rncp: 'RNCP36241',
    level: 4,
    blocks: [
      {
        code: 'CCP1',
        label: 'Assurer une veille sociale et développer un réseau partenarial sur le territoire',
      },
      {
        code: 'CCP2',
        label:
          'Assurer la médiation sociale en tiers impartial : prévenir et résoudre les conflits, favoriser l’accès aux droits, y compris en ligne',
      },
      { code: 'CCP3', label: 'Organiser des activités supports à la médiation sociale' },
    ],
  },
  {
    code: 'AMIS',
    shortLabel: 'TP AMIS',
    label: 'Titre professionnel Agent de médiation, information, services',
    rncp: 'RNCP37722',
    level: 3,
    blocks: [
      {
        code: 'CCP1',
        label:
          'Participer au maintien du lien social et prévenir les situations de conflits ou de dysfonctionnements par une présence active',
      },
      { code: 'CCP2', label: 'Réguler par la médiation des situations de tension et de conflit' },
      {
        code: 'CCP3',
        label: 'Participer à des actions d’animation ponctuelles ou à des projets partenariaux',
      },
    ],
  },
];

/** The title of a code, if the catalogue has it. */
export function certificationTitle(code: string): CertificationTitleDefinition | undefined {
  return CERTIFICATION_TITLES.find((title) => title.code === code);
}

/** How a block is assessed: a session de validation (exam), or a VAE jury. */
export const CERTIFICATION_ROUTES = ['EXAMEN', 'VAE'] as const;
export type CertificationRoute = (typeof CERTIFICATION_ROUTES)[number];
export const CERTIFICATION_ROUTE_LABELS: Record<CertificationRoute, string> = {
  EXAMEN: 'Examen (session de validation)',
  VAE: 'VAE (jury)',
};

export const CERTIFICATION_RESULTS = ['ADMIS', 'AJOURNE', 'ABSENT'] as const;
export type CertificationResult = (typeof CERTIFICATION_RESULTS)[number];
export const CERTIFICATION_RESULT_LABELS: Record<CertificationResult, string> = {
  ADMIS: 'Admis',
  AJOURNE: 'Ajourné',
  ABSENT: 'Absent',
};

/** A block's state, derived: obtained only by a passed assessment, never ticked. */
export const BLOCK_STATES = ['NON_COMMENCE', 'EN_FORMATION', 'PRESENTE', 'OBTENU'] as const;
export type BlockState = (typeof BLOCK_STATES)[number];
export const BLOCK_STATE_LABELS: Record<BlockState, string> = {
  NON_COMMENCE: 'Non commencé',
  EN_FORMATION: 'En formation',
  PRESENTE: 'Présenté, non obtenu',
  OBTENU: 'Obtenu',
};

/** A title's state, derived from its blocks: obtained when every block is. */
export const TITLE_STATES = ['NON_COMMENCE', 'EN_COURS', 'OBTENU'] as const;
export type TitleState = (typeof TITLE_STATES)[number];
export const TITLE_STATE_LABELS: Record<TitleState, string> = {
  NON_COMMENCE: 'Non commencé',
  EN_COURS: 'En cours',
  OBTENU: 'Titre obtenu',
};

/** An assessment session: one exam or one VAE jury, covering one block or more. */
export interface CertificationSession {
  id: string;
  titleCode: string;
  blockCodes: string[];
  route: CertificationRoute;
  heldOn: string;
  result: CertificationResult;
  note: string | null;
  recordedAt: string;
  recordedByName: string | null;
}

export interface CertificationBlockProgress {
  code: string;
  label: string;
  state: BlockState;
  stateLabel: string;
  /** Hours of training followed toward the block (0 when none recorded). */
  trainingHours: number;
  /** The training module validated toward it, if HR linked one ("T16 …"). */
  trainingModule: string | null;
  /** The day of the passed assessment, and how (exam or VAE). */
  obtainedOn: string | null;
  obtainedBy: CertificationRoute | null;
}

export interface CertificationTitleProgress {
  code: string;
  shortLabel: string;
  label: string;
  rncp: string;
  level: number;
  state: TitleState;
  stateLabel: string;
  /** The day the last block was obtained, once every block is. */
  obtainedOn: string | null;
  blocks: CertificationBlockProgress[];
  sessions: CertificationSession[];
}

/** `GET /api/pathways/{id}/certifications`: every title of the catalogue, with its progress. */
export interface PersonCertifications {
  personId: string;
  titles: CertificationTitleProgress[];
  /** Whether the caller may record sessions and training hours (HR and admin). */
  canRecord: boolean;
}

/** Body of `POST /api/pathways/{id}/certifications/sessions`. */
export interface RecordCertificationSessionRequest {
  titleCode: string;
  /** The blocks assessed: one for a CCP session, several (or all) for a VAE jury or the title. */
  blockCodes: string[];
  route: CertificationRoute;
  heldOn: string;
  result: CertificationResult;
  note?: string | null;
}

/** Body of `PUT /api/pathways/{id}/certifications/training`: the hours followed toward a block. */
export interface RecordBlockTrainingRequest {
  titleCode: string;
  blockCode: string;
  hours: number;
  /** A validated training record of the person that prepared the block (module T16…). */
  trainingRecordId?: string | null;
}

/** Certified blocks as `TITLE.BLOCK` codes read back as a sentence: "CCP1, CCP2 du TP MSADS". */
export function certificationSummary(codes: readonly string[]): string | null {
  const byTitle = new Map<string, string[]>();
  for (const code of codes) {
    const [title, block] = code.split('.');
    byTitle.set(title, [...(byTitle.get(title) ?? []), block]);
  }
  const parts = [...byTitle].map(([code, blocks]) => {
    const title = certificationTitle(code);
    const name = title?.shortLabel ?? code;
    if (title && title.blocks.every((b) => blocks.includes(b.code))) return `${name} complet`;
    return `${[...blocks].sort().join(', ')} du ${name}`;
  });
  return parts.length ? parts.join(' ; ') : null;
}

// Competence framework, assessed by the tutor at entry, midpoint and exit of each contract.

export interface CompetenceDefinition {
  code: string;
  label: string;
  /** The MSADS block the competence belongs to. */
  blockCode: string;
}

export const COMPETENCES: readonly CompetenceDefinition[] = [
  { code: 'C01', label: 'Accueillir et écouter le public', blockCode: 'CCP2' },
  { code: 'C02', label: 'Diagnostiquer une situation', blockCode: 'CCP2' },
  { code: 'C03', label: 'Orienter vers les droits et services', blockCode: 'CCP2' },
  { code: 'C04', label: 'Accompagner dans les démarches en ligne', blockCode: 'CCP2' },
  { code: 'C05', label: 'Prévenir et gérer les conflits', blockCode: 'CCP2' },
  { code: 'C06', label: 'Assurer une veille sociale sur le territoire', blockCode: 'CCP1' },
  { code: 'C07', label: 'Travailler en réseau avec les partenaires', blockCode: 'CCP1' },
  { code: 'C08', label: 'Animer une action collective', blockCode: 'CCP3' },
  { code: 'C09', label: 'Rendre compte de son activité', blockCode: 'CCP3' },
];

export const COMPETENCE_LEVELS = ['NON_ACQUIS', 'EN_COURS', 'ACQUIS', 'MAITRISE'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];
export const COMPETENCE_LEVEL_LABELS: Record<CompetenceLevel, string> = {
  NON_ACQUIS: 'Non acquis',
  EN_COURS: 'En cours d’acquisition',
  ACQUIS: 'Acquis',
  MAITRISE: 'Maîtrisé',
};

export const ASSESSMENT_STAGES = ['ENTREE', 'MI_PARCOURS', 'SORTIE'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];
export const ASSESSMENT_STAGE_LABELS: Record<AssessmentStage, string> = {
  ENTREE: 'Entrée',
  MI_PARCOURS: 'Mi-parcours',
  SORTIE: 'Sortie',
};

export interface CompetenceRating {
  code: string;
  level: CompetenceLevel;
}

/** One stage's assessment of a contract: each competence with its level. */
export interface CompetenceAssessment {
  id: string;
  stage: AssessmentStage;
  stageLabel: string;
  assessedOn: string;
  /** The tutor who assessed; null once that person was erased. */
  assessorId: string | null;
  assessorName: string;
  ratings: (CompetenceRating & { label: string; levelLabel: string })[];
  note: string | null;
  updatedAt: string;
}

export interface ContractCompetences {
  contractId: string;
  contractType: string;
  start: string;
  end: string | null;
  tutorId: string | null;
  tutorName: string | null;
  /** Whether the caller may record a stage of this contract (HR, admin, or its tutor). */
  canRecord: boolean;
  assessments: CompetenceAssessment[];
}

/** `GET /api/pathways/{id}/competences`: the assessments of each contract, latest first. */
export interface PersonCompetences {
  personId: string;
  contracts: ContractCompetences[];
}

/** Body of `PUT /api/contracts/{id}/competences`: one stage, recorded or corrected. */
export interface RecordCompetenceAssessmentRequest {
  stage: AssessmentStage;
  assessedOn: string;
  /** The assessor: the contract's tutor; HR names one only when the contract has no tutor. */
  assessorId?: string | null;
  ratings: CompetenceRating[];
  note?: string | null;
}
