import type { ApiError, PublishResult, RotaWeek, ShiftResult, Site } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { RotaReadCache } from './rota-read-cache';
import { warmUpRota } from './rota-warm-up';

describe('rota over HTTP', () => {
  let t: TestApp;
  let manager: string;
  let sites: Site[];
  const thisWeek = isoWeekOf(todayIn());
  const nextWeek = addIsoWeeks(thisWeek, 1);
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;
  const desk = (code: string) =>
    site(code).locations.find((location) => location.code === code)?.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager.sud@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
  });

  afterAll(async () => {
    await t.close();
  });

  async function rota(code: string, week: string, cookie = manager): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${site(code).id}&week=${week}`,
      { cookie },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  async function personId(lastName: string): Promise<string> {
    const [row] = await t.dataSource.query('SELECT id FROM person WHERE last_name = $1', [
      lastName,
    ]);
    return row.id;
  }

  /** A Paris instant of a day of a week, "HH:MM". */
  function at(week: string, weekday: number, time: string): string {
    const date = addDays(windowOfIsoWeek(week).from, weekday - 1);
    return new Date(`${date}T${time}:00+01:00`).toISOString();
  }

  it('seeds published weeks without any blocking violation', async () => {
    const hr = await t.login('rh@relais.demo');
    for (const code of ['NO', 'E', 'NE', 'S', 'SE']) {
      const week = await rota(code, thisWeek, hr);
      expect(week.status).toBe('published');
      expect(week.shifts.length).toBeGreaterThan(10);
      const blocking = week.violations.filter((violation) => violation.severity === 'block');
      expect({
        code,
        blocking: blocking.map((violation) => `${violation.rule}: ${violation.message}`),
      }).toEqual({ code, blocking: [] });
    }
  });

  it('serves a repeated read from its cache until any write, even one made straight in the database', async () => {
    const cache = t.app.get(RotaReadCache);
    // A week no other test writes to.
    const week = addIsoWeeks(thisWeek, 9);
    await rota('S', week);
    const before = { ...cache.stats };
    const first = await rota('S', week);
    expect(cache.stats).toEqual({ ...before, hits: before.hits + 1 });
    // Another reader computes their own week (what a person may see depends on who reads).
    const est = await t.login('manager.est@relais.demo');
    const [estSite] = (await t.request<Site[]>('GET', '/api/sites', { cookie: est })).body.filter(
      (candidate) => candidate.code === 'E',
    );
    await t.request('GET', `/api/rota?siteId=${estSite.id}&week=${week}`, { cookie: est });
    expect(cache.stats.misses).toBe(before.misses + 1);

    // An absence written without the API: seen on the next read.
    const person = first.people.find((candidate) => candidate.homeSiteId === site('S').id);
    if (!person) throw new Error('no Sud person in the week');
    const monday = windowOfIsoWeek(week).from;
    await t.dataSource.query(
      `INSERT INTO absence (organisation_id, person_id, kind, start_date, end_date)
       SELECT organisation_id, id, 'leave', $2, $2 FROM person WHERE id = $1`,
      [person.id, monday],
    );
    const afterAbsence = await rota('S', week);
    expect(cache.stats.misses).toBe(before.misses + 2);
    expect(
      afterAbsence.people.find((candidate) => candidate.id === person.id)?.absences,
    ).toContainEqual(expect.objectContaining({ start: monday, end: monday }));

    // Travel times carry no organisation column: theirs bump it through the location.
    const [[travel]] = await t.dataSource.query(
      `UPDATE travel_time SET minutes = minutes + 1
        WHERE (from_location_id, to_location_id) = (SELECT from_location_id, to_location_id FROM travel_time
          WHERE from_location_id = ANY($1) LIMIT 1)
       RETURNING from_location_id, to_location_id, minutes`,
      [site('S').locations.map((location) => location.id)],
    );
    const afterTravel = await rota('S', week);
    expect(afterTravel.travelTimes).toContainEqual({
      fromLocationId: travel.from_location_id,
      toLocationId: travel.to_location_id,
      minutes: travel.minutes,
    });
    // A rolled-back write changes nothing: the week is served from the cache again.
    await t.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE person SET first_name = first_name WHERE id = $1`, [person.id]);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const misses = cache.stats.misses;
    await rota('S', week);
    expect(cache.stats.misses).toBe(misses);
  });

  it("never shows another organisation's travel times", async () => {
    const [org] = await t.dataSource.query(
      `INSERT INTO organisation (name) VALUES ('Association voisine') RETURNING id`,
    );
    const [foreignSite] = await t.dataSource.query(
      `INSERT INTO site (organisation_id, code, name, address) VALUES ($1, 'VO', 'Voisine', '1 rue Ailleurs') RETURNING id`,
      [org.id],
    );
    const locations: { id: string }[] = await t.dataSource.query(
      `INSERT INTO location (organisation_id, site_id, code, name, kind, address)
       VALUES ($1, $2, 'VO', 'Voisine', 'site', '1 rue Ailleurs'), ($1, $2, 'VO-OUT', 'Cité', 'outreach', '2 rue Ailleurs')
       RETURNING id`,
      [org.id, foreignSite.id],
    );
    await t.dataSource.query(
      `INSERT INTO travel_time (organisation_id, from_location_id, to_location_id, minutes) SELECT organisation_id, id, $2, 17 FROM location WHERE id = $1`,
      [locations[0].id, locations[1].id],
    );
    const week = await rota('S', thisWeek);
    expect(week.travelTimes.length).toBeGreaterThan(0);
    const foreign = new Set(locations.map((location) => location.id));
    expect(week.travelTimes.filter((travel) => foreign.has(travel.fromLocationId))).toEqual([]);
  });

  it('shows next week as a draft with the demo problems', async () => {
    const sud = await rota('S', nextWeek);
    expect(sud.status).toBe('draft');
    const traore = await personId('Traoré');
    expect(sud.violations).toContainEqual(
      expect.objectContaining({
        rule: 'DAILY_REST',
        severity: 'block',
        personId: traore,
        legalRef: expect.stringContaining('L3131-1'),
      }),
    );
    const sudEst = await rota('SE', nextWeek);
    expect(sudEst.violations.map((violation) => violation.rule)).toContain('FS_TRAINED_COVERAGE');
  });

  it('refuses to publish while a blocking violation stands, then publishes once fixed', async () => {
    const refused = await t.request<ApiError>('POST', '/api/rota/publish', {
      cookie: manager,
      body: { siteId: site('S').id, week: nextWeek, justification: 'Points à justifier relus.' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations?.map((violation) => violation.rule)).toContain('DAILY_REST');

    const week = await rota('S', nextWeek);
    const traore = await personId('Traoré');
    const tuesday = week.shifts.find(
      (shift) =>
        shift.personId === traore &&
        shift.start.slice(0, 10) === addDays(windowOfIsoWeek(nextWeek).from, 1),
    );
    if (!tuesday) throw new Error('seed: Tuesday desk shift of S24');
    const moved = await t.request<ShiftResult>('PATCH', `/api/shifts/${tuesday.id}`, {
      cookie: manager,
      body: {
        version: tuesday.version,
        start: tuesday.start.replace('08:45', '09:15'),
        breakMinutes: 30,
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.violations.filter((violation) => violation.rule === 'DAILY_REST')).toEqual(
      [],
    );

    const published = await t.request<PublishResult>('POST', '/api/rota/publish', {
      cookie: manager,
      body: { siteId: site('S').id, week: nextWeek, justification: 'Points à justifier relus.' },
    });
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(1);
    const after = await rota('S', nextWeek);
    expect(after).toMatchObject({ status: 'published', version: 1, unpublishedChanges: 0 });

    const mediator = await t.login('mediateur@relais.demo');
    const seen = await rota('S', nextWeek, mediator);
    expect(seen.shifts.length).toBe(after.shifts.length);
    // Drafts never reach mediators.
    const later = addIsoWeeks(nextWeek, 1);
    expect((await rota('S', later, mediator)).shifts).toEqual([]);
  });

  it('answers 409 on a stale version and overwrites nothing', async () => {
    const week = await rota('S', thisWeek);
    const shift = week.shifts[0];
    const first = await t.request<ShiftResult>('PATCH', `/api/shifts/${shift.id}`, {
      cookie: manager,
      body: { version: shift.version, note: 'première' },
    });
    expect(first.status).toBe(200);
    const stale = await t.request<ApiError>('PATCH', `/api/shifts/${shift.id}`, {
      cookie: manager,
      body: { version: shift.version, note: 'seconde' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/modifié par Véronique Allard/);
    const [row] = await t.dataSource.query('SELECT note, version FROM shift WHERE id = $1', [
      shift.id,
    ]);
    expect(row).toEqual({ note: 'première', version: shift.version + 1 });
  });

  it('lets exactly one of 20 concurrent overlapping creations for one person succeed', async () => {
    const person = await personId('Meziane');
    const week = addIsoWeeks(thisWeek, 3);
    const body = (minute: number) => ({
      personId: person,
      locationId: desk('S'),
      activity: 'back_office',
      start: at(week, 6, `10:${String(minute).padStart(2, '0')}`),
      end: at(week, 6, '12:00'),
      breakMinutes: 0,
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        t.request<ApiError>('POST', '/api/shifts', { cookie: manager, body: body(index) }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(
      responses
        .filter((response) => response.status !== 201 && response.status !== 409)
        .map((response) => response.body),
    ).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(responses.find((response) => response.status === 409)?.body.message).toMatch(
      /Chevauchement refusé : cette personne a déjà le créneau back_office du samedi/,
    );
  });

  it('validates shift input and names the field', async () => {
    const noOffset = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: desk('S'),
        activity: 'accueil',
        start: '2026-12-01T09:00:00',
        end: '2026-12-01T12:00:00+01:00',
        breakMinutes: 0,
      },
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.details).toEqual([
      { field: 'start', message: expect.stringContaining('ISO 8601') },
    ]);
    const backwards = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: desk('S'),
        activity: 'accueil',
        start: at(thisWeek, 3, '12:00'),
        end: at(thisWeek, 3, '09:00'),
        breakMinutes: 0,
      },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.details).toEqual([{ field: 'end', message: 'doit suivre le début' }]);
    const unknownActivity = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: desk('S'),
        activity: 'sieste',
        start: at(thisWeek, 3, '09:00'),
        end: at(thisWeek, 3, '12:00'),
        breakMinutes: 0,
      },
    });
    expect(unknownActivity.status).toBe(400);
  });

  it('keeps a manager to their own sites (403 elsewhere)', async () => {
    const other = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: desk('E'),
        activity: 'accueil',
        start: at(thisWeek, 3, '09:00'),
        end: at(thisWeek, 3, '12:00'),
        breakMinutes: 0,
      },
    });
    expect(other.status).toBe(403);
    expect(
      (
        await t.request('GET', `/api/rota?siteId=${site('E').id}&week=${thisWeek}`, {
          cookie: manager,
        })
      ).status,
    ).toBe(403);
  });

  it('copies a week onto another, same weekdays and wall-clock times, across a daylight-saving change', async () => {
    // Week 13 of 2027 contains the spring change (28 March); week 12 does not. Its Monday is
    // Easter Monday, a public holiday a copy skips: the shift is on the Tuesday.
    const from = '2027-W12';
    const to = '2027-W13';
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        locationId: desk('S'),
        activity: 'accueil',
        start: '2027-03-23T09:00:00+01:00',
        end: '2027-03-23T12:30:00+01:00',
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const copied = await t.request<{ created: number }>('POST', '/api/rota/copy', {
      cookie: manager,
      body: { siteId: site('S').id, fromWeek: from, toWeek: to, withPeople: false },
    });
    expect(copied.status).toBe(201);
    expect(copied.body.created).toBe(1);
    const target = await rota('S', to);
    expect(target.shifts.map((shift) => [shift.start, shift.end])).toEqual([
      ['2027-03-30T09:00:00+02:00', '2027-03-30T12:30:00+02:00'],
    ]);
  });

  it('refuses to move a shift onto another shift of the same person (409)', async () => {
    const week = await rota('S', thisWeek);
    const traore = await personId('Traoré');
    const [a, b] = week.shifts.filter((shift) => shift.personId === traore);
    const response = await t.request<ApiError>('PATCH', `/api/shifts/${b.id}`, {
      cookie: manager,
      body: { version: b.version, start: a.start, end: a.end },
    });
    expect(response.status).toBe(409);
    const [row] = await t.dataSource.query('SELECT start_at FROM shift WHERE id = $1', [b.id]);
    expect(new Date(row.start_at).getTime()).toBe(new Date(b.start).getTime());
  });

  it('turns a landlord’s outreach campaign into pair requirements for its period only', async () => {
    const hr = await t.login('rh@relais.demo');
    const nordEst = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body.find(
      (candidate) => candidate.code === 'NE',
    ) as Site;
    const lilas = nordEst.locations.find((location) => location.code === 'OUT-LIL')?.id;
    const week = addIsoWeeks(thisWeek, 5);
    const monday = windowOfIsoWeek(week).from;
    const created = await t.request<{ requirements: { isPair: boolean; weekday: number }[] }>(
      'POST',
      '/api/coverage/campaigns',
      {
        cookie: hr,
        body: {
          locationId: lilas,
          partner: 'Bailleur test',
          estate: 'Cité test',
          start: monday,
          end: addDays(monday, 6),
          pattern: [{ weekday: 4, startTime: '15:00', endTime: '17:00' }],
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.requirements).toEqual([
      expect.objectContaining({ weekday: 4, isPair: true }),
    ]);
    const during = await t.request<RotaWeek>('GET', `/api/rota?siteId=${nordEst.id}&week=${week}`, {
      cookie: hr,
    });
    expect(
      during.body.requirements.filter(
        (requirement) => requirement.weekday === 4 && requirement.startTime === '15:00',
      ),
    ).toHaveLength(1);
    const after = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${nordEst.id}&week=${addIsoWeeks(week, 1)}`,
      { cookie: hr },
    );
    expect(
      after.body.requirements.filter(
        (requirement) => requirement.weekday === 4 && requirement.startTime === '15:00',
      ),
    ).toHaveLength(0);
    const wrongPlace = await t.request<ApiError>('POST', '/api/coverage/campaigns', {
      cookie: hr,
      body: {
        locationId: nordEst.locations.find((location) => location.code === 'NE')?.id,
        partner: 'X',
        estate: 'Y',
        start: monday,
        end: monday,
        pattern: [{ weekday: 1, startTime: '10:00', endTime: '11:00' }],
      },
    });
    expect(wrongPlace.status).toBe(422);
    expect(wrongPlace.body.details).toEqual([
      { field: 'locationId', message: 'lieu de médiation sortante attendu' },
    ]);
  });

  it('warms the rota code at start without writing or caching anything', async () => {
    const versions = async () =>
      JSON.stringify(
        await t.dataSource.query(
          'SELECT organisation_id, version FROM organisation_data_version ORDER BY 1',
        ),
      );
    const cache = t.app.get(RotaReadCache);
    const before = { ...cache.stats };
    const versionsBefore = await versions();

    const warmed = await warmUpRota(t.app);

    // A site-week of this week with shifts, built and thrown away.
    expect(warmed?.week).toBe(thisWeek);
    expect(warmed?.shifts).toBeGreaterThan(0);
    expect(sites.some((candidate) => candidate.id === warmed?.siteId)).toBe(true);
    expect(cache.stats).toEqual(before);
    expect(await versions()).toBe(versionsBefore);
  });

  it('sends the week compressed as the client accepts, the same JSON once decoded', async () => {
    const url = `${t.baseUrl}/api/rota?siteId=${site('S').id}&week=${thisWeek}`;
    const read = async (encoding: string) => {
      const response = await fetch(url, {
        headers: { cookie: manager, 'accept-encoding': encoding },
      });
      expect(response.status).toBe(200);
      return { encoding: response.headers.get('content-encoding'), body: await response.json() };
    };
    const plain = await read('identity');
    expect(plain.encoding).toBeNull();
    for (const encoding of ['br', 'gzip']) {
      const compressed = await read(encoding);
      expect(compressed.encoding).toBe(encoding);
      expect(compressed.body).toEqual(plain.body);
    }
  });

  it('sends a cached week compressed as accepted, the same bytes on each hit, new ones after a write', async () => {
    const week = addIsoWeeks(thisWeek, 4);
    const path = `/api/rota?siteId=${site('S').id}&week=${week}`;
    const raw = (acceptEncoding: string) =>
      new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
        const request = get(
          `${t.baseUrl}${path}`,
          { headers: { cookie: manager, 'accept-encoding': acceptEncoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                encoding: response.headers['content-encoding'],
                vary: response.headers['vary'],
                bytes: Buffer.concat(chunks),
              }),
            );
          },
        );
        request.on('error', reject);
      });
    const plain = await raw('identity');
    expect(plain.encoding).toBeUndefined();
    const first = await raw('br');
    const second = await raw('gzip;q=0.5, br');
    expect(first.encoding).toBe('br');
    expect(first.vary).toMatch(/accept-encoding/i);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(brotliDecompressSync(first.bytes).toString()).toBe(plain.bytes.toString());
    // Quality values are honoured: br refused, gzip taken; nothing accepted, the text as it is.
    const gzipped = await raw('br;q=0, gzip');
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.bytes).toString()).toBe(plain.bytes.toString());
    expect((await raw('br;q=0, gzip;q=0')).encoding).toBeUndefined();
    // A write makes a new week: its compressed form is made anew, with the new shift in it.
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId: await personId('Meziane'),
        locationId: desk('S'),
        activity: 'back_office',
        start: at(week, 3, '14:00'),
        end: at(week, 3, '16:00'),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const after = await raw('br');
    const decoded = JSON.parse(brotliDecompressSync(after.bytes).toString()) as RotaWeek;
    expect(decoded.shifts.map((shift) => shift.id)).toContain(created.body.shift.id);
  });
});
