import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import type { ExitRate, ExitReport, PathwayDashboard } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { provideI18n } from '../core/i18n/i18n';
import { PathwayDashboardPage } from './pathway-dashboard.page';

const RATE: ExitRate = {
  exits: 0,
  neutralised: 0,
  dynamic: 0,
  missing: 0,
  tooShort: 0,
  dynamicExitRate: null,
};

const REPORT: ExitReport = {
  ...RATE,
  year: null,
  byCategory: {
    EMPLOI_DURABLE: 0,
    EMPLOI_TRANSITION: 0,
    SORTIE_POSITIVE: 0,
    AUTRE_SORTIE: 0,
    NEUTRALISEE: 0,
  },
  byYear: [],
  bySite: [],
  byContractType: [],
  byFamily: [],
  minimumStayDays: 90,
  certified: 0,
  certificationRate: null,
  followUps: { due: 0, done: 0, stillDynamic: 0 },
};

const DASHBOARD: PathwayDashboard = {
  endingSoon: [],
  lateMilestones: [],
  expiringCertificates: [],
  reminders: [],
  followUpsDue: [],
  missingExits: [],
  attestationsDue: [
    {
      contractId: 'c-pec',
      personId: 'p-pec',
      personName: 'Léa Fontaine',
      end: '2026-11-30',
      due: '2026-10-30',
      isLate: true,
    },
  ],
};

describe('PathwayDashboardPage: PEC attestations to hand over', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [PathwayDashboardPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    await firstValueFrom(TestBed.inject(TranslocoService).load('fr'));
  });

  it('lists a late attestation with its due day, the contract’s end and the PDF', async () => {
    const fixture = TestBed.createComponent(PathwayDashboardPage);
    await fixture.whenStable();
    http.expectOne('/api/reports/exits').flush(REPORT);
    http.expectOne('/api/reports/pathways').flush(DASHBOARD);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    for (const request of http.match(() => true)) request.flush([]);
    const section = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="attestations-due"]',
    );
    const text = (section?.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Léa Fontaine');
    expect(text).toContain(
      'en retard à remettre au plus tard le 30/10/2026 (fin du contrat le 30/11/2026)',
    );
    expect(section?.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/contracts/c-pec/experience-attestation.pdf',
    );
  });
});
