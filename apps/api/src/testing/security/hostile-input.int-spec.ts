import {
  COMPETENCES,
  PAYROLL_CODES,
  type ApiError,
  type FieldError,
  type PersonDetail,
  type PersonSummary,
  type ViolationFixes,
} from '@relais/api-types';
import {
  addDays,
  DEFAULT_ORGANISATION_SETTINGS,
  isoWeekOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import fc from 'fast-check';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '../../app/auth/session-token';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { EMPTY_PROPOSAL } from '../auto-fill-fixtures';
import { ApiResponse, DEMO_PASSWORD, startTestApp, TestApp } from '../test-app';

/**
 * Hostile input on every route: random and boundary bodies, ids and query strings, bodies nested
 * deep or over their size limit, dates far in the past or the future. Never a 5xx; every refusal
 * is `{ statusCode, error, message }` in French; a 400 names its field; and a refused request
 * leaves every table as it was (one transaction per command).
 */

/**
 * Random runs per route: a quick pass in `npm test`, ten times more with `FUZZ=deep`. The seed is
 * new each run unless `FUZZ_SEED` names one, and printed, so that a failure can be replayed.
 */
const IS_DEEP = process.env['FUZZ'] === 'deep';
const NUM_RUNS = IS_DEEP ? 300 : 30;
const FUZZ_SEED = Number(process.env['FUZZ_SEED'] || Date.now() % 2 ** 31);
const FAR_MONDAY = '2031-03-03';
/** Body limits: small for the routes open without a session, larger for uploads. */
const DEFAULT_BODY_LIMIT = 64 * 1024;
const PUBLIC_BODY_LIMIT = 16 * 1024;
/** Arrays and objects nested deeper, or more values in all, are refused before parsing. */
const MAX_JSON_DEPTH = 32;
const MAX_JSON_ITEMS = 1000;

type Caller = 'anonymous' | 'admin' | 'hr' | 'mediator' | 'fresh-session';

const EMAILS = {
  admin: 'direction@relais.demo',
  hr: 'rh@relais.demo',
  mediator: 'mediateur@relais.demo',
} as const;

interface Fixtures {
  today: string;
  siteId: string;
  /** Another site of the organisation (to lend a person to). */
  otherSiteId: string;
  deskId: string;
  outreachId: string;
  colleagueId: string;
  /** A fresh record for each run: a refused request must leave it, an accepted one may use it. */
  newShift(): Promise<string>;
  newSkill(): Promise<string>;
  newLoan(): Promise<string>;
  /** A CDI of a new person starting next month (nothing planned in it). */
  newContract(): Promise<string>;
  /** A PEC of a new person starting next month, and what HR recorded for one of its obligations. */
  newPecContract(): Promise<string>;
  newObligationRecord(): Promise<string>;
  newHrNote(): Promise<string>;
  newRequest(): Promise<string>;
  newAccountHolder(): Promise<{ personId: string; accountId: string }>;
  /** An auto-fill job of an empty far week: its proposal ready (`done`), or still computed. */
  newAutoFillJob(status?: 'done' | 'running'): Promise<string>;
  /** Waits until the auto-fill jobs the API started have ended. */
  autoFillJobsDone(): Promise<void>;
  trainingModuleId: string;
  /** A contract of a new person ended yesterday with no follow-on (an exit may be recorded once). */
  newEndedContract(): Promise<string>;
  /** A new person on a CDI started 200 days ago, with no tutor. */
  newContractHolder(): Promise<{ personId: string; contractId: string }>;
  /** A valid invitation token of a new account. */
  newLinkToken(): Promise<string>;
  /** A batch (as a copied week leaves) adding one new open shift of a far week. */
  newBatch(): Promise<string>;
  /** Gives the demo mediator a calendar feed (to revoke). */
  ensureFeed(): Promise<void>;
  /** A new mediator of Paris Sud with an open-ended contract (to swap a shift with). */
  newMediatorColleague(): Promise<string>;
  /** A published shift of the demo mediator's own, in a far week (to offer). */
  newOwnPublishedShift(): Promise<string>;
  /** A published open shift of Paris Sud in the coming weeks (for the demo mediator to claim). */
  newPublishedOpenShift(): Promise<string>;
  /**
   * An 11-hour rest breach of a new person, alone in a far week of its own (the fixes of a week
   * are computed for all its breaches): that week and the id of the breach's first fix.
   */
  newRestBreachFix(): Promise<{ week: string; fixId: string }>;
  /** An exit seven months ago, its 6-month follow-up open. */
  newExit(): Promise<string>;
  /**
   * A part-timer of Paris Sud whose published shift of a far week was moved an hour later since:
   * a change their written agreement may cover.
   */
  newNoticeChange(): Promise<{ week: string; personId: string }>;
  newTrainingSession(day?: string): Promise<string>;
  newEnrolment(status?: string): Promise<string>;
  newMilestone(): Promise<string>;
  /** A new person of Paris Sud with an open-ended contract begun 100 days ago. */
  newJobSeeker(): Promise<string>;
  /** A partner employer of the organisation, its name new. */
  newPartner(): Promise<string>;
  /** An application of the colleague. */
  newApplication(): Promise<string>;
  /** A career action of the colleague. */
  newCareerAction(): Promise<string>;
  newEvidence(): Promise<string>;
  /** A message for the demo mediator. */
  newNotification(): Promise<string>;
  /** A swap of a new shift, from a colleague to the demo mediator. */
  newSwap(status: 'offered' | 'accepted'): Promise<string>;
  /** The demo mediator's pending claim on a new open shift. */
  newClaim(): Promise<string>;
  /** A month of long ago closed for the organisation, with a new person frozen in it. */
  newClosedMonth(): Promise<{ month: string; personId: string }>;
  /** A statement of a closed month sent to the demo mediator: its month. */
  newMyStatement(): Promise<string>;
}

interface WriteRoute {
  route: string;
  caller: Caller;
  /** The valid id of the run, for routes with `:id`. */
  id?: (f: Fixtures) => Promise<string>;
  /** Every field the route accepts (a valid body needs only some of them). */
  fields: string[];
  body?: (f: Fixtures) => Record<string, unknown>;
  /** Values of the valid body made anew for each request (a record only one request may use). */
  fresh?: (f: Fixtures) => Promise<Record<string, unknown>>;
  query?: Record<string, string>;
  /** Failed logins are audited on purpose: that row is the only write a refusal may leave. */
  isRefusalAudited?: boolean;
  /** A route whose body limit is not the 64 KB default (open routes, evidence files). */
  bodyLimitBytes?: number;
  /** Takes no body and acts on the caller's own data: a text body is ignored and the action done. */
  isBodyIgnored?: boolean;
  /** Waits for what earlier accepted requests left running, so that only this request writes. */
  settle?: (f: Fixtures) => Promise<void>;
}

const SHIFT_FIELDS = ['personId', 'locationId', 'activity', 'start', 'end', 'breakMinutes', 'note'];

const careerAction = (f: Fixtures) => ({
  kind: 'BILAN_COMPETENCES',
  title: 'Bilan de compétences',
  provider: 'CIBC Paris',
  plannedStart: f.today,
  plannedEnd: addDays(f.today, 60),
  actualStart: null,
  actualEnd: null,
  hours: 24,
  funding: 'CPF',
  status: 'DEMANDEE',
});

const partner = (name: string) => ({
  name,
  sector: 'Protection sociale',
  town: 'Paris',
  contactName: 'Mme Rivière',
  contactEmail: 'recrutement@exemple.fr',
  contactPhone: '01 40 00 00 00',
  note: null,
});

let postCount = 0;
/** Months closed and payroll numbers given by the runs: never twice the same. */
let closeCount = 0;

const WRITE_ROUTES: WriteRoute[] = [
  {
    route: 'PUT /api/organisation/settings',
    caller: 'admin',
    fields: Object.keys(DEFAULT_ORGANISATION_SETTINGS),
    body: () => ({ ...DEFAULT_ORGANISATION_SETTINGS }),
  },
  {
    route: 'PUT /api/people/:id/eligibility',
    caller: 'hr',
    id: async (f) => (await f.newAccountHolder()).personId,
    fields: [
      'birthDate',
      'isPecExtendedCapEligible',
      'isOutOfWorkAtHiring',
      'qpvName',
      'qpvCheckedOn',
      'prefectException',
    ],
    body: (f) => ({
      birthDate: '1990-04-12',
      isPecExtendedCapEligible: false,
      isOutOfWorkAtHiring: true,
      qpvName: 'Porte de Vanves',
      qpvCheckedOn: f.today,
      prefectException: null,
    }),
  },
  {
    route: 'PUT /api/sites/:id/opening-hours',
    caller: 'hr',
    id: async (f) => f.otherSiteId,
    fields: ['openingHours'],
    body: () => ({
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    }),
  },
  {
    route: 'PUT /api/sites/:id/sunday-derogation',
    caller: 'hr',
    id: async (f) => f.otherSiteId,
    fields: ['basis'],
    body: () => ({ basis: 'Arrêté préfectoral du 2 novembre 2026 (L3132-20)' }),
  },
  {
    route: 'POST /api/auth/login',
    caller: 'anonymous',
    fields: ['email', 'password'],
    body: () => ({ email: 'direction@relais.demo', password: DEMO_PASSWORD }),
    isRefusalAudited: true,
    bodyLimitBytes: PUBLIC_BODY_LIMIT,
  },
  { route: 'POST /api/auth/logout', caller: 'fresh-session', fields: [] },
  {
    route: 'POST /api/auth/accept-link',
    caller: 'anonymous',
    fields: ['token', 'password'],
    body: () => ({ token: 'jeton-inconnu-0123456789', password: 'une-phrase-de-passe' }),
    fresh: async (f) => ({ token: await f.newLinkToken() }),
    bodyLimitBytes: PUBLIC_BODY_LIMIT,
  },
  {
    route: 'POST /api/accounts/:id/disable',
    caller: 'admin',
    id: async (f) => (await f.newAccountHolder()).accountId,
    fields: [],
  },
  {
    route: 'POST /api/people/:id/invitation',
    caller: 'hr',
    id: async (f) => (await f.newAccountHolder()).personId,
    fields: [],
  },
  {
    route: 'POST /api/people/:id/password-reset',
    caller: 'hr',
    id: async (f) => (await f.newAccountHolder()).personId,
    fields: [],
  },
  {
    route: 'POST /api/people',
    caller: 'hr',
    fields: ['firstName', 'lastName', 'email', 'homeSiteId', 'role', 'jobTitle'],
    body: (f) => ({
      firstName: 'Inès',
      lastName: 'Hostile',
      homeSiteId: f.siteId,
      role: 'mediator',
      jobTitle: 'Médiatrice',
    }),
  },
  {
    route: 'POST /api/people/:id/skills',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['skill', 'detail', 'acquiredOn', 'expiresOn'],
    body: (f) => ({ skill: 'language', detail: 'tamoul', acquiredOn: f.today }),
  },
  {
    route: 'DELETE /api/skills/:id',
    caller: 'hr',
    id: (f) => f.newSkill(),
    fields: [],
  },
  {
    route: 'POST /api/people/:id/loans',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['siteId', 'from', 'until'],
    body: (f) => ({
      siteId: f.otherSiteId,
      from: addDays(f.today, 50),
      until: addDays(f.today, 51),
    }),
  },
  {
    route: 'PATCH /api/contracts/:id',
    caller: 'hr',
    id: (f) => f.newContract(),
    fields: [
      'type',
      'start',
      'end',
      'weeklyHours',
      'reason',
      'tutorId',
      'partTimeDerogation',
      'derogationRequestedOn',
      'trainingHours',
      'conventionNumber',
      'conventionStart',
      'conventionEnd',
      'postId',
      'replacedPersonId',
      'justification',
    ],
    body: () => ({ weeklyHours: 30 }),
  },
  {
    route: 'POST /api/contracts/:id/renewal-refusal',
    caller: 'hr',
    id: (f) => f.newEndedContract(),
    fields: ['refusedOn'],
    body: (f) => ({ refusedOn: addDays(f.today, -10) }),
  },
  {
    route: 'POST /api/payroll/closes',
    caller: 'hr',
    fields: ['month', 'siteId'],
    body: (f) => ({ month: '1899-11', siteId: f.siteId }),
    // A month closes once: a new one of long ago each time.
    fresh: async () => ({ month: `${1700 + ++closeCount}-11` }),
  },
  {
    route: 'POST /api/payroll/statements',
    caller: 'hr',
    fields: ['month', 'personId'],
    body: () => ({ month: '1899-11', personId: '00000000-0000-4000-8000-000000000000' }),
    fresh: (f) => f.newClosedMonth(),
  },
  {
    route: 'POST /api/payroll/adjustments',
    caller: 'hr',
    fields: ['personId', 'correctsMonth', 'code', 'quantity', 'reason'],
    body: () => ({
      personId: '00000000-0000-4000-8000-000000000000',
      correctsMonth: '1899-11',
      code: 'HEURES_NUIT',
      quantity: 1.5,
      reason: 'Permanence de nuit oubliée',
    }),
    fresh: async (f) => {
      const { month, personId } = await f.newClosedMonth();
      return { personId, correctsMonth: month };
    },
  },
  {
    route: 'PUT /api/payroll/mapping',
    caller: 'hr',
    fields: ['entries'],
    body: () => ({ entries: [{ code: 'HEURES_COMPL_10', externalCode: 'HC10' }] }),
  },
  {
    route: 'PUT /api/payroll/people/:id/payroll-id',
    caller: 'hr',
    id: async (f) => (await f.newContractHolder()).personId,
    fields: ['payrollId'],
    body: () => ({ payrollId: 'FZ0001' }),
    // A payroll number belongs to one person: a new one each time.
    fresh: async () => ({ payrollId: `FZ${++closeCount}` }),
  },
  {
    route: 'POST /api/me/statements/sign-off',
    caller: 'mediator',
    fields: ['month'],
    body: () => ({ month: '1899-12' }),
    fresh: async (f) => ({ month: await f.newMyStatement() }),
  },
  {
    route: 'POST /api/posts',
    caller: 'hr',
    fields: ['siteId', 'title'],
    body: (f) => ({ siteId: f.siteId, title: 'Médiation — accueil' }),
    // Titles are unique per site: a new one each time.
    fresh: async () => ({ title: `Médiation — poste ${++postCount}` }),
  },
  {
    route: 'POST /api/contracts/:id/end',
    caller: 'hr',
    id: (f) => f.newContract(),
    fields: ['end', 'reason'],
    body: (f) => ({ end: addDays(f.today, 40), reason: 'resignation' }),
  },
  {
    route: 'POST /api/contracts/:id/obligations',
    caller: 'hr',
    id: (f) => f.newPecContract(),
    fields: ['code', 'doneOn', 'outcome', 'reference', 'moduleCodes', 'evidence'],
    body: (f) => ({
      code: 'PEC_PRESCRIBER',
      doneOn: f.today,
      outcome: 'france_travail',
      reference: 'Mme Leroy',
      evidence: 'Convention signée',
    }),
  },
  {
    route: 'DELETE /api/contract-obligations/:id',
    caller: 'hr',
    id: (f) => f.newObligationRecord(),
    fields: [],
  },
  {
    route: 'POST /api/people/:id/hr-notes',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['text'],
    body: () => ({ text: 'Entretien annuel fait.' }),
  },
  {
    route: 'DELETE /api/hr-notes/:id',
    caller: 'hr',
    id: (f) => f.newHrNote(),
    fields: [],
  },
  {
    route: 'DELETE /api/loans/:id',
    caller: 'hr',
    id: (f) => f.newLoan(),
    fields: [],
  },
  {
    route: 'POST /api/people/:id/absences',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['kind', 'start', 'end', 'reason'],
    body: (f) => ({ kind: 'training', start: addDays(f.today, 50), end: addDays(f.today, 51) }),
  },
  {
    route: 'POST /api/contracts',
    caller: 'hr',
    fields: [
      'personId',
      'type',
      'start',
      'end',
      'weeklyHours',
      'reason',
      'tutorId',
      'renewalOf',
      'partTimeDerogation',
      'derogationRequestedOn',
      'trainingHours',
      'conventionNumber',
      'conventionStart',
      'conventionEnd',
      'postId',
      'replacedPersonId',
      'justification',
    ],
    body: (f) => ({ personId: f.colleagueId, type: 'CDI', start: f.today, weeklyHours: 35 }),
    // A new person each time: the colleague already has a contract in force.
    fresh: async (f) => ({ personId: (await f.newAccountHolder()).personId }),
  },
  {
    route: 'POST /api/requests',
    caller: 'mediator',
    fields: ['kind', 'start', 'end', 'weekday', 'startTime', 'endTime', 'comment'],
    body: (f) => ({
      kind: 'unavailability',
      start: addDays(f.today, 20),
      end: addDays(f.today, 80),
      weekday: 3,
      startTime: '14:00',
      endTime: '18:00',
    }),
  },
  {
    route: 'POST /api/requests/:id/decision',
    caller: 'hr',
    id: (f) => f.newRequest(),
    fields: ['status', 'reply'],
    body: () => ({ status: 'refused', reply: 'Période chargée.' }),
  },
  {
    route: 'POST /api/shifts',
    caller: 'hr',
    fields: SHIFT_FIELDS,
    body: (f) => ({
      locationId: f.deskId,
      activity: 'back_office',
      start: `${FAR_MONDAY}T09:00:00+01:00`,
      end: `${FAR_MONDAY}T12:00:00+01:00`,
      breakMinutes: 0,
    }),
  },
  {
    route: 'PATCH /api/shifts/:id',
    caller: 'hr',
    id: (f) => f.newShift(),
    fields: ['version', ...SHIFT_FIELDS],
    body: () => ({ version: 1, note: 'Relu' }),
  },
  {
    route: 'DELETE /api/shifts/:id',
    caller: 'hr',
    id: (f) => f.newShift(),
    fields: [],
    query: { version: '1' },
  },
  {
    route: 'POST /api/rota/publish',
    caller: 'hr',
    fields: ['siteId', 'week', 'justification'],
    // This week, published by the seed: its points à justifier need a justification.
    body: (f) => ({ siteId: f.siteId, week: isoWeekOf(f.today), justification: 'Vérifié.' }),
  },
  {
    route: 'POST /api/rota/auto-fill',
    caller: 'hr',
    fields: ['siteIds', 'week', 'mode', 'timeLimitSeconds'],
    body: (f) => ({ siteIds: [f.siteId], week: '2031-W30', mode: 'fill', timeLimitSeconds: 1 }),
    // An accepted request starts a job that writes its proposal a second later.
    settle: (f) => f.autoFillJobsDone(),
  },
  ...['stop', 'discard', 'apply'].map(
    (action): WriteRoute => ({
      route: `POST /api/rota/auto-fill/:id/${action}`,
      caller: 'hr',
      // A job still computing is the one to stop; a ready proposal, the one to discard or apply.
      id: (f) => f.newAutoFillJob(action === 'stop' ? 'running' : 'done'),
      fields: [],
      // A job the previous route's requests started may still be writing its proposal: the
      // tables are compared once it has ended (a seed left one running into these attacks).
      settle: (f) => f.autoFillJobsDone(),
    }),
  ),
  {
    route: 'POST /api/rota/notice-agreements',
    caller: 'hr',
    fields: ['siteId', 'week', 'personId', 'reference'],
    body: (f) => ({ siteId: f.siteId, reference: 'Accord écrit signé.' }),
    fresh: (f) => f.newNoticeChange(),
  },
  {
    route: 'POST /api/rota/copy',
    caller: 'hr',
    fields: ['siteId', 'fromWeek', 'toWeek', 'withPeople'],
    body: (f) => ({ siteId: f.siteId, fromWeek: '2020-W10', toWeek: '2020-W11' }),
  },
  {
    route: 'POST /api/rota/batches/:id/undo',
    caller: 'hr',
    id: (f) => f.newBatch(),
    fields: [],
  },
  {
    route: 'POST /api/rota/bulk-delete',
    caller: 'hr',
    fields: ['shifts'],
    body: () => ({ shifts: [{ id: '00000000-0000-4000-8000-00000000b002', version: 1 }] }),
    fresh: async (f) => ({ shifts: [{ id: await f.newShift(), version: 1 }] }),
  },
  {
    route: 'POST /api/rota/bulk-move',
    caller: 'hr',
    fields: ['shifts', 'dayOffset', 'personId'],
    body: () => ({
      shifts: [{ id: '00000000-0000-4000-8000-00000000b003', version: 1 }],
      dayOffset: 1,
    }),
    fresh: async (f) => ({ shifts: [{ id: await f.newShift(), version: 1 }] }),
  },
  {
    route: 'POST /api/rota/fixes/apply',
    caller: 'hr',
    fields: ['siteId', 'week', 'fixId'],
    body: (f) => ({ siteId: f.siteId, week: '2031-W12', fixId: 'DAILY_REST|x|y#later-start' }),
    fresh: (f) => f.newRestBreachFix(),
  },
  {
    route: 'POST /api/rota/apply-template',
    caller: 'hr',
    fields: ['siteId', 'week'],
    body: (f) => ({ siteId: f.siteId, week: '2031-W20' }),
  },
  {
    route: 'POST /api/coverage',
    caller: 'hr',
    fields: [
      'locationId',
      'weekday',
      'startTime',
      'endTime',
      'minStaff',
      'requiredSkill',
      'activity',
      'isPair',
    ],
    body: (f) => ({
      locationId: f.deskId,
      weekday: 6,
      startTime: '10:00',
      endTime: '11:00',
      minStaff: 1,
    }),
  },
  {
    route: 'POST /api/coverage/campaigns',
    caller: 'hr',
    fields: ['locationId', 'partner', 'estate', 'start', 'end', 'pattern'],
    body: (f) => ({
      locationId: f.outreachId,
      partner: 'Bailleur',
      estate: 'Résidence',
      start: addDays(f.today, 10),
      end: addDays(f.today, 90),
      pattern: [{ weekday: 2, startTime: '10:00', endTime: '12:00' }],
    }),
  },
  {
    route: 'POST /api/training/sessions',
    caller: 'hr',
    fields: [
      'moduleId',
      'locationId',
      'start',
      'end',
      'breakMinutes',
      'place',
      'trainer',
      'capacity',
    ],
    body: (f) => ({
      moduleId: f.trainingModuleId,
      locationId: f.deskId,
      start: `${FAR_MONDAY}T09:00:00+01:00`,
      end: `${FAR_MONDAY}T12:00:00+01:00`,
      breakMinutes: 0,
      capacity: 10,
    }),
  },
  {
    route: 'POST /api/training/sessions/:id/enrolments',
    caller: 'hr',
    id: (f) => f.newTrainingSession(),
    fields: ['personId'],
    body: (f) => ({ personId: f.colleagueId }),
  },
  {
    route: 'DELETE /api/training/enrolments/:id',
    caller: 'hr',
    id: (f) => f.newEnrolment(),
    fields: [],
  },
  {
    route: 'POST /api/training/enrolments/:id/attendance',
    caller: 'hr',
    id: (f) => f.newEnrolment(),
    fields: ['present', 'attendedMinutes'],
    body: () => ({ present: true }),
  },
  {
    route: 'POST /api/training/enrolments/:id/validation',
    caller: 'hr',
    id: (f) => f.newEnrolment('present'),
    fields: [],
  },
  {
    route: 'PATCH /api/pathways/milestones/:id',
    caller: 'hr',
    id: (f) => f.newMilestone(),
    fields: ['dueOn', 'doneOn'],
    body: (f) => ({ doneOn: f.today }),
  },
  {
    route: 'POST /api/pathways/milestones/:id/evidence',
    caller: 'hr',
    id: (f) => f.newMilestone(),
    fields: ['fileName', 'contentBase64'],
    body: () => ({
      fileName: 'preuve.pdf',
      contentBase64: Buffer.from('%PDF-1.7\n').toString('base64'),
    }),
    bodyLimitBytes: 7 * 1024 * 1024 + 4096,
  },
  {
    route: 'PATCH /api/pathways/:id/plan',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['requiredModuleCodes'],
    body: () => ({ requiredModuleCodes: ['T01', 'T11', 'T02'] }),
  },
  {
    route: 'POST /api/pathways/evidence/:id/sign-off',
    caller: 'hr',
    id: (f) => f.newEvidence(),
    fields: [],
  },
  {
    route: 'POST /api/pathways/:id/certifications/sessions',
    caller: 'hr',
    id: async (f) => (await f.newContractHolder()).personId,
    fields: ['titleCode', 'blockCodes', 'route', 'heldOn', 'result', 'note'],
    body: (f) => ({
      titleCode: 'MSADS',
      blockCodes: ['CCP1', 'CCP2'],
      route: 'VAE',
      heldOn: f.today,
      result: 'ADMIS',
      note: 'Jury de VAE',
    }),
  },
  {
    route: 'PUT /api/pathways/:id/certifications/training',
    caller: 'hr',
    id: async (f) => (await f.newContractHolder()).personId,
    fields: ['titleCode', 'blockCode', 'hours', 'trainingRecordId'],
    body: () => ({ titleCode: 'MSADS', blockCode: 'CCP2', hours: 70, trainingRecordId: null }),
  },
  {
    route: 'PUT /api/contracts/:id/competences',
    caller: 'hr',
    id: async (f) => (await f.newContractHolder()).contractId,
    fields: ['stage', 'assessedOn', 'assessorId', 'ratings', 'note'],
    body: (f) => ({
      stage: 'MI_PARCOURS',
      assessedOn: f.today,
      assessorId: f.colleagueId,
      ratings: COMPETENCES.map((competence) => ({ code: competence.code, level: 'ACQUIS' })),
      note: 'Progrès nets en accueil.',
    }),
  },
  {
    route: 'POST /api/pathways/:id/notes',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['body'],
    body: () => ({ body: 'Entretien de suivi.' }),
  },
  {
    route: 'PUT /api/pathways/:id/project',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['targetJobs', 'sector', 'steps', 'validatedOn'],
    body: (f) => ({
      targetJobs: 'Agent d’accueil',
      sector: 'Protection sociale',
      steps: null,
      validatedOn: f.today,
    }),
  },
  {
    route: 'POST /api/pathways/:id/immersions',
    caller: 'hr',
    id: (f) => f.newJobSeeker(),
    fields: [
      'employerId',
      'start',
      'end',
      'objective',
      'prescriber',
      'prescriberName',
      'conventionSignedOn',
      'tutorName',
    ],
    body: (f) => ({
      employerId: '00000000-0000-4000-8000-00000000e001',
      start: addDays(f.today, 20),
      end: addDays(f.today, 30),
      objective: 'CONFIRMER_PROJET',
      prescriber: 'AUTRE',
      prescriberName: 'PLIE de Paris',
      conventionSignedOn: f.today,
      tutorName: 'Mme Rivière',
    }),
    fresh: async (f) => ({ employerId: await f.newPartner() }),
  },
  {
    route: 'POST /api/pathways/:id/applications',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: ['employerId', 'employerName', 'position', 'contract', 'sentOn'],
    body: (f) => ({
      employerId: null,
      employerName: 'Mairie du 14e',
      position: 'Agent d’accueil',
      contract: 'CDD',
      sentOn: f.today,
    }),
  },
  {
    route: 'PATCH /api/pathways/applications/:id',
    caller: 'hr',
    id: (f) => f.newApplication(),
    fields: ['status', 'statusOn'],
    body: (f) => ({ status: 'ENTRETIEN', statusOn: f.today }),
  },
  {
    route: 'POST /api/pathways/:id/career-actions',
    caller: 'hr',
    id: async (f) => f.colleagueId,
    fields: [
      'kind',
      'title',
      'provider',
      'plannedStart',
      'plannedEnd',
      'actualStart',
      'actualEnd',
      'hours',
      'funding',
      'status',
    ],
    body: (f) => careerAction(f),
  },
  {
    route: 'PATCH /api/pathways/career-actions/:id',
    caller: 'hr',
    id: (f) => f.newCareerAction(),
    fields: [
      'kind',
      'title',
      'provider',
      'plannedStart',
      'plannedEnd',
      'actualStart',
      'actualEnd',
      'hours',
      'funding',
      'status',
    ],
    body: (f) => careerAction(f),
  },
  {
    route: 'POST /api/partner-employers',
    caller: 'hr',
    fields: ['name', 'sector', 'town', 'contactName', 'contactEmail', 'contactPhone', 'note'],
    body: () => partner('Partenaire'),
    fresh: async (f) => ({ name: `Partenaire ${await f.newPartner()}` }),
  },
  {
    route: 'PATCH /api/partner-employers/:id',
    caller: 'hr',
    id: (f) => f.newPartner(),
    fields: ['name', 'sector', 'town', 'contactName', 'contactEmail', 'contactPhone', 'note'],
    body: () => partner('Partenaire renommé'),
    fresh: async (f) => ({ name: `Renommé ${await f.newPartner()}` }),
  },
  {
    route: 'POST /api/exits',
    caller: 'hr',
    fields: [
      'contractId',
      'exitDate',
      'outcome',
      'jobMonths',
      'neutralisedReason',
      'category',
      'jobContractType',
      'durationBucket',
      'employerSector',
      'detail',
      'certificationObtained',
    ],
    body: (f) => ({
      contractId: '00000000-0000-4000-8000-00000000b004',
      exitDate: addDays(f.today, -1),
      outcome: 'SANS_EMPLOI',
    }),
    fresh: async (f) => ({ contractId: await f.newEndedContract() }),
  },
  {
    route: 'PUT /api/exits/:id/follow-up',
    caller: 'hr',
    id: (f) => f.newExit(),
    fields: ['situation', 'contactedOn'],
    body: (f) => ({ situation: 'SANS_NOUVELLES', contactedOn: f.today }),
  },
  {
    route: 'POST /api/me/week/seen',
    caller: 'mediator',
    fields: ['seenAt'],
    body: () => ({ seenAt: new Date().toISOString() }),
  },
  { route: 'POST /api/me/calendar', caller: 'mediator', fields: [], isBodyIgnored: true },
  {
    route: 'DELETE /api/me/calendar',
    caller: 'mediator',
    fields: [],
    isBodyIgnored: true,
    fresh: async (f) => {
      await f.ensureFeed();
      return {};
    },
  },
  {
    route: 'POST /api/notifications/read-all',
    caller: 'mediator',
    fields: [],
    // Something unread to mark read.
    fresh: async (f) => {
      await f.newNotification();
      return {};
    },
  },
  {
    route: 'POST /api/notifications/:id/read',
    caller: 'mediator',
    id: (f) => f.newNotification(),
    fields: [],
  },
  {
    route: 'POST /api/swaps',
    caller: 'mediator',
    fields: ['shiftId', 'version', 'toPersonId', 'message'],
    body: (f) => ({
      shiftId: '00000000-0000-4000-8000-000000000001',
      version: 1,
      toPersonId: f.colleagueId,
      message: 'Rendez-vous médical.',
    }),
    // A colleague who is a mediator too: a shift is swapped between mediators only.
    fresh: async (f) => ({
      shiftId: await f.newOwnPublishedShift(),
      toPersonId: await f.newMediatorColleague(),
    }),
  },
  {
    route: 'POST /api/open-shifts/:id/claims',
    caller: 'mediator',
    id: (f) => f.newPublishedOpenShift(),
    fields: ['version', 'message'],
    body: () => ({ version: 1 }),
  },
  {
    route: 'POST /api/claims/:id/withdraw',
    caller: 'mediator',
    id: (f) => f.newClaim(),
    fields: [],
  },
  {
    route: 'POST /api/claims/:id/decision',
    caller: 'hr',
    id: (f) => f.newClaim(),
    fields: ['status', 'reply'],
    body: () => ({ status: 'refused', reply: 'Déjà pourvu.' }),
  },
  {
    route: 'POST /api/swaps/:id/accept',
    caller: 'mediator',
    id: (f) => f.newSwap('offered'),
    fields: [],
  },
  {
    route: 'POST /api/swaps/:id/cancel',
    caller: 'mediator',
    id: (f) => f.newSwap('offered'),
    fields: [],
  },
  {
    route: 'POST /api/swaps/:id/decision',
    caller: 'hr',
    id: (f) => f.newSwap('accepted'),
    fields: ['status', 'reply'],
    body: () => ({ status: 'refused', reply: 'Semaine chargée.' }),
  },
];

interface ReadRoute {
  route: string;
  caller: Exclude<Caller, 'fresh-session'>;
  /** A valid query string; every other route takes none. Ids in the path are unknown ones. */
  query?: (f: Fixtures) => Record<string, string>;
}

const READ_ROUTES: ReadRoute[] = [
  { route: 'GET /api/health', caller: 'anonymous' },
  { route: 'GET /api/auth/me', caller: 'mediator' },
  { route: 'GET /api/sites', caller: 'mediator' },
  { route: 'GET /api/organisation/settings', caller: 'admin' },
  {
    route: 'GET /api/people',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, contractType: 'CDI', endingWithinDays: '30' }),
  },
  { route: 'GET /api/people/:id', caller: 'hr' },
  { route: 'GET /api/people/:id/contracts', caller: 'hr' },
  { route: 'GET /api/posts', caller: 'hr', query: (f) => ({ siteId: f.siteId }) },
  { route: 'GET /api/posts/:id', caller: 'hr' },
  { route: 'GET /api/payroll/months/:month', caller: 'hr', query: (f) => ({ siteId: f.siteId }) },
  {
    route: 'GET /api/payroll/months/:month/export.csv',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId }),
  },
  {
    route: 'GET /api/payroll/months/:month/export.xlsx',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId }),
  },
  { route: 'GET /api/payroll/months/:month/people/:personId/statement.pdf', caller: 'hr' },
  { route: 'GET /api/payroll/mapping', caller: 'hr' },
  { route: 'GET /api/me/statements', caller: 'mediator' },
  { route: 'GET /api/me/statements/:month/statement.pdf', caller: 'mediator' },
  { route: 'GET /api/people/:id/loans', caller: 'hr' },
  { route: 'GET /api/people/:id/hr-notes', caller: 'hr' },
  { route: 'GET /api/people/:id/eligibility', caller: 'hr' },
  { route: 'GET /api/pathways/:id/obligations', caller: 'hr' },
  {
    route: 'GET /api/obligations/due',
    caller: 'hr',
    query: (f) => ({ month: f.today.slice(0, 7) }),
  },
  { route: 'GET /api/people/:id/leave-balance', caller: 'hr' },
  { route: 'GET /api/admin/outbox', caller: 'admin', query: () => ({ status: 'dead' }) },
  {
    route: 'GET /api/compliance',
    caller: 'hr',
    query: (f) => ({ personId: f.colleagueId, from: f.today, to: addDays(f.today, 27) }),
  },
  { route: 'GET /api/contracts/ending', caller: 'hr', query: () => ({ months: '3' }) },
  { route: 'GET /api/requests', caller: 'hr', query: () => ({ status: 'pending' }) },
  ...['csv', 'xlsx'].map(
    (format): ReadRoute => ({
      route: `GET /api/exports/people.${format}`,
      caller: 'hr',
      query: (f) => ({ siteId: f.siteId }),
    }),
  ),
  { route: 'GET /api/rota', caller: 'hr', query: (f) => ({ siteId: f.siteId, week: '2031-W10' }) },
  { route: 'GET /api/rota/templates', caller: 'hr', query: (f) => ({ siteId: f.siteId }) },
  {
    route: 'GET /api/rota/history',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, week: '2031-W10' }),
  },
  {
    route: 'GET /api/rota/versions',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, week: '2031-W10' }),
  },
  {
    route: 'GET /api/rota/compare',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, week: '2031-W10', from: 'published', to: 'draft' }),
  },
  {
    route: 'GET /api/rota/batches/last',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, week: '2031-W10' }),
  },
  {
    route: 'GET /api/rota/fixes',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, week: '2031-W10' }),
  },
  {
    route: 'GET /api/rota/candidates',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, requirementId: f.deskId, date: '2031-03-04' }),
  },
  { route: 'GET /api/rota/auto-fill/:id', caller: 'hr' },
  { route: 'GET /api/coverage', caller: 'hr', query: (f) => ({ siteId: f.siteId }) },
  { route: 'GET /api/training/modules', caller: 'hr' },
  {
    route: 'GET /api/training/sessions',
    caller: 'hr',
    query: (f) => ({ from: f.today, to: addDays(f.today, 60) }),
  },
  { route: 'GET /api/training/sessions/:id', caller: 'hr' },
  { route: 'GET /api/me/pathway', caller: 'mediator' },
  { route: 'GET /api/pathways/:id', caller: 'hr' },
  { route: 'GET /api/pathways/:id/summary.pdf', caller: 'hr' },
  { route: 'GET /api/pathways/:id/notes', caller: 'hr' },
  { route: 'GET /api/pathways/:id/certifications', caller: 'hr' },
  { route: 'GET /api/pathways/:id/competences', caller: 'hr' },
  { route: 'GET /api/pathways/evidence/:id', caller: 'hr' },
  { route: 'GET /api/exits', caller: 'hr' },
  { route: 'GET /api/pathways/:id/job-search', caller: 'hr' },
  { route: 'GET /api/partner-employers', caller: 'hr' },
  { route: 'GET /api/reports/exits', caller: 'hr', query: (f) => ({ year: f.today.slice(0, 4) }) },
  { route: 'GET /api/reports/pathways', caller: 'hr' },
  {
    route: 'GET /api/reports/france-services',
    caller: 'hr',
    query: (f) => ({ siteId: f.siteId, month: f.today.slice(0, 7) }),
  },
  {
    route: 'GET /api/reports/subsidised',
    caller: 'hr',
    query: (f) => ({ month: f.today.slice(0, 7) }),
  },
  {
    route: 'GET /api/reports/contrat-pro',
    caller: 'hr',
    query: (f) => ({ month: f.today.slice(0, 7) }),
  },
  { route: 'GET /api/contracts/:id/experience-attestation.pdf', caller: 'hr' },
  { route: 'GET /api/exports/training.xlsx', caller: 'hr' },
  { route: 'GET /api/exports/training.csv', caller: 'hr' },
  { route: 'GET /api/exports/exits.csv', caller: 'hr' },
  { route: 'GET /api/me/week', caller: 'mediator', query: () => ({ week: '2026-W50' }) },
  {
    route: 'GET /api/me/shifts',
    caller: 'mediator',
    query: (f) => ({ from: f.today, to: addDays(f.today, 13) }),
  },
  { route: 'GET /api/me/colleagues', caller: 'mediator' },
  { route: 'GET /api/me/calendar', caller: 'mediator' },
  { route: 'GET /api/calendar/:file', caller: 'anonymous' },
  { route: 'GET /api/notifications', caller: 'mediator' },
  { route: 'GET /api/swaps', caller: 'mediator', query: () => ({ status: 'offered' }) },
  {
    route: 'GET /api/swaps/exchangeable',
    caller: 'mediator',
    query: (f) => ({ toPersonId: f.colleagueId }),
  },
  { route: 'GET /api/open-shifts', caller: 'mediator' },
  { route: 'GET /api/claims', caller: 'mediator', query: () => ({ status: 'pending' }) },
  { route: 'GET /api/pending', caller: 'hr' },
  { route: 'GET /api/pending/count', caller: 'hr' },
];

