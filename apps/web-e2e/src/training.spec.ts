import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

/** Today in Paris as "YYYY-MM-DD" (the app's days are Paris days). */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

interface PathwayBody {
  personId: string;
  progress: { hoursDone: number; hoursRequired: number; modulesValidated: number };
}

test('HR schedules a session, enrols two mediators, sees it on the rota, validates attendance; the pathway moves', async ({
  page,
}) => {
  // A long journey with four accessibility scans on a shared 2-core machine.
  test.setTimeout(180_000);
  await login(page, 'rh@relais.demo');
  await expect(page).toHaveURL(/\/sites$/);
  const api = async <T>(path: string): Promise<T> => (await page.request.get(path)).json();
  const sites = await api<{ id: string; code: string }[]>('/api/sites');
  const sud = sites.find((site) => site.code === 'S')?.id ?? '';
  const people = await api<{ id: string; lastName: string }[]>('/api/people');
  const traore = people.find((person) => person.lastName === 'Traoré')?.id ?? '';
  const before = await api<PathwayBody>(`/api/pathways/${traore}`);

  // Schedule T13 today at Paris Sud, in the evening (nobody's shift is there).
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Formation' }).click();
  await expect(page).toHaveTitle('Formation – Relais');
  await expect(page.getByRole('heading', { level: 1, name: 'Formation' })).toBeVisible();
  const t13 = await page.getByLabel('Module').locator('option', { hasText: 'T13 –' }).textContent();
  await page.getByLabel('Module').selectOption({ label: (t13 ?? '').trim() });
  await page
    .getByLabel('Lieu (site de rattachement)')
    .selectOption({ label: 'S · PIMMS Médiation Paris Sud' });
  await page.getByLabel('Date').fill(parisToday());
  await page.getByLabel('Début').fill('18:00');
  await page.getByLabel('Fin').fill('20:00');
  await page.getByLabel('Places').fill('8');
  await page.getByLabel('Formateur ou organisme').fill('Énergie Solidaire');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Programmer' }).click();
  const panel = page.getByRole('region', { name: /Session T13 du/ });
  await expect(panel).toBeVisible();

  // Two mediators of Paris Sud.
  for (const name of ['Traoré Abdoulaye', 'Fontaine Léa']) {
    await panel.getByLabel('Personne à inscrire').selectOption({ label: name });
    await panel.getByRole('button', { name: 'Inscrire' }).click();
    const [last, first] = name.split(' ');
    await expect(panel.getByRole('row', { name: new RegExp(`${first} ${last}`) })).toContainText(
      'Inscrit·e',
    );
  }
  await expect(panel).toContainText('2/8');
  await expectAccessible(page);

  // The session is on the rota of Paris Sud, for each of them, and cannot be dragged.
  await page.goto(`/planning?site=${sud}`);
  const items = page.getByRole('button', { name: /T13 Précarité énergétique/ });
  await expect(items).toHaveCount(2);

  // Attendance, then HR validation.
  await nav.getByRole('link', { name: 'Formation' }).click();
  await page.getByRole('button', { name: /^Ouvrir T13 / }).click();
  for (const name of ['Abdoulaye Traoré', 'Léa Fontaine']) {
    await panel.getByRole('button', { name: `Présent·e : ${name}` }).click();
    await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText('Présent·e');
  }
  await panel.getByRole('button', { name: 'Valider la formation : Abdoulaye Traoré' }).click();
  await expect(panel.getByRole('row', { name: /Abdoulaye Traoré/ })).toContainText(
    'Validée par les RH',
  );

  // HR sees the pathway move on the mediator's page too (milestones, notes, exit form).
  await page.goto(`/parcours/${traore}`);
  await expect(page).toHaveTitle('Parcours de Abdoulaye Traoré – Relais');
  await expect(page.getByTestId('hours')).toHaveText(
    `${before.progress.hoursDone + 7} h sur ${before.progress.hoursRequired} h de formation`,
  );
  await expectAccessible(page);

  // HR dashboard.
  await nav.getByRole('link', { name: 'Parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours et sorties' })).toBeVisible();
  await expect(page.getByTestId('rate')).toHaveText('85,7 %');
  await expect(page.getByTestId('certified')).toHaveText(
    'Certification obtenue : 7 sorties sur 8 (87,5 %)',
  );
  await expect(
    page.getByRole('heading', { level: 2, name: 'Suivis à 6 mois à faire' }),
  ).toBeVisible();
  await expectAccessible(page);

  // The mediator's own pathway: 7 more hours, one more module.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await login(page, 'mediateur@relais.demo');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mon parcours' })
    .click();
  await expect(page).toHaveTitle('Mon parcours – Relais');
  await expect(page.getByTestId('hours')).toHaveText(
    `${before.progress.hoursDone + 7} h sur ${before.progress.hoursRequired} h de formation`,
  );
  await expect(page.getByTestId('modules')).toContainText(
    `${before.progress.modulesValidated + 1} modules validés`,
  );
  await expect(page.getByText(/T13 Précarité énergétique.*validé/)).toBeVisible();
  // The catalogue's mandatory modules for a mediator on a France Services site, with their state.
  const mandatory = page.getByTestId('mandatory');
  await expect(mandatory.locator('[data-module="T01"]')).toContainText('fait');
  await expect(mandatory.locator('[data-module]')).toHaveCount(5);
  await expectAccessible(page);
});
