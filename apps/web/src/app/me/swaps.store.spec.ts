import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ShiftSwap, Violation } from '@relais/api-types';
import { SwapsStore } from './swaps.store';

const swap: ShiftSwap = {
  id: 'w1',
  status: 'accepted',
  shiftId: 's1',
  siteId: 'site',
  siteName: 'Paris Sud',
  locationName: 'Accueil',
  activity: 'accueil',
  start: '2026-12-01T09:00:00+01:00',
  end: '2026-12-01T12:30:00+01:00',
  fromPersonId: 'p1',
  fromPersonName: 'Abdoulaye Traoré',
  toPersonId: 'p2',
  toPersonName: 'Inès Benali',
  message: null,
  reply: null,
  createdAt: '2026-11-27T08:00:00Z',
  decidedAt: null,
  violations: [],
  counterShift: null,
};

const rest: Violation = {
  rule: 'DAILY_REST',
  severity: 'block',
  personId: 'p2',
  shiftIds: ['s1'],
  message: 'Repos quotidien de 11 h non respecté.',
  legalRef: 'C. trav., art. L3131-1',
};

describe('SwapsStore', () => {
  it('keeps the blocking problems of a refused approval, then shows the approved swap', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(SwapsStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/swaps').flush([swap]);
    await loading;

    const refused = store.act(swap, 'approved', null);
    const first = http.expectOne('/api/swaps/w1/decision');
    expect(first.request.body).toEqual({ status: 'approved', reply: null });
    first.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Échange refusé par les règles.',
        violations: [rest],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(await refused).toEqual({
      message: 'Échange refusé par les règles.',
      violations: [rest],
    });
    expect(store.swaps()[0].status).toBe('accepted');

    const approved = store.act(swap, 'approved', 'Bon échange');
    http.expectOne('/api/swaps/w1/decision').flush({ ...swap, status: 'approved' });
    expect(await approved).toBeNull();
    expect(store.swaps()[0].status).toBe('approved');

    const accepted = store.act({ ...swap, status: 'offered' }, 'accept', null);
    const accept = http.expectOne('/api/swaps/w1/accept');
    expect(accept.request.body).toEqual({});
    accept.flush({ ...swap, status: 'accepted' });
    expect(await accepted).toBeNull();
    http.verify();
  });
});
