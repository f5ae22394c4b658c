import type { ActivityCode } from '../lib/activity-code';

/** French names of activities, for documents and feeds (the rota screen has its own short words). */
export const ACTIVITY_LABELS: Readonly<Record<ActivityCode, string>> = {
  accueil: 'Accueil France Services',
  back_office: 'Back-office',
  permanence: 'Permanence',
  outreach: 'Médiation sortante',
  workshop: 'Atelier collectif',
  digital_help: 'Accompagnement numérique',
  meeting: 'Réunion',
  training: 'Formation',
};
