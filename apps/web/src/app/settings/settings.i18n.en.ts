import type { SETTINGS_FR } from './settings.i18n.fr';

export const SETTINGS_EN: typeof SETTINGS_FR = {
  title: 'Organisation settings',
  intro:
    'Relais applies the law by default. A collective or company agreement may change these thresholds, within the limits given under each field. A change applies at once to the rota, the checks and auto-fill, and is written to the audit log.',
  loading: 'Loading the settings…',
  error: 'The settings could not be loaded.',
  retry: 'Try again',
  workingTime: 'Working time',
  partTime: 'Part-time',
  calendar: 'Sunday and time zone',
  exits: 'Pathways and exits',
  dailyMax: {
    label: 'Daily maximum',
    bound: '10 h by law, up to 12 h by agreement (Labour Code, L3121-19).',
    help: 'Beyond it, the day blocks and the week cannot be published.',
  },
  weeklyAverage: {
    label: 'Average over 12 weeks',
    bound: '44 h by law, up to 46 h by agreement (Labour Code, L3121-23).',
  },
  complementary: {
    label: 'Complementary hours',
    bound: '1/10 of contract hours by law, up to 1/3 by agreement (Labour Code, L3123-20).',
    help: 'Beyond this cap, the person’s week blocks.',
  },
  notice: {
    label: 'Notice',
    unit: 'working days',
    bound: '7 working days by law, at least 3 by agreement (Labour Code, L3123-24).',
  },
  groupingBlock: {
    label: 'Shortest half-day of a part-timer under 24 h',
    unit: 'minutes',
    bound:
      'Under 24 h by a derogation, hours are grouped in days or half-days (Labour Code, L3123-7): a shorter block is flagged. 180 minutes (3 h) by default [to be checked], 60 to 360.',
  },
  exitStay: {
    label: 'Minimum stay before an exit counts',
    unit: 'days',
    bound:
      'For the dynamic-exit rate: an earlier leaver (trial period broken off…) is not counted. 90 days by default, 0 to 365.',
  },
  splitDay: {
    label: 'Breaks in a part-timer’s day',
    bound:
      'By law, one break of 2 h at most: beyond that the day blocks, unless an agreement grants specific counterparts (Labour Code, L3123-30). With the agreement it must be justified at publication.',
    hasAgreement: 'An agreement allows more breaks or a longer one',
    reference: 'Agreement reference',
    referencePlaceholder: 'e.g. ALISFA branch agreement, art. 4.2',
    counterparts: 'Specific counterparts',
    counterpartsPlaceholder: 'e.g. €5 split-shift bonus, 10 h span at most',
    recorded: 'Agreement recorded on {{ when }} by {{ who }}',
  },
  sunday: {
    label: 'Sunday rest derogation',
    placeholder: 'e.g. prefectoral order of 2 March 2026',
    bound:
      'Without a recorded derogation, each Sunday shift must be justified (Labour Code, L3132-3). Leave empty if there is none.',
  },
  timeZone: {
    label: 'Time zone',
    bound: 'Sets the rota’s days and weeks. Europe/Paris by default.',
    'Europe/Paris': 'Mainland and Corsica (Europe/Paris)',
    'America/Guadeloupe': 'Guadeloupe (America/Guadeloupe)',
    'America/Martinique': 'Martinique (America/Martinique)',
    'America/Cayenne': 'French Guiana (America/Cayenne)',
    'Indian/Reunion': 'Réunion (Indian/Reunion)',
    'Indian/Mayotte': 'Mayotte (Indian/Mayotte)',
    'America/Miquelon': 'Saint Pierre and Miquelon (America/Miquelon)',
  },
  habilitations: {
    title: 'Required habilitations',
    help: 'An activity that requires a habilitation can only be given to someone holding it, valid on the day: otherwise the shift blocks and the week cannot be published.',
    none: 'None',
    activities: {
      accueil: 'Front desk',
      back_office: 'Back office',
      permanence: 'Drop-in',
      outreach: 'Outreach',
      workshop: 'Workshop',
      digital_help: 'Digital help',
      meeting: 'Meeting',
      training: 'Training',
    },
  },
  save: 'Save',
  saving: 'Saving…',
  law: 'Use the law’s values',
  saved: 'Saved · {{ time }}',
  updatedAt: 'Last change: {{ when }}',
  neverChanged: 'The law’s values, never changed',
};
