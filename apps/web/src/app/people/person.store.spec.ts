import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Contract, PersonDetail } from '@relais/api-types';
import { PersonStore } from './person.store';

const cdd: Contract = {
  id: 'c1',
  personId: 'p1',
  type: 'CDD',
  start: '2026-01-05',
  end: '2026-06-30',
  minimumEnd: null,
  weeklyHours: 35,
  reason: 'replacement',
  renewalOf: null,
  tutorId: null,
  partTimeDerogation: null,
  derogationRequestedOn: null,
  trainingHours: null,
  conventionNumber: null,
  conventionStart: null,
  conventionEnd: null,
  isNightWorker: false,
  cycleWeeks: null,
  hasReducedInitialTerm: false,
  trainingExtension: null,
  postId: 'post1',
  postTitle: 'Médiation — accueil',
  replacedPersonId: 'p9',
  replacedPersonName: 'Mamadou Sy',
  renewalRefusedOn: null,
  status: 'ended',
  warnings: [],
  justification: null,
  endReason: null,
  plannedEnd: null,
};

const person: PersonDetail = {
  id: 'p1',
  firstName: 'Inès',
  lastName: 'Boukhari',
  email: null,
  jobTitle: null,
  homeSiteId: null,
  role: 'mediator',
  isAccountActive: true,
  currentContract: null,
  endingInDays: null,
  skills: [],
  contracts: [cdd],
  absences: [],
  unavailabilities: [],
  plannedThisWeek: { week: '2026-W48', minutes: 0 },
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PersonStore: a refused renewal (L1244-4-1)', () => {
  let store: PersonStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PersonStore],
    });
    store = TestBed.inject(PersonStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load('p1');
    http.expectOne('/api/sites').flush([]);
    http.expectOne('/api/people/p1').flush(person);
    await loading;
    http.expectOne('/api/people/p1/loans').flush([]);
  });

  it('records the day the employee refused, then shows it on the contract', async () => {
    const recording = store.recordRenewalRefusal('c1', '2026-06-20');
    const request = http.expectOne('/api/contracts/c1/renewal-refusal');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ refusedOn: '2026-06-20' });
    request.flush({ ...cdd, renewalRefusedOn: '2026-06-20' });
    await settle();
    http
      .expectOne('/api/people/p1')
      .flush({ ...person, contracts: [{ ...cdd, renewalRefusedOn: '2026-06-20' }] });
    expect(await recording).toBeNull();
    expect(store.contracts()[0]).toMatchObject({
      renewalRefusedOn: '2026-06-20',
      postTitle: 'Médiation — accueil',
      replacedPersonName: 'Mamadou Sy',
    });
  });

  it('offers everyone but the person as the one a replacement CDD replaces, by name', async () => {
    const loading = store.replaceablePeople();
    http
      .expectOne('/api/people')
      .flush([
        { ...person, id: 'p3', firstName: 'Sophie', lastName: 'Lemaire' },
        person,
        { ...person, id: 'p2', firstName: 'Mamadou', lastName: 'Sy' },
      ]);
    expect(await loading).toEqual([
      { id: 'p2', name: 'Mamadou Sy' },
      { id: 'p3', name: 'Sophie Lemaire' },
    ]);
  });

  it('returns the server’s reason when the refusal is refused', async () => {
    const recording = store.recordRenewalRefusal('c1', '2026-07-01');
    http.expectOne('/api/contracts/c1/renewal-refusal').flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Le refus (01/07/2026) suit la fin du contrat (30/06/2026).',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(await recording).toContain('suit la fin du contrat');
    expect(store.contracts()[0].renewalRefusedOn).toBeNull();
  });
});
