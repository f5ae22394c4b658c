import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Contract, PersonDetail } from '@relais/api-types';
import {
  contractDuration,
  ContractFormStore,
  EMPTY_CONTRACT_FORM,
  limitsFor,
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

describe('ContractFormStore', () => {
  let store: ContractFormStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ContractFormStore],
    });
    store = TestBed.inject(ContractFormStore);
    const http = TestBed.inject(HttpTestingController);
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
    await loading;
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
});
