import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RotaWeek, Shift, Site } from '@relais/api-types';
import { checkRotaWeek, DEFAULT_ORGANISATION_SETTINGS } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { provideI18n } from '../core/i18n/i18n';
import { RotaPage } from './rota.page';

const SITE: Site = {
  id: 'site-sud',
  code: 'PSUD',
  name: 'Paris Sud',
  address: '',
  isFranceServices: false,
  openingHours: [],
  sundayDerogation: null,
  locations: [
    {
      id: 'loc-desk',
      siteId: 'site-sud',
      code: 'PSUD',
      name: 'Accueil',
      kind: 'site',
      address: '',
    },
  ],
};

function shift(id: string, start: string, end: string): Shift {
  return {
    id,
    siteId: 'site-sud',
    personId: 'p-awa',
    locationId: 'loc-desk',
    activity: 'accueil',
    start,
    end,
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: true,
  };
}

const contract = { type: 'CDI' as const, start: '2025-01-01', end: null, weeklyHours: 35 };
// Monday until 21:00, Tuesday from 07:00: 10 h of rest.
const ANSWER: RotaWeek = {
  view: 'planner',
  siteId: 'site-sud',
  week: '2026-W49',
  status: 'draft',
  version: 0,
  publishedAt: null,
  unpublishedChanges: 2,
  shifts: [
    shift('s-mon', '2026-11-30T13:00:00+01:00', '2026-11-30T21:00:00+01:00'),
    shift('s-tue', '2026-12-01T07:00:00+01:00', '2026-12-01T12:00:00+01:00'),
  ],
  violations: [],
  coverage: [],
  people: [
    {
      id: 'p-awa',
      firstName: 'Awa',
      lastName: 'Diallo',
      homeSiteId: 'site-sud',
      contract,
      contracts: [contract],
      plannedMinutes: 13 * 60,
      absences: [],
      skills: [],
      otherItems: [],
    },
  ],
  requirements: [],
  holidays: [],
  travelTimes: [],
  sundayDerogationLocations: {},
  settings: DEFAULT_ORGANISATION_SETTINGS,
  totals: { minutes: 13 * 60, labourCostCents: null, peopleWithoutCost: 1 },
};
// The server's answer carries its checks of the week, made with the same engine.
const WEEK: RotaWeek = {
  ...ANSWER,
  violations: checkRotaWeek({
    site: SITE,
    week: ANSWER.week,
    shifts: ANSWER.shifts,
    people: ANSWER.people,
    requirements: ANSWER.requirements,
  }),
};

describe('RotaPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    // A desktop window: the checks panel opens beside the grid (on a phone it stays closed).
    Object.defineProperty(window, 'innerWidth', { value: 1440, configurable: true });
    await TestBed.configureTestingModule({
      imports: [RotaPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthStore);
    const loading = auth.load();
    http.expectOne('/api/auth/me').flush({
      id: 'u',
      email: 'manager.sud@relais.demo',
      role: 'manager',
      personId: 'p-boss',
      siteIds: ['site-sud'],
      firstName: 'Inès',
      lastName: 'Roux',
    });
    await loading;
  });

  async function render() {
    const fixture = TestBed.createComponent(RotaPage);
    await fixture.whenStable();
    http.expectOne('/api/sites').flush([SITE]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/rota').flush(WEEK);
    http.expectOne((req) => req.url === '/api/rota/templates').flush([]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    // The coverage and legend are drawn in the task after the grid, the checks panel in the next.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('draws the week only once its site is known too, so that no column moves when it arrives', async () => {
    const fixture = TestBed.createComponent(RotaPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    http.expectOne((req) => req.url === '/api/rota').flush(WEEK);
    http.expectOne((req) => req.url === '/api/rota/templates').flush([]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('app-week-grid')).toBeNull();
    expect(element.querySelector('.skeleton')).not.toBeNull();

    http.expectOne('/api/sites').flush([SITE]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('app-week-grid')).not.toBeNull();
    expect(element.querySelector('.skeleton')).toBeNull();
  });

  it('flags the chips of a rest breach and lists it with its rule and article', async () => {
    const { element } = await render();
    const chip = element.querySelector<HTMLElement>('.chip[data-shift-id="s-tue"]');
    expect(chip?.textContent).toContain('07:00–12:00');
    expect(chip?.textContent).toContain('bloquant');
    const item = element.querySelector<HTMLButtonElement>(
      'app-violations-panel button[data-rule="DAILY_REST"]',
    );
    expect(item?.textContent).toContain('Repos quotidien de 11 h — C. trav., art. L3131-1');
    expect(item?.textContent).toContain('Awa Diallo');
    item?.click();
    expect(document.activeElement?.getAttribute('data-shift-id')).toMatch(/^s-(mon|tue)$/);
  });

  it('does not publish while a blocking problem remains: the panel shows it instead', async () => {
    const { fixture, element } = await render();
    const publish = [...element.querySelectorAll<HTMLButtonElement>('.toolbar button')].find(
      (button) => button.textContent?.trim() === 'Publier',
    );
    expect(publish?.disabled).toBe(false);
    publish?.click();
    await fixture.whenStable();
    http.expectNone('/api/rota/publish');
    expect(element.querySelector('app-violations-panel')?.textContent).toContain('Bloquants');
  });
});
