import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ContractObligation, ContractObligations } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { ObligationsCardComponent } from './obligations-card.component';

const PRESCRIBER: ContractObligation = {
  code: 'PEC_PRESCRIBER',
  title: 'Prescripteur et référent du parcours',
  basis: 'L5134-19-1',
  due: '2027-03-12',
  window: null,
  status: 'en_retard',
  fulfilment: 'record',
  progress: null,
  remark: null,
  record: null,
};

const TRIPARTITE: ContractObligation = {
  code: 'PEC_TRIPARTITE',
  title: 'Entretien tripartite à la signature (prescripteur, employeur, salarié)',
  basis: 'Circulaire DGEFP 2018-11',
  due: '2027-03-12',
  window: null,
  status: 'fait',
  fulfilment: 'record',
  progress: null,
  remark: null,
  record: {
    id: 'r-tripartite',
    doneOn: '2027-03-10',
    outcome: null,
    reference: null,
    moduleCodes: [],
    evidence: 'Compte rendu signé du 10 mars',
    recordedBy: 'Julien Marchetti',
    recordedAt: '2027-03-11T09:00:00.000Z',
  },
};

const ACTIONS: ContractObligation = {
  code: 'PEC_ACTIONS',
  title: 'Actions de formation et d’accompagnement déclarées dans la demande d’aide',
  basis: 'L5134-22',
  due: '2028-03-11',
  window: null,
  status: 'a_venir',
  fulfilment: 'record',
  progress: '1 formation sur 2 suivie',
  remark: 'Reste à suivre : M04.',
  record: {
    id: 'r-actions',
    doneOn: '2027-03-05',
    outcome: null,
    reference: null,
    moduleCodes: ['M01', 'M04'],
    evidence: null,
    recordedBy: 'Julien Marchetti',
    recordedAt: '2027-03-05T14:30:00.000Z',
  },
};

const EXIT_INTERVIEW: ContractObligation = {
  code: 'PEC_EXIT_INTERVIEW',
  title: 'Entretien de sortie, avec ses conclusions',
  basis: 'Circulaire DGEFP 2018-11',
  due: '2028-02-11',
  window: { from: '2027-12-11', to: '2028-02-11' },
  status: 'a_venir',
  fulfilment: 'record',
  progress: null,
  remark: null,
  record: null,
};

const PEC: ContractObligations = {
  personId: 'p1',
  contractId: 'c-pec-1',
  contractType: 'PEC',
  items: [PRESCRIBER, TRIPARTITE, ACTIONS, EXIT_INTERVIEW],
};

const PRO: ContractObligations = {
  personId: 'p1',
  contractId: 'c-pro-1',
  contractType: 'PRO',
  items: [
    {
      code: 'PRO_OPCO',
      title: 'OPCO et organisme de formation',
      basis: 'L6325-13',
      due: '2026-10-05',
      window: null,
      status: 'en_retard',
      fulfilment: 'record',
      progress: null,
      remark: null,
      record: null,
    },
    {
      code: 'PRO_TUTOR',
      title: 'Tuteur désigné, qui suit 3 salariés au plus',
      basis: 'D6325-6, D6325-9',
      due: '2026-10-05',
      window: null,
      status: 'fait',
      fulfilment: 'fact',
      progress: '2 salariés suivis',
      remark: null,
      record: null,
    },
  ],
};

/** Lets the component's awaited requests resolve (they are promises, not observables). */
const settle = () => new Promise((done) => setTimeout(done));

const squash = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

