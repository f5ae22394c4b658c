import { expect, Page, test } from '@playwright/test';
import { login } from './support';

/** Whether each of the seven day headers is drawn where the eye can see it (not clipped, not covered). */
async function visibleDayHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('app-week-grid .scroller');
    if (!scroller) return [];
    const frame = scroller.getBoundingClientRect();
    return Array.from(document.querySelectorAll<HTMLElement>('app-week-grid thead th.day'))
      .filter((header) => {
        const box = header.getBoundingClientRect();
        const inFrame =
          box.left >= frame.left - 1 &&
          box.right <= frame.right + 1 &&
          box.right <= window.innerWidth &&
          box.width > 40;
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return inFrame && !!hit && header.contains(hit);
      })
      .map((header) => header.getAttribute('aria-label') ?? '');
  });
}

async function openPlanning(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await login(page, 'manager.sud@relais.demo');
  await page.goto('/planning');
  await expect(page.getByRole('grid')).toBeVisible();
}

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`the seven days of a site-week fit at ${width} × ${height}, side panel open or closed`, async ({
    page,
  }) => {
    await openPlanning(page, width, height);
    const controls = page.getByRole('button', { name: /^Contrôles/ });
    // The panel opens with the page.
    await expect(controls).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#rota-side')).toBeVisible();
    expect(await visibleDayHeaders(page)).toHaveLength(7);
    await controls.click();
    await expect(page.locator('#rota-side')).toHaveCount(0);
    expect(await visibleDayHeaders(page)).toHaveLength(7);
    // No horizontal scrolling, neither of the page nor of the grid.
    const overflow = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('app-week-grid .scroller')!;
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        grid: scroller.scrollWidth - scroller.clientWidth,
      };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.grid).toBeLessThanOrEqual(0);
    // The application's top bar keeps to one line.
    const bar = await page.locator('.topbar').boundingBox();
    expect(bar?.height).toBeLessThanOrEqual(64);
  });
}

test('at 1440 × 900 the compact grid shows at least 8 rows of people at once', async ({ page }) => {
  await openPlanning(page, 1440, 900);
  const fit = await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('app-week-grid .scroller')!;
    const head = scroller.querySelector('thead')!.getBoundingClientRect().height;
    const foot = scroller.querySelector('tfoot')?.getBoundingClientRect().height ?? 0;
    // The room the grid's box gives rows in view (its maximum height, not the height of this
    // week's rows: a site-week of 7 people fills less than it offers).
    const box = scroller.getBoundingClientRect();
    const maxHeight = parseFloat(getComputedStyle(scroller).maxHeight);
    const bottom = Number.isFinite(maxHeight) ? box.top + maxHeight : box.bottom;
    const visible = Math.min(bottom, window.innerHeight) - box.top - head - foot;
    // The tallest row of a person with two shifts a day, the usual week.
    const rows = Array.from(scroller.querySelectorAll<HTMLElement>('tbody tr.row-team'));
    const tallest = Math.max(...rows.map((row) => row.getBoundingClientRect().height));
    return { visible, tallest, rows: rows.length };
  });
  expect(fit.rows).toBeGreaterThan(0);
  expect(Math.floor(fit.visible / fit.tallest)).toBeGreaterThanOrEqual(8);
});

test('on a 390 px phone the days keep room for a shift’s times and the grid scrolls in its box', async ({
  page,
}) => {
  await openPlanning(page, 390, 844);
  const grid = page.getByRole('grid');
  const monday = grid.locator('thead th.day').first();
  await expect(monday).toBeVisible();
  // Monday opens in view, beside the person column; its chips' times are whole.
  const first = grid.locator('tbody td[data-c="0"] .chip').first();
  await expect(first).toBeVisible();
  const room = await first.evaluate((chip) => {
    const time = chip.querySelector<HTMLElement>('.time')!;
    return {
      text: time.textContent?.trim() ?? '',
      clipped: time.getBoundingClientRect().right > chip.getBoundingClientRect().right - 3,
    };
  });
  expect(room.text).toMatch(/^\d\d:\d\d.\d\d:\d\d$/);
  expect(room.clipped).toBe(false);
  const overflow = await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('app-week-grid .scroller')!;
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      grid: scroller.scrollWidth - scroller.clientWidth,
      left: scroller.scrollLeft,
    };
  });
  expect(overflow.page).toBeLessThanOrEqual(0);
  expect(overflow.grid).toBeGreaterThan(0);
  expect(overflow.left).toBe(0);
});

test('sites are told apart in the picker, and each chip says one thing', async ({ page }) => {
  await openPlanning(page, 1440, 900);
  const picker = page.getByRole('toolbar').getByLabel('Site', { exact: true });
  const labels = await picker.locator('option').allTextContents();
  expect(labels.map((label) => label.trim())).toEqual(['Paris Sud', 'Paris Sud Est']);
  // A shortfall of hours belongs to the person: on the row once, never on each shift.
  const grid = page.getByRole('grid');
  await expect(grid.locator('tr.row-team .counter-under').first()).toBeVisible();
  await expect(grid.locator('.chip .mark')).toHaveCount(0);
  await expect(grid.locator('.chip', { hasText: 'à justifier' })).toHaveCount(0);
  // Daily totals under the grid: hours, people and coverage.
  const totals = grid.locator('tfoot tr.totals');
  await expect(totals.locator('th')).toContainText('Total semaine');
  await expect(totals.locator('td').first()).toContainText(/\d+\sh/);
  await expect(totals.locator('td').first()).toContainText(/pers\./);
  await expect(totals.locator('td').first()).toContainText(/couvert/);
});

