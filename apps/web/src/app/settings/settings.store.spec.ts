import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_ORGANISATION_SETTINGS } from '@relais/rules';
import { SettingsStore } from './settings.store';

describe('SettingsStore', () => {
  let store: SettingsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(SettingsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('saves 1/3 and keeps the server’s answer', async () => {
    const loading = store.load();
    http
      .expectOne('/api/organisation/settings')
      .flush({ settings: DEFAULT_ORGANISATION_SETTINGS, updatedAt: null });
    await loading;
    const wanted = { ...DEFAULT_ORGANISATION_SETTINGS, complementaryHoursRatio: 1 / 3 };
    const saving = store.save(wanted);
    const request = http.expectOne('/api/organisation/settings');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual(wanted);
    request.flush({ settings: wanted, updatedAt: '2026-12-04T16:50:00.000Z' });
    expect(await saving).toBe(true);
    expect(store.settings()?.complementaryHoursRatio).toBe(1 / 3);
    expect(store.problems()).toEqual({});
  });

  it('refuses a value beyond the legal bound before sending, naming the field', async () => {
    const saved = await store.save({
      ...DEFAULT_ORGANISATION_SETTINGS,
      partTimeNoticeWorkingDays: 2,
    });
    expect(saved).toBe(false);
    expect(store.problems().partTimeNoticeWorkingDays).toContain('3 au moins par accord');
    http.expectNone('/api/organisation/settings');
  });

  it('refuses a minimum stay before a leaver counts over a year, naming the field', async () => {
    const saved = await store.save({ ...DEFAULT_ORGANISATION_SETTINGS, exitMinimumStayDays: 400 });
    expect(saved).toBe(false);
    expect(store.problems().exitMinimumStayDays).toContain('entre 0 et 365');
    http.expectNone('/api/organisation/settings');
  });

  it('shows the server’s French refusal next to its field', async () => {
    const saving = store.save(DEFAULT_ORGANISATION_SETTINGS);
    http.expectOne('/api/organisation/settings').flush(
      {
        message: 'Paramètres refusés — « timeZone » : fuseau horaire inconnu.',
        details: [{ field: 'timeZone', message: 'fuseau horaire inconnu' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(await saving).toBe(false);
    expect(store.problems()).toEqual({ timeZone: 'fuseau horaire inconnu' });
    expect(store.message()).toContain('« timeZone »');
  });
});
