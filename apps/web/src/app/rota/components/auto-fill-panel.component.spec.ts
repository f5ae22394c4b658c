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
      personName: 'Awa Diallo',
      reasons: [{ code: 'available' }],
    },
  ],
  release: [],
  unfilled: [],
  changedPublished: 0,
  violations: [],
  explanation: [],
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

function button(root: HTMLElement, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === label,
  );
}

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

  async function show(proposal: AutoFillProposal) {
    const rendered = await render();
    rendered.button('Lancer le calcul')?.click();
    http.expectOne('/api/rota/auto-fill').flush({ ...DONE, proposal });
    await rendered.fixture.whenStable();
    const card = rendered.element.querySelector<HTMLElement>('[data-testid="auto-fill-proposal"]');
    if (!card) throw new Error('no proposal shown');
    return { ...rendered, card, text: () => card.textContent?.replace(/\s+/g, ' ') ?? '' };
  }

  it('says in words why it adds nothing', async () => {
    const { card } = await show({
      ...PROPOSAL,
      add: [],
      explanation: [
        {
          code: 'closed-day',
          days: [{ date: '2026-12-25', reason: 'holiday' }],
          openShifts: 2,
          needs: 1,
        },
        { code: 'no-open-need', underHours: 6 },
      ],
    });
    const explanation = card.querySelector('[data-testid="auto-fill-explanation"]')?.textContent;
    expect(explanation).toContain(
      'Aucun besoin non couvert cette semaine\u202f; 6 personnes restent sous leurs heures\u00a0: ajoutez des besoins ou des créneaux à pourvoir.',
    );
    expect(explanation).toContain('Jour(s) férié(s) laissé(s) de côté\u00a0: ven. 25/12.');
    expect(explanation).toContain('2 créneau(x) à pourvoir et 1 besoin(s) restent tels quels');
    expect(button(card, 'Appliquer tout')?.disabled).toBe(true);
  });

  it('says how many stay uncovered and why, next to what it adds', async () => {
    const { card } = await show({
      ...PROPOSAL,
      explanation: [
        {
          code: 'uncovered',
          missing: 3,
          reasons: [
            { reason: 'no_skill', missing: 1 },
            { reason: 'rules', missing: 2 },
          ],
        },
      ],
    });
    const explanation = card.querySelector('[data-testid="auto-fill-explanation"]');
    expect(explanation?.textContent).toContain(
      '3 personne(s) manque(nt) encore sur les besoins de la semaine',
    );
    expect(
      [...(explanation?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim()),
    ).toEqual([
      '1 faute de personne ayant la qualification demandée',
      '2 car une règle bloquante l’empêche (repos, trajet, délai de prévenance…)',
    ]);
  });

  it('opens the reasons of a proposed shift behind "Pourquoi ?"', async () => {
    const { fixture, card } = await show({
      ...PROPOSAL,
      add: [
        {
          ...PROPOSAL.add[0],
          reasons: [
            { code: 'hours-owed', minutes: 12 * 60 },
            { code: 'skill', skill: 'france_services_initial' },
            { code: 'continuity', dates: ['2026-12-01'] },
            { code: 'fairness', kind: 'weekend', count: 0, othersCount: 3 },
          ],
        },
      ],
    });
    const assignments = card.querySelector('[data-testid="auto-fill-assignments"]');
    expect(assignments?.textContent).toContain('Awa Diallo · lun. 30/11 09:00–12:00');
    const why = button(card, 'Pourquoi\u202f?');
    expect(why?.getAttribute('aria-expanded')).toBe('false');
    const list = card.querySelector<HTMLElement>(`#${why?.getAttribute('aria-controls')}`);
    expect(list?.hidden).toBe(true);
    why?.click();
    await fixture.whenStable();
    expect(why?.getAttribute('aria-expanded')).toBe('true');
    expect(list?.hidden).toBe(false);
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim())).toEqual([
      '12\u00a0h sous son contrat cette semaine',
      'Formée France Services, comme ce créneau l’exige',
      'Même lieu et même activité que mar. 01/12',
      '0 week-end(s) travaillé(s) sur les 4 semaines précédentes, contre 3 pour une autre personne',
    ]);
    // The button names the shift it explains.
    const described = card.querySelector(`#${why?.getAttribute('aria-describedby')}`);
    expect(described?.textContent).toContain('Awa Diallo');
  });

  it('shows a move as a move, not as a removal and an addition', async () => {
    const { card, text } = await show({
      ...PROPOSAL,
      add: [
        {
          ...PROPOSAL.add[0],
          key: 'k-lea',
          personId: 'p-lea',
          personName: 'Léa Fontaine',
          start: '2026-12-10T09:00:00+01:00',
          end: '2026-12-10T12:30:00+01:00',
        },
      ],
      release: [
        {
          shiftId: 's-lea',
          siteId: 'site-sud',
          personId: 'p-lea',
          start: '2026-12-09T09:00:00+01:00',
          end: '2026-12-09T12:30:00+01:00',
          rule: 'AUTO_FILL_MOVE',
          reason: 'Créneau confié à une autre personne pour couvrir un besoin de la semaine.',
        },
      ],
    });
    expect(card.querySelector('[data-testid="auto-fill-moves"] li span')?.textContent?.trim()).toBe(
      'Léa Fontaine\u00a0: mer. 09/12 09:00–12:30 → jeu. 10/12 09:00–12:30',
    );
    expect(text()).toContain('1 créneau(x) déplacé(s)');
    expect(text()).toContain('0 créneau(x) ajouté(s) ou attribué(s)');
    expect(text()).toContain('0 créneau(x) retiré(s)');
    expect(card.querySelector('[data-testid="auto-fill-assignments"]')).toBeNull();
  });

  it('writes hours as "18 h 30" and never shows the solver’s cost or a decimal', async () => {
    const { card, text } = await show({
      ...PROPOSAL,
      objective: 520,
      seconds: 4.6,
      hours: [
        {
          personId: 'p-awa',
          personName: 'Awa Diallo',
          plannedMinutes: 1110,
          contractMinutes: 2100,
        },
      ],
    });
    const row = card.querySelector('[data-testid="auto-fill-hours"] tbody tr');
    expect(row?.querySelector('td')?.textContent?.trim()).toBe('18\u00a0h\u00a030');
    expect(text()).toContain('trouvée en 5 s');
    expect(text()).not.toMatch(/\d[.,]\d/);
    expect(text()).not.toMatch(/coût|520/i);
  });
});
