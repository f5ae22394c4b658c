import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Contract, PersonDetail, PostDetail, Site } from '@relais/api-types';
import {
  contractDuration,
  ContractFormStore,
  ContractFormValue,
  EMPTY_CONTRACT_FORM,
  limitsFor,
  toDraft,
  toRequest,
  visibleFields,
} from './contract-form.store';

const previous: Contract = {
  id: 'c1',
  personId: 'p1',
  type: 'CDD',
  start: '2026-01-05',
  end: '2026-06-30',
  minimumEnd: null,
  weeklyHours: 35,
  reason: 'temporary_increase',
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
  postId: null,
  replacedPersonId: null,
  renewalRefusedOn: null,
  status: 'ended',
  warnings: [],
  justification: null,
  endReason: null,
  plannedEnd: null,
};

const person: PersonDetail = {
  id: 'p1',
  firstName: 'Awa',
  lastName: 'Diallo',
  email: null,
  jobTitle: null,
  homeSiteId: null,
  role: 'mediator',
  isAccountActive: true,
  currentContract: null,
  endingInDays: null,
  skills: [],
  contracts: [previous],
  absences: [],
  unavailabilities: [],
  plannedThisWeek: { week: '2026-W48', minutes: 0 },
};

const site: Site = {
  id: 's1',
  code: 'S',
  name: 'Paris Sud',
  address: '',
  isFranceServices: true,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  locations: [],
  sundayDerogation: null,
};

// Someone else held the post 1–30 June 2026 (30 days): ⅓ = 10 opening days, 14 July closed,
// so a new CDD on the post may start on 16 July 2026 (L1244-3, L1244-3-1).
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
      reason: 'replacement',
      renewalOf: null,
      replacedPersonId: 'absent1',
      replacedPersonName: 'Mamadou Sy',
      endReason: null,
      renewalRefusedOn: null,
    },
  ],
};

const onPost = (start: string, extra: Partial<ContractFormValue> = {}): ContractFormValue => ({
  ...EMPTY_CONTRACT_FORM,
  type: 'CDD',
  reason: 'temporary_increase',
  start,
  end: '2026-12-31',
  weeklyHours: 35,
  siteId: 's1',
  postId: 'post1',
  ...extra,
});

