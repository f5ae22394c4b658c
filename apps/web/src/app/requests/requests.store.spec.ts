import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { StaffRequest } from '@relais/api-types';
import { RequestsStore } from './requests.store';

const pending: StaffRequest = {
  id: 'r1',
  personId: 'p1',
  personName: 'Awa Diallo',
  kind: 'unavailability',
  start: '2026-12-02',
  end: '2027-03-31',
  weekday: 3,
  startTime: '14:00',
  endTime: '17:00',
  comment: 'Cours du soir',
  status: 'pending',
  reply: null,
  decidedAt: null,
  createdAt: '2026-11-20T10:00:00Z',
  leaveDays: null,
  remainingDays: null,
  balanceWarning: null,
};

describe('RequestsStore', () => {
  it('shows pending requests with dates and weekly recurrence, and drops one once answered', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(RequestsStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load('queue');
    http.expectOne('/api/requests?status=pending').flush([pending]);
    await loading;
    expect(store.views()[0]).toMatchObject({
      start: '02/12/2026',
      end: '31/03/2027',
      recurrence: { weekday: 3, start: '14:00', end: '17:00' },
    });

    const deciding = store.decide('r1', 'approved', 'OK');
    const decision = http.expectOne('/api/requests/r1/decision');
    expect(decision.request.body).toEqual({ status: 'approved', reply: 'OK' });
    decision.flush({ ...pending, status: 'approved', reply: 'OK' });
    expect(await deciding).toBeNull();
    expect(store.views()).toEqual([]);
    http.verify();
  });
});
