/** French texts of the open shifts a mediator may take (merged under `openShifts`). */
export const OPEN_SHIFTS_FR = {
  title: 'Créneaux disponibles',
  intro:
    'Les créneaux à pourvoir de votre site que vous pouvez prendre sans dépasser les règles du travail. Dites que vous êtes disponible : votre responsable décide.',
  loading: 'Chargement des créneaux disponibles…',
  error: 'Impossible de charger les créneaux disponibles.',
  retry: 'Réessayer',
  available: 'À pourvoir',
  empty: 'Aucun créneau à pourvoir que vous puissiez prendre pour le moment.',
  note: 'Note : {{ text }}',
  claim: 'Je suis disponible',
  sent: 'Disponibilité envoyée, en attente de la décision',
  withdraw: 'Retirer ma disponibilité',
  claimed: 'Disponibilité envoyée pour le créneau du {{ when }}.',
  withdrawn: 'Disponibilité retirée.',
  failed: 'L’envoi a échoué. Réessayez.',
  mine: 'Mes disponibilités',
  noClaim: 'Vous n’avez encore donné votre disponibilité pour aucun créneau.',
  reply: 'Réponse : {{ text }}',
  statuses: {
    pending: 'En attente de la décision',
    approved: 'Acceptée : le créneau est à vous',
    refused: 'Non retenue',
    withdrawn: 'Retirée',
    closed: 'Close',
  },
};
