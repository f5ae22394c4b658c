import type {
  ApiError,
  PublishResult,
  RotaWeek,
  Shift,
  ShiftResult,
  Site,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { describeIf } from '../requirements';
import { startTestApp, TestApp } from '../test-app';

// The embedded database serialises every transaction on one connection, so races cannot happen
// there: these specs need the real server that `npm test` always has in CI (.ci/run).
const describeOnServer = describeIf(
  Boolean(process.env['DATABASE_URL']),
  'a PostgreSQL server in DATABASE_URL',
);

describeOnServer('concurrent managers on PostgreSQL', () => {
  let t: TestApp;
  let sud: string;
  let rh: string;
  let site: Site;
  const thisWeek = isoWeekOf(todayIn());

  beforeAll(async () => {
    t = await startTestApp();
    sud = await t.login('manager.sud@relais.demo');
    rh = await t.login('rh@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie: sud });
    site = sites.body.find((candidate) => candidate.code === 'S') as Site;
  });

  afterAll(async () => {
    await t?.close();
  });

  const iso = (instant: string) => new Date(instant).toISOString();
  const desk = () => site.locations.find((location) => location.code === 'S')?.id as string;

  /** An instant of a day of a week, "HH:MM" at +01:00 (only the order of instants matters here). */
  function at(week: string, weekday: number, time: string): string {
    const date = addDays(windowOfIsoWeek(week).from, weekday - 1);
    return new Date(`${date}T${time}:00+01:00`).toISOString();
  }

  async function createOpenShift(week: string, weekday: number, hour: number): Promise<Shift> {
    const response = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: sud,
      body: {
        personId: null,
        locationId: desk(),
        activity: 'back_office',
        start: at(week, weekday, `${String(hour).padStart(2, '0')}:00`),
        end: at(week, weekday, `${String(hour + 1).padStart(2, '0')}:00`),
        breakMinutes: 0,
      },
    });
    expect(response.status).toBe(201);
    return response.body.shift;
  }

  it('two managers editing one shift at once: one 200, one 409, the winner kept whole, the loser can re-apply', async () => {
    const week = addIsoWeeks(thisWeek, 6);
    for (let round = 0; round < 8; round++) {
      const shift = await createOpenShift(week, 1 + (round % 5), 8 + Math.floor(round / 5) * 2);
      const bySud = { version: shift.version, note: `sud ${round}` };
      const byRh = {
        version: shift.version,
        start: at(
          week,
          1 + (round % 5),
          `${String(8 + Math.floor(round / 5) * 2).padStart(2, '0')}:30`,
        ),
      };
      const [a, b] = await Promise.all([
        t.request<ShiftResult & ApiError>('PATCH', `/api/shifts/${shift.id}`, {
          cookie: sud,
          body: bySud,
        }),
        t.request<ShiftResult & ApiError>('PATCH', `/api/shifts/${shift.id}`, {
          cookie: rh,
          body: byRh,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.message).toMatch(/modifié par/);
      const [row] = await t.dataSource.query(
        `SELECT note, start_at, version FROM shift WHERE id = $1`,
        [shift.id],
      );
      // Exactly the winner's change, not a mix of both.
      if (a.status === 200) {
        expect({ note: row.note, start: row.start_at.toISOString() }).toEqual({
          note: bySud.note,
          start: iso(shift.start),
        });
      } else {
        expect({ note: row.note, start: row.start_at.toISOString() }).toEqual({
          note: null,
          start: byRh.start,
        });
      }
      expect(row.version).toBe(shift.version + 1);
      // Nothing lost: the loser re-reads the version and re-applies; both changes now stand.
      const retry = await t.request<ShiftResult>('PATCH', `/api/shifts/${shift.id}`, {
        cookie: a.status === 409 ? sud : rh,
        body: { ...(a.status === 409 ? bySud : byRh), version: row.version },
      });
      expect(retry.status).toBe(200);
      expect({ ...retry.body.shift, start: iso(retry.body.shift.start) }).toMatchObject({
        note: bySud.note,
        start: byRh.start,
        version: shift.version + 2,
      });
      const [audit] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'shift.update'`,
        [shift.id],
      );
      expect(audit.n).toBe(2);
    }
  });

  it('50 concurrent overlapping creations for one person by two managers: exactly one succeeds', async () => {
    const [person] = await t.dataSource.query(
      `SELECT p.id FROM person p JOIN site s ON s.id = p.home_site_id
       WHERE s.code = 'S' AND p.last_name = 'Meziane'`,
    );
    const week = addIsoWeeks(thisWeek, 7);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        t.request<ShiftResult & ApiError>('POST', '/api/shifts', {
          cookie: index % 2 ? rh : sud,
          body: {
            personId: person.id,
            locationId: desk(),
            activity: 'back_office',
            // Every window overlaps every other one: 09:00–12:00 shifted by up to 49 minutes.
            start: new Date(Date.parse(at(week, 3, '09:00')) + index * 60_000).toISOString(),
            end: new Date(Date.parse(at(week, 3, '12:00')) + index * 60_000).toISOString(),
            breakMinutes: 0,
          },
        }),
      ),
    );
    const counts = new Map<number, number>();
    for (const response of responses) {
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 201: 1, 409: 49 });
    const { from, to } = windowOfIsoWeek(week);
    const [stored] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM shift WHERE person_id = $1
       AND start_at >= $2::date AND start_at < ($3::date + 1)`,
      [person.id, from, to],
    );
    expect(stored.n).toBe(1);
    const winner = responses.find((response) => response.status === 201);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'shift.create' AND entity_id = $1`,
      [winner?.body.shift.id],
    );
    expect(audit.n).toBe(1);
  });

  it('publish racing with edits: every published snapshot is the week as it stood at one point of a single order', async () => {
    // A publishable week: a copy of this week's published rota (people kept).
    const week = addIsoWeeks(thisWeek, 8);
    const copied = await t.request('POST', '/api/rota/copy', {
      cookie: sud,
      body: { siteId: site.id, fromWeek: thisWeek, toWeek: week, withPeople: true },
    });
    expect(copied.status).toBe(201);
    const rota = await t.request<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
      cookie: sud,
    });
    expect(rota.body.violations.filter((violation) => violation.severity === 'block')).toEqual([]);
    const all = rota.body.shifts;
    const shifts = all.slice(0, 10);
    // Ten chains of three successive edits (two managers), with four publications thrown in.
    const chains = shifts.map(async (shift, index) => {
      let version = shift.version;
      for (let step = 1; step <= 3; step++) {
        const response = await t.request<ShiftResult>('PATCH', `/api/shifts/${shift.id}`, {
          cookie: index % 2 ? rh : sud,
          body: { version, note: `étape ${step}` },
        });
        expect(response.status).toBe(200);
        version = response.body.shift.version;
      }
    });
    const publications = [0, 1, 2, 3].map(async (index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 15));
      return t.request<PublishResult & ApiError>('POST', '/api/rota/publish', {
        cookie: index % 2 ? rh : sud,
        body: { siteId: site.id, week, justification: 'Points à justifier relus.' },
      });
    });
    const [, published] = await Promise.all([Promise.all(chains), Promise.all(publications)]);
    expect(published.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(published.map((response) => response.body.version).sort()).toEqual([1, 2, 3, 4]);

    // Replay the audit log of the week in commit order (every write holds the site-week lock
    // while it appends its event): each snapshot must equal the replayed state at its point.
    const events: { id: string; action: string; entity_id: string; details: never }[] =
      await t.dataSource.query(
        `SELECT id, action, entity_id, details FROM audit_event
         WHERE (action = 'shift.update' AND entity_id = ANY($1))
            OR (action = 'rota.publish' AND details->>'week' = $2 AND details->>'siteId' = $3)
         ORDER BY id`,
        [shifts.map((shift) => shift.id), week, site.id],
      );
    const state = new Map(all.map((shift) => [shift.id, shift.version]));
    const originalNote = new Map(all.map((shift) => [shift.id, shift.note]));
    const snapshots: { version: number; shifts: Shift[] }[] = await t.dataSource.query(
      `SELECT p.version, p.shifts FROM rota_publication p
       JOIN site_week w ON w.id = p.site_week_id WHERE w.site_id = $1 AND w.week = $2`,
      [site.id, week],
    );
    let checked = 0;
    for (const event of events) {
      if (event.action === 'shift.update') {
        state.set(event.entity_id, (state.get(event.entity_id) ?? 0) + 1);
      } else {
        const version = (event.details as { version: number }).version;
        const snapshot = snapshots.find((candidate) => candidate.version === version);
        // Each shift as it stood then: its version, and the note its last edit wrote.
        expect(
          Object.fromEntries(
            (snapshot?.shifts ?? []).map((shift) => [shift.id, [shift.version, shift.note]]),
          ),
        ).toEqual(
          Object.fromEntries(
            [...state].map(([id, version]) => [
              id,
              [version, version > 1 ? `étape ${version - 1}` : originalNote.get(id)],
            ]),
          ),
        );
        checked++;
      }
    }
    expect(checked).toBe(4);
    // And the final state is every chain's last edit.
    const final: { note: string; version: number }[] = await t.dataSource.query(
      `SELECT note, version FROM shift WHERE id = ANY($1)`,
      [shifts.map((shift) => shift.id)],
    );
    expect(final).toHaveLength(shifts.length);
    expect(final.every((row) => row.note === 'étape 3' && row.version === 4)).toBe(true);
  });
});
