import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideI18n } from '../core/i18n/i18n';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function fill(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`missing ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('does not call the server while the form is invalid, and says what is missing', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    http.expectNone('/api/auth/login');
    expect(element.textContent).toContain('Saisissez votre adresse e-mail.');
    expect(element.textContent).toContain('Saisissez votre mot de passe.');
  });

  it('shows the server’s French message when the credentials are refused', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    fill(element, 'input[type=email]', 'rh@relais.demo');
    fill(element, 'input[type=password]', 'faux');
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Identifiants incorrects.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(element.querySelector('[role=alert]')?.textContent).toContain(
      'Identifiants incorrects.',
    );
  });

  it('goes to the sites page after signing in', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    fill(element, 'input[type=email]', 'rh@relais.demo');
    fill(element, 'input[type=password]', 'relais-demo');
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    http.expectOne('/api/auth/login').flush({
      id: 'a',
      email: 'rh@relais.demo',
      role: 'hr',
      personId: 'p',
      siteIds: [],
      firstName: 'Julien',
      lastName: 'Marchetti',
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/sites');
  });
});
