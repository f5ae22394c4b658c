import type {
  ApiError,
  Contract,
  PersonEligibility,
  PublishResult,
  RotaWeek,
  ShiftResult,
  Site,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  addMonths,
  isoWeekday,
  isoWeekOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { todayIn } from '../../common/today';
import { newPersonWithAccount } from '../../testing/person-fixtures';
import { unpublishSiteWeek } from '../../testing/site-week-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';

/**
 * Facts the rules read and HR records on the contract or the person: the night worker status
 * (L3122-5, then 8 h per 24 h, L3122-6), a multi-week cycle (7 days' notice of a change,
 * L3121-47) and a student's studies (the part-time derogation under 26, L3123-7), over HTTP
 * against PostgreSQL.
 */
describe('contract facts the rules read', () => {
  let t: TestApp;
  let hr: string;
  let site: Site;
  const today = todayIn();
  const thisWeek = isoWeekOf(today);

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    // Seeded France Services sites block an empty week on the desk's trained pair: Sud plans
    // here as an ordinary site.
    await t.dataSource.query(`UPDATE site SET is_france_services = false WHERE code = 'S'`);
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    site = sites.find((candidate) => candidate.code === 'S') as Site;
  });

  afterAll(async () => {
    await t.close();
  });

  const desk = (): string =>
    (site.locations.find((location) => location.kind === 'site') ?? site.locations[0]).id;
  const at = (date: string, time: string) => new Date(zonedInstant(date, time, TZ)).toISOString();
  const rulesOf = (violations: Violation[], personId: string, rule: string) =>
    violations.filter((violation) => violation.personId === personId && violation.rule === rule);

  async function rota(week: string): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function person(lastName: string, weeklyHours = 35): Promise<string> {
    return (
      await newPersonWithAccount(t, hr, {
        lastName,
        homeSiteId: site.id,
        contract: { start: addDays(today, -60), weeklyHours },
      })
    ).id;
  }

  async function contractOf(personId: string): Promise<Contract> {
    const response = await t.request<Contract[]>('GET', `/api/people/${personId}/contracts`, {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    return response.body[0];
  }

  async function shift(personId: string, date: string, from: string, to: string, pause = 30) {
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: hr,
      body: {
        personId,
        locationId: desk(),
        activity: 'accueil',
        start: at(date, from),
        end: at(date, to),
        breakMinutes: pause,
      },
    });
    expect(created.status).toBe(201);
    return created.body.shift;
  }

  describe('night worker by the contract (L3122-5, L3122-6)', () => {
    const week = addIsoWeeks(thisWeek, 30);
    const tuesday = addDays(windowOfIsoWeek(week).from, 1);

    it('records the status, and a day of 8 h 01 then blocks for that person only', async () => {
      const night = await person('Nocturne');
      const day = await person('Diurne');
      const contract = await contractOf(night);
      expect(contract).toMatchObject({ isNightWorker: false, cycleWeeks: null });
      const corrected = await t.request<Contract>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body: { isNightWorker: true },
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.isNightWorker).toBe(true);
      const [audit] = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'contract.correct' AND entity_id = $1`,
        [contract.id],
      );
      expect(audit.details).toMatchObject({
        before: { isNightWorker: false },
        after: { isNightWorker: true },
      });

      // 08:00–16:31 with a 30-minute break: 8 h 01 of work.
      const long = await shift(night, tuesday, '08:00', '16:31');
      await shift(day, tuesday, '08:00', '16:31');
      const violations = (await rota(week)).violations;
      const [blocked] = rulesOf(violations, night, 'NIGHT_WORK');
      expect(blocked).toMatchObject({ severity: 'block', shiftIds: [long.id] });
      expect(rulesOf(violations, day, 'NIGHT_WORK')).toEqual([]);

      const { from, to } = windowOfIsoWeek(week);
      const compliance = await t.request<Violation[]>(
        'GET',
        `/api/compliance?personId=${night}&from=${from}&to=${to}`,
        { cookie: hr },
      );
      expect(rulesOf(compliance.body, night, 'NIGHT_WORK')).toHaveLength(1);
    });
  });

  describe('a multi-week cycle (L3121-44, L3121-47)', () => {
    // A weekday 3 to 5 days from today: fewer than the cycle's 7 days of notice.
    let day = addDays(today, 3);
    while (isoWeekday(day) > 5) day = addDays(day, 1);
    const week = isoWeekOf(day);

    it('a change published 3 to 5 days ahead warns for a person in a cycle, not on a weekly schedule', async () => {
      const { from, to } = windowOfIsoWeek(week);
      await t.dataSource.query(
        `DELETE FROM shift WHERE site_id = $1 AND start_at >= $2 AND start_at < $3`,
        [site.id, at(from, '00:00'), at(addDays(to, 1), '00:00')],
      );
      // From a Monday or a Tuesday, that day falls in this week, which the demo has published:
      // its removed shifts would then be late changes of their own. A week never published.
      await unpublishSiteWeek(t.dataSource, site.id, week);
      const cycled = await person('Cyclique');
      const weekly = await person('Hebdo');
      const contract = await contractOf(cycled);
      const corrected = await t.request<Contract>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body: { cycleWeeks: 4 },
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.cycleWeeks).toBe(4);

      const shifts = [
        await shift(cycled, day, '09:00', '13:00', 0),
        await shift(weekly, day, '09:00', '13:00', 0),
      ];
      const published = await t.request<PublishResult | ApiError>('POST', '/api/rota/publish', {
        cookie: hr,
        body: { siteId: site.id, week, justification: 'Vérifié avec l’équipe.' },
      });
      expect(published.status).toBe(200);
      for (const moved of shifts) {
        const response = await t.request<ShiftResult>('PATCH', `/api/shifts/${moved.id}`, {
          cookie: hr,
          body: { version: moved.version, start: at(day, '10:00'), end: at(day, '14:00') },
        });
        expect(response.status).toBe(200);
      }
      const violations = (await rota(week)).violations;
      const [notice] = rulesOf(violations, cycled, 'CYCLE_NOTICE');
      expect(notice).toMatchObject({ severity: 'warn', shiftIds: [shifts[0].id] });
      expect(notice.message).toContain('L3121-47');
      expect(rulesOf(violations, weekly, 'CYCLE_NOTICE')).toEqual([]);
    });
  });

  describe('the student derogation to the 24 h part-time floor (L3123-7)', () => {
    const start = addDays(today, 10);
    // Turning 26 the day after the contract's start: still under 26 on its first day.
    const birthDate = `${Number(start.slice(0, 4)) - 26}${addDays(start, 1).slice(4)}`;

    async function facts(personId: string, body: Partial<PersonEligibility>) {
      const response = await t.request<PersonEligibility>(
        'PUT',
        `/api/people/${personId}/eligibility`,
        {
          cookie: hr,
          body: {
            birthDate: null,
            isPecExtendedCapEligible: false,
            isOutOfWorkAtHiring: null,
            qpvName: null,
            qpvCheckedOn: null,
            prefectException: null,
            ...body,
          },
        },
      );
      expect(response.status).toBe(200);
      return response.body;
    }

    const sign = (personId: string) =>
      t.request<Contract | ApiError>('POST', '/api/contracts', {
        cookie: hr,
        body: {
          personId,
          type: 'CDD',
          reason: 'temporary_increase',
          start,
          end: addDays(start, 90),
          weeklyHours: 15,
          partTimeDerogation: 'student_under_26',
        },
      });

    it('is refused until the studies are recorded, then accepted', async () => {
      const id = (
        await t.request<{ id: string }>('POST', '/api/people', {
          cookie: hr,
          body: { firstName: 'Lina', lastName: 'Etudiante', homeSiteId: site.id, role: 'mediator' },
        })
      ).body.id;
      const unknown = await sign(id);
      expect(unknown.status).toBe(422);
      expect((unknown.body as ApiError).message).toContain('date de naissance');

      expect((await facts(id, { birthDate })).isStudent).toBeNull();
      const noStudies = await sign(id);
      expect(noStudies.status).toBe(422);
      expect((noStudies.body as ApiError).message).toContain('poursuite d’études');

      expect((await facts(id, { birthDate, isStudent: true })).isStudent).toBe(true);
      // A PUT that leaves the studies out keeps them.
      expect((await facts(id, { birthDate })).isStudent).toBe(true);
      const signed = await sign(id);
      expect(signed.status).toBe(201);
    });

    it('is refused at 26 on the first day', async () => {
      const id = (
        await t.request<{ id: string }>('POST', '/api/people', {
          cookie: hr,
          body: { firstName: 'Noé', lastName: 'Vingtsix', homeSiteId: site.id, role: 'mediator' },
        })
      ).body.id;
      await facts(id, {
        birthDate: `${Number(start.slice(0, 4)) - 26}${start.slice(4)}`,
        isStudent: true,
      });
      const refused = await sign(id);
      expect(refused.status).toBe(422);
      expect((refused.body as ApiError).message).toContain('26 ans au début du contrat');
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM contract WHERE person_id = $1`,
        [id],
      );
      expect(n).toBe(0);
    });
  });

  describe('a PEC’s duration facts (L5134-25-1)', () => {
    async function bare(lastName: string): Promise<string> {
      const created = await t.request<{ id: string }>('POST', '/api/people', {
        cookie: hr,
        body: {
          firstName: 'Inès',
          lastName,
          email: `${lastName.toLowerCase()}@relais.test`,
          homeSiteId: site.id,
          role: 'mediator',
        },
      });
      expect(created.status).toBe(201);
      return created.body.id;
    }
    const sign = (body: Record<string, unknown>) =>
      t.request<Contract | ApiError>('POST', '/api/contracts', { cookie: hr, body });
    /** A tutor on a CDI, without an account (each login counts against the rate limit). */
    async function tutor(lastName: string): Promise<string> {
      const id = await bare(lastName);
      const signed = await sign({
        personId: id,
        type: 'CDI',
        start: addDays(today, -60),
        weeklyHours: 35,
      });
      expect(signed.status).toBe(201);
      return id;
    }
    const rulesOfRefusal = (body: Contract | ApiError): string[] =>
      ((body as ApiError).violations ?? []).map((violation) => violation.rule);

    it('a 3-month initial term only with the derogation recorded, one day short refused', async () => {
      const tutorId = await tutor('Tuteurpec');
      const start = addDays(today, 10);
      const base = { type: 'PEC', start, weeklyHours: 20, tutorId };
      const threeMonths = addDays(addMonths(start, 3), -1);
      const without = await sign({ ...base, personId: await bare('Sansderog'), end: threeMonths });
      expect(without.status).toBe(422);
      expect(rulesOfRefusal(without.body)).toEqual(['PEC_DURATION']);
      expect((without.body as ApiError).message).toContain('L5134-25-1');
      const short = await sign({
        ...base,
        personId: await bare('Troppcourt'),
        end: addDays(threeMonths, -1),
        hasReducedInitialTerm: true,
      });
      expect(short.status).toBe(422);
      const signed = await sign({
        ...base,
        personId: await bare('Amenagement'),
        end: threeMonths,
        hasReducedInitialTerm: true,
      });
      expect(signed.status).toBe(201);
      expect((signed.body as Contract).hasReducedInitialTerm).toBe(true);
      const cdd = await sign({
        type: 'CDD',
        reason: 'temporary_increase',
        personId: await bare('Cddreduit'),
        start,
        end: threeMonths,
        weeklyHours: 35,
        hasReducedInitialTerm: true,
      });
      expect(cdd.status).toBe(422);
      expect((cdd.body as ApiError).details).toEqual([
        { field: 'hasReducedInitialTerm', message: 'réservé au PEC' },
      ]);
      // Corrected into a CDD, the PEC's short initial term goes with it.
      const corrected = await t.request<Contract>(
        'PATCH',
        `/api/contracts/${(signed.body as Contract).id}`,
        {
          cookie: hr,
          body: { type: 'CDD', reason: 'temporary_increase', weeklyHours: 35, tutorId: null },
        },
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body.hasReducedInitialTerm).toBe(false);
    });

    it('past 24 months only to finish a recorded training action, never beyond its end', async () => {
      const tutorId = await tutor('Tuteurform');
      const start = addDays(today, 10);
      const end = addDays(addMonths(start, 26), -1);
      const base = { type: 'PEC', start, end, weeklyHours: 20, tutorId };
      const capped = await sign({ ...base, personId: await bare('Plafond') });
      expect(capped.status).toBe(422);
      expect(rulesOfRefusal(capped.body)).toEqual(['PEC_DURATION']);
      const past = await sign({
        ...base,
        personId: await bare('Audela'),
        trainingExtensionAction: 'Titre professionnel MSADS',
        trainingExtensionEnd: addDays(end, -1),
      });
      expect(past.status).toBe(422);
      expect((past.body as ApiError).message).toContain('ne peut dépasser le terme de l’action');
      const halfTold = await sign({
        ...base,
        personId: await bare('Moitie'),
        trainingExtensionAction: 'Titre professionnel MSADS',
      });
      expect(halfTold.status).toBe(422);
      expect((halfTold.body as ApiError).details).toEqual([
        { field: 'trainingExtensionEnd', message: 'terme de l’action obligatoire' },
      ]);
      const signed = await sign({
        ...base,
        personId: await bare('Prolonge'),
        trainingExtensionAction: 'Titre professionnel MSADS',
        trainingExtensionEnd: end,
      });
      expect(signed.status).toBe(201);
      expect((signed.body as Contract).trainingExtension).toEqual({
        action: 'Titre professionnel MSADS',
        end,
      });
    });
  });

  describe('bad input', () => {
    let refused = 0;
    it.each<[string, Record<string, unknown>, string]>([
      ['a cycle of 1 week', { cycleWeeks: 1 }, '« cycleWeeks » : valeur trop petite'],
      ['a cycle of 53 weeks', { cycleWeeks: 53 }, '« cycleWeeks » : valeur trop grande'],
      ['a cycle of 2.5 weeks', { cycleWeeks: 2.5 }, '« cycleWeeks » : doit être un nombre entier'],
      [
        'a night status that is not a boolean',
        { isNightWorker: 'oui' },
        '« isNightWorker » : doit valoir true ou false',
      ],
    ])('%s is refused naming the field, nothing written', async (_, body, words) => {
      const id = await person(`Refus${++refused}`);
      const contract = await contractOf(id);
      const response = await t.request<ApiError>('PATCH', `/api/contracts/${contract.id}`, {
        cookie: hr,
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(words);
      expect(await contractOf(id)).toEqual(contract);
    });

    it('a student status that is not a boolean is refused', async () => {
      const id = await person('Statut');
      const response = await t.request<ApiError>('PUT', `/api/people/${id}/eligibility`, {
        cookie: hr,
        body: {
          birthDate: null,
          isPecExtendedCapEligible: false,
          isOutOfWorkAtHiring: null,
          qpvName: null,
          qpvCheckedOn: null,
          prefectException: null,
          isStudent: 'oui',
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('isStudent');
    });
  });
});
