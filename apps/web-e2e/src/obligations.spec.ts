import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible, login } from './support';

/** Today in Paris as "YYYY-MM-DD" (the app's days are Paris days). */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

test('HR follows a PEC mediator’s obligations checklist to completion', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'rh@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);
  const api = async <T>(path: string): Promise<T> => (await page.request.get(path)).json();
  const people = await api<{ id: string; lastName: string }[]>('/api/people');
  const camara = people.find((person) => person.lastName === 'Camara')?.id ?? '';
  const contracts = await api<{ type: string; start: string }[]>(`/api/people/${camara}/contracts`);
  const pec = contracts.filter((contract) => contract.type === 'PEC').at(-1);
  if (!pec) throw new Error('seed: Camara is on a PEC');
  const today = parisToday();

  // HR's month lists what is late for this PEC, with a link to the pathway.
  await page.goto('/parcours');
  const month = page.locator('app-obligations-due');
  await expect(month.getByRole('heading', { name: 'Obligations à tenir' })).toBeVisible();
  const late = month
    .locator('li', { hasText: 'Entretien tripartite' })
    .filter({ hasText: 'Camara' });
  await expect(late).toContainText('en retard');
  await late.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/parcours/${camara}$`));

  const card = page.locator('app-obligations-card');
  await expect(card.getByRole('heading', { name: 'Obligations du contrat' })).toBeVisible();
  const row = (code: string): Locator => card.locator(`li[data-code="${code}"]`);
  await expect(row('PEC_TRIPARTITE')).toContainText('en retard');

  // A refusal keeps what was typed and says why under the field.
  const prescriber = row('PEC_PRESCRIBER');
  await prescriber.getByRole('button', { name: 'Enregistrer' }).click();
  await prescriber.getByLabel('Convention signée le').fill(pec.start);
  await prescriber
    .getByLabel('Prescripteur', { exact: true })
    .selectOption({ label: 'France Travail' });
  await prescriber.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(prescriber.getByRole('alert')).toContainText('Référent chez le prescripteur');
  await expect(prescriber.getByLabel('Convention signée le')).toHaveValue(pec.start);
  await prescriber.getByLabel('Référent chez le prescripteur').fill('Mme Leroy, agence Paris 14');
  await prescriber
    .getByLabel('Preuve (document, référence)')
    .fill('Convention individuelle signée');
  await prescriber.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(card.getByRole('status')).toContainText('Enregistré : Prescripteur et référent');
  await expect(prescriber).toContainText('fait');
  await expect(prescriber).toContainText('France Travail — Mme Leroy, agence Paris 14');
  await expect(prescriber).toContainText('Preuve : Convention individuelle signée');

  const tripartite = row('PEC_TRIPARTITE');
  await tripartite.getByRole('button', { name: 'Enregistrer' }).click();
  await tripartite.getByLabel('Entretien tenu le').fill(pec.start);
  await tripartite.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(tripartite).toContainText('fait');

  const actions = row('PEC_ACTIONS');
  await actions.getByRole('button', { name: 'Enregistrer' }).click();
  await actions.getByLabel('Demande d’aide du').fill(pec.start);
  await actions
    .getByLabel('Actions d’accompagnement déclarées')
    .fill('Accompagnement vers l’emploi par le tuteur, un entretien par mois');
  await actions.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(actions).toContainText('fait');

  const renewal = row('PEC_RENEWAL_REQUEST');
  await renewal.getByRole('button', { name: 'Enregistrer' }).click();
  await renewal.getByLabel('Décidé le').fill(today);
  await renewal
    .getByLabel('Décision', { exact: true })
    .selectOption({ label: 'Pas de renouvellement' });
  await renewal.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(renewal).toContainText('fait');

  const exit = row('PEC_EXIT_INTERVIEW');
  await exit.getByRole('button', { name: 'Enregistrer' }).click();
  await exit.getByLabel('Entretien tenu le').fill(today);
  await exit
    .getByLabel('Conclusions (projet, suites convenues)')
    .fill('Projet : conseiller France Services ; candidatures en cours');
  await exit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(exit).toContainText('fait');

  // Every PEC obligation is met; the exit interview closed its milestone (P12) on the pathway.
  for (const code of [
    'PEC_PRESCRIBER',
    'PEC_TRIPARTITE',
    'PEC_ACTIONS',
    'PEC_RENEWAL_REQUEST',
    'PEC_EXIT_INTERVIEW',
  ]) {
    await expect(row(code).locator('.state')).toHaveText('fait');
  }
  await expect(
    page.locator('tr', { hasText: 'Entretien de sortie' }).filter({ hasText: 'fait' }),
  ).toBeVisible();
  await expectAccessible(page);

  // HR's month no longer lists them.
  await page.goto('/parcours');
  await expect(month.getByRole('status')).toBeVisible();
  await expect(
    month.locator('li', { hasText: 'Camara' }).filter({ hasText: /Entretien|Prescripteur/ }),
  ).toHaveCount(0);
});
