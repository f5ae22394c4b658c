import type { ContractType, LocationKind, OpeningHours, Role } from '@relais/api-types';

// The demo organisation of the domain brief (seed section). Every name is invented;
// arrondissements other than Paris Sud (15e) are assumptions of the brief.

export const DEMO_ORGANISATION_NAME = 'PIMMS Médiation Paris (démo)';
export const DEMO_PASSWORD = 'relais-demo';

function weekdays(ranges: [string, string][], days = [1, 2, 3, 4, 5]): OpeningHours[] {
  return days.flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end })));
}

const STANDARD: [string, string][] = [
  ['09:00', '12:30'],
  ['13:30', '17:00'],
];

export interface DemoSite {
  code: string;
  name: string;
  address: string;
  openingHours: OpeningHours[];
}

export const DEMO_SITES: DemoSite[] = [
  {
    code: 'NO',
    name: 'PIMMS Médiation Paris Nord Ouest',
    address: '12 rue de la Jonquière, 75017 Paris',
    openingHours: weekdays(STANDARD),
  },
  {
    code: 'E',
    name: 'PIMMS Médiation Paris Est',
    address: '48 rue des Pyrénées, 75020 Paris',
    // Thursday has a late opening until 19:00 instead of 17:00.
    openingHours: [
      ...weekdays(STANDARD, [1, 2, 3, 5]),
      { weekday: 4, start: '09:00', end: '12:30' },
      { weekday: 4, start: '13:30', end: '19:00' },
    ].sort((a, b) => a.weekday - b.weekday),
  },
  {
    code: 'NE',
    name: 'PIMMS Médiation Paris Nord Est',
    address: '7 rue de Meaux, 75019 Paris',
    // Wednesday afternoon is closed for the team meeting.
    openingHours: [
      ...weekdays(STANDARD, [1, 2, 4, 5]),
      { weekday: 3, start: '09:00', end: '12:30' },
    ].sort((a, b) => a.weekday - b.weekday),
  },
  {
    code: 'S',
    name: 'PIMMS Médiation Paris Sud',
    address: '95 rue de la Croix-Nivert, 75015 Paris',
    openingHours: weekdays(STANDARD),
  },
  {
    code: 'SE',
    name: 'PIMMS Médiation Paris Sud Est',
    address: '21 rue du Château-des-Rentiers, 75013 Paris',
    openingHours: weekdays([
      ['09:30', '12:30'],
      ['13:30', '17:30'],
    ]),
  },
];

export interface DemoLocation {
  code: string;
  name: string;
  kind: LocationKind;
  siteCode: string;
  address: string;
}

export const DEMO_SATELLITES: DemoLocation[] = [
  {
    code: 'PAND14',
    name: 'PAND@ 14 — permanence numérique, Espace Jeunes « Le Miroir »',
    kind: 'satellite',
    siteCode: 'S',
    address: '6 rue Prisse-d’Avennes, 75014 Paris',
  },
  {
    code: 'PERM-AMA',
    name: 'Permanence décentralisée — Centre social « Les Amandiers »',
    kind: 'partner_permanence',
    siteCode: 'E',
    address: '110 rue des Amandiers, 75020 Paris',
  },
  {
    code: 'PERM-MDS',
    name: 'Permanence décentralisée — Maison des solidarités « Belleville-Haut »',
    kind: 'partner_permanence',
    siteCode: 'NE',
    address: '3 rue Rébeval, 75019 Paris',
  },
  {
    code: 'OUT-LIL',
    name: 'Médiation sortante — Résidence « Square des Lilas »',
    kind: 'outreach',
    siteCode: 'NE',
    address: '18 rue des Lilas, 75019 Paris',
  },
  {
    code: 'ATEL-SE',
    name: 'Ateliers collectifs numériques — salle de quartier',
    kind: 'workshop',
    siteCode: 'SE',
    address: '4 place de Vénétie, 75013 Paris',
  },
];

