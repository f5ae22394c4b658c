import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { OpenShiftClaim, PendingDecisions, Violation } from '@relais/api-types';
import { PendingStore } from './pending.store';

const claim = (id: string, personId: string): OpenShiftClaim => ({
  id,
  status: 'pending',
  shiftId: 'shift-1',
  siteId: 'site',
  siteName: 'Paris Sud',
  locationName: 'Accueil',
  activity: 'back_office',
  start: '2026-12-12T14:00:00+01:00',
  end: '2026-12-12T16:00:00+01:00',
  personId,
  personName: personId,
  message: null,
  reply: null,
  createdAt: '2026-12-04T08:00:00Z',
  decidedAt: null,
  violations: [],
});

const rest: Violation = {
  rule: 'DAILY_REST',
  severity: 'block',
  personId: 'p1',
  shiftIds: ['shift-1'],
  message: 'Repos quotidien de 11 h non respecté.',
  legalRef: 'C. trav., art. L3131-1',
};

describe('PendingStore', () => {
  it('keeps an item and the rules’ refusal when approving fails; an approved claim closes the others on its shift', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(PendingStore);
    const http = TestBed.inject(HttpTestingController);
    const data: PendingDecisions = {
      count: 3,
      requests: [],
      swaps: [],
      claims: [claim('c1', 'p1'), claim('c2', 'p2'), { ...claim('c3', 'p3'), shiftId: 'shift-2' }],
      problems: {},
    };
    const loading = store.load();
    http.expectOne('/api/pending').flush(data);
    await loading;
    expect(store.count()).toBe(3);

    const refused = store.decide('claim', 'c1', 'approved', null);
    http.expectOne('/api/claims/c1/decision').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Attribution refusée par les règles',
        violations: [rest],
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await refused).toEqual({
      message: 'Attribution refusée par les règles',
      violations: [rest],
    });
    expect(store.count()).toBe(3);

    const approved = store.decide('claim', 'c1', 'approved', 'Merci');
    const request = http.expectOne('/api/claims/c1/decision');
    expect(request.request.body).toEqual({ status: 'approved', reply: 'Merci' });
    request.flush({ ...claim('c1', 'p1'), status: 'approved' });
    expect(await approved).toBeNull();
    expect(store.decisions()?.claims.map((item) => item.id)).toEqual(['c3']);
    expect(store.count()).toBe(1);
    http.verify();
  });
});
