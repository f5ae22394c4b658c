import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Location, Shift, ShiftTemplate } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { instantsOf } from '../rota.model';
import type { ActionOutcome } from '../rota.store';
import { ShiftDialogComponent, ShiftDialogData, ShiftDialogResult } from './shift-dialog.component';

const LOCATIONS: Location[] = [
  { id: 'loc-desk', siteId: 'site-sud', code: 'PSUD', name: 'Accueil', kind: 'site', address: '' },
  {
    id: 'loc-mairie',
    siteId: 'site-sud',
    code: 'MAI',
    name: 'Mairie',
    kind: 'satellite',
    address: '',
  },
];

function template(id: string, locationId: string, start: string, end: string): ShiftTemplate {
  return {
    id,
    siteId: 'site-sud',
    code: id.toUpperCase(),
    label: `Modèle ${id}`,
    locationId,
    activity: id === 'soir' ? 'outreach' : 'accueil',
    startTime: start,
    endTime: end,
    breakMinutes: 0,
    weekdays: [],
  };
}

const TEMPLATES = [
  template('matin', 'loc-desk', '09:00', '12:30'),
  template('soir', 'loc-desk', '17:00', '21:00'),
  template('mairie', 'loc-mairie', '14:00', '17:00'),
];

describe('ShiftDialogComponent', () => {
  let saved: ShiftDialogResult[];
  let answers: ActionOutcome[];
  let close: jest.Mock;

  async function open(data: Partial<ShiftDialogData>) {
    saved = [];
    close = jest.fn();
    const full: ShiftDialogData = {
      mode: 'create',
      date: '2026-12-01',
      locations: LOCATIONS,
      templates: TEMPLATES,
      save: async (result) => {
        saved.push(result);
        return answers.shift() ?? { ok: true, kind: 'create' };
      },
      ...data,
    };
    await TestBed.configureTestingModule({
      imports: [ShiftDialogComponent],
      providers: [
        provideI18n(),
        { provide: MAT_DIALOG_DATA, useValue: full },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(ShiftDialogComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const field = <T extends HTMLElement>(selector: string) => element.querySelector(selector) as T;
    return {
      fixture,
      element,
      field,
      async type(selector: string, value: string) {
        const input = field<HTMLInputElement | HTMLSelectElement>(selector);
        input.value = value;
        input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
        input.dispatchEvent(new Event('blur'));
        await fixture.whenStable();
      },
      async submit() {
        field<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
        await fixture.whenStable();
        await new Promise((resolve) => setTimeout(resolve));
        await fixture.whenStable();
      },
    };
  }

  beforeEach(() => {
    answers = [];
  });

  it('refuses an end before the start on the end field, unless the shift ends the next day', async () => {
    const dialog = await open({ locationId: 'loc-desk' });
    await dialog.type('input[formcontrolname="startTime"]', '22:00');
    await dialog.type('input[formcontrolname="endTime"]', '06:00');
    const end = dialog.field<HTMLInputElement>('input[formcontrolname="endTime"]');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.closest('mat-form-field')?.textContent).toContain(
      'La fin doit suivre le début (ou cochez «\u202fSe termine le lendemain\u202f»).',
    );
    await dialog.submit();
    expect(saved).toEqual([]);

    dialog.field<HTMLInputElement>('[data-testid="ends-next-day"] input').click();
    await dialog.fixture.whenStable();
    expect(end.getAttribute('aria-invalid')).toBe('false');
    await dialog.submit();
    expect(saved).toEqual([
      expect.objectContaining({ startTime: '22:00', endTime: '06:00', endsNextDay: true }),
    ]);
    expect(close).toHaveBeenCalledWith(saved[0]);
    // The end falls on the next morning, never on the same day's.
    expect(instantsOf('2026-12-01', '22:00', '06:00', true)).toEqual({
      start: '2026-12-01T22:00:00+01:00',
      end: '2026-12-02T06:00:00+01:00',
    });
  });

  it('says a shift lasts 24 h at most when the next-day end passes the start', async () => {
    const dialog = await open({ locationId: 'loc-desk' });
    dialog.field<HTMLInputElement>('[data-testid="ends-next-day"] input').click();
    await dialog.fixture.whenStable();
    await dialog.submit();
    expect(saved).toEqual([]);
    expect(
      dialog.field('input[formcontrolname="endTime"]').closest('mat-form-field')?.textContent,
    ).toContain('Un créneau dure 24 h au plus.');
  });

  it('stays open with the input and the server’s message when the save is refused', async () => {
    answers = [
      {
        ok: false,
        kind: 'create',
        isConflict: false,
        message: 'Chevauchement refusé : cette personne a déjà un créneau.',
        violations: [],
      },
    ];
    const dialog = await open({ locationId: 'loc-desk' });
    await dialog.type('input[formcontrolname="note"]', 'Permanence CAF');
    await dialog.submit();
    expect(close).not.toHaveBeenCalled();
    const alert = dialog.field('[role="alert"][data-testid="refusal"]');
    expect(alert.textContent).toContain('Enregistrement refusé, votre saisie est conservée\u00a0:');
    expect(alert.textContent).toContain('Chevauchement refusé : cette personne a déjà un créneau.');
    // Next to the buttons, the input as typed.
    expect(alert.nextElementSibling?.tagName.toLowerCase()).toBe('mat-dialog-actions');
    expect(dialog.field<HTMLInputElement>('input[formcontrolname="note"]').value).toBe(
      'Permanence CAF',
    );

    await dialog.submit();
    expect(saved).toHaveLength(2);
    expect(saved[1].note).toBe('Permanence CAF');
    expect(close).toHaveBeenCalledWith(saved[1]);
  });

  it('shows the template its times come from, and no template once the times are changed', async () => {
    const dialog = await open({ locationId: 'loc-mairie' });
    const select = dialog.field<HTMLSelectElement>('[data-testid="template"]');
    const start = dialog.field<HTMLInputElement>('input[formcontrolname="startTime"]');
    const end = dialog.field<HTMLInputElement>('input[formcontrolname="endTime"]');
    // From the Mairie's cell: the Mairie's template, shown as chosen.
    expect(select.value).toBe('mairie');
    expect([start.value, end.value]).toEqual(['14:00', '17:00']);

    await dialog.type('[data-testid="template"]', 'soir');
    expect([start.value, end.value]).toEqual(['17:00', '21:00']);
    expect(dialog.field<HTMLSelectElement>('select[formcontrolname="activity"]').value).toBe(
      'outreach',
    );
    expect(dialog.field<HTMLSelectElement>('select[formcontrolname="locationId"]').value).toBe(
      'loc-desk',
    );

    await dialog.type('input[formcontrolname="endTime"]', '20:00');
    expect(select.value).toBe('');
    expect(select.selectedOptions[0].textContent?.trim()).toBe('Aucun (horaires personnalisés)');
    await dialog.submit();
    expect(saved).toEqual([expect.objectContaining({ startTime: '17:00', endTime: '20:00' })]);
  });

  it('opens an overnight shift with “se termine le lendemain” ticked', async () => {
    const shift: Shift = {
      id: 's-night',
      siteId: 'site-sud',
      personId: 'p-awa',
      locationId: 'loc-desk',
      activity: 'accueil',
      start: '2026-12-01T22:00:00+01:00',
      end: '2026-12-02T02:00:00+01:00',
      breakMinutes: 0,
      note: null,
      version: 3,
      isChangedSincePublication: false,
    };
    const dialog = await open({ mode: 'edit', shift });
    expect(dialog.field<HTMLInputElement>('[data-testid="ends-next-day"] input').checked).toBe(
      true,
    );
    await dialog.submit();
    expect(saved).toEqual([
      expect.objectContaining({ startTime: '22:00', endTime: '02:00', endsNextDay: true }),
    ]);
  });
});
