import {
  COMPETENCES,
  PAYROLL_CODES,
  type PersonSummary,
  type StaffRequest,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  DEFAULT_ORGANISATION_SETTINGS,
  isoWeekOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '../../app/auth/session-token';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { DEMO_SITES } from '../../database/seed/demo-data';
import { EMPTY_PROPOSAL } from '../auto-fill-fixtures';
import { ApiResponse, startTestApp, TestApp } from '../test-app';

/**
 * Access-control matrix: every route of the running router × every role × own site (S), other
 * site (E) and another organisation (X), with the expected status class per cell. A route the
 * router serves but the table does not list fails the suite, so a new route must be added here.
 */

const ROLES = ['anonymous', 'admin', 'hr', 'managerSud', 'managerEst', 'mediator'] as const;
type Role = (typeof ROLES)[number];
type SignedRole = Exclude<Role, 'anonymous'>;

const EMAILS: Record<SignedRole, string> = {
  admin: 'direction@relais.demo',
  hr: 'rh@relais.demo',
  managerSud: 'manager.sud@relais.demo',
  managerEst: 'manager.est@relais.demo',
  mediator: 'mediateur@relais.demo',
};

/** Where the data of a cell lives: Paris Sud, Paris Est, another organisation, or nowhere. */
type Place = 'S' | 'E' | 'X' | 'unknown';

/**
 * - `none`: the route takes no id; `self`: the caller's own person;
 * - `S`, `E`, `X`: the target (path, query or body id) is in that place;
 * - `S+X`: the target is in S but the body references another organisation's person;
 * - `admin`: the target account (or the role in the body) is the director's, i.e. an admin.
 */
type Scope = 'none' | 'self' | 'S' | 'E' | 'X' | 'S+X' | 'admin';

/** Expected outcome: a 2xx, or one exact refusal status. */
type Outcome = '2xx' | '401' | '403' | '404' | '409' | '422';

interface Call {
  path: string;
  body?: unknown;
  /** Overrides the role's cookie (logout needs a session of its own). */
  cookie?: string;
}

interface Target {
  role: Role;
  scope: Scope;
  /** Where the addressed record lives. */
  place: Place;
  /** Where secondary references of the body point (tutor, assignee); `place` unless `S+X`. */
  ref: Place;
  isSelf: boolean;
  isAdminTarget: boolean;
}

type Build = (w: World, target: Target) => Promise<Call> | Call;

const FOREIGN_MARKER = 'Zzétrangère';
const FAR_WEEK_MONDAY = '2031-03-03';

/** Fixtures of the demo organisation (S, E) and of a second organisation (X) built in SQL. */
class World {
  readonly today = todayIn();
  readonly thisWeek = isoWeekOf(this.today);
  readonly ids: Record<string, string> = {};
  /** Rows of the other organisation as written, to prove that nothing of them changes. */
  readonly foreignRows: { table: string; row: Record<string, unknown> }[] = [];
  readonly cookies = {} as Record<SignedRole, string>;
  private counter = 0;

  constructor(readonly t: TestApp) {}

  next(): number {
    return ++this.counter;
  }

  id(place: Place, what: string): string {
    if (place === 'unknown') return randomUUID();
    const id = this.ids[`${place}.${what}`];
    if (!id) throw new Error(`fixture ${place}.${what} missing`);
    return id;
  }

  organisation(place: Place): string {
    return place === 'X' ? this.id('X', 'organisation') : this.ids['organisation'];
  }

  async query<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.t.dataSource.query(sql, params);
  }

  async insert(sql: string, params: unknown[], place: Place): Promise<string> {
    const [row] = await this.query<{ id: string }>(`${sql} RETURNING *`, params);
    if (place === 'X') {
      const table = /INSERT INTO (\w+)/.exec(sql)?.[1] ?? '';
      this.foreignRows.push({ table, row });
    }
    return row.id;
  }

  /** A new person of the place (with an account when asked), so writes never collide. */
  async newPerson(
    place: Place,
    withAccount = false,
  ): Promise<{ personId: string; accountId: string }> {
    if (place === 'unknown') return { personId: randomUUID(), accountId: randomUUID() };
    const n = this.next();
    const personId = await this.insert(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id) VALUES ($1, $2, $3, $4)`,
      [
        this.organisation(place),
        place === 'X' ? FOREIGN_MARKER : 'Matrice',
        `Personne ${n}`,
        this.id(place, 'site'),
      ],
      place,
    );
    const accountId = withAccount
      ? await this.insert(
          `INSERT INTO account (organisation_id, person_id, email, role) VALUES ($1, $2, $3, 'mediator')`,
          [this.organisation(place), personId, `matrice-${n}@${place.toLowerCase()}.test`],
          place,
        )
      : randomUUID();
    return { personId, accountId };
  }

  async newSkill(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO person_skill (organisation_id, person_id, skill, detail, acquired_on) VALUES ($1, $2, 'language', 'arabe', '2024-01-01')`,
      [this.organisation(place), this.id(place, 'colleague')],
      place,
    );
  }

  /** A loan of a new person of the place (to another site of the demo, or within X). */
  async newLoan(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    const from = addDays(this.today, 30 + this.next());
    return this.insert(
      `INSERT INTO site_loan (organisation_id, person_id, site_id, from_date, until_date) VALUES ($1, $2, $3, $4, $4)`,
      [
        this.organisation(place),
        personId,
        this.id(place === 'S' ? 'E' : place === 'E' ? 'S' : 'X', 'site'),
        from,
      ],
      place,
    );
  }

  /** A CDI of a new person of the place, starting in a month (nothing planned after it). */
  async newContract(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    return this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
      [this.organisation(place), personId, addDays(this.today, 30)],
      place,
    );
  }

  /**
   * A PEC of a person of the place, or of the caller for `self` cells: for the caller, a term of
   * its own in the past that no contract of theirs overlaps.
   */
  async newPec(target: Target): Promise<string> {
    if (target.place === 'unknown') return randomUUID();
    const personId = target.isSelf
      ? this.personOf(target.role)
      : (await this.newPerson(target.place)).personId;
    const year = 1999 - this.next();
    return this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'PEC', $3, $4, 26)`,
      [this.organisation(target.place), personId, `${year}-01-04`, `${year}-10-03`],
      target.place,
    );
  }

  /** A post of the place's site. */
  async newPost(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO post (organisation_id, site_id, title) VALUES ($1, $2, $3)`,
      [this.organisation(place), this.id(place, 'site'), `Poste matrice ${this.next()}`],
      place,
    );
  }

  /**
   * A month of long ago closed for the place (the organisation, or its site when `siteId`), with
   * the given people frozen in it; months never repeat, so each cell closes its own.
   */
  async closedMonth(
    place: Place,
    siteId: string | null,
    personIds: string[] = [],
  ): Promise<string> {
    const month = `${1900 + this.next()}-11`;
    if (place === 'unknown') return month;
    const quantities = Object.fromEntries(PAYROLL_CODES.map((code) => [code, 0]));
    const snapshot = personIds.map((personId) => ({
      personId,
      name: 'Matrice',
      payrollId: null,
      siteId: null,
      siteName: null,
      contracts: '',
      quantities,
      adjustments: [],
      statement: { sentAt: null, signedAt: null },
    }));
    await this.insert(
      `INSERT INTO payroll_month (organisation_id, site_id, month, snapshot) VALUES ($1, $2, $3, $4)`,
      [this.organisation(place), siteId, month, JSON.stringify(snapshot)],
      place,
    );
    return month;
  }

  /** A statement sent to the caller for a closed month of their own. */
  async myStatementMonth(role: Role): Promise<string> {
    const personId = this.personOf(role);
    const month = await this.closedMonth('S', null, [personId]);
    await this.query(
      `INSERT INTO hours_statement (organisation_id, person_id, month) VALUES ($1, $2, $3)`,
      [this.ids['organisation'], personId, month],
    );
    return month;
  }

  /** A CDD of a new person of the place, started a month ago and ending in a month. */
  async newRunningCdd(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    return this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, reason, start_date, end_date, weekly_hours)
       VALUES ($1, $2, 'CDD', 'temporary_increase', $3, $4, 35)`,
      [this.organisation(place), personId, addDays(this.today, -30), addDays(this.today, 30)],
      place,
    );
  }

  /** A PEC of a new person of the place, starting in a month. */
  async newPecContract(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    return this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'PEC', $3, $4, 26)`,
      [this.organisation(place), personId, addDays(this.today, 30), addDays(this.today, 360)],
      place,
    );
  }

  /** What HR recorded for an obligation of a new PEC of the place. */
  async newObligationRecord(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO contract_obligation (organisation_id, contract_id, code, done_on) VALUES ($1, $2, 'PEC_TRIPARTITE', $3)`,
      [this.organisation(place), await this.newPecContract(place), this.today],
      place,
    );
  }

  /** A new person of the place on a contract started two months ago, with no tutor. */
  async newContractHolder(place: Place): Promise<{ personId: string; contractId: string }> {
    if (place === 'unknown') return { personId: randomUUID(), contractId: randomUUID() };
    const { personId } = await this.newPerson(place);
    const contractId = await this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
      [this.organisation(place), personId, addDays(this.today, -60)],
      place,
    );
    return { personId, contractId };
  }

  /** An HR note on the place's colleague. */
  async newHrNote(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO hr_note (organisation_id, person_id, author_name, text) VALUES ($1, $2, 'RH', 'Entretien annuel fait.')`,
      [this.organisation(place), this.id(place, 'colleague')],
      place,
    );
  }

  /** A batch (as a copied week leaves) adding one new open shift of a far week. */
  async newBatch(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const shiftId = await this.newShift(place);
    return this.insert(
      `INSERT INTO rota_batch (organisation_id, site_id, week, kind, label, entries)
       VALUES ($1, $2, $3, 'copy', 'Copie', $4)`,
      [
        this.organisation(place),
        this.id(place, 'site'),
        isoWeekOf(FAR_WEEK_MONDAY),
        JSON.stringify([{ shiftId, op: 'create', before: null, version: 1 }]),
      ],
      place,
    );
  }

  /** An open shift of a far week (no person, so no overlap with anything). */
  async newShift(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const day = addDays(FAR_WEEK_MONDAY, this.next() % 5);
    return this.insert(
      `INSERT INTO shift (organisation_id, site_id, location_id, activity, start_at, end_at, break_minutes, version)
       VALUES ($1, $2, $3, 'back_office', $4, $5, 0, 1)`,
      [
        this.organisation(place),
        this.id(place, 'site'),
        this.id(place, 'desk'),
        `${day}T09:00:00+01:00`,
        `${day}T12:00:00+01:00`,
      ],
      place,
    );
  }

  /** A finished auto-fill job of an empty far week (nothing to write, nothing moved). */
  async newAutoFillJob(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO auto_fill_job (organisation_id, created_by, site_ids, week, mode, status, time_limit_seconds, proposal, fingerprint)
       VALUES ($1, $2, ARRAY[$3]::uuid[], '2032-W10', 'fill', 'done', 1, $4, '[]')`,
      [
        this.organisation(place),
        randomUUID(),
        this.id(place, 'site'),
        JSON.stringify(EMPTY_PROPOSAL),
      ],
      place,
    );
  }

  /** A training module: the demo's T12, or one of the other organisation. */
  async trainingModule(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    if (place !== 'X')
      return (await this.query(`SELECT id FROM training_module WHERE code = 'T12'`))[0].id;
    this.ids['X.module'] ??= await this.insert(
      `INSERT INTO training_module (organisation_id, code, title, category, hours, modality) VALUES ($1, 'Z01', $2, 'Test', 7, 'presentiel')`,
      [this.organisation('X'), `Module ${FOREIGN_MARKER}`],
      'X',
    );
    return this.ids['X.module'];
  }

  /** A training session of the place on a day of its own (far in the future unless asked). */
  async newTrainingSession(place: Place, day?: string): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const date = day ?? addDays(FAR_WEEK_MONDAY, 21 + this.next());
    return this.insert(
      `INSERT INTO training_session (organisation_id, module_id, site_id, location_id, start_at, end_at, break_minutes, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, 0, 50)`,
      [
        this.organisation(place),
        await this.trainingModule(place),
        this.id(place, 'site'),
        this.id(place, 'desk'),
        `${date}T09:00:00+01:00`,
        `${date}T12:00:00+01:00`,
      ],
      place,
    );
  }

  /** An enrolment of a new person of the place in a past session (attendance may be taken). */
  async newEnrolment(place: Place, status = 'enrolled'): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const session = await this.newTrainingSession(place, addDays(this.today, -40 - this.next()));
    const { personId } = await this.newPerson(place);
    return this.insert(
      `INSERT INTO training_enrolment (organisation_id, session_id, person_id, status) VALUES ($1, $2, $3, $4)`,
      [this.organisation(place), session, personId, status],
      place,
    );
  }

  /** A milestone of a new pathway plan of a new person of the place. */
  async newMilestone(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    const plan = await this.insert(
      `INSERT INTO pathway_plan (organisation_id, person_id, contract_type) VALUES ($1, $2, 'PEC')`,
      [this.organisation(place), personId],
      place,
    );
    return this.insert(
      `INSERT INTO pathway_milestone (organisation_id, plan_id, code, title, position, due_on) VALUES ($1, $2, 'P00', 'Diagnostic', 0, $3)`,
      [this.organisation(place), plan, this.today],
      place,
    );
  }

  /** A person of the place with an open-ended contract begun 100 days ago (for an immersion). */
  async newJobSeeker(place: Place): Promise<string> {
    const { personId } = await this.newPerson(place);
    if (place === 'unknown') return personId;
    await this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', $3, 35)`,
      [this.organisation(place), personId, addDays(this.today, -100)],
      place,
    );
    return personId;
  }

  /** A partner employer of the place's organisation, its name new. */
  async newPartner(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO partner_employer (organisation_id, name) VALUES ($1, $2)`,
      [
        this.organisation(place),
        `Partenaire ${place === 'X' ? FOREIGN_MARKER : 'Matrice'} ${this.next()}`,
      ],
      place,
    );
  }

  /** An application of the caller (`self`) or of the place's colleague. */
  async newApplication(target: Target): Promise<string> {
    if (target.place === 'unknown') return randomUUID();
    const place = target.isSelf ? 'S' : target.place;
    return this.insert(
      `INSERT INTO job_application (organisation_id, person_id, employer_name, position, contract, sent_on, status, status_on)
       VALUES ($1, $2, 'Mairie', 'Agent d’accueil', 'CDI', $3, 'ENVOYEE', $3)`,
      [this.organisation(place), this.person(target), this.today],
      place,
    );
  }

  /** A career action of the place's colleague. */
  async newCareerAction(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO career_action (organisation_id, person_id, kind, title, status) VALUES ($1, $2, 'CPF', 'Permis B', 'ENVISAGEE')`,
      [this.organisation(place), this.id(place, 'colleague')],
      place,
    );
  }

  async newEvidence(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    return this.insert(
      `INSERT INTO pathway_evidence (organisation_id, milestone_id, file_name, media_type, size_bytes, content)
       VALUES ($1, $2, 'preuve.pdf', 'application/pdf', 8, '\\x255044462d312e37'::bytea)`,
      [this.organisation(place), await this.newMilestone(place)],
      place,
    );
  }

  /** An exit of a new person of the place, seven months ago: its 6-month follow-up is open. */
  async newExit(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    const exitDate = addDays(this.today, -213);
    return this.insert(
      `INSERT INTO exit_record (organisation_id, person_id, display_name, contract_type, exit_date, category, follow_up_due)
       VALUES ($1, $2, 'Sortant matrice', 'CDD', $3, 'AUTRE_SORTIE', $4)`,
      [this.organisation(place), personId, exitDate, addDays(exitDate, 182)],
      place,
    );
  }

  /** A contract of a new person of the place, ended yesterday with no follow-on. */
  async newEndedContract(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const { personId } = await this.newPerson(place);
    return this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours) VALUES ($1, $2, 'CDD', $3, $4, 35)`,
      [this.organisation(place), personId, addDays(this.today, -120), addDays(this.today, -1)],
      place,
    );
  }

  async newRequest(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const start = addDays(this.today, 200 + this.next());
    return this.insert(
      `INSERT INTO staff_request (organisation_id, person_id, kind, start_date, end_date) VALUES ($1, $2, 'leave', $3, $3)`,
      [this.organisation(place), this.id(place, 'colleague'), start],
      place,
    );
  }

  /** A swap of a new open shift of the place, from a colleague to `toPersonId` (or a new person). */
  async newSwap(
    place: Place,
    status: 'offered' | 'accepted',
    toPersonId?: string,
  ): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const shiftId = await this.newShift(place);
    const to = toPersonId ?? (await this.newPerson(place)).personId;
    return this.insert(
      `INSERT INTO shift_swap (organisation_id, shift_id, shift_version, from_person_id, to_person_id, status) VALUES ($1, $2, 1, $3, $4, $5)`,
      [this.organisation(place), shiftId, this.id(place, 'colleague'), to, status],
      place,
    );
  }

  /**
   * A swap offered to the caller (`self`), of a shift of her own site as a colleague would offer
   * it, or offered to a new person of the place.
   */
  async newOfferTo(target: Target): Promise<string> {
    if (!target.isSelf) return this.newSwap(target.place, 'offered');
    const home: Place = target.role === 'managerEst' ? 'E' : 'S';
    return this.newSwap(home, 'offered', this.personOf(target.role));
  }

  /**
   * An open shift of the place three weeks ahead (within the demo contracts), in that site-week's
   * publication: claimable by whoever the rules let take it.
   */
  async newPublishedOpenShift(place: Place): Promise<string> {
    if (place === 'unknown') return randomUUID();
    const monday = windowOfIsoWeek(isoWeekOf(addDays(this.today, 21))).from;
    const day = addDays(monday, this.next() % 5);
    const start = toZonedIso(zonedInstant(day, '09:00', 'Europe/Paris'));
    const end = toZonedIso(zonedInstant(day, '12:00', 'Europe/Paris'));
    const shiftId = await this.insert(
      `INSERT INTO shift (organisation_id, site_id, location_id, activity, start_at, end_at, break_minutes, version)
       VALUES ($1, $2, $3, 'back_office', $4, $5, 0, 1)`,
      [this.organisation(place), this.id(place, 'site'), this.id(place, 'desk'), start, end],
      place,
    );
    const shift = {
      id: shiftId,
      siteId: this.id(place, 'site'),
      personId: null,
      locationId: this.id(place, 'desk'),
      activity: 'back_office',
      start,
      end,
      breakMinutes: 0,
      note: null,
      version: 1,
      isChangedSincePublication: false,
    };
    const week = isoWeekOf(monday);
    const [siteWeek] = await this.query<{ id: string }>(
      `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
       VALUES ($1, $2, $3, 'published', 1, now())
       ON CONFLICT (site_id, week) DO UPDATE SET status = 'published' RETURNING id`,
      [this.organisation(place), this.id(place, 'site'), week],
    );
    await this.query(
      `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts) VALUES ($1, $2, 1, $3)
       ON CONFLICT (site_week_id, version) DO UPDATE SET shifts = rota_publication.shifts || EXCLUDED.shifts`,
      [this.organisation(place), siteWeek.id, JSON.stringify([shift])],
    );
    return shiftId;
  }

  /** A pending claim on a new open shift of the place, by the caller (`self`) or a colleague. */
  async newClaim(target: Target): Promise<string> {
    if (target.place === 'unknown') return randomUUID();
    const shiftId = await this.newShift(target.place);
    const personId = target.isSelf
      ? this.personOf(target.role)
      : this.id(target.place, 'colleague');
    return this.insert(
      `INSERT INTO open_shift_claim (organisation_id, shift_id, shift_version, person_id, status) VALUES ($1, $2, 1, $3, 'pending')`,
      [this.organisation(target.place), shiftId, personId],
      target.place,
    );
  }

  /** A notification for the caller (`self`) or for a colleague of the place. */
  async newNotification(target: Target): Promise<string> {
    if (target.place === 'unknown') return randomUUID();
    const personId = target.isSelf
      ? this.personOf(target.role)
      : this.id(target.place, 'colleague');
    return this.insert(
      `INSERT INTO notification (organisation_id, person_id, kind, title, body) VALUES ($1, $2, 'reminder', 'Rappel', 'Matrice')`,
      [target.isSelf ? this.ids['organisation'] : this.organisation(target.place), personId],
      target.isSelf ? 'S' : target.place,
    );
  }

  /** A live calendar feed of a new account holder of Paris Sud; returns its token. */
  async newFeedToken(): Promise<string> {
    const { personId } = await this.newPerson('S', true);
    const token = newSessionToken();
    const hash = hashSessionToken(
      `calendar:${token}`,
      this.t.app.get<AppConfig>(APP_CONFIG).sessionSecret,
    );
    await this.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash`,
      [this.ids['organisation'], personId, hash],
    );
    return token;
  }

  /** Gives the caller a calendar feed (to revoke). */
  async ensureFeed(role: Role): Promise<void> {
    if (role === 'anonymous') return;
    await this.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO NOTHING`,
      [this.ids['organisation'], this.personOf(role), randomUUID()],
    );
  }

  /** A valid invitation token for a new account of the demo organisation. */
  async newLinkToken(): Promise<string> {
    const { accountId } = await this.newPerson('S', true);
    const token = newSessionToken();
    await this.query(
      `INSERT INTO one_time_token (account_id, purpose, token_hash, expires_at) VALUES ($1, 'invitation', $2, now() + interval '1 day')`,
      [accountId, hashSessionToken(token, this.t.app.get<AppConfig>(APP_CONFIG).sessionSecret)],
    );
    return token;
  }

  /** A session written straight to the database: no login, so the login rate limit is spared. */
  async mintSession(role: SignedRole): Promise<string> {
    const token = newSessionToken();
    await this.query(
      `INSERT INTO session (account_id, token_hash, expires_at) SELECT id, $2, now() + interval '1 hour' FROM account WHERE email = $1`,
      [EMAILS[role], hashSessionToken(token, this.t.app.get<AppConfig>(APP_CONFIG).sessionSecret)],
    );
    return `${SESSION_COOKIE}=${token}`;
  }

  personOf(role: Role): string {
    return this.ids[`person.${role === 'anonymous' ? 'mediator' : role}`];
  }

  /** The person a cell is about: the caller, the director, or someone of the place. */
  person(target: Target): string {
    if (target.isSelf) return this.personOf(target.role);
    if (target.isAdminTarget) return this.personOf('admin');
    return this.id(target.place, 'colleague');
  }

  /** Someone with an account: the director for `admin` cells, else a new person of the place. */
  async accountHolder(target: Target): Promise<string> {
    if (target.isAdminTarget) return this.personOf('admin');
    return (await this.newPerson(target.place, true)).personId;
  }

  async setUp(): Promise<void> {
    const [organisation] = await this.query(`SELECT id FROM organisation`);
    this.ids['organisation'] = organisation.id;
    for (const code of ['S', 'E']) {
      const [site] = await this.query(`SELECT id FROM site WHERE code = $1`, [code]);
      this.ids[`${code}.site`] = site.id;
      const [desk] = await this.query(`SELECT id FROM location WHERE code = $1`, [code]);
      this.ids[`${code}.desk`] = desk.id;
      // A seeded person of the site who holds no demo account: a colleague, not the caller.
      const [colleague] = await this.query(
        `SELECT p.id FROM person p WHERE p.home_site_id = $1
           AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id AND a.email LIKE '%@relais.demo')
         ORDER BY p.last_name LIMIT 1`,
        [site.id],
      );
      this.ids[`${code}.colleague`] = colleague.id;
      this.ids[`${code}.outreach`] = await this.insert(
        `INSERT INTO location (organisation_id, site_id, code, name, kind, address) VALUES ($1, $2, $3, 'Cité test', 'outreach', '1 rue du Test')`,
        [organisation.id, site.id, `OUT-${code}-MATRICE`],
        code as Place,
      );
    }
    for (const role of Object.keys(EMAILS) as SignedRole[]) {
      const [row] = await this.query(`SELECT person_id FROM account WHERE email = $1`, [
        EMAILS[role],
      ]);
      this.ids[`person.${role}`] = row.person_id;
    }
    await this.setUpForeignOrganisation();
  }

  private async setUpForeignOrganisation(): Promise<void> {
    const org = await this.insert(
      `INSERT INTO organisation (name) VALUES ($1)`,
      [`Association ${FOREIGN_MARKER}`],
      'X',
    );
    this.ids['X.organisation'] = org;
    const site = await this.insert(
      `INSERT INTO site (organisation_id, code, name, address) VALUES ($1, 'ZZ', $2, '9 rue Ailleurs')`,
      [org, `Site ${FOREIGN_MARKER}`],
      'X',
    );
    this.ids['X.site'] = site;
    this.ids['X.desk'] = await this.insert(
      `INSERT INTO location (organisation_id, site_id, code, name, kind, address) VALUES ($1, $2, 'ZZ', $3, 'site', '9 rue Ailleurs')`,
      [org, site, `Accueil ${FOREIGN_MARKER}`],
      'X',
    );
    this.ids['X.outreach'] = await this.insert(
      `INSERT INTO location (organisation_id, site_id, code, name, kind, address) VALUES ($1, $2, 'ZZ-OUT', $3, 'outreach', '9 rue Ailleurs')`,
      [org, site, `Cité ${FOREIGN_MARKER}`],
      'X',
    );
    const { personId } = await this.newPerson('X', true);
    this.ids['X.colleague'] = personId;
    await this.insert(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours) VALUES ($1, $2, 'CDI', '2024-01-01', 35)`,
      [org, personId],
      'X',
    );
    await this.insert(
      `INSERT INTO absence (organisation_id, person_id, kind, start_date, end_date, reason) VALUES ($1, $2, 'leave', $3, $3, $4)`,
      [org, personId, this.today, FOREIGN_MARKER],
      'X',
    );
    await this.newSkill('X');
    await this.newRequest('X');
    // A shift of this week, overlapping the demo rota's times: it must never show up there.
    await this.insert(
      `INSERT INTO shift (organisation_id, site_id, person_id, location_id, activity, start_at, end_at, note)
       VALUES ($1, $2, $3, $4, 'accueil', now(), now() + interval '3 hours', $5)`,
      [org, site, personId, this.ids['X.desk'], FOREIGN_MARKER],
      'X',
    );
  }

  get foreignIds(): string[] {
    return this.foreignRows.map(({ row }) => String(row['id']));
  }

  /** Every row of the other organisation now, against what the fixtures wrote. */
  async foreignRowsNow(): Promise<{ table: string; row: Record<string, unknown> }[]> {
    const now: { table: string; row: Record<string, unknown> }[] = [];
    for (const table of new Set(this.foreignRows.map((entry) => entry.table))) {
      const column = table === 'organisation' ? 'id' : 'organisation_id';
      const rows = await this.query<Record<string, unknown>>(
        `SELECT * FROM ${table} WHERE ${column} = $1`,
        [this.ids['X.organisation']],
      );
      now.push(...rows.map((row) => ({ table, row })));
    }
    return now;
  }
}

