import type {
  ApiError,
  PublishResult,
  RotaChange,
  RotaComparison,
  RotaVersion,
  RotaWeek,
  ShiftResult,
  Site,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('rota history and comparison over HTTP', () => {
  let t: TestApp;
  let manager: string;
  let sud: Site;
  // A week no other test writes to, in winter (Paris is at +01:00).
  const week = addIsoWeeks(isoWeekOf(todayIn()), 7);
  const query = () => `siteId=${sud.id}&week=${week}`;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager.sud@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    sud = sites.find((candidate) => candidate.code === 'S') as Site;
    // Two trained agents at every opening slot would block publishing a week of one shift.
    await t.dataSource.query('UPDATE site SET is_france_services = false WHERE id = $1', [sud.id]);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A Paris instant of a day of the week, "HH:MM". */
  function at(weekday: number, time: string): string {
    const date = addDays(windowOfIsoWeek(week).from, weekday - 1);
    return `${date}T${time}:00+01:00`;
  }

  const ms = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : null);

  async function publish(): Promise<PublishResult> {
    const response = await t.request<PublishResult>('POST', '/api/rota/publish', {
      cookie: manager,
      body: { siteId: sud.id, week, justification: 'Semaine relue avec l’équipe.' },
    });
    expect({
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({
      status: 200,
      body: null,
    });
    return response.body;
  }

  it('tells a move in words and compares two publications person by person', async () => {
    const rota = (await t.request<RotaWeek>('GET', `/api/rota?${query()}`, { cookie: manager }))
      .body;
    const person = rota.people.find(
      (candidate) =>
        candidate.homeSiteId === sud.id && candidate.contract && candidate.absences.length === 0,
    );
    if (!person) throw new Error('no Sud person under contract that week');
    const name = `${person.firstName} ${person.lastName}`;
    const desk = sud.locations.find((location) => location.code === 'S') ?? sud.locations[0];

    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: person.id,
        locationId: desk.id,
        activity: 'accueil',
        start: at(3, '09:00'),
        end: at(3, '12:30'),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const shift = created.body.shift;
    const v1 = await publish();

    const moved = await t.request<ShiftResult>('PATCH', `/api/shifts/${shift.id}`, {
      cookie: manager,
      body: { version: shift.version, start: at(3, '10:00'), end: at(3, '13:30') },
    });
    expect(moved.status).toBe(200);
    const v2 = await publish();
    expect(v2.version).toBe(v1.version + 1);

    // History: who, when, whose shift, where, what, from which times to which.
    const history = await t.request<RotaChange[]>('GET', `/api/rota/history?${query()}`, {
      cookie: manager,
    });
    expect(history.status).toBe(200);
    const move = history.body.find((line) => line.shiftId === shift.id && line.kind === 'moved');
    expect(move).toMatchObject({
      actorName: 'Véronique Allard',
      before: { personName: name, isOpen: false, activity: 'accueil', locationName: desk.name },
      after: { personName: name, activity: 'accueil', locationName: desk.name },
    });
    expect(ms(move?.before?.start)).toBe(ms(at(3, '09:00')));
    expect(ms(move?.before?.end)).toBe(ms(at(3, '12:30')));
    expect(ms(move?.after?.start)).toBe(ms(at(3, '10:00')));
    expect(ms(move?.after?.end)).toBe(ms(at(3, '13:30')));
    expect(
      history.body.find((line) => line.shiftId === shift.id && line.kind === 'created'),
    ).toMatchObject({ after: { personName: name, activity: 'accueil' } });
    expect(
      history.body
        .filter((line) => line.kind === 'published')
        .map((line) => [line.version, line.justification]),
    ).toEqual([
      [v2.version, 'Semaine relue avec l’équipe.'],
      [v1.version, 'Semaine relue avec l’équipe.'],
    ]);
    // No id, action code or week code on any line (the shift id only serves to find it on the grid).
    for (const line of history.body) {
      const shown = JSON.stringify({ ...line, shiftId: null });
      expect(shown).not.toMatch(UUID);
      expect(shown).not.toMatch(/shift\.|rota\.|-W\d\d/);
      expect(line.kind).not.toBe('other');
    }

    // Versions: the draft, then each publication, newest first.
    const versions = await t.request<RotaVersion[]>('GET', `/api/rota/versions?${query()}`, {
      cookie: manager,
    });
    expect(versions.status).toBe(200);
    expect(versions.body.map((version) => version.version)).toEqual([null, v2.version, v1.version]);
    expect(versions.body[1].publishedByName).toBe('Véronique Allard');
    const [draft, second, first] = versions.body;

    // The moved shift is one move of its person, with its days and times.
    const compared = await t.request<RotaComparison>(
      'GET',
      `/api/rota/compare?${query()}&from=${first.id}&to=${second.id}`,
      { cookie: manager },
    );
    expect(compared.status).toBe(200);
    expect(compared.body.from.version).toBe(v1.version);
    expect(compared.body.to.version).toBe(v2.version);
    expect(compared.body.people).toHaveLength(1);
    const [diff] = compared.body.people;
    expect(diff).toMatchObject({ personId: person.id, personName: name });
    expect(diff.items).toHaveLength(1);
    expect(diff.items[0]).toMatchObject({
      kind: 'moved',
      shiftId: shift.id,
      before: { activity: 'accueil', locationName: desk.name },
      after: { activity: 'accueil', locationName: desk.name },
    });
    expect(ms(diff.items[0].before?.start)).toBe(ms(at(3, '09:00')));
    expect(ms(diff.items[0].after?.end)).toBe(ms(at(3, '13:30')));

    // Backwards, and against the draft (nothing unpublished: no difference).
    const back = await t.request<RotaComparison>(
      'GET',
      `/api/rota/compare?${query()}&from=${second.id}&to=${first.id}`,
      { cookie: manager },
    );
    expect(ms(back.body.people[0].items[0].after?.start)).toBe(ms(at(3, '09:00')));
    const same = await t.request<RotaComparison>(
      'GET',
      `/api/rota/compare?${query()}&from=published&to=${draft.id}`,
      { cookie: manager },
    );
    expect(same.status).toBe(200);
    expect(same.body.people).toEqual([]);

    // A shift handed to the open-shift row: removed from the person, added to « à pourvoir ».
    const opened = await t.request<ShiftResult>('PATCH', `/api/shifts/${shift.id}`, {
      cookie: manager,
      body: { version: moved.body.shift.version, personId: null },
    });
    expect(opened.status).toBe(200);
    const review = await t.request<RotaComparison>(
      'GET',
      `/api/rota/compare?${query()}&from=published&to=draft`,
      { cookie: manager },
    );
    expect(review.body.people.map((entry) => [entry.personName, entry.items[0].kind])).toEqual([
      [null, 'added'],
      [name, 'removed'],
    ]);
    expect(review.body.people[1].items[0].isOtherOpen).toBe(true);
    const afterOpen = await t.request<RotaChange[]>('GET', `/api/rota/history?${query()}`, {
      cookie: manager,
    });
    expect(afterOpen.body[0]).toMatchObject({
      kind: 'unassigned',
      before: { personName: name },
      after: { isOpen: true, personName: null },
    });
  });

  it('refuses a bad version in French, naming the field, and keeps mediators out', async () => {
    const bad = await t.request<ApiError>('GET', `/api/rota/compare?${query()}&from=v2&to=draft`, {
      cookie: manager,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/« from » : version invalide/);

    const missing = await t.request<ApiError>('GET', `/api/rota/compare?${query()}&from=draft`, {
      cookie: manager,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/« to »/);

    const unknown = await t.request<ApiError>(
      'GET',
      `/api/rota/compare?${query()}&from=draft&to=00000000-0000-4000-8000-000000000000`,
      { cookie: manager },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Version introuvable pour « to »/);

    const mediator = await t.login('mediateur@relais.demo');
    for (const path of ['compare?from=published&to=draft&', 'versions?']) {
      const refused = await t.request<ApiError>('GET', `/api/rota/${path}${query()}`, {
        cookie: mediator,
      });
      expect(refused.status).toBe(403);
    }
  });
});
