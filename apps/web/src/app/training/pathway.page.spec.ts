import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import type { ContractType, Me, Pathway } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../core/auth.store';
import { provideI18n } from '../core/i18n/i18n';
import { PathwayPage } from './pathway.page';

const MEDIATOR: Me = {
  id: 'u',
  email: 'mediateur@relais.demo',
  role: 'mediator',
  personId: 'p-me',
  siteIds: ['site-sud'],
  firstName: 'Léa',
  lastName: 'Fontaine',
};

function pathway(contractType: ContractType): Pathway {
  return {
    personId: 'p-me',
    personName: 'Léa Fontaine',
    contractType,
    contractId: 'c-me',
    hireDate: '2025-12-01',
    contractEnd: '2026-11-30',
    progress: { hoursDone: 0, hoursRequired: 0, modulesValidated: 0, modulesRequired: 0 },
    milestones: [],
    requiredModules: [],
    mandatoryModules: [],
    records: [],
    upcomingSessions: [],
    certificates: [],
    reminders: [],
    planChanges: [],
    alerts: [],
    exit: null,
    exitContract: null,
  };
}

describe('PathwayPage: the PEC’s attestation d’expérience', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [PathwayPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    // The dictionary first: the page titles itself with it as soon as the pathway arrives.
    await firstValueFrom(TestBed.inject(TranslocoService).load('fr'));
    const loading = TestBed.inject(AuthStore).load();
    http.expectOne('/api/auth/me').flush(MEDIATOR);
    await loading;
  });

  async function render(contractType: ContractType): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(PathwayPage);
    await fixture.whenStable();
    http.expectOne('/api/me/pathway').flush(pathway(contractType));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    // The cards of the page (obligations, certifications, job search) load on their own.
    for (const request of http.match(() => true))
      request.flush(null, { status: 404, statusText: 'Not Found' });
    return fixture.nativeElement as HTMLElement;
  }

  it('offers a PEC holder the attestation of their own contract', async () => {
    const page = await render('PEC');
    const link = page.querySelector<HTMLAnchorElement>('[data-testid="experience-attestation"]');
    expect(link?.getAttribute('href')).toBe('/api/contracts/c-me/experience-attestation.pdf');
    expect(link?.textContent?.trim()).toBe('Attestation d’expérience professionnelle (PDF)');
  });

  it('offers no attestation for another contract', async () => {
    const page = await render('ADULTE_RELAIS');
    expect(page.querySelector('[data-testid="experience-attestation"]')).toBeNull();
  });
});
