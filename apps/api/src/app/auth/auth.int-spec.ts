import type { ApiError, Me, NotificationInbox } from '@relais/api-types';
import { request as httpRequest } from 'node:http';
import { sessionCookie, startTestApp, TestApp } from '../../testing/test-app';

interface LoginAnswer {
  status: number;
  body: ApiError;
  retryAfter: number;
  cookie: string | null;
}

describe('auth over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A login sent from a loopback address of our choice (the app does not trust proxy headers). */
  function loginFrom(localAddress: string, email: string, password: string): Promise<LoginAnswer> {
    const url = new URL('/api/auth/login', t.baseUrl);
    const payload = JSON.stringify({ email, password });
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          localAddress,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => {
            const cookie = (response.headers['set-cookie'] ?? []).find((value) =>
              value.startsWith('relais_session='),
            );
            resolve({
              status: response.statusCode ?? 0,
              body: text ? JSON.parse(text) : {},
              retryAfter: Number(response.headers['retry-after'] ?? 0),
              cookie: cookie?.split(';')[0] ?? null,
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  it('logs in with a demo account and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await t.request<Me>('POST', '/api/auth/login', {
      body: { email: 'RH@relais.demo', password: 'relais-demo' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: 'rh@relais.demo', role: 'hr' });
    expect(response.body.siteIds).toHaveLength(5);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await t.request<Me>('GET', '/api/auth/me', {
      cookie: sessionCookie(response.headers),
    });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('hr');
  });

  it('issues a new session id at each login', async () => {
    const first = await t.login('direction@relais.demo');
    const second = await t.login('direction@relais.demo');
    expect(first).not.toEqual(second);
    expect((await t.request('GET', '/api/auth/me', { cookie: first })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: second })).status).toBe(200);
  });

  it('refuses a wrong password and an unknown email with the same 401 message', async () => {
    const wrong = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'manager.est@relais.demo', password: 'pas-le-bon' },
    });
    const unknown = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'personne@relais.demo', password: 'relais-demo' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.message).not.toMatch(/mot de passe|e-mail/i);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('rate-limits an account after five failed attempts (429), even with the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await t.request('POST', '/api/auth/login', {
        body: { email: 'manager.sud@relais.demo', password: `faux-${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    const blocked = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'manager.sud@relais.demo', password: 'relais-demo' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Trop de tentatives/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('logout revokes the session on the server, not only the cookie', async () => {
    const cookie = await t.login('mediateur@relais.demo');
    const logout = await t.request('POST', '/api/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    // Replaying the old cookie must fail: the session is revoked server-side.
    const replay = await t.request<ApiError>('GET', '/api/auth/me', { cookie });
    expect(replay.status).toBe(401);
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.logout'`,
    );
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('answers 401 without a session and with a forged cookie', async () => {
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    const forged = await t.request<ApiError>('GET', '/api/sites', {
      cookie: 'relais_session=forged',
    });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Connexion requise.',
    });
  });

  it('names the field in a 400 for missing, wrong-typed and unknown fields', async () => {
    const missing = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'rh@relais.demo' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'password', message: 'champ obligatoire' }]);
    expect(missing.body.message).toContain('« password »');

    const wrongType = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 42, password: 'x' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details).toEqual([
      { field: 'email', message: 'adresse e-mail invalide' },
    ]);

    const unknown = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'rh@relais.demo', password: 'x', isAdmin: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      { field: 'isAdmin', message: 'champ inconnu, à retirer' },
    ]);
  });

  it('answers 400 in French to malformed JSON, never 500', async () => {
    const response = await t.request<ApiError>('POST', '/api/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Corps de requête invalide : JSON mal formé.');
  });

  it('refuses a non-JSON body (415) and an oversized body (413) in French', async () => {
    const text = await t.request<ApiError>('POST', '/api/auth/login', {
      rawBody: '<login><email>rh@relais.demo</email></login>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(text.status).toBe(415);
    expect(text.body.message).toBe('Type de contenu non pris en charge : envoyez du JSON.');
    const huge = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { email: 'rh@relais.demo', password: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('Requête trop volumineuse.');
  });

  it('a disabled account cannot log in and loses its open sessions', async () => {
    const admin = await t.login('direction@relais.demo');
    const mediator = await t.login('mediateur@relais.demo');
    const me = await t.request<Me>('GET', '/api/auth/me', { cookie: mediator });

    const manager = await t.login('manager.est@relais.demo');
    const refused = await t.request('POST', `/api/accounts/${me.body.id}/disable`, {
      cookie: manager,
    });
    expect(refused.status).toBe(403);

    const disabled = await t.request('POST', `/api/accounts/${me.body.id}/disable`, {
      cookie: admin,
    });
    expect(disabled.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: mediator })).status).toBe(401);
    const again = await t.request('POST', '/api/auth/login', {
      body: { email: 'mediateur@relais.demo', password: 'relais-demo' },
    });
    expect(again.status).toBe(401);
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM session WHERE account_id = $1 AND revoked_at IS NULL`,
      [me.body.id],
    );
    expect(open.n).toBe(0);
  });

  it('records logins in the append-only audit log', async () => {
    await t.login('rh@relais.demo');
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login'`,
    );
    expect(row.n).toBeGreaterThan(0);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('throttles guesses per account and address: an attacker elsewhere cannot lock the owner out, and the owner is told', async () => {
    // Last of the file: it leaves this account at its ceiling for an hour.
    const email = 'direction@relais.demo';
    const owner = '127.0.0.9';
    const attack = (address: string, attempt: number) =>
      loginFrom(address, email, `devine-${address}-${attempt}`);
    // The owner's usual address: they logged in from it before.
    expect((await loginFrom(owner, email, 'relais-demo')).status).toBe(200);

    for (let attempt = 0; attempt < 5; attempt++)
      expect((await attack('127.0.0.2', attempt)).status).toBe(401);
    // That address now waits, longer after each further failure; the owner does not.
    const slowed = await attack('127.0.0.2', 5);
    expect(slowed.status).toBe(429);
    expect(slowed.body.message).toMatch(/Trop de tentatives/);
    expect(slowed.retryAfter).toBeGreaterThanOrEqual(60);
    expect((await loginFrom('127.0.0.2', email, 'relais-demo')).status).toBe(429);
    expect((await loginFrom(owner, email, 'relais-demo')).status).toBe(200);

    // Spread over addresses, the guesses reach the account's ceiling: from then on, only an
    // address the owner used before may try, and the owner is told.
    for (const address of ['127.0.0.3', '127.0.0.4', '127.0.0.5'])
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await attack(address, attempt)).status).toBe(401);
    const stranger = await loginFrom('127.0.0.6', email, 'relais-demo');
    expect(stranger.status).toBe(429);
    expect(stranger.body.message).toMatch(/Trop de tentatives/);
    const own = await loginFrom(owner, email, 'relais-demo');
    expect(own.status).toBe(200);
    const inbox = await t.request<NotificationInbox>('GET', '/api/notifications', {
      cookie: own.cookie ?? '',
    });
    const alerts = inbox.body.items.filter((item) => item.kind === 'security');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toContain('Tentatives de connexion');
    expect(alerts[0].body).toMatch(/20 tentatives/);
  });
});
