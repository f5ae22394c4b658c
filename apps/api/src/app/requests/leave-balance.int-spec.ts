import type { LeaveBalance, Site, StaffRequest } from '@relais/api-types';
import { addDays, daysBetween, paidLeavePeriodOf } from '@relais/rules';
import { todayIn } from '../../common/today';
import { NewPerson, newPersonWithAccount } from '../../testing/person-fixtures';
import { startTestApp, TestApp } from '../../testing/test-app';

/** Months of the reference period that have ended by `today` from `start` on (whole months). */
function monthsEnded(start: string, today: string): number {
  let count = 0;
  for (let month = start; ; ) {
    const next =
      month.slice(5, 7) === '12'
        ? `${Number(month.slice(0, 4)) + 1}-01-01`
        : `${month.slice(0, 5)}${String(Number(month.slice(5, 7)) + 1).padStart(2, '0')}-01`;
    if (addDays(next, -1) > today) return count;
    count += 1;
    month = next;
  }
}

describe('paid-leave balances over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let managerSud: string;
  let managerEst: string;
  let person: NewPerson;
  let other: NewPerson;
  const today = todayIn();
  const period = paidLeavePeriodOf(today);

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    managerSud = await t.login('manager.sud@relais.demo');
    managerEst = await t.login('manager.est@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: hr })).body;
    const sud = sites.find((site) => site.code === 'S') as Site;
    // Hired on the first day of the reference period, full time.
    person = await newPersonWithAccount(t, hr, {
      lastName: 'Congés',
      homeSiteId: sud.id,
      contract: { start: period.start, weeklyHours: 35 },
    });
    other = await newPersonWithAccount(t, hr, {
      lastName: 'Autre',
      homeSiteId: sud.id,
      contract: { start: addDays(today, -1), weeklyHours: 35 },
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const balanceOf = (cookie: string, personId = person.id) =>
    t.request<LeaveBalance>('GET', `/api/people/${personId}/leave-balance`, { cookie });

  it('acquires 2,5 jours ouvrables per month worked from 1 June, deducts approved leave, and is read by the person, their manager and HR only', async () => {
    const months = monthsEnded(period.start, today);
    const first = await balanceOf(person.cookie);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      periodStart: period.start,
      periodEnd: period.end,
      acquiredDays: Math.min(30, Math.ceil(2.5 * months)),
      takenDays: 0,
      pendingDays: 0,
    });
    expect(first.body.remainingDays).toBe(first.body.acquiredDays);

    // One day the balance covers: no warning (in June, when nothing is acquired yet, a warning).
    let day = addDays(today, 40);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 0) day = addDays(day, 1);
    const small = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: person.cookie,
      body: { kind: 'leave', start: day, end: day },
    });
    expect(small.status).toBe(201);
    expect(small.body.leaveDays).toBe(1);
    expect(small.body.balanceWarning).toBe(
      first.body.remainingDays >= 1 ? null : 'solde insuffisant : 0 jour restant pour 1 demandé',
    );
    await t.request('POST', `/api/requests/${small.body.id}/decision`, {
      cookie: managerSud,
      body: { status: 'refused' },
    });

    // HR records a week of paid leave at the start of the period: Monday to Saturday is six
    // jours ouvrables (a public holiday in it is not a day of leave).
    const monday = addDays(
      period.start,
      (8 - new Date(`${period.start}T12:00:00Z`).getUTCDay()) % 7,
    );
    const absence = await t.request('POST', `/api/people/${person.id}/absences`, {
      cookie: hr,
      body: { kind: 'leave', start: monday, end: addDays(monday, 6) },
    });
    expect(absence.status).toBe(201);
    const after = (await balanceOf(hr)).body;
    const whitMonday = ['2027-05-17', '2028-06-05', '2029-05-21', '2030-06-10'];
    expect(after.takenDays).toBe(
      daysBetween(monday, addDays(monday, 5)) + 1 - (whitMonday.includes(monday) ? 1 : 0),
    );
    expect(after.remainingDays).toBe(after.acquiredDays - after.takenDays);

    expect((await balanceOf(managerSud)).status).toBe(200);
    expect((await balanceOf(managerEst)).status).toBe(403);
    expect((await balanceOf(other.cookie)).status).toBe(403);
    expect((await balanceOf(person.cookie, other.id)).status).toBe(403);
  });

  it('accepts a request beyond the balance with a French warning, shown to the manager who decides', async () => {
    const balance = (await balanceOf(person.cookie)).body;
    // Five weeks from tomorrow: more jours ouvrables than any balance can hold after the
    // week taken above.
    const start = addDays(today, 1);
    const end = addDays(start, 34);
    const asked = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: person.cookie,
      body: { kind: 'leave', start, end },
    });
    expect(asked.status).toBe(201);
    const left = Math.max(0, balance.remainingDays);
    const days = asked.body.leaveDays as number;
    expect(days).toBeGreaterThan(left);
    expect(asked.body.balanceWarning).toBe(
      `solde insuffisant : ${left} jour${left > 1 ? 's' : ''} restant${left > 1 ? 's' : ''} pour ${days} demandés`,
    );
    expect(asked.body.remainingDays).toBe(balance.remainingDays);

    const pending = await t.request<StaffRequest[]>('GET', '/api/requests?status=pending', {
      cookie: managerSud,
    });
    const seen = pending.body.find((request) => request.id === asked.body.id);
    expect(seen?.balanceWarning).toBe(asked.body.balanceWarning);
    expect((await balanceOf(person.cookie)).body.pendingDays).toBe(days);

    // Approved anyway: the leave is taken, the balance goes below zero and no warning remains.
    const decided = await t.request<StaffRequest>(
      'POST',
      `/api/requests/${asked.body.id}/decision`,
      { cookie: managerSud, body: { status: 'approved' } },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.balanceWarning).toBeNull();
    const now = (await balanceOf(person.cookie)).body;
    expect(now.takenDays).toBe(balance.takenDays + days);
    expect(now.remainingDays).toBe(balance.remainingDays - days);
    expect(now.pendingDays).toBe(0);
  });

  it('leaves an unavailability out of paid leave', async () => {
    // The other person was hired yesterday and has nothing acquired: an unavailability is no
    // paid leave and carries no balance nor warning.
    const unavailability = await t.request<StaffRequest>('POST', '/api/requests', {
      cookie: other.cookie,
      body: { kind: 'unavailability', start: addDays(today, 2), end: addDays(today, 2) },
    });
    expect(unavailability.status).toBe(201);
    expect(unavailability.body).toMatchObject({
      leaveDays: null,
      remainingDays: null,
      balanceWarning: null,
    });
  });
});