export interface DemoPerson {
  ref: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  /** Null for head-office staff. */
  siteCode: string | null;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { ref: 'S01', firstName: 'Nadia', lastName: 'Berrahal', jobTitle: 'Directrice', siteCode: null },
  {
    ref: 'S02',
    firstName: 'Julien',
    lastName: 'Marchetti',
    jobTitle: 'Chargé RH et accompagnement socio-professionnel',
    siteCode: null,
  },
  {
    ref: 'S03',
    firstName: 'Awa',
    lastName: 'Diallo-Ferreira',
    jobTitle: 'Coordinatrice France Services et formation',
    siteCode: null,
  },
  {
    ref: 'S04',
    firstName: 'Thomas',
    lastName: 'Nguyen-Lefort',
    jobTitle: 'Médiateur numérique',
    siteCode: 'S',
  },
  {
    ref: 'S05',
    firstName: 'Sophie',
    lastName: 'Lemaire',
    jobTitle: 'Responsable de site',
    siteCode: 'NO',
  },
  {
    ref: 'S06',
    firstName: 'Karim',
    lastName: 'Haddad',
    jobTitle: 'Médiateur social',
    siteCode: 'NO',
  },
  {
    ref: 'S07',
    firstName: 'Fatoumata',
    lastName: 'Camara',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'NO',
  },
  {
    ref: 'S08',
    firstName: 'Lucas',
    lastName: 'Moreau',
    jobTitle: 'Médiateur social',
    siteCode: 'NO',
  },
  {
    ref: 'S09',
    firstName: 'Inès',
    lastName: 'Boukhari',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'NO',
  },
  {
    ref: 'S10',
    firstName: 'Mamadou',
    lastName: 'Sy',
    jobTitle: 'Médiateur social référent',
    siteCode: 'NO',
  },
  {
    ref: 'S11',
    firstName: 'Claire',
    lastName: 'Dubois-Ammar',
    jobTitle: 'Responsable de site',
    siteCode: 'E',
  },
  {
    ref: 'S12',
    firstName: 'Yacine',
    lastName: 'Belkacem',
    jobTitle: 'Médiateur social',
    siteCode: 'E',
  },
  {
    ref: 'S13',
    firstName: 'Marie-Louise',
    lastName: 'Étienne',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'E',
  },
  {
    ref: 'S14',
    firstName: 'Hugo',
    lastName: 'Perrin',
    jobTitle: 'Médiateur social',
    siteCode: 'E',
  },
  {
    ref: 'S15',
    firstName: 'Samira',
    lastName: 'Ouali',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'E',
  },
  { ref: 'S16', firstName: 'Kevin', lastName: 'Tran', jobTitle: 'Médiateur social', siteCode: 'E' },
  {
    ref: 'S17',
    firstName: 'Rachid',
    lastName: 'Mansouri',
    jobTitle: 'Responsable de site',
    siteCode: 'NE',
  },
  {
    ref: 'S18',
    firstName: 'Aminata',
    lastName: 'Koné',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'NE',
  },
  {
    ref: 'S19',
    firstName: 'Jonathan',
    lastName: 'Lévy',
    jobTitle: 'Médiateur social',
    siteCode: 'NE',
  },
  {
    ref: 'S20',
    firstName: 'Priya',
    lastName: 'Raman',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'NE',
  },
  {
    ref: 'S21',
    firstName: 'Bilal',
    lastName: 'Chérif',
    jobTitle: 'Médiateur social',
    siteCode: 'NE',
  },
  {
    ref: 'S22',
    firstName: 'Océane',
    lastName: 'Martin',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'NE',
  },
  {
    ref: 'S23',
    firstName: 'Véronique',
    lastName: 'Allard',
    jobTitle: 'Responsable de site',
    siteCode: 'S',
  },
  {
    ref: 'S24',
    firstName: 'Abdoulaye',
    lastName: 'Traoré',
    jobTitle: 'Médiateur social',
    siteCode: 'S',
  },
  {
    ref: 'S25',
    firstName: 'Léa',
    lastName: 'Fontaine',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'S',
  },
  {
    ref: 'S26',
    firstName: 'Nicolas',
    lastName: 'Ribeiro',
    jobTitle: 'Médiateur social',
    siteCode: 'S',
  },
  {
    ref: 'S27',
    firstName: 'Zohra',
    lastName: 'Meziane',
    jobTitle: 'Médiatrice sociale, référente Aidants Connect',
    siteCode: 'S',
  },
  {
    ref: 'S28',
    firstName: 'Dylan',
    lastName: 'Joseph',
    jobTitle: 'Médiateur social',
    siteCode: 'S',
  },
  {
    ref: 'S29',
    firstName: 'Hélène',
    lastName: 'Garnier',
    jobTitle: 'Responsable de site',
    siteCode: 'SE',
  },
  {
    ref: 'S30',
    firstName: 'Moussa',
    lastName: 'Diabaté',
    jobTitle: 'Médiateur social',
    siteCode: 'SE',
  },
  {
    ref: 'S31',
    firstName: 'Chloé',
    lastName: 'Vasseur',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'SE',
  },
  {
    ref: 'S32',
    firstName: 'Anthony',
    lastName: 'Petit',
    jobTitle: 'Médiateur social',
    siteCode: 'SE',
  },
  {
    ref: 'S33',
    firstName: 'Kadiatou',
    lastName: 'Sissoko',
    jobTitle: 'Médiatrice sociale',
    siteCode: 'SE',
  },
  {
    ref: 'S34',
    firstName: 'Ibrahim',
    lastName: 'Ould-Ahmed',
    jobTitle: 'Médiateur social',
    siteCode: 'SE',
  },
  {
    ref: 'S35',
    firstName: 'Emma',
    lastName: 'Rousseau',
    jobTitle: 'Médiatrice, équipe médiation sortante',
    siteCode: 'NE',
  },
];

