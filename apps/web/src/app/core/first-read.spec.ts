import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EMPTY, firstValueFrom } from 'rxjs';
import { AuthStore } from './auth.store';
import { FirstRead, planningSite, planningWeek } from './first-read';

describe('FirstRead', () => {
  let reads: FirstRead;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    reads = TestBed.inject(FirstRead);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => jest.useRealTimers());

  it('hands the read started ahead to the page once, with one request to the server', async () => {
    reads.start('/api/rota', { siteId: 's1', week: '2026-W49' });
    const request = http.expectOne((req) => req.url === '/api/rota');
    expect(request.request.params.get('siteId')).toBe('s1');
    request.flush({ week: '2026-W49' });

    const taken = reads.take('/api/rota', { siteId: 's1', week: '2026-W49' });
    expect(taken).not.toBeNull();
    await expect(firstValueFrom(taken ?? EMPTY)).resolves.toEqual({ week: '2026-W49' });
    // Once only: a later load asks the server again.
    expect(reads.take('/api/rota', { siteId: 's1', week: '2026-W49' })).toBeNull();
    http.verify();
  });

  it('is not used for another site-week, nor once it is more than a few seconds old', () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T09:00:00Z') });
    reads.start('/api/rota', { siteId: 's1', week: '2026-W49' });
    expect(reads.take('/api/rota', { siteId: 's2', week: '2026-W49' })).toBeNull();

    reads.start('/api/rota', { siteId: 's1', week: '2026-W49' });
    jest.setSystemTime(new Date('2026-12-04T09:00:11Z'));
    expect(reads.take('/api/rota', { siteId: 's1', week: '2026-W49' })).toBeNull();
  });

  it('drops the reads not yet taken when the session ends, so the next account never gets them', async () => {
    reads.start('/api/rota', { siteId: 's1', week: '2026-W49' });
    http.expectOne((req) => req.url === '/api/rota').flush({ week: '2026-W49' });
    const auth = TestBed.inject(AuthStore);
    const out = auth.logout();
    http.expectOne('/api/auth/logout').flush({});
    await out;
    expect(reads.take('/api/rota', { siteId: 's1', week: '2026-W49' })).toBeNull();
  });

  it('hands a refused read on as the refusal', async () => {
    reads.start('/api/rota', { siteId: 's1', week: '2026-W49' });
    http
      .expectOne((req) => req.url === '/api/rota')
      .flush({ message: 'Site inconnu' }, { status: 404, statusText: 'Not Found' });
    const taken = reads.take('/api/rota', { siteId: 's1', week: '2026-W49' });
    await expect(firstValueFrom(taken ?? EMPTY)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the planning page’s site-week', () => {
  it('is the site the URL names when the caller may see it, else their first', () => {
    expect(planningSite('b', ['a', 'b'])).toBe('b');
    expect(planningSite('z', ['a', 'b'])).toBe('a');
    expect(planningSite(null, [])).toBeNull();
  });

  it('is the week the URL names, else this week in Paris (Sunday 23:30 UTC is already Monday)', () => {
    expect(planningWeek('2026-W50')).toBe('2026-W50');
    expect(planningWeek('semaine 50', Date.parse('2026-12-06T23:30:00Z'))).toBe('2026-W50');
    expect(planningWeek(null, Date.parse('2026-12-06T22:30:00Z'))).toBe('2026-W49');
  });
});
