import { Route } from '@angular/router';
import { roleGuard } from '../core/role.guard';

export const TRAINING_ROUTES: Route[] = [
  {
    path: '',
    title: 'Formation – Relais',
    loadComponent: () => import('./training.page').then((m) => m.TrainingPage),
  },
];

export const PATHWAY_ROUTES: Route[] = [
  {
    path: '',
    canActivate: [roleGuard('admin', 'hr')],
    title: 'Parcours et sorties – Relais',
    loadComponent: () => import('./pathway-dashboard.page').then((m) => m.PathwayDashboardPage),
  },
  {
    path: ':id',
    // The page sets "Parcours de <name> – Relais" once loaded.
    title: 'Parcours – Relais',
    loadComponent: () => import('./pathway.page').then((m) => m.PathwayPage),
  },
];
