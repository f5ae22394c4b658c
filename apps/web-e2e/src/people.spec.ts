import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

/** What the journey reads of `GET /api/people`. */
interface PersonSummary {
  id: string;
  currentContract: { start: string; end: string | null } | null;
}

/** "30/11/2026", as the app shows dates. */
function french(civil: string): string {
  return `${civil.slice(8, 10)}/${civil.slice(5, 7)}/${civil.slice(0, 4)}`;
}

function addDays(civil: string, days: number): string {
  const date = new Date(`${civil}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('HR finds a person by a name typed without accents, then ends her contract early', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'rh@relais.demo');
  await page.goto('/personnes');
  await expect(page.getByRole('heading', { level: 1, name: 'Personnes' })).toBeVisible();

  // The search ignores case and accents, and lives in the URL: a reload keeps it.
  await page.getByLabel('Rechercher une personne').fill('etienne');
  await expect(page).toHaveURL(/[?&]q=etienne/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Marie-Louise Étienne' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Rechercher une personne')).toHaveValue('etienne');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  const [person] = (await (
    await page.request.get('/api/people?q=etienne&status=all')
  ).json()) as PersonSummary[];
  const contract = person.currentContract;
  if (!contract?.end) throw new Error('seed: Marie-Louise Étienne has a PEC in force');

  // The Contrats tab is the default one and can be linked to.
  await page.getByRole('link', { name: 'Marie-Louise Étienne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marie-Louise Étienne' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Contrats' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('tab', { name: 'Absences' }).click();
  await expect(page).toHaveURL(/onglet=absences/);
  await page.goto(`/personnes/${person.id}?onglet=contrats`);
  await expect(page.getByRole('tab', { name: 'Contrats' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Ending it after its planned end is refused next to the form, in French.
  await page
    .getByRole('button', {
      name: `Terminer le contrat PEC (CUI-CAE) du ${french(contract.start)} avant son terme`,
    })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Terminer le contrat avant son terme' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Motif légal').selectOption({ label: 'Accord commun' });
  await dialog.getByLabel('Dernier jour du contrat').fill(addDays(contract.end, 1));
  await dialog.getByRole('button', { name: 'Terminer le contrat' }).click();
  await expect(dialog.getByRole('alert')).toContainText('suit la fin prévue du contrat');
  await expectAccessible(page);

  // A day two weeks before the planned end, after every planned shift, is accepted.
  const end = addDays(contract.end, -14);
  await dialog.getByLabel('Dernier jour du contrat').fill(end);
  await dialog.getByRole('button', { name: 'Terminer le contrat' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(`Contrat terminé le ${french(end)}. Fiche de sortie à compléter ouverte.`),
  ).toBeVisible();

  // Header and table agree: the contract now ends on the new day, with its ground.
  await expect(page.getByTestId('current-contract')).toContainText(
    `du ${french(contract.start)} au ${french(end)}`,
  );
  const row = page.getByRole('row').filter({ hasText: '(renouvellement)' });
  await expect(row).toContainText(french(end));
  await expect(row).toContainText('Accord commun');
  await expect(row).toContainText(`fin prévue le ${french(contract.end)}`);
  await expect(row.getByRole('button', { name: /^Terminer/ })).toHaveCount(0);
  await expectAccessible(page);
});
