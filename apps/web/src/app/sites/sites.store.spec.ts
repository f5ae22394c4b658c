import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Site } from '@relais/api-types';
import { openingDays, SitesStore } from './sites.store';

describe('openingDays', () => {
  it('groups ranges by weekday, Monday first, ranges in time order', () => {
    expect(
      openingDays([
        { weekday: 4, start: '13:30', end: '19:00' },
        { weekday: 1, start: '13:30', end: '17:00' },
        { weekday: 4, start: '09:00', end: '12:30' },
        { weekday: 1, start: '09:00', end: '12:30' },
      ]),
    ).toEqual([
      { weekday: 1, ranges: ['09:00–12:30', '13:30–17:00'] },
      { weekday: 4, ranges: ['09:00–12:30', '13:30–19:00'] },
    ]);
  });
});

describe('SitesStore.saveSundayDerogation', () => {
  const site = (sundayDerogation: Site['sundayDerogation']): Site => ({
    id: 'site-s',
    code: 'S',
    name: 'Paris Sud',
    address: '',
    isFranceServices: true,
    openingHours: [],
    locations: [],
    sundayDerogation,
  });
  let store: SitesStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(SitesStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('puts the basis and shows the site as the server answered it', async () => {
    const loading = store.load();
    http.expectOne('/api/sites').flush([site(null)]);
    await loading;
    const saving = store.saveSundayDerogation('site-s', 'Arrêté préfectoral');
    const request = http.expectOne('/api/sites/site-s/sunday-derogation');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ basis: 'Arrêté préfectoral' });
    request.flush(
      site({ basis: 'Arrêté préfectoral', at: '2026-12-05T10:00:00.000Z', byName: 'Awa Diallo' }),
    );
    expect(await saving).toBeNull();
    expect(store.views()[0].sundayDerogation?.byName).toBe('Awa Diallo');
  });

  it('keeps the site as it was and gives the server’s message on a refusal', async () => {
    const loading = store.load();
    http.expectOne('/api/sites').flush([site(null)]);
    await loading;
    const saving = store.saveSundayDerogation('site-s', 'x');
    http
      .expectOne('/api/sites/site-s/sunday-derogation')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'Action réservée à RH.' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await saving).toBe('Action réservée à RH.');
    expect(store.views()[0].sundayDerogation).toBeNull();
  });
});