/** Served by the router on purpose outside this list: the OpenAPI document and Swagger UI. */
const DOCUMENTATION_PREFIX = '/api/docs';

// ---- far dates ----------------------------------------------------------------------------

/** Years no date of the organisation's life falls in: each is refused, never a 5xx. */
const FAR_YEARS = ['9999', '1000', '1900', '2999'];

/** A civil date, an ISO week, an instant or a bare year: what a far year can replace. */
const DATED = /^\d{4}(-\d{2}-\d{2}(T.*)?|-W\d{2})?$/;

/** Every date of a valid body or query moved to `year`, the same for all (order kept). */
function moveDates(
  values: Record<string, unknown>,
  year: string,
): { moved: Record<string, unknown>; fields: string[] } {
  const moved: Record<string, unknown> = { ...values };
  const fields: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && DATED.test(value)) {
      moved[key] = year + value.slice(4);
      fields.push(key);
    }
  }
  return { moved, fields };
}

/** Fixtures' shape, to tell at collection time which valid bodies and queries carry dates. */
const SHAPE = new Proxy({} as Fixtures, {
  get: (_, key) => (key === 'today' ? '2030-01-07' : '00000000-0000-4000-8000-000000000000'),
});

function writeRoute(route: string): WriteRoute {
  const found = WRITE_ROUTES.find((candidate) => candidate.route === route);
  if (!found) throw new Error(`no write route ${route}`);
  return found;
}

