import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Me, Role } from '@relais/api-types';
import { roleGuard } from './role.guard';

function me(role: Role): Me {
  return {
    id: 'u',
    email: 'x@relais.demo',
    role,
    personId: 'p',
    siteIds: [],
    firstName: 'A',
    lastName: 'B',
  };
}

describe('roleGuard', () => {
  async function navigateAs(role: Role): Promise<string> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'personnes', canActivate: [roleGuard('admin', 'hr', 'manager')], children: [] },
          { path: 'sites', children: [] },
          { path: 'ma-semaine', children: [] },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    const http = TestBed.inject(HttpTestingController);
    const navigation = router.navigateByUrl('/personnes');
    await new Promise((resolve) => setTimeout(resolve, 10));
    http.expectOne('/api/auth/me').flush(me(role));
    await navigation;
    return router.url;
  }

  it('lets a manager open the people list', async () => {
    expect(await navigateAs('manager')).toBe('/personnes');
  });

  it('sends a mediator back to their week', async () => {
    expect(await navigateAs('mediator')).toBe('/ma-semaine');
  });
});
