import type { Me, Site } from '@relais/api-types';
import { startTestApp, TestApp } from '../../testing/test-app';
import { AccessService } from './access.service';
import type { AuthUser } from './auth-user';

describe('authorisation by role and site scope', () => {
  let t: TestApp;
  let sites: Site[];
  const code = (id: string) => sites.find((site) => site.id === id)?.code;

  beforeAll(async () => {
    t = await startTestApp();
    sites = (
      await t.request<Site[]>('GET', '/api/sites', { cookie: await t.login('rh@relais.demo') })
    ).body;
  });

  afterAll(async () => {
    await t.close();
  });

  async function me(email: string): Promise<Me> {
    return (await t.request<Me>('GET', '/api/auth/me', { cookie: await t.login(email) })).body;
  }

  it.each([
    ['direction@relais.demo', ['E', 'NE', 'NO', 'S', 'SE']],
    ['rh@relais.demo', ['E', 'NE', 'NO', 'S', 'SE']],
    ['manager.sud@relais.demo', ['S', 'SE']],
    ['manager.est@relais.demo', ['E']],
    ['mediateur@relais.demo', ['S']],
  ])('%s sees sites %j in scope', async (email, expected) => {
    const account = await me(email);
    expect(account.siteIds.map(code).sort()).toEqual(expected);
  });

  it('lets a manager write only to the sites they run, and a mediator only read their own', async () => {
    const access = t.app.get(AccessService);
    const siteId = (c: string) => sites.find((site) => site.code === c)?.id ?? '';
    const asUser = (account: Me, organisationId: string): AuthUser => ({
      accountId: account.id,
      sessionId: 'test',
      organisationId,
      personId: account.personId,
      email: account.email,
      role: account.role,
      siteIds: account.siteIds,
      firstName: account.firstName,
      lastName: account.lastName,
      timeZone: 'Europe/Paris',
    });
    const [{ id: organisationId }] = await t.dataSource.query('SELECT id FROM organisation');
    const managerSud = asUser(await me('manager.sud@relais.demo'), organisationId);
    const mediator = asUser(await me('mediateur@relais.demo'), organisationId);

    expect(access.canAccessSite(managerSud, siteId('S'), 'write')).toBe(true);
    expect(access.canAccessSite(managerSud, siteId('SE'), 'write')).toBe(true);
    expect(access.canAccessSite(managerSud, siteId('E'), 'write')).toBe(false);
    expect(access.canAccessSite(managerSud, siteId('E'), 'read')).toBe(false);
    expect(access.canAccessSite(mediator, siteId('S'), 'read')).toBe(true);
    expect(access.canAccessSite(mediator, siteId('S'), 'write')).toBe(false);
    expect(() => access.requireSite(managerSud, siteId('E'), 'write')).toThrow(
      'Vous ne pouvez modifier que les sites dont vous avez la charge.',
    );
    expect(() => access.requireRole(mediator, ['admin', 'hr'])).toThrow(/réservée/);
  });
});
