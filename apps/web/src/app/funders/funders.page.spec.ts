import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  ContratProReport,
  FranceServicesReport,
  Site,
  SubsidisedReport,
} from '@relais/api-types';
import { addMonths } from '@relais/rules';
import { provideI18n } from '../core/i18n/i18n';
import { todayInParis } from '../shared/today';
import { FundersPage } from './funders.page';
import { clockLabel, dayLabel, gapLabel, parseMonth } from './funders.store';

const SITE: Site = {
  id: 'site-s',
  code: 'S',
  name: 'PIMMS Médiation Paris Sud',
  address: '1 rue du Test',
  isFranceServices: true,
  openingHours: [],
  locations: [],
  sundayDerogation: null,
};

const FRANCE_SERVICES: FranceServicesReport = {
  siteId: 'site-s',
  siteName: 'PIMMS Médiation Paris Sud',
  isFranceServices: true,
  month: '2026-11',
  requiredTrainedAgents: 2,
  minimumWeeklyMinutes: 1440,
  minimumDays: 5,
  openingShortfall: null,
  openingMinutes: 3000,
  coveredMinutes: 2910,
  days: [
    {
      date: '2026-11-03',
      openingMinutes: 300,
      coveredMinutes: 210,
      closedLabel: null,
      isPublished: true,
    },
    {
      date: '2026-11-11',
      openingMinutes: 0,
      coveredMinutes: 0,
      closedLabel: 'jour férié (Armistice)',
      isPublished: true,
    },
  ],
  gaps: [{ date: '2026-11-03', start: '14:00', end: '15:30', trainedAgents: 1 }],
  weeks: [
    {
      week: '2026-W45',
      openingMinutes: 1500,
      coveredMinutes: 1410,
      coveredDays: 5,
      isPublished: true,
      meetsMinimum: false,
    },
    {
      week: '2026-W46',
      openingMinutes: 1500,
      coveredMinutes: 1500,
      coveredDays: 5,
      isPublished: true,
      meetsMinimum: true,
    },
  ],
  unpublishedWeeks: ['2026-W48'],
};

const SUBSIDISED: SubsidisedReport = {
  month: '2026-11',
  unpublishedWeeks: [],
  rows: [
    {
      contractId: 'c-pec',
      personId: 'p-pec',
      personName: 'Paulette Emploi',
      type: 'PEC',
      start: '2026-01-05',
      end: '2026-12-31',
      weeklyHours: 26,
      postTitle: 'Médiatrice sociale',
      siteName: 'PIMMS Médiation Paris Sud',
      conventionNumber: 'PEC-075-26-0001',
      conventionEnd: null,
      tutorName: 'Anouk Formée',
      contractMinutes: 6686,
      workedMinutes: 6690,
      trainingMinutes: 210,
      requirements: ['Convention individuelle PEC n° PEC-075-26-0001.'],
      issues: ['Aucun tuteur désigné.'],
    },
  ],
};

const CONTRAT_PRO: ContratProReport = {
  month: '2026-11',
  rows: [
    {
      contractId: 'c-pro',
      personId: 'p-pro',
      personName: 'Quentin Alternant',
      start: '2026-09-01',
      end: '2027-08-31',
      weeklyHours: 35,
      tutorName: null,
      plannedTrainingHours: 300,
      monthMinutes: 420,
      cumulatedMinutes: 840,
      requiredMinutes: 16440,
      maximumMinutes: 27360,
      expectedByNowMinutes: 4054,
      ratioPercent: 0.8,
      status: 'behind',
      statusMessage: 'En retard : 14 h de formation.',
    },
  ],
};

