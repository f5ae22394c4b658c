import { expect, Page, test } from '@playwright/test';
import { login } from './support';

/** Every page of the mediator's bottom bar and top bar. */
const MEDIATOR_PAGES = [
  '/ma-semaine',
  '/mon-parcours',
  '/demandes',
  '/echanges',
  '/messages',
  '/mon-agenda',
];

/** Buttons and links that are targets of their own (links inside a sentence are exempt, WCAG 2.5.8). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href]')]
      .filter((element) => {
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none') return false;
        if (element.closest('.cdk-visually-hidden, .sr-only, .skip-link')) return false;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const isInline = element.tagName === 'A' && style.display === 'inline';
        return !isInline && (box.height < 44 || box.width < 44);
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`,
      ),
  );
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 320, height: 640 },
]) {
  test(`the mediator's pages fit a ${viewport.width} px phone with 44 px targets`, async ({
    browser,
  }) => {
    // Six pages, each waited for until its data has arrived.
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await login(page, 'mediateur@relais.demo');
    for (const path of MEDIATOR_PAGES) {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      // Let the page's data arrive (nothing still busy): its final layout is what must fit.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(widths.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.inner);
      expect(await smallTargets(page), `${path}: targets under 44 px`).toEqual([]);
    }
    await context.close();
  });
}

test('the header leaves the week in view and the week moves back and forth', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, 'mediateur@relais.demo');
  await page.goto('/ma-semaine');
  const title = page.getByRole('heading', { level: 1, name: 'Ma semaine' });
  await expect(title).toBeVisible();
  // App bar and page title together: 15 % of the first screen at most.
  const bottom = await title.evaluate((element) => element.getBoundingClientRect().bottom);
  expect(bottom).toBeLessThanOrEqual(844 * 0.15);

  const weekTitle = page.locator('#week-title');
  const thisWeek = (await weekTitle.textContent())?.trim() ?? '';
  expect(thisWeek).toMatch(/^Semaine \d{1,2}$/);
  const n = Number(thisWeek.replace(/\D/g, ''));
  await expect(page.getByTestId('planned')).toContainText(/prévues/);
  await expect(page.getByTestId('planned')).not.toContainText(/[.,]\d/);

  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(weekTitle).toHaveText(new RegExp(`^Semaine ${n === 52 || n === 53 ? 1 : n + 1}\\b`));
  await page.getByRole('button', { name: 'Semaine précédente' }).click();
  await page.getByRole('button', { name: 'Semaine précédente' }).click();
  await expect(weekTitle).toHaveText(new RegExp(`^Semaine ${n === 1 ? 52 : n - 1}\\b`));
  await page.getByRole('button', { name: 'Revenir à cette semaine' }).click();
  await expect(weekTitle).toHaveText(thisWeek);
  await expect(page.getByRole('button', { name: 'Revenir à cette semaine' })).toHaveCount(0);
  await context.close();
});

test('a leave request is sent, the form empties without errors and says so beside it', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, 'mediateur@relais.demo');
  await page.goto('/demandes');
  await expect(page.getByTestId('leave-balance')).toContainText(/jours? acquis/);
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  // Far enough ahead not to meet another spec's request; long enough to exceed any balance.
  await page.getByLabel('Premier jour').fill(day(200));
  await page.getByLabel('Dernier jour').fill(day(245));
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const sent = page.getByTestId('request-sent');
  await expect(sent).toContainText('Demande envoyée.');
  await expect(sent).toContainText(/solde insuffisant : \d+ jours? restants? pour \d+ demandés/);
  await expect(page.getByText('Champ obligatoire.')).toHaveCount(0);
  await expect(page.getByLabel('Premier jour')).toHaveValue('');
  await context.close();
});

test('on a phone the top links keep one line, swiped sideways, the current page in view', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, 'rh@relais.demo');
  await page.goto('/formation');
  const nav = page.locator('.topbar .nav');
  const current = nav.locator('a[aria-current="page"]');
  await expect(current).toHaveText(/Formation/);
  const layout = await nav.evaluate((element) => {
    const links = Array.from(element.querySelectorAll('a'));
    const tops = new Set(links.map((link) => Math.round(link.getBoundingClientRect().top)));
    return {
      lines: tops.size,
      overflows: element.scrollWidth > element.clientWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  expect(layout.lines).toBe(1);
  expect(layout.overflows).toBe(true);
  expect(layout.page).toBeLessThanOrEqual(0);
  // The current page's link was brought into the visible part of the line.
  await expect
    .poll(async () => {
      const [box, link] = await Promise.all([nav.boundingBox(), current.boundingBox()]);
      return !!box && !!link && link.x >= box.x - 1 && link.x + link.width <= box.x + box.width + 1;
    })
    .toBe(true);
  await context.close();
});
