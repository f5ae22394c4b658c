import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18n } from '../../core/i18n/i18n';
import { PlannerActions } from '../planner-actions';
import { describeViolation } from '../rota.model';
import { RotaStore } from '../rota.store';
import { ViolationsPanelComponent } from './violations-panel.component';

const NOTICE = describeViolation({
  rule: 'PART_TIME_NOTICE',
  severity: 'block',
  personId: 'p-lea',
  shiftIds: ['shift-1'],
  message:
    'Modification publiée le 05/12/2026 pour le 08/12/2026 : 1 jours ouvrés de prévenance (minimum 7, C. trav., art. L3123-31 ; sans délai avec l’accord écrit de la personne).',
});

describe('ViolationsPanelComponent', () => {
  const recorded: { personId: string; reference: string }[] = [];
  let outcome: { ok: true } | { ok: false; message: string | null } = { ok: true };

  beforeEach(async () => {
    recorded.length = 0;
    outcome = { ok: true };
    const store: Partial<Record<keyof RotaStore, unknown>> = {
      week: signal(null),
      shifts: signal([]),
      fixes: signal(new Map()),
      isLoadingFixes: signal(false),
      loadFixes: () => Promise.resolve(),
      recordNoticeAgreement: (personId: string, reference: string) => {
        recorded.push({ personId, reference });
        return Promise.resolve(outcome);
      },
    };
    await TestBed.configureTestingModule({
      imports: [ViolationsPanelComponent],
      providers: [
        provideI18n(),
        { provide: RotaStore, useValue: store },
        { provide: PlannerActions, useValue: {} },
      ],
    }).compileComponents();
  });

  function render() {
    const fixture = TestBed.createComponent(ViolationsPanelComponent);
    fixture.componentRef.setInput('violations', [NOTICE]);
    fixture.componentRef.setInput('names', new Map([['p-lea', 'Léa Fontaine']]));
    fixture.detectChanges();
    return fixture;
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('records the person’s written agreement to a change that lacks the notice (Cass. soc. 9 nov. 2016)', async () => {
    const fixture = render();
    const root: HTMLElement = fixture.nativeElement;
    const open = [...root.querySelectorAll('button')].find((button) =>
      button.textContent?.includes('Accord écrit de la personne reçu'),
    ) as HTMLButtonElement;
    open.click();
    fixture.detectChanges();

    // Nothing typed: refused with the reason, nothing sent.
    (root.querySelector('form.agreement') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
    expect(root.querySelector('form.agreement [role="alert"]')?.textContent).toContain(
      'Cass. soc. 9 nov. 2016',
    );
    expect(recorded).toEqual([]);

    const input = root.querySelector('form.agreement input') as HTMLInputElement;
    input.value = 'Accord signé le 5 décembre';
    input.dispatchEvent(new Event('input'));
    (root.querySelector('form.agreement') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
    expect(recorded).toEqual([{ personId: 'p-lea', reference: 'Accord signé le 5 décembre' }]);
    expect(root.querySelector('form.agreement')).toBeNull();
  });

  it('keeps the form open with the server’s refusal', async () => {
    outcome = { ok: false, message: 'Aucune modification des créneaux publiés de cette personne.' };
    const fixture = render();
    const root: HTMLElement = fixture.nativeElement;
    (
      [...root.querySelectorAll('button')].find((button) =>
        button.textContent?.includes('Accord écrit'),
      ) as HTMLButtonElement
    ).click();
    fixture.detectChanges();
    const input = root.querySelector('form.agreement input') as HTMLInputElement;
    input.value = 'Accord';
    input.dispatchEvent(new Event('input'));
    (root.querySelector('form.agreement') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
    expect(root.querySelector('form.agreement [role="alert"]')?.textContent).toContain(
      'Aucune modification',
    );
  });
});