// ---- hostile values -----------------------------------------------------------------------

const SQL_LIKE = [
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  '1; SELECT pg_sleep(5) --',
  "x' UNION SELECT password_hash FROM account --",
  '$1',
];
const SCRIPT_LIKE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
];
const UNICODE = ['\u0000', 'a\u0000b', '\uD800', '\u202Eevil', 'e\u0301', '👩🏽‍⚕️', '\uFEFF', 'ǅ'];
const BOUNDARIES = [
  '',
  ' ',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-W54',
  '2026-W00',
  '24:00',
  '23:59',
  '2026-12-01T09:00:00',
  '2026-12-01T09:00:00+01:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '00000000-0000-0000-0000-000000000000',
  'admin',
  'CDI',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...SQL_LIKE, ...SCRIPT_LIKE, ...UNICODE, ...BOUNDARIES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 101, max: 100_000 }).map((length) => 'x'.repeat(length)),
  fc.integer(),
  fc.constantFrom<unknown>(0, -1, 0.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, true, false, null),
  fc.uuid(),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
);

type Attack =
  | { kind: 'replace'; field: string; value: unknown }
  | { kind: 'delete'; field: string }
  | { kind: 'extra'; field: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'id'; id: string }
  | { kind: 'query'; query: string }
  /** A body that is not JSON at all: refused as a whole, no field to name. */
  | { kind: 'raw' }
  /** The valid request itself. */
  | { kind: 'none' };

