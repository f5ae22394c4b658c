import type { EnrolmentStatus, MilestoneStatus, TrainingModality } from '../lib/training';

/** An enrolment's state in words a screen reader reads well (no "Présent·e"). */
export const ENROLMENT_STATUS_LABELS: Readonly<Record<EnrolmentStatus, string>> = {
  enrolled: 'Inscription confirmée',
  present: 'Présence constatée',
  absent: 'Absence constatée',
  validated: 'Validée par les RH',
};

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  a_venir: 'à venir',
  en_retard: 'en retard',
  fait: 'fait',
};

export const TRAINING_MODALITY_LABELS: Readonly<Record<TrainingModality, string>> = {
  presentiel: 'Présentiel',
  distanciel: 'À distance',
  mixte: 'Mixte',
};