export interface DemoAccount {
  email: string;
  role: Role;
  personRef: string;
  /** Sites a manager runs. */
  managedSiteCodes: string[];
}

// One manager runs two sites (Sud and Sud Est), as in the design brief's demo accounts.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'direction@relais.demo', role: 'admin', personRef: 'S01', managedSiteCodes: [] },
  { email: 'rh@relais.demo', role: 'hr', personRef: 'S02', managedSiteCodes: [] },
  {
    email: 'manager.sud@relais.demo',
    role: 'manager',
    personRef: 'S23',
    managedSiteCodes: ['S', 'SE'],
  },
  { email: 'manager.est@relais.demo', role: 'manager', personRef: 'S11', managedSiteCodes: ['E'] },
  { email: 'mediateur@relais.demo', role: 'mediator', personRef: 'S24', managedSiteCodes: [] },
];

/**
 * Reference date of the seed data set; at seed time every date moves by whole months so that
 * the demo keeps its story (contracts ending soon, a PEC exit interview due…) whatever today is.
 */
export const SEED_REFERENCE_DATE = '2026-03-02';

export interface DemoContract {
  /** Key to link a renewal to the contract it renews. */
  key: string;
  personRef: string;
  type: ContractType;
  start: string;
  end: string | null;
  weeklyHours: number;
  reason?: string;
  renewalOfKey?: string;
  tutorRef?: string;
  partTimeDerogation?: string;
  derogationRequestedOn?: string;
  trainingHours?: number;
  conventionNumber?: string;
  conventionEnd?: string;
  /** The post filled (a key of {@link DEMO_POSTS}); a renewal keeps its contract's post. */
  postKey?: string;
  /** A replacement CDD: the absent employee replaced. */
  replacedRef?: string;
}

export interface DemoPost {
  key: string;
  siteCode: string;
  title: string;
}

/**
 * Posts of each site. Each demo CDD fills a post no other CDD filled before it, so no délai de
 * carence (L1244-3) is at stake in the demo.
 */
