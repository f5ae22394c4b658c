import type {
  AssessmentStage,
  CertificationResult,
  CertificationRoute,
  CompetenceLevel,
} from '@relais/api-types';
import { COMPETENCES } from '@relais/api-types';
import type { EntityManager } from 'typeorm';
import {
  CertificationBlockTrainingEntity,
  CertificationSessionEntity,
  CompetenceAssessmentEntity,
} from '../../app/certifications/certification.entities';

/** Hours followed toward each MSADS block (the demo mediator, a contrat pro half-way). */
const TRAINING: { ref: string; block: string; hours: number }[] = [
  { ref: 'S24', block: 'CCP1', hours: 70 },
  { ref: 'S24', block: 'CCP2', hours: 105 },
  { ref: 'S26', block: 'CCP1', hours: 35 },
  { ref: 'S26', block: 'CCP2', hours: 21 },
  { ref: 'S08', block: 'CCP1', hours: 63 },
];

/** Sessions on the seed's reference calendar: no demo mediator holds the whole title yet. */
const SESSIONS: {
  ref: string;
  blocks: string[];
  route: CertificationRoute;
  heldOn: string;
  result: CertificationResult;
  note?: string;
}[] = [
  { ref: 'S24', blocks: ['CCP1'], route: 'EXAMEN', heldOn: '2025-06-12', result: 'ADMIS' },
  {
    ref: 'S24',
    blocks: ['CCP2'],
    route: 'EXAMEN',
    heldOn: '2025-11-20',
    result: 'AJOURNE',
    note: 'Mise en situation à retravailler ; nouvelle session prévue.',
  },
  { ref: 'S08', blocks: ['CCP1'], route: 'EXAMEN', heldOn: '2026-02-10', result: 'ADMIS' },
];

/** Levels per stage, in the framework's order (C01…C09). */
const ASSESSMENTS: {
  ref: string;
  tutorRef: string;
  stage: AssessmentStage;
  on: string;
  levels: CompetenceLevel[];
}[] = [
  {
    ref: 'S26',
    tutorRef: 'S24',
    stage: 'ENTREE',
    on: '2025-10-17',
    levels: [
      'EN_COURS',
      'NON_ACQUIS',
      'EN_COURS',
      'ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'EN_COURS',
    ],
  },
  {
    ref: 'S08',
    tutorRef: 'S10',
    stage: 'ENTREE',
    on: '2025-09-26',
    levels: [
      'EN_COURS',
      'EN_COURS',
      'NON_ACQUIS',
      'EN_COURS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
      'NON_ACQUIS',
    ],
  },
  {
    ref: 'S08',
    tutorRef: 'S10',
    stage: 'MI_PARCOURS',
    on: '2026-02-27',
    levels: [
      'ACQUIS',
      'EN_COURS',
      'ACQUIS',
      'ACQUIS',
      'EN_COURS',
      'EN_COURS',
      'EN_COURS',
      'NON_ACQUIS',
      'EN_COURS',
    ],
  },
];

/** The demo's title blocks and competence assessments, dates moved like every seed date. */
export async function seedDemoCertifications(
  manager: EntityManager,
  organisationId: string,
  personId: (ref: string) => string,
  move: (date: string) => string,
): Promise<void> {
  for (const row of TRAINING)
    await manager.insert(CertificationBlockTrainingEntity, {
      organisationId,
      personId: personId(row.ref),
      titleCode: 'MSADS',
      blockCode: row.block,
      hours: row.hours,
      trainingRecordId: null,
      recordedBy: null,
    });
  for (const session of SESSIONS)
    await manager.insert(CertificationSessionEntity, {
      organisationId,
      personId: personId(session.ref),
      titleCode: 'MSADS',
      blockCodes: session.blocks,
      route: session.route,
      heldOn: move(session.heldOn),
      result: session.result,
      note: session.note ?? null,
      recordedBy: null,
    });
  for (const assessment of ASSESSMENTS) {
    const [contract]: { id: string }[] = await manager.query(
      `SELECT id FROM contract WHERE person_id = $1 AND tutor_id = $2 ORDER BY start_date DESC LIMIT 1`,
      [personId(assessment.ref), personId(assessment.tutorRef)],
    );
    if (!contract)
      throw new Error(`demo: ${assessment.ref} has no contract tutored by ${assessment.tutorRef}`);
    await manager.insert(CompetenceAssessmentEntity, {
      organisationId,
      contractId: contract.id,
      personId: personId(assessment.ref),
      stage: assessment.stage,
      assessedOn: move(assessment.on),
      assessorId: personId(assessment.tutorRef),
      ratings: COMPETENCES.map((competence, index) => ({
        code: competence.code,
        level: assessment.levels[index],
      })),
      note: null,
      recordedBy: null,
    });
  }
}
