import type {
  ApiError,
  Contract,
  EndContractResult,
  PersonDetail,
  PersonEligibility,
  PersonSummary,
} from '@relais/api-types';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * Contracts the law allows beyond the plain forms, over HTTP: a replacement CDD without a precise
 * term, concluded for a minimum duration (C. trav., L1242-7), and an adulte-relais CDI
 * (L5134-103).
 */
describe('a CDD without a precise term and an adulte-relais CDI', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  /** A person, with the adulte-relais hiring facts recorded when a birth date is given. */
  async function newPerson(birthDate: string | null = null): Promise<PersonSummary> {
    const [site] = await t.dataSource.query(`SELECT id FROM site WHERE code = 'S'`);
    const response = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: 'Forme',
        lastName: `Contrat ${++counter}`,
        homeSiteId: site.id,
        role: 'mediator',
      },
    });
    expect(response.status).toBe(201);
    if (birthDate) {
      const eligible = await t.request('PUT', `/api/people/${response.body.id}/eligibility`, {
        cookie: hr,
        body: {
          birthDate,
          isPecExtendedCapEligible: false,
          isOutOfWorkAtHiring: true,
          qpvName: 'Porte de Vanves',
          qpvCheckedOn: today,
          prefectException: null,
        },
      });
      expect(eligible.status).toBe(200);
    }
    return response.body;
  }

  const post = (body: Record<string, unknown>) =>
    t.request<Contract | ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: { weeklyHours: 35, ...body },
    });

  async function contractCount(personId: string): Promise<number> {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM contract WHERE person_id = $1`,
      [personId],
    );
    return row.n;
  }

  describe('a replacement CDD without a precise term (L1242-7)', () => {
    it('is refused without its minimum duration, naming the field and the article', async () => {
      const person = await newPerson();
      const response = await post({
        personId: person.id,
        type: 'CDD',
        reason: 'replacement',
        start: addDays(today, 5),
      });
      expect(response.status).toBe(422);
      const error = response.body as ApiError;
      expect(error.details).toEqual([expect.objectContaining({ field: 'minimumEnd' })]);
      expect(error.message).toContain('L1242-7');
      expect(await contractCount(person.id)).toBe(0);
    });

    it('is refused for a temporary increase of activity: only a replacement may lack a term', async () => {
      const person = await newPerson();
      const response = await post({
        personId: person.id,
        type: 'CDD',
        reason: 'temporary_increase',
        start: addDays(today, 5),
        minimumEnd: addDays(today, 60),
      });
      expect(response.status).toBe(422);
      expect((response.body as ApiError).details).toEqual([
        expect.objectContaining({ field: 'end' }),
      ]);
      expect(await contractCount(person.id)).toBe(0);
    });

    it('refuses a minimum duration on another contract, or one ending before the start', async () => {
      const person = await newPerson();
      for (const [body, field] of [
        [
          {
            type: 'PEC',
            start: addDays(today, 5),
            end: addDays(today, 370),
            minimumEnd: addDays(today, 60),
            weeklyHours: 26,
          },
          'minimumEnd',
        ],
        [
          {
            type: 'CDD',
            reason: 'replacement',
            start: addDays(today, 5),
            minimumEnd: addDays(today, 1),
          },
          'minimumEnd',
        ],
      ] as const) {
        const response = await post({ personId: person.id, ...body });
        expect(response.status).toBe(422);
        expect((response.body as ApiError).details).toEqual([expect.objectContaining({ field })]);
      }
      expect(await contractCount(person.id)).toBe(0);
    });

    it('is accepted with its minimum duration, lasts past 18 months, and is ended by a correction at the return', async () => {
      const person = await newPerson();
      const absent = await newPerson();
      const created = await post({
        personId: person.id,
        type: 'CDD',
        reason: 'replacement',
        replacedPersonId: absent.id,
        start: addDays(today, -600),
        minimumEnd: addDays(today, -500),
      });
      expect(created.status).toBe(201);
      const contract = created.body as Contract;
      expect(contract).toMatchObject({
        end: null,
        minimumEnd: addDays(today, -500),
        status: 'active',
      });
      const detail = await t.request<PersonDetail>('GET', `/api/people/${person.id}`, {
        cookie: hr,
      });
      expect(detail.body.contracts.map((one) => [one.end, one.minimumEnd])).toEqual([
        [null, addDays(today, -500)],
      ]);
      // The absent employee is back: the end is entered, the minimum duration kept.
      const corrected = await t.request<Contract | ApiError>(
        'PATCH',
        `/api/contracts/${contract.id}`,
        { cookie: hr, body: { end: addDays(today, 20) } },
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({
        end: addDays(today, 20),
        minimumEnd: addDays(today, -500),
      });
    });
  });

  it('refuses a fourth contrat de professionnalisation to one tutor (D6325-9)', async () => {
    const tutor = await newPerson('1980-02-01');
    const pro = (personId: string) =>
      post({
        personId,
        type: 'PRO',
        start: addDays(today, 10),
        end: addDays(today, 374),
        trainingHours: 300,
        tutorId: tutor.id,
      });
    for (let i = 0; i < 3; i++) {
      const response = await pro((await newPerson('2004-05-01')).id);
      expect(response.status).toBe(201);
    }
    const fourth = await newPerson('2004-05-01');
    const refused = await pro(fourth.id);
    expect(refused.status).toBe(422);
    expect((refused.body as ApiError).message).toContain(
      'Le tuteur suit déjà 3 salarié(s) en contrat de professionnalisation : 3 au plus (D6325-9).',
    );
    expect(await contractCount(fourth.id)).toBe(0);
  });

  describe('an adulte-relais CDI (L5134-103)', () => {
    it('is accepted without an end, within its State convention, and ends on a CDI’s grounds', async () => {
      const person = await newPerson('1990-04-12');
      const created = await post({
        personId: person.id,
        type: 'ADULTE_RELAIS',
        start: addDays(today, -30),
        conventionNumber: 'AR-075-2026-017',
        conventionStart: addDays(today, -30),
        conventionEnd: addDays(today, 1000),
      });
      expect(created.status).toBe(201);
      const contract = created.body as Contract;
      expect(contract).toMatchObject({ type: 'ADULTE_RELAIS', end: null, status: 'active' });
      // A fixed-term ground does not end a CDI…
      const refused = await t.request<ApiError>('POST', `/api/contracts/${contract.id}/end`, {
        cookie: hr,
        body: { end: addDays(today, 10), reason: 'force_majeure' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('ne met pas fin à un CDI');
      // …a resignation does.
      const ended = await t.request<EndContractResult>(
        'POST',
        `/api/contracts/${contract.id}/end`,
        {
          cookie: hr,
          body: { end: addDays(today, 10), reason: 'resignation' },
        },
      );
      expect(ended.status).toBe(200);
    });

    it('still needs the State convention’s end, and a hire at 26 or older', async () => {
      const young = await newPerson(addDays(today, -25 * 366));
      const tooYoung = await post({
        personId: young.id,
        type: 'ADULTE_RELAIS',
        start: today,
        conventionEnd: addDays(today, 1000),
      });
      expect(tooYoung.status).toBe(422);
      expect((tooYoung.body as ApiError).message).toContain('26 ans au moins');
      const person = await newPerson('1990-04-12');
      const noConvention = await post({ personId: person.id, type: 'ADULTE_RELAIS', start: today });
      expect(noConvention.status).toBe(422);
      expect((noConvention.body as ApiError).message).toContain('fin de la convention');
      expect(await contractCount(person.id)).toBe(0);
      expect(await contractCount(young.id)).toBe(0);
    });
  });
});

describe('the hiring facts of an adulte-relais (L5134-102), recorded by HR', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  const facts = {
    birthDate: '1988-09-30',
    isPecExtendedCapEligible: false,
    isOutOfWorkAtHiring: true,
    qpvName: 'Chapelle – Évangile',
    qpvCheckedOn: today,
    prefectException: null,
  };

  async function newPerson(): Promise<string> {
    const [site] = await t.dataSource.query(`SELECT id FROM site WHERE code = 'S'`);
    const response = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: 'Éligible',
        lastName: 'Adulte-relais',
        homeSiteId: site.id,
        role: 'mediator',
      },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const adulteRelais = (personId: string) =>
    t.request<Contract | ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId,
        type: 'ADULTE_RELAIS',
        start: addDays(today, 7),
        end: addDays(today, 7 + 3 * 365 - 2),
        weeklyHours: 35,
        conventionEnd: addDays(today, 4 * 365),
      },
    });

  it('refuses an adulte-relais whose out-of-work status and QPV residence were never checked', async () => {
    const personId = await newPerson();
    const refused = await adulteRelais(personId);
    expect(refused.status).toBe(422);
    const message = (refused.body as ApiError).message;
    expect(message).toContain('sans emploi ou en PEC à l’embauche (L5134-102)');
    expect(message).toContain('quartier prioritaire (QPV) n’est pas vérifiée');
  });

  it('records the facts with who and when, audits which changed, and the contract then passes', async () => {
    const personId = await newPerson();
    const saved = await t.request<PersonEligibility>('PUT', `/api/people/${personId}/eligibility`, {
      cookie: hr,
      body: facts,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...facts, recorded: { byName: expect.any(String) } });
    const read = await t.request<PersonEligibility>('GET', `/api/people/${personId}/eligibility`, {
      cookie: hr,
    });
    expect(read.body.qpvName).toBe('Chapelle – Évangile');
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'person.eligibility' AND entity_id = $1`,
      [personId],
    );
    // Which facts changed, never their values.
    expect(audit.details).toEqual({
      changed: ['birthDate', 'isOutOfWorkAtHiring', 'qpvName', 'qpvCheckedOn'],
    });
    expect(JSON.stringify(audit.details)).not.toContain('1988');
    expect((await adulteRelais(personId)).status).toBe(201);
  });

  it('accepts the prefect’s exception instead of a QPV residence', async () => {
    const personId = await newPerson();
    const saved = await t.request('PUT', `/api/people/${personId}/eligibility`, {
      cookie: hr,
      body: {
        ...facts,
        qpvName: null,
        qpvCheckedOn: null,
        prefectException: 'Dérogation du préfet du 4 mars 2026',
      },
    });
    expect(saved.status).toBe(200);
    expect((await adulteRelais(personId)).status).toBe(201);
  });

  it('refuses incoherent facts in French, naming the field, and keeps what was there', async () => {
    const personId = await newPerson();
    for (const [body, field] of [
      [{ ...facts, qpvCheckedOn: null }, 'qpvCheckedOn'],
      [{ ...facts, qpvName: null }, 'qpvName'],
      [{ ...facts, birthDate: addDays(today, 1) }, 'birthDate'],
      [{ ...facts, qpvCheckedOn: addDays(today, 1) }, 'qpvCheckedOn'],
      [{ ...facts, qpvName: '  ' }, 'qpvName'],
      [{ ...facts, isOutOfWorkAtHiring: 'oui' }, 'isOutOfWorkAtHiring'],
    ] as const) {
      const response = await t.request<ApiError>('PUT', `/api/people/${personId}/eligibility`, {
        cookie: hr,
        body,
      });
      expect([400, 422]).toContain(response.status);
      expect(JSON.stringify(response.body.details)).toContain(field);
    }
    const [row] = await t.dataSource.query(
      `SELECT birth_date, qpv_name, eligibility_recorded_at FROM person WHERE id = $1`,
      [personId],
    );
    expect(row).toEqual({ birth_date: null, qpv_name: null, eligibility_recorded_at: null });
  });

  it('is HR’s and the direction’s only: a manager and the person get a 403', async () => {
    const [mediator] = await t.dataSource.query(
      `SELECT person_id FROM account WHERE email = 'mediateur@relais.demo'`,
    );
    for (const email of ['manager.sud@relais.demo', 'mediateur@relais.demo']) {
      const cookie = await t.login(email);
      const path = `/api/people/${mediator.person_id}/eligibility`;
      expect((await t.request('GET', path, { cookie })).status).toBe(403);
      expect((await t.request('PUT', path, { cookie, body: facts })).status).toBe(403);
    }
  });
});