test('a week never published marks nothing as modified', async ({ page }) => {
  await openPlanning(page, 1440, 900);
  // Paris Sud Est: the journeys that publish next week do it at Paris Sud.
  await page.getByRole('toolbar').getByLabel('Site', { exact: true }).selectOption({
    label: 'Paris Sud Est',
  });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Paris Sud Est');
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByTestId('rota-status')).toContainText('Brouillon');
  await expect(page.getByRole('grid').locator('.chip').first()).toBeVisible();
  await expect(page.getByRole('grid').locator('.chip.modified')).toHaveCount(0);
});

test('a shift dragged over a cell says before the drop that it would breach the 11 h rest', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openPlanning(page, 1440, 900);
  const grid = page.getByRole('grid');
  const monday = grid.locator('thead th.day').first();
  await expect(monday).toHaveAttribute('aria-label', /\d/);
  const thisMonday = (await monday.getAttribute('aria-label')) ?? '';
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  // The next week is on screen (not this one still, whose cells would vanish under the test).
  await expect(monday).not.toHaveAttribute('aria-label', thisMonday);
  await expect(grid.locator('.chip').first()).toBeVisible();
  // A team member with two free weekdays in a row.
  const free = await grid.evaluate((table) => {
    for (const row of Array.from(table.querySelectorAll('tr.row-team'))) {
      const cells = Array.from(row.querySelectorAll<HTMLElement>('td[role=gridcell]'));
      for (let day = 0; day < 4; day++) {
        const [a, b] = [cells[day], cells[day + 1]];
        const isFree = (cell: HTMLElement) =>
          !cell.classList.contains('absent') && cell.querySelector('.chip') === null;
        if (isFree(a) && isFree(b))
          return { row: a.dataset['row']!, first: a.dataset['date']!, second: b.dataset['date']! };
      }
    }
    return null;
  });
  expect(free, 'the demo has a person with two free weekdays in a row').not.toBeNull();
  if (!free) return;
  const cell = (row: string, date: string) =>
    grid.locator(`td[data-row="${row}"][data-date="${date}"]`);
  const create = async (row: string, date: string, start: string, end: string) => {
    await cell(row, date).focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Début').fill(start);
    await dialog.getByLabel('Fin').fill(end);
    await dialog.getByLabel('Pause (minutes)').fill('0');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.saving')).toHaveCount(0);
  };
  await create(free.row, free.first, '15:10', '21:00');
  await create('open', free.second, '07:10', '10:40');
  const early = cell('open', free.second).locator('.chip', { hasText: '07:10–10:40' });
  const target = cell(free.row, free.second);
  const box = await target.boundingBox();
  if (!box) throw new Error('target cell not laid out');
  await early.hover();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  // Before the drop: the cell says what the rules would say.
  await expect(target.locator('.verdict')).toContainText('Bloqué');
  await expect(target.locator('.verdict')).toContainText('Repos 11 h');
  // Escape puts it back: nothing was moved.
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(target.locator('.verdict')).toHaveCount(0);
  await expect(early).toHaveCount(1);
  // Leave the week as the seed had it.
  for (const [row, date, start] of [
    ['open', free.second, '07:10'],
    [free.row, free.first, '15:10'],
  ] as const) {
    await cell(row, date).locator('.chip', { hasText: start }).click();
    await page.getByRole('menuitem', { name: 'Supprimer' }).click();
    await expect(page.locator('.saving')).toHaveCount(0);
  }
});

test('the day view draws one day hour by hour with its coverage, and moves with the keyboard', async ({
  page,
}) => {
  await openPlanning(page, 1440, 900);
  await page.getByRole('button', { name: 'Jour', exact: true }).click();
  await page.getByRole('group', { name: 'Jour affiché' }).getByRole('button').first().click();
  const day = page.locator('app-day-view');
  await expect(day).toBeVisible();
  await expect(day.getByText('9 h', { exact: true })).toBeVisible();
  await expect(day.getByRole('heading', { name: 'Écarts de couverture' })).toBeVisible();
  const bar = day.locator('[data-shift-id]').first();
  await expect(bar).toBeVisible();
  const id = await bar.getAttribute('data-shift-id');
  const before = (await bar.locator('.time').textContent())?.trim() ?? '';
  await bar.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.saving')).toHaveCount(0);
  const moved = day.locator(`[data-shift-id="${id}"]`);
  await expect(moved.locator('.time')).not.toHaveText(before);
  // Back where it was.
  await moved.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('.saving')).toHaveCount(0);
  await expect(day.locator(`[data-shift-id="${id}"] .time`)).toHaveText(before);
  // No horizontal scrolling at 1280 either.
  await page.setViewportSize({ width: 1280, height: 720 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the printed week has no application chrome', async ({ page }) => {
  await openPlanning(page, 1440, 900);
  // Drawn a task after the grid: on screen first, so that print is seen to hide it.
  await expect(page.locator('.coverage')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.topbar', '[role=toolbar]', '#rota-side', '.keys', '.coverage']) {
    const shown = await page
      .locator(chrome)
      .evaluateAll((nodes) =>
        nodes.filter((node) => getComputedStyle(node as HTMLElement).display !== 'none'),
      );
    expect(shown, `${chrome} is hidden in print`).toHaveLength(0);
  }
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.locator('.print-head')).toContainText('Planning');
  await expect(page.locator('.print-head')).toContainText('Semaine');
});
