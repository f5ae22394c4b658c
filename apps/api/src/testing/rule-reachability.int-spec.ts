import type {
  ApiError,
  Contract,
  OrganisationSettingsAnswer,
  Pathway,
  PersonSummary,
  Post,
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
  isoWeekOf,
  RULE_CODES,
  RuleCode,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { todayIn } from '../common/today';
import { unpublishSiteWeek } from './site-week-fixtures';
import { startTestApp, TestApp } from './test-app';

const TZ = 'Europe/Paris';

/**
 * Every code of the rule catalogue (the codes of the domain's rules.md, and the ones added since)
 * produced through the API's own inputs: HR's and managers' requests, never a row written behind
 * the product's back. A code without a scenario does not compile; a scenario that no longer
 * produces its code fails. Each scenario uses people of its own and a week nobody else plans.
 *
 * Where each code comes out: the rota week (`GET /api/rota`) or a person's compliance
 * (`GET /api/compliance`) for groups A, B, C and E; the 422 of `POST /api/contracts` for
 * group D; a pathway's alerts (`GET /api/pathways/{id}`) for group F and CONTRACT_ENDING; the 409
 * of an overlapping shift for OVERLAP.
 */
describe('every rule code is reachable from the API', () => {
  let t: TestApp;
  let hr: string;
  let admin: string;
  let sites: Site[];
  const today = todayIn();
  const thisWeek = isoWeekOf(today);
  let weekOffset = 30;
  let nameCount = 0;

  /** A week of its own for each scenario, far enough that nothing is planned in it. */
  const freshWeeks = (count = 1): string => {
    const first = addIsoWeeks(thisWeek, weekOffset);
    weekOffset += count;
    return first;
  };
  const dayOf = (week: string, index: number): string => addDays(windowOfIsoWeek(week).from, index);
  const at = (date: string, time: string): string =>
    new Date(zonedInstant(date, time, TZ)).toISOString();
  const site = (code: string): Site => sites.find((one) => one.code === code) as Site;
  const desk = (code = 'S'): string =>
    (site(code).locations.find((location) => location.kind === 'site') ?? site(code).locations[0])
      .id;
  const rules = (violations: readonly Violation[], personId?: string): string[] =>
    violations
      .filter((violation) => personId === undefined || violation.personId === personId)
      .map((violation) => violation.rule);

  async function person(contract?: Record<string, unknown>, homeSite = 'S'): Promise<string> {
    nameCount += 1;
    const lastName = `Atteignable${String.fromCharCode(97 + (nameCount % 26))}${nameCount}`;
    const created = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: 'Inès',
        lastName,
        email: `${lastName.toLowerCase()}@relais.test`,
        homeSiteId: site(homeSite).id,
        role: 'mediator',
      },
    });
    expect(created.status).toBe(201);
    if (contract) {
      const signed = await t.request<Contract>('POST', '/api/contracts', {
        cookie: hr,
        body: { personId: created.body.id, ...contract },
      });
      expect({ status: signed.status, body: signed.status === 201 ? null : signed.body }).toEqual({
        status: 201,
        body: null,
      });
    }
    return created.body.id;
  }

  /** A full-timer on a CDI started two months ago. */
  const fullTimer = () => person({ type: 'CDI', start: addDays(today, -60), weeklyHours: 35 });
  /** A part-timer on a CDI of `hours` started two months ago. */
  const partTimer = (hours: number) =>
    person({ type: 'CDI', start: addDays(today, -60), weeklyHours: hours });

  async function shift(
    personId: string | null,
    date: string,
    from: string,
    to: string,
    options: { pause?: number; locationId?: string; activity?: string; endDate?: string } = {},
  ): Promise<ShiftResult> {
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: hr,
      body: {
        personId,
        locationId: options.locationId ?? desk(),
        activity: options.activity ?? 'accueil',
        start: at(date, from),
        end: at(options.endDate ?? date, to),
        breakMinutes: options.pause ?? 0,
      },
    });
    expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({
      status: 201,
      body: null,
    });
    return created.body;
  }

  async function rota(week: string, siteCode = 'S'): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${site(siteCode).id}&week=${week}`,
      { cookie: hr },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  /** What the week's rota and the person's compliance over it say about one person. */
  async function personRules(personId: string, week: string, weeks = 1): Promise<string[]> {
    const from = windowOfIsoWeek(addIsoWeeks(week, 1 - weeks)).from;
    const { to } = windowOfIsoWeek(week);
    const compliance = await t.request<Violation[]>(
      'GET',
      `/api/compliance?personId=${personId}&from=${from}&to=${to}`,
      { cookie: hr },
    );
    expect(compliance.status).toBe(200);
    return [...rules((await rota(week)).violations, personId), ...rules(compliance.body)];
  }

  /** A contract refused: the codes of its 422. */
  async function refusal(contract: Record<string, unknown>): Promise<string[]> {
    const personId = await person();
    const refused = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: { personId, ...contract },
    });
    expect(refused.status).toBe(422);
    return rules(refused.body.violations ?? []);
  }

  async function alerts(personId: string): Promise<string[]> {
    const response = await t.request<Pathway>('GET', `/api/pathways/${personId}`, { cookie: hr });
    expect(response.status).toBe(200);
    return response.body.alerts.map((alert) => alert.rule);
  }

  /** Runs a shared set-up once, for the codes that come out of the same situation. */
  function once<T>(run: () => Promise<T>): () => Promise<T> {
    let result: Promise<T> | undefined;
    return () => (result ??= run());
  }

  const sevenDays = once(async () => {
    const week = freshWeeks();
    const personId = await fullTimer();
    for (let day = 0; day < 7; day++) await shift(personId, dayOf(week, day), '09:00', '11:00');
    return personRules(personId, week);
  });

  /**
   * The week of tomorrow published, then changed: a part-timer of 4 h (on a written request)
   * given 5 h tomorrow, a person in a 4-week cycle given a shift tomorrow.
   */
  const changedAfterPublication = once(async () => {
    const day = addDays(today, 1);
    const week = isoWeekOf(day);
    const { from, to } = windowOfIsoWeek(week);
    // The seeded draft of that week is other specs' business: the week starts empty here.
    await t.dataSource.query(
      `DELETE FROM shift WHERE site_id = $1 AND start_at >= $2 AND start_at < $3`,
      [site('S').id, at(from, '00:00'), at(addDays(to, 1), '00:00')],
    );
    // From Monday to Saturday that day falls in this week, which the demo has published: its
    // removed shifts would be late changes of their own. A week never published.
    await unpublishSiteWeek(t.dataSource, site('S').id, week);
    const small = await person({
      type: 'CDI',
      start: addDays(today, -60),
      weeklyHours: 4,
      partTimeDerogation: 'employee_request',
      derogationRequestedOn: addDays(today, -61),
    });
    const cycled = await person({
      type: 'CDI',
      start: addDays(today, -60),
      weeklyHours: 35,
      cycleWeeks: 4,
    });
    const published = await t.request<PublishResult | ApiError>('POST', '/api/rota/publish', {
      cookie: hr,
      body: { siteId: site('S').id, week, justification: 'Vérifié avec l’équipe.' },
    });
    expect({
      status: published.status,
      body: published.status === 200 ? null : published.body,
    }).toEqual({ status: 200, body: null });
    await shift(small, day, '09:00', '14:00');
    await shift(cycled, day, '09:00', '12:00');
    const violations = (await rota(week)).violations;
    return [...rules(violations, small), ...rules(violations, cycled)];
  });

  const emptyFranceServicesWeek = once(async () =>
    rules((await rota(freshWeeks(), 'NO')).violations),
  );

  /** A tutor of their own for each aided contract: the limit of 3 tutees is not the point. */
  const tutor = () => fullTimer();

  const SCENARIOS: Record<RuleCode, () => Promise<string[]>> = {
    // A. Working time.
    OVERLAP: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 1), '09:00', '12:00');
      const refused = await t.request<ApiError>('POST', '/api/shifts', {
        cookie: hr,
        body: {
          personId,
          locationId: desk(),
          activity: 'accueil',
          start: at(dayOf(week, 1), '11:00'),
          end: at(dayOf(week, 1), '13:00'),
          breakMinutes: 0,
        },
      });
      expect(refused.status).toBe(409);
      return rules(refused.body.violations ?? []);
    },
    DAILY_MAX: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 1), '08:00', '19:00', { pause: 30 });
      return personRules(personId, week);
    },
    WEEKLY_MAX: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      for (let day = 0; day < 5; day++) {
        await shift(personId, dayOf(week, day), '08:00', '18:30', { pause: 30 });
      }
      return personRules(personId, week);
    },
    WEEKLY_AVG_12W: async () => {
      const first = freshWeeks(12);
      const personId = await fullTimer();
      // 45 h a week for 12 weeks: 9 h a day, Monday to Friday.
      for (let week = 0; week < 12; week++) {
        for (let day = 0; day < 5; day++) {
          await shift(personId, dayOf(addIsoWeeks(first, week), day), '08:00', '17:30', {
            pause: 30,
          });
        }
      }
      return personRules(personId, addIsoWeeks(first, 11));
    },
    DAILY_REST: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 0), '13:00', '21:00', { pause: 30 });
      await shift(personId, dayOf(week, 1), '07:00', '11:00');
      return personRules(personId, week);
    },
    AMPLITUDE: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 2), '07:00', '09:00');
      await shift(personId, dayOf(week, 2), '19:00', '20:30');
      return personRules(personId, week);
    },
    BREAK_6H: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 3), '09:00', '15:30');
      return personRules(personId, week);
    },
    WORKDAYS_PER_WEEK: sevenDays,
    WEEKLY_REST: sevenDays,
    SUNDAY: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 6), '10:00', '13:00');
      return personRules(personId, week);
    },
    MAY_FIRST: async () => {
      const year = Number(today.slice(0, 4));
      const mayFirst = `${today < `${year}-04-15` ? year : year + 1}-05-01`;
      const personId = await fullTimer();
      await shift(personId, mayFirst, '09:00', '12:00');
      return personRules(personId, isoWeekOf(mayFirst));
    },
    PUBLIC_HOLIDAY: async () => {
      const bastilleDay = `${Number(today.slice(0, 4)) + 1}-07-14`;
      const personId = await fullTimer();
      await shift(personId, bastilleDay, '09:00', '12:00');
      return personRules(personId, isoWeekOf(bastilleDay));
    },
    NIGHT_WORK: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      // Two nights of 4 h in a week: the night worker's threshold (L3122-5).
      for (const day of [0, 2]) {
        await shift(personId, dayOf(week, day), '22:00', '02:00', {
          endDate: dayOf(week, day + 1),
        });
      }
      return personRules(personId, week);
    },
    TRAVEL_TIME: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      const satellite = site('S').locations.find((location) => location.kind === 'satellite');
      await shift(personId, dayOf(week, 1), '09:00', '12:00');
      await shift(personId, dayOf(week, 1), '12:00', '15:00', { locationId: satellite?.id });
      return personRules(personId, week);
    },

    // B. Contract hours and part-time.
    OUTSIDE_CONTRACT: async () => {
      const week = freshWeeks();
      const personId = await person({
        type: 'CDD',
        reason: 'temporary_increase',
        start: addDays(today, -10),
        end: addDays(today, 30),
        weeklyHours: 35,
      });
      await shift(personId, dayOf(week, 1), '09:00', '12:00');
      return personRules(personId, week);
    },
    DURING_ABSENCE: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      const absence = await t.request('POST', `/api/people/${personId}/absences`, {
        cookie: hr,
        body: { kind: 'leave', start: dayOf(week, 1), end: dayOf(week, 1) },
      });
      expect(absence.status).toBe(201);
      await shift(personId, dayOf(week, 1), '09:00', '12:00');
      return personRules(personId, week);
    },
    CONTRACT_HOURS_UNDER: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 1), '09:00', '12:00');
      return personRules(personId, week);
    },
    COMPLEMENTARY_HOURS: async () => {
      const week = freshWeeks();
      const personId = await partTimer(24);
      // 27 h for 24 h: beyond the tenth (26 h 24).
      for (let day = 0; day < 3; day++) {
        await shift(personId, dayOf(week, day), '09:00', '18:30', { pause: 30 });
      }
      return personRules(personId, week);
    },
    PART_TIME_REACHES_FULL_TIME: async () => {
      const week = freshWeeks();
      const personId = await partTimer(30);
      for (let day = 0; day < 4; day++) {
        await shift(personId, dayOf(week, day), '09:00', '18:15', { pause: 30 });
      }
      return personRules(personId, week);
    },
    PART_TIME_NOTICE: changedAfterPublication,
    SHORT_NOTICE_EXTRA: changedAfterPublication,
    PART_TIME_SPLIT_DAY: async () => {
      const week = freshWeeks();
      const personId = await partTimer(24);
      await shift(personId, dayOf(week, 1), '09:00', '11:00');
      await shift(personId, dayOf(week, 1), '13:01', '15:00');
      return personRules(personId, week);
    },
    PART_TIME_FLOOR: () => refusal({ type: 'CDI', start: addDays(today, 10), weeklyHours: 20 }),
    PART_TIME_HOURS_REVIEW: async () => {
      const first = freshWeeks(12);
      const personId = await partTimer(24);
      // 26 h a week for 24 h, 12 weeks running: 3 days of 8 h 40.
      for (let week = 0; week < 12; week++) {
        for (let day = 0; day < 3; day++) {
          await shift(personId, dayOf(addIsoWeeks(first, week), day), '09:00', '18:10', {
            pause: 30,
          });
        }
      }
      return personRules(personId, addIsoWeeks(first, 11));
    },
    CYCLE_NOTICE: changedAfterPublication,
    PART_TIME_GROUPING: async () => {
      const week = freshWeeks();
      // 10 h a week on the employee's written request: a 2-hour block is under a half-day.
      const personId = await person({
        type: 'CDI',
        start: addDays(today, -60),
        weeklyHours: 10,
        partTimeDerogation: 'employee_request',
        derogationRequestedOn: addDays(today, -61),
      });
      await shift(personId, dayOf(week, 1), '09:00', '11:00');
      return personRules(personId, week);
    },

    // C. Publication.
    UNDER_COVERAGE: async () => {
      const week = freshWeeks();
      const satellite = site('S').locations.find((location) => location.kind === 'satellite');
      const requirement = await t.request('POST', '/api/coverage', {
        cookie: hr,
        body: {
          locationId: satellite?.id,
          weekday: 3,
          startTime: '09:00',
          endTime: '12:00',
          minStaff: 1,
        },
      });
      expect(requirement.status).toBe(201);
      return rules((await rota(week)).violations);
    },
    OPEN_SHIFT: async () => {
      const week = freshWeeks();
      await shift(null, dayOf(week, 2), '09:00', '12:00');
      return rules((await rota(week)).violations);
    },

    // D. Contracts.
    CDD_MAX_DURATION: () =>
      refusal({
        type: 'CDD',
        reason: 'temporary_increase',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 19),
        weeklyHours: 35,
      }),
    CDD_MAX_RENEWALS: async () => {
      const personId = await person();
      let previous: string | null = null;
      let start = addDays(today, 10);
      for (let renewal = 0; renewal < 3; renewal++) {
        const signed: { status: number; body: Contract } = await t.request<Contract>(
          'POST',
          '/api/contracts',
          {
            cookie: hr,
            body: {
              personId,
              type: 'CDD',
              reason: 'temporary_increase',
              start,
              end: addDays(start, 29),
              weeklyHours: 35,
              renewalOf: previous,
            },
          },
        );
        expect(signed.status).toBe(201);
        previous = signed.body.id;
        start = addDays(start, 30);
      }
      const refused = await t.request<ApiError>('POST', '/api/contracts', {
        cookie: hr,
        body: {
          personId,
          type: 'CDD',
          reason: 'temporary_increase',
          start,
          end: addDays(start, 29),
          weeklyHours: 35,
          renewalOf: previous,
        },
      });
      expect(refused.status).toBe(422);
      return rules(refused.body.violations ?? []);
    },
    CDD_WAITING_PERIOD: async () => {
      // A month's CDD on a post ended ten days ago; another person's CDD on it tomorrow.
      const post = await t.request<Post>('POST', '/api/posts', {
        cookie: hr,
        body: { siteId: site('S').id, title: 'Médiateur·rice d’accueil (atteignabilité)' },
      });
      expect(post.status).toBe(201);
      const cdd = { type: 'CDD', reason: 'temporary_increase', weeklyHours: 35 };
      await person({
        ...cdd,
        start: addDays(today, -40),
        end: addDays(today, -10),
        postId: post.body.id,
      });
      return refusal({
        ...cdd,
        start: addDays(today, 1),
        end: addDays(today, 60),
        postId: post.body.id,
      });
    },
    PEC_DURATION: async () =>
      refusal({
        type: 'PEC',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 3),
        weeklyHours: 20,
        tutorId: await tutor(),
      }),
    PEC_HOURS: async () =>
      refusal({
        type: 'PEC',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 12),
        weeklyHours: 18,
        tutorId: await tutor(),
      }),
    TUTOR_REQUIRED: () =>
      refusal({
        type: 'PEC',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 12),
        weeklyHours: 20,
      }),
    ADULTE_RELAIS: () =>
      refusal({
        type: 'ADULTE_RELAIS',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 36),
        weeklyHours: 35,
        conventionNumber: 'AR-075-26-0042',
        conventionStart: addDays(today, -30),
        conventionEnd: addMonths(today, 36),
      }),
    PRO_CONTRACT: async () =>
      refusal({
        type: 'PRO',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 3),
        weeklyHours: 35,
        trainingHours: 200,
        tutorId: await tutor(),
      }),
    CDDI: () =>
      refusal({
        type: 'CDDI',
        start: addDays(today, 10),
        end: addMonths(addDays(today, 10), 6),
        weeklyHours: 26,
      }),
    CONTRACT_ENDING: async () =>
      alerts(
        await person({
          type: 'CDD',
          reason: 'temporary_increase',
          start: addDays(today, -30),
          end: addDays(today, 20),
          weeklyHours: 35,
        }),
      ),

    // E. Sites and qualifications.
    FS_OPENING_HOURS: async () => {
      const fourDays = [1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
      const saved = await t.request('PUT', `/api/sites/${site('SE').id}/opening-hours`, {
        cookie: hr,
        body: { openingHours: fourDays },
      });
      expect(saved.status).toBe(200);
      return rules((await rota(freshWeeks(), 'SE')).violations);
    },
    FS_TRAINED_COVERAGE: emptyFranceServicesWeek,
    SST_COVERAGE: emptyFranceServicesWeek,
    SKILL_REQUIRED: async () => {
      const current = (
        await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
          cookie: admin,
        })
      ).body.settings;
      const saved = await t.request('PUT', '/api/organisation/settings', {
        cookie: admin,
        body: { ...current, requiredSkillByActivity: { digital_help: 'aidants_connect' } },
      });
      expect(saved.status).toBe(200);
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 1), '09:00', '12:00', { activity: 'digital_help' });
      return personRules(personId, week);
    },
    OUTREACH_PAIR: async () => {
      const week = freshWeeks();
      const personId = await fullTimer();
      await shift(personId, dayOf(week, 1), '14:00', '17:00', { activity: 'outreach' });
      return rules((await rota(week)).violations);
    },

    // F. Pathways.
    ONBOARDING_DUE: async () =>
      alerts(await person({ type: 'CDI', start: addDays(today, -45), weeklyHours: 35 })),
    CERTIFICATE_EXPIRING: async () => {
      const personId = await fullTimer();
      const skill = await t.request('POST', `/api/people/${personId}/skills`, {
        cookie: hr,
        body: { skill: 'sst', acquiredOn: addDays(today, -700), expiresOn: addDays(today, 20) },
      });
      expect(skill.status).toBe(201);
      return alerts(personId);
    },
    CERTIFICATE_EXPIRED: async () => {
      const personId = await fullTimer();
      const skill = await t.request('POST', `/api/people/${personId}/skills`, {
        cookie: hr,
        body: { skill: 'sst', acquiredOn: addDays(today, -800), expiresOn: addDays(today, -5) },
      });
      expect(skill.status).toBe(201);
      return alerts(personId);
    },
    CAREER_INTERVIEW_DUE: async () =>
      alerts(await person({ type: 'CDI', start: addMonths(today, -13), weeklyHours: 35 })),
    EXIT_INTERVIEW_DUE: async () =>
      alerts(
        await person({
          type: 'PEC',
          start: addDays(addMonths(today, -10), 15),
          end: addDays(today, 45),
          weeklyHours: 20,
          tutorId: await tutor(),
        }),
      ),
    // A PEC ending in 45 days: its attestation d'expérience is due within a fortnight.
    EXPERIENCE_ATTESTATION_DUE: async () =>
      alerts(
        await person({
          type: 'PEC',
          start: addDays(addMonths(today, -10), 15),
          end: addDays(today, 45),
          weeklyHours: 20,
          tutorId: await tutor(),
        }),
      ),
    EXIT_RECORD_INCOMPLETE: async () =>
      alerts(
        await person({
          type: 'CDD',
          reason: 'temporary_increase',
          start: addDays(today, -200),
          end: addDays(today, -10),
          weeklyHours: 35,
        }),
      ),
  };

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    admin = await t.login('direction@relais.demo');
    // Sud plans as an ordinary site (its empty far weeks would otherwise block on the France
    // Services desk pair): the France Services codes are read at Nord Ouest and Sud Est.
    await t.dataSource.query(`UPDATE site SET is_france_services = false WHERE code = 'S'`);
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
  });

  afterAll(async () => {
    await t.close();
  });

  it('has a scenario for every code of the catalogue', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...RULE_CODES].sort());
  });

  it.each([...RULE_CODES])('%s is produced', async (code) => {
    expect(await SCENARIOS[code]()).toContain(code);
  });
});
