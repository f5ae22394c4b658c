import { Route } from '@angular/router';
import { RotaPage } from './rota.page';

export const ROTA_ROUTES: Route[] = [
  {
    path: '',
    // The page sets "Planning S49 – Paris Sud – Relais" once the site-week is known.
    title: 'Planning – Relais',
    // In the routes' own chunk: the router fetches it while the session is being checked, not
    // after (a lazy component would be a second round trip once the guards have answered).
    component: RotaPage,
  },
];