describe('ObligationsCardComponent', () => {
  async function open(answer: ContractObligations | null = PEC, isHr = false) {
    await TestBed.configureTestingModule({
      imports: [ObligationsCardComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ObligationsCardComponent);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.componentRef.setInput('isHr', isHr);
    fixture.detectChanges();
    const request = http.expectOne('/api/pathways/p1/obligations');
    expect(request.request.method).toBe('GET');
    request.flush(answer);
    await settle();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const item = (code: string) => element.querySelector(`li[data-code="${code}"]`) as HTMLElement;
    const text = (code: string, selector: string) =>
      squash(item(code)?.querySelector(selector)?.textContent);
    const buttons = (scope: HTMLElement = element) =>
      [...scope.querySelectorAll('button')].map((button) => squash(button.textContent));
    const button = (scope: HTMLElement, label: string) =>
      [...scope.querySelectorAll('button')].find(
        (candidate) => squash(candidate.textContent) === label,
      ) as HTMLButtonElement;
    return { http, fixture, element, item, text, buttons, button };
  }

  /** HR opens the prescriber's form and types a date, the prescriber and the référent. */
  async function fillPrescriber() {
    const opened = await open(PEC, true);
    const { fixture, item, button } = opened;
    button(item('PEC_PRESCRIBER'), 'Enregistrer').click();
    fixture.detectChanges();
    const form = item('PEC_PRESCRIBER').querySelector('form') as HTMLFormElement;
    const date = form.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2027-03-15';
    date.dispatchEvent(new Event('input'));
    const outcome = form.querySelector('select') as HTMLSelectElement;
    outcome.value = 'france_travail';
    outcome.dispatchEvent(new Event('change'));
    const reference = form.querySelector('input[formcontrolname="reference"]') as HTMLInputElement;
    reference.value = '  Mme Lefèvre, conseillère France Travail  ';
    reference.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const request = opened.http.expectOne('/api/contracts/c-pec-1/obligations');
    return { ...opened, form, date, outcome, reference, request };
  }

  it('lists each obligation with its state, due date or window, progress and remark', async () => {
    const { element, item, text } = await open();
    expect(squash(element.querySelector('h2')?.textContent)).toBe('Obligations du contrat');
    expect([...element.querySelectorAll('li')].map((li) => li.dataset['code'])).toEqual([
      'PEC_PRESCRIBER',
      'PEC_TRIPARTITE',
      'PEC_ACTIONS',
      'PEC_EXIT_INTERVIEW',
    ]);

    expect(text('PEC_PRESCRIBER', '.state')).toBe('en retard');
    expect(text('PEC_PRESCRIBER', '.what')).toBe('Prescripteur et référent du parcours');
    expect(text('PEC_PRESCRIBER', '.basis')).toBe('(L5134-19-1)');
    expect(text('PEC_PRESCRIBER', '.when')).toBe('Échéance : 12/03/2027');
    expect(item('PEC_PRESCRIBER').querySelector('.record')).toBeNull();

    expect(text('PEC_TRIPARTITE', '.state')).toBe('fait');
    expect(text('PEC_TRIPARTITE', '.record')).toBe(
      'Entretien tenu le 10/03/2027 Preuve : Compte rendu signé du 10 mars ' +
        'Enregistré par Julien Marchetti le 11/03/2027',
    );

    expect(text('PEC_ACTIONS', '.state')).toBe('à venir');
    expect(text('PEC_ACTIONS', '.when')).toBe('Échéance : 11/03/2028');
    expect(text('PEC_ACTIONS', '.progress')).toBe('1 formation sur 2 suivie');
    expect(text('PEC_ACTIONS', '.remark')).toBe('Reste à suivre : M04.');
    expect(text('PEC_ACTIONS', '.record')).toContain('Demande d’aide du 05/03/2027 — M01, M04');

    expect(text('PEC_EXIT_INTERVIEW', '.state')).toBe('à venir');
    expect(text('PEC_EXIT_INTERVIEW', '.when')).toBe(
      'À faire entre le 11/12/2027 et le 11/02/2028',
    );
    expect(item('PEC_EXIT_INTERVIEW').querySelector('.progress')).toBeNull();
    expect(item('PEC_EXIT_INTERVIEW').querySelector('.remark')).toBeNull();
  });

  it('says so when the person has no contract', async () => {
    const { element } = await open(null);
    expect(element.querySelector('ul')).toBeNull();
    expect(squash(element.textContent)).toContain('Aucun contrat enregistré.');
  });

  it('says so when the contract brings no obligation to follow', async () => {
    const { element } = await open({ ...PEC, items: [] });
    expect(element.querySelector('ul')).toBeNull();
    expect(squash(element.textContent)).toContain(
      'Ce contrat n’apporte pas d’obligation particulière à suivre ici.',
    );
  });

  it('shows the server’s message when the obligations cannot be read', async () => {
    await TestBed.configureTestingModule({
      imports: [ObligationsCardComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ObligationsCardComponent);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.detectChanges();
    http
      .expectOne('/api/pathways/p1/obligations')
      .flush({ message: 'Accès refusé.' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(squash(element.querySelector('[role="alert"]')?.textContent)).toBe('✖ Accès refusé.');
    expect(element.textContent).not.toContain('Aucun contrat enregistré.');
  });

  it('lets HR record the prescriber, sends it and shows the new list', async () => {
    const { fixture, element, item, text, buttons, form, request } = await fillPrescriber();
    expect(form.getAttribute('aria-label')).toBe('Prescripteur et référent du parcours');
    expect(squash(form.textContent)).toContain('Convention signée le');
    expect(squash(form.textContent)).toContain('Référent chez le prescripteur');
    const options = [...form.querySelectorAll('option')].map((option) =>
      squash(option.textContent),
    );
    expect(options).toEqual([
      '',
      'France Travail',
      'Mission locale',
      'Cap emploi',
      'Conseil départemental',
    ]);
    let changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);

    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      code: 'PEC_PRESCRIBER',
      doneOn: '2027-03-15',
      outcome: 'france_travail',
      reference: 'Mme Lefèvre, conseillère France Travail',
      moduleCodes: [],
      evidence: null,
    });
    request.flush({
      ...PEC,
      items: [
        {
          ...PRESCRIBER,
          status: 'fait',
          record: {
            id: 'r-prescriber',
            doneOn: '2027-03-15',
            outcome: 'france_travail',
            reference: 'Mme Lefèvre, conseillère France Travail',
            moduleCodes: [],
            evidence: null,
            recordedBy: 'Julien Marchetti',
            recordedAt: '2027-03-15T10:00:00.000Z',
          },
        },
        TRIPARTITE,
        ACTIONS,
        EXIT_INTERVIEW,
      ],
    } satisfies ContractObligations);
    await settle();
    fixture.detectChanges();

    expect(element.querySelector('form')).toBeNull();
    expect(text('PEC_PRESCRIBER', '.state')).toBe('fait');
    expect(text('PEC_PRESCRIBER', '.record')).toBe(
      'Convention signée le 15/03/2027 — France Travail — Mme Lefèvre, conseillère France Travail ' +
        'Enregistré par Julien Marchetti le 15/03/2027',
    );
    expect(buttons(item('PEC_PRESCRIBER'))).toEqual(['Corriger', 'Annuler l’enregistrement']);
    expect(squash(element.querySelector('[role="status"]')?.textContent)).toBe(
      '✓ Enregistré : Prescripteur et référent du parcours.',
    );
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(changed).toBe(1);
  });

  it('keeps what was typed when the server refuses, and says why', async () => {
    const { fixture, item, form, date, outcome, reference, request } = await fillPrescriber();
    request.flush(
      {
        message: 'Référent chez le prescripteur : à renseigner.',
        details: [{ field: 'reference', message: 'requis' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    fixture.detectChanges();

    expect(item('PEC_PRESCRIBER').querySelector('form')).toBe(form);
    expect(date.value).toBe('2027-03-15');
    expect(outcome.value).toBe('france_travail');
    expect(reference.value).toBe('  Mme Lefèvre, conseillère France Travail  ');
    expect(squash(form.querySelector('[role="alert"]')?.textContent)).toBe(
      '✖ Référent chez le prescripteur : à renseigner.',
    );
    expect(fixture.nativeElement.querySelector('[role="status"]')).toBeNull();
    expect((form.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false);
  });

  // Known bug: the API refuses with a 422 (apps/api/src/common/refuse.ts), but `fieldErrors`
  // (people.store.ts) reads `details` of a 400 only, so nothing shows under the field.
  // Turn this back into `it` once the component reads the details of a 422.
  it('shows the 422’s detail under the field it names', async () => {
    const { fixture, form, request } = await fillPrescriber();
    request.flush(
      {
        message: 'Référent chez le prescripteur : à renseigner.',
        details: [{ field: 'reference', message: 'requis' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    fixture.detectChanges();
    const field = form
      .querySelector('input[formcontrolname="reference"]')
      ?.closest('mat-form-field');
    expect(field).not.toBeNull();
    expect(squash(field?.querySelector('mat-error')?.textContent)).toBe('requis');
  });

  it('shows a 400’s detail under the field it names', async () => {
    const { fixture, form, request } = await fillPrescriber();
    request.flush(
      { message: 'Données invalides.', details: [{ field: 'doneOn', message: 'date invalide' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    fixture.detectChanges();
    const field = form.querySelector('input[type="date"]')?.closest('mat-form-field');
    expect(field).not.toBeNull();
    expect(squash(field?.querySelector('mat-error')?.textContent)).toBe('date invalide');
    expect(squash(form.querySelector('[role="alert"]')?.textContent)).toBe('✖ Données invalides.');
  });

  it('offers no button to someone who is not HR', async () => {
    const { element, buttons } = await open(PEC, false);
    expect(element.querySelectorAll('li')).toHaveLength(4);
    expect(buttons()).toEqual([]);
    expect(element.querySelector('form')).toBeNull();
  });

  it('never offers to record an obligation that follows from facts, even to HR', async () => {
    const { item, text, buttons } = await open(PRO, true);
    expect(text('PRO_TUTOR', '.state')).toBe('fait');
    expect(text('PRO_TUTOR', '.progress')).toBe('2 salariés suivis');
    expect(buttons(item('PRO_TUTOR'))).toEqual([]);
    expect(buttons(item('PRO_OPCO'))).toEqual(['Enregistrer']);
  });
});