describe('funder documents: wording', () => {
  it.each([
    ['14:00', '14\u00a0h\u00a000'],
    ['09:30', '9\u00a0h\u00a030'],
  ])('writes %s as a rota does', (time, label) => {
    expect(clockLabel(time)).toBe(label);
  });

  it('names a gap by its French day and times', () => {
    expect(dayLabel('2026-12-01')).toBe('mardi 1er décembre');
    expect(
      gapLabel({ date: '2026-11-03', start: '14:00', end: '15:30', trainedAgents: 1 }).replace(
        /\u00a0/g,
        ' ',
      ),
    ).toBe('mardi 3 novembre, 14 h 00 – 15 h 30');
  });

  it('takes only a real month from the picker', () => {
    expect(parseMonth('2026-11')).toBe('2026-11');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('')).toBeNull();
  });
});

describe('FundersPage', () => {
  let http: HttpTestingController;
  // The page opens on last month.
  const month = addMonths(`${todayInParis().slice(0, 7)}-01`, -1).slice(0, 7);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'financeurs', component: FundersPage }]),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(): Promise<HTMLElement> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/financeurs');
    http.expectOne('/api/sites').flush([SITE, { ...SITE, id: 'site-x', isFranceServices: false }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    http
      .expectOne(`/api/reports/france-services?siteId=site-s&month=${month}`)
      .flush(FRANCE_SERVICES);
    http.expectOne(`/api/reports/subsidised?month=${month}`).flush(SUBSIDISED);
    http.expectOne(`/api/reports/contrat-pro?month=${month}`).flush(CONTRAT_PRO);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  const text = (element: Element | null) =>
    (element?.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

  it('shows the France Services month: gaps in French, each week against the minimum', async () => {
    const page = await open();
    // Only labelled sites are offered.
    expect(page.querySelectorAll('[data-testid="site"] option')).toHaveLength(1);
    expect(text(page.querySelector('[data-testid="fs-gaps"]'))).toContain(
      'mardi 3 novembre, 14 h 00 – 15 h 30 : 1 agent(s) formé(s) présent(s)',
    );
    expect(text(page.querySelector('[data-testid="minimum-2026-W45"]'))).toContain('Non atteint');
    expect(text(page.querySelector('[data-testid="minimum-2026-W46"]'))).toContain('Atteint');
    const days = [...page.querySelectorAll('[data-testid="fs-days"] tbody tr')].map((row) =>
      [...row.children].map((cell) => text(cell).trim()),
    );
    expect(days).toEqual([
      ['mardi 3 novembre', '5 h', '3 h 30'],
      ['mercredi 11 novembre', 'Fermé : jour férié (Armistice)'],
    ]);
    expect(text(page.querySelector('[data-testid="fs-unpublished"]'))).toContain(
      'Semaines non publiées, non comptées : semaine 48.',
    );
  });

  it('shows the aided contracts in hours and minutes and the contrat pro’s status in words', async () => {
    const page = await open();
    const aided = text(page.querySelector('[data-testid="subsidised"]'));
    expect(aided).toContain('Paulette Emploi');
    expect(aided).toContain('PEC (CUI-CAE)');
    expect(text(page.querySelector('[data-testid="worked"]'))).toBe('111 h 30');
    expect(aided).toContain('Aucun tuteur désigné.');
    const pro = text(page.querySelector('[data-testid="contrat-pro"]'));
    expect(pro).toContain('En retard');
    expect(pro).toContain('274 h – 456 h');
    expect(pro).toContain('0,8 %');
    expect(pro).not.toContain('behind');
  });

  it('reloads the three reports for the month picked', async () => {
    const page = await open();
    const input = page.querySelector<HTMLInputElement>('[data-testid="month"]');
    if (!input) throw new Error('no month picker');
    input.value = '2026-10';
    input.dispatchEvent(new Event('change'));
    http
      .expectOne('/api/reports/france-services?siteId=site-s&month=2026-10')
      .flush(FRANCE_SERVICES);
    http.expectOne('/api/reports/subsidised?month=2026-10').flush(SUBSIDISED);
    http.expectOne('/api/reports/contrat-pro?month=2026-10').flush(CONTRAT_PRO);
  });
});
