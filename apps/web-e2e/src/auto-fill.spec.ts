import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

test('a manager auto-fills an empty week, watches progress, previews and applies it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'manager.sud@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/planning');
  const siteSelect = page.getByRole('toolbar').getByLabel('Site', { exact: true });
  await expect(siteSelect).toBeVisible();
  await siteSelect.selectOption({ label: 'Paris Sud Est' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paris Sud Est');
  // Two weeks ahead: nothing is planned yet (next week belongs to the rota journey).
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  // The week is loaded (not the previous one still on screen) and empty.
  await expect(
    page.getByRole('heading', { level: 2, name: /Aucun créneau en semaine \d+/ }),
  ).toBeVisible();
  const grid = page.getByRole('grid');
  const chips = grid.locator('.chip');
  await expect(chips).toHaveCount(0);

  await page.getByRole('button', { name: 'Remplissage auto' }).click();
  const side = page.locator('#rota-side');
  await expect(side.getByRole('heading', { name: 'Remplissage automatique' })).toBeVisible();
  await side.getByRole('radio', { name: 'Tous mes sites (2)' }).check();
  await side.getByRole('button', { name: 'Lancer le calcul' }).click();
  await expect(side.getByText('Calcul en cours…')).toBeVisible();

  const proposal = side.getByTestId('auto-fill-proposal');
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  await expect(proposal).toContainText(/créneau\(x\) ajouté\(s\)/);
  // Where each person stands against their contract, the furthest below first.
  const hours = proposal.getByTestId('auto-fill-hours');
  await hours.getByText('Heures de la semaine (prévu / dû)').click();
  // Hours as "18 h 30" (no-break spaces), never decimals.
  await expect(hours.getByRole('row').nth(1)).toContainText(/\d+\sh/);
  await expect(hours).not.toContainText(/\d,\d/);
  // The proposal is drawn on the grid, dashed and marked, and the grid is read-only meanwhile.
  const proposed = grid.locator('.chip.proposed');
  await expect(proposed.first()).toBeVisible();
  const added = await proposed.count();
  expect(added).toBeGreaterThan(0);
  await expect(proposed.first()).toContainText('proposé');
  await expect(page.getByRole('button', { name: 'Publier' })).toHaveCount(0);
  await expectAccessible(page);

  await proposal.getByRole('button', { name: 'Appliquer tout' }).click();
  await expect(page.getByText(/Proposition appliquée :/).first()).toBeVisible();
  await expect(grid.locator('.chip.proposed')).toHaveCount(0);
  await expect(chips).toHaveCount(added);
  await expect(page.getByRole('button', { name: 'Publier' })).toBeVisible();
});
