import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

/** Today in Paris as "YYYY-MM-DD" (the app's days are Paris days). */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "30/11/2026", as the app shows dates. */
function french(civil: string): string {
  return `${civil.slice(8, 10)}/${civil.slice(5, 7)}/${civil.slice(0, 4)}`;
}

// A PEC from the first day of next month, for 12 months (last day included).
const [year, month] = parisToday().split('-').map(Number);
const start = iso(new Date(Date.UTC(year, month, 1)));
const end = iso(new Date(Date.UTC(year + 1, month, 0)));

test('HR records a PEC: 18 h is refused for the 20 h floor, 20 h is saved and its end is listed', async ({
  page,
}) => {
  // Six axe scans: over 30 s on a busy machine.
  test.setTimeout(120_000);
  await login(page, 'rh@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);

  // People list.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Personnes' }).click();
  await expect(page).toHaveURL(/\/personnes$/);
  await expect(page).toHaveTitle('Personnes – Relais');
  await expect(page.getByRole('heading', { level: 1, name: 'Personnes' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Exporter CSV' })).toHaveAttribute(
    'href',
    '/api/exports/people.csv',
  );
  await expectAccessible(page);

  // Filters live in the URL and in the export links.
  await page.getByLabel('Type de contrat').selectOption('PEC');
  await expect(page).toHaveURL(/contractType=PEC/);
  await expect(page.getByRole('link', { name: 'Exporter XLSX' })).toHaveAttribute(
    'href',
    '/api/exports/people.xlsx?contractType=PEC',
  );
  await page.goto('/personnes');

  // A new person, without any contract.
  await page.getByRole('button', { name: 'Nouvelle personne' }).click();
  await page.getByLabel('Prénom').fill('Test');
  await page.getByLabel('Nom de famille').fill('Contrat');
  await page.getByLabel('Adresse e-mail').fill(`test.contrat.${Date.now()}@relais.demo`);
  await page.getByLabel('Site de rattachement').selectOption({ index: 1 });
  await page.getByLabel('Rôle', { exact: true }).selectOption('mediator');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer la personne' }).click();

  // Person page.
  await expect(page.getByRole('heading', { level: 1, name: 'Test Contrat' })).toBeVisible();
  await expect(page).toHaveTitle('Test Contrat – Personnes – Relais');
  await expect(page.getByTestId('current-contract')).toContainText('Aucun contrat en cours');
  await expectAccessible(page);

  // Contract form: the rules panel re-checks as the form changes.
  await page.getByRole('link', { name: 'Nouveau contrat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau contrat' })).toBeVisible();
  await page.getByLabel('Type de contrat').selectOption('PEC');
  await page.getByLabel('Début').fill(start);
  await page.getByLabel('Fin').fill(end);
  await page.getByLabel('Heures par semaine').fill('18');
  await page.getByLabel('Tuteur ou tutrice').selectOption({ index: 1 });
  await expect(page.getByTestId('duration')).toContainText('12 mois');
  const floor = page.getByTestId('rules-panel').locator('[data-rule="PEC_HOURS"]');
  await expect(floor).toHaveAttribute('data-status', 'fail');
  await expect(floor).toContainText('non respectée');
  await expect(floor).toContainText(/min 20\sh/);
  await expectAccessible(page);

  // The server refuses it too, with its French message; nothing else changes.
  await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByTestId('contract-problems')).toContainText(/20\sh/);
  await expect(page).toHaveURL(/\/contrats\/nouveau$/);
  await expect(page.getByLabel('Heures par semaine')).toHaveValue('18');
  await expectAccessible(page);

  await page.getByLabel('Heures par semaine').fill('20');
  await expect(floor).toHaveAttribute('data-status', 'pass');
  await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test Contrat' })).toBeVisible();
  await expect(page.getByText('Contrat enregistré.')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('PEC (CUI-CAE)');

  // Contract-end calendar: a 12-month contract starting next month ends beyond the default
  // 6 months, so widen the period.
  await nav.getByRole('link', { name: 'Échéances' }).click();
  await expect(page).toHaveTitle('Échéances des contrats – Relais');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Échéances des contrats' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Période').selectOption('18');
  await expect(page).toHaveURL(/mois=18/);
  const entry = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Test Contrat' }) })
    .filter({ hasText: french(end) });
  await expect(entry.first()).toContainText('PEC (CUI-CAE)');
  await expect(entry.first()).toContainText(`fin le ${french(end)}`);
  await expectAccessible(page);
});

test('a mediator sees only their own screens, and asks for an unavailability', async ({ page }) => {
  await login(page, 'mediateur@relais.demo');
  // A mediator lands on their own week.
  await expect(page).toHaveURL(/\/ma-semaine$/);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link')).toHaveText([
    'Sites',
    'Planning',
    'Demandes',
    'Mon parcours',
    'Ma semaine',
    'Échanges',
    'Créneaux disponibles',
    'Mes relevés',
  ]);
  await nav.getByRole('link', { name: 'Demandes' }).click();
  await expect(page).toHaveTitle('Mes demandes – Relais');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
  await page.getByLabel('Type de demande').selectOption('unavailability');
  await page.getByLabel('Premier jour').fill(start);
  await page.getByLabel('Dernier jour').fill(end);
  await page.getByLabel('Se répète chaque semaine').check();
  await page.getByLabel('Jour de la semaine').selectOption({ label: 'mercredi' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'chaque mercredi' }).first(),
  ).toContainText('en attente');
  // The people list is not theirs.
  await page.goto('/personnes');
  await expect(page).toHaveURL(/\/ma-semaine$/);
});
