import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Location, RotaPerson, Shift, Violation } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { DayCreateTarget, DayShiftDrop, DayViewComponent } from './day-view.component';
import { ShiftAction } from './week-grid.component';

const DAY = '2026-12-01'; // Tuesday

const DESK: Location = {
  id: 'loc-desk',
  siteId: 'site-sud',
  code: 'PSUD',
  name: 'Accueil',
  kind: 'site',
  address: '',
};
const WORKSHOP: Location = {
  ...DESK,
  id: 'loc-atelier',
  code: 'ATL',
  name: 'Atelier numérique',
  kind: 'workshop',
};

function person(id: string, firstName: string, lastName: string, isTrained: boolean): RotaPerson {
  return {
    id,
    firstName,
    lastName,
    homeSiteId: 'site-sud',
    contract: null,
    contracts: [],
    plannedMinutes: 0,
    absences: [],
    skills: isTrained
      ? [{ skill: 'france_services_initial', acquiredOn: '2025-01-01', expiresOn: null }]
      : [],
    otherItems: [],
  };
}

const PEOPLE = [
  person('lea', 'Léa', 'Fontaine', true),
  person('awa', 'Awa', 'Diallo', true),
  person('tom', 'Tom', 'Roux', false),
];

function shift(
  id: string,
  personId: string | null,
  start: string,
  end: string,
  more: Partial<Shift> = {},
): Shift {
  return {
    id,
    siteId: 'site-sud',
    personId,
    locationId: DESK.id,
    activity: 'accueil',
    start: `${DAY}T${start}:00+01:00`,
    end: `${DAY}T${end}:00+01:00`,
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: false,
    ...more,
  };
}

const SHIFTS: Shift[] = [
  shift('s-lea', 'lea', '09:00', '17:00', { breakMinutes: 60 }),
  shift('s-awa', 'awa', '09:00', '13:30'),
  shift('s-tom', 'tom', '13:30', '17:00'),
  shift('s-atelier', 'awa', '14:00', '16:00', { locationId: WORKSHOP.id, activity: 'workshop' }),
  // Another day of the week: not drawn.
  shift('s-wed', 'lea', '09:00', '12:00', {
    start: '2026-12-02T09:00:00+01:00',
    end: '2026-12-02T12:00:00+01:00',
  }),
];

@Component({
  imports: [DayViewComponent],
  template: `
    <app-day-view
      [date]="date"
      [locations]="locations"
      [shifts]="shifts()"
      [people]="people"
      [openingHours]="openingHours"
      [isFranceServices]="true"
      [requirements]="[]"
      [settings]="{ timeZone: 'Europe/Paris' }"
      [holidays]="[]"
      [violationsByShift]="violations"
      [highlighted]="highlighted"
      [canEdit]="canEdit()"
      (dropped)="drops.push($event)"
      (createAt)="creates.push($event)"
      (action)="actions.push($event)"
    />
  `,
})
class HostComponent {
  readonly date = DAY;
  readonly locations = [WORKSHOP, DESK];
  readonly shifts = signal(SHIFTS);
  readonly people = PEOPLE;
  readonly openingHours = [
    { weekday: 2, start: '09:00', end: '17:00' },
    { weekday: 3, start: '09:00', end: '12:00' },
  ];
  readonly violations = new Map<string, Violation[]>([
    [
      's-tom',
      [
        {
          rule: 'FS_TRAINED_COVERAGE',
          severity: 'block',
          message: 'Pas assez d’agents formés',
          shiftIds: ['s-tom'],
        },
      ],
    ],
  ]);
  readonly highlighted = new Set<string>();
  readonly canEdit = signal(true);
  readonly drops: DayShiftDrop[] = [];
  readonly creates: DayCreateTarget[] = [];
  readonly actions: { action: ShiftAction; shift: Shift }[] = [];
}

