import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';

// inject() only works before the first await of a guard: take everything needed up front.

export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.me() === undefined) await auth.load();
  return auth.isSignedIn()
    ? true
    : router.createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
};

export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.me() === undefined) await auth.load();
  return auth.isSignedIn() ? router.createUrlTree(['/sites']) : true;
};
