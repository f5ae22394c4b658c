import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import { AuthStore } from './auth.store';
import { homeFor } from './navigation';

// inject() only works before the first await of a guard: take everything needed up front.

export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.me() === undefined) await auth.load();
  return auth.isSignedIn()
    ? true
    : router.createUrlTree(['/connexion'], { queryParams: { retour: state.url } });
};

/** The empty and unknown addresses: each role's home (the login page when signed out). */
export const toHome: RedirectFunction = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.me() === undefined) await auth.load();
  return router.parseUrl(auth.isSignedIn() ? homeFor(auth.role()) : '/connexion');
};

export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (auth.me() === undefined) await auth.load();
  return auth.isSignedIn() ? router.parseUrl(homeFor(auth.role())) : true;
};
