import { expect, test } from '@playwright/test';
import type { ExitRate, ExitReport } from '@relais/api-types';
import { formatHours } from '@relais/rules';
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
      'Inscription confirmée',
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
    await panel.getByRole('button', { name: `Noter la présence : ${name}` }).click();
    await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText(
      'Présence constatée',
    );
  }
  await panel.getByRole('button', { name: 'Valider la formation : Abdoulaye Traoré' }).click();
  await expect(panel.getByRole('row', { name: /Abdoulaye Traoré/ })).toContainText(
    'Validée par les RH',
  );
  // The evening's 2 hours count toward the 7-hour module, which stays open.
  await expect(panel.getByRole('row', { name: /Abdoulaye Traoré/ })).toContainText(
    '2 h suivies · module : 2 h sur 7 h',
  );

  // HR sees the pathway move on the mediator's page too (milestones, notes, exit form).
  await page.goto(`/parcours/${traore}`);
  await expect(page).toHaveTitle('Parcours de Abdoulaye Traoré – Relais');
  await expect(page.getByTestId('hours')).toHaveText(
    `${formatHours(before.progress.hoursDone + 2)} sur ${formatHours(before.progress.hoursRequired)} de formation`,
  );
  // The exit form asks what followed and shows the category it derives (nothing is typed).
  await page.getByLabel('Après le contrat').selectOption({ label: 'CDD' });
  await page.getByLabel('Durée de l’emploi (mois)').fill('4');
  await expect(page.getByTestId('derived-category')).toHaveText(
    'Catégorie retenue : Emploi de transition',
  );
  await page.getByLabel('Durée de l’emploi (mois)').fill('6');
  await expect(page.getByTestId('derived-category')).toHaveText(
    'Catégorie retenue : Emploi durable',
  );
  await expectAccessible(page);

  // HR dashboard.
  await nav.getByRole('link', { name: 'Parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours et sorties' })).toBeVisible();
  // Other journeys end contracts early (an exit to record counts in the denominator until it is):
  // the figures are the report's, and the report is checked against its own counts.
  const report = (await (await page.request.get('/api/reports/exits')).json()) as ExitReport;
  const ratio = (r: ExitRate) => r.dynamic / (r.exits - r.neutralised + r.missing);
  const percent = (rate: number) => `${(rate * 100).toFixed(1).replace('.', ',')} %`;
  expect(report.dynamic).toBeGreaterThanOrEqual(6);
  expect(report.dynamicExitRate).toBeCloseTo(ratio(report), 4);
  await expect(page.getByTestId('rate')).toHaveText(percent(ratio(report)));
  // The rate by contract family: aided contracts apart from ordinary CDD and CDI leavers.
  for (const [family, label] of [
    ['AIDE', 'Contrats aidés (PEC, adulte-relais, CDDI)'],
    ['DROIT_COMMUN', 'CDD et CDI de droit commun'],
  ] as const) {
    const line = report.byFamily.find((row) => row.family === family);
    if (!line || line.dynamicExitRate === null) throw new Error(`no ${family} rate in the report`);
    expect(line.dynamicExitRate).toBeCloseTo(ratio(line), 4);
    await expect(page.getByTestId('families').locator(`[data-family="${family}"]`)).toContainText(
      `${label} : ${percent(ratio(line))}`,
    );
  }
  await expect(page.getByTestId('certified')).toHaveText(
    `Certification obtenue : ${report.certified} sorties sur ${report.exits} (${percent(report.certified / report.exits)})`,
  );
  await expect(
    page.getByRole('heading', { level: 2, name: 'Suivis à 6 mois à faire' }),
  ).toBeVisible();
  await expectAccessible(page);

  // The mediator's own pathway: 2 more hours, the module under way (not validated yet).
  await page.getByTestId('who').click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await login(page, 'mediateur@relais.demo');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mon parcours' })
    .click();
  await expect(page).toHaveTitle('Mon parcours – Relais');
  await expect(page.getByTestId('hours')).toHaveText(
    `${formatHours(before.progress.hoursDone + 2)} sur ${formatHours(before.progress.hoursRequired)} de formation`,
  );
  await expect(page.getByTestId('modules')).toContainText(
    `${before.progress.modulesValidated} modules validés`,
  );
  // Durations carry no-break spaces ("2 h"), hence \s.
  await expect(
    page.getByText(/T13 Précarité énergétique.*en cours\s:\s2\sh\ssur\s7\sh/),
  ).toBeVisible();
  // The catalogue's mandatory modules for a mediator on a France Services site, with their state.
  const mandatory = page.getByTestId('mandatory');
  await expect(mandatory.locator('[data-module="T01"]')).toContainText('fait');
  await expect(mandatory.locator('[data-module]')).toHaveCount(5);
  await expectAccessible(page);
});
