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
  exits: 'Parcours et sorties',
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
  groupingBlock: {
    label: 'Demi-journée minimale d’un temps partiel de moins de 24\u00a0h',
    unit: 'minutes',
    bound:
      'Sous 24\u00a0h par dérogation, les heures sont regroupées en journées ou demi-journées (C.\u00a0trav., art.\u00a0L3123-7) : un bloc plus court est signalé. 180 minutes (3\u00a0h) par défaut [à vérifier], de 60 à 360.',
  },
  exitStay: {
    label: 'Séjour minimal avant qu’une sortie compte',
    unit: 'jours',
    bound:
      'Pour le taux de sorties dynamiques : un départ plus tôt (période d’essai rompue…) n’est pas compté. 90 jours par défaut, de 0 à 365.',
  },
  splitDay: {
    label: 'Coupures dans la journée d’un temps partiel',
    bound:
      'Par la loi, une seule coupure de 2\u00a0h au plus : au-delà, la journée est bloquante, sauf accord prévoyant des contreparties spécifiques (C.\u00a0trav., art.\u00a0L3123-30). Avec l’accord, elle est à justifier à la publication.',
    hasAgreement: 'Un accord autorise davantage de coupures ou une coupure plus longue',
    reference: 'Référence de l’accord',
    referencePlaceholder: 'ex. : accord de branche ALISFA, art.\u00a04.2',
    counterparts: 'Contreparties spécifiques',
    counterpartsPlaceholder: 'ex. : prime de coupure de 5\u00a0€, amplitude de 10\u00a0h au plus',
    recorded: 'Accord enregistré le {{ when }} par {{ who }}',
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
  habilitations: {
    title: 'Habilitations exigées',
    help: 'Une activité qui exige une habilitation ne peut être confiée qu’à une personne qui la détient, valide le jour du créneau : sinon le créneau est bloquant et la semaine ne peut pas être publiée.',
    none: 'Aucune',
    activities: {
      accueil: 'Accueil',
      back_office: 'Back-office',
      permanence: 'Permanence',
      outreach: 'Médiation sortante',
      workshop: 'Atelier',
      digital_help: 'Numérique',
      meeting: 'Réunion',
      training: 'Formation',
    },
  },
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  law: 'Reprendre les valeurs de la loi',
  saved: 'Enregistré · {{ time }}',
  updatedAt: 'Dernière modification : {{ when }}',
  neverChanged: 'Valeurs de la loi, jamais modifiées',
};
