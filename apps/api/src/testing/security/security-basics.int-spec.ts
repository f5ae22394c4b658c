import type { ApiError, Me, RotaWeek, Site } from '@relais/api-types';
import { addIsoWeeks, isoWeekOf } from '@relais/rules';
import * as argon2 from 'argon2';
import { todayIn } from '../../common/today';
import { sessionCookie, startTestApp, TestApp } from '../test-app';

/**
 * Security basics of issue 8, checked over HTTP: headers, session fixation, CSRF on cookie
 * writes, argon2id parameters, no stack trace in any error body, login rate limit per address.
 * (auth.int-spec covers the per-account limit, logout revocation and a new id at each login.)
 */
const OWASP = { type: 'argon2id', m: 19456, t: 2, p: 1 };

/** Type and cost parameters of a PHC string "$argon2id$v=19$m=19456,p=1,t=2$salt$hash". */
function parameters(hash: string): Record<string, string | number> {
  const [, type, , params] = hash.split('$');
  const costs = Object.fromEntries(
    params.split(',').map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])]),
  );
  return { type, ...costs };
}

describe('security basics over HTTP', () => {
  let t: TestApp;
  let manager: string;
  let sud: Site;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager.sud@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie: manager });
    sud = sites.body.find((site) => site.code === 'S') as Site;
  });

  afterAll(async () => {
    await t.close();
  });

  async function shiftCount(): Promise<number> {
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM shift');
    return row.n;
  }

  function shiftBody(day: number) {
    const week = addIsoWeeks(isoWeekOf(todayIn()), 5);
    const [year, w] = week.split('-W').map(Number);
    // Monday of that ISO week, then a morning on `day` (0 = Monday).
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
    const date = new Date(monday.getTime() + ((w - 1) * 7 + day) * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    return {
      personId: null,
      locationId: sud.locations.find((location) => location.code === 'S')?.id,
      activity: 'back_office',
      start: `${iso}T09:00:00+01:00`,
      end: `${iso}T10:00:00+01:00`,
      breakMinutes: 0,
    };
  }

  it('sends the security headers on API answers', async () => {
    const response = await t.request('GET', '/api/sites', { cookie: manager });
    const header = (name: string) => response.headers.get(name) ?? '';
    expect(header('content-security-policy')).toContain("default-src 'self'");
    expect(header('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header('content-security-policy')).toContain("object-src 'none'");
    expect(header('content-security-policy')).toContain("worker-src 'self'");
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('x-frame-options')).toBe('SAMEORIGIN');
    expect(header('referrer-policy')).toBe('no-referrer');
    expect(header('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('never promotes a session id planted before login (fixation)', async () => {
    const planted = 'relais_session=attacker-chosen-value-0123456789abcdef';
    const login = await t.request<Me>('POST', '/api/auth/login', {
      cookie: planted,
      body: { email: 'rh@relais.demo', password: 'relais-demo' },
    });
    expect(login.status).toBe(200);
    const issued = sessionCookie(login.headers);
    expect(issued).not.toBe(planted);
    expect((await t.request('GET', '/api/auth/me', { cookie: planted })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { cookie: issued })).status).toBe(200);
    // The database keeps only a keyed hash of the token, never the token itself.
    const token = issued.split('=')[1];
    const [row] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM session WHERE token_hash = $1',
      [token],
    );
    expect(row.n).toBe(0);
  });

  describe('cross-site request forgery on cookie-authenticated writes', () => {
    it('refuses a write sent from another site by a browser (Fetch Metadata), writing nothing', async () => {
      const before = await shiftCount();
      for (const site of ['cross-site', 'same-site']) {
        const response = await t.request<ApiError>('POST', '/api/shifts', {
          cookie: manager,
          headers: { 'sec-fetch-site': site, origin: 'https://evil.example' },
          body: shiftBody(0),
        });
        expect(response.status).toBe(403);
        expect(response.body.message).toMatch(/vient d’un autre site/);
      }
      expect(await shiftCount()).toBe(before);
    });

    it('refuses a write whose Origin is another host when the browser sends no Fetch Metadata', async () => {
      const before = await shiftCount();
      for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
        const response = await t.request<ApiError>('POST', '/api/shifts', {
          cookie: manager,
          headers: { origin },
          body: shiftBody(1),
        });
        expect(response.status).toBe(403);
      }
      expect(await shiftCount()).toBe(before);
    });

    it('refuses a cross-site logout and login, and lets cross-site reads through', async () => {
      const cookie = await t.login('manager.est@relais.demo');
      const logout = await t.request('POST', '/api/auth/logout', {
        cookie,
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(logout.status).toBe(403);
      expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
      const login = await t.request('POST', '/api/auth/login', {
        headers: { 'sec-fetch-site': 'cross-site' },
        body: { email: 'manager.est@relais.demo', password: 'relais-demo' },
      });
      expect(login.status).toBe(403);
      expect(login.headers.getSetCookie()).toEqual([]);
      const read = await t.request<RotaWeek>(
        'GET',
        `/api/rota?siteId=${sud.id}&week=${isoWeekOf(todayIn())}`,
        { cookie: manager, headers: { 'sec-fetch-site': 'cross-site' } },
      );
      expect(read.status).toBe(200);
    });

    it('accepts the same write from the app itself (same-origin, or Origin of this host)', async () => {
      const before = await shiftCount();
      const host = new URL(t.baseUrl).host;
      const sameOrigin = await t.request('POST', '/api/shifts', {
        cookie: manager,
        headers: { 'sec-fetch-site': 'same-origin', origin: t.baseUrl },
        body: shiftBody(2),
      });
      expect(sameOrigin.status).toBe(201);
      const byOrigin = await t.request('POST', '/api/shifts', {
        cookie: manager,
        headers: { origin: `http://${host}` },
        body: shiftBody(3),
      });
      expect(byOrigin.status).toBe(201);
      expect(await shiftCount()).toBe(before + 2);
    });
  });

  it('stores passwords as argon2id with OWASP parameters, and upgrades weaker hashes at login', async () => {
    const [row] = await t.dataSource.query(
      `SELECT password_hash FROM account WHERE email = 'direction@relais.demo'`,
    );
    // OWASP Password Storage: argon2id, m = 19 MiB, t = 2, p = 1.
    expect(parameters(row.password_hash)).toEqual(OWASP);

    const weak = await argon2.hash('relais-demo', {
      type: argon2.argon2i,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    await t.dataSource.query(
      `UPDATE account SET password_hash = $1 WHERE email = 'direction@relais.demo'`,
      [weak],
    );
    await t.login('direction@relais.demo');
    const [upgraded] = await t.dataSource.query(
      `SELECT password_hash FROM account WHERE email = 'direction@relais.demo'`,
    );
    expect(parameters(weak)).toEqual({ type: 'argon2i', m: 4096, t: 1, p: 1 });
    expect(parameters(upgraded.password_hash)).toEqual(OWASP);
    await t.login('direction@relais.demo');
  });

  it('never puts a stack trace, a file path or SQL in an error body, even on a 500', async () => {
    const leaks = /\bat [\w.<>]+ \(|node_modules|\.[tj]s:\d+|QueryFailedError|SELECT |relation "/;
    const bodies: { status: number; text: string }[] = [];
    const record = async (method: string, path: string, options = {}) => {
      const response = await t.request(method, path, options);
      bodies.push({ status: response.status, text: JSON.stringify(response.body) });
      return response;
    };
    await record('POST', '/api/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    await record('GET', `/api/people/${'a'.repeat(500)}`, { cookie: manager });
    await record('GET', '/api/rota?siteId=not-a-uuid&week=2026-W99', { cookie: manager });
    await record('GET', '/api/nowhere/at/all', { cookie: manager });
    await record('POST', '/api/shifts', { cookie: manager, body: { start: { $gt: '' } } });
    await record('POST', '/api/shifts', {
      cookie: manager,
      rawBody: '{"__proto__": {"admin": true}}',
      headers: { 'content-type': 'application/json' },
    });
    // A real server fault: the table is gone for a moment.
    await t.dataSource.query('ALTER TABLE site RENAME TO site_hidden');
    try {
      const fault = await record('GET', '/api/sites', { cookie: manager });
      expect(fault.status).toBe(500);
      expect(fault.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Erreur interne. L’équipe technique a été prévenue.',
      });
    } finally {
      await t.dataSource.query('ALTER TABLE site_hidden RENAME TO site');
    }
    expect(bodies.map((body) => body.status)).toEqual([400, 400, 400, 404, 400, 400, 500]);
    expect(bodies.filter((body) => leaks.test(body.text))).toEqual([]);
  });

  // Last: it spends this address's login budget for the rest of the file.
  it('rate-limits logins per address (20 per 10 min) whatever the account', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++) {
      const response = await t.request<ApiError>('POST', '/api/auth/login', {
        body: { email: `inconnu-${attempt}@relais.demo`, password: 'relais-demo' },
      });
      statuses.push(response.status);
    }
    // Earlier tests of this file used some of the 20 attempts: the wall comes at or before 21.
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(statuses.slice(0, firstRefusal).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
    // The right password of a real account is refused too from this address now.
    const blocked = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'rh@relais.demo', password: 'relais-demo' },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
