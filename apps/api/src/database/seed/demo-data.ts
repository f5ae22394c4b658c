import type { LocationKind, OpeningHours, Role } from '@relais/contracts';

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
