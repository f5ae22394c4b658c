import { TestBed } from '@angular/core/testing';
import type { RotaChange, RotaComparison, RotaVersion } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { HistoryPanelComponent } from './history-panel.component';

const LINE: Omit<RotaChange, 'kind'> = {
  at: '2026-12-08T13:02:00Z',
  actorName: 'Véronique Allard',
  shiftId: 'shift-1',
  before: null,
  after: null,
  count: null,
  version: null,
  justification: null,
  fromWeek: null,
  personName: null,
  otherPersonName: null,
  label: null,
  via: null,
};

const LEA = {
  personName: 'Léa Fontaine',
  isOpen: false,
  activity: 'accueil' as const,
  locationName: 'Mairie',
};

const CHANGES: RotaChange[] = [
  {
    ...LINE,
    kind: 'moved',
    before: { ...LEA, start: '2026-12-09T08:00:00Z', end: '2026-12-09T11:30:00Z' },
    after: { ...LEA, start: '2026-12-09T09:00:00Z', end: '2026-12-09T12:30:00Z' },
  },
  {
    ...LINE,
    kind: 'unassigned',
    before: { ...LEA, start: '2026-12-10T08:00:00Z', end: '2026-12-10T11:30:00Z' },
    after: {
      ...LEA,
      personName: null,
      isOpen: true,
      start: '2026-12-10T08:00:00Z',
      end: '2026-12-10T11:30:00Z',
    },
  },
  {
    ...LINE,
    kind: 'published',
    shiftId: null,
    version: 3,
    justification: 'Renfort validé',
  },
  { ...LINE, kind: 'copied', shiftId: null, count: 12, fromWeek: '2026-W49' },
  // An old event: nothing known of the shift.
  { ...LINE, kind: 'deleted', actorName: null },
];

const VERSIONS: RotaVersion[] = [
  { id: 'draft', version: null, publishedAt: null, publishedByName: null, shiftCount: 20 },
  {
    id: 'pub-2',
    version: 2,
    publishedAt: '2026-12-08T13:02:00Z',
    publishedByName: 'Véronique Allard',
    shiftCount: 20,
  },
  {
    id: 'pub-1',
    version: 1,
    publishedAt: '2026-12-01T09:00:00Z',
    publishedByName: null,
    shiftCount: 19,
  },
];

const COMPARISON: RotaComparison = {
  siteId: 'site-sud',
  week: '2026-W50',
  from: VERSIONS[2],
  to: VERSIONS[1],
  people: [
    {
      personId: 'p-lea',
      personName: 'Léa Fontaine',
      items: [
        {
          kind: 'moved',
          shiftId: 'shift-1',
          before: {
            activity: 'accueil',
            locationName: 'Mairie',
            start: '2026-12-09T08:00:00Z',
            end: '2026-12-09T11:30:00Z',
          },
          after: {
            activity: 'accueil',
            locationName: 'Mairie',
            start: '2026-12-09T09:00:00Z',
            end: '2026-12-09T12:30:00Z',
          },
          otherPersonName: null,
          isOtherOpen: false,
        },
        {
          kind: 'removed',
          shiftId: 'shift-2',
          before: {
            activity: 'workshop',
            locationName: 'Mairie',
            start: '2026-12-10T13:00:00Z',
            end: '2026-12-10T16:00:00Z',
          },
          after: null,
          otherPersonName: 'Awa Diallo',
          isOtherOpen: false,
        },
      ],
    },
  ],
};

describe('HistoryPanelComponent', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [HistoryPanelComponent],
      providers: [provideI18n()],
    }).compileComponents();
  });

  function render(inputs: Partial<Record<'changes' | 'versions' | 'comparison', unknown>>) {
    const fixture = TestBed.createComponent(HistoryPanelComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    return fixture;
  }

  const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('tells each change in words: who, when, whose shift, what, day and times', () => {
    const fixture = render({ changes: CHANGES });
    const lines = [...fixture.nativeElement.querySelectorAll('ol.history li')].map(text);
    expect(lines).toEqual([
      'Véronique Allard · mar. 08/12 14:02 · a déplacé le créneau de Léa Fontaine (Accueil, mer. 09/12) de 09:00–12:30 à 10:00–13:30',
      'Véronique Allard · mar. 08/12 14:02 · a rendu à pourvoir le créneau de Léa Fontaine (Accueil, jeu. 10/12 09:00–12:30)',
      'Véronique Allard · mar. 08/12 14:02 · a publié la semaine (version 3) Justification : « Renfort validé »',
      'Véronique Allard · mar. 08/12 14:02 · a copié la semaine 49 (12 créneau(x))',
      'Quelqu’un · mar. 08/12 14:02 · a supprimé un créneau',
    ]);
    // Never an id, an action code or an ISO week.
    const all = text(fixture.nativeElement);
    expect(all).not.toMatch(/shift-1|shift\.|rota\.|W49|2026-W/);
  });

  it('tells a written agreement to the changes of a week, with its reference', () => {
    const fixture = render({
      changes: [
        {
          ...LINE,
          kind: 'notice_agreed',
          shiftId: null,
          personName: 'Léa Fontaine',
          count: 2,
          justification: 'Accord signé le 8 décembre',
        },
      ],
    });
    expect([...fixture.nativeElement.querySelectorAll('ol.history li')].map(text)).toEqual([
      'Véronique Allard · mar. 08/12 14:02 · a enregistré l’accord écrit de Léa Fontaine aux modifications de sa semaine (2) : pas de délai de prévenance (Cass. soc. 9 nov. 2016) Justification : « Accord signé le 8 décembre »',
    ]);
  });

  it('offers the published versions and the draft, and shows the differences per person', () => {
    const fixture = render({ changes: [], versions: VERSIONS });
    const from = fixture.nativeElement.querySelector(
      '[data-testid="compare-from"]',
    ) as HTMLSelectElement;
    expect([...from.options].map((option) => text(option))).toEqual([
      'Brouillon actuel',
      'v2 · publiée le mar. 08/12 14:02 par Véronique Allard',
      'v1 · publiée le mar. 01/12 10:00',
    ]);
    expect(from.value).toBe('pub-2');
    const asked: { from: string; to: string }[] = [];
    fixture.componentInstance.compare.subscribe((value) => asked.push(value));
    from.value = 'pub-1';
    from.dispatchEvent(new Event('change'));
    (fixture.nativeElement.querySelector('.compare button') as HTMLButtonElement).click();
    expect(asked).toEqual([{ from: 'pub-1', to: 'draft' }]);

    fixture.componentRef.setInput('comparison', COMPARISON);
    fixture.detectChanges();
    const result = fixture.nativeElement.querySelector('.result') as HTMLElement;
    expect(text(result.querySelector('h4') as Element)).toBe('Léa Fontaine 2 changement(s)');
    expect([...result.querySelectorAll('li')].map(text)).toEqual([
      '↔ Déplacé : mer. 09/12 09:00–12:30 → 10:00–13:30 (Accueil, Mairie)',
      '− Retiré : jeu. 10/12 14:00–17:00, Atelier, Mairie — donné à Awa Diallo',
    ]);
  });

  it('asks for a publication before comparing a week never published', () => {
    const fixture = render({ changes: [], versions: VERSIONS.slice(0, 1) });
    expect(text(fixture.nativeElement.querySelector('.compare'))).toContain(
      'Publiez la semaine pour pouvoir comparer ses versions.',
    );
  });
});
