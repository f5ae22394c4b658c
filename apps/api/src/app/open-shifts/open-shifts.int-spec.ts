// One journey on one seeded database, in order: open shifts claimed and approved, a claim the
// rules refuse at approval, two-way swaps, and what the manager is told and sees pending.
import type {
  ApiError,
  NotificationInbox,
  OpenShift,
  OpenShiftClaim,
  PendingCount,
  PendingDecisions,
  PersonSummary,
  ShiftResult,
  ShiftSwap,
  Site,
  StaffRequest,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { SmtpSink, startSmtpSink } from '../../testing/smtp-sink';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';

/** A received e-mail's text as a reader sees it (quoted-printable undone). */
function readable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

// E-mails go out through the outbox behind others (the managers' too): allow a loaded machine time.
async function until<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('open shifts, two-way swaps and the manager’s pending decisions over HTTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let manager: string;
  let hr: string;
  let sud: Site;
  let desk: string;
  let benali: { id: string; cookie: string };
  let durand: { id: string; cookie: string };
  const today = todayIn();
  // A week of its own, two weeks ahead: a copy of this week, published without blocking problems.
  const week = addIsoWeeks(isoWeekOf(today), 2);
  const monday = windowOfIsoWeek(week).from;
  const at = (day: number, time: string) =>
    toZonedIso(zonedInstant(addDays(monday, day), time, TZ), TZ);
  const shiftIds: Record<'tuesday' | 'thursday' | 'friday', string> = {
    tuesday: '',
    thursday: '',
    friday: '',
  };

  async function newColleague(lastName: string): Promise<{ id: string; cookie: string }> {
    const email = `${lastName.toLowerCase()}@relais.test`;
    const created = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: { firstName: 'Inès', lastName, email, homeSiteId: sud.id, role: 'mediator' },
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

  async function createShift(
    personId: string | null,
    day: number,
    start: string,
    end: string,
    breakMinutes = 0,
  ): Promise<string> {
    const created = await t.request<ShiftResult>('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId,
        locationId: desk,
        activity: 'accueil',
        start: at(day, start),
        end: at(day, end),
        breakMinutes,
      },
    });
    expect(created.status).toBe(201);
    return created.body.shift.id;
  }

  async function publish(): Promise<void> {
    const published = await t.request('POST', '/api/rota/publish', {
      cookie: manager,
      // Points à justifier on the week need a justification to publish (rules.md).
      body: { siteId: sud.id, week, justification: 'Points à justifier relus.' },
    });
    expect(published.status).toBe(200);
  }

  async function openShifts(cookie: string): Promise<OpenShift[]> {
    const response = await t.request<OpenShift[]>('GET', '/api/open-shifts', { cookie });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function claim(cookie: string, shift: OpenShift) {
    return t.request<OpenShiftClaim>('POST', `/api/open-shifts/${shift.id}/claims`, {
      cookie,
      body: { version: shift.version, message: 'Je peux venir.' },
    });
  }

  async function pendingCount(): Promise<number> {
    const response = await t.request<PendingCount>('GET', '/api/pending/count', {
      cookie: manager,
    });
    expect(response.status).toBe(200);
    return response.body.count;
  }

  async function holder(shiftId: string): Promise<string | null> {
    const [row] = await t.dataSource.query('SELECT person_id FROM shift WHERE id = $1', [shiftId]);
    return row.person_id;
  }

  async function myShiftIds(cookie: string): Promise<string[]> {
    const response = await t.request<{ id: string }[]>(
      'GET',
      `/api/me/shifts?from=${monday}&to=${addDays(monday, 6)}`,
      { cookie },
    );
    expect(response.status).toBe(200);
    return response.body.map((shift) => shift.id);
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Relais <relais@test.local>',
    });
    manager = await t.login('manager.sud@relais.demo');
    hr = await t.login('rh@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    sud = sites.find((site) => site.code === 'S') as Site;
    desk = sud.locations.find((location) => location.code === 'S')?.id as string;
    benali = await newColleague('Benali');
    durand = await newColleague('Durand');
    const copied = await t.request('POST', '/api/rota/copy', {
      cookie: manager,
      body: { siteId: sud.id, fromWeek: isoWeekOf(today), toWeek: week, withPeople: true },
    });
    expect(copied.status).toBe(201);
    shiftIds.tuesday = await createShift(null, 1, '08:00', '12:00');
    shiftIds.thursday = await createShift(null, 3, '09:00', '12:30');
    shiftIds.friday = await createShift(null, 4, '09:00', '12:30');
    await publish();
    // Seeding and the setup share the machine with other work: allow for a slow start.
  }, 180_000);

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('lists the published open shifts a person may take; a claim tells the site’s managers, by e-mail too', async () => {
    const before = await pendingCount();
    const listed = await openShifts(benali.cookie);
    expect(listed.map((shift) => shift.id)).toEqual(
      expect.arrayContaining(Object.values(shiftIds)),
    );
    const thursday = listed.find((shift) => shift.id === shiftIds.thursday) as OpenShift;
    expect(thursday).toMatchObject({ siteName: sud.name, pendingClaimId: null });

    const filed = await claim(benali.cookie, thursday);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', personId: benali.id, violations: [] });
    expect((await claim(benali.cookie, thursday)).status).toBe(409);
    expect(
      (await openShifts(benali.cookie)).find((shift) => shift.id === shiftIds.thursday),
    ).toMatchObject({ pendingClaimId: filed.body.id });
    // Several people may be available for the same shift.
    expect((await claim(durand.cookie, thursday)).status).toBe(201);

    expect(await pendingCount()).toBe(before + 2);
    const inbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: manager })
    ).body;
    expect(inbox.items[0]).toMatchObject({ kind: 'claim_filed', link: '/a-decider' });
    const mail = await until(() =>
      smtp.mails.find(
        (sent) => sent.to === 'manager.sud@relais.demo' && readable(sent.text).includes('Benali'),
      ),
    );
    expect(readable(mail.text)).toContain('disponible');
    // A mediator does not decide.
    expect(
      (
        await t.request('POST', `/api/claims/${filed.body.id}/decision`, {
          cookie: benali.cookie,
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(403);
  });

  it('approves one claim: the shift is hers, published alone and audited; the other claim is closed with a message', async () => {
    const claims = (
      await t.request<OpenShiftClaim[]>('GET', '/api/claims?status=pending', { cookie: manager })
    ).body.filter((row) => row.shiftId === shiftIds.thursday);
    const mine = claims.find((row) => row.personId === benali.id) as OpenShiftClaim;
    const other = claims.find((row) => row.personId === durand.id) as OpenShiftClaim;
    const [{ version: before }] = await t.dataSource.query(
      'SELECT version FROM site_week WHERE site_id = $1 AND week = $2',
      [sud.id, week],
    );

    const approved = await t.request<OpenShiftClaim>('POST', `/api/claims/${mine.id}/decision`, {
      cookie: manager,
      body: { status: 'approved', reply: 'Merci !' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(await holder(shiftIds.thursday)).toBe(benali.id);
    expect(await myShiftIds(benali.cookie)).toContain(shiftIds.thursday);
    const [{ version: after }] = await t.dataSource.query(
      'SELECT version FROM site_week WHERE site_id = $1 AND week = $2',
      [sud.id, week],
    );
    expect(after).toBe(before + 1);
    const [history] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'shift.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [shiftIds.thursday],
    );
    expect(history.details).toMatchObject({
      claimId: mine.id,
      before: { personId: null },
      after: { personId: benali.id },
    });

    const closed = (
      await t.request<OpenShiftClaim[]>('GET', '/api/claims', { cookie: durand.cookie })
    ).body.find((row) => row.id === other.id);
    expect(closed).toMatchObject({
      status: 'closed',
      reply: 'Le créneau a été attribué à une autre personne.',
    });
    const durandInbox = (
      await t.request<NotificationInbox>('GET', '/api/notifications', { cookie: durand.cookie })
    ).body;
    expect(durandInbox.items[0]).toMatchObject({ kind: 'claim_decided' });
    expect(durandInbox.items[0].body).toContain('une autre personne');
    // No longer open: neither listed nor claimable.
    expect((await openShifts(durand.cookie)).map((shift) => shift.id)).not.toContain(
      shiftIds.thursday,
    );
    const late = await t.request<ApiError>('POST', `/api/open-shifts/${shiftIds.thursday}/claims`, {
      cookie: durand.cookie,
      body: { version: 1 },
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('Ce créneau n’est plus à pourvoir.');
  });

  it('refuses at approval a claim the rules no longer allow (a shift given meanwhile breaks the 11-hour rest), with a French 409 naming the rule', async () => {
    const tuesday = (await openShifts(benali.cookie)).find(
      (shift) => shift.id === shiftIds.tuesday,
    ) as OpenShift;
    const filed = await claim(benali.cookie, tuesday);
    expect(filed.status).toBe(201);
    // Meanwhile the manager plans Benali on Monday evening until 22:00: 10 h of rest before 08:00.
    await createShift(benali.id, 0, '13:30', '22:00', 30);

    // The manager sees the rules' verdict before deciding.
    const pending = await t.request<PendingDecisions>('GET', '/api/pending', { cookie: manager });
    expect(pending.status).toBe(200);
    expect(pending.body.count).toBe(await pendingCount());
    const listed = pending.body.claims.find((row) => row.id === filed.body.id);
    expect(listed?.violations).toContainEqual(
      expect.objectContaining({ rule: 'DAILY_REST', personId: benali.id }),
    );

    const refused = await t.request<ApiError>('POST', `/api/claims/${filed.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Repos quotidien de 11 h');
    expect(refused.body.violations).toContainEqual(
      expect.objectContaining({ rule: 'DAILY_REST', severity: 'block' }),
    );
    expect(await holder(shiftIds.tuesday)).toBeNull();

    // Not listed any more to Benali, whom it would put in breach; still listed to Durand.
    expect((await openShifts(benali.cookie)).map((shift) => shift.id)).not.toContain(
      shiftIds.tuesday,
    );
    expect((await openShifts(durand.cookie)).map((shift) => shift.id)).toContain(shiftIds.tuesday);
    // A direct claim is refused too, naming the rule.
    const withdrawn = await t.request<OpenShiftClaim>(
      'POST',
      `/api/claims/${filed.body.id}/withdraw`,
      { cookie: benali.cookie },
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    const direct = await claim(benali.cookie, tuesday);
    expect(direct.status).toBe(422);
    expect((direct.body as unknown as ApiError).message).toContain('Repos quotidien de 11 h');
  });

  it('refuses a claim on a shift already started', async () => {
    const past = await createShift(null, 2, '14:00', '17:00');
    await publish();
    await t.dataSource.query(
      `UPDATE shift SET start_at = now() - interval '2 hours', end_at = now() + interval '1 hour' WHERE id = $1`,
      [past],
    );
    const response = await t.request<ApiError>('POST', `/api/open-shifts/${past}/claims`, {
      cookie: durand.cookie,
      body: { version: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body.message).toContain('déjà commencé');
    await t.dataSource.query('DELETE FROM shift WHERE id = $1', [past]);
  });

  it('exchanges two shifts: checked for both people, accepted, approved, applied together', async () => {
    // Durand takes the Friday and the Tuesday open shifts.
    for (const id of [shiftIds.friday, shiftIds.tuesday]) {
      const shift = (await openShifts(durand.cookie)).find(
        (candidate) => candidate.id === id,
      ) as OpenShift;
      const filed = await claim(durand.cookie, shift);
      expect(filed.status).toBe(201);
      expect(
        (
          await t.request('POST', `/api/claims/${filed.body.id}/decision`, {
            cookie: manager,
            body: { status: 'approved' },
          })
        ).status,
      ).toBe(200);
    }
    const theirs = await t.request<{ id: string; version: number }[]>(
      'GET',
      `/api/swaps/exchangeable?toPersonId=${durand.id}`,
      { cookie: benali.cookie },
    );
    expect(theirs.status).toBe(200);
    const friday = theirs.body.find((shift) => shift.id === shiftIds.friday) as {
      id: string;
      version: number;
    };
    expect(friday).toBeDefined();
    const mine = (
      await t.request<{ id: string; version: number }[]>(
        'GET',
        `/api/me/shifts?from=${monday}&to=${addDays(monday, 6)}`,
        { cookie: benali.cookie },
      )
    ).body.find((shift) => shift.id === shiftIds.thursday) as { id: string; version: number };

    const before = await pendingCount();
    const offered = await t.request<ShiftSwap>('POST', '/api/swaps', {
      cookie: benali.cookie,
      body: {
        shiftId: mine.id,
        version: mine.version,
        toPersonId: durand.id,
        counterShiftId: friday.id,
        counterVersion: friday.version,
      },
    });
    expect(offered.status).toBe(201);
    expect(offered.body.counterShift).toMatchObject({ id: friday.id, siteName: sud.name });
    const accepted = await t.request<ShiftSwap>('POST', `/api/swaps/${offered.body.id}/accept`, {
      cookie: durand.cookie,
    });
    expect(accepted.body.status).toBe('accepted');
    expect(await pendingCount()).toBe(before + 1);
    await until(() =>
      smtp.mails.find(
        (sent) =>
          sent.to === 'manager.sud@relais.demo' &&
          readable(sent.text).includes('échange le créneau'),
      ),
    );
    const approved = await t.request<ShiftSwap>('POST', `/api/swaps/${offered.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(approved.status).toBe(200);
    expect(await holder(shiftIds.thursday)).toBe(durand.id);
    expect(await holder(shiftIds.friday)).toBe(benali.id);
    expect(await myShiftIds(benali.cookie)).toContain(shiftIds.friday);
    expect(await myShiftIds(benali.cookie)).not.toContain(shiftIds.thursday);
    expect(await myShiftIds(durand.cookie)).toContain(shiftIds.thursday);
    expect(await pendingCount()).toBe(before);
  });

  it('refuses an exchange the rules forbid for one of the two people: nothing moves', async () => {
    // Benali works Monday until 22:00: Durand's Tuesday 08:00 would leave her 10 h of rest.
    const tuesday = (
      await t.request<{ id: string; version: number }[]>(
        'GET',
        `/api/swaps/exchangeable?toPersonId=${durand.id}`,
        { cookie: benali.cookie },
      )
    ).body.find((shift) => shift.id === shiftIds.tuesday) as { id: string; version: number };
    const mine = (
      await t.request<{ id: string; version: number }[]>(
        'GET',
        `/api/me/shifts?from=${monday}&to=${addDays(monday, 6)}`,
        { cookie: benali.cookie },
      )
    ).body.find((shift) => shift.id === shiftIds.friday) as { id: string; version: number };
    const offered = await t.request<ShiftSwap>('POST', '/api/swaps', {
      cookie: benali.cookie,
      body: {
        shiftId: mine.id,
        version: mine.version,
        toPersonId: durand.id,
        counterShiftId: tuesday.id,
        counterVersion: tuesday.version,
      },
    });
    expect(offered.status).toBe(201);
    await t.request('POST', `/api/swaps/${offered.body.id}/accept`, { cookie: durand.cookie });
    const pending = (await t.request<PendingDecisions>('GET', '/api/pending', { cookie: manager }))
      .body;
    expect(pending.swaps.find((swap) => swap.id === offered.body.id)?.violations).toContainEqual(
      expect.objectContaining({ rule: 'DAILY_REST', personId: benali.id }),
    );
    const refused = await t.request<ApiError>('POST', `/api/swaps/${offered.body.id}/decision`, {
      cookie: manager,
      body: { status: 'approved' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toContainEqual(
      expect.objectContaining({ rule: 'DAILY_REST', personId: benali.id }),
    );
    expect(await holder(shiftIds.friday)).toBe(benali.id);
    expect(await holder(shiftIds.tuesday)).toBe(durand.id);
  });

  it('counts a new leave request for the manager, e-mails them, and shows what approving it would do', async () => {
    const before = await pendingCount();
    const thursday = addDays(monday, 3);
    const request = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: durand.cookie,
      body: { kind: 'leave', start: thursday, end: thursday },
    });
    expect(request.status).toBe(201);
    expect(await pendingCount()).toBe(before + 1);
    const mail = await until(() =>
      smtp.mails.find(
        (sent) =>
          sent.to === 'manager.sud@relais.demo' &&
          readable(sent.text).includes('Durand') &&
          readable(sent.text).includes('congé'),
      ),
    );
    expect(readable(mail.text)).toContain('attend votre décision');
    const pending = (await t.request<PendingDecisions>('GET', '/api/pending', { cookie: manager }))
      .body;
    // Durand works that Thursday (the exchanged shift): approving puts it during her leave.
    expect(
      pending.requests.find((row) => row.request.id === request.body.id)?.violations,
    ).toContainEqual(expect.objectContaining({ rule: 'DURING_ABSENCE', personId: durand.id }));
    // Other sites' managers neither count nor see it.
    const est = await t.login('manager.est@relais.demo');
    const estPending = (await t.request<PendingDecisions>('GET', '/api/pending', { cookie: est }))
      .body;
    expect(estPending.requests.map((row) => row.request.id)).not.toContain(request.body.id);
    expect((await t.request('GET', '/api/pending/count', { cookie: durand.cookie })).status).toBe(
      403,
    );
    const decided = await t.request('POST', `/api/requests/${request.body.id}/decision`, {
      cookie: manager,
      body: { status: 'refused', reply: 'Semaine chargée.' },
    });
    expect(decided.status).toBe(200);
    expect(await pendingCount()).toBe(before);
  });
});
