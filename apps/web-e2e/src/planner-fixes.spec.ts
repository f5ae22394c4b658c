import { expect, Page, test } from '@playwright/test';
import { login } from './support';

async function openWeek(page: Page, site: string, weeksAhead: number): Promise<void> {
  await login(page, 'manager.sud@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/planning');
  const siteSelect = page.getByRole('toolbar').getByLabel('Site', { exact: true });
  // The picker names sites apart without their common words: "Paris Sud", "Paris Sud Est".
  await siteSelect.selectOption({ label: site.replace('PIMMS Médiation ', '') });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(site.slice(15));
  for (let i = 0; i < weeksAhead; i++)
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByRole('grid')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.saving')).toHaveCount(0);
}

interface DemoShift {
  id: string;
  personId: string | null;
  start: string;
  end: string;
  version: number;
}

/**
 * The demo's breach (a Monday meeting until 22:00, the desk at 08:45 on Tuesday) may have been
 * fixed by a journey that had to publish the week (it starts the desk at 09:15 with a shorter
 * break): put it back as the seed had it. Says whether anything was changed.
 */
async function restoreDemoRestBreach(page: Page): Promise<boolean> {
  const week = new URL(page.url()).searchParams.get('semaine');
  const siteId = new URL(page.url()).searchParams.get('site');
  if (!week || !siteId) throw new Error(`planning URL without week or site: ${page.url()}`);
  const rota = (await (
    await page.request.get(`/api/rota?siteId=${siteId}&week=${week}`)
  ).json()) as {
    shifts: DemoShift[];
  };
  const moved = rota.shifts.find(
    (shift) =>
      shift.start.includes('T09:15') &&
      shift.end.includes('T17:15') &&
      rota.shifts.some(
        (evening) =>
          evening.personId === shift.personId &&
          evening.end.includes('T22:00') &&
          evening.end.slice(0, 10) < shift.start.slice(0, 10),
      ),
  );
  if (!moved) return false;
  const response = await page.request.patch(`/api/shifts/${moved.id}`, {
    data: {
      version: moved.version,
      start: moved.start.replace('T09:15', 'T08:45'),
      breakMinutes: 60,
    },
  });
  expect(response.status()).toBe(200);
  return true;
}

test('a manager fixes the demo’s 11 h rest breach with one click on a proposed fix', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openWeek(page, 'PIMMS Médiation Paris Sud', 1);
  if (await restoreDemoRestBreach(page)) await page.reload();
  const side = page.locator('#rota-side');
  await expect(side.locator('[data-rule=DAILY_REST]')).toHaveCount(1);
  const fix = side.getByRole('button', {
    name: 'Appliquer : Commencer le créneau du mardi 08:45–17:15 à 09:00 (15 min plus tard)',
  });
  await expect(fix).toBeVisible({ timeout: 30_000 });
  await fix.click();
  await expect(page.getByText(/^Correctif appliqué/).first()).toBeVisible();
  await expect(side.locator('[data-rule=DAILY_REST]')).toHaveCount(0);
});

test('a manager fills a France Services gap by bringing a trained colleague to the desk', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The demo's Sud Est team is all at work on Wednesday morning: no free candidate, but a trained
  // colleague on other tasks can come to the desk (a swap offered as a fix).
  await openWeek(page, 'PIMMS Médiation Paris Sud Est', 1);
  const side = page.locator('#rota-side');
  const gaps = side.locator('[data-rule=FS_TRAINED_COVERAGE]');
  await expect(gaps.first()).toBeVisible();
  const before = await gaps.count();
  const swap = side
    .getByRole('button', { name: /^Appliquer : Faire passer .* à l’accueil/ })
    .first();
  await expect(swap).toBeVisible({ timeout: 30_000 });
  await swap.click();
  await expect(page.getByText(/^Correctif appliqué/).first()).toBeVisible();
  await expect(gaps).toHaveCount(before - 1);
});

