import { Route } from '@angular/router';

export const ROTA_ROUTES: Route[] = [
  {
    path: '',
    // The page sets "Planning S49 – Paris Sud – Relais" once the site-week is known.
    title: 'Planning – Relais',
    loadComponent: () => import('./rota.page').then((m) => m.RotaPage),
  },
];
