import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { signedInGuard, toHome } from './auth.guard';

describe('signedInGuard', () => {
  it('sends a visitor without a session to the login page, keeping where they were going', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sites', canActivate: [signedInGuard], children: [] },
          { path: 'connexion', children: [] },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    const http = TestBed.inject(HttpTestingController);
    const navigation = router.navigateByUrl('/sites');
    // The router runs the guard asynchronously: let it issue its request.
    await new Promise((resolve) => setTimeout(resolve, 10));
    http
      .expectOne('/api/auth/me')
      .flush({ message: 'Connexion requise.' }, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    expect(router.url).toBe('/connexion?retour=%2Fsites');
  });
});

describe('toHome', () => {
  async function landing(role: string | null): Promise<string> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sites', children: [] },
          { path: 'ma-semaine', children: [] },
          { path: 'connexion', children: [] },
          { path: '', pathMatch: 'full', redirectTo: toHome },
          { path: '**', redirectTo: toHome },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    const http = TestBed.inject(HttpTestingController);
    const navigation = router.navigateByUrl('/nulle-part');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const request = http.expectOne('/api/auth/me');
    if (role) request.flush({ id: 'u1', role, email: 'x@relais.demo' });
    else
      request.flush({ message: 'Connexion requise.' }, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    return router.url;
  }

  it('sends each role to its home and a visitor to the login page', async () => {
    expect(await landing('mediator')).toBe('/ma-semaine');
    expect(await landing('manager')).toBe('/sites');
    expect(await landing(null)).toBe('/connexion');
  });
});
