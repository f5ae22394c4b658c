import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function session(email, width, height) {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
  const page = await ctx.newPage();
  await page.goto(base + '/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('relais-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/(sites|ma-semaine|planning)/);
  return page;
}
for (const [w, h] of [[390, 844]]) {
  const page = await session('rh@relais.demo', w, h);
  await page.goto(`${base}/parcours`);
  await page.locator('app-obligations-due li').first().waitFor();
  console.log('dashboard', w, 'overflow', await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
  await page.locator('app-obligations-due').screenshot({ path: `/tmp/due2-${w}.png` });
  const people = await (await page.request.get(base + '/api/people')).json();
  const moreau = people.find((p) => p.lastName === 'Moreau').id;
  await page.goto(`${base}/parcours/${moreau}`);
  await page.locator('app-obligations-card li').first().waitFor();
  await page.waitForTimeout(800);
  console.log('pro pathway', w, 'overflow', await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
  await page.locator('app-obligations-card').screenshot({ path: `/tmp/pro-card-${w}.png` });
}
await browser.close();
