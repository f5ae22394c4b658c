import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AutoFillJob, AutoFillProposal } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { AutoFillPanelComponent } from './auto-fill-panel.component';

const PROPOSAL: AutoFillProposal = {
  add: [
    {
      key: 'k1',
      siteId: 'site-sud',
      personId: 'p-awa',
      locationId: 'loc-desk',
      activity: 'accueil',
      start: '2026-11-30T09:00:00+01:00',
      end: '2026-11-30T12:00:00+01:00',
      breakMinutes: 0,
      openShiftId: null,
    },
  ],
  release: [],
  unfilled: [],
  changedPublished: 0,
  violations: [],
  objective: 12,
  optimal: true,
  seconds: 1.2,
  secondsToBest: 1,
  modelSeconds: 0.2,
  hours: [],
};

const DONE: AutoFillJob = {
  id: 'job-1',
  siteIds: ['site-sud'],
  week: '2026-W49',
  mode: 'fill',
  status: 'done',
  timeLimitSeconds: 10,
  progress: null,
  proposal: PROPOSAL,
  error: null,
  createdAt: '2026-11-27T10:00:00Z',
};

describe('AutoFillPanelComponent', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [AutoFillPanelComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(AutoFillPanelComponent);
    fixture.componentRef.setInput('siteId', 'site-sud');
    fixture.componentRef.setInput('week', '2026-W49');
    const previews: (AutoFillProposal | null)[] = [];
    fixture.componentInstance.preview.subscribe((proposal) => previews.push(proposal));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => b.textContent?.trim() === label,
      );
    return { fixture, element, previews, button };
  }

  it('previews the proposal on the grid once found, and takes it away when ignored', async () => {
    const { fixture, element, previews, button } = await render();
    button('Lancer le calcul')?.click();
    http.expectOne('/api/rota/auto-fill').flush(DONE);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="auto-fill-proposal"]')).not.toBeNull();
    expect(previews.at(-1)).toEqual(PROPOSAL);

    button('Ignorer')?.click();
    http.expectOne('/api/rota/auto-fill/job-1/discard').flush(DONE);
    await fixture.whenStable();
    expect(previews.at(-1)).toBeNull();
    expect(element.querySelector('[data-testid="auto-fill-proposal"]')).toBeNull();
  });

  it('takes the preview away when the panel closes', async () => {
    const { fixture, previews, button } = await render();
    button('Lancer le calcul')?.click();
    http.expectOne('/api/rota/auto-fill').flush(DONE);
    await fixture.whenStable();
    fixture.destroy();
    expect(previews.at(-1)).toBeNull();
  });

  it('says something went wrong when the server gives no reason', async () => {
    const { fixture, element, button } = await render();
    button('Lancer le calcul')?.click();
    http.expectOne('/api/rota/auto-fill').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Erreur inattendue : réessayez.',
    );
  });
});
