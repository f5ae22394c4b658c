import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AutoFillHours, AutoFillJob, AutoFillProposal } from '@relais/api-types';
import { AutoFillStore } from './auto-fill.store';

const REQUEST = {
  siteIds: ['site-sud'],
  week: '2026-W49',
  mode: 'fill' as const,
  timeLimitSeconds: 10,
};

function proposal(hours: AutoFillHours[] = []): AutoFillProposal {
  return {
    add: [
      {
        key: 'k1',
        siteId: 'site-sud',
        personId: 'p-awa',
        locationId: 'loc-desk',
        activity: 'accueil',
        start: '2026-11-30T09:00:00+01:00',
        end: '2026-11-30T12:00:00+01:00',
        breakMinutes: 0,
        openShiftId: null,
        personName: 'Awa Diallo',
        reasons: [{ code: 'available' }],
      },
    ],
    release: [],
    unfilled: [],
    changedPublished: 0,
    violations: [],
    explanation: [],
    objective: 12,
    optimal: false,
    seconds: 4.2,
    secondsToBest: 3,
    modelSeconds: 0.5,
    hours,
  };
}

function job(extra: Partial<AutoFillJob> = {}): AutoFillJob {
  return {
    id: 'job-1',
    siteIds: ['site-sud'],
    week: '2026-W49',
    mode: 'fill',
    status: 'running',
    timeLimitSeconds: 10,
    progress: null,
    proposal: null,
    error: null,
    createdAt: '2026-11-27T10:00:00Z',
    ...extra,
  };
}

function hours(personName: string, plannedHours: number, contractHours: number): AutoFillHours {
  return {
    personId: personName.toLowerCase(),
    personName,
    plannedMinutes: plannedHours * 60,
    contractMinutes: contractHours * 60,
  };
}

describe('AutoFillStore', () => {
  let store: AutoFillStore;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [AutoFillStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(AutoFillStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function startRunning(): Promise<void> {
    const starting = store.start(REQUEST);
    const request = http.expectOne('/api/rota/auto-fill');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(REQUEST);
    request.flush(job());
    await starting;
  }

  async function poll(answer: AutoFillJob): Promise<void> {
    jest.advanceTimersByTime(400);
    http.expectOne('/api/rota/auto-fill/job-1').flush(answer);
    await Promise.resolve();
  }

  it('polls the running job, shows its progress, then offers the proposal and stops polling', async () => {
    await startRunning();
    expect(store.job()?.status).toBe('running');
    expect(store.progressPercent()).toBe(0);
    expect(store.proposal()).toBeNull();

    await poll(job({ progress: { objective: 30, feasible: true, seconds: 2.5 } }));
    expect(store.progressPercent()).toBe(25);

    const done = job({ status: 'done', proposal: proposal() });
    await poll(done);
    expect(store.proposal()).toEqual(done.proposal);
    jest.advanceTimersByTime(2000);
    http.expectNone('/api/rota/auto-fill/job-1');
  });

  it('stops the solver early and keeps the best proposal found', async () => {
    await startRunning();
    const stopping = store.stop();
    http
      .expectOne('/api/rota/auto-fill/job-1/stop')
      .flush(job({ status: 'done', proposal: proposal() }));
    await stopping;
    expect(store.proposal()?.add).toHaveLength(1);
    jest.advanceTimersByTime(2000);
    http.expectNone('/api/rota/auto-fill/job-1');
  });

  it('applies the proposal: returns the counts and clears the job', async () => {
    await startRunning();
    await poll(job({ status: 'done', proposal: proposal() }));
    const applying = store.apply();
    expect(store.isBusy()).toBe(true);
    http
      .expectOne('/api/rota/auto-fill/job-1/apply')
      .flush({ created: 1, assigned: 0, removed: 0 });
    expect(await applying).toEqual({ created: 1, assigned: 0, removed: 0 });
    expect(store.job()).toBeNull();
    expect(store.proposal()).toBeNull();
    expect(store.isBusy()).toBe(false);
  });

  it('keeps the proposal and shows the server’s message when applying is refused', async () => {
    await startRunning();
    await poll(job({ status: 'done', proposal: proposal() }));
    const applying = store.apply();
    http
      .expectOne('/api/rota/auto-fill/job-1/apply')
      .flush(
        { statusCode: 409, message: 'La semaine a changé depuis la proposition.' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(await applying).toBeNull();
    expect(store.proposal()).not.toBeNull();
    expect(store.error()).toEqual({ message: 'La semaine a changé depuis la proposition.' });
  });

  it('discards the proposal even when the server has already forgotten the job', async () => {
    await startRunning();
    await poll(job({ status: 'done', proposal: proposal() }));
    const discarding = store.discard();
    http
      .expectOne('/api/rota/auto-fill/job-1/discard')
      .flush(null, { status: 404, statusText: 'Not Found' });
    await discarding;
    expect(store.job()).toBeNull();
    expect(store.proposal()).toBeNull();
    expect(store.error()).toBeNull();
  });

  it('reports a failed start without a message for the panel’s own wording', async () => {
    const starting = store.start(REQUEST);
    http.expectOne('/api/rota/auto-fill').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await starting;
    expect(store.job()).toBeNull();
    expect(store.error()).toEqual({ message: null });
  });

  it('stops polling once the panel is closed', async () => {
    await startRunning();
    store.ngOnDestroy();
    jest.advanceTimersByTime(2000);
    http.expectNone('/api/rota/auto-fill/job-1');
  });

  it('lists hours with the person furthest below their contract first, then by name', async () => {
    await startRunning();
    await poll(
      job({
        status: 'done',
        proposal: proposal([
          hours('Zoé', 35, 35),
          hours('Awa', 24.5, 35),
          hours('Ben', 35, 35),
          hours('Chloé', 40, 35),
        ]),
      }),
    );
    expect(store.hours()).toEqual([
      {
        personId: 'awa',
        personName: 'Awa',
        planned: '24\u00a0h\u00a030',
        owed: '35\u00a0h',
        isShort: true,
      },
      {
        personId: 'ben',
        personName: 'Ben',
        planned: '35\u00a0h',
        owed: '35\u00a0h',
        isShort: false,
      },
      {
        personId: 'zoé',
        personName: 'Zoé',
        planned: '35\u00a0h',
        owed: '35\u00a0h',
        isShort: false,
      },
      {
        personId: 'chloé',
        personName: 'Chloé',
        planned: '40\u00a0h',
        owed: '35\u00a0h',
        isShort: false,
      },
    ]);
  });
});
