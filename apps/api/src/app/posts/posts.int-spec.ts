import type {
  ApiError,
  Contract,
  PersonDetail,
  PersonSummary,
  Post,
  PostDetail,
} from '@relais/api-types';
import { startTestApp, TestApp } from '../../testing/test-app';

// Fixed past dates: a CDD of 1–30 June 2026 (30 days) owes ⅓ = 10 opening days of the site
// (Monday to Friday, 14 July closed), so the next CDD on its post may start on 16 July 2026.
const JUNE = { start: '2026-06-01', end: '2026-06-30' };
const INSIDE = { start: '2026-07-15', end: '2026-09-30' };
const OUTSIDE = { start: '2026-07-16', end: '2026-09-30' };

describe('posts and the délai de carence over HTTP (L1244-3, L1244-4-1)', () => {
  let t: TestApp;
  let hr: string;
  let siteId: string;
  let count = 0;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    [{ id: siteId }] = await t.dataSource.query(`SELECT id FROM site WHERE code = 'S'`);
  });

  afterAll(async () => {
    await t.close();
  });

  async function newPerson(): Promise<PersonSummary> {
    count += 1;
    const response = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: 'Poste',
        lastName: `Titulaire${count}`,
        homeSiteId: siteId,
        role: 'mediator',
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function newPost(title: string): Promise<Post> {
    const response = await t.request<Post>('POST', '/api/posts', {
      cookie: hr,
      body: { siteId, title },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  function cdd(
    personId: string,
    postId: string,
    dates: { start: string; end: string },
    extra = {},
  ) {
    return t.request<Contract & ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId,
        postId,
        type: 'CDD',
        reason: 'temporary_increase',
        weeklyHours: 35,
        ...dates,
        ...extra,
      },
    });
  }

  it('creates a post, lists it by site and refuses the same title twice whatever its case', async () => {
    const post = await newPost('Médiation — guichet unique');
    expect(post).toMatchObject({ siteId, title: 'Médiation — guichet unique' });
    const listed = await t.request<Post[]>('GET', `/api/posts?siteId=${siteId}`, { cookie: hr });
    expect(listed.status).toBe(200);
    expect(listed.body.map((one) => one.id)).toContain(post.id);
    const twice = await t.request<ApiError>('POST', '/api/posts', {
      cookie: hr,
      body: { siteId, title: 'MÉDIATION — GUICHET UNIQUE' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('déjà un poste');
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'post.create' AND entity_id = $1`,
      [post.id],
    );
    expect(audit.details).toMatchObject({ title: 'Médiation — guichet unique' });
  });

  it('flags a new CDD on the same post inside the carence though another person holds it, not the day after', async () => {
    const post = await newPost('Carence — accueil');
    const first = await newPerson();
    const second = await newPerson();
    const third = await newPerson();
    expect((await cdd(first.id, post.id, JUNE)).status).toBe(201);

    const inside = await cdd(second.id, post.id, INSIDE);
    expect(inside.status).toBe(422);
    expect(inside.body.violations?.map((violation) => violation.rule)).toEqual([
      'CDD_WAITING_PERIOD',
    ]);
    expect(inside.body.message).toContain('L1244-3');
    expect(inside.body.message).toContain('16/07/2026');

    const outside = await cdd(third.id, post.id, OUTSIDE);
    expect(outside.status).toBe(201);
    expect(outside.body.warnings).toEqual([]);

    const detail = await t.request<PostDetail>('GET', `/api/posts/${post.id}`, { cookie: hr });
    expect(detail.status).toBe(200);
    expect(detail.body.contracts.map((contract) => [contract.personName, contract.start])).toEqual([
      [`${first.firstName} ${first.lastName}`, JUNE.start],
      [`${third.firstName} ${third.lastName}`, OUTSIDE.start],
    ]);
  });

  it('accepts a flagged CDD with a justification and keeps the warning', async () => {
    const post = await newPost('Carence — justifiée');
    const first = await newPerson();
    const second = await newPerson();
    expect((await cdd(first.id, post.id, JUNE)).status).toBe(201);
    const justified = await cdd(second.id, post.id, INSIDE, {
      justification: 'Poste réorganisé, avis du CSE du 1er juillet',
    });
    expect(justified.status).toBe(201);
    expect(justified.body.warnings.map((warning) => warning.rule)).toEqual(['CDD_WAITING_PERIOD']);
  });

  it('lifts the carence for a new absence of the same replaced employee only (L1244-4-1 1°)', async () => {
    const absent = await newPerson();
    const other = await newPerson();
    const post = await newPost('Remplacement — accueil');
    const first = await newPerson();
    const same = await newPerson();
    const replacement = (personId: string, replacedPersonId: string, dates: typeof JUNE) =>
      cdd(personId, post.id, dates, { reason: 'replacement', replacedPersonId });
    expect((await replacement(first.id, absent.id, JUNE)).status).toBe(201);
    const again = await replacement(same.id, absent.id, { start: '2026-07-01', end: '2026-07-31' });
    expect(again.status).toBe(201);
    expect(again.body.warnings).toEqual([]);
    expect(again.body.replacedPersonId).toBe(absent.id);

    const otherPost = await newPost('Remplacement — permanences');
    const third = await newPerson();
    const fourth = await newPerson();
    expect(
      (
        await cdd(third.id, otherPost.id, JUNE, {
          reason: 'replacement',
          replacedPersonId: absent.id,
        })
      ).status,
    ).toBe(201);
    const someoneElse = await cdd(fourth.id, otherPost.id, INSIDE, {
      reason: 'replacement',
      replacedPersonId: other.id,
    });
    expect(someoneElse.status).toBe(422);
    expect(someoneElse.body.violations?.map((violation) => violation.rule)).toEqual([
      'CDD_WAITING_PERIOD',
    ]);

    const listed = await t.request<Contract[]>('GET', `/api/people/${same.id}/contracts`, {
      cookie: hr,
    });
    expect(listed.body[0]).toMatchObject({
      postTitle: 'Remplacement — accueil',
      replacedPersonName: `${absent.firstName} ${absent.lastName}`,
    });
    const record = await t.request<PersonDetail>('GET', `/api/people/${same.id}`, { cookie: hr });
    expect(record.body.contracts[0]).toMatchObject({
      postTitle: 'Remplacement — accueil',
      replacedPersonName: `${absent.firstName} ${absent.lastName}`,
    });
  });

  it('requires the replaced person for a replacement CDD and refuses it otherwise', async () => {
    const person = await newPerson();
    const absent = await newPerson();
    const missing = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: { personId: person.id, type: 'CDD', reason: 'replacement', weeklyHours: 35, ...JUNE },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'replacedPersonId' })]);
    expect(missing.body.message).toContain('L1242-12');
    const notReplacement = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: person.id,
        type: 'CDD',
        reason: 'temporary_increase',
        replacedPersonId: absent.id,
        weeklyHours: 35,
        ...JUNE,
      },
    });
    expect(notReplacement.status).toBe(422);
    const herself = await t.request<ApiError>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: person.id,
        type: 'CDD',
        reason: 'replacement',
        replacedPersonId: person.id,
        weeklyHours: 35,
        ...JUNE,
      },
    });
    expect(herself.status).toBe(422);

    const replacing = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: person.id,
        type: 'CDD',
        reason: 'replacement',
        replacedPersonId: absent.id,
        weeklyHours: 35,
        ...JUNE,
      },
    });
    expect(replacing.status).toBe(201);
    const corrected = await t.request<Contract>('PATCH', `/api/contracts/${replacing.body.id}`, {
      cookie: hr,
      body: { reason: 'temporary_increase' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ reason: 'temporary_increase', replacedPersonId: null });
  });

  it('lifts the carence after a recorded refused renewal, audited, and refuses it where it cannot be', async () => {
    const post = await newPost('Renouvellement refusé');
    const first = await newPerson();
    const second = await newPerson();
    const created = await cdd(first.id, post.id, JUNE);
    expect(created.status).toBe(201);

    const afterEnd = await t.request<ApiError>(
      'POST',
      `/api/contracts/${created.body.id}/renewal-refusal`,
      { cookie: hr, body: { refusedOn: '2026-07-01' } },
    );
    expect(afterEnd.status).toBe(422);
    const refused = await t.request<Contract>(
      'POST',
      `/api/contracts/${created.body.id}/renewal-refusal`,
      { cookie: hr, body: { refusedOn: '2026-06-20' } },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.renewalRefusedOn).toBe('2026-06-20');
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'contract.renewal_refused' AND entity_id = $1`,
      [created.body.id],
    );
    expect(audit.details).toMatchObject({ after: { renewalRefusedOn: '2026-06-20' } });

    const next = await cdd(second.id, post.id, { start: '2026-07-01', end: '2026-09-30' });
    expect(next.status).toBe(201);
    expect(next.body.warnings).toEqual([]);

    const renewal = await cdd(
      first.id,
      post.id,
      { start: '2026-10-01', end: '2026-10-31' },
      {
        renewalOf: created.body.id,
      },
    );
    expect(renewal.status).toBe(409);

    const cdi = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: { personId: (await newPerson()).id, type: 'CDI', weeklyHours: 35, start: '2026-06-01' },
    });
    expect(cdi.status).toBe(201);
    const notCdd = await t.request<ApiError>(
      'POST',
      `/api/contracts/${cdi.body.id}/renewal-refusal`,
      {
        cookie: hr,
        body: { refusedOn: '2026-06-20' },
      },
    );
    expect(notCdd.status).toBe(422);
    expect(notCdd.body.message).toContain('CDD');
  });

  it('keeps a renewal on its contract’s post and counts the renewals in the carence', async () => {
    const post = await newPost('Carence — renouvellement');
    const first = await newPerson();
    const second = await newPerson();
    const may = await cdd(first.id, post.id, { start: '2026-05-01', end: '2026-05-31' });
    const renewal = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: {
        personId: first.id,
        type: 'CDD',
        reason: 'temporary_increase',
        weeklyHours: 35,
        renewalOf: may.body.id,
        ...JUNE,
      },
    });
    expect(renewal.status).toBe(201);
    expect(renewal.body.postId).toBe(post.id);
    // 61 days → 21 opening days after 30 June: from 31 July 2026.
    expect((await cdd(second.id, post.id, { start: '2026-07-30', end: '2026-09-30' })).status).toBe(
      422,
    );
    expect((await cdd(second.id, post.id, { start: '2026-07-31', end: '2026-09-30' })).status).toBe(
      201,
    );
  });

  it('seeds CDDs on posts without any délai de carence at stake', async () => {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM contract WHERE type = 'CDD' AND post_id IS NOT NULL`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    const [shared] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM contract a
         JOIN post p ON p.id = a.post_id AND p.created_by IS NULL
         JOIN contract b ON b.post_id = a.post_id AND b.person_id <> a.person_id
        WHERE a.type = 'CDD' AND b.type = 'CDD'`,
    );
    expect(shared.n).toBe(0);
  });

  it('answers 404 for an unknown post and refuses an unknown post on a contract', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', `/api/posts/${unknown}`, { cookie: hr })).status).toBe(404);
    const person = await newPerson();
    const refused = await cdd(person.id, unknown, JUNE);
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'postId' })]);
  });
});