// ---- how each route is called -------------------------------------------------------------

/** The n-th month from January 1001: always over, never the same twice. */
const longAgoMonth = (n: number) =>
  `${1001 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
const siteQuery = (w: World, { place }: Target) => `siteId=${w.id(place, 'site')}`;
const optionalSite = (w: World, target: Target) =>
  target.scope === 'none' ? '' : `?${siteQuery(w, target)}`;
const weekQuery = (w: World, target: Target) => `${siteQuery(w, target)}&week=${w.thisWeek}`;

const CAREER_ACTION = {
  kind: 'BILAN_COMPETENCES',
  title: 'Bilan de compétences',
  provider: null,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  hours: 24,
  funding: null,
  status: 'DEMANDEE',
};
const PARTNER = {
  sector: null,
  town: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  note: null,
};

const CALLS: Record<string, Build> = {
  'GET /api/health': () => ({ path: '/api/health' }),
  'POST /api/auth/login': (_, { role }) => ({
    path: '/api/auth/login',
    body: { email: EMAILS[role === 'anonymous' ? 'mediator' : role], password: 'relais-demo' },
  }),
  'POST /api/auth/logout': async (w, { role }) => ({
    path: '/api/auth/logout',
    cookie: role === 'anonymous' ? undefined : await w.mintSession(role),
  }),
  'GET /api/auth/me': () => ({ path: '/api/auth/me' }),
  'POST /api/auth/accept-link': async (w) => ({
    path: '/api/auth/accept-link',
    body: { token: await w.newLinkToken(), password: 'une-phrase-de-passe-longue' },
  }),
  'POST /api/accounts/:id/disable': async (w, { place }) => ({
    path: `/api/accounts/${(await w.newPerson(place, true)).accountId}/disable`,
  }),
  'GET /api/admin/outbox': () => ({ path: '/api/admin/outbox?status=dead' }),
  'POST /api/people/:id/invitation': async (w, target) => ({
    path: `/api/people/${await w.accountHolder(target)}/invitation`,
  }),
  'POST /api/people/:id/password-reset': async (w, target) => ({
    path: `/api/people/${await w.accountHolder(target)}/password-reset`,
  }),
  'GET /api/sites': () => ({ path: '/api/sites' }),
  // The demo's own hours again: the other cells read the same rules either way.
  'PUT /api/sites/:id/opening-hours': (w, { place }) => ({
    path: `/api/sites/${w.id(place, 'site')}/opening-hours`,
    body: { openingHours: DEMO_SITES.find((site) => site.code === place)?.openingHours ?? [] },
  }),
  // Removing a derogation no cell records: the other cells read the same rules either way.
  'PUT /api/sites/:id/sunday-derogation': (w, { place }) => ({
    path: `/api/sites/${w.id(place, 'site')}/sunday-derogation`,
    body: { basis: null },
  }),
  'GET /api/organisation/settings': () => ({ path: '/api/organisation/settings' }),
  // The law's values: the other cells of the matrix read the same rules either way.
  'PUT /api/organisation/settings': () => ({
    path: '/api/organisation/settings',
    body: DEFAULT_ORGANISATION_SETTINGS,
  }),
  'GET /api/people': (w, target) => ({ path: `/api/people${optionalSite(w, target)}` }),
  'GET /api/people/:id': (w, target) => ({ path: `/api/people/${w.person(target)}` }),
  'POST /api/people': (w, target) => ({
    path: '/api/people',
    body: {
      firstName: 'Nouvelle',
      lastName: `Recrue ${w.next()}`,
      email: `recrue-${w.next()}@relais.test`,
      homeSiteId: w.id(target.place, 'site'),
      role: target.isAdminTarget ? 'admin' : 'mediator',
    },
  }),
  'POST /api/people/:id/skills': (w, target) => ({
    path: `/api/people/${w.person(target)}/skills`,
    body: { skill: 'sst', acquiredOn: w.today, expiresOn: addDays(w.today, 700) },
  }),
  'GET /api/people/:id/loans': (w, target) => ({
    path: `/api/people/${w.person(target)}/loans`,
  }),
  'GET /api/people/:id/leave-balance': (w, target) => ({
    path: `/api/people/${w.person(target)}/leave-balance`,
  }),
  'POST /api/people/:id/loans': (w, target) => {
    const from = addDays(w.today, 30 + w.next());
    return {
      path: `/api/people/${w.person(target)}/loans`,
      body: { siteId: w.id(target.place === 'E' ? 'S' : 'E', 'site'), from, until: from },
    };
  },
  'DELETE /api/loans/:id': async (w, { place }) => ({
    path: `/api/loans/${await w.newLoan(place)}`,
  }),
  'DELETE /api/skills/:id': async (w, { place }) => ({
    path: `/api/skills/${await w.newSkill(place)}`,
  }),
  'POST /api/people/:id/absences': (w, target) => ({
    path: `/api/people/${w.person(target)}/absences`,
    body: { kind: 'training', start: addDays(w.today, 40), end: addDays(w.today, 41) },
  }),
  'GET /api/people/:id/contracts': (w, target) => ({
    path: `/api/people/${w.person(target)}/contracts`,
  }),
  'POST /api/contracts': async (w, { place, ref }) => ({
    path: '/api/contracts',
    body: {
      personId: (await w.newPerson(place)).personId,
      type: 'CDI',
      start: addDays(w.today, 30),
      weeklyHours: 35,
      ...(ref !== place ? { tutorId: w.id(ref, 'colleague') } : {}),
    },
  }),
  'PATCH /api/contracts/:id': async (w, { place }) => ({
    path: `/api/contracts/${await w.newContract(place)}`,
    body: { weeklyHours: 30 },
  }),
  'POST /api/contracts/:id/end': async (w, { place }) => ({
    path: `/api/contracts/${await w.newContract(place)}/end`,
    body: { end: addDays(w.today, 40), reason: 'resignation' },
  }),
  'GET /api/contracts/ending': () => ({ path: '/api/contracts/ending?months=12' }),
  'POST /api/contracts/:id/renewal-refusal': async (w, { place }) => ({
    path: `/api/contracts/${await w.newRunningCdd(place)}/renewal-refusal`,
    body: { refusedOn: w.today },
  }),
  'GET /api/contracts/:id/experience-attestation.pdf': async (w, target) => ({
    path: `/api/contracts/${await w.newPec(target)}/experience-attestation.pdf`,
  }),
  'GET /api/reports/france-services': (w, target) => ({
    path: `/api/reports/france-services?${siteQuery(w, target)}&month=${w.today.slice(0, 7)}`,
  }),
  'GET /api/reports/subsidised': (w) => ({
    path: `/api/reports/subsidised?month=${w.today.slice(0, 7)}`,
  }),
  'GET /api/reports/contrat-pro': (w) => ({
    path: `/api/reports/contrat-pro?month=${w.today.slice(0, 7)}`,
  }),
  'GET /api/posts': (w, target) => ({
    path: target.scope === 'none' ? '/api/posts' : `/api/posts?${siteQuery(w, target)}`,
  }),
  'POST /api/posts': (w, { place }) => ({
    path: '/api/posts',
    body: {
      siteId: place === 'unknown' ? randomUUID() : w.id(place, 'site'),
      title: `Poste créé ${w.next()}`,
    },
  }),
  'GET /api/posts/:id': async (w, { place }) => ({ path: `/api/posts/${await w.newPost(place)}` }),
  'GET /api/payroll/months/:month': (w, target) => ({
    path: `/api/payroll/months/2025-11${optionalSite(w, target)}`,
  }),
  'POST /api/payroll/closes': (w, target) => ({
    path: '/api/payroll/closes',
    body: {
      // A month long over, new for each cell.
      month: longAgoMonth(w.next()),
      ...(target.scope === 'none' ? {} : { siteId: w.id(target.place, 'site') }),
    },
  }),
  'GET /api/payroll/months/:month/export.csv': async (w, target) => ({
    path: `/api/payroll/months/${await w.closedMonth(target.place, target.scope === 'none' ? null : w.id(target.place, 'site'))}/export.csv${optionalSite(w, target)}`,
  }),
  'GET /api/payroll/months/:month/export.xlsx': async (w, target) => ({
    path: `/api/payroll/months/${await w.closedMonth(target.place, target.scope === 'none' ? null : w.id(target.place, 'site'))}/export.xlsx${optionalSite(w, target)}`,
  }),
  'GET /api/payroll/months/:month/people/:personId/statement.pdf': async (w, { place }) => {
    const { personId } = await w.newContractHolder(place);
    return { path: `/api/payroll/months/${w.today.slice(0, 7)}/people/${personId}/statement.pdf` };
  },
  'POST /api/payroll/statements': async (w, { place }) => {
    const { personId } = await w.newContractHolder(place);
    const month = await w.closedMonth(place, null, [personId]);
    return { path: '/api/payroll/statements', body: { month, personId } };
  },
  'POST /api/payroll/adjustments': async (w, { place }) => {
    const { personId } = await w.newContractHolder(place);
    const month = await w.closedMonth(place, null, [personId]);
    return {
      path: '/api/payroll/adjustments',
      body: { personId, correctsMonth: month, code: 'HEURES_NUIT', quantity: 1, reason: 'Matrice' },
    };
  },
  'GET /api/payroll/mapping': () => ({ path: '/api/payroll/mapping' }),
  'PUT /api/payroll/mapping': () => ({
    path: '/api/payroll/mapping',
    body: { entries: [{ code: 'HEURES_NUIT', externalCode: 'NUIT' }] },
  }),
  'PUT /api/payroll/people/:id/payroll-id': async (w, { place }) => ({
    path: `/api/payroll/people/${(await w.newPerson(place)).personId}/payroll-id`,
    body: { payrollId: `MAT${w.next()}` },
  }),
  'GET /api/me/statements': () => ({ path: '/api/me/statements' }),
  'GET /api/me/statements/:month/statement.pdf': async (w, { role }) => ({
    path: `/api/me/statements/${await w.myStatementMonth(role)}/statement.pdf`,
  }),
  'POST /api/me/statements/sign-off': async (w, { role }) => ({
    path: '/api/me/statements/sign-off',
    body: { month: await w.myStatementMonth(role) },
  }),
  'GET /api/people/:id/eligibility': (w, target) => ({
    path: `/api/people/${w.person(target)}/eligibility`,
  }),
  // The facts as the seed leaves them: the other cells read the same people either way.
  'PUT /api/people/:id/eligibility': (w, target) => ({
    path: `/api/people/${w.person(target)}/eligibility`,
    body: {
      birthDate: null,
      isPecExtendedCapEligible: false,
      isOutOfWorkAtHiring: null,
      qpvName: null,
      qpvCheckedOn: null,
      prefectException: null,
    },
  }),
  'GET /api/people/:id/hr-notes': (w, target) => ({
    path: `/api/people/${w.person(target)}/hr-notes`,
  }),
  'POST /api/people/:id/hr-notes': (w, target) => ({
    path: `/api/people/${w.person(target)}/hr-notes`,
    body: { text: 'Point RH : souhaite passer le titre professionnel.' },
  }),
  'DELETE /api/hr-notes/:id': async (w, { place }) => ({
    path: `/api/hr-notes/${await w.newHrNote(place)}`,
  }),
  'GET /api/requests': () => ({ path: '/api/requests' }),
  'POST /api/requests': (w) => {
    const start = addDays(w.today, 60 + w.next() * 2);
    return {
      path: '/api/requests',
      body: { kind: 'leave', start, end: start, comment: 'Matrice' },
    };
  },
  'POST /api/requests/:id/decision': async (w, { place }) => ({
    path: `/api/requests/${await w.newRequest(place)}/decision`,
    body: { status: 'refused', reply: 'Période chargée.' },
  }),
  'GET /api/exports/people.csv': (w, target) => ({
    path: `/api/exports/people.csv${optionalSite(w, target)}`,
  }),
  'GET /api/exports/people.xlsx': (w, target) => ({
    path: `/api/exports/people.xlsx${optionalSite(w, target)}`,
  }),
  'GET /api/rota': (w, target) => ({ path: `/api/rota?${weekQuery(w, target)}` }),
  'POST /api/shifts': (w, { place, ref }) => {
    const day = addDays(FAR_WEEK_MONDAY, 7 + (w.next() % 5));
    return {
      path: '/api/shifts',
      body: {
        personId: ref !== place ? w.id(ref, 'colleague') : null,
        locationId: w.id(place, 'desk'),
        activity: 'accueil',
        start: `${day}T13:30:00+01:00`,
        end: `${day}T17:00:00+01:00`,
        breakMinutes: 0,
      },
    };
  },
  'PATCH /api/shifts/:id': async (w, { place, ref }) => ({
    path: `/api/shifts/${await w.newShift(place)}`,
    body: {
      version: 1,
      note: 'Relu',
      ...(ref !== place ? { personId: w.id(ref, 'colleague') } : {}),
    },
  }),
  'DELETE /api/shifts/:id': async (w, { place }) => ({
    path: `/api/shifts/${await w.newShift(place)}?version=1`,
  }),
  'POST /api/rota/publish': (w, target) => ({
    path: '/api/rota/publish',
    // Points à justifier on the fixture's week need a justification (rules.md).
    body: { siteId: w.id(target.place, 'site'), week: w.thisWeek, justification: 'Vérifié.' },
  }),
  'POST /api/rota/notice-agreements': async (w, target) => {
    // A published far week of the place whose only shift (the colleague's) was since deleted:
    // a pending change the colleague may agree to in writing.
    const week = isoWeekOf(addDays('2033-01-03', 7 * w.next()));
    const personId = w.person(target);
    if (target.place === 'S' || target.place === 'E') {
      const siteId = w.id(target.place, 'site');
      const [siteWeek] = await w.query<{ id: string }>(
        `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
         VALUES ($1, $2, $3, 'published', 1, now()) RETURNING id`,
        [w.organisation(target.place), siteId, week],
      );
      const monday = windowOfIsoWeek(week).from;
      await w.query(
        `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts) VALUES ($1, $2, 1, $3)`,
        [
          w.organisation(target.place),
          siteWeek.id,
          JSON.stringify([
            {
              id: randomUUID(),
              siteId,
              personId,
              locationId: w.id(target.place, 'desk'),
              activity: 'accueil',
              start: `${monday}T09:00:00+01:00`,
              end: `${monday}T12:00:00+01:00`,
              breakMinutes: 0,
              note: null,
              version: 1,
              isChangedSincePublication: false,
            },
          ]),
        ],
      );
    }
    return {
      path: '/api/rota/notice-agreements',
      body: {
        siteId: w.id(target.place, 'site'),
        week,
        personId,
        reference: 'Accord écrit signé.',
      },
    };
  },
  'POST /api/rota/copy': (w, target) => ({
    path: '/api/rota/copy',
    body: { siteId: w.id(target.place, 'site'), fromWeek: '2020-W10', toWeek: '2020-W11' },
  }),
  'GET /api/rota/templates': (w, target) => ({
    path: `/api/rota/templates?${siteQuery(w, target)}`,
  }),
  'POST /api/rota/apply-template': (w, target) => ({
    path: '/api/rota/apply-template',
    body: { siteId: w.id(target.place, 'site'), week: addIsoWeeks(isoWeekOf(FAR_WEEK_MONDAY), 4) },
  }),
  'GET /api/rota/history': (w, target) => ({ path: `/api/rota/history?${weekQuery(w, target)}` }),
  'GET /api/rota/versions': (w, target) => ({ path: `/api/rota/versions?${weekQuery(w, target)}` }),
  'GET /api/rota/compare': (w, target) => ({
    path: `/api/rota/compare?${weekQuery(w, target)}&from=published&to=draft`,
  }),
  'GET /api/rota/batches/last': (w, target) => ({
    path: `/api/rota/batches/last?${weekQuery(w, target)}`,
  }),
  'POST /api/rota/batches/:id/undo': async (w, { place }) => ({
    path: `/api/rota/batches/${await w.newBatch(place)}/undo`,
  }),
  'POST /api/rota/bulk-delete': async (w, { place }) => ({
    path: '/api/rota/bulk-delete',
    body: { shifts: [{ id: await w.newShift(place), version: 1 }] },
  }),
  'POST /api/rota/bulk-move': async (w, { place }) => ({
    path: '/api/rota/bulk-move',
    body: { shifts: [{ id: await w.newShift(place), version: 1 }], dayOffset: 1 },
  }),
  'GET /api/rota/candidates': async (w, { place }) => ({
    path: `/api/rota/candidates?shiftId=${await w.newShift(place)}`,
  }),
  'GET /api/rota/fixes': (w, target) => ({ path: `/api/rota/fixes?${weekQuery(w, target)}` }),
  'POST /api/rota/fixes/apply': (w, target) => ({
    path: '/api/rota/fixes/apply',
    // A fix of no problem of the week: refused as out of date (409) once access is granted.
    body: { siteId: w.id(target.place, 'site'), week: w.thisWeek, fixId: 'DAILY_REST|x|y#z' },
  }),

  'GET /api/coverage': (w, target) => ({ path: `/api/coverage?${siteQuery(w, target)}` }),
  'POST /api/rota/auto-fill': (w, target) => ({
    path: '/api/rota/auto-fill',
    body: {
      siteIds: [w.id(target.place, 'site')],
      week: '2032-W11',
      mode: 'fill',
      timeLimitSeconds: 1,
    },
  }),
  'GET /api/rota/auto-fill/:id': async (w, { place }) => ({
    path: `/api/rota/auto-fill/${await w.newAutoFillJob(place)}`,
  }),
  'POST /api/rota/auto-fill/:id/stop': async (w, { place }) => ({
    path: `/api/rota/auto-fill/${await w.newAutoFillJob(place)}/stop`,
  }),
  'POST /api/rota/auto-fill/:id/discard': async (w, { place }) => ({
    path: `/api/rota/auto-fill/${await w.newAutoFillJob(place)}/discard`,
  }),
  'POST /api/rota/auto-fill/:id/apply': async (w, { place }) => ({
    path: `/api/rota/auto-fill/${await w.newAutoFillJob(place)}/apply`,
  }),
  'POST /api/coverage': (w, target) => ({
    path: '/api/coverage',
    body: {
      locationId: w.id(target.place, 'desk'),
      weekday: 6,
      startTime: '10:00',
      endTime: '11:00',
      minStaff: 1,
    },
  }),
  'POST /api/coverage/campaigns': (w, target) => ({
    path: '/api/coverage/campaigns',
    body: {
      locationId: w.id(target.place, 'outreach'),
      partner: 'Bailleur test',
      estate: 'Résidence test',
      start: addDays(w.today, 10),
      end: addDays(w.today, 100),
      pattern: [{ weekday: 3, startTime: '14:00', endTime: '16:30' }],
    },
  }),
  'GET /api/me/week': () => ({ path: '/api/me/week' }),
  'POST /api/me/week/seen': () => ({
    path: '/api/me/week/seen',
    body: { seenAt: new Date().toISOString() },
  }),
  'GET /api/me/shifts': (w) => ({
    path: `/api/me/shifts?from=${w.today}&to=${addDays(w.today, 14)}`,
  }),
  'GET /api/me/colleagues': () => ({ path: '/api/me/colleagues' }),
  'GET /api/me/calendar': () => ({ path: '/api/me/calendar' }),
  'POST /api/me/calendar': () => ({ path: '/api/me/calendar' }),
  'DELETE /api/me/calendar': async (w, { role }) => {
    await w.ensureFeed(role);
    return { path: '/api/me/calendar' };
  },
  'GET /api/calendar/:file': async (w) => ({
    path: `/api/calendar/${await w.newFeedToken()}.ics`,
  }),
  'GET /api/notifications': () => ({ path: '/api/notifications' }),
  'POST /api/notifications/read-all': () => ({ path: '/api/notifications/read-all' }),
  'POST /api/notifications/:id/read': async (w, target) => ({
    path: `/api/notifications/${await w.newNotification(target)}/read`,
  }),
  'GET /api/swaps': () => ({ path: '/api/swaps' }),
  'POST /api/swaps': async (w, { place }) => ({
    path: '/api/swaps',
    body: { shiftId: await w.newShift(place), version: 1, toPersonId: w.id('S', 'colleague') },
  }),
  'POST /api/swaps/:id/accept': async (w, target) => ({
    path: `/api/swaps/${await w.newOfferTo(target)}/accept`,
  }),
  'POST /api/swaps/:id/cancel': async (w, target) => ({
    path: `/api/swaps/${await w.newOfferTo(target)}/cancel`,
  }),
  'POST /api/swaps/:id/decision': async (w, { place }) => ({
    path: `/api/swaps/${await w.newSwap(place, 'accepted')}/decision`,
    body: { status: 'refused', reply: 'Semaine chargée.' },
  }),
  'GET /api/swaps/exchangeable': (w, { place }) => ({
    path: `/api/swaps/exchangeable?toPersonId=${w.id(place, 'colleague')}`,
  }),
  'GET /api/open-shifts': () => ({ path: '/api/open-shifts' }),
  'POST /api/open-shifts/:id/claims': async (w, { place }) => ({
    path: `/api/open-shifts/${await w.newPublishedOpenShift(place)}/claims`,
    body: { version: 1, message: 'Matrice' },
  }),
  'GET /api/claims': () => ({ path: '/api/claims' }),
  'POST /api/claims/:id/withdraw': async (w, target) => ({
    path: `/api/claims/${await w.newClaim(target)}/withdraw`,
  }),
  'POST /api/claims/:id/decision': async (w, target) => ({
    path: `/api/claims/${await w.newClaim(target)}/decision`,
    body: { status: 'refused', reply: 'Déjà pourvu.' },
  }),
  'GET /api/pending': () => ({ path: '/api/pending' }),
  'GET /api/pending/count': () => ({ path: '/api/pending/count' }),
  'GET /api/compliance': (w, target) => ({
    path: `/api/compliance?personId=${w.person(target)}&from=${addDays(w.today, -7)}&to=${addDays(w.today, 7)}`,
  }),
  'GET /api/training/modules': () => ({ path: '/api/training/modules' }),
  'GET /api/training/sessions': () => ({ path: '/api/training/sessions' }),
  'GET /api/training/sessions/:id': async (w, { place }) => ({
    path: `/api/training/sessions/${await w.newTrainingSession(place)}`,
  }),
  'POST /api/training/sessions': async (w, { place }) => {
    const day = addDays(FAR_WEEK_MONDAY, 60 + w.next());
    return {
      path: '/api/training/sessions',
      body: {
        moduleId: await w.trainingModule('S'),
        locationId: w.id(place, 'desk'),
        start: `${day}T09:00:00+01:00`,
        end: `${day}T12:00:00+01:00`,
        breakMinutes: 0,
        capacity: 10,
      },
    };
  },
  'POST /api/training/sessions/:id/enrolments': async (w, { place }) => ({
    path: `/api/training/sessions/${await w.newTrainingSession(place)}/enrolments`,
    body: { personId: (await w.newPerson(place)).personId },
  }),
  'DELETE /api/training/enrolments/:id': async (w, { place }) => ({
    path: `/api/training/enrolments/${await w.newEnrolment(place)}`,
  }),
  'POST /api/training/enrolments/:id/attendance': async (w, { place }) => ({
    path: `/api/training/enrolments/${await w.newEnrolment(place)}/attendance`,
    body: { present: true },
  }),
  'POST /api/training/enrolments/:id/validation': async (w, { place }) => ({
    path: `/api/training/enrolments/${await w.newEnrolment(place, 'present')}/validation`,
  }),
  'GET /api/me/pathway': () => ({ path: '/api/me/pathway' }),
  'GET /api/pathways/:id': (w, target) => ({ path: `/api/pathways/${w.person(target)}` }),
  'GET /api/pathways/:id/summary.pdf': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/summary.pdf`,
  }),
  'GET /api/pathways/:id/notes': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/notes`,
  }),
  'POST /api/pathways/:id/notes': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/notes`,
    body: { body: 'Note de la matrice.' },
  }),
  'GET /api/pathways/:id/obligations': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/obligations`,
  }),
  'GET /api/obligations/due': () => ({ path: '/api/obligations/due' }),
  'POST /api/contracts/:id/obligations': async (w, { place }) => ({
    path: `/api/contracts/${await w.newPecContract(place)}/obligations`,
    body: { code: 'PEC_TRIPARTITE', doneOn: w.today },
  }),
  'DELETE /api/contract-obligations/:id': async (w, { place }) => ({
    path: `/api/contract-obligations/${await w.newObligationRecord(place)}`,
  }),
  'GET /api/pathways/:id/certifications': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/certifications`,
  }),
  // An absence at a session: recorded each time, and it obtains nothing.
  'POST /api/pathways/:id/certifications/sessions': async (w, { place }) => ({
    path: `/api/pathways/${(await w.newContractHolder(place)).personId}/certifications/sessions`,
    body: {
      titleCode: 'MSADS',
      blockCodes: ['CCP3'],
      route: 'EXAMEN',
      heldOn: w.today,
      result: 'ABSENT',
    },
  }),
  'PUT /api/pathways/:id/certifications/training': async (w, { place }) => ({
    path: `/api/pathways/${(await w.newPerson(place)).personId}/certifications/training`,
    body: { titleCode: 'MSADS', blockCode: 'CCP1', hours: 35 },
  }),
  'GET /api/pathways/:id/competences': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/competences`,
  }),
  'PUT /api/contracts/:id/competences': async (w, { place, ref }) => ({
    path: `/api/contracts/${(await w.newContractHolder(place)).contractId}/competences`,
    body: {
      stage: 'ENTREE',
      assessedOn: w.today,
      assessorId: w.id(ref, 'colleague'),
      ratings: COMPETENCES.map((competence) => ({ code: competence.code, level: 'EN_COURS' })),
    },
  }),
  'PATCH /api/pathways/:id/plan': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/plan`,
    body: { requiredModuleCodes: ['T01', 'T11'] },
  }),
  'PATCH /api/pathways/milestones/:id': async (w, { place }) => ({
    path: `/api/pathways/milestones/${await w.newMilestone(place)}`,
    body: { doneOn: w.today },
  }),
  'POST /api/pathways/milestones/:id/evidence': async (w, { place }) => ({
    path: `/api/pathways/milestones/${await w.newMilestone(place)}/evidence`,
    body: { fileName: 'preuve.pdf', contentBase64: Buffer.from('%PDF-1.7\n').toString('base64') },
  }),
  'GET /api/pathways/evidence/:id': async (w, { place }) => ({
    path: `/api/pathways/evidence/${await w.newEvidence(place)}`,
  }),
  'POST /api/pathways/evidence/:id/sign-off': async (w, { place }) => ({
    path: `/api/pathways/evidence/${await w.newEvidence(place)}/sign-off`,
  }),
  'GET /api/pathways/:id/job-search': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/job-search`,
  }),
  'PUT /api/pathways/:id/project': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/project`,
    body: { targetJobs: 'Agent d’accueil', sector: null, steps: null, validatedOn: null },
  }),
  'POST /api/pathways/:id/immersions': async (w, { place }) => ({
    path: `/api/pathways/${await w.newJobSeeker(place)}/immersions`,
    body: {
      employerId: await w.newPartner(place === 'X' || place === 'unknown' ? 'S' : place),
      start: addDays(w.today, 40),
      end: addDays(w.today, 45),
      objective: 'DECOUVRIR_METIER',
      prescriber: 'FRANCE_TRAVAIL',
      prescriberName: null,
      conventionSignedOn: w.today,
      tutorName: 'Tuteur de la matrice',
    },
  }),
  'POST /api/pathways/:id/applications': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/applications`,
    body: {
      employerId: null,
      employerName: 'Mairie',
      position: 'Agent d’accueil',
      contract: 'CDI',
      sentOn: w.today,
    },
  }),
  'PATCH /api/pathways/applications/:id': async (w, target) => ({
    path: `/api/pathways/applications/${await w.newApplication(target)}`,
    body: { status: 'ENTRETIEN', statusOn: w.today },
  }),
  'POST /api/pathways/:id/career-actions': (w, target) => ({
    path: `/api/pathways/${w.person(target)}/career-actions`,
    body: CAREER_ACTION,
  }),
  'PATCH /api/pathways/career-actions/:id': async (w, { place }) => ({
    path: `/api/pathways/career-actions/${await w.newCareerAction(place)}`,
    body: CAREER_ACTION,
  }),
  'GET /api/partner-employers': () => ({ path: '/api/partner-employers' }),
  'POST /api/partner-employers': (w) => ({
    path: '/api/partner-employers',
    body: { ...PARTNER, name: `Partenaire créé ${w.next()}` },
  }),
  'PATCH /api/partner-employers/:id': async (w, { place }) => ({
    path: `/api/partner-employers/${await w.newPartner(place)}`,
    body: { ...PARTNER, name: `Partenaire renommé ${w.next()}` },
  }),
  'POST /api/exits': async (w, { place }) => ({
    path: '/api/exits',
    body: {
      contractId: await w.newEndedContract(place),
      exitDate: addDays(w.today, -1),
      outcome: 'SANS_EMPLOI',
    },
  }),
  'PUT /api/exits/:id/follow-up': async (w, { place }) => ({
    path: `/api/exits/${await w.newExit(place)}/follow-up`,
    body: { situation: 'EMPLOI_DURABLE', contactedOn: w.today },
  }),
  'GET /api/exits': () => ({ path: '/api/exits' }),
  'GET /api/reports/exits': () => ({ path: '/api/reports/exits' }),
  'GET /api/reports/pathways': () => ({ path: '/api/reports/pathways' }),
  'GET /api/exports/training.xlsx': () => ({ path: '/api/exports/training.xlsx' }),
  'GET /api/exports/training.csv': () => ({ path: '/api/exports/training.csv' }),
  'GET /api/exports/exits.csv': () => ({ path: '/api/exports/exits.csv' }),
};

// ---- the expectation table ----------------------------------------------------------------

// prettier-ignore
const TABLE: [route: string, scope: Scope, outcomes: string][] = [
  //                                                  anon  admin hr    sud   est   med
  ['GET /api/health',                       'none',  '2xx   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/auth/login',                  'none',  '2xx   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/auth/accept-link',            'none',  '2xx   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/auth/logout',                 'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/auth/me',                      'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/sites',                        'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['PUT /api/sites/:id/opening-hours',      'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/sites/:id/opening-hours',      'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/sites/:id/opening-hours',      'X',     '401   404   404   403   403   403'],
  ['PUT /api/sites/:id/sunday-derogation',  'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/sites/:id/sunday-derogation',  'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/sites/:id/sunday-derogation',  'X',     '401   404   404   403   403   403'],
  ['GET /api/organisation/settings',        'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['PUT /api/organisation/settings',        'none',  '401   2xx   403   403   403   403'],

  ['GET /api/people',                       'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/people',                       'S',     '401   2xx   2xx   2xx   403   2xx'],
  ['GET /api/people',                       'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/people',                       'X',     '401   404   404   404   404   404'],
  ['GET /api/people/:id',                   'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/people/:id',                   'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/people/:id',                   'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/people/:id',                   'X',     '401   404   404   404   404   404'],
  ['GET /api/people/:id/contracts',         'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/people/:id/contracts',         'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/people/:id/contracts',         'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/people/:id/contracts',         'X',     '401   404   404   404   404   404'],
  ['GET /api/compliance',                   'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/compliance',                   'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/compliance',                   'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/compliance',                   'X',     '401   404   404   404   404   404'],
  ['POST /api/people',                      'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people',                      'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people',                      'X',     '401   422   422   403   403   403'],
  // Only the direction creates or unlocks admin accounts: HR must not be able to make one.
  ['POST /api/people',                      'admin', '401   2xx   403   403   403   403'],
  ['POST /api/people/:id/invitation',       'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/invitation',       'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/invitation',       'X',     '401   404   404   403   403   403'],
  ['POST /api/people/:id/invitation',       'admin', '401   2xx   403   403   403   403'],
  ['POST /api/people/:id/password-reset',   'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/password-reset',   'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/password-reset',   'X',     '401   404   404   403   403   403'],
  ['POST /api/people/:id/password-reset',   'admin', '401   2xx   403   403   403   403'],
  ['POST /api/accounts/:id/disable',        'S',     '401   2xx   403   403   403   403'],
  ['POST /api/accounts/:id/disable',        'E',     '401   2xx   403   403   403   403'],
  ['POST /api/accounts/:id/disable',        'X',     '401   404   403   403   403   403'],
  ['GET /api/admin/outbox',                 'none',  '401   2xx   403   403   403   403'],
  ['POST /api/people/:id/skills',           'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/people/:id/skills',           'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/people/:id/skills',           'X',     '401   404   404   404   404   403'],
  // Lending a person to another site: HR, admin or the manager of her own site.
  ['GET /api/people/:id/loans',             'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/people/:id/loans',             'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/people/:id/loans',             'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/people/:id/loans',             'X',     '401   404   404   404   404   404'],
  ['GET /api/people/:id/leave-balance',     'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/people/:id/leave-balance',     'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/people/:id/leave-balance',     'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/people/:id/leave-balance',     'X',     '401   404   404   404   404   404'],
  ['POST /api/people/:id/loans',            'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/people/:id/loans',            'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/people/:id/loans',            'X',     '401   404   404   404   404   403'],
  ['DELETE /api/loans/:id',                 'S',     '401   2xx   2xx   2xx   403   403'],
  ['DELETE /api/loans/:id',                 'E',     '401   2xx   2xx   403   2xx   403'],
  ['DELETE /api/loans/:id',                 'X',     '401   404   404   404   404   403'],
  ['DELETE /api/skills/:id',                'S',     '401   2xx   2xx   2xx   403   403'],
  ['DELETE /api/skills/:id',                'E',     '401   2xx   2xx   403   2xx   403'],
  ['DELETE /api/skills/:id',                'X',     '401   404   404   404   404   403'],
  ['POST /api/people/:id/absences',         'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/people/:id/absences',         'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/people/:id/absences',         'X',     '401   404   404   404   404   403'],

  ['POST /api/contracts',                   'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts',                   'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts',                   'X',     '401   404   404   403   403   403'],
  ['POST /api/contracts',                   'S+X',   '401   422   422   403   403   403'],
  ['PATCH /api/contracts/:id',              'S',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/contracts/:id',              'E',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/contracts/:id',              'X',     '401   404   404   403   403   403'],
  ['POST /api/contracts/:id/end',           'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/end',           'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/end',           'X',     '401   404   404   403   403   403'],
  ['GET /api/contracts/ending',             'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['POST /api/contracts/:id/renewal-refusal', 'S',   '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/renewal-refusal', 'E',   '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/renewal-refusal', 'X',   '401   404   404   403   403   403'],
  // The PEC's attestation: HR and the direction, or the person for their own contract.
  ['GET /api/contracts/:id/experience-attestation.pdf', 'self', '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/contracts/:id/experience-attestation.pdf', 'S',    '401   2xx   2xx   403   403   403'],
  ['GET /api/contracts/:id/experience-attestation.pdf', 'E',    '401   2xx   2xx   403   403   403'],
  ['GET /api/contracts/:id/experience-attestation.pdf', 'X',    '401   404   404   404   404   404'],
  // Funders' reports: organisation-wide for HR and admin; France Services per site for managers.
  ['GET /api/reports/france-services',      'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/reports/france-services',      'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/reports/france-services',      'X',     '401   404   404   404   404   403'],
  ['GET /api/reports/subsidised',           'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/reports/contrat-pro',          'none',  '401   2xx   2xx   403   403   403'],
  // Posts: HR and admin create them; a manager reads those of the sites they run.
  ['GET /api/posts',                        'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['GET /api/posts',                        'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/posts',                        'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/posts',                        'X',     '401   404   404   404   404   403'],
  ['POST /api/posts',                       'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/posts',                       'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/posts',                       'X',     '401   404   404   403   403   403'],
  ['GET /api/payroll/months/:month',         'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month',         'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month',         'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month',         'X',     '401   404   404   403   403   403'],
  ['POST /api/payroll/closes',               'none',  '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/closes',               'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/closes',               'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/closes',               'X',     '401   404   404   403   403   403'],
  ['GET /api/payroll/months/:month/export.csv', 'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.csv', 'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.csv', 'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.csv', 'X',     '401   404   404   403   403   403'],
  ['GET /api/payroll/months/:month/export.xlsx', 'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.xlsx', 'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.xlsx', 'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/export.xlsx', 'X',     '401   404   404   403   403   403'],
  ['GET /api/payroll/months/:month/people/:personId/statement.pdf', 'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/people/:personId/statement.pdf', 'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/payroll/months/:month/people/:personId/statement.pdf', 'X',     '401   404   404   403   403   403'],
  ['POST /api/payroll/statements',           'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/statements',           'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/statements',           'X',     '401   404   404   403   403   403'],
  ['POST /api/payroll/adjustments',          'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/adjustments',          'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/payroll/adjustments',          'X',     '401   404   404   403   403   403'],
  ['PUT /api/payroll/people/:id/payroll-id',  'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/payroll/people/:id/payroll-id',  'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/payroll/people/:id/payroll-id',  'X',     '401   404   404   403   403   403'],
  ['GET /api/payroll/mapping',               'none',  '401   2xx   2xx   403   403   403'],
  ['PUT /api/payroll/mapping',               'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/me/statements',                 'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/me/statements/:month/statement.pdf', 'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/me/statements/sign-off', 'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/posts/:id',                    'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/posts/:id',                    'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/posts/:id',                    'X',     '401   404   404   404   404   403'],
  // Notes RH: HR and admin only, never the person herself nor her manager.
  ['GET /api/people/:id/eligibility',       'self',  '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/eligibility',       'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/eligibility',       'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/eligibility',       'X',     '401   404   404   403   403   403'],
  ['PUT /api/people/:id/eligibility',       'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/people/:id/eligibility',       'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/people/:id/eligibility',       'X',     '401   404   404   403   403   403'],
  ['GET /api/people/:id/hr-notes',          'self',  '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/hr-notes',          'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/hr-notes',          'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/people/:id/hr-notes',          'X',     '401   404   404   403   403   403'],
  ['POST /api/people/:id/hr-notes',         'self',  '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/hr-notes',         'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/hr-notes',         'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/people/:id/hr-notes',         'X',     '401   404   404   403   403   403'],
  ['DELETE /api/hr-notes/:id',              'S',     '401   2xx   2xx   403   403   403'],
  ['DELETE /api/hr-notes/:id',              'E',     '401   2xx   2xx   403   403   403'],
  ['DELETE /api/hr-notes/:id',              'X',     '401   404   404   403   403   403'],

  ['GET /api/requests',                     'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/requests',                    'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/requests/:id/decision',       'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/requests/:id/decision',       'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/requests/:id/decision',       'X',     '401   404   404   404   404   403'],

  ['GET /api/exports/people.csv',           'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['GET /api/exports/people.csv',           'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/exports/people.csv',           'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/exports/people.csv',           'X',     '401   404   404   404   404   403'],
  ['GET /api/exports/people.xlsx',          'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['GET /api/exports/people.xlsx',          'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/exports/people.xlsx',          'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/exports/people.xlsx',          'X',     '401   404   404   404   404   403'],

  // Site-scoped reads by query: an id outside the caller's sites is refused with 403 whether it
  // belongs to another site, another organisation or nothing (same answer: existence not revealed).
  ['GET /api/rota',                         'S',     '401   2xx   2xx   2xx   403   2xx'],
  ['GET /api/rota',                         'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota',                         'X',     '401   404   404   404   404   404'],
  ['GET /api/rota/templates',               'S',     '401   2xx   2xx   2xx   403   2xx'],
  ['GET /api/rota/templates',               'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/templates',               'X',     '401   404   404   404   404   404'],
  ['GET /api/rota/history',                 'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/history',                 'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/history',                 'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/versions',                'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/versions',                'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/versions',                'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/compare',                 'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/compare',                 'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/compare',                 'X',     '401   404   404   404   404   403'],
  ['GET /api/coverage',                     'S',     '401   2xx   2xx   2xx   403   2xx'],
  ['GET /api/coverage',                     'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/coverage',                     'X',     '401   404   404   404   404   404'],

  ['POST /api/shifts',                      'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/shifts',                      'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/shifts',                      'X',     '401   422   422   422   422   403'],
  ['POST /api/shifts',                      'S+X',   '401   422   422   422   403   403'],
  ['PATCH /api/shifts/:id',                 'S',     '401   2xx   2xx   2xx   403   403'],
  ['PATCH /api/shifts/:id',                 'E',     '401   2xx   2xx   403   2xx   403'],
  ['PATCH /api/shifts/:id',                 'X',     '401   404   404   404   404   403'],
  ['PATCH /api/shifts/:id',                 'S+X',   '401   422   422   422   403   403'],
  ['DELETE /api/shifts/:id',                'S',     '401   2xx   2xx   2xx   403   403'],
  ['DELETE /api/shifts/:id',                'E',     '401   2xx   2xx   403   2xx   403'],
  ['DELETE /api/shifts/:id',                'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/publish',                'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/publish',                'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/publish',                'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/notice-agreements',      'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/notice-agreements',      'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/notice-agreements',      'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/copy',                   'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/copy',                   'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/copy',                   'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/apply-template',         'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/apply-template',         'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/apply-template',         'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/batches/last',             'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/batches/last',             'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/batches/last',             'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/batches/:id/undo',        'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/batches/:id/undo',        'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/batches/:id/undo',        'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/bulk-delete',             'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/bulk-delete',             'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/bulk-delete',             'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/bulk-move',               'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/bulk-move',               'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/bulk-move',               'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/candidates',               'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/candidates',               'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/candidates',               'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/fixes',                    'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/rota/fixes',                    'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/rota/fixes',                    'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/fixes/apply',             'S',     '401   409   409   409   403   403'],
  ['POST /api/rota/fixes/apply',             'E',     '401   409   409   403   409   403'],
  ['POST /api/rota/fixes/apply',             'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/auto-fill',               'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/rota/auto-fill',               'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/rota/auto-fill',               'X',     '401   404   404   404   404   403'],
  ['GET /api/rota/auto-fill/:id',            'S',     '401   2xx   2xx   2xx   404   403'],
  ['GET /api/rota/auto-fill/:id',            'E',     '401   2xx   2xx   404   2xx   403'],
  ['GET /api/rota/auto-fill/:id',            'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/auto-fill/:id/stop',      'S',     '401   2xx   2xx   2xx   404   403'],
  ['POST /api/rota/auto-fill/:id/stop',      'E',     '401   2xx   2xx   404   2xx   403'],
  ['POST /api/rota/auto-fill/:id/stop',      'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/auto-fill/:id/discard',   'S',     '401   2xx   2xx   2xx   404   403'],
  ['POST /api/rota/auto-fill/:id/discard',   'E',     '401   2xx   2xx   404   2xx   403'],
  ['POST /api/rota/auto-fill/:id/discard',   'X',     '401   404   404   404   404   403'],
  ['POST /api/rota/auto-fill/:id/apply',     'S',     '401   2xx   2xx   2xx   404   403'],
  ['POST /api/rota/auto-fill/:id/apply',     'E',     '401   2xx   2xx   404   2xx   403'],
  ['POST /api/rota/auto-fill/:id/apply',     'X',     '401   404   404   404   404   403'],
  ['POST /api/coverage',                    'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/coverage',                    'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/coverage',                    'X',     '401   422   422   422   422   403'],
  ['POST /api/coverage/campaigns',          'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/coverage/campaigns',          'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/coverage/campaigns',          'X',     '401   422   422   422   422   403'],
  ['GET /api/training/modules',             'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/training/sessions',            'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/training/sessions/:id',        'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/training/sessions/:id',        'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/training/sessions/:id',        'X',     '401   404   404   404   404   403'],
  ['POST /api/training/sessions',           'S',     '401   2xx   2xx   2xx   403   403'],
  ['POST /api/training/sessions',           'E',     '401   2xx   2xx   403   2xx   403'],
  ['POST /api/training/sessions',           'X',     '401   422   422   422   422   403'],
  ['POST /api/training/sessions/:id/enrolments', 'S', '401  2xx   2xx   2xx   403   403'],
  ['POST /api/training/sessions/:id/enrolments', 'E', '401  2xx   2xx   403   2xx   403'],
  ['POST /api/training/sessions/:id/enrolments', 'X', '401  404   404   404   404   403'],
  ['DELETE /api/training/enrolments/:id',   'S',     '401   2xx   2xx   2xx   403   403'],
  ['DELETE /api/training/enrolments/:id',   'E',     '401   2xx   2xx   403   2xx   403'],
  ['DELETE /api/training/enrolments/:id',   'X',     '401   404   404   404   404   403'],
  ['POST /api/training/enrolments/:id/attendance', 'S', '401 2xx  2xx   2xx   403   403'],
  ['POST /api/training/enrolments/:id/attendance', 'E', '401 2xx  2xx   403   2xx   403'],
  ['POST /api/training/enrolments/:id/attendance', 'X', '401 404  404   404   404   403'],
  ['POST /api/training/enrolments/:id/validation', 'S', '401 2xx  2xx   403   403   403'],
  ['POST /api/training/enrolments/:id/validation', 'E', '401 2xx  2xx   403   403   403'],
  ['POST /api/training/enrolments/:id/validation', 'X', '401 404  404   403   403   403'],

  ['GET /api/me/pathway',                   'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id',           'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id',           'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/:id',           'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/:id',           'X',     '401   404   404   404   404   404'],
  ['GET /api/pathways/:id/summary.pdf', 'S',   '401   2xx   2xx   403   403   403'],
  ['GET /api/pathways/:id/summary.pdf', 'E',   '401   2xx   2xx   403   403   403'],
  ['GET /api/pathways/:id/summary.pdf', 'X',   '401   404   404   403   403   403'],
  // HR-only notes: a manager is refused even on their own site; every read is logged.
  ['GET /api/pathways/:id/notes',     'S',     '401   2xx   2xx   403   403   403'],
  ['GET /api/pathways/:id/notes',     'E',     '401   2xx   2xx   403   403   403'],
  ['GET /api/pathways/:id/notes',     'X',     '401   404   404   403   403   403'],
  ['POST /api/pathways/:id/notes',    'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/notes',    'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/notes',    'X',     '401   404   404   403   403   403'],
  // A contract's obligations read with the pathway; recorded and taken back by HR and admin only.
  ['GET /api/pathways/:id/obligations', 'self', '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id/obligations', 'S',    '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/:id/obligations', 'E',    '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/:id/obligations', 'X',    '401   404   404   404   404   404'],
  ['GET /api/obligations/due',        'none',  '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/obligations', 'S',  '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/obligations', 'E',  '401   2xx   2xx   403   403   403'],
  ['POST /api/contracts/:id/obligations', 'X',  '401   404   404   403   403   403'],
  ['DELETE /api/contract-obligations/:id', 'S', '401   2xx   2xx   403   403   403'],
  ['DELETE /api/contract-obligations/:id', 'E', '401   2xx   2xx   403   403   403'],
  ['DELETE /api/contract-obligations/:id', 'X', '401   404   404   403   403   403'],
  // The title block by block: read like the pathway, recorded by HR and admin only.
  ['GET /api/pathways/:id/certifications', 'self', '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id/certifications', 'S',    '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/:id/certifications', 'E',    '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/:id/certifications', 'X',    '401   404   404   404   404   404'],
  ['POST /api/pathways/:id/certifications/sessions', 'S', '401 2xx 2xx   403   403   403'],
  ['POST /api/pathways/:id/certifications/sessions', 'E', '401 2xx 2xx   403   403   403'],
  ['POST /api/pathways/:id/certifications/sessions', 'X', '401 404 404   403   403   403'],
  ['PUT /api/pathways/:id/certifications/training', 'S', '401  2xx  2xx   403   403   403'],
  ['PUT /api/pathways/:id/certifications/training', 'E', '401  2xx  2xx   403   403   403'],
  ['PUT /api/pathways/:id/certifications/training', 'X', '401  404  404   403   403   403'],
  // Competences: read like the pathway (and by the tutor); recorded by HR, admin or the tutor.
  ['GET /api/pathways/:id/competences',   'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id/competences',   'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/:id/competences',   'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/:id/competences',   'X',     '401   404   404   404   404   404'],
  ['PUT /api/contracts/:id/competences',  'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/contracts/:id/competences',  'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/contracts/:id/competences',  'X',     '401   404   404   404   404   404'],
  ['PATCH /api/pathways/:id/plan',          'S',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/:id/plan',          'E',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/:id/plan',          'X',     '401   404   404   403   403   403'],
  ['PATCH /api/pathways/milestones/:id',    'S',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/milestones/:id',    'E',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/milestones/:id',    'X',     '401   404   404   403   403   403'],
  ['POST /api/pathways/milestones/:id/evidence', 'S', '401  2xx   2xx   2xx   403   403'],
  ['POST /api/pathways/milestones/:id/evidence', 'E', '401  2xx   2xx   403   2xx   403'],
  ['POST /api/pathways/milestones/:id/evidence', 'X', '401  404   404   404   404   404'],
  ['GET /api/pathways/evidence/:id',        'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/evidence/:id',        'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/evidence/:id',        'X',     '401   404   404   404   404   404'],
  ['POST /api/pathways/evidence/:id/sign-off', 'S',  '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/evidence/:id/sign-off', 'E',  '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/evidence/:id/sign-off', 'X',  '401   404   404   403   403   403'],

  // Job search: read with the pathway; applications by HR and the person; the rest by HR.
  ['GET /api/pathways/:id/job-search',      'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/pathways/:id/job-search',      'S',     '401   2xx   2xx   2xx   403   403'],
  ['GET /api/pathways/:id/job-search',      'E',     '401   2xx   2xx   403   2xx   403'],
  ['GET /api/pathways/:id/job-search',      'X',     '401   404   404   404   404   404'],
  ['PUT /api/pathways/:id/project',         'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/pathways/:id/project',         'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/pathways/:id/project',         'X',     '401   404   404   403   403   403'],
  ['POST /api/pathways/:id/immersions',     'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/immersions',     'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/immersions',     'X',     '401   404   404   403   403   403'],
  ['POST /api/pathways/:id/applications',   'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/pathways/:id/applications',   'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/applications',   'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/applications',   'X',     '401   404   404   404   404   404'],
  ['PATCH /api/pathways/applications/:id',  'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['PATCH /api/pathways/applications/:id',  'S',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/applications/:id',  'E',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/applications/:id',  'X',     '401   404   404   404   404   404'],
  ['POST /api/pathways/:id/career-actions', 'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/career-actions', 'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/pathways/:id/career-actions', 'X',     '401   404   404   403   403   403'],
  ['PATCH /api/pathways/career-actions/:id', 'S',    '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/career-actions/:id', 'E',    '401   2xx   2xx   403   403   403'],
  ['PATCH /api/pathways/career-actions/:id', 'X',    '401   404   404   403   403   403'],
  // Partner employers belong to the organisation, not to a site: HR writes, managers read.
  ['GET /api/partner-employers',            'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['POST /api/partner-employers',           'none',  '401   2xx   2xx   403   403   403'],
  ['PATCH /api/partner-employers/:id',      'S',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/partner-employers/:id',      'E',     '401   2xx   2xx   403   403   403'],
  ['PATCH /api/partner-employers/:id',      'X',     '401   404   404   403   403   403'],

  ['POST /api/exits',                       'S',     '401   2xx   2xx   403   403   403'],
  ['POST /api/exits',                       'E',     '401   2xx   2xx   403   403   403'],
  ['POST /api/exits',                       'X',     '401   404   404   403   403   403'],
  ['PUT /api/exits/:id/follow-up',          'S',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/exits/:id/follow-up',          'E',     '401   2xx   2xx   403   403   403'],
  ['PUT /api/exits/:id/follow-up',          'X',     '401   404   404   403   403   403'],
  ['GET /api/exits',                        'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/reports/exits',                'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/reports/pathways',             'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/exports/training.xlsx',        'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/exports/training.csv',         'none',  '401   2xx   2xx   403   403   403'],
  ['GET /api/exports/exits.csv',            'none',  '401   2xx   2xx   403   403   403'],

  // The caller's own self-service data: no id, nothing of anyone else.
  ['GET /api/me/week',                      'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/me/week/seen',                'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/me/shifts',                    'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/me/colleagues',                'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/me/calendar',                  'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/me/calendar',                 'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['DELETE /api/me/calendar',               'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  // Public: the token in the URL is the credential.
  ['GET /api/calendar/:file',               'none',  '2xx   2xx   2xx   2xx   2xx   2xx'],
  ['GET /api/notifications',                'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/notifications/read-all',      'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/notifications/:id/read',      'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/notifications/:id/read',      'S',     '401   404   404   404   404   404'],
  ['POST /api/notifications/:id/read',      'E',     '401   404   404   404   404   404'],
  ['POST /api/notifications/:id/read',      'X',     '401   404   404   404   404   404'],
  ['GET /api/swaps',                        'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  // Only one's own published shift can be offered: anyone else's is unknown to the caller.
  ['POST /api/swaps',                       'S',     '401   404   404   404   404   404'],
  ['POST /api/swaps',                       'E',     '401   404   404   404   404   404'],
  ['POST /api/swaps',                       'X',     '401   404   404   404   404   404'],
  ['POST /api/swaps/:id/accept',            'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/swaps/:id/accept',            'S',     '401   403   403   403   404   404'],
  ['POST /api/swaps/:id/accept',            'E',     '401   403   403   404   403   404'],
  ['POST /api/swaps/:id/accept',            'X',     '401   404   404   404   404   404'],
  ['POST /api/swaps/:id/cancel',            'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/swaps/:id/cancel',            'S',     '401   403   403   403   404   404'],
  ['POST /api/swaps/:id/cancel',            'E',     '401   403   403   404   403   404'],
  ['POST /api/swaps/:id/cancel',            'X',     '401   404   404   404   404   404'],
  ['POST /api/swaps/:id/decision',          'S',     '401   2xx   2xx   2xx   404   403'],
  ['POST /api/swaps/:id/decision',          'E',     '401   2xx   2xx   404   2xx   403'],
  ['POST /api/swaps/:id/decision',          'X',     '401   404   404   404   404   403'],
  ['GET /api/swaps/exchangeable',           'S',     '401   422   422   2xx   422   2xx'],
  ['GET /api/swaps/exchangeable',           'E',     '401   422   422   422   2xx   422'],
  ['GET /api/swaps/exchangeable',           'X',     '401   422   422   422   422   422'],
  // Open shifts: listed and claimable only by people of the shift's site (or lent to it).
  ['GET /api/open-shifts',                  'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/open-shifts/:id/claims',      'S',     '401   404   404   2xx   404   2xx'],
  ['POST /api/open-shifts/:id/claims',      'E',     '401   404   404   404   2xx   404'],
  ['POST /api/open-shifts/:id/claims',      'X',     '401   404   404   404   404   404'],
  ['GET /api/claims',                       'none',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/claims/:id/withdraw',         'self',  '401   2xx   2xx   2xx   2xx   2xx'],
  ['POST /api/claims/:id/withdraw',         'S',     '401   403   403   403   404   404'],
  ['POST /api/claims/:id/withdraw',         'E',     '401   403   403   404   403   404'],
  ['POST /api/claims/:id/withdraw',         'X',     '401   404   404   404   404   404'],
  ['POST /api/claims/:id/decision',         'S',     '401   2xx   2xx   2xx   404   403'],
  ['POST /api/claims/:id/decision',         'E',     '401   2xx   2xx   404   2xx   403'],
  ['POST /api/claims/:id/decision',         'X',     '401   404   404   404   404   403'],
  ['GET /api/pending',                      'none',  '401   2xx   2xx   2xx   2xx   403'],
  ['GET /api/pending/count',                'none',  '401   2xx   2xx   2xx   2xx   403'],
];

/** A swap as its two people see it: the shift as published, names, messages; no checks. */
const SWAP_FIELDS = [
  'id',
  'status',
  'shiftId',
  'siteId',
  'siteName',
  'locationName',
  'activity',
  'start',
  'end',
  'fromPersonId',
  'fromPersonName',
  'toPersonId',
  'toPersonName',
  'message',
  'reply',
  'createdAt',
  'decidedAt',
  // Null for a one-way swap; else the colleague's shift as published.
  'counterShift',
  'counterShift.id',
  'counterShift.siteName',
  'counterShift.locationName',
  'counterShift.activity',
  'counterShift.start',
  'counterShift.end',
].map((path) => `[].${path}`);

/** An open shift or a claim as the person who may take it sees it: the shift as published. */
const OPEN_SHIFT_FIELDS = [
  'id',
  'siteId',
  'siteName',
  'locationName',
  'locationAddress',
  'activity',
  'start',
  'end',
  'breakMinutes',
  'note',
  'version',
  'pendingClaimId',
];
const CLAIM_FIELDS = [
  'id',
  'status',
  'shiftId',
  'siteId',
  'siteName',
  'locationName',
  'activity',
  'start',
  'end',
  'personId',
  'personName',
  'message',
  'reply',
  'createdAt',
  'decidedAt',
];

/** Served by the router on purpose without a session: the OpenAPI document and Swagger UI. */
const DOCUMENTATION_PREFIXES = ['/api/docs'];

interface Cell {
  title: string;
  route: string;
  scope: Scope;
  role: Role;
  outcome: Outcome;
}

const CELLS: Cell[] = TABLE.flatMap(([route, scope, outcomes]) => {
  const expected = outcomes.trim().split(/\s+/) as Outcome[];
  if (expected.length !== ROLES.length)
    throw new Error(`${route} [${scope}]: ${ROLES.length} outcomes expected`);
  return ROLES.map((role, index) => ({
    title: `${route} [${scope}] as ${role} → ${expected[index]}`,
    route,
    scope,
    role,
    outcome: expected[index],
  }));
});

function placesOf(scope: Scope, isUnknown: boolean): Pick<Target, 'place' | 'ref'> {
  const foreign: Place = isUnknown ? 'unknown' : 'X';
  if (scope === 'X') return { place: foreign, ref: foreign };
  if (scope === 'S+X') return { place: 'S', ref: foreign };
  if (scope === 'E') return { place: 'E', ref: 'E' };
  return { place: 'S', ref: 'S' };
}

function statusClass(status: number): string {
  return status >= 200 && status < 300 ? '2xx' : String(status);
}

/**
 * What a mediator's answers may contain, by route: their own data in full, and of colleagues only
 * what a printed rota on the office wall shows (names, times, activity, place). `x.*` allows a
 * whole subtree of the caller's own record. Any other field in a mediator's 2xx answer fails.
 */
const MEDIATOR_FIELDS: Record<string, string[]> = {
  'GET /api/health': ['status'],
  'POST /api/auth/login': ['id', 'email', 'firstName', 'lastName', 'personId', 'role', 'siteIds[]'],
  'POST /api/auth/accept-link': ['(value)'],
  'POST /api/auth/logout': ['(value)'],
  'GET /api/auth/me': ['id', 'email', 'firstName', 'lastName', 'personId', 'role', 'siteIds[]'],
  'GET /api/sites': ['[].*'],
  // GET /api/people and /api/people/:id answer a mediator with their own record only.
  'GET /api/people': ['[].*'],
  'GET /api/people/:id': ['*'],
  'GET /api/people/:id/contracts': ['[].*'],
  'GET /api/people/:id/loans': ['[].*'],
  // No HR-note route: a mediator is refused them (403), her own included.
  'GET /api/people/:id/leave-balance': ['*'],
  'GET /api/compliance': ['[].*'],
  'GET /api/requests': ['[].*'],
  'POST /api/requests': ['*'],
  'GET /api/rota': [
    'view',
    'siteId',
    'week',
    'status',
    'version',
    'publishedAt',
    'holidays[]',
    'shifts[].id',
    'shifts[].siteId',
    'shifts[].personId',
    'shifts[].locationId',
    'shifts[].activity',
    'shifts[].start',
    'shifts[].end',
    'shifts[].breakMinutes',
    'shifts[].note',
    'shifts[].version',
    'shifts[].isChangedSincePublication',
    'shifts[].trainingSessionId',
    'people[].id',
    'people[].firstName',
    'people[].lastName',
    'people[].homeSiteId',
  ],
  'GET /api/rota/templates': ['[].*'],
  'GET /api/coverage': ['[].*'],
  'GET /api/training/modules': ['[].*'],
  'GET /api/training/sessions': ['[].*'],
  'GET /api/me/pathway': ['*'],
  'GET /api/me/statements': ['[].*'],
  'GET /api/me/statements/:month/statement.pdf': ['(value)'],
  'POST /api/me/statements/sign-off': ['*'],
  'GET /api/pathways/:id': ['*'],
  // Their own contract's obligations, as their pathway shows them.
  'GET /api/pathways/:id/obligations': ['*'],
  'GET /api/pathways/:id/certifications': ['*'],
  'GET /api/pathways/:id/competences': ['*'],
  'GET /api/pathways/:id/job-search': ['*'],
  'POST /api/pathways/:id/applications': ['*'],
  'PATCH /api/pathways/applications/:id': ['*'],
  'GET /api/me/week': ['*'],
  'POST /api/me/week/seen': ['(value)'],
  'GET /api/me/shifts': ['[].*'],
  'GET /api/me/colleagues': ['[].id', '[].firstName', '[].lastName'],
  'GET /api/me/calendar': ['*'],
  'POST /api/me/calendar': ['*'],
  'DELETE /api/me/calendar': ['(value)'],
  'GET /api/calendar/:file': ['(value)'],
  // Their own PEC's attestation, a PDF.
  'GET /api/contracts/:id/experience-attestation.pdf': ['(value)'],
  'GET /api/notifications': ['*'],
  'POST /api/notifications/read-all': ['(value)'],
  'POST /api/notifications/:id/read': ['(value)'],
  'GET /api/swaps': SWAP_FIELDS,
  'POST /api/swaps/:id/accept': SWAP_FIELDS.map((path) => path.slice(3)),
  'POST /api/swaps/:id/cancel': SWAP_FIELDS.map((path) => path.slice(3)),
  // A colleague's published shifts: what the office wall shows (when, where, what).
  'GET /api/swaps/exchangeable': [
    '[].id',
    '[].version',
    '[].siteName',
    '[].locationName',
    '[].activity',
    '[].start',
    '[].end',
  ],
  'GET /api/open-shifts': OPEN_SHIFT_FIELDS.map((path) => `[].${path}`),
  'POST /api/open-shifts/:id/claims': CLAIM_FIELDS,
  'GET /api/claims': CLAIM_FIELDS.map((path) => `[].${path}`),
  'POST /api/claims/:id/withdraw': CLAIM_FIELDS,
};

/** The text a leak scan reads: JSON as sent, CSV and ICS as is, a workbook's cells once opened. */
async function answerText(response: ApiResponse): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    });
    return cells.join('\n');
  }
  return typeof response.body === 'string' ? response.body : (JSON.stringify(response.body) ?? '');
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Whether `name` stands in `text` as a whole (not inside a longer name or number). */
function holdsName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

function matchesField(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** Every field path of a JSON answer ("people[].firstName"), array items merged. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, `${prefix}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      fieldPaths(item, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix || '(value)'];
}