export const DEMO_POSTS: DemoPost[] = [
  { key: 'NO-accueil', siteCode: 'NO', title: 'Médiation sociale — accueil France Services' },
  { key: 'NO-permanences', siteCode: 'NO', title: 'Médiation sociale — permanences' },
  { key: 'E-accueil', siteCode: 'E', title: 'Médiation sociale — accueil France Services' },
  { key: 'E-permanences', siteCode: 'E', title: 'Médiation sociale — permanences' },
  { key: 'NE-accueil', siteCode: 'NE', title: 'Médiation sociale — accueil France Services' },
  { key: 'NE-sortante', siteCode: 'NE', title: 'Médiation sortante' },
  { key: 'S-accueil', siteCode: 'S', title: 'Médiation sociale — accueil France Services' },
  { key: 'S-numerique', siteCode: 'S', title: 'Médiation numérique' },
  { key: 'SE-accueil', siteCode: 'SE', title: 'Médiation sociale — accueil France Services' },
  { key: 'SE-permanences', siteCode: 'SE', title: 'Médiation sociale — permanences' },
];

/**
 * Hourly cost to the employer (coût horaire chargé) by contract type, in cents: round demo
 * figures (aided contracts cost less once the State's aid is deducted), not a reference.
 */
export const DEMO_HOURLY_COST_CENTS: Record<ContractType, number> = {
  CDI: 2340,
  CDD: 2180,
  PEC: 1510,
  ADULTE_RELAIS: 1960,
  PRO: 1450,
  CDDI: 1590,
};

const cdi = (personRef: string, start: string, weeklyHours = 35): DemoContract => ({
  key: personRef,
  personRef,
  type: 'CDI',
  start,
  end: null,
  weeklyHours,
});

