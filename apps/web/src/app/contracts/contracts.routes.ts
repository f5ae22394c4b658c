import { Route } from '@angular/router';

export const CONTRACTS_ROUTES: Route[] = [
  {
    path: 'echeances',
    title: 'Échéances des contrats – Relais',
    loadComponent: () => import('./contract-ends.page').then((m) => m.ContractEndsPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'echeances' },
];