const extraKey = (fields: string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        'organisationId',
        'isAdmin',
        'id',
        'role',
        'version',
        'status',
        'constructor',
      ),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .filter((key) => !fields.includes(key) && key !== '__proto__');

function attacks(route: WriteRoute, validBody: string[]): fc.Arbitrary<Attack> {
  const options: fc.Arbitrary<Attack>[] = [
    fc.record({
      kind: fc.constant('extra' as const),
      field: extraKey(route.fields),
      value: hostileValue,
    }),
    fc.record({ kind: fc.constant('whole' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({
      kind: fc.constant('query' as const),
      query: fc.oneof(
        fc.constantFrom('%', '%E0%A4%A', 'a[b]=c', 'version=1&version=2', '__proto__[x]=1', '&&=='),
        fc
          .dictionary(
            fc.string({ minLength: 1, maxLength: 10 }),
            fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...SQL_LIKE, ...SCRIPT_LIKE)),
            { maxKeys: 3 },
          )
          .map((params) => new URLSearchParams(params).toString()),
      ),
    }),
  ];
  if (route.fields.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('replace' as const),
        field: fc.constantFrom(...route.fields),
        value: hostileValue,
      }),
    );
  }
  if (validBody.length > 0) {
    options.push(
      fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...validBody) }),
    );
  }
  if (route.id) {
    options.push(
      fc.record({
        kind: fc.constant('id' as const),
        id: fc
          .oneof(
            fc.uuid(),
            fc.string({ minLength: 1, maxLength: 60 }),
            // Up to Fastify's maxParamLength (100); longer ids are the 414 case below.
            fc.constantFrom(...SQL_LIKE, ...SCRIPT_LIKE, '%00', 'x'.repeat(100)),
          )
          // "." and ".." are path segments the URL resolves away: another route, not an id.
          .filter((id) => id !== '.' && id !== '..'),
      }),
    );
  }
  return fc.oneof(...options);
}

