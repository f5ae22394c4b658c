import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Site } from '@relais/api-types';
import { dayText, openingDays, parseDayText, SitesStore } from './sites.store';

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
      { weekday: 1, ranges: ['9\u00a0h – 12\u00a0h\u00a030', '13\u00a0h\u00a030 – 17\u00a0h'] },
      { weekday: 4, ranges: ['9\u00a0h – 12\u00a0h\u00a030', '13\u00a0h\u00a030 – 19\u00a0h'] },
    ]);
  });
});

describe('the opening-hours editor’s day text', () => {
  const monday = [
    { weekday: 1, start: '09:00', end: '12:30' },
    { weekday: 1, start: '13:30', end: '17:00' },
  ];

  it('shows a day as it reads it back, and an empty day as closed', () => {
    expect(dayText(monday, 1)).toBe('9 h – 12 h 30, 13 h 30 – 17 h');
    expect(dayText(monday, 2)).toBe('');
    expect(parseDayText(dayText(monday, 1), 1)).toEqual(monday);
  });

  it.each<[string, string]>([
    ['9h-12h30, 13h30-17h', 'short hours'],
    ['09:00–12:30 ; 13:30–17:00', 'clock times'],
    ['9 h à 12 h 30 et 13 h 30 à 17 h', 'words'],
  ])('reads « %s » (%s)', (text) => {
    expect(parseDayText(text, 1)).toEqual(monday);
  });

  it.each(['9h', '9h-12h-14h', '25h-26h', 'matin'])('cannot read « %s »', (text) => {
    expect(parseDayText(text, 1)).toBeNull();
  });

  it('reads an empty day as closed', () => {
    expect(parseDayText('  ', 3)).toEqual([]);
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

  it('puts the whole week’s hours and shows them as the server answered', async () => {
    const loading = store.load();
    http.expectOne('/api/sites').flush([site(null)]);
    await loading;
    const hours = [{ weekday: 1, start: '09:00', end: '17:00' }];
    const saving = store.saveOpeningHours('site-s', hours);
    const request = http.expectOne('/api/sites/site-s/opening-hours');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ openingHours: hours });
    request.flush({ ...site(null), openingHours: hours });
    expect(await saving).toBeNull();
    expect(store.views()[0].weeklyMinutes).toBe(480);
  });

  it('gives the server’s refusal and keeps the hours as they were', async () => {
    const loading = store.load();
    http.expectOne('/api/sites').flush([site(null)]);
    await loading;
    const saving = store.saveOpeningHours('site-s', []);
    http.expectOne('/api/sites/site-s/opening-hours').flush(
      {
        statusCode: 422,
        message: 'Horaires refusés — le mardi, 12 h 30–17 h chevauche 9 h–12 h 31.',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(await saving).toBe('Horaires refusés — le mardi, 12 h 30–17 h chevauche 9 h–12 h 31.');
    expect(store.views()[0].openingHours).toEqual([]);
  });
});
