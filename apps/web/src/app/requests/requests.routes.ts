import { inject } from '@angular/core';
import { ResolveFn, Route } from '@angular/router';
import { AuthStore } from '../core/auth.store';

const requestsTitle: ResolveFn<string> = () =>
  inject(AuthStore).role() === 'mediator' ? 'Mes demandes – Relais' : 'Demandes – Relais';

export const REQUESTS_ROUTES: Route[] = [
  {
    path: '',
    title: requestsTitle,
    loadComponent: () => import('./requests.page').then((m) => m.RequestsPage),
  },
];
