import type {
  ApiError,
  Contract,
  EndContractResult,
  PersonDetail,
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
    // The birth date is not entered through the API yet (seeded people carry one).
    if (birthDate)
      await t.dataSource.query(`UPDATE person SET birth_date = $2 WHERE id = $1`, [
        response.body.id,
        birthDate,
      ]);
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
      const created = await post({
        personId: person.id,
        type: 'CDD',
        reason: 'replacement',
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
