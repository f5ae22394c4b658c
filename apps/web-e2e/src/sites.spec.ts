import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

const SITES = /\/sites$/;
const ROLES = [
  { email: 'direction@relais.demo', role: 'Direction', mine: 0, hasApiLink: true, home: SITES },
  { email: 'rh@relais.demo', role: 'RH', mine: 0, hasApiLink: false, home: SITES },
  {
    email: 'manager.sud@relais.demo',
    role: 'Responsable de site',
    mine: 2,
    hasApiLink: false,
    home: SITES,
  },
  {
    email: 'manager.est@relais.demo',
    role: 'Responsable de site',
    mine: 1,
    hasApiLink: false,
    home: SITES,
  },
  // A mediator lands on their week; the sites page is one link away.
  {
    email: 'mediateur@relais.demo',
    role: 'Médiateur ou médiatrice',
    mine: 1,
    hasApiLink: false,
    home: /\/ma-semaine$/,
  },
];

test('the login page is accessible and refuses wrong credentials in French', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Adresse e-mail').fill('rh@relais.demo');
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Identifiants incorrects.');
});

for (const account of ROLES) {
  test(`${account.email} sees the five sites, then logs out`, async ({ page }) => {
    await login(page, account.email);
    await expect(page).toHaveURL(account.home);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Sites' })
      .click();
    await expect(page).toHaveURL(SITES);
    await expect(page).toHaveTitle('Sites – Relais');
    await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
    await expect(page.getByTestId('who')).toContainText(account.role);
    const cards = page.locator('[data-site]');
    await expect(cards).toHaveCount(5);
    await expect(page.getByText('PIMMS Médiation Paris Sud Est (SE)')).toBeVisible();
    await expect(page.getByText('France Services').first()).toBeVisible();
    await expect(page.getByText('Votre périmètre')).toHaveCount(account.mine);
    await expectAccessible(page);

    // The account menu holds the links out of the app, the language and signing out.
    await page.getByTestId('who').click();
    await expect(page.getByRole('menuitem', { name: 'API (OpenAPI)' })).toHaveCount(
      account.hasApiLink ? 1 : 0,
    );
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion/);
    // The session is gone on the server: going back to the sites page asks to log in again.
    await page.goto('/sites');
    await expect(page).toHaveURL(/\/connexion/);
  });
}

test('switches to English and back', async ({ page }) => {
  await login(page, 'rh@relais.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  await page.getByTestId('who').click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('who').click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('menuitemradio', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByTestId('who').click();
  await expect(page.getByRole('menuitem', { name: 'Se déconnecter' })).toBeVisible();
});

test('HR records a Sunday derogation for one site, sees who and when, then removes it', async ({
  page,
}) => {
  await login(page, 'rh@relais.demo');
  await page.goto('/sites');
  const card = page.locator('[data-site="NO"]');
  const sunday = card.getByRole('region', { name: 'Repos dominical' });
  await expect(sunday).toContainText('Aucune dérogation enregistrée');
  await sunday.getByRole('button', { name: 'Enregistrer une dérogation' }).click();
  // A blank basis is refused next to the field, nothing is sent.
  await sunday.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(sunday.getByRole('alert')).toHaveText(
    '✖ Indiquez le fondement de la dérogation (article, arrêté ou accord).',
  );
  await sunday
    .getByLabel('Fondement de la dérogation')
    .fill('Arrêté municipal du 2 novembre 2026 (L3132-26)');
  await sunday.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(sunday.getByRole('status')).toHaveText(
    '✓ Dérogation enregistrée pour PIMMS Médiation Paris Nord Ouest.',
  );
  await expect(sunday).toContainText('Arrêté municipal du 2 novembre 2026 (L3132-26)');
  await expect(sunday).toContainText(/Dérogation enregistrée le \d\d\/\d\d\/\d{4} \d\d:\d\d par /);
  // Only that site.
  await expect(
    page.locator('[data-site="S"]').getByRole('region', { name: 'Repos dominical' }),
  ).toContainText('Aucune dérogation enregistrée');
  await expectAccessible(page);
  await sunday.getByRole('button', { name: 'Retirer la dérogation' }).click();
  await expect(sunday.getByRole('status')).toContainText('Dérogation retirée');
  await expect(sunday).toContainText('Aucune dérogation enregistrée');
});

test('a site manager reads the Sunday derogations but cannot record one', async ({ page }) => {
  await login(page, 'manager.sud@relais.demo');
  await page.goto('/sites');
  const sunday = page.locator('[data-site="S"]').getByRole('region', { name: 'Repos dominical' });
  await expect(sunday).toContainText('Aucune dérogation enregistrée');
  await expect(sunday.getByRole('button')).toHaveCount(0);
});

test('HR edits a site’s opening hours: an unreadable day is named, the France Services minimum is checked as typed', async ({
  page,
}) => {
  await login(page, 'rh@relais.demo');
  await page.goto('/sites');
  const hours = page
    .locator('[data-site="NO"]')
    .getByRole('region', { name: /Horaires d’ouverture au public/ });
  await expect(hours).toContainText('9 h – 12 h 30, 13 h 30 – 17 h');
  await hours.getByRole('button', { name: 'Modifier les horaires' }).click();
  const friday = hours.getByLabel('vendredi');
  await expect(friday).toHaveValue('9 h – 12 h 30, 13 h 30 – 17 h');
  await expect(hours).toContainText('Soit 35 h sur 5 jour(s) d’ouverture.');

  // Friday closed: 28 h over 4 days falls short of the label's 5 days, said before saving.
  await friday.fill('');
  await expect(hours.getByRole('status')).toHaveText(
    '⚠ Horaires publics de 28 h sur 4 jours : un espace France Services ouvre au moins 24 h sur 5 jours (charte nationale France Services).',
  );
  // A range ending before it starts is named under its day; nothing is sent.
  await friday.fill('14 h – 12 h');
  await expect(hours.getByRole('alert')).toHaveText(
    '✖ le vendredi, la plage doit finir après 14 h',
  );
  await hours.getByRole('button', { name: 'Enregistrer les horaires' }).click();
  await expect(hours.getByRole('alert').last()).toHaveText(
    '✖ Corrigez les jours signalés avant d’enregistrer.',
  );
  await expectAccessible(page);

  // The same hours typed another way are saved as they were.
  await friday.fill('09:00-12:30 ; 13:30-17:00');
  await hours.getByRole('button', { name: 'Enregistrer les horaires' }).click();
  await expect(hours.getByRole('status')).toHaveText(
    '✓ Horaires enregistrés pour PIMMS Médiation Paris Nord Ouest.',
  );
  await expect(hours).toContainText('35 h par semaine');
});

test('a site manager reads the opening hours but cannot edit them', async ({ page }) => {
  await login(page, 'manager.sud@relais.demo');
  await page.goto('/sites');
  await expect(
    page.locator('[data-site="S"]').getByRole('button', { name: 'Modifier les horaires' }),
  ).toHaveCount(0);
});
