import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { JobSearch, PartnerEmployer } from '@relais/api-types';
import { provideI18n } from '../../core/i18n/i18n';
import { JobSearchCardComponent, longDate } from './job-search-card.component';

const MINE: JobSearch = {
  personId: 'p1',
  project: {
    targetJobs: 'Agent d’accueil en CPAM',
    sector: 'Protection sociale',
    steps: 'Immersion à la CPAM\nCandidatures',
    validatedOn: '2027-03-12',
    validatedByName: 'Julien Marchetti',
  },
  immersions: [
    {
      id: 'i1',
      employerId: 'e1',
      employerName: 'CPAM de Paris',
      start: '2027-01-11',
      end: '2027-01-22',
      objective: 'CONFIRMER_PROJET',
      prescriber: 'FRANCE_TRAVAIL',
      prescriberName: null,
      conventionSignedOn: '2027-01-04',
      tutorName: 'Mme Rivière',
      isDone: true,
    },
  ],
  applications: [
    {
      id: 'a1',
      employerId: null,
      employerName: 'CAF de Paris',
      position: 'Conseiller',
      contract: 'CDD',
      sentOn: '2027-02-20',
      status: 'SANS_REPONSE',
      statusOn: '2027-03-01',
    },
  ],
  careerActions: [
    {
      id: 'c1',
      kind: 'BILAN_COMPETENCES',
      title: 'Bilan',
      provider: 'CIBC',
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      hours: 24,
      funding: null,
      status: 'EN_COURS',
    },
  ],
  canManage: false,
  canApply: true,
};

const PARTNERS: PartnerEmployer[] = [
  {
    id: 'e1',
    name: 'CPAM de Paris',
    sector: null,
    town: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    note: null,
  },
];

describe('longDate', () => {
  it('says dates as a reader does', () => {
    expect(longDate('2027-03-12')).toBe('12 mars 2027');
    expect(longDate('2027-01-01')).toBe('1 janvier 2027');
  });
});

describe('JobSearchCardComponent', () => {
  async function open(answer: JobSearch) {
    await TestBed.configureTestingModule({
      imports: [JobSearchCardComponent],
      providers: [provideI18n(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(JobSearchCardComponent);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/pathways/p1/job-search').flush(answer);
    await fixture.whenStable();
    if (answer.canManage) {
      http.expectOne('/api/partner-employers').flush(PARTNERS);
      await fixture.whenStable();
    }
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const field = (label: string) => {
      const forId = [...element.querySelectorAll('label')].find((l) =>
        l.textContent?.trim().startsWith(label),
      )?.htmlFor;
      return element.querySelector(`#${forId}`) as HTMLInputElement | HTMLSelectElement;
    };
    const type = (label: string, value: string) => {
      const input = field(label);
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    const button = (text: string) =>
      [...element.querySelectorAll('button')].find((b) =>
        b.textContent?.includes(text),
      ) as HTMLButtonElement;
    return { http, fixture, element, field, type, button };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the mediator their project, immersion, applications and actions in French words, without the HR forms', async () => {
    const { element } = await open(MINE);
    const text = element.textContent ?? '';
    expect(text).toContain('Recherche d’emploi');
    expect(text).toContain('Validé le 12 mars 2027 par Julien Marchetti');
    expect(text).toContain('CPAM de Paris, du 11 janvier 2027 au 22 janvier 2027');
    expect(text).toContain('Confirmer un projet professionnel');
    expect(text).toContain('Prescrite par France Travail');
    expect(text).toContain('Sans réponse depuis le 1 mars 2027');
    expect(text).toContain('Bilan de compétences : Bilan — En cours');
    // No raw codes on screen.
    expect(text).not.toMatch(/CONFIRMER_PROJET|SANS_REPONSE|BILAN_COMPETENCES|EN_COURS/);
    expect(text).not.toContain('Enregistrer le projet');
    expect(text).not.toContain('Enregistrer l’immersion');
    expect(text).not.toContain('Enregistrer l’action');
    expect(text).toContain('Noter la candidature');
  });

  it('lets the mediator log an application and update its status', async () => {
    const { http, fixture, type, button } = await open(MINE);
    type('Employeur', 'Mairie du 14e');
    type('Poste', 'Agent d’accueil');
    type('Contrat recherché', 'CDI');
    type('Envoyée le', '2027-03-10');
    button('Noter la candidature').click();
    const post = http.expectOne('/api/pathways/p1/applications');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      employerId: null,
      employerName: 'Mairie du 14e',
      position: 'Agent d’accueil',
      contract: 'CDI',
      sentOn: '2027-03-10',
    });
    post.flush(MINE);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('Enregistré.');

    type('Nouveau statut', 'ENTRETIEN');
    button('Mettre à jour').click();
    const patch = http.expectOne('/api/pathways/applications/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toMatchObject({ status: 'ENTRETIEN' });
    expect(patch.request.body.statusOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    patch.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Le changement ne peut pas précéder l’envoi.',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
      'Le changement ne peut pas précéder l’envoi.',
    );
  });

  it('gives HR the project, immersion and action forms, and sends the project as typed', async () => {
    const { http, fixture, element, type, button } = await open({
      ...MINE,
      project: null,
      canManage: true,
    });
    expect(element.textContent).toContain('Pas encore de projet professionnel.');
    expect(element.textContent).toContain('Enregistrer l’immersion');
    type('Métier(s) visé(s)', 'Gardien d’immeuble');
    type('Validé le', '2027-03-12');
    button('Enregistrer le projet').click();
    const put = http.expectOne('/api/pathways/p1/project');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      targetJobs: 'Gardien d’immeuble',
      sector: null,
      steps: null,
      validatedOn: '2027-03-12',
    });
    put.flush({ ...MINE, canManage: true });
    await fixture.whenStable();
  });
});
