/** French texts of the « Paramètres de l'association » page. */
export const SETTINGS_FR = {
  title: 'Paramètres de l’association',
  intro:
    'Relais applique la loi par défaut. Un accord collectif ou d’entreprise peut changer ces seuils, dans les limites rappelées sous chaque champ. Un changement s’applique aussitôt au planning, aux contrôles et au remplissage automatique ; il est inscrit au journal.',
  loading: 'Chargement des paramètres…',
  error: 'Les paramètres n’ont pas pu être chargés.',
  retry: 'Réessayer',
  workingTime: 'Temps de travail',
  partTime: 'Temps partiel',
  calendar: 'Dimanche et fuseau horaire',
  dailyMax: {
    label: 'Durée quotidienne maximale',
    bound:
      '10\u00a0h par la loi, jusqu’à 12\u00a0h par accord (C.\u00a0trav., art.\u00a0L3121-19).',
    help: 'Au-delà, la journée est bloquante et la semaine ne peut pas être publiée.',
  },
  weeklyAverage: {
    label: 'Moyenne sur 12 semaines',
    bound:
      'Durée hebdomadaire moyenne : 44\u00a0h par la loi, jusqu’à 46\u00a0h par accord (C.\u00a0trav., art.\u00a0L3121-23).',
  },
  complementary: {
    label: 'Heures complémentaires',
    bound:
      'Pour un temps partiel : 1/10 des heures du contrat par la loi, jusqu’à 1/3 par accord (C.\u00a0trav., art.\u00a0L3123-20).',
    help: 'Au-delà de ce plafond, la semaine de la personne est bloquante.',
  },
  notice: {
    label: 'Délai de prévenance',
    unit: 'jours ouvrés',
    bound:
      'Avant de changer la semaine publiée d’un temps partiel : 7 jours ouvrés par la loi, 3 au moins par accord (C.\u00a0trav., art.\u00a0L3123-24).',
  },
  splitDay: {
    label: 'Coupures dans la journée d’un temps partiel',
    bound:
      'Par la loi, une seule coupure de 2\u00a0h au plus, sauf accord (C.\u00a0trav., art.\u00a0L3123-30).',
    warn: 'À justifier à la publication (par défaut)',
    info: 'Autorisées par accord : simple rappel',
    block: 'Interdites : bloquant',
  },
  sunday: {
    label: 'Dérogation au repos dominical',
    placeholder: 'ex. : arrêté préfectoral du 2 mars 2026',
    bound:
      'Sans dérogation enregistrée, chaque créneau du dimanche est à justifier (C.\u00a0trav., art.\u00a0L3132-3). Laisser vide s’il n’y en a pas.',
  },
  timeZone: {
    label: 'Fuseau horaire',
    bound: 'Fixe les jours et les semaines du planning. Europe/Paris par défaut.',
    'Europe/Paris': 'Métropole et Corse (Europe/Paris)',
    'America/Guadeloupe': 'Guadeloupe (America/Guadeloupe)',
    'America/Martinique': 'Martinique (America/Martinique)',
    'America/Cayenne': 'Guyane (America/Cayenne)',
    'Indian/Reunion': 'La Réunion (Indian/Reunion)',
    'Indian/Mayotte': 'Mayotte (Indian/Mayotte)',
    'America/Miquelon': 'Saint-Pierre-et-Miquelon (America/Miquelon)',
  },
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  law: 'Reprendre les valeurs de la loi',
  saved: 'Enregistré · {{ time }}',
  updatedAt: 'Dernière modification : {{ when }}',
  neverChanged: 'Valeurs de la loi, jamais modifiées',
};