export const DEMO_CONTRACTS: DemoContract[] = [
  cdi('S01', '2017-09-01'),
  cdi('S02', '2020-01-06'),
  cdi('S03', '2019-11-04'),
  cdi('S04', '2022-03-01'),
  cdi('S05', '2018-05-14'),
  {
    key: 'S06',
    personRef: 'S06',
    type: 'ADULTE_RELAIS',
    start: '2024-09-02',
    end: '2027-09-01',
    weeklyHours: 35,
    conventionNumber: 'AR-075-24-0112',
    conventionEnd: '2027-09-01',
  },
  {
    key: 'S07',
    personRef: 'S07',
    type: 'PEC',
    start: '2025-10-01',
    end: '2026-09-30',
    weeklyHours: 26,
    tutorRef: 'S10',
  },
  {
    key: 'S08',
    personRef: 'S08',
    type: 'PRO',
    start: '2025-09-15',
    end: '2026-09-14',
    weeklyHours: 35,
    tutorRef: 'S10',
    trainingHours: 400,
  },
  {
    key: 'S09',
    personRef: 'S09',
    type: 'CDD',
    start: '2026-01-05',
    end: '2026-06-26',
    weeklyHours: 35,
    reason: 'replacement',
    postKey: 'NO-accueil',
    replacedRef: 'S10',
  },
  cdi('S10', '2019-02-04'),
  cdi('S11', '2021-04-01'),
  {
    key: 'S12a',
    personRef: 'S12',
    type: 'ADULTE_RELAIS',
    start: '2023-03-01',
    end: '2026-02-28',
    weeklyHours: 35,
    conventionNumber: 'AR-075-23-0048',
    conventionEnd: '2029-02-28',
  },
  {
    key: 'S12b',
    personRef: 'S12',
    type: 'ADULTE_RELAIS',
    start: '2026-03-01',
    end: '2029-02-28',
    weeklyHours: 35,
    renewalOfKey: 'S12a',
    conventionNumber: 'AR-075-23-0048',
    conventionEnd: '2029-02-28',
  },
  // Aged 50+ with difficulties: the 60-month PEC cap applies.
  {
    key: 'S13a',
    personRef: 'S13',
    type: 'PEC',
    start: '2024-06-03',
    end: '2025-06-02',
    weeklyHours: 20,
    tutorRef: 'S11',
  },
  {
    key: 'S13b',
    personRef: 'S13',
    type: 'PEC',
    start: '2025-06-03',
    end: '2026-06-02',
    weeklyHours: 20,
    tutorRef: 'S11',
    renewalOfKey: 'S13a',
  },
  {
    key: 'S14',
    personRef: 'S14',
    type: 'CDD',
    start: '2026-03-02',
    end: '2026-07-03',
    weeklyHours: 35,
    reason: 'temporary_increase',
    postKey: 'E-accueil',
  },
  {
    key: 'S15',
    personRef: 'S15',
    type: 'PRO',
    start: '2025-11-03',
    end: '2026-11-02',
    weeklyHours: 35,
    tutorRef: 'S11',
    trainingHours: 400,
  },
  // Part-time below 24 h on the employee's written request (studies): a recorded derogation.
  {
    key: 'S16',
    personRef: 'S16',
    type: 'CDD',
    start: '2026-02-02',
    end: '2026-07-31',
    weeklyHours: 18,
    reason: 'temporary_increase',
    postKey: 'E-permanences',
    partTimeDerogation: 'employee_request',
    derogationRequestedOn: '2026-01-20',
  },
  cdi('S17', '2016-10-03'),
  {
    key: 'S18',
    personRef: 'S18',
    type: 'ADULTE_RELAIS',
    start: '2025-05-05',
    end: '2028-05-04',
    weeklyHours: 35,
    conventionNumber: 'AR-075-25-0031',
    conventionEnd: '2028-05-04',
  },
  // PEC whose exit interview (end − 3 to end − 1 month) is due.
  {
    key: 'S19',
    personRef: 'S19',
    type: 'PEC',
    start: '2025-06-02',
    end: '2026-05-31',
    weeklyHours: 26,
    tutorRef: 'S21',
  },
  cdi('S20', '2022-09-05', 28),
  {
    key: 'S21a',
    personRef: 'S21',
    type: 'ADULTE_RELAIS',
    start: '2022-01-03',
    end: '2025-01-02',
    weeklyHours: 35,
    conventionNumber: 'AR-075-22-0007',
    conventionEnd: '2028-01-02',
  },
  {
    key: 'S21b',
    personRef: 'S21',
    type: 'ADULTE_RELAIS',
    start: '2025-01-03',
    end: '2028-01-02',
    weeklyHours: 35,
    renewalOfKey: 'S21a',
    conventionNumber: 'AR-075-22-0007',
    conventionEnd: '2028-01-02',
  },
  {
    key: 'S22',
    personRef: 'S22',
    type: 'PRO',
    start: '2025-09-01',
    end: '2026-08-31',
    weeklyHours: 35,
    tutorRef: 'S17',
    trainingHours: 400,
  },
  cdi('S23', '2015-06-01'),
  {
    key: 'S24',
    personRef: 'S24',
    type: 'ADULTE_RELAIS',
    start: '2024-01-08',
    end: '2027-01-07',
    weeklyHours: 35,
    conventionNumber: 'AR-075-24-0003',
    conventionEnd: '2027-01-07',
  },
  {
    key: 'S25',
    personRef: 'S25',
    type: 'PEC',
    start: '2025-12-01',
    end: '2026-11-30',
    weeklyHours: 20,
    tutorRef: 'S27',
  },
  {
    key: 'S26',
    personRef: 'S26',
    type: 'PRO',
    start: '2025-10-06',
    end: '2026-10-05',
    weeklyHours: 35,
    tutorRef: 'S24',
    trainingHours: 400,
  },
  cdi('S27', '2020-07-01'),
  {
    key: 'S28',
    personRef: 'S28',
    type: 'CDD',
    start: '2026-02-16',
    end: '2026-04-30',
    weeklyHours: 30,
    reason: 'replacement',
    postKey: 'S-accueil',
    replacedRef: 'S27',
  },
  cdi('S29', '2019-03-11'),
  {
    key: 'S30',
    personRef: 'S30',
    type: 'ADULTE_RELAIS',
    start: '2025-02-03',
    end: '2028-02-02',
    weeklyHours: 35,
    conventionNumber: 'AR-075-25-0009',
    conventionEnd: '2028-02-02',
  },
  {
    key: 'S31',
    personRef: 'S31',
    type: 'PEC',
    start: '2025-04-01',
    end: '2026-03-31',
    weeklyHours: 26,
    tutorRef: 'S33',
  },
  {
    key: 'S32',
    personRef: 'S32',
    type: 'PRO',
    start: '2025-09-01',
    end: '2026-08-31',
    weeklyHours: 35,
    tutorRef: 'S29',
    trainingHours: 400,
  },
  cdi('S33', '2021-10-04'),
  // Ordinary CDD renewed once, 18 months in all: one more renewal would break CDD_MAX_DURATION.
  {
    key: 'S34a',
    personRef: 'S34',
    type: 'CDD',
    start: '2025-01-02',
    end: '2025-09-30',
    weeklyHours: 35,
    reason: 'temporary_increase',
    postKey: 'SE-accueil',
  },
  {
    key: 'S34b',
    personRef: 'S34',
    type: 'CDD',
    start: '2025-10-01',
    end: '2026-07-01',
    weeklyHours: 35,
    reason: 'temporary_increase',
    renewalOfKey: 'S34a',
    postKey: 'SE-accueil',
  },
  {
    key: 'S35',
    personRef: 'S35',
    type: 'ADULTE_RELAIS',
    start: '2025-09-01',
    end: '2028-08-31',
    weeklyHours: 35,
    conventionNumber: 'AR-075-25-0077',
    conventionEnd: '2028-08-31',
  },
];

