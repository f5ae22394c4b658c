import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  PAYROLL_CODES,
  type PayrollMonthView,
  type PayrollPersonMonth,
  type PayrollQuantities,
} from '@relais/api-types';
import { absencesLabel, lastMonth, PayrollStore, quantityLabel, shiftMonth } from './payroll.store';

const zero = Object.fromEntries(PAYROLL_CODES.map((code) => [code, 0])) as PayrollQuantities;

const person = (quantities: Partial<PayrollQuantities>): PayrollPersonMonth => ({
  personId: 'p1',
  name: 'Paiemois Inès',
  payrollId: 'M0042',
  siteId: 's1',
  siteName: 'Paris Sud',
  contracts: 'CDI · 24 h',
  quantities: { ...zero, ...quantities },
  adjustments: [],
  statement: { sentAt: null, signedAt: null },
});

const view = (patch: Partial<PayrollMonthView>): PayrollMonthView => ({
  month: '2025-11',
  siteId: null,
  status: 'open',
  closedAt: null,
  closedByName: null,
  weeks: [],
  anomalies: [],
  people: [person({ HEURES_COMPL_10: 144 })],
  totals: { ...zero, HEURES_COMPL_10: 144 },
  ...patch,
});

describe('payroll helpers', () => {
  it('moves across years and names last month', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(lastMonth('2026-12-06')).toBe('2026-11');
  });

  it('shows hours as « 2 h 24 », days as « 3 j », nothing as a dash', () => {
    expect(quantityLabel('HEURES_COMPL_10', 144)).toBe('2\u00a0h\u00a024');
    expect(quantityLabel('ABS_MALADIE', 3)).toBe('3\u00a0j');
    expect(quantityLabel('HEURES_NUIT', 0)).toBe('—');
    expect(absencesLabel(person({ ABS_MALADIE: 3, ABS_CONGES_PAYES: 4 }))).toBe(
      '4\u00a0j congés payés (ouvrables), 3\u00a0j maladie',
    );
  });
});

describe('PayrollStore', () => {
  let store: PayrollStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(PayrollStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('refuses the close while a week is unpublished, then closes the site’s month', async () => {
    const loading = store.goTo('2025-11', 's1');
    http.expectOne('/api/payroll/months/2025-11?siteId=s1').flush(
      view({
        anomalies: [
          {
            kind: 'UNPUBLISHED_WEEK',
            isBlocking: true,
            week: '2025-W46',
            message: 'Paris Sud, semaine 46 : jamais publiée (5 créneaux en brouillon).',
          },
        ],
      }),
    );
    await loading;
    expect(store.canClose()).toBe(false);
    expect(store.blocking()).toHaveLength(1);

    const again = store.load();
    http.expectOne('/api/payroll/months/2025-11?siteId=s1').flush(view({}));
    await again;
    expect(store.canClose()).toBe(true);
    const closing = store.close();
    const request = http.expectOne('/api/payroll/closes');
    expect(request.request.body).toEqual({ month: '2025-11', siteId: 's1' });
    request.flush(view({ status: 'closed', closedAt: '2025-12-02T10:00:00+01:00' }));
    expect(await closing).toBe(true);
    expect(store.isClosed()).toBe(true);
    expect(store.message()?.text).toContain('Novembre 2025 est clôturé');
    expect(store.exportUrl('csv')).toBe('/api/payroll/months/2025-11/export.csv?siteId=s1');
  });

  it('shows the server’s French refusal', async () => {
    const closing = store.close();
    http
      .expectOne('/api/payroll/closes')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Clôture refusée : semaine 46.' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(await closing).toBe(false);
    expect(store.message()).toEqual({ text: 'Clôture refusée : semaine 46.', isError: true });
  });
});
