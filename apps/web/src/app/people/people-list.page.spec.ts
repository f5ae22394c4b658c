import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '../core/i18n/i18n';
import { PeopleListPage } from './people-list.page';

describe('PeopleListPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'personnes', component: PeopleListPage }]),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the view the URL describes, exports that view, and offers to clear an empty result', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/personnes?contractType=PEC&endingWithinDays=30');
    http.expectOne('/api/sites').flush([]);
    const list = http.expectOne('/api/people?contractType=PEC&endingWithinDays=30');
    const table = harness.routeNativeElement?.querySelector('[aria-busy]');
    expect(table?.getAttribute('aria-busy')).toBe('true');
    list.flush([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;
    expect(element.querySelector('a[href*="people.csv"]')?.getAttribute('href')).toBe(
      '/api/exports/people.csv?contractType=PEC&endingWithinDays=30',
    );
    expect(element.textContent).toContain('Aucune personne ne correspond à ces filtres.');

    const clear = [...element.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Effacer les filtres',
    );
    clear?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/personnes');
    http.expectOne('/api/people').flush([]);
  });

  it('puts the typed words in the URL after a pause and asks the API for them', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/personnes');
    http.expectOne('/api/sites').flush([]);
    http.expectOne('/api/people').flush([]);
    await harness.fixture.whenStable();
    const input = (harness.routeNativeElement as HTMLElement).querySelector<HTMLInputElement>(
      'input[type="search"]',
    );
    if (!input) throw new Error('no search field');
    input.value = ' Étienne ';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/personnes?q=%C3%89tienne');
    http.expectOne('/api/people?q=%C3%89tienne').flush([]);
  });
});
