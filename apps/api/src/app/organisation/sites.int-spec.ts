import type { Health, Site } from '@relais/api-types';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('sites, health and schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports health ok while the database answers, without a session', async () => {
    const response = await t.request<Health>('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('lists the five France Services sites of the demo with their locations', async () => {
    const cookie = await t.login('mediateur@relais.demo');
    const response = await t.request<Site[]>('GET', '/api/sites', { cookie });
    expect(response.status).toBe(200);
    expect(response.body.map((site) => site.code)).toEqual(['E', 'NE', 'NO', 'S', 'SE']);
    expect(response.body.every((site) => site.isFranceServices)).toBe(true);
    const sud = response.body.find((site) => site.code === 'S');
    expect(sud?.locations.map((location) => [location.code, location.kind])).toEqual([
      ['PAND14', 'satellite'],
      ['S', 'site'],
    ]);
    const nordEst = response.body.find((site) => site.code === 'NE');
    // Wednesday afternoon is closed at Nord Est for the team meeting.
    expect(nordEst?.openingHours.filter((range) => range.weekday === 3)).toEqual([
      { weekday: 3, start: '09:00', end: '12:30' },
    ]);
  });

  it('seeds the 35 people and the five demo accounts once', async () => {
    const [people] = await t.dataSource.query('SELECT count(*)::int AS n FROM person');
    const [accounts] = await t.dataSource.query('SELECT count(*)::int AS n FROM account');
    expect(people.n).toBe(35);
    expect(accounts.n).toBe(5);
  });

  it('has migrations in step with the entities (regenerating yields nothing)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    expect(await t.dataSource.showMigrations()).toBe(false);
  });

  it('has btree_gist available for exclusion constraints', async () => {
    const rows = await t.dataSource.query(
      `SELECT extname FROM pg_extension WHERE extname = 'btree_gist'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.request<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/sites', '/api/health']),
    );
  });

  it('seeds nothing outside demo mode (production starts empty, waiting for admin:create)', async () => {
    const production = await startTestApp({ RELAIS_DEMO: 'false' });
    try {
      const [organisations] = await production.dataSource.query(
        'SELECT count(*)::int AS n FROM organisation',
      );
      expect(organisations.n).toBe(0);
      expect((await production.request('GET', '/api/health')).status).toBe(200);
      const login = await production.request('POST', '/api/auth/login', {
        body: { email: 'direction@relais.demo', password: 'relais-demo' },
      });
      expect(login.status).toBe(401);
    } finally {
      await production.close();
    }
  });
});