/** Routes of the running Fastify router, from its own listing (HEAD twins of GET left out). */
function routerRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^(.*?)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('access-control matrix: every route × role × site / organisation', () => {
  let t: TestApp;
  let w: World;
  const answers: {
    title: string;
    route: string;
    role: Role;
    status: number;
    isUnknown: boolean;
    isText: boolean;
    text: string;
  }[] = [];
  const mediatorAnswers: { route: string; body: unknown }[] = [];
  const managerAnswers: { route: string; body: unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = new World(t);
    await w.setUp();
    for (const role of Object.keys(EMAILS) as SignedRole[]) {
      w.cookies[role] = await t.login(EMAILS[role]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  async function send(cell: Cell, isUnknown: boolean): Promise<ApiResponse> {
    const target: Target = {
      role: cell.role,
      scope: cell.scope,
      ...placesOf(cell.scope, isUnknown),
      isSelf: cell.scope === 'self',
      isAdminTarget: cell.scope === 'admin',
    };
    const call = await CALLS[cell.route](w, target);
    const method = cell.route.split(' ')[0];
    const cookie = call.cookie ?? (cell.role === 'anonymous' ? undefined : w.cookies[cell.role]);
    const response = await t.request(method, call.path, { body: call.body, cookie });
    answers.push({
      title: cell.title,
      route: cell.route,
      role: cell.role,
      status: response.status,
      isUnknown,
      isText: !/json/.test(response.headers.get('content-type') ?? 'json'),
      text: await answerText(response),
    });
    if (cell.role === 'mediator' && statusClass(response.status) === '2xx' && !isUnknown)
      mediatorAnswers.push({ route: cell.route, body: response.body });
    if (
      (cell.role === 'managerSud' || cell.role === 'managerEst') &&
      statusClass(response.status) === '2xx' &&
      !isUnknown
    )
      managerAnswers.push({ route: cell.route, body: response.body });
    return response;
  }

  it('has an expectation for every route the router serves, and none for a route it lacks', () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const served = routerRoutes(fastify.printRoutes({ commonPrefix: false }));
    const api = served.filter(
      (route) => !DOCUMENTATION_PREFIXES.some((prefix) => route.split(' ')[1].startsWith(prefix)),
    );
    expect(api.length).toBeGreaterThan(30);
    const tabled = new Set(TABLE.map(([route]) => route));
    expect(api.filter((route) => !tabled.has(route))).toEqual([]);
    expect([...tabled].filter((route) => !api.includes(route))).toEqual([]);
    expect(Object.keys(CALLS).sort()).toEqual([...tabled].sort());
    // A route addressed by site or id is checked on the other site and the other organisation too.
    const scopes = (route: string) => TABLE.filter(([r]) => r === route).map(([, scope]) => scope);
    for (const route of tabled) {
      if (scopes(route).includes('S'))
        expect({ route, scopes: scopes(route) }).toEqual({
          route,
          scopes: expect.arrayContaining(['S', 'E', 'X']),
        });
    }
  });

  it('serves the API documentation without a session', async () => {
    const response = await t.request<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toContain('/api/people/{id}');
  });

  it.each(CELLS.map((cell) => [cell.title, cell] as const))('%s', async (_, cell) => {
    const response = await send(cell, false);
    expect({ status: statusClass(response.status), body: response.body }).toMatchObject({
      status: cell.outcome,
    });
    if (cell.scope === 'X' || cell.scope === 'S+X') {
      // Another organisation's id is answered exactly like an id that exists nowhere.
      const unknown = await send(cell, true);
      expect(unknown.status).toBe(response.status);
    }
  });

  it('never shows another organisation’s names or ids in any answer of the matrix', () => {
    expect(answers.length).toBeGreaterThanOrEqual(CELLS.length);
    const leaks = answers.filter(
      ({ text }) => text.includes(FOREIGN_MARKER) || w.foreignIds.some((id) => text.includes(id)),
    );
    expect(leaks.map(({ title }) => title)).toEqual([]);
  });

  it('answers a manager or a mediator with records of their own sites only, on every readable route', async () => {
    // Where each site-bound record of the demo organisation belongs: a person to her home site
    // and the sites she is lent to, a shift or a session to its site. Head-office staff (no home
    // site) belong to no site. A record about the caller herself is hers wherever it is. Sites
    // and places are the organisation's directory, which GET /api/sites shows every account.
    const records = await w.query<{
      kind: string;
      id: string;
      sites: string[];
      personId: string | null;
      name: string | null;
    }>(
      `SELECT 'person' AS kind, p.id::text AS id,
              ARRAY(SELECT p.home_site_id::text UNION SELECT l.site_id::text FROM site_loan l WHERE l.person_id = p.id) AS sites,
              p.id::text AS "personId", p.last_name AS name
         FROM person p WHERE p.organisation_id = $1 AND p.home_site_id IS NOT NULL
       UNION ALL
       SELECT 'shift', id::text, ARRAY[site_id::text], person_id::text, NULL
         FROM shift WHERE organisation_id = $1
       UNION ALL
       SELECT 'training session', id::text, ARRAY[site_id::text], NULL, NULL
         FROM training_session WHERE organisation_id = $1`,
      [w.ids['organisation']],
    );
    const byId = new Map(records.map((record) => [record.id, record]));
    const restricted = ['managerSud', 'managerEst', 'mediator'] as const;
    const sitesOf = {} as Record<(typeof restricted)[number], string[]>;
    for (const role of restricted) {
      const me = await t.request<{ siteIds: string[] }>('GET', '/api/auth/me', {
        cookie: w.cookies[role],
      });
      sitesOf[role] = me.body.siteIds;
    }
    // The scan can fail: each restricted caller has sites, and other sites exist.
    expect(sitesOf.managerSud).toEqual(expect.arrayContaining([w.id('S', 'site')]));
    expect(sitesOf.managerEst).toEqual([w.id('E', 'site')]);
    expect(sitesOf.mediator).toEqual([w.id('S', 'site')]);

    const scanned = new Set<string>();
    const leaks: string[] = [];
    for (const answer of answers) {
      const role = answer.role as (typeof restricted)[number];
      if (!restricted.includes(role) || answer.isUnknown) continue;
      if (!answer.route.startsWith('GET ') || statusClass(answer.status) !== '2xx') continue;
      // A calendar feed answers for its token's holder, whoever calls.
      if (answer.route === 'GET /api/calendar/:file') continue;
      scanned.add(answer.route);
      const allowed = new Set(sitesOf[role]);
      const self = w.personOf(role);
      const isForeign = (record: (typeof records)[number]) =>
        record.personId !== self && !record.sites.some((site) => allowed.has(site));
      for (const id of new Set(answer.text.match(UUID) ?? [])) {
        const record = byId.get(id);
        if (record && isForeign(record)) {
          const at = answer.text.indexOf(id);
          const around = answer.text.slice(Math.max(0, at - 120), at + 60);
          leaks.push(`${answer.title}: ${record.kind} ${id} in …${around}…`);
        }
      }
      // Exports and calendars name people rather than carry ids.
      if (!answer.isText) continue;
      const ownNames = new Set(
        records
          .filter((record) => record.kind === 'person' && !isForeign(record))
          .map((record) => record.name),
      );
      for (const record of records) {
        if (record.kind !== 'person' || !record.name || ownNames.has(record.name)) continue;
        if (isForeign(record) && holdsName(answer.text, record.name))
          leaks.push(`${answer.title}: person ${record.name}`);
      }
    }
    // Every readable route a restricted role reaches was scanned.
    const reached = TABLE.filter(
      ([route, , outcomes]) =>
        route.startsWith('GET ') &&
        route !== 'GET /api/calendar/:file' &&
        outcomes
          .trim()
          .split(/\s+/)
          .slice(3)
          .some((outcome) => outcome === '2xx'),
    ).map(([route]) => route);
    expect([...new Set(reached)].filter((route) => !scanned.has(route))).toEqual([]);
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('opens the spreadsheet exports before scanning them', () => {
    // The people export of HR names a person of Paris Sud: the scan reads cells, not zip bytes.
    const workbook = answers.find(
      ({ title }) => title === 'GET /api/exports/people.xlsx [none] as hr → 2xx',
    );
    expect(workbook?.text).toMatch(/Traoré/);
  });

  it('answers a mediator with only the fields a mediator may see, route by route', () => {
    expect(mediatorAnswers.length).toBeGreaterThan(20);
    const unlisted = new Set<string>();
    const extra: string[] = [];
    for (const { route, body } of mediatorAnswers) {
      const allowed = MEDIATOR_FIELDS[route];
      if (!allowed) {
        unlisted.add(route);
        continue;
      }
      for (const path of fieldPaths(body)) {
        if (!allowed.some((pattern) => matchesField(pattern, path)))
          extra.push(`${route}: ${path}`);
      }
    }
    // A route a mediator reaches must say what its answer may hold; a new field must be added here.
    expect([...unlisted]).toEqual([]);
    expect([...new Set(extra)]).toEqual([]);
  });

  it('never shows pay to a manager or a mediator: a site-week’s labour cost total at most', () => {
    // The demo's contracts all record an hourly cost: a contract read would carry it.
    expect(managerAnswers.length).toBeGreaterThan(20);
    const leaks = [...mediatorAnswers, ...managerAnswers].flatMap(({ route, body }) =>
      fieldPaths(body)
        .filter((path) => /cost/i.test(path))
        .filter((path) => !(route === 'GET /api/rota' && path.startsWith('totals.')))
        .map((path) => `${route}: ${path}`),
    );
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('changed nothing of the other organisation', async () => {
    const byId = (entries: { row: Record<string, unknown> }[]) =>
      [...entries].sort((a, b) => String(a.row['id']).localeCompare(String(b.row['id'])));
    expect(byId(await w.foreignRowsNow())).toEqual(byId(w.foreignRows));
  });

  it('keeps lists within the caller’s sites', async () => {
    const estSite = w.id('E', 'site');
    const people = await t.request<PersonSummary[]>('GET', '/api/people?status=all', {
      cookie: w.cookies.managerEst,
    });
    expect(people.body.length).toBeGreaterThan(0);
    expect(
      people.body.filter(
        (person) => person.homeSiteId !== estSite && person.id !== w.personOf('managerEst'),
      ),
    ).toEqual([]);

    const own = await t.request<PersonSummary[]>('GET', '/api/people?status=all', {
      cookie: w.cookies.mediator,
    });
    expect(own.body.map((person) => person.id)).toEqual([w.personOf('mediator')]);

    const [sudPending] = await w.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_request r JOIN person p ON p.id = r.person_id WHERE p.home_site_id = $1 AND r.status = 'pending'`,
      [w.id('S', 'site')],
    );
    expect(sudPending.n).toBeGreaterThan(0);
    const estHomes = new Set(
      (
        await w.query<{ id: string }>(`SELECT id FROM person WHERE home_site_id = $1`, [estSite])
      ).map((row) => row.id),
    );
    const requests = await t.request<StaffRequest[]>('GET', '/api/requests', {
      cookie: w.cookies.managerEst,
    });
    expect(
      requests.body.filter(
        (request) =>
          !estHomes.has(request.personId) && request.personId !== w.personOf('managerEst'),
      ),
    ).toEqual([]);
    const mine = await t.request<StaffRequest[]>('GET', '/api/requests', {
      cookie: w.cookies.mediator,
    });
    expect(mine.body.filter((request) => request.personId !== w.personOf('mediator'))).toEqual([]);
  });
});
