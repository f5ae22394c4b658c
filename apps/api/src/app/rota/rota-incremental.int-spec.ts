import type { RotaWeek, Shift, ShiftResult, Site } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuthService } from '../auth/auth.service';
import { RotaReadCache } from './rota-read-cache';
import { RotaService } from './rota.service';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** A small seeded generator (mulberry32): the same sequence of edits on every run of a seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The week read after each shift write is patched from the week read before it (only the people
 * and shifts the write touched are read and checked again): on random sequences of edits, it is
 * the week computed whole, byte for byte, and so are the violations a write answers with.
 */
describe('rota read after a write, patched (incremental) against computed whole', () => {
  let t: TestApp;
  let cookie: string;
  let user: AuthUser;
  let sites: Site[];
  const thisWeek = isoWeekOf(todayIn());
  // Two published weeks of the demo (pending changes, notice rules) and the boundary between them.
  const weeks = [thisWeek, addIsoWeeks(thisWeek, 1)];
  const seed = Number(process.env['RELAIS_SEED'] ?? 20_261_206);

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('manager.sud@relais.demo');
    const token = cookie.slice(cookie.indexOf('=') + 1);
    user = (await t.app.get(AuthService).userFromToken(token)) as AuthUser;
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie })).body.filter(
      (candidate) => candidate.code === 'S' || candidate.code === 'SE',
    );
    expect(sites).toHaveLength(2);
  });

  afterAll(async () => {
    await t.close();
  });

  /** The week as `GET /api/rota` sends it: from the cache, patched, or computed. */
  async function served(siteId: string, week: string): Promise<string> {
    const response = await t.request('GET', `/api/rota?siteId=${siteId}&week=${week}`, {
      cookie,
    });
    expect(response.status).toBe(200);
    return response.bytes.toString('utf8');
  }

  /** The week computed whole, without the cache, as the route would send it to this reader. */
  async function whole(siteId: string, week: string): Promise<RotaWeek> {
    const manager = t.dataSource.manager;
    const loaded = await t.app.get(SiteWeekLoader).load(manager, user, siteId, week);
    const computed = await t.app.get(RotaService).build(manager, user, loaded, week);
    return t.app.get(AccessService).canSeeSiteLabourCost(user, siteId)
      ? computed
      : { ...computed, totals: { ...computed.totals, labourCostCents: null } };
  }

  it('gives the week computed whole after every edit of a random sequence', async () => {
    const random = generator(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const cache = t.app.get(RotaReadCache);

    // What the edits draw from: the people of both sites, each site's (location, activity) pairs.
    const people = new Set<string>();
    const places: { locationId: string; activity: Shift['activity'] }[] = [];
    for (const site of sites)
      for (const week of weeks) {
        const rota = JSON.parse(await served(site.id, week)) as RotaWeek;
        for (const person of rota.people) people.add(person.id);
        for (const shift of rota.shifts)
          if (!places.some((place) => place.locationId === shift.locationId))
            places.push({ locationId: shift.locationId, activity: shift.activity });
      }
    const personIds = [...people];
    expect(personIds.length).toBeGreaterThan(5);
    expect(places.length).toBeGreaterThan(1);

    const firstDay = addDays(windowOfIsoWeek(weeks[0]).from, -2);
    /** A random start in the two weeks and the days around them, and an end 1–13 h later. */
    const times = () => {
      const day = addDays(firstDay, Math.floor(random() * 18));
      const startMs =
        new Date(`${day}T00:00:00+01:00`).getTime() + Math.floor(random() * 48) * 1_800_000;
      const endMs = startMs + (2 + Math.floor(random() * 25)) * 1_800_000;
      return { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
    };
    const breakOf = (start: string, end: string) =>
      Date.parse(end) - Date.parse(start) > 6 * 3_600_000 ? pick([0, 30, 45, 60]) : 0;

    const tally: Record<string, number> = {};
    let writes = 0;
    let apiWrites = 0;
    const patchedBefore = cache.patches.patched;
    for (let step = 0; step < 40; step++) {
      const current = (
        await Promise.all(
          sites.flatMap((site) =>
            weeks.map(async (week) => (JSON.parse(await served(site.id, week)) as RotaWeek).shifts),
          ),
        )
      )
        .flat()
        .filter((shift) => !shift.trainingSessionId);
      const roll = random();
      const target = pick(current);
      let op: string;
      let answer: { status: number; body: unknown } | undefined;
      if (roll < 0.3 || current.length === 0) {
        op = 'create';
        const { start, end } = times();
        const place = pick(places);
        answer = await t.request<ShiftResult>('POST', '/api/shifts', {
          cookie,
          body: {
            personId: random() < 0.15 ? null : pick(personIds),
            ...place,
            start,
            end,
            breakMinutes: breakOf(start, end),
          },
        });
      } else if (roll < 0.5) {
        op = 'move';
        const days = Math.floor(random() * 5) - 2;
        const hours = Math.floor(random() * 13) - 6;
        const by = (instant: string) =>
          new Date(Date.parse(instant) + (days * 24 + hours) * 3_600_000).toISOString();
        answer = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
          cookie,
          body: { version: target.version, start: by(target.start), end: by(target.end) },
        });
      } else if (roll < 0.62) {
        op = 'reassign';
        answer = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
          cookie,
          body: {
            version: target.version,
            personId: random() < 0.2 ? null : pick(personIds),
          },
        });
      } else if (roll < 0.72) {
        op = 'other place';
        answer = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
          cookie,
          body: { version: target.version, ...pick(places) },
        });
      } else if (roll < 0.82) {
        op = 'times';
        const { start, end } = times();
        answer = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
          cookie,
          body: { version: target.version, start, end, breakMinutes: breakOf(start, end) },
        });
      } else if (roll < 0.95) {
        op = 'delete';
        answer = await t.request('DELETE', `/api/shifts/${target.id}?version=${target.version}`, {
          cookie,
        });
      } else {
        // Written straight in the database: a version the cache knows nothing of, computed whole.
        op = 'straight in the database';
        await t.dataSource.query(
          `UPDATE shift SET end_at = end_at + interval '30 minutes' WHERE id = $1`,
          [target.id],
        );
      }
      const isWritten = answer === undefined || [200, 201, 204].includes(answer.status);
      tally[`${op} ${answer?.status ?? 'sql'}`] =
        (tally[`${op} ${answer?.status ?? 'sql'}`] ?? 0) + 1;
      if (answer && !isWritten) {
        // Refused (overlap, stale version, a person of neither site): nothing was written.
        expect({ seed, step, op, refused: [409, 422].includes(answer.status) }).toEqual({
          seed,
          step,
          op,
          refused: true,
        });
        continue;
      }
      writes++;
      if (answer) apiWrites++;

      for (const site of sites)
        for (const week of weeks) {
          const full = await whole(site.id, week);
          const text = await served(site.id, week);
          const label = { seed, step, op, site: site.code, week };
          expect({ ...label, week: JSON.parse(text) }).toEqual({ ...label, week: full });
          // Byte for byte (key order included): where the two texts part, if they do.
          const expected = JSON.stringify(full);
          let at = 0;
          while (at < text.length && text[at] === expected[at]) at++;
          expect({ ...label, served: text.slice(at - 120, at + 120) }).toEqual({
            ...label,
            served: expected.slice(at - 120, at + 120),
          });
          if (answer && answer.status !== 204) {
            const result = answer.body as ShiftResult;
            if (
              result.shift.siteId === site.id &&
              full.shifts.some((s) => s.id === result.shift.id)
            )
              expect({ ...label, answer: result }).toEqual({
                ...label,
                answer: {
                  shift: full.shifts.find((shift) => shift.id === result.shift.id),
                  violations: full.violations.filter((violation) =>
                    violation.shiftIds.includes(result.shift.id),
                  ),
                },
              });
          }
        }
    }
    // Enough accepted writes, and the reads after them were patched, not computed whole.
    expect({ tally, writes: writes >= 20 }).toEqual({ tally, writes: true });
    expect(cache.patches.patched - patchedBefore).toBeGreaterThanOrEqual(apiWrites);
  }, 600_000);
});