describe('DayViewComponent', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [provideI18n()],
    }).compileComponents();
  });

  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const host = fixture.componentInstance;
    const bar = (id: string) =>
      element.querySelector<HTMLButtonElement>(`.bar[data-shift-id="${id}"]`) as HTMLButtonElement;
    const key = (target: HTMLElement, init: KeyboardEventInit) =>
      target.dispatchEvent(
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
      );
    return { fixture, element, host, bar, key };
  }

  const text = (node: Element | null) =>
    node?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';

  it('draws a lane per location, the desk first, and the day’s shifts as bars', async () => {
    const { element, bar } = await render();
    const heads = [...element.querySelectorAll('[role="rowheader"] .name')].map(text);
    expect(heads).toEqual(['Accueil', 'Atelier numérique']);
    expect(element.querySelectorAll('.bar')).toHaveLength(4);
    expect(bar('s-wed')).toBeNull();
    // Accessible name: person, place, times and activity, as the grid writes times.
    expect(text(bar('s-awa'))).toBe('⌂ Awa Diallo, Accueil, 09:00–13:30, Accueil');
    expect(text(bar('s-atelier'))).toContain('Awa Diallo, Atelier numérique, 14:00–16:00');
    expect(text(bar('s-tom'))).toContain('1 problème(s) bloquant');
  });

  it('places bars by time and stacks overlapping ones', async () => {
    const { bar } = await render();
    // Axis 08:00–18:00 (opening hours ± 1 h): 09:00 is at 10 %, 13:30 at 55 %.
    const position = (id: string, name: string) => parseFloat(bar(id).style.getPropertyValue(name));
    expect(position('s-awa', '--x')).toBeCloseTo(10);
    expect(position('s-awa', '--w')).toBeCloseTo(45);
    const subLane = (id: string) => bar(id).style.getPropertyValue('--sub');
    expect(subLane('s-awa')).toBe('0');
    expect(subLane('s-lea')).toBe('1');
    // Tom starts when Awa has left: back on her sub-lane.
    expect(subLane('s-tom')).toBe('0');
  });

  it('lists the gaps against the France Services requirement in words', async () => {
    const { element } = await render();
    const gaps = [...element.querySelectorAll('.gaps li')].map(text);
    // Léa's lunch break (in the middle of her day, as the rules place it), then Tom, not trained.
    expect(gaps).toEqual([
      '⚠ Accueil\u00a0: 1 agent formé France Services sur 2 de 12:30 à 17:00',
    ]);
    expect(text(element.querySelector('.lane .status-gap'))).toBe('⚠ 1 écart(s)');
    // The curve marks them: hatched bands, aria-hidden (the list above is the text).
    expect(element.querySelectorAll('.curve .gap').length).toBeGreaterThan(0);
  });

  it('says the day is covered once the gaps are filled', async () => {
    const { fixture, element, host } = await render();
    host.shifts.set([
      shift('s-lea', 'lea', '09:00', '17:00'),
      shift('s-awa', 'awa', '09:00', '17:00'),
    ]);
    await fixture.whenStable();
    expect(element.querySelectorAll('.gaps li')).toHaveLength(0);
    expect(text(element.querySelector('.gaps p'))).toBe('✓ Aucun écart de couverture ce jour.');
    expect(text(element.querySelector('.lane .status-ok'))).toBe('✓ Couvert');
  });

  it('moves a focused bar by a quarter hour with Alt+arrows, and to another lane', async () => {
    const { host, bar, key } = await render();
    key(bar('s-awa'), { key: 'ArrowRight', altKey: true });
    key(bar('s-awa'), { key: 'ArrowLeft', altKey: true });
    key(bar('s-awa'), { key: 'ArrowDown', altKey: true });
    expect(host.drops).toEqual([
      {
        shiftId: 's-awa',
        target: { date: DAY, locationId: DESK.id },
        isCopy: false,
        start: '2026-12-01T09:15:00+01:00',
        end: '2026-12-01T13:45:00+01:00',
      },
      {
        shiftId: 's-awa',
        target: { date: DAY, locationId: DESK.id },
        isCopy: false,
        start: '2026-12-01T08:45:00+01:00',
        end: '2026-12-01T13:15:00+01:00',
      },
      { shiftId: 's-awa', target: { date: DAY, locationId: WORKSHOP.id }, isCopy: false },
    ]);
  });

  it('moves nothing when the view is read only', async () => {
    const { fixture, host, bar, key, element } = await render();
    host.canEdit.set(false);
    await fixture.whenStable();
    key(bar('s-awa'), { key: 'ArrowRight', altKey: true });
    key(bar('s-awa'), { key: 'Delete' });
    key(element.querySelector<HTMLElement>('.track') as HTMLElement, { key: 'n' });
    expect(host.drops).toEqual([]);
    expect(host.actions).toEqual([]);
    expect(host.creates).toEqual([]);
  });

  it('walks lanes and bars with the arrows, creates with N and deletes with Delete', async () => {
    const { element, host, bar, key } = await render();
    const tracks = [...element.querySelectorAll<HTMLElement>('.track')];
    expect(tracks.map((track) => track.getAttribute('tabindex'))).toEqual(['0', '-1']);
    tracks[0].focus();
    key(tracks[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(bar('s-awa'));
    key(bar('s-awa'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(bar('s-lea'));
    key(bar('s-lea'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(bar('s-atelier'));
    key(bar('s-atelier'), { key: 'Escape' });
    expect(document.activeElement).toBe(tracks[1]);
    key(tracks[1], { key: 'N' });
    expect(host.creates).toEqual([{ date: DAY, locationId: WORKSHOP.id }]);
    key(bar('s-atelier'), { key: 'Delete' });
    expect(host.actions.map((entry) => [entry.action, entry.shift.id])).toEqual([
      ['delete', 's-atelier'],
    ]);
  });

  it('explains its keys to screen readers', async () => {
    const { element } = await render();
    const grid = element.querySelector('[role="grid"]') as HTMLElement;
    expect(grid.getAttribute('aria-label')).toBe('Journée du mardi 1er décembre, par lieu');
    const help = element.querySelector(`#${grid.getAttribute('aria-describedby')}`);
    expect(text(help)).toContain('Alt+← ou Alt+→\u00a0: déplacer de 15 minutes');
  });
});
