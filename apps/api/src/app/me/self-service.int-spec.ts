// Over 450 lines on purpose: one journey of the mediator's self-service (published week, changes,
// reminders, calendar feed, requests, swaps) on one seeded database, in order.
import type {
  ApiError,
  CalendarFeedState,
  MyWeek,
  NotificationInbox,
  PersonSummary,
  PublishResult,
  RotaWeek,
  Shift,
  ShiftResult,
  ShiftSwap,
  Site,
  StaffRequest,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  isoWeekOf,
  mondayOfIsoWeek,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { RemindersService } from '../notifications/reminders.service';

const TZ = 'Europe/Paris';

interface SentMail {
  to: string;
  text: string;
}

/** A local SMTP sink: what Relais sends lands here. */
async function startSmtpSink(): Promise<{
  url: string;
  mails: SentMail[];
  close(): Promise<void>;
}> {
  const mails: SentMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first daylight-saving change (last Sunday of March or October) at least a week away. */
function nextDstSunday(after: string): string {
  for (const year of [Number(after.slice(0, 4)), Number(after.slice(0, 4)) + 1]) {
    for (const month of [3, 10]) {
      const last = new Date(Date.UTC(year, month, 0));
      last.setUTCDate(last.getUTCDate() - last.getUTCDay());
      const date = last.toISOString().slice(0, 10);
      if (date > addDays(after, 7)) return date;
    }
  }
  throw new Error('no DST change found');
}

describe('mediator self-service over HTTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let manager: string;
  let mediator: string;
  let hr: string;
  let sites: Site[];
  let traore: string;
  let colleague: { id: string; cookie: string };
  const today = todayIn();
  const nextWeek = addIsoWeeks(isoWeekOf(today), 1);
  const site = (code: string) => sites.find((candidate) => candidate.code === code) as Site;

  async function week(cookie: string, isoWeek?: string): Promise<MyWeek> {
    const path = isoWeek ? `/api/me/week?week=${isoWeek}` : '/api/me/week';
    const response = await t.request<MyWeek>('GET', path, { cookie });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function rota(week: string): Promise<RotaWeek> {
    return (
      await t.request<RotaWeek>('GET', `/api/rota?siteId=${site('S').id}&week=${week}`, {
        cookie: manager,
      })
    ).body;
  }

  /** A new mediator of Paris Sud with a CDI and an account of their own. */
  async function newColleague(lastName: string): Promise<{ id: string; cookie: string }> {
    const email = `${lastName.toLowerCase()}@relais.test`;
    const created = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: { firstName: 'Inès', lastName, email, homeSiteId: site('S').id, role: 'mediator' },
    });
    expect(created.status).toBe(201);
    const contract = await t.request('POST', '/api/contracts', {
      cookie: hr,
      body: { personId: created.body.id, type: 'CDI', start: addDays(today, -1), weeklyHours: 35 },
    });
    expect(contract.status).toBe(201);
    const link = await t.request<{ url: string }>(
      'POST',
      `/api/people/${created.body.id}/invitation`,
      { cookie: hr },
    );
    const token = link.body.url.split('/').pop() as string;
    const password = 'un-mot-de-passe-solide';
    expect(
      (await t.request('POST', '/api/auth/accept-link', { body: { token, password } })).status,
    ).toBe(204);
    return { id: created.body.id, cookie: await t.login(email, password) };
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Relais <relais@test.local>' });
    manager = await t.login('manager.sud@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
    hr = await t.login('rh@relais.demo');
    sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    [{ id: traore }] = await t.dataSource.query("SELECT id FROM person WHERE last_name = 'Traoré'");
    colleague = await newColleague('Benali');
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('shows only published shifts, with place, address and colleagues, then marks what changed since my last visit', async () => {
    const first = await week(mediator);
    expect(first.lastSeenAt).toBeNull();
    expect(first.shifts.length).toBeGreaterThan(0);
    expect(first.shifts.every((shift) => shift.change === null)).toBe(true);
    const draftIds = new Set((await rota(nextWeek)).shifts.map((shift) => shift.id));
    // Next week is a draft in the demo: none of it reaches the mediator.
    expect(first.shifts.filter((shift) => draftIds.has(shift.id))).toEqual([]);
    for (const shift of first.shifts) {
      // From Monday of this week: the week's total counts the days gone by.
      expect(shift.start.slice(0, 10) >= mondayOfIsoWeek(isoWeekOf(today))).toBe(true);
      expect(shift.locationAddress).not.toBe('');
    }
    const seen = await t.request('POST', '/api/me/week/seen', {
      cookie: mediator,
      body: { seenAt: first.generatedAt },
    });
    expect(seen.status).toBe(204);

    // The manager repairs the demo's 11-hour rest problem and publishes next week.
    const draft = await rota(nextWeek);
    const tuesday = draft.shifts.find(
      (shift) =>
        shift.personId === traore &&
        shift.start.slice(0, 10) === addDays(windowOfIsoWeek(nextWeek).from, 1),
    ) as Shift;
    const moved = await t.request('PATCH', `/api/shifts/${tuesday.id}`, {
      cookie: manager,
      body: {
        version: tuesday.version,
        start: tuesday.start.replace('08:45', '09:15'),
        breakMinutes: 30,
      },
    });
    expect(moved.status).toBe(200);
    const published = await t.request<{ notifiedPersonIds: string[] }>(
      'POST',
      '/api/rota/publish',
      {
        cookie: manager,
        body: { siteId: site('S').id, week: nextWeek, justification: 'Points à justifier relus.' },
      },
    );
    expect(published.status).toBe(200);
    expect(published.body.notifiedPersonIds).toContain(traore);

    const second = await week(mediator);
    expect(second.lastSeenAt).not.toBeNull();
    const fresh = second.shifts.filter((shift) => draftIds.has(shift.id));
    const inWindow = (await rota(nextWeek)).shifts.filter(
      (shift) => shift.personId === traore && shift.start.slice(0, 10) <= addDays(today, 14),
    );
    expect(fresh.length).toBe(inWindow.length);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((shift) => shift.change === 'new')).toBe(true);
    const desk = fresh.find((shift) => shift.activity === 'accueil' && shift.colleagues.length > 0);
    expect(desk?.colleagues[0]).toEqual(
      expect.objectContaining({ firstName: expect.any(String), lastName: expect.any(String) }),
    );
    expect(desk?.colleagues.map((person) => person.id)).not.toContain(traore);

    // The publication reached the inbox, and by e-mail.
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body;
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ kind: 'rota_published', link: '/ma-semaine' });
    const mail = await until(() => smtp.mails.find((sent) => sent.to === 'mediateur@relais.demo'));
    expect(mail.text).toContain('publi');
    expect(
      (await t.request('POST', '/api/notifications/read-all', { cookie: mediator })).status,
    ).toBe(204);
    expect(
      (await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })).body
        .unread,
    ).toBe(0);
  });

  it('reminds each person the day before their published shifts, once', async () => {
    const [next] = (await week(mediator)).shifts.filter(
      (shift) => shift.change !== 'cancelled' && shift.start.slice(0, 10) > today,
    );
    const day = next.start.slice(0, 10);
    const reminders = t.app.get(RemindersService);
    expect(await reminders.remindTomorrow(addDays(day, -1))).toBeGreaterThan(0);
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body;
    expect(inbox.items[0]).toMatchObject({ kind: 'reminder', link: `/ma-semaine#${day}` });
    expect(inbox.items[0].body).toContain(next.start.slice(11, 16));
    expect(await reminders.remindTomorrow(addDays(day, -1))).toBe(0);
    await until(() =>
      smtp.mails.find(
        (mail) => mail.to === 'mediateur@relais.demo' && mail.text.includes('demain'),
      ),
    );
  });

  it('serves a calendar feed an independent parser reads: Paris times across a DST change, stable UIDs, cancellations, revocation', async () => {
    const none = await t.request<CalendarFeedState>('GET', '/api/me/calendar', {
      cookie: mediator,
    });
    expect(none.body).toEqual({ isActive: false, createdAt: null });
    const created = await t.request<CalendarFeedState>('POST', '/api/me/calendar', {
      cookie: mediator,
    });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url as string);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);

    // Two published weeks around the next daylight-saving change, written as publications are.
    const sunday = nextDstSunday(today);
    const desk = site('S').locations.find((location) => location.code === 'S')?.id as string;
    const before = addDays(sunday, -2);
    const after = addDays(sunday, 1);
    const secret = `note-rh-${randomUUID()}`;
    const make = (date: string, personId: string): Shift => ({
      id: randomUUID(),
      siteId: site('S').id,
      personId,
      locationId: desk,
      activity: 'accueil',
      start: toZonedIso(zonedInstant(date, '09:00', TZ)),
      end: toZonedIso(zonedInstant(date, '12:30', TZ)),
      breakMinutes: 0,
      note: secret,
      version: 1,
      isChangedSincePublication: false,
    });
    const friday = make(before, traore);
    const monday = make(after, traore);
    const dropped = make(addDays(sunday, 2), traore);
    const publish = async (weekOf: string, versions: Shift[][]) => {
      const [siteWeek] = await t.dataSource.query(
        `INSERT INTO site_week (organisation_id, site_id, week, status, version, published_at)
         SELECT organisation_id, id, $2, 'published', $3, now() FROM site WHERE id = $1 RETURNING id`,
        [site('S').id, isoWeekOf(weekOf), versions.length],
      );
      for (const [index, shifts] of versions.entries()) {
        await t.dataSource.query(
          `INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts) SELECT organisation_id, id, $2, $3 FROM site_week WHERE id = $1`,
          [siteWeek.id, index + 1, JSON.stringify(shifts)],
        );
      }
    };
    await publish(before, [[friday]]);
    // Version 2 of the week after the change no longer has the Wednesday shift: cancelled.
    await publish(after, [[monday, dropped], [monday]]);

    const fetchFeed = async () => {
      const response = await fetch(`${t.baseUrl}${url.pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      return response.text();
    };
    const text = await fetchFeed();
    expect(text).not.toContain(secret);
    expect(text).toContain('BEGIN:VTIMEZONE');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const timezone = new ICAL.Timezone(
      calendar.getFirstSubcomponent('vtimezone') as ICAL.Component,
    );
    expect(timezone.tzid).toBe(TZ);
    // Times are read through the feed's own VTIMEZONE, not the machine's.
    ICAL.TimezoneService.register(timezone);
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    const byUid = new Map(events.map((event) => [event.uid, event]));
    // Every published shift of the mediator from eight weeks back, plus the cancelled one.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM site_week sw JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version,
              jsonb_array_elements(p.shifts) s
        WHERE s->>'personId' = $1 AND sw.week >= $2`,
      [traore, isoWeekOf(addDays(today, -56))],
    );
    expect(events.length).toBe(count + 1);
    const utcOf = (event: ICAL.Event) => event.startDate.toJSDate().toISOString();
    // 09:00 in Paris is 08:00 UTC before the change (winter→summer) or 07:00 after, or the reverse.
    const fridayEvent = byUid.get(`${friday.id}@relais`) as ICAL.Event;
    const mondayEvent = byUid.get(`${monday.id}@relais`) as ICAL.Event;
    expect(fridayEvent.startDate.zone?.tzid).toBe(TZ);
    expect(fridayEvent.startDate.hour).toBe(9);
    expect(mondayEvent.startDate.hour).toBe(9);
    expect(utcOf(fridayEvent)).toBe(new Date(friday.start).toISOString());
    expect(utcOf(mondayEvent)).toBe(new Date(monday.start).toISOString());
    expect(
      new Date(utcOf(fridayEvent)).getUTCHours() - new Date(utcOf(mondayEvent)).getUTCHours(),
    ).toBe(sunday.slice(5, 7) === '03' ? 1 : -1);
    expect(mondayEvent.endDate.hour).toBe(12);
    expect(mondayEvent.endDate.minute).toBe(30);
    const cancelled = byUid.get(`${dropped.id}@relais`) as ICAL.Event;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(mondayEvent.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(fridayEvent.location).toContain(',');
    // DTSTAMP is a UTC date-time (RFC 5545 §3.8.7.2): the instant the week was published.
    for (const event of events) {
      const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
      expect(Math.abs(stamp.toJSDate().getTime() - Date.now())).toBeLessThan(10 * 60_000);
    }
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    // Every property outside RFC 5545 and RFC 7986 carries the X- prefix.
    const standard = new Set(
      'BEGIN END VERSION PRODID METHOD CALSCALE NAME REFRESH-INTERVAL TZID TZURL TZOFFSETFROM TZOFFSETTO TZNAME DTSTART RRULE UID SEQUENCE DTSTAMP DTEND SUMMARY LOCATION DESCRIPTION STATUS'.split(
        ' ',
      ),
    );
    const namesIn = (component: ICAL.Component): string[] => [
      ...component.getAllProperties().map((property) => property.name.toUpperCase()),
      ...component.getAllSubcomponents().flatMap(namesIn),
    ];
    const names = namesIn(calendar);
    expect(names.filter((name) => !standard.has(name) && !name.startsWith('X-'))).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe(TZ);

    // The same shifts keep the same UIDs on the next fetch.
    const again = new ICAL.Component(ICAL.parse(await fetchFeed()))
      .getAllSubcomponents('vevent')
      .map((component) => component.getFirstPropertyValue('uid'))
      .sort();
    expect(again).toEqual([...byUid.keys()].sort());

    // Regenerating revokes the old URL: a bare 404, like an unknown token.
    const regenerated = await t.request<CalendarFeedState>('POST', '/api/me/calendar', {
      cookie: mediator,
    });
    const old = await fetch(`${t.baseUrl}${url.pathname}`);
    expect(old.status).toBe(404);
    expect(await old.text()).not.toContain('Traoré');
    expect((await fetch(`${t.baseUrl}/api/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
    const fresh = new URL(regenerated.body.url as string);
    expect((await fetch(`${t.baseUrl}${fresh.pathname}`)).status).toBe(200);
    expect((await t.request('DELETE', '/api/me/calendar', { cookie: mediator })).status).toBe(204);
    expect((await fetch(`${t.baseUrl}${fresh.pathname}`)).status).toBe(404);
    expect((await t.request('GET', '/api/me/calendar', { cookie: mediator })).body).toMatchObject({
      isActive: false,
    });
  });

  it('keeps each person to their own feed, requests and swaps', async () => {
    const mine = await t.request<CalendarFeedState>('POST', '/api/me/calendar', {
      cookie: mediator,
    });
    const theirs = await t.request<CalendarFeedState>('POST', '/api/me/calendar', {
      cookie: colleague.cookie,
    });
    expect(mine.body.url).not.toBe(theirs.body.url);
    const theirFeed = await (
      await fetch(`${t.baseUrl}${new URL(theirs.body.url as string).pathname}`)
    ).text();
    expect(theirFeed).toContain('Benali');
    expect(theirFeed).not.toContain('Traoré');
    // The colleague's request is invisible to the mediator, and cannot be decided by them.
    const request = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: colleague.cookie,
      body: { kind: 'leave', start: addDays(today, 40), end: addDays(today, 42) },
    });
    expect(request.status).toBe(201);
    const own = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start: addDays(today, 47), end: addDays(today, 47) },
    });
    expect(own.status).toBe(201);
    const listed = await t.request<StaffRequest[]>('GET', '/api/requests', { cookie: mediator });
    expect(listed.body.map((row) => row.id)).toContain(own.body.id);
    expect(listed.body.map((row) => row.id)).not.toContain(request.body.id);
    expect(listed.body.every((row) => row.personId === traore)).toBe(true);
    expect(
      (
        await t.request('POST', `/api/requests/${request.body.id}/decision`, {
          cookie: mediator,
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses requests in the past or over an approved one, in French', async () => {
    const past = await t.request<ApiError>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'unavailability', start: addDays(today, -3), end: addDays(today, -1) },
    });
    expect(past.status).toBe(422);
    expect(past.body.message).toContain('passé');
    const first = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'unavailability', start: addDays(today, 60), end: addDays(today, 61) },
    });
    expect(first.status).toBe(201);
    expect(
      (
        await t.request('POST', `/api/requests/${first.body.id}/decision`, {
          cookie: manager,
          body: { status: 'approved', reply: 'OK' },
        })
      ).status,
    ).toBe(200);
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body;
    expect(inbox.items[0]).toMatchObject({ kind: 'request_decided', title: 'Demande approuvée' });
    const overlapping = await t.request<ApiError>('POST', '/api/requests', {
      cookie: mediator,
      body: { kind: 'leave', start: addDays(today, 61), end: addDays(today, 63) },
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.message).toBe('Ces dates chevauchent une demande déjà approuvée.');
  });

  it('swaps a shift: offer, acceptance, a rules re-check before approval, 409 when the shift changed', async () => {
    // This week and the next: late in a week, few of this week's shifts are still to come.
    const mine = [
      ...(await week(mediator)).shifts,
      ...(await week(mediator, addIsoWeeks(isoWeekOf(today), 1))).shifts,
    ].filter(
      (shift) =>
        shift.change !== 'cancelled' && new Date(shift.start).getTime() > Date.now() + 3_600_000,
    );
    expect(mine.length).toBeGreaterThan(2);
    const [first, second, third] = mine;

    // A newcomer with no contract: taking the shift would work outside any contract (blocking).
    const [{ id: noContract }] = await t.dataSource.query(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id)
       SELECT organisation_id, 'Sans', 'Contrat', home_site_id FROM person WHERE id = $1 RETURNING id`,
      [traore],
    );
    const offerTo = async (shift: typeof first, toPersonId: string) =>
      t.request<ShiftSwap>('POST', '/api/swaps', {
        cookie: mediator,
        body: { shiftId: shift.id, version: shift.version, toPersonId },
      });
    // Neither a mediator account nor a contract: the offer itself is refused.
    const refusedOffer = await offerTo(first, noContract);
    expect(refusedOffer.status).toBe(422);
    // Given both, the offer goes; the contract is then withdrawn before the manager decides.
    await t.dataSource.query(
      `INSERT INTO account (organisation_id, person_id, email, role)
       SELECT organisation_id, id, 'sans.contrat@relais.test', 'mediator' FROM person WHERE id = $1`,
      [noContract],
    );
    const [{ id: contractId }] = await t.dataSource.query(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, weekly_hours)
       SELECT organisation_id, id, 'CDI', $2, 35 FROM person WHERE id = $1 RETURNING id`,
      [noContract, addDays(today, -1)],
    );
    const other = await offerTo(first, noContract);
    expect(other.status).toBe(201);
    await t.dataSource.query('DELETE FROM contract WHERE id = $1', [contractId]);
    // Only the two people and the site's managers see a swap.
    expect(
      (await t.request('POST', `/api/swaps/${other.body.id}/accept`, { cookie: colleague.cookie }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/swaps/${other.body.id}/decision`, {
          cookie: manager,
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(409);
    await t.dataSource.query(`UPDATE shift_swap SET status = 'accepted' WHERE id = $1`, [
      other.body.id,
    ]);
    const refused = await t.request<ApiError>('POST', `/api/swaps/${other.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toContainEqual(
      expect.objectContaining({
        rule: 'OUTSIDE_CONTRACT',
        severity: 'block',
        personId: noContract,
      }),
    );
    const [stillMine] = await t.dataSource.query('SELECT person_id FROM shift WHERE id = $1', [
      first.id,
    ]);
    expect(stillMine.person_id).toBe(traore);
    await t.request('POST', `/api/swaps/${other.body.id}/cancel`, { cookie: mediator });

    // The happy path, with a colleague under contract.
    const offered = await offerTo(first, colleague.id);
    expect(offered.status).toBe(201);
    expect((await offerTo(first, colleague.id)).status).toBe(409);
    const colleagueInbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: colleague.cookie })
    ).body;
    expect(colleagueInbox.items[0]).toMatchObject({ kind: 'swap_offered', link: '/echanges' });
    await until(() => smtp.mails.find((mail) => mail.to === 'benali@relais.test'), 20_000);
    const accepted = await t.request<ShiftSwap>('POST', `/api/swaps/${offered.body.id}/accept`, {
      cookie: colleague.cookie,
    });
    expect(accepted.body.status).toBe('accepted');
    // A mediator cannot decide.
    expect(
      (
        await t.request('POST', `/api/swaps/${offered.body.id}/decision`, {
          cookie: mediator,
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(403);
    const approved = await t.request<ShiftSwap>('POST', `/api/swaps/${offered.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const theirWeek = await week(colleague.cookie);
    expect(theirWeek.shifts.map((shift) => shift.id)).toContain(first.id);
    expect(
      (await week(mediator)).shifts.find(
        (shift) => shift.id === first.id && shift.change !== 'cancelled',
      ),
    ).toBeUndefined();
    const [history] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'shift.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [first.id],
    );
    expect(history.details).toMatchObject({
      swapId: offered.body.id,
      after: { personId: colleague.id },
    });

    // A shift the manager changes after the offer cannot be swapped: 409, nothing moves.
    const late = await offerTo(second, colleague.id);
    await t.request('POST', `/api/swaps/${late.body.id}/accept`, { cookie: colleague.cookie });
    const live = (await rota(isoWeekOf(second.start.slice(0, 10)))).shifts.find(
      (shift) => shift.id === second.id,
    ) as Shift;
    expect(
      (
        await t.request('PATCH', `/api/shifts/${second.id}`, {
          cookie: manager,
          body: { version: live.version, note: 'modifié' },
        })
      ).status,
    ).toBe(200);
    const stale = await t.request<ApiError>('POST', `/api/swaps/${late.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(stale.status).toBe(409);
    const [unchanged] = await t.dataSource.query('SELECT person_id FROM shift WHERE id = $1', [
      second.id,
    ]);
    expect(unchanged.person_id).toBe(traore);

    // Offering with a version that is not the published one: 409 as well.
    expect((await offerTo({ ...third, version: third.version + 5 }, colleague.id)).status).toBe(
      409,
    );
    // Once the colleague's account is disabled (contract ended), their feed stops.
    const feed = await t.request<CalendarFeedState>('POST', '/api/me/calendar', {
      cookie: colleague.cookie,
    });
    const feedPath = new URL(feed.body.url as string).pathname;
    expect((await fetch(`${t.baseUrl}${feedPath}`)).status).toBe(200);
    const [{ id: accountId }] = await t.dataSource.query(
      'SELECT id FROM account WHERE person_id = $1',
      [colleague.id],
    );
    const admin = await t.login('direction@relais.demo');
    expect(
      (await t.request('POST', `/api/accounts/${accountId}/disable`, { cookie: admin })).status,
    ).toBe(204);
    expect((await fetch(`${t.baseUrl}${feedPath}`)).status).toBe(404);
  });

  it('flags a note-only change to a published shift, notifies the person on publishing and shows the new note', async () => {
    // A week no other test writes to, whose Monday is always within the person's 14 days: a copy
    // of this week, seeded as published without any blocking problem.
    const laterWeek = addIsoWeeks(isoWeekOf(today), 2);
    const monday = windowOfIsoWeek(laterWeek).from;
    const copied = await t.request('POST', '/api/rota/copy', {
      cookie: manager,
      body: {
        siteId: site('S').id,
        fromWeek: isoWeekOf(today),
        toWeek: laterWeek,
        withPeople: true,
      },
    });
    expect(copied.status).toBe(201);
    const target = (await rota(laterWeek)).shifts.find(
      (shift) => shift.personId === traore && shift.start.slice(0, 10) === monday,
    ) as Shift;
    const publish = () =>
      t.request<PublishResult>('POST', '/api/rota/publish', {
        cookie: manager,
        body: { siteId: site('S').id, week: laterWeek, justification: 'Points à justifier relus.' },
      });
    expect((await publish()).status).toBe(200);
    const mine = async () => (await week(mediator)).shifts.find((shift) => shift.id === target.id);
    expect(await mine()).toMatchObject({ note: target.note });
    expect(
      (
        await t.request('POST', '/api/me/week/seen', {
          cookie: mediator,
          body: { seenAt: new Date().toISOString() },
        })
      ).status,
    ).toBe(204);

    const note = 'Apporter les clés de la salle de quartier';
    const patched = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
      cookie: manager,
      body: { version: target.version, note },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.shift.isChangedSincePublication).toBe(true);
    const draft = await rota(laterWeek);
    expect(draft.unpublishedChanges).toBe(1);
    const unread = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body.unread;

    const published = await publish();
    expect(published.status).toBe(200);
    expect(published.body.notifiedPersonIds).toEqual([traore]);
    expect(await mine()).toMatchObject({ note, change: 'changed' });
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: mediator })
    ).body;
    expect(inbox.unread).toBe(unread + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'rota_published', link: '/ma-semaine' });
  });
});
