import { expect, Locator, Page, test } from '@playwright/test';
import { expectAccessible, login } from './support';

// Unusual times, so the shifts this test adds are told apart from the seeded ones.
const EVENING = { start: '15:10', end: '21:00' };
const EARLY = { start: '07:10', end: '10:40' };

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.saving')).toHaveCount(0);
}

async function createShift(page: Page, cell: Locator, times: { start: string; end: string }) {
  await cell.focus();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /Nouveau créneau/ })).toBeVisible();
  await dialog.getByLabel('Début').fill(times.start);
  await dialog.getByLabel('Fin').fill(times.end);
  await dialog.getByLabel('Pause (minutes)').fill('0');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(dialog).toHaveCount(0);
  await settled(page);
}

async function chipMenu(page: Page, chip: Locator, item: string): Promise<void> {
  await chip.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: item }).click();
}

test('a manager breaks and repairs the 11-hour rest, then publishes next week', async ({
  page,
}) => {
  // A long journey with several axe scans of a large grid.
  test.setTimeout(120_000);
  await login(page, 'manager.sud@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/planning');

  // The manager has two sites: the picker is there from the first frame.
  const siteSelect = page.getByRole('toolbar').getByLabel('Site', { exact: true });
  await expect(siteSelect).toBeVisible();
  await siteSelect.selectOption({ label: 'Paris Sud' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paris Sud');
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page).toHaveURL(/semaine=\d{4}-W\d{2}/);
  await expect(page).toHaveTitle(/^Planning S\d+ – .*Paris Sud – Relais$/);
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  // A draft in the demo; published already if a journey before this one had to publish it.
  await expect(page.getByTestId('rota-status')).toContainText(/Brouillon|Publiée/);
  await expectAccessible(page);

  // Léa Fontaine's Wednesday and Thursday, which the demo leaves free (demo-rota.ts).
  const free = await grid.evaluate((table) => {
    const row = Array.from(table.querySelectorAll('tr.row-team')).find((candidate) =>
      candidate.querySelector('th .name')?.textContent?.includes('Fontaine'),
    );
    const cells = Array.from(row?.querySelectorAll<HTMLElement>('td[role=gridcell]') ?? []);
    const [wednesday, thursday] = [cells[2], cells[3]];
    const isFree = (cell?: HTMLElement) =>
      cell !== undefined &&
      !cell.classList.contains('absent') &&
      cell.querySelector('.chip') === null;
    return {
      row: wednesday?.dataset['row'] ?? '',
      name: row?.querySelector('th .name')?.textContent?.trim() ?? '',
      first: wednesday?.dataset['date'] ?? '',
      second: thursday?.dataset['date'] ?? '',
      isFree: isFree(wednesday) && isFree(thursday),
    };
  });
  expect(free).toMatchObject({ name: expect.stringContaining('Fontaine'), isFree: true });

  const controls = page.locator('app-violations-panel');
  const restBreach = controls
    .getByRole('button', { name: /Repos quotidien de 11 h.*L3131-1/ })
    .first();

  const cell = (row: string, date: string) =>
    grid.locator(`td[data-row="${row}"][data-date="${date}"]`);
  // Evening shift on the first day, an open early shift on the next.
  await createShift(page, cell(free.row, free.first), EVENING);
  await createShift(page, cell('open', free.second), EARLY);
  const early = cell('open', free.second).locator('.chip', {
    hasText: `${EARLY.start}–${EARLY.end}`,
  });
  await expect(early).toHaveCount(1);

  // Dragged onto the person's next day (CDK drag and drop with a real pointer): 10 h 10 of rest.
  const target = cell(free.row, free.second);
  await target.scrollIntoViewIfNeeded();
  await early.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  if (!box) throw new Error('target cell not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 15 });
  await page.mouse.up();
  const moved = cell(free.row, free.second).locator('.chip', {
    hasText: `${EARLY.start}–${EARLY.end}`,
  });
  await expect(moved).toHaveCount(1);
  await expect(moved).toHaveAccessibleName(/bloquant/);
  const mine = controls
    .getByRole('button', { name: /Repos quotidien de 11 h.*L3131-1/ })
    .filter({ hasText: free.name });
  await expect(mine.first()).toBeVisible();
  await settled(page);
  await expectAccessible(page);

  // Fixed from the panel: the item leads to the shift, which goes back to the open line.
  await mine.first().click();
  // Focus goes to the first shift of the problem, outlined with the others.
  await expect(page.locator('.chip.highlight:focus')).toHaveCount(1);
  await moved.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Déplacer vers…' }).click();
  await page.getByRole('dialog').getByLabel('Personne').selectOption({ label: 'À pourvoir' });
  await page.getByRole('dialog').getByRole('button', { name: 'Déplacer' }).click();
  await expect(mine).toHaveCount(0);
  await settled(page);

  // Leave the week as the seed had it.
  await chipMenu(
    page,
    cell('open', free.second).locator('.chip', { hasText: EARLY.start }),
    'Supprimer',
  );
  await settled(page);
  await chipMenu(
    page,
    cell(free.row, free.first).locator('.chip', { hasText: EVENING.start }),
    'Supprimer',
  );
  await settled(page);

  // Publish; every remaining blocking problem is fixed by deleting the shift it points to.
  const publishButton = page
    .getByRole('toolbar')
    .getByRole('button', { name: 'Publier', exact: true });
  const dialog = page.getByRole('dialog');
  for (let attempt = 0; attempt < 20; attempt++) {
    await publishButton.click();
    await page.waitForTimeout(400);
    if (await dialog.isVisible()) break;
    const blocker = controls
      .locator('section', { has: page.getByRole('heading', { name: /Bloquants/ }) })
      .locator('button.item:not([disabled])')
      .first();
    await expect(blocker).toBeVisible();
    await blocker.click();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Supprimer' }).click();
    await settled(page);
  }
  await expect(dialog.getByRole('heading', { name: /Publier la semaine \d+/ })).toBeVisible();
  await expect(restBreach).toHaveCount(0);
  const justification = dialog.getByLabel('Justification');
  if ((await justification.count()) > 0) await justification.fill('Test de bout en bout.');
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(page.getByText(/Semaine \d+ publiée \(v\d+\)/)).toBeVisible();
  await expect(page.getByTestId('rota-status')).toContainText(/Publiée v\d+/);
  await expectAccessible(page);
});