const statusClassOf = (status: number) => (status >= 200 && status < 300 ? '2xx' : String(status));

// ---- what every refusal must look like ----------------------------------------------------

const ENGLISH =
  /\b(the|must|should|cannot|not found|invalid|expected|is not|resource|error|body)\b/i;
const FRENCH =
  /[éèêàçùâîôû’]|\b(le|la|les|de|du|des|un|une|est|pas|ce|cette|pour|par|vous|votre|trop|requête|connexion|identifiants|incorrects?|inconnue?s?|introuvable|refusée?|invalide|attendue?|obligatoire|fichier|vide|au|à)\b/i;

/** French, once the quoted user input (« … ») is set aside. */
function isFrench(message: string): boolean {
  const own = message.replace(/«[^»]*»/g, '');
  return FRENCH.test(own) && !ENGLISH.test(own);
}

// Fastify refuses a whole body holding a `__proto__` or `constructor` key (prototype poisoning)
// before any field is read: a French 400 without a field is the expected answer there.
function isPoisoned(attack: Attack): boolean {
  const value = 'value' in attack ? attack.value : undefined;
  return /"(__proto__|constructor)"\s*:/.test(JSON.stringify(value) ?? '');
}

function problems(response: ApiResponse, attack: Attack): string[] {
  const found: string[] = [];
  const { status } = response;
  if (status >= 500) found.push(`${status} server error`);
  if (status < 400) return found;
  const body = response.body as Partial<ApiError> | undefined;
  if (!body || typeof body !== 'object') return [...found, `not a JSON error: ${String(body)}`];
  if (body.statusCode !== status) found.push(`statusCode ${body.statusCode} ≠ ${status}`);
  if (typeof body.error !== 'string') found.push('no error text');
  if (typeof body.message !== 'string' || !isFrench(body.message))
    found.push(`message not French: ${JSON.stringify(body.message)}`);
  if (status === 400 && attack.kind !== 'raw' && !isPoisoned(attack)) {
    const details = body.details as FieldError[] | undefined;
    const fields = Array.isArray(details) ? details.map((detail) => detail.field) : [];
    if (fields.length === 0 || fields.some((field) => typeof field !== 'string'))
      found.push(`400 without named fields: ${JSON.stringify(body)}`);
    const named =
      attack.kind === 'id'
        ? 'id'
        : attack.kind === 'replace' || attack.kind === 'delete' || attack.kind === 'extra'
          ? attack.field
          : undefined;
    if (named && !fields.some((field) => field === named || field.startsWith(`${named}.`)))
      found.push(`400 does not name « ${named} »: ${JSON.stringify(fields)}`);
  }
  return found;
}

fc.configureGlobal({ seed: FUZZ_SEED });
console.info(
  `hostile input: ${NUM_RUNS} runs per route, seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED}${IS_DEEP ? ' FUZZ=deep' : ''})`,
);

// Thirty fuzzed requests on a route whose valid request builds a week of its own (the fixes of a
// rest breach, an auto-fill) take most of a minute on a loaded 2-core machine: twice the default.
jest.setTimeout(120_000);