/** Lets the store's promise chains finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ContractFormStore', () => {
  let store: ContractFormStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ContractFormStore],
    });
    store = TestBed.inject(ContractFormStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load('p1');
    http.expectOne('/api/people/p1').flush(person);
    http.expectOne('/api/people').flush([]);
    http.expectOne('/api/people/p1/eligibility').flush({
      birthDate: null,
      isPecExtendedCapEligible: false,
      isOutOfWorkAtHiring: null,
      qpvName: null,
      qpvCheckedOn: null,
      prefectException: null,
      recorded: null,
    });
    http.expectOne('/api/sites').flush([site]);
    await loading;
  });

  it('reads the chosen post’s earlier contracts, whoever held them, for the délai de carence', async () => {
    store.update(onPost('2026-07-15', { siteId: 's1', postId: '' }));
    http.expectOne('/api/posts?siteId=s1').flush([post]);
    await settle();
    expect(store.posts().map((one) => one.title)).toEqual(['Médiation — accueil']);
    store.update(onPost('2026-07-15'));
    http.expectOne('/api/posts/post1').flush(post);
    await settle();
    expect(store.limits()?.find((limit) => limit.rule === 'CDD_WAITING_PERIOD')).toMatchObject({
      status: 'fail',
      severity: 'warn',
      label: 'Délai de carence : 10 jours d’ouverture, début possible le 16/07/2026',
    });
    expect(store.needsJustification()).toBe(true);
    store.update(onPost('2026-07-16'));
    expect(store.limits()?.find((limit) => limit.rule === 'CDD_WAITING_PERIOD')?.status).toBe(
      'pass',
    );
  });

  it('creates a post on the chosen site and offers it at once', async () => {
    store.update(onPost('2026-07-16', { postId: '' }));
    http.expectOne('/api/posts?siteId=s1').flush([post]);
    await settle();
    const creating = store.createPost('  Médiation numérique ');
    const request = http.expectOne('/api/posts');
    expect(request.request.body).toEqual({ siteId: 's1', title: 'Médiation numérique' });
    request.flush({ id: 'post2', siteId: 's1', title: 'Médiation numérique' });
    expect(await creating).toMatchObject({ id: 'post2' });
    expect(store.posts().map((one) => one.title)).toEqual([
      'Médiation — accueil',
      'Médiation numérique',
    ]);
  });

  it('shows why a post was not created', async () => {
    store.update(onPost('2026-07-16', { postId: '' }));
    http.expectOne('/api/posts?siteId=s1').flush([]);
    const creating = store.createPost('Médiation — accueil');
    http
      .expectOne('/api/posts')
      .flush(
        { message: 'Le site Paris Sud a déjà un poste « Médiation — accueil ».' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(await creating).toBeNull();
    expect(store.postError()).toContain('déjà un poste');
  });

  it('waits for type, dates and hours before checking anything', () => {
    store.update({ ...EMPTY_CONTRACT_FORM, type: 'PEC', start: '2026-12-01' });
    expect(store.limits()).toBeNull();
  });

  it('recomputes the limits on every change: a PEC at 18 h fails the 20 h floor, 20 h passes', () => {
    const pec = {
      ...EMPTY_CONTRACT_FORM,
      type: 'PEC' as const,
      start: '2026-12-01',
      end: '2027-11-30',
      weeklyHours: 18,
      tutorId: 't1',
    };
    store.update(pec);
    expect(store.limits()?.find((limit) => limit.rule === 'PEC_HOURS')).toMatchObject({
      status: 'fail',
      severity: 'block',
      legalRef: 'C. trav., art. L5134-26',
    });
    store.update({ ...pec, weeklyHours: 20 });
    expect(store.limits()?.find((limit) => limit.rule === 'PEC_HOURS')?.status).toBe('pass');
    expect(store.failedLimits()).toEqual([]);
  });

  it('counts renewals from the person’s stored contracts', () => {
    store.update({
      ...EMPTY_CONTRACT_FORM,
      type: 'CDD',
      start: '2026-07-01',
      end: '2026-12-31',
      weeklyHours: 35,
      renewalOf: 'c1',
    });
    expect(store.limits()?.find((limit) => limit.rule === 'CDD_MAX_RENEWALS')?.label).toBe(
      'Renouvellements : 1 sur 2',
    );
  });
});

describe('limitsFor a CDD on a post (délai de carence, L1244-3)', () => {
  const carence = (value: ContractFormValue, detail: PostDetail = post, at: Site = site) =>
    limitsFor(value, { id: 'p1' }, [previous], { post: detail, site: at })?.find(
      (limit) => limit.rule === 'CDD_WAITING_PERIOD',
    );

  it('flags a start one opening day inside, not the first day after', () => {
    expect(carence(onPost('2026-07-15'))?.status).toBe('fail');
    expect(carence(onPost('2026-07-16'))?.status).toBe('pass');
  });

  it('counts the days the post’s site opens', () => {
    const threeDays: Site = {
      ...site,
      openingHours: [1, 2, 3].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    };
    // Monday to Wednesday: 1, 6–8, 13, 15 (14 closed), 20–22, 27 July → from 28 July.
    expect(carence(onPost('2026-07-27'), post, threeDays)?.status).toBe('fail');
    expect(carence(onPost('2026-07-28'), post, threeDays)?.status).toBe('pass');
    expect(carence(onPost('2026-07-27'))?.status).toBe('pass');
  });

  it('lifts it for a new absence of the same replaced employee only (L1244-4-1 1°)', () => {
    const replacing = (who: string) =>
      onPost('2026-07-01', { reason: 'replacement', replacedPersonId: who });
    expect(carence(replacing('absent1'))?.status).toBe('pass');
    expect(carence(replacing('absent2'))?.status).toBe('fail');
  });

  it('lifts it after a renewal the employee refused (L1244-4-1)', () => {
    const refused: PostDetail = {
      ...post,
      contracts: [{ ...post.contracts[0], renewalRefusedOn: '2026-06-20' }],
    };
    expect(carence(onPost('2026-07-01'), refused)).toMatchObject({
      status: 'pass',
      label: expect.stringContaining('renouvellement refusé'),
    });
  });
});

describe('limitsFor an adulte-relais', () => {
  const value = {
    ...EMPTY_CONTRACT_FORM,
    type: 'ADULTE_RELAIS' as const,
    start: '2027-01-04',
    end: '2030-01-03',
    weeklyHours: 35,
    conventionEnd: '2030-06-30',
  };
  const labels = (facts: object) =>
    (limitsFor(value, { id: 'p1', ...facts }, []) ?? [])
      .filter((limit) => limit.rule === 'ADULTE_RELAIS')
      .map((limit) => [limit.label, limit.status]);

  it('reads the hiring facts HR recorded, as the server does', () => {
    expect(
      labels({
        birthDate: '1990-04-12',
        isOutOfWorkAtHiring: true,
        qpvName: 'Porte de Vanves',
        qpvCheckedOn: '2026-12-01',
      }),
    ).toEqual([
      ['Âge à l’embauche : 36 ans (min 26)', 'pass'],
      ['Sans emploi ou en PEC à l’embauche : vérifié', 'pass'],
      ['Résidence en QPV (Porte de Vanves) vérifiée le 01/12/2026', 'pass'],
      ['Adulte-relais : fin max 03/01/2030', 'pass'],
      ['Renouvellements : 0 sur 1', 'pass'],
      ['Fin au plus tard à la fin de la convention (30/06/2030)', 'pass'],
    ]);
  });

  it('says what is left to check when nothing was recorded', () => {
    expect(labels({}).filter(([, status]) => status === 'fail')).toEqual([
      ['Âge à l’embauche : date de naissance requise', 'fail'],
      ['Sans emploi ou en PEC à l’embauche : à vérifier', 'fail'],
      ['Résidence en QPV : à vérifier', 'fail'],
    ]);
  });
});

describe('contractDuration', () => {
  it('counts whole months then days, the end day included', () => {
    expect(contractDuration('2027-01-01', '2027-09-15')).toEqual({ months: 8, days: 15 });
    expect(contractDuration('2026-12-01', '2027-11-30')).toEqual({ months: 12, days: 0 });
    expect(contractDuration('2026-12-01', '2026-12-10')).toEqual({ months: 0, days: 10 });
    expect(contractDuration('2026-12-10', '2026-12-01')).toBeNull();
  });
});

describe('toRequest', () => {
  it('leaves out the fields the chosen type does not use', () => {
    const request = toRequest('p1', {
      ...EMPTY_CONTRACT_FORM,
      type: 'CDI',
      start: '2027-01-01',
      end: '2027-12-31',
      minimumEnd: '2027-06-30',
      weeklyHours: 35,
      tutorId: 't1',
      conventionNumber: 'AR-1',
    });
    expect(request).toMatchObject({
      type: 'CDI',
      end: null,
      minimumEnd: null,
      tutorId: null,
      conventionNumber: null,
    });
  });

  it('sends a replacement CDD without a precise term with its minimum duration, no end', () => {
    const value = {
      ...EMPTY_CONTRACT_FORM,
      type: 'CDD' as const,
      reason: 'replacement',
      start: '2027-01-01',
      end: '2027-03-31',
      minimumEnd: '2027-02-28',
      weeklyHours: 35,
    };
    expect(visibleFields(value)).toMatchObject({ end: true, withoutTerm: true, minimumEnd: false });
    expect(toRequest('p1', value)).toMatchObject({ end: '2027-03-31', minimumEnd: null });
    const withoutTerm = { ...value, withoutTerm: true };
    expect(visibleFields(withoutTerm)).toMatchObject({ end: false, minimumEnd: true });
    expect(toRequest('p1', withoutTerm)).toMatchObject({ end: null, minimumEnd: '2027-02-28' });
    // Only a replacement may lack a term (L1242-7).
    expect(visibleFields({ ...withoutTerm, reason: 'temporary_increase' })).toMatchObject({
      end: true,
      withoutTerm: false,
      minimumEnd: false,
    });
  });

  it('lets an adulte-relais contract go without an end: a CDI (L5134-103)', () => {
    const value = {
      ...EMPTY_CONTRACT_FORM,
      type: 'ADULTE_RELAIS' as const,
      start: '2027-01-01',
      weeklyHours: 35,
      conventionEnd: '2029-12-31',
    };
    expect(visibleFields(value)).toMatchObject({ end: true, endOptional: true });
    expect(toRequest('p1', value)).toMatchObject({ end: null, conventionEnd: '2029-12-31' });
  });

  it('sends the post and, for a replacement only, the replaced person', () => {
    const value = onPost('2026-07-16', { reason: 'replacement', replacedPersonId: 'absent1' });
    expect(visibleFields(value).replacedPerson).toBe(true);
    expect(toRequest('p1', value)).toMatchObject({
      postId: 'post1',
      replacedPersonId: 'absent1',
    });
    const increase = { ...value, reason: 'temporary_increase' };
    expect(visibleFields(increase).replacedPerson).toBe(false);
    expect(toRequest('p1', increase)).toMatchObject({ postId: 'post1', replacedPersonId: null });
    // A renewal left without a post keeps the renewed contract's (the API fills it in).
    const renewal = toRequest('p1', { ...increase, postId: '', renewalOf: 'c1' });
    expect('postId' in renewal && renewal.postId !== undefined).toBe(false);
    expect(toRequest('p1', { ...increase, postId: '' }).postId).toBeNull();
  });

  it('sends the hourly cost in euros, or null when left blank', () => {
    const value = {
      ...EMPTY_CONTRACT_FORM,
      type: 'CDI' as const,
      start: '2027-01-01',
      weeklyHours: 35,
    };
    expect(toRequest('p1', { ...value, hourlyCost: 18.5 }).hourlyCost).toBe(18.5);
    expect(toRequest('p1', value).hourlyCost).toBeNull();
  });

  it('sends the night-worker status and the work cycle, a weekly schedule by default', () => {
    const value = {
      ...EMPTY_CONTRACT_FORM,
      type: 'CDI' as const,
      start: '2027-01-01',
      weeklyHours: 35,
    };
    expect(toRequest('p1', value)).toMatchObject({ isNightWorker: false, cycleWeeks: null });
    expect(toRequest('p1', { ...value, isNightWorker: true, cycleWeeks: 4 })).toMatchObject({
      isNightWorker: true,
      cycleWeeks: 4,
    });
  });

  it('sends a PEC’s training extension only when ticked, and a short initial term only for a PEC', () => {
    const pec = {
      ...EMPTY_CONTRACT_FORM,
      type: 'PEC' as const,
      start: '2027-01-01',
      end: '2029-02-28',
      weeklyHours: 20,
      trainingExtensionAction: 'Titre professionnel MSADS',
      trainingExtensionEnd: '2029-02-28',
      hasReducedInitialTerm: true,
    };
    expect(toRequest('p1', pec)).toMatchObject({
      hasReducedInitialTerm: true,
      trainingExtensionAction: null,
      trainingExtensionEnd: null,
    });
    const extended = { ...pec, isExtendedForTraining: true };
    expect(toRequest('p1', extended)).toMatchObject({
      trainingExtensionAction: 'Titre professionnel MSADS',
      trainingExtensionEnd: '2029-02-28',
    });
    // The live check reads the same facts as the server.
    expect(toDraft(extended)).toMatchObject({
      hasReducedInitialTerm: true,
      trainingExtensionEnd: '2029-02-28',
    });
    const cdd = { ...extended, type: 'CDD' as const, reason: 'temporary_increase' };
    expect(toRequest('p1', cdd)).toMatchObject({
      hasReducedInitialTerm: false,
      trainingExtensionAction: null,
      trainingExtensionEnd: null,
    });
  });
});