test('a manager copies a week twice without duplicates, then undoes it after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Two weeks ahead: empty, the week before it planned.
  await openWeek(page, 'PIMMS Médiation Paris Sud', 2);
  const chips = page.getByRole('grid').locator('.chip');
  // Training sessions may already be on the week: counted before, still there after the undo.
  const initial = await chips.count();

  const toolbar = page.getByRole('toolbar');
  const copyPrevious = async () => {
    await toolbar.getByRole('button', { name: /^Préremplir/ }).click();
    await page.getByRole('menuitem', { name: 'Copier la semaine précédente' }).click();
  };
  await copyPrevious();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('heading', { name: /^Copier la semaine précédente/ }),
  ).toBeVisible();
  await expect(dialog.getByTestId('bulk-added').locator('li').first()).toBeVisible();
  const toAdd = await dialog.getByTestId('bulk-added').locator('li').count();
  await dialog.getByRole('button', { name: /^Ajouter \d+ créneau/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chips).toHaveCount(initial + toAdd);

  // Again: the preview says everything is already there, and nothing is added.
  await copyPrevious();
  await expect(dialog.getByText(/^Rien à ajouter/)).toBeVisible();
  await expect(dialog.getByTestId('bulk-skipped')).toContainText('déjà dans la semaine');
  await expect(dialog.getByRole('button', { name: /^Ajouter/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(chips).toHaveCount(initial + toAdd);

  // The undo is the server's: it survives a reload and removes the whole copy.
  await page.reload();
  await expect(chips).toHaveCount(initial + toAdd);
  const undo = toolbar.getByRole('button', { name: 'Annuler' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(chips).toHaveCount(initial);
});

test('a manager picks two shifts, moves them two days later together, then deletes them together and undoes it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openWeek(page, 'PIMMS Médiation Paris Sud', 3);
  const grid = page.getByRole('grid');
  // Four open days in a row, from the grid's own columns.
  const days = await grid.evaluate((table) => {
    const cells = Array.from(table.querySelectorAll<HTMLElement>('td[data-row="open"]'));
    for (let i = 0; i + 3 < cells.length; i++) {
      const run = cells.slice(i, i + 4);
      if (run.every((cell) => !cell.classList.contains('holiday')))
        return run.map((cell) => cell.dataset['date'] as string);
    }
    return null;
  });
  expect(days, 'four working days in a row in the week').not.toBeNull();
  if (!days) return;
  const cell = (date: string) => grid.locator(`td[data-row="open"][data-date="${date}"]`);
  const chipAt = (date: string) => cell(date).locator('.chip', { hasText: '13:10–13:40' });
  for (const date of days.slice(0, 2)) {
    await cell(date).focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Début').fill('13:10');
    await dialog.getByLabel('Fin').fill('13:40');
    await dialog.getByLabel('Pause (minutes)').fill('0');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.saving')).toHaveCount(0);
  }

  // Ctrl + clic picks a chip (no menu); Espace picks the focused one.
  await chipAt(days[0]).click({ modifiers: ['Control'] });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await chipAt(days[1]).focus();
  await page.keyboard.press('Space');
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toContainText('2 créneau(x) sélectionné(s)');
  await expect(chipAt(days[0])).toHaveAccessibleName(/sélectionné/);

  await bar.getByRole('button', { name: 'Déplacer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Déplacer 2 créneau(x)' });
  await dialog.getByLabel('Jour').selectOption({ label: '2 jour(s) plus tard' });
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chipAt(days[2])).toHaveCount(1);
  await expect(chipAt(days[3])).toHaveCount(1);
  await expect(chipAt(days[0])).toHaveCount(0);
  await expect(bar).toHaveCount(0);

  // Both deleted in one step, and back with one *Annuler*.
  await chipAt(days[2]).click({ modifiers: ['Control'] });
  await chipAt(days[3]).click({ modifiers: ['Control'] });
  await bar.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('2 créneau(x) supprimé(s).').first()).toBeVisible();
  await expect(chipAt(days[2])).toHaveCount(0);
  await expect(chipAt(days[3])).toHaveCount(0);
  await page.getByRole('toolbar').getByRole('button', { name: 'Annuler' }).click();
  await expect(chipAt(days[2])).toHaveCount(1);
  await expect(chipAt(days[3])).toHaveCount(1);

  // Leave the week as it was: Suppr on a picked chip deletes the whole selection.
  await chipAt(days[2]).click({ modifiers: ['Control'] });
  await chipAt(days[3]).click({ modifiers: ['Control'] });
  await chipAt(days[3]).focus();
  await page.keyboard.press('Delete');
  await expect(chipAt(days[2])).toHaveCount(0);
  await expect(chipAt(days[3])).toHaveCount(0);
});
