import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { PersonDetail, PersonSummary } from '@relais/api-types';
import { provideI18n } from '../core/i18n/i18n';
import { ContractFormPage } from './contract-form.page';

const person: PersonDetail = {
  id: 'p1',
  firstName: 'Test',
  lastName: 'Contrat',
  email: null,
  jobTitle: null,
  homeSiteId: null,
  role: 'mediator',
  isAccountActive: null,
  currentContract: null,
  endingInDays: null,
  skills: [],
  contracts: [],
  absences: [],
  unavailabilities: [],
  plannedThisWeek: { week: '2026-W48', minutes: 0 },
};

const tutor: PersonSummary = {
  ...person,
  id: 't1',
  firstName: 'Fatou',
  lastName: 'Kane',
  role: 'manager',
};

describe('ContractFormPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [ContractFormPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  // Lets the store's promise chains finish, then renders.
  async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  async function openForm() {
    const fixture = TestBed.createComponent(ContractFormPage);
    fixture.componentRef.setInput('id', 'p1');
    await fixture.whenStable();
    http.expectOne('/api/people/p1').flush(person);
    http.expectOne('/api/people').flush([person, tutor]);
    http.expectOne('/api/people/p1/eligibility').flush({
      birthDate: null,
      isPecExtendedCapEligible: false,
      isOutOfWorkAtHiring: null,
      qpvName: null,
      qpvCheckedOn: null,
      prefectException: null,
      recorded: null,
    });
    await settle(fixture);
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function field(element: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement {
    const labelElement = [...element.querySelectorAll('label')].find(
      (candidate) => candidate.textContent?.trim().replace(/\s*\*$/, '') === label,
    );
    const control = labelElement && element.querySelector(`#${labelElement.htmlFor}`);
    if (!control) throw new Error(`no field labelled ${label}`);
    return control as HTMLInputElement | HTMLSelectElement;
  }

  async function fill(
    fixture: { whenStable(): Promise<unknown> },
    control: HTMLElement,
    value: string,
  ) {
    (control as HTMLInputElement).value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  async function fillPec(hours: string) {
    const { fixture, element } = await openForm();
    await fill(fixture, field(element, 'Type de contrat'), 'PEC');
    await fill(fixture, field(element, 'Début'), '2026-12-01');
    await fill(fixture, field(element, 'Fin'), '2027-11-30');
    await fill(fixture, field(element, 'Heures par semaine'), hours);
    await fill(fixture, field(element, 'Tuteur ou tutrice'), 't1');
    return { fixture, element };
  }

  it('shows the PEC 20 h floor failing for 18 h, as a word and a cross, and the duration', async () => {
    const { element } = await fillPec('18');
    const rule = element.querySelector('[data-rule="PEC_HOURS"]');
    expect(rule?.getAttribute('data-status')).toBe('fail');
    expect(rule?.textContent).toContain('✗');
    expect(rule?.textContent).toContain('non respectée');
    expect(rule?.textContent).toContain('(min 20 h)');
    expect(rule?.textContent).toContain('bloquant');
    expect(element.querySelector('[data-testid=duration]')?.textContent).toContain('12 mois');
  });

  it('passes the floor at 20 h', async () => {
    const { element } = await fillPec('20');
    expect(element.querySelector('[data-rule="PEC_HOURS"]')?.getAttribute('data-status')).toBe(
      'pass',
    );
  });

  it('lists the server’s 422 messages next to the form and stays on the page', async () => {
    const { fixture, element } = await fillPec('18');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const request = http.expectOne('/api/contracts');
    expect(request.request.body).toMatchObject({
      personId: 'p1',
      type: 'PEC',
      start: '2026-12-01',
      end: '2027-11-30',
      weeklyHours: 18,
      tutorId: 't1',
    });
    request.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Contrat refusé.',
        details: {
          violations: [
            {
              rule: 'PEC_HOURS',
              severity: 'block',
              shiftIds: [],
              message: 'PEC à 18 h par semaine : 20 h au moins.',
            },
          ],
        },
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const alert = element.querySelector('[role=alert]');
    expect(alert?.textContent).toContain('PEC à 18 h par semaine : 20 h au moins.');
    expect(navigate).not.toHaveBeenCalled();
    expect((field(element, 'Heures par semaine') as HTMLInputElement).value).toBe('18');
  });

  it('shows the field messages of a 400', async () => {
    const { fixture, element } = await fillPec('20');
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    http.expectOne('/api/contracts').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Requête invalide.',
        details: [{ field: 'start', message: 'La date de début est invalide.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(element.textContent).toContain('La date de début est invalide.');
  });

  it('does not call the server while type, start or hours are missing', async () => {
    const { fixture, element } = await openForm();
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    http.expectNone('/api/contracts');
    expect(element.textContent).toContain('Champ obligatoire.');
  });
});
