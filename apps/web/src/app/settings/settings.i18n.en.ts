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
  splitDay: {
    label: 'Breaks in a part-timer’s day',
    bound: 'By law, one break of 2 h at most, unless an agreement says otherwise (L3123-30).',
    warn: 'To justify at publication (default)',
    info: 'Allowed by agreement: reminder only',
    block: 'Forbidden: blocking',
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
  save: 'Save',
  saving: 'Saving…',
  law: 'Use the law’s values',
  saved: 'Saved · {{ time }}',
  updatedAt: 'Last change: {{ when }}',
  neverChanged: 'The law’s values, never changed',
};
