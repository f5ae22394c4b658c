import { Route } from '@angular/router';
import { roleGuard } from '../core/role.guard';

export const PEOPLE_ROUTES: Route[] = [
  {
    path: '',
    title: 'Personnes – Relais',
    loadComponent: () => import('./people-list.page').then((m) => m.PeopleListPage),
  },
  {
    path: ':id/contrats/nouveau',
    canActivate: [roleGuard('admin', 'hr')],
    title: 'Nouveau contrat – Relais',
    loadComponent: () => import('../contracts/contract-form.page').then((m) => m.ContractFormPage),
  },
  {
    path: ':id',
    // The page sets "Name – Personnes – Relais" once the record is loaded.
    title: 'Fiche – Personnes – Relais',
    loadComponent: () => import('./person.page').then((m) => m.PersonPage),
  },
];
