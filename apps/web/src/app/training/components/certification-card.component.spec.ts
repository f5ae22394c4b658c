import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  COMPETENCES,
  type CertificationTitleProgress,
  type PersonCertifications,
  type PersonCompetences,
} from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { CertificationCardComponent } from './certification-card.component';

const MSADS: CertificationTitleProgress = {
  code: 'MSADS',
  shortLabel: 'TP MSADS',
  label: 'Titre professionnel Médiateur social accès aux droits et services',
  rncp: 'RNCP36241',
  level: 4,
  state: 'EN_COURS',
  stateLabel: 'En cours',
  obtainedOn: null,
  blocks: [
    {
      code: 'CCP1',
      label: 'Veille sociale',
      state: 'OBTENU',
      stateLabel: 'Obtenu',
      trainingHours: 70,
      trainingModule: null,
      obtainedOn: '2027-03-12',
      obtainedBy: 'EXAMEN',
    },
    {
      code: 'CCP2',
      label: 'Médiation sociale',
      state: 'PRESENTE',
      stateLabel: 'Présenté, non obtenu',
      trainingHours: 0,
      trainingModule: null,
      obtainedOn: null,
      obtainedBy: null,
    },
    {
      code: 'CCP3',
      label: 'Activités supports',
      state: 'NON_COMMENCE',
      stateLabel: 'Non commencé',
      trainingHours: 0,
      trainingModule: null,
      obtainedOn: null,
      obtainedBy: null,
    },
  ],
  sessions: [
    {
      id: 's1',
      titleCode: 'MSADS',
      blockCodes: ['CCP2'],
      route: 'EXAMEN',
      heldOn: '2027-04-02',
      result: 'AJOURNE',
      note: null,
      recordedAt: '2027-04-03T09:00:00.000Z',
      recordedByName: 'Julien Marchetti',
    },
  ],
};

const AMIS: CertificationTitleProgress = {
  ...MSADS,
  code: 'AMIS',
  shortLabel: 'TP AMIS',
  rncp: 'RNCP37722',
  state: 'NON_COMMENCE',
  stateLabel: 'Non commencé',
  sessions: [],
};

const CERTIFICATIONS: PersonCertifications = {
  personId: 'p1',
  canRecord: true,
  titles: [MSADS, AMIS],
};

const COMPETENCES_OF: PersonCompetences = {
  personId: 'p1',
  contracts: [
    {
      contractId: 'c1',
      contractType: 'PRO',
      start: '2026-10-05',
      end: '2027-10-04',
      tutorId: 't1',
      tutorName: 'Abdoulaye Traoré',
      canRecord: true,
      assessments: [
        {
          id: 'a1',
          stage: 'ENTREE',
          stageLabel: 'Entrée',
          assessedOn: '2026-10-16',
          assessorId: 't1',
          assessorName: 'Abdoulaye Traoré',
          ratings: COMPETENCES.map((c) => ({
            code: c.code,
            level: 'EN_COURS' as const,
            label: c.label,
            levelLabel: 'En cours d’acquisition',
          })),
          note: null,
          updatedAt: '2026-10-16T10:00:00.000Z',
        },
      ],
    },
  ],
};

/** Lets the component's awaited requests resolve (they are promises, not observables). */
const settle = () => new Promise((done) => setTimeout(done));

