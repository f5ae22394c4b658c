import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@relais/api-types';
import { AuthStore } from './auth.store';
import { homeFor } from './navigation';

/**
 * Lets only the given roles in; anyone else signed in goes back to their home page (the API
 * refuses them anyway: this only spares them a page of errors). Put after `signedInGuard`.
 */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    if (auth.me() === undefined) await auth.load();
    const role = auth.role();
    if (role && roles.includes(role)) return true;
    return router.parseUrl(role ? homeFor(role) : '/connexion');
  };
}
