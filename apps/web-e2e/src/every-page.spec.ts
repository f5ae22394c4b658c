import { expect, Page, test } from '@playwright/test';
import { expectAccessible, login } from './support';

// Every page of the navigation of each demo role (apps/web/src/app/core/navigation.ts, plus a
// mediator's pathway, where HR records exits, and the mediator's agenda and messages). Each must read as plain
// French: no code, no decimal hour, no ISO week, no serious accessibility problem.
const ROLES: { role: string; email: string; pages: string[] }[] = [
  {
    role: 'direction',
    email: 'direction@relais.demo',
    pages: [
      '/sites',
      '/personnes',
      '/contrats/echeances',
      '/planning',
      '/demandes',
      '/formation',
      '/parcours',
      '/echanges',
      '/parametres',
    ],
  },
  {
    role: 'RH',
    email: 'rh@relais.demo',
    pages: [
      '/sites',
      '/personnes',
      '/contrats/echeances',
      '/planning',
      '/demandes',
      '/formation',
      '/parcours',
      '/parcours/:mediator',
      '/echanges',
      '/paie',
      '/financeurs',
    ],
  },
  {
    role: 'responsable de site',
    email: 'manager.sud@relais.demo',
    pages: [
      '/sites',
      '/personnes',
      '/contrats/echeances',
      '/planning',
      '/demandes',
      '/formation',
      '/echanges',
    ],
  },
  {
    role: 'médiateur',
    email: 'mediateur@relais.demo',
    pages: [
      '/ma-semaine',
      '/sites',
      '/planning',
      '/demandes',
      '/mon-parcours',
      '/echanges',
      '/mon-agenda',
      '/messages',
      '/mes-releves',
    ],
  },
];

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'code brut', pattern: /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g },
  { what: 'heure décimale', pattern: /\b\d+[.,]\d+\s?h\b/g },
  { what: 'semaine ISO', pattern: /\b\d{4}-W\d{2}\b/g },
];

/** What a reader would stumble on in the visible text of the page. */
async function wordingProblems(page: Page): Promise<string[]> {
  const text = await page.locator('main, [role="main"], body').first().innerText();
  return FORBIDDEN.flatMap(({ what, pattern }) =>
    [...new Set(text.match(pattern) ?? [])].map((found) => `${what} « ${found} »`),
  );
}

test.describe('every page reads as plain French and passes axe', () => {
  // Up to ten page visits and their axe scans per role: a minute when the machine is free,
  // several when it is shared (axe dominates), hence the generous limit.
  test.setTimeout(300_000);

  // A page's accessibility is scanned once (the first role that opens it): the same component
  // for the next roles; its wording is checked for every role (what it shows differs).
  const scanned = new Set<string>();

  for (const { role, email, pages } of ROLES) {
    test(`${role} : ${pages.length} pages`, async ({ page }) => {
      await login(page, email);
      let mediator = '';
      if (pages.some((path) => path.includes(':mediator'))) {
        const people: { id: string; lastName: string }[] = await (
          await page.request.get('/api/people')
        ).json();
        mediator = people.find((person) => person.lastName === 'Traoré')?.id ?? '';
      }
      for (const pattern of pages) {
        const path = pattern.replace(':mediator', mediator);
        await page.goto(path);
        await expect(page.locator('h1').first()).toBeVisible();
        // Wait for the data, not for a fixed time: no skeleton or "Chargement" left.
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expect(page.getByText(/^Chargement/)).toHaveCount(0);
        expect.soft(await wordingProblems(page), `${role} ${pattern}`).toEqual([]);
        if (!scanned.has(pattern)) {
          scanned.add(pattern);
          await test.step(`axe ${pattern}`, () => expectAccessible(page));
        }
      }
    });
  }
});
