import { Route } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth.guard';

export const appRoutes: Route[] = [
  {
    path: 'connexion',
    canActivate: [signedOutGuard],
    title: 'Connexion – Relais',
    loadComponent: () => import('./auth/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'sites',
    canActivate: [signedInGuard],
    title: 'Sites – Relais',
    loadComponent: () => import('./sites/sites.page').then((m) => m.SitesPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'sites' },
  { path: '**', redirectTo: 'sites' },
];
