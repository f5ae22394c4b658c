import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PersonEligibility } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { EligibilityCardComponent } from './eligibility-card.component';

const FACTS: PersonEligibility = {
  birthDate: '1990-04-12',
  isPecExtendedCapEligible: false,
  isOutOfWorkAtHiring: null,
  qpvName: null,
  qpvCheckedOn: null,
  prefectException: null,
  isStudent: null,
  recorded: { at: '2026-12-01T09:30:00.000Z', byName: 'Julien Marchetti' },
};

describe('EligibilityCardComponent', () => {
  async function open() {
    await TestBed.configureTestingModule({
      imports: [EligibilityCardComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(EligibilityCardComponent);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/people/p1/eligibility').flush(FACTS);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const field = (label: string) => {
      const forId = [...element.querySelectorAll('label')].find((l) =>
        l.textContent?.includes(label),
      )?.htmlFor;
      return element.querySelector(`#${forId}`) as HTMLInputElement | HTMLSelectElement;
    };
    return { http, fixture, element, field };
  }

  it('shows the recorded facts and who recorded them', async () => {
    const { element, field } = await open();
    expect(field('Date de naissance').value).toBe('1990-04-12');
    expect(field('Sans emploi ou en PEC').value).toBe('unknown');
    expect(element.textContent).toContain('Enregistrée le 01/12/2026 10:30 par Julien Marchetti.');
  });

  it('sends every fact, null where unchecked, and says so once saved', async () => {
    const { http, fixture, element, field } = await open();
    const out = field('Sans emploi ou en PEC') as HTMLSelectElement;
    out.value = 'yes';
    out.dispatchEvent(new Event('change'));
    const student = field('Poursuit des études') as HTMLSelectElement;
    student.value = 'no';
    student.dispatchEvent(new Event('change'));
    const qpv = field('Quartier prioritaire') as HTMLInputElement;
    qpv.value = 'Porte de Vanves';
    qpv.dispatchEvent(new Event('input'));
    const checked = field('Résidence vérifiée le') as HTMLInputElement;
    checked.value = '2026-11-20';
    checked.dispatchEvent(new Event('input'));
    (element.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/people/p1/eligibility');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      birthDate: '1990-04-12',
      isPecExtendedCapEligible: false,
      isOutOfWorkAtHiring: true,
      qpvName: 'Porte de Vanves',
      qpvCheckedOn: '2026-11-20',
      prefectException: null,
      isStudent: false,
    });
    request.flush({
      ...FACTS,
      isOutOfWorkAtHiring: true,
      qpvName: 'Porte de Vanves',
      qpvCheckedOn: '2026-11-20',
    });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Éligibilité enregistrée.',
    );
  });

  it('keeps what was typed and shows the server’s refusal next to the form', async () => {
    const { http, fixture, element, field } = await open();
    const qpv = field('Quartier prioritaire') as HTMLInputElement;
    qpv.value = 'Porte de Vanves';
    qpv.dispatchEvent(new Event('input'));
    (element.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    http.expectOne('/api/people/p1/eligibility').flush(
      {
        statusCode: 422,
        message:
          'Le quartier prioritaire (QPV) se note avec la date de la vérification de la résidence.',
        details: [{ field: 'qpvCheckedOn', message: 'le quartier et la date vont ensemble' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'se note avec la date de la vérification',
    );
    expect(field('Quartier prioritaire').value).toBe('Porte de Vanves');
  });
});