describe('hostile input on every write route', () => {
  let t: TestApp;
  let f: Fixtures;
  let tables: string[];
  const cookies: Partial<Record<Caller, string>> = {};

  const query = <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    t.dataSource.query(sql, params);

  async function mintSession(email: string): Promise<string> {
    const token = newSessionToken();
    const secret = t.app.get<AppConfig>(APP_CONFIG).sessionSecret;
    await query(
      `INSERT INTO session (account_id, token_hash, expires_at) SELECT id, $2, now() + interval '1 hour' FROM account WHERE email = $1`,
      [email, hashSessionToken(token, secret)],
    );
    return `${SESSION_COOKIE}=${token}`;
  }

  /**
   * The state of every table: its row count, and for the tables in `hashed` a hash of its rows in
   * any order too, so that an update a refusal left behind shows as well as an insert or a delete.
   */
  async function tableStates(hashed: string[]): Promise<Record<string, string>> {
    const [row] = await query<Record<string, string>>(
      `SELECT ${tables
        .map((table) =>
          hashed.includes(table)
            ? `(SELECT count(*) || ' rows ' || md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), '')) FROM "${table}" r) AS "${table}"`
            : `(SELECT count(*) || ' rows' FROM "${table}") AS "${table}"`,
        )
        .join(', ')}`,
    );
    return row;
  }

  /**
   * The tables a route writes, learnt once from its valid request (hashing them all before and
   * after it): the ones whose rows a refusal of that route could have half-changed.
   */
  const touched = new Map<string, string[]>();
  async function touchedTables(route: WriteRoute): Promise<string[]> {
    const known = touched.get(route.route);
    if (known) return known;
    const { response, before } = await send(route, { kind: 'none' }, tables);
    const after = await tableStates(tables);
    if (response.status >= 300)
      throw new Error(`${route.route}: its valid request was refused (${response.status})`);
    const written = tables.filter((table) => after[table] !== before[table]);
    touched.set(route.route, written);
    return written;
  }

  /** The route's path, its ids unknown ones (a read's query is what these specs attack). */
  function readPath(route: ReadRoute): string {
    return route.route
      .split(' ')[1]
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':file', 'inconnu.ics')
      .replace(':month', '2025-11')
      .replace(':personId', '00000000-0000-4000-8000-000000000000');
  }

  /** A far date must be a French 400 naming one of the fields that carried it. */
  function farDateProblems(response: ApiResponse<ApiError>, fields: string[]): string[] {
    const found = problems(response, { kind: 'raw' });
    if (response.status !== 400) return [...found, `${response.status} instead of 400`];
    const named = (response.body.details as FieldError[] | undefined)?.map((d) => d.field) ?? [];
    if (!named.some((field) => fields.includes(field)))
      found.push(`400 names ${JSON.stringify(named)}, none of ${JSON.stringify(fields)}`);
    return found;
  }

  beforeAll(async () => {
    t = await startTestApp();
    tables = (
      await query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    )
      .map((row) => row.table_name)
      // Failed logins are counted on purpose (throttling), like refusals in the audit log.
      .filter((table) => table !== 'login_throttle');
    const [organisation] = await query(`SELECT id FROM organisation`);
    const [site] = await query(`SELECT id FROM site WHERE code = 'S'`);
    const [desk] = await query(`SELECT id FROM location WHERE code = 'S'`);
    const [outreach] = await query(
      `INSERT INTO location (organisation_id, site_id, code, name, kind, address) VALUES ($1, $2, 'OUT-S-FUZZ', 'Cité', 'outreach', '1 rue du Test') RETURNING id`,
      [organisation.id, site.id],
    );
    const [colleague] = await query(
      `SELECT p.id FROM person p JOIN contract c ON c.person_id = p.id WHERE p.home_site_id = $1
         AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id AND a.email LIKE '%@relais.demo')
       ORDER BY p.last_name LIMIT 1`,
      [site.id],
    );
    let n = 0;
    const [module] = await query(`SELECT id FROM training_module WHERE code = 'T12'`);
    await query(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Sortant', 'Fuzz', $2)`,
      [organisation.id, site.id],
    );
    const insert = async (sql: string, params: unknown[]) =>
      (await query<{ id: string }>(`${sql} RETURNING id`, params))[0].id;
    const [otherSite] = await query(
      'SELECT id FROM site WHERE organisation_id = $1 AND id <> $2 ORDER BY code LIMIT 1',
      [organisation.id, site.id],
    );
    let lastBreach: { week: string; fixId: string; shiftIds: string[] } | undefined;
    /** A shift of Paris Sud, 3 hours from `start` on `day`, in its site-week's publication. */
    const publishedShift = async (
      day: string,
      personId: string | null,
      start = '09:00',
    ): Promise<string> => {
      const from = toZonedIso(zonedInstant(day, start, 'Europe/Paris'));
      const until = toZonedIso(
        zonedInstant(day, `${Number(start.slice(0, 2)) + 3}:00`, 'Europe/Paris'),
      );
      const shiftId = await insert(
        `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, version) VALUES ($1, $2, $3, $4, 'back_office', $5, $6, 1)`,
        [organisation.id, site.id, personId, desk.id, from, until],
      );
      const snapshot = {
        id: shiftId,
        siteId: site.id,
        personId,
        locationId: desk.id,
        activity: 'back_office',
        start: from,
        end: until,
        breakMinutes: 0,
        note: null,
        version: 1,
        isChangedSincePublication: false,
      };
      const [siteWeek] = await query<{ id: string }>(
        `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at) VALUES ($1, $2, $3, 'published', 1, now())
         ON CONFLICT (site_id, week) DO UPDATE SET status = 'published' RETURNING id`,
        [organisation.id, site.id, isoWeekOf(day)],
      );
      await query(
        `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts) VALUES ($1, $2, 1, $3)
         ON CONFLICT (site_week_id, version) DO UPDATE SET shifts = rota_publication.shifts || EXCLUDED.shifts`,
        [organisation.id, siteWeek.id, JSON.stringify([snapshot])],
      );
      return shiftId;
    };
    f = {
      today: todayIn(),
      siteId: site.id,
      otherSiteId: otherSite.id,
      deskId: desk.id,
      outreachId: outreach.id,
      colleagueId: colleague.id,
      newShift: () => {
        const day = addDays(FAR_MONDAY, 7 + (++n % 5));
        return insert(
          `INSERT INTO shift (organisation_id, site_id, location_id, activity, start_at, end_at, version) VALUES ($1, $2, $3, 'meeting', $4, $5, 1)`,
          [organisation.id, site.id, desk.id, `${day}T09:00:00+01:00`, `${day}T10:00:00+01:00`],
        );
      },
      newLoan: () =>
        insert(
          `INSERT INTO site_loan (organisation_id, person_id, site_id, from_date, until_date) VALUES ($1, $2, $3, $4, $4)`,
          [organisation.id, colleague.id, otherSite.id, addDays(todayIn(), 200 + ++n)],
        ),
      newContract: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Fuzz', $2, $3)`,
          [organisation.id, `Contrat ${++n}`, site.id],
        );
        return insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
          [organisation.id, personId, addDays(todayIn(), 30)],
        );
      },
      newPecContract: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Fuzz', $2, $3)`,
          [organisation.id, `PEC ${++n}`, site.id],
        );
        return insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'PEC', $3, $4, 26)`,
          [organisation.id, personId, addDays(todayIn(), 30), addDays(todayIn(), 360)],
        );
      },
      newObligationRecord: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Fuzz', $2, $3)`,
          [organisation.id, `PEC ${++n}`, site.id],
        );
        const contractId = await insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'PEC', $3, $4, 26)`,
          [organisation.id, personId, addDays(todayIn(), 30), addDays(todayIn(), 360)],
        );
        return insert(
          `INSERT INTO contract_obligation (organisation_id, contract_id, code, done_on) VALUES ($1, $2, 'PEC_TRIPARTITE', $3)`,
          [organisation.id, contractId, todayIn()],
        );
      },
      newHrNote: () =>
        insert(
          `INSERT INTO hr_note (organisation_id, person_id, author_name, text) VALUES ($1, $2, 'RH', 'Note fuzz.')`,
          [organisation.id, colleague.id],
        ),
      newSkill: () =>
        insert(
          `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on) VALUES ($1, $2, 'sst', '2025-01-01')`,
          [organisation.id, colleague.id],
        ),
      newRequest: () =>
        insert(
          `INSERT INTO staff_request (organisation_id, person_id, kind, start_date, end_date) VALUES ($1, $2, 'unavailability', $3, $3)`,
          [organisation.id, colleague.id, addDays(todayIn(), 100 + ++n)],
        ),
      newAutoFillJob: (status = 'done') =>
        insert(
          `INSERT INTO auto_fill_job (organisation_id, created_by, site_ids, week, mode, status, time_limit_seconds, proposal)
           VALUES ($1, $2, ARRAY[$3]::uuid[], '2032-W10', 'fill', $4, 1, $5)`,
          [organisation.id, organisation.id, site.id, status, JSON.stringify(EMPTY_PROPOSAL)],
        ),
      autoFillJobsDone: async () => {
        // The fixtures' own jobs (created by the organisation's id) run nowhere: not waited for.
        for (let attempt = 0; attempt < 300; attempt++) {
          const [running] = await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM auto_fill_job WHERE status = 'running' AND created_by <> $1`,
            [organisation.id],
          );
          if (running.n === 0) return;
          await new Promise((done) => setTimeout(done, 100));
        }
        throw new Error('auto-fill jobs still running after 30 s');
      },
      newAccountHolder: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Fuzz', $2, $3)`,
          [organisation.id, `Compte ${++n}`, site.id],
        );
        const accountId = await insert(
          `INSERT INTO account (organisation_id, person_id, email, role) VALUES ($1, $2, $3, 'mediator')`,
          [organisation.id, personId, `fuzz-${n}@relais.test`],
        );
        return { personId, accountId };
      },
      trainingModuleId: module.id,
      newContractHolder: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Titulaire', $2, $3)`,
          [organisation.id, `Fuzz ${++n}`, site.id],
        );
        const contractId = await insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
          [organisation.id, personId, addDays(todayIn(), -200)],
        );
        return { personId, contractId };
      },
      newEndedContract: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Sortant', $2, $3)`,
          [organisation.id, `Fuzz ${++n}`, site.id],
        );
        return insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'CDD', $3, $4, 35)`,
          [organisation.id, personId, addDays(todayIn(), -200), addDays(todayIn(), -1)],
        );
      },
      newLinkToken: async () => {
        const { accountId } = await f.newAccountHolder();
        const token = newSessionToken();
        await query(
          `INSERT INTO one_time_token (account_id, purpose, token_hash, expires_at) VALUES ($1, 'invitation', $2, now() + interval '1 day')`,
          [accountId, hashSessionToken(token, t.app.get<AppConfig>(APP_CONFIG).sessionSecret)],
        );
        return token;
      },
      newBatch: async () => {
        const shiftId = await f.newShift();
        return insert(
          `INSERT INTO rota_batch (organisation_id, site_id, week, kind, label, entries) VALUES ($1, $2, $3, 'copy', 'Copie', $4)`,
          [
            organisation.id,
            site.id,
            isoWeekOf(FAR_MONDAY),
            JSON.stringify([{ shiftId, op: 'create', before: null, version: 1 }]),
          ],
        );
      },
      ensureFeed: async () => {
        await query(
          `INSERT INTO calendar_feed (organisation_id, person_id, token_hash)
           SELECT organisation_id, person_id, $2 FROM account WHERE email = $1
           ON CONFLICT (person_id) DO NOTHING`,
          [EMAILS.mediator, newSessionToken()],
        );
      },
      newOwnPublishedShift: async () => {
        const [mediator] = await query(`SELECT person_id FROM account WHERE email = $1`, [
          EMAILS.mediator,
        ]);
        const k = ++n;
        const day = addDays(FAR_MONDAY, 70 + Math.floor(k / 5) * 7 + (k % 5));
        return publishedShift(day, mediator.person_id);
      },
      newMediatorColleague: async () => {
        const { personId } = await f.newAccountHolder();
        await query(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', '2024-01-01', 35)`,
          [organisation.id, personId],
        );
        return personId;
      },
      newPublishedOpenShift: () => {
        // Weekdays of the coming weeks, two a day, within the mediator's contract.
        const slot = ++n;
        const day = addDays(
          windowOfIsoWeek(isoWeekOf(addDays(todayIn(), 21))).from,
          Math.floor(slot / 10) * 7 + (Math.floor(slot / 2) % 5),
        );
        return publishedShift(day, null, slot % 2 === 0 ? '08:00' : '14:00');
      },
      newNoticeChange: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Accord', $2, $3)`,
          [organisation.id, `Fuzz ${++n}`, site.id],
        );
        await query(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', '2024-01-01', 24)`,
          [organisation.id, personId],
        );
        const day = addDays(windowOfIsoWeek('2036-W01').from, 7 * n);
        const shiftId = await publishedShift(day, personId);
        await query(
          `UPDATE shift SET start_at = start_at + interval '1 hour', end_at = end_at + interval '1 hour',
                  version = 2 WHERE id = $1`,
          [shiftId],
        );
        return { week: isoWeekOf(day), personId };
      },
      newRestBreachFix: async () => {
        // Finding the fixes takes a second: the last breach serves again until a fix of it was
        // applied (which changes one of its two shifts).
        if (lastBreach) {
          const [unchanged] = await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM shift WHERE id = ANY($1) AND version = 1`,
            [lastBreach.shiftIds],
          );
          if (unchanged.n === 2) return { week: lastBreach.week, fixId: lastBreach.fixId };
        }
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Repos', $2, $3)`,
          [organisation.id, `Fuzz ${++n}`, site.id],
        );
        await query(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', '2024-01-01', 35)`,
          [organisation.id, personId],
        );
        const monday = addDays(windowOfIsoWeek('2034-W01').from, 7 * n);
        const week = isoWeekOf(monday);
        // Until 22:00, then back at 08:00: 10 hours of rest instead of 11.
        const shiftIds: string[] = [];
        for (const [day, start, end] of [
          [monday, '13:30', '22:00'],
          [addDays(monday, 1), '08:00', '12:00'],
        ]) {
          const shiftId = await insert(
            `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, version) VALUES ($1, $2, $3, $4, 'back_office', $5, $6, 1)`,
            [
              organisation.id,
              site.id,
              personId,
              desk.id,
              toZonedIso(zonedInstant(day, start, 'Europe/Paris')),
              toZonedIso(zonedInstant(day, end, 'Europe/Paris')),
            ],
          );
          shiftIds.push(shiftId);
        }
        const fixes = await t.request<ViolationFixes[]>(
          'GET',
          `/api/rota/fixes?siteId=${site.id}&week=${week}`,
          { cookie: cookies.hr },
        );
        const entry = fixes.body.find(
          (item) => item.violation.rule === 'DAILY_REST' && item.violation.personId === personId,
        );
        if (!entry?.fixes[0]) throw new Error('no fix for the rest breach');
        lastBreach = { week, fixId: entry.fixes[0].id, shiftIds };
        return { week, fixId: entry.fixes[0].id };
      },
      newExit: () =>
        insert(
          `INSERT INTO exit_record (organisation_id, display_name, contract_type, exit_date, category, follow_up_due)
           VALUES ($1, 'Sortant fuzz', 'CDD', $2, 'AUTRE_SORTIE', $3)`,
          [organisation.id, addDays(todayIn(), -213), addDays(todayIn(), -31)],
        ),
      newTrainingSession: (day?: string) =>
        insert(
          `INSERT INTO training_session (organisation_id, module_id, site_id, location_id, start_at, end_at, capacity)
           VALUES ($1, $2, $3, $4, $5, $6, 50)`,
          [
            organisation.id,
            module.id,
            site.id,
            desk.id,
            `${day ?? addDays(FAR_MONDAY, 30 + ++n)}T09:00:00+01:00`,
            `${day ?? addDays(FAR_MONDAY, 30 + n)}T12:00:00+01:00`,
          ],
        ),
      newEnrolment: async (status = 'enrolled') => {
        const session = await f.newTrainingSession(addDays(todayIn(), -30 - ++n));
        return insert(
          `INSERT INTO training_enrolment (organisation_id, session_id, person_id, status) VALUES ($1, $2, $3, $4)`,
          [organisation.id, session, colleague.id, status],
        );
      },
      newJobSeeker: async () => {
        const personId = await insert(
          `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, 'Fuzz', $2, $3)`,
          [organisation.id, `Emploi ${++n}`, site.id],
        );
        await insert(
          `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
          [organisation.id, personId, addDays(todayIn(), -100)],
        );
        return personId;
      },
      newPartner: () =>
        insert(`INSERT INTO partner_employer (organisation_id, name) VALUES ($1, $2)`, [
          organisation.id,
          `Partenaire fuzz ${++n}`,
        ]),
      newApplication: () =>
        insert(
          `INSERT INTO job_application (organisation_id, person_id, employer_name, position, contract, sent_on, status, status_on)
           VALUES ($1, $2, 'Mairie', 'Agent d’accueil', 'CDI', $3, 'ENVOYEE', $3)`,
          [organisation.id, colleague.id, addDays(todayIn(), -10)],
        ),
      newCareerAction: () =>
        insert(
          `INSERT INTO career_action (organisation_id, person_id, kind, title, status) VALUES ($1, $2, 'CPF', 'Permis B', 'ENVISAGEE')`,
          [organisation.id, colleague.id],
        ),
      newMilestone: async () => {
        const person = await f.newAccountHolder();
        const plan = await insert(
          `INSERT INTO pathway_plan (organisation_id, person_id, contract_type) VALUES ($1, $2, 'PEC')`,
          [organisation.id, person.personId],
        );
        return insert(
          `INSERT INTO pathway_milestone (organisation_id, plan_id, code, title, position, due_on) VALUES ($1, $2, 'P00', 'Diagnostic', 0, $3)`,
          [organisation.id, plan, todayIn()],
        );
      },
      newEvidence: async () =>
        insert(
          `INSERT INTO pathway_evidence (organisation_id, milestone_id, file_name, media_type, size_bytes, content)
           VALUES ($1, $2, 'preuve.pdf', 'application/pdf', 5, '\\x255044462d'::bytea)`,
          [organisation.id, await f.newMilestone()],
        ),
      newNotification: () =>
        insert(
          `INSERT INTO notification (organisation_id, person_id, kind, title, body) SELECT organisation_id, person_id, 'reminder', 'Rappel', 'Fuzz' FROM account WHERE email = $1`,
          [EMAILS.mediator],
        ),
      newSwap: async (status) => {
        const day = addDays(FAR_MONDAY, 14 + (++n % 5));
        const shiftId = await insert(
          `INSERT INTO shift (organisation_id, site_id, location_id, activity, start_at, end_at, version) VALUES ($1, $2, $3, 'meeting', $4, $5, 1)`,
          [organisation.id, site.id, desk.id, `${day}T09:00:00+01:00`, `${day}T10:00:00+01:00`],
        );
        return insert(
          `INSERT INTO shift_swap (organisation_id, shift_id, shift_version, from_person_id, to_person_id, status)
           SELECT $1, $2, 1, $3, person_id, $4 FROM account WHERE email = $5`,
          [organisation.id, shiftId, colleague.id, status, EMAILS.mediator],
        );
      },
      newClosedMonth: async () => {
        const { personId } = await f.newContractHolder();
        const month = `${1900 + ++n}-11`;
        const quantities = Object.fromEntries(PAYROLL_CODES.map((code) => [code, 0]));
        await query(
          `INSERT INTO payroll_month (organisation_id, month, snapshot) VALUES ($1, $2, $3)`,
          [
            organisation.id,
            month,
            JSON.stringify([
              {
                personId,
                name: 'Fuzz',
                payrollId: null,
                siteId: null,
                siteName: null,
                contracts: '',
                quantities,
                adjustments: [],
                statement: { sentAt: null, signedAt: null },
              },
            ]),
          ],
        );
        return { month, personId };
      },
      newMyStatement: async () => {
        const [mediator] = await query(`SELECT person_id FROM account WHERE email = $1`, [
          EMAILS.mediator,
        ]);
        const month = `${1900 + ++n}-12`;
        await query(
          `INSERT INTO payroll_month (organisation_id, month, snapshot) VALUES ($1, $2, '[]')`,
          [organisation.id, month],
        );
        await query(
          `INSERT INTO hours_statement (organisation_id, person_id, month) VALUES ($1, $2, $3)`,
          [organisation.id, mediator.person_id, month],
        );
        return month;
      },
      newClaim: async () => {
        const day = addDays(FAR_MONDAY, 21 + (++n % 5));
        const shiftId = await insert(
          `INSERT INTO shift (organisation_id, site_id, location_id, activity, start_at, end_at, version) VALUES ($1, $2, $3, 'accueil', $4, $5, 1)`,
          [organisation.id, site.id, desk.id, `${day}T09:00:00+01:00`, `${day}T10:00:00+01:00`],
        );
        return insert(
          `INSERT INTO open_shift_claim (organisation_id, shift_id, shift_version, person_id)
           SELECT $1, $2, 1, person_id FROM account WHERE email = $3`,
          [organisation.id, shiftId, EMAILS.mediator],
        );
      },
    };
    // Sessions written directly: the login rate limit is left whole for the login route's own runs.
    for (const caller of ['admin', 'hr', 'mediator'] as const) {
      cookies[caller] = await mintSession(EMAILS[caller]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  /** `METHOD /path` of every route the router serves with one of `methods`. */
  function servedRoutes(methods: string[]): string[] {
    const tree: string = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    const routes = new Set<string>();
    const stack: string[] = [];
    for (const line of tree.split('\n')) {
      const match = /^(.*?)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = match[1].length / 4;
      stack.length = depth;
      stack[depth] = (stack[depth - 1] ?? '') + match[2];
      for (const method of match[3]?.split(', ') ?? []) {
        if (methods.includes(method)) routes.add(`${method} ${stack[depth]}`);
      }
    }
    return [...routes].sort();
  }

  it('has a hostile-input spec for every write route the router serves', () => {
    expect(servedRoutes(['POST', 'PUT', 'PATCH', 'DELETE'])).toEqual(
      WRITE_ROUTES.map((route) => route.route).sort(),
    );
  });

  it('has a hostile-input spec for every read route the router serves', () => {
    const reads = servedRoutes(['GET']).filter(
      (route) => route.startsWith('GET /api/') && !route.startsWith(`GET ${DOCUMENTATION_PREFIX}`),
    );
    expect(reads).toEqual(READ_ROUTES.map((route) => route.route).sort());
  });

  /** The tables' state before a request of the route, once what earlier ones started has ended. */
  async function statesBefore(route: WriteRoute): Promise<Record<string, string>> {
    await route.settle?.(f);
    return tableStates(await touchedTables(route));
  }

  /** Sends `attack` on the route's valid request; `before` is the tables' state just before it. */
  async function send(
    route: WriteRoute,
    attack: Attack,
    hashed?: string[],
  ): Promise<{ response: ApiResponse; before: Record<string, string> }> {
    const hashedTables = hashed ?? (await touchedTables(route));
    const [method, template] = route.route.split(' ');
    const id = route.id ? await route.id(f) : undefined;
    const cookie =
      route.caller === 'fresh-session'
        ? await mintSession(EMAILS.hr)
        : cookies[route.caller as keyof typeof cookies];
    let path = template.replace(
      ':id',
      encodeURIComponent(attack.kind === 'id' ? attack.id : (id ?? '')),
    );
    const params = new URLSearchParams(route.query);
    path +=
      attack.kind === 'query'
        ? `?${[params.toString(), attack.query].filter(Boolean).join('&')}`
        : params.size
          ? `?${params}`
          : '';
    let body: unknown = route.body?.(f);
    const fresh = await route.fresh?.(f);
    if (fresh && (body !== undefined || Object.keys(fresh).length > 0))
      body = { ...(body as object), ...fresh };
    if (attack.kind === 'replace') body = { ...(body as object), [attack.field]: attack.value };
    if (attack.kind === 'extra') body = { ...(body as object), [attack.field]: attack.value };
    if (attack.kind === 'delete') {
      const rest: Record<string, unknown> = { ...(body as object) };
      delete rest[attack.field];
      body = rest;
    }
    if (attack.kind === 'whole') body = attack.value;
    await route.settle?.(f);
    const before = await tableStates(hashedTables);
    const response = await t.request(method, path, { body, cookie });
    return { response, before };
  }

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    '%s: accepts its valid request, run after run, so that the attacks start from a write',
    async (_, route) => {
      const answers: { status: string; message?: string }[] = [];
      for (let run = 0; run < 2; run++) {
        const { response } = await send(route, { kind: 'none' });
        const status = statusClassOf(response.status);
        answers.push(
          status === '2xx' ? { status } : { status, message: (response.body as ApiError).message },
        );
      }
      expect(answers).toEqual([{ status: '2xx' }, { status: '2xx' }]);
      // And it writes: the tables whose rows the attacks must then leave as they were.
      expect(await touchedTables(route)).not.toEqual([]);
    },
  );

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    '%s: no 5xx, French errors naming the field, nothing half-written',
    async (_, route) => {
      const validFields = Object.keys(route.body?.(f) ?? {});
      await fc.assert(
        fc.asyncProperty(attacks(route, validFields), async (attack) => {
          const { response, before } = await send(route, attack);
          const found = problems(response, attack);
          if (response.status >= 300) {
            const after = await tableStates(await touchedTables(route));
            if (route.isRefusalAudited) {
              before['audit_event'] = after['audit_event'];
            }
            for (const table of tables) {
              if (after[table] !== before[table])
                found.push(
                  `${table}: ${before[table]} → ${after[table]} after a ${response.status}`,
                );
            }
          }
          // A message, not a diff: attacks carry values of 100 KB that a diff would take ages on.
          if (found.length > 0)
            throw new Error(
              `${JSON.stringify(attack).slice(0, 300)} → ${response.status}: ${found.join('; ')}`,
            );
        }),
        { numRuns: NUM_RUNS },
      );
    },
  );

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    '%s: refuses a body over its limit (64 KB unless stated) with 413 before anything else, even without a session',
    async (_, route) => {
      const [method, template] = route.route.split(' ');
      const before = await statesBefore(route);
      const response = await t.request<ApiError>(
        method,
        template.replace(':id', '00000000-0000-4000-8000-000000000000'),
        {
          body: { note: 'x'.repeat((route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT) + 44 * 1024) },
        },
      );
      expect(response.status).toBe(413);
      expect(problems(response, { kind: 'raw' })).toEqual([]);
      expect(await tableStates(await touchedTables(route))).toEqual(before);
    },
  );

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    '%s: reads a body just under its limit (no 413, no 5xx)',
    async (_, route) => {
      const [method, template] = route.route.split(' ');
      const limit = route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
      const response = await t.request<ApiError>(
        method,
        template.replace(':id', '00000000-0000-4000-8000-000000000000'),
        // `{"note":"…"}` is 11 bytes around the text.
        { body: { note: 'x'.repeat(limit - 11) } },
      );
      expect(response.status).not.toBe(413);
      expect(problems(response, { kind: 'raw' })).toEqual([]);
    },
  );

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    `%s: refuses bodies nested deeper than ${MAX_JSON_DEPTH} or of over ${MAX_JSON_ITEMS} values with a French 400, with or without a session`,
    async (_, route) => {
      const [method, template] = route.route.split(' ');
      const path = template.replace(':id', '00000000-0000-4000-8000-000000000000');
      const cookie = route.caller === 'fresh-session' ? await mintSession(EMAILS.hr) : cookies.hr;
      const before = await statesBefore(route);
      const bodies = [
        // 10 KB: under every route's limit, even the open routes' one.
        '['.repeat(5000) + ']'.repeat(5000),
        '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
        `{"note":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`,
        `{"note":[${'{"a":'.repeat(40)}1${'}'.repeat(40)}]}`,
        `[${'0,'.repeat(5000)}0]`,
        `{"note":[${'[],'.repeat(MAX_JSON_ITEMS)}[]]}`,
      ];
      for (const rawBody of bodies) {
        // Over the route's limit (25 KB of `{"a":` on an open route): refused unread, a 413.
        const status = rawBody.length > (route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT) ? 413 : 400;
        for (const caller of [undefined, cookie]) {
          const response = await t.request<ApiError>(method, path, {
            rawBody,
            cookie: caller,
            headers: { 'content-type': 'application/json' },
          });
          expect({
            status: response.status,
            problems: problems(response, { kind: 'raw' }),
          }).toEqual({ status, problems: [] });
          if (status === 413) continue;
          const problem = rawBody.includes(',')
            ? `trop d’éléments (${MAX_JSON_ITEMS} au plus)`
            : `imbrication trop profonde (${MAX_JSON_DEPTH} niveaux au plus)`;
          expect(response.body.message).toBe(`Corps de requête invalide : ${problem}.`);
          expect(response.body.details).toEqual([{ field: 'body', message: problem }]);
        }
      }
      expect(await tableStates(await touchedTables(route))).toEqual(before);
      // Brackets and commas inside strings are text: no refusal of the shape for this one.
      const text = await t.request<ApiError>(method, path, {
        rawBody: `{"note":"\\"${'['.repeat(5000)}${'{,'.repeat(5000)}"}`,
        cookie,
        headers: { 'content-type': 'application/json' },
      });
      expect(problems(text, { kind: 'raw' })).toEqual([]);
      expect(String(JSON.stringify(text.body))).not.toMatch(/imbrication|trop d’éléments/);
    },
  );

  it.each(
    WRITE_ROUTES.filter(
      (route) => moveDates(route.body?.(SHAPE) ?? {}, '9999').fields.length > 0,
    ).map((route) => [route.route, route] as const),
  )('%s: refuses its dates moved to a far year with a French 400 naming one', async (_, route) => {
    const [method, template] = route.route.split(' ');
    const found: string[] = [];
    for (const year of FAR_YEARS) {
      const id = route.id ? await route.id(f) : '';
      const { moved, fields } = moveDates(route.body?.(f) ?? {}, year);
      const cookie =
        route.caller === 'fresh-session'
          ? await mintSession(EMAILS.hr)
          : cookies[route.caller as keyof typeof cookies];
      const before = await statesBefore(route);
      const params = new URLSearchParams(route.query);
      const response = await t.request<ApiError>(
        method,
        template.replace(':id', id) + (params.size ? `?${params}` : ''),
        { body: moved, cookie },
      );
      const after = await tableStates(await touchedTables(route));
      if (route.isRefusalAudited) before['audit_event'] = after['audit_event'];
      found.push(...farDateProblems(response, fields).map((issue) => `${year}: ${issue}`));
      if (JSON.stringify(after) !== JSON.stringify(before)) found.push(`${year}: rows changed`);
    }
    expect(found).toEqual([]);
  });

  it.each(
    READ_ROUTES.filter(
      (route) => route.query && moveDates(route.query(SHAPE), '9999').fields.length,
    ).map((route) => [route.route, route] as const),
  )('%s: refuses its dates moved to a far year with a French 400 naming one', async (_, route) => {
    const found: string[] = [];
    for (const year of FAR_YEARS) {
      const { moved, fields } = moveDates(route.query?.(f) ?? {}, year);
      const response = await t.request<ApiError>(
        'GET',
        `${readPath(route)}?${new URLSearchParams(moved as Record<string, string>)}`,
        { cookie: cookies[route.caller as keyof typeof cookies] },
      );
      found.push(...farDateProblems(response, fields).map((issue) => `${year}: ${issue}`));
    }
    expect(found).toEqual([]);
  });

  it.each(READ_ROUTES.map((route) => [route.route, route] as const))(
    '%s: every query parameter survives the edge values',
    async (_, route) => {
      const valid = route.query?.(f) ?? {};
      const found: string[] = [];
      // An unknown parameter too: a route with no query must ignore or refuse it, never break.
      for (const field of new Set([...Object.keys(valid), 'from'])) {
        for (const value of EDGE_VALUES) {
          // Past Node's header size the server closes the connection before any route runs.
          if (String(value).length > 1000) continue;
          const query = new URLSearchParams({ ...valid, [field]: String(value) });
          const response = await t.request<ApiError>('GET', `${readPath(route)}?${query}`, {
            cookie: cookies[route.caller as keyof typeof cookies],
          });
          const attack: Attack =
            field in valid ? { kind: 'replace', field, value } : { kind: 'raw' };
          found.push(
            ...problems(response, attack).map(
              (issue) => `${field} = ${JSON.stringify(value).slice(0, 40)}: ${issue}`,
            ),
          );
        }
      }
      expect(found).toEqual([]);
    },
  );

  // The far dates of the security review (issue #12, finding 4), each a 500 before.
  it.each([
    ['GET', '/api/rota', { week: '9999-W01' }, 'week'],
    ['GET', '/api/rota', { week: '1000-W01' }, 'week'],
    ['GET', '/api/rota/history', { week: '9999-W01' }, 'week'],
    ['GET', '/api/rota/compare', { week: '9999-W01', from: 'draft', to: 'published' }, 'week'],
    ['GET', '/api/me/shifts', { from: '9999-12-01', to: '9999-12-14' }, 'from'],
    ['GET', '/api/compliance', { from: '9999-01-01', to: '9999-12-31' }, 'from'],
    [
      'POST',
      '/api/shifts',
      { start: '1900-03-05T09:00:00+01:00', end: '1900-03-05T12:00:00+01:00' },
      'start',
    ],
    [
      'POST',
      '/api/shifts',
      { start: '9999-03-01T09:00:00+01:00', end: '9999-03-01T12:00:00+01:00' },
      'start',
    ],
    ['POST', '/api/rota/publish', { week: '9999-W01' }, 'week'],
  ] as const)('%s %s %j: a French 400 naming « %s »', async (method, path, values, field) => {
    const route =
      method === 'GET'
        ? READ_ROUTES.find((candidate) => candidate.route === `GET ${path}`)
        : writeRoute(`POST ${path}`);
    const valid =
      (method === 'GET' ? (route as ReadRoute).query?.(f) : (route as WriteRoute).body?.(f)) ?? {};
    const merged = { ...valid, ...values };
    const response =
      method === 'GET'
        ? await t.request<ApiError>(
            method,
            `${path}?${new URLSearchParams(merged as Record<string, string>)}`,
            {
              cookie: cookies.hr,
            },
          )
        : await t.request<ApiError>(method, path, { body: merged, cookie: cookies.hr });
    expect(response.status).toBe(400);
    expect(
      problems(response, { kind: 'replace', field, value: values[field as keyof typeof values] }),
    ).toEqual([]);
    expect(response.body.details).toContainEqual({
      field,
      message: expect.stringMatching(/hors de la plage admise \(2000 à 2100\)/),
    });
  });

  it.each(WRITE_ROUTES.map((route) => [route.route, route] as const))(
    '%s: refuses malformed JSON and prototype poisoning with a French 400; plain text never breaks it',
    async (_, route) => {
      const [method, template] = route.route.split(' ');
      const path = template.replace(':id', '00000000-0000-4000-8000-000000000000');
      const raw = async (rawBody: string, contentType: string) =>
        t.request<ApiError>(method, path, {
          rawBody,
          // Logout would end the shared session: it gets one of its own.
          cookie: route.caller === 'fresh-session' ? await mintSession(EMAILS.hr) : cookies.hr,
          headers: { 'content-type': contentType },
        });
      const before = await statesBefore(route);
      for (const response of [
        await raw('{"note": ', 'application/json'),
        await raw('{"__proto__": {"isAdmin": true}}', 'application/json'),
        await raw('{"constructor": {"prototype": {"isAdmin": true}}}', 'application/json'),
      ]) {
        expect(response.status).toBe(400);
        expect(problems(response, { kind: 'raw' })).toEqual([]);
      }
      // Routes that take no body ignore a text one; the others refuse it in French.
      const text = await raw('note=x', 'text/plain');
      expect(problems(text, { kind: 'raw' })).toEqual([]);
      if (route.caller !== 'fresh-session' && !route.isBodyIgnored)
        expect(await tableStates(await touchedTables(route))).toEqual(before);
    },
  );

  // The boundaries random runs may miss, on every field: each one alone in an otherwise valid body.
  const EDGE_VALUES: unknown[] = [
    'a\u0000b',
    '\uD800',
    "'; DROP TABLE person; --",
    '<script>alert(1)</script>',
    'x'.repeat(100_000),
    2 ** 31,
    2 ** 53,
    -1,
    1e308,
    '0000-01-01',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59+14:00',
  ];

  it.each(
    WRITE_ROUTES.filter((route) => route.fields.length > 0).map(
      (route) => [route.route, route] as const,
    ),
  )('%s: every field survives the edge values', async (_, route) => {
    const found: string[] = [];
    for (const field of route.fields) {
      for (const value of EDGE_VALUES) {
        const attack: Attack = { kind: 'replace', field, value };
        const { response, before } = await send(route, attack);
        const issues = problems(response, attack);
        if (response.status >= 300) {
          const after = await tableStates(await touchedTables(route));
          if (route.isRefusalAudited) before['audit_event'] = after['audit_event'];
          if (JSON.stringify(after) !== JSON.stringify(before)) issues.push('rows changed');
        }
        found.push(
          ...issues.map((issue) => `${field} = ${JSON.stringify(value).slice(0, 40)}: ${issue}`),
        );
      }
    }
    expect(found).toEqual([]);
  });

  // Defects the random runs found, fixed since (SafeTextPipe, bounded version, French 414/404).
  it('refuses U+0000 in a free-text field with a 400 naming it', async () => {
    const attack: Attack = { kind: 'replace', field: 'note', value: 'a\u0000b' };
    const { response } = await send(writeRoute('POST /api/shifts'), attack);
    expect(problems(response, attack)).toEqual([]);
  });

  it('refuses a lone surrogate in an e-mail with a 400 naming it', async () => {
    const attack: Attack = { kind: 'replace', field: 'email', value: '\uD800' };
    const { response } = await send(writeRoute('POST /api/auth/login'), attack);
    expect(problems(response, attack)).toEqual([]);
  });

  it('refuses a lone surrogate in a campaign partner with a 400 naming it', async () => {
    const attack: Attack = { kind: 'replace', field: 'partner', value: '\uD800' };
    const { response } = await send(writeRoute('POST /api/coverage/campaigns'), attack);
    expect(problems(response, attack)).toEqual([]);
  });

  it('refuses a version beyond a PostgreSQL integer with a 400 naming it', async () => {
    const attack: Attack = { kind: 'replace', field: 'version', value: 2 ** 31 };
    const { response } = await send(writeRoute('PATCH /api/shifts/:id'), attack);
    expect(problems(response, attack)).toEqual([]);
  });

  it('answers an over-long id with a French 400 naming it', async () => {
    const response = await t.request<ApiError>(
      'POST',
      `/api/people/${'x'.repeat(101)}/invitation`,
      {
        cookie: cookies.hr,
      },
    );
    expect(response.status).toBe(400);
    expect(problems(response, { kind: 'raw' })).toEqual([]);
    expect(response.body.details).toEqual([{ field: 'id', message: 'identifiant invalide' }]);
  });

  it('answers an unknown API route with a French 404', async () => {
    const response = await t.request<ApiError>('POST', '/api/nulle-part', {
      cookie: cookies.hr,
    });
    expect(response.status).toBe(404);
    expect(problems(response, { kind: 'raw' })).toEqual([]);
  });

  it('stores SQL-looking and script-looking text as typed, and gives it back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...SQL_LIKE, ...SCRIPT_LIKE),
          fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
            .filter((s) => s.trim().length > 0),
        ),
        async (text) => {
          const created = await t.request<PersonSummary>('POST', '/api/people', {
            cookie: cookies.hr,
            body: {
              firstName: 'Texte',
              lastName: text.trim().slice(0, 100) || 'x',
              homeSiteId: f.siteId,
              role: 'mediator',
              jobTitle: text.slice(0, 120),
            },
          });
          expect(created.status).toBe(201);
          const read = await t.request<PersonDetail>('GET', `/api/people/${created.body.id}`, {
            cookie: cookies.hr,
          });
          expect(read.body.jobTitle).toBe(text.slice(0, 120));
          expect(read.headers.get('content-type')).toMatch(/^application\/json/);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
