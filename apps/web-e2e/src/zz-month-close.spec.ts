import { expect, test } from '@playwright/test';
import { addMonths, formatMonth } from '@relais/rules';
import { expectAccessible, login } from './support';

// This file's name sorts last on purpose: closing last month locks its shifts, and the other
// journeys' weeks (this week may begin in last month) must not meet a closed month.

/** Last month in Paris, as the page names it (« novembre 2026 ») and as the API does (`2026-11`). */
function lastMonth(): { words: string; key: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const key = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  return { words: formatMonth(key), key };
}

test('HR closes last month for Paris Sud, exports payroll and sends a statement; the mediator signs it off on the phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const month = lastMonth();
  await login(page, 'rh@relais.demo');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paie' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Clôture du mois et paie' }),
  ).toBeVisible();
  await expect(page.getByText(month.words, { exact: true })).toBeVisible();

  await page.getByLabel('Périmètre').click();
  await page.getByRole('option', { name: 'Paris Sud', exact: true }).click();
  await expect(page.getByText('Mois ouvert', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: `Variables de paie de ${month.words}` });
  const row = table.getByRole('row').filter({ hasText: 'Traoré Abdoulaye' });
  await expect(row).toBeVisible();
  // Only Paris Sud's people in this scope.
  await expect(table.getByRole('row').filter({ hasText: 'Paris Est' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: `Clôturer ${month.words}` }).click();
  await expect(
    page.getByText(new RegExp(`Après la clôture, aucun créneau de ${month.words}`)),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer la clôture' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'est clôturé' })).toBeVisible();
  await expect(page.getByText(/Clôturé le \d{2}\/\d{2}\/\d{4} par Julien Marchetti/)).toBeVisible();

  // The payroll export, as the payroll software reads it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export paie (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`relais-paie-${month.key}.csv`);
  const csv = (await (await download.createReadStream()).toArray()).join('');
  const lines = csv.replace(/^\uFEFF/, '').split('\n');
  expect(lines[0]).toBe(
    'matricule;nom;periode;code;code_paie;libelle;quantite;unite;taux;mois_corrige',
  );
  expect(
    lines.some((line) => line.includes('"Traoré Abdoulaye"') && line.includes('"HEURES_CONTRAT"')),
  ).toBe(true);

  // The mediator's statement: opened, then sent.
  const pdfLink = row.getByRole('link', { name: 'PDF' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await row.getByRole('button', { name: 'Envoyer' }).click();
  await expect(row.getByText(/envoyé le /)).toBeVisible();

  // A month closes once.
  const refused = await page.request.post('/api/payroll/closes', {
    data: { month: month.key, siteId: await siteId(page) },
  });
  expect(refused.status()).toBe(409);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mediator = await phone.newPage();
  await login(mediator, 'mediateur@relais.demo');
  await mediator.goto('/mes-releves');
  await expect(
    mediator.getByRole('heading', { level: 1, name: 'Mes relevés d’heures' }),
  ).toBeVisible();
  await expect(mediator.getByRole('heading', { level: 2, name: month.words })).toBeVisible();
  await expect(
    mediator.getByRole('link', { name: `Ouvrir le relevé de ${month.words} (PDF)` }),
  ).toBeVisible();
  await expectAccessible(mediator);
  await mediator.getByRole('button', { name: 'Je valide ce relevé' }).click();
  await expect(mediator.getByText(/Validé le /)).toBeVisible();
  expect(await mediator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  await phone.close();

  // HR sees the sign-off.
  await page.reload();
  await page.getByLabel('Périmètre').click();
  await page.getByRole('option', { name: 'Paris Sud', exact: true }).click();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Traoré Abdoulaye' })
      .getByText(/validé le /),
  ).toBeVisible();
});

async function siteId(page: import('@playwright/test').Page): Promise<string> {
  const sites: { id: string; code: string }[] = await (await page.request.get('/api/sites')).json();
  return sites.find((site) => site.code === 'S')?.id ?? '';
}
