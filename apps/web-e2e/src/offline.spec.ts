import { expect, test } from '@playwright/test';
import { login } from './support';

test('the service worker files are always revalidated, never kept by an HTTP cache', async ({
  request,
}) => {
  for (const file of ['/ngsw-worker.js', '/ngsw.json']) {
    const response = await request.get(file);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-cache');
  }
  expect((await request.get('/api/health')).headers()['content-security-policy']).toContain(
    "worker-src 'self'",
  );
});

test('offline, the mediator still reads the last week fetched, and signing out forgets it', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await login(page, 'mediateur@relais.demo');
  await page.goto('/ma-semaine');
  await expect(page.getByTestId('as-of')).toContainText('Planning à jour au');
  // The worker registers once the app is stable, and serves the page from the next load on.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.getByTestId('as-of')).toContainText('Planning à jour au');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('as-of')).toContainText('Hors connexion · planning à jour au');
  await expect(page.getByRole('heading', { level: 2, name: /^Semaine \d+/ }).first()).toBeVisible();
  await context.setOffline(false);

  await page.getByTestId('who').click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/connexion'));

  // The next person on this device, offline, is neither signed in as the mediator nor shown her week.
  await context.setOffline(true);
  await page.goto('/ma-semaine');
  await page.waitForURL((url) => url.pathname.startsWith('/connexion'));
  await expect(page.getByTestId('who')).toHaveCount(0);
  await expect(page.getByTestId('as-of')).toHaveCount(0);
  await context.setOffline(false);
});