describe('CertificationCardComponent', () => {
  async function open(certifications = CERTIFICATIONS, competences = COMPETENCES_OF) {
    await TestBed.configureTestingModule({
      imports: [CertificationCardComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CertificationCardComponent);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/pathways/p1/certifications').flush(certifications);
    http.expectOne('/api/pathways/p1/competences').flush(competences);
    await settle();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const text = (selector: string) =>
      element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { http, fixture, element, text };
  }

  it('writes out each block’s state and the sessions, with dates in words', async () => {
    const { text, element } = await open();
    expect(text('[data-testid="title-MSADS"]')).toContain('(RNCP36241, niveau 4)');
    expect(text('[data-testid="title-state-MSADS"]')).toBe('État : En cours');
    expect(text('[data-testid="block-MSADS-CCP1"]')).toContain(
      'Obtenu le 12 mars 2027 — Examen (session de validation) · 70 h de formation',
    );
    expect(text('[data-testid="block-MSADS-CCP2"]')).toContain('Présenté, non obtenu');
    expect(element.textContent).toContain('2 avril 2027 — CCP2');
    expect(element.textContent).toContain('Ajourné');
    // A title with nothing recorded stays out of the way.
    expect(element.querySelector('[data-testid="title-AMIS"]')).toBeNull();
  });

  it('says "Titre obtenu" with the day of the last block', async () => {
    const { text } = await open({
      ...CERTIFICATIONS,
      titles: [{ ...MSADS, state: 'OBTENU', stateLabel: 'Titre obtenu', obtainedOn: '2027-06-30' }],
    });
    expect(text('[data-testid="title-state-MSADS"]')).toBe('✓ Titre obtenu le 30 juin 2027');
  });

  it('sends the result HR records, with the blocks ticked', async () => {
    const { http, fixture, element } = await open();
    const date = element.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2027-05-20';
    date.dispatchEvent(new Event('input'));
    const boxes = element.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]');
    boxes[1].click();
    boxes[2].click();
    fixture.detectChanges();
    (element.querySelector('section form button[type="submit"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/pathways/p1/certifications/sessions');
    expect(request.request.body).toEqual({
      titleCode: 'MSADS',
      blockCodes: ['CCP2', 'CCP3'],
      route: 'EXAMEN',
      heldOn: '2027-05-20',
      result: 'ADMIS',
      note: null,
    });
    request.flush(
      { message: 'CCP2 du TP MSADS est déjà obtenu (le 20/05/2027).' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="session-error"]')?.textContent).toContain(
      'déjà obtenu',
    );
  });

  it('shows the competences by stage, and asks for a block before sending', async () => {
    const { http, fixture, element, text } = await open();
    // Each cell names its stage too: on a phone the table reads as a list per competence.
    expect(text('[data-testid="competences-c1"] tbody tr')).toBe(
      'Accueillir et écouter le publicEntrée : En cours d’acquisition Mi-parcours : non évaluée Sortie : non évaluée',
    );
    expect(element.textContent).toContain('Entrée : le 16 octobre 2026 par Abdoulaye Traoré');
    const date = element.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2027-05-20';
    date.dispatchEvent(new Event('input'));
    (element.querySelector('section form button[type="submit"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectNone('/api/pathways/p1/certifications/sessions');
    expect(element.querySelector('[data-testid="session-error"]')?.textContent).toContain(
      'Cochez au moins un bloc',
    );
  });

  it('lets the tutor record a stage with a level per competence', async () => {
    const { http, fixture, element } = await open();
    const forms = element.querySelectorAll('form');
    const stageForm = forms[1];
    const stage = stageForm.querySelector('select') as HTMLSelectElement;
    stage.value = 'MI_PARCOURS';
    stage.dispatchEvent(new Event('change'));
    const date = stageForm.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2027-03-01';
    date.dispatchEvent(new Event('input'));
    const first = stageForm.querySelectorAll('select')[1] as HTMLSelectElement;
    first.value = 'ACQUIS';
    first.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    (stageForm.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/contracts/c1/competences');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body.stage).toBe('MI_PARCOURS');
    expect(request.request.body.assessedOn).toBe('2027-03-01');
    expect(request.request.body.ratings[0]).toEqual({ code: 'C01', level: 'ACQUIS' });
    expect(request.request.body.ratings).toHaveLength(COMPETENCES.length);
    request.flush(COMPETENCES_OF);
    await settle();
    fixture.detectChanges();
    expect(element.textContent).toContain('Évaluation enregistrée.');
  });

  it('asks HR to name the assessor of a contract without a tutor, and sends them', async () => {
    const untutored: PersonCompetences = {
      personId: 'p1',
      contracts: [
        { ...COMPETENCES_OF.contracts[0], tutorId: null, tutorName: null, assessments: [] },
      ],
    };
    const { http, fixture, element } = await open(CERTIFICATIONS, untutored);
    http.expectOne('/api/people').flush([
      { id: 'p1', firstName: 'Nicolas', lastName: 'Ribeiro' },
      { id: 'p9', firstName: 'Mamadou', lastName: 'Sy' },
    ]);
    await settle();
    fixture.detectChanges();
    expect(element.textContent).toContain('Ce contrat n’a pas de tuteur désigné.');
    const stageForm = element.querySelectorAll('form')[1];
    const date = stageForm.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2027-03-01';
    date.dispatchEvent(new Event('input'));
    const submit = stageForm.querySelector('button[type="submit"]') as HTMLButtonElement;
    submit.click();
    fixture.detectChanges();
    http.expectNone('/api/contracts/c1/competences');
    expect(element.querySelector('[data-testid="stage-error"]')?.textContent).toContain(
      'Nommez l’évaluateur',
    );
    const assessor = [...stageForm.querySelectorAll('select')].find((select) =>
      select.textContent?.includes('Mamadou Sy'),
    ) as HTMLSelectElement;
    // The person assessed is not offered as their own assessor.
    expect(assessor.textContent).not.toContain('Ribeiro');
    assessor.value = 'p9';
    assessor.dispatchEvent(new Event('change'));
    submit.click();
    const request = http.expectOne('/api/contracts/c1/competences');
    expect(request.request.body.assessorId).toBe('p9');
  });
});
