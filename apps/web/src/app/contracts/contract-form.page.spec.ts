import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { PersonDetail, PersonSummary, PostDetail, Site } from '@relais/api-types';
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

  async function openForm(sites: Site[] = []) {
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
    http.expectOne('/api/sites').flush(sites);
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

  it('runs the délai de carence on the chosen post and sends the post and the replaced person', async () => {
    const site = {
      id: 's1',
      code: 'S',
      name: 'Paris Sud',
      address: '',
      isFranceServices: true,
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      locations: [],
      sundayDerogation: null,
    } satisfies Site;
    const post: PostDetail = {
      id: 'post1',
      siteId: 's1',
      title: 'Médiation — accueil',
      contracts: [
        {
          id: 'other1',
          personId: 'p2',
          personName: 'Karim Haddad',
          type: 'CDD',
          start: '2026-06-01',
          end: '2026-06-30',
          reason: 'temporary_increase',
          renewalOf: null,
          replacedPersonId: null,
          replacedPersonName: null,
          endReason: null,
          renewalRefusedOn: null,
        },
      ],
    };
    const { fixture, element } = await openForm([site]);
    await fill(fixture, field(element, 'Site du poste'), 's1');
    http.expectOne('/api/posts?siteId=s1').flush([post]);
    await settle(fixture);
    await fill(fixture, field(element, 'Poste pourvu'), 'post1');
    http.expectOne('/api/posts/post1').flush(post);
    await settle(fixture);
    expect(element.querySelector('[data-testid=post-history]')?.textContent).toContain(
      'Karim Haddad',
    );
    await fill(fixture, field(element, 'Type de contrat'), 'CDD');
    await fill(fixture, field(element, 'Motif du CDD'), 'replacement');
    await fill(fixture, field(element, 'Personne remplacée'), 't1');
    await fill(fixture, field(element, 'Début'), '2026-07-15');
    await fill(fixture, field(element, 'Fin'), '2026-09-30');
    await fill(fixture, field(element, 'Heures par semaine'), '35');
    const rule = element.querySelector('[data-rule="CDD_WAITING_PERIOD"]');
    expect(rule?.getAttribute('data-status')).toBe('fail');
    expect(rule?.textContent).toContain('16/07/2026');
    await fill(fixture, field(element, 'Début'), '2026-07-16');
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(http.expectOne('/api/contracts').request.body).toMatchObject({
      type: 'CDD',
      reason: 'replacement',
      postId: 'post1',
      replacedPersonId: 't1',
      start: '2026-07-16',
    });
  });

  it('does not call the server while type, start or hours are missing', async () => {
    const { fixture, element } = await openForm();
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    http.expectNone('/api/contracts');
    expect(element.textContent).toContain('Champ obligatoire.');
  });
});