/** Birth dates where a rule needs them (adulte-relais ≥ 26 at hiring; S13 is 54; S22 is 20). */
export const DEMO_BIRTH_DATES: Record<string, string> = {
  S06: '1988-04-12',
  S12: '1979-11-02',
  S13: '1972-02-14',
  S18: '1993-07-21',
  S21: '1985-01-30',
  S22: '2005-10-03',
  S24: '1990-06-18',
  S30: '1983-09-09',
  S35: '1996-12-01',
};

export const DEMO_PEC_EXTENDED_CAP = ['S13'];

/**
 * The adulte-relais hiring facts (L5134-102): each was out of work or on a PEC, and lives in the
 * QPV named (checked on the first contract's start), or under the prefect's exception.
 */
export const DEMO_ADULTE_RELAIS_ELIGIBILITY: Record<
  string,
  { qpvName: string } | { prefectException: string }
> = {
  S06: { qpvName: 'Porte de Vanves' },
  S12: { qpvName: 'Oudiné – Chevaleret' },
  S18: { qpvName: 'Chapelle – Évangile' },
  S21: { qpvName: 'Belleville – Amandiers' },
  S24: { qpvName: 'Goutte d’Or' },
  S30: { qpvName: 'Porte de Montreuil – Python – Duvernois' },
  S35: {
    prefectException: 'Dérogation du préfet de Paris : résidence à la limite du QPV Michelet',
  },
};

/** FS = France Services initial training, SST (24 months), AC = Aidants Connect. */
export const DEMO_SKILLS: Record<string, ('FS' | 'SST' | 'AC')[]> = {
  S01: ['SST'],
  S03: ['FS', 'SST', 'AC'],
  S04: ['FS', 'AC'],
  S05: ['FS', 'SST', 'AC'],
  S06: ['FS', 'SST', 'AC'],
  S07: ['FS'],
  S08: ['FS'],
  S10: ['FS', 'SST', 'AC'],
  S11: ['FS', 'SST', 'AC'],
  S12: ['FS', 'SST', 'AC'],
  S13: ['FS'],
  S15: ['FS'],
  S17: ['FS', 'SST', 'AC'],
  S18: ['FS', 'SST'],
  S19: ['FS'],
  S20: ['FS', 'SST', 'AC'],
  S21: ['FS', 'SST', 'AC'],
  S22: ['FS'],
  S23: ['FS', 'SST', 'AC'],
  S24: ['FS', 'SST', 'AC'],
  S26: ['FS', 'SST'],
  S27: ['FS', 'SST', 'AC'],
  S29: ['FS', 'SST', 'AC'],
  S30: ['FS', 'AC'],
  S31: ['FS', 'SST'],
  S32: ['FS'],
  S33: ['FS', 'SST', 'AC'],
  S35: ['FS', 'SST'],
};
