import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18n } from '../core/i18n/i18n';
import { AcceptLinkPage } from './accept-link.page';

describe('AcceptLinkPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [AcceptLinkPage],
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

  async function render(password: string, confirm: string) {
    const fixture = TestBed.createComponent(AcceptLinkPage);
    fixture.componentRef.setInput('token', 'jeton-de-test-123');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const inputs = element.querySelectorAll<HTMLInputElement>('input[type=password]');
    inputs[0].value = password;
    inputs[0].dispatchEvent(new Event('input'));
    inputs[1].value = confirm;
    inputs[1].dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    return { fixture, element };
  }

  it('does not send two different passwords', async () => {
    const { element } = await render('un-mot-de-passe-long', 'un-autre-mot-de-passe');
    http.expectNone('/api/auth/accept-link');
    expect(element.querySelector('[role=alert]')?.textContent).toContain('ne sont pas identiques');
  });

  it('sends the token with the password and shows the server’s refusal', async () => {
    const { fixture, element } = await render('un-mot-de-passe-long', 'un-mot-de-passe-long');
    const request = http.expectOne('/api/auth/accept-link');
    expect(request.request.body).toEqual({
      token: 'jeton-de-test-123',
      password: 'un-mot-de-passe-long',
    });
    request.flush(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Ce lien n’est plus valable. Demandez-en un nouveau aux RH.',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    // The refusal settles through a promise chain: let it run before looking.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('[role=alert]')?.textContent).toContain(
      'Ce lien n’est plus valable',
    );
  });
});
