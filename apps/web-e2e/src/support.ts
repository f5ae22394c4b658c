import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

export const DEMO_PASSWORD = 'relais-demo';

/** WCAG 2.1 AA scan; fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  // A message fading in (a field's error, a snack bar) is scanned once it has settled: mid-fade
  // its colours are not the ones a reader gets. Endless animations (spinners) are not waited for.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getComputedTiming().endTime === Infinity,
          ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.length}, e.g. ${violation.nodes[0]?.html.slice(0, 160)})`,
    );
  expect(serious).toEqual([]);
}

export async function login(page: Page, email: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Signed in once the app has left the login page (a goto before that would race the cookie).
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}
