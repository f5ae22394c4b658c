import { Route } from '@angular/router';
import { signedInGuard, signedOutGuard, toHome } from './core/auth.guard';
import { roleGuard } from './core/role.guard';

export const appRoutes: Route[] = [
  {
    path: 'invitation/:token',
    title: 'Choisir mon mot de passe – Relais',
    loadComponent: () => import('./auth/accept-link.page').then((m) => m.AcceptLinkPage),
  },
  {
    path: 'reinitialisation/:token',
    title: 'Choisir mon mot de passe – Relais',
    loadComponent: () => import('./auth/accept-link.page').then((m) => m.AcceptLinkPage),
  },
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
  {
    path: 'personnes',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager')],
    loadChildren: () => import('./people/people.routes').then((m) => m.PEOPLE_ROUTES),
  },
  {
    path: 'contrats',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager')],
    loadChildren: () => import('./contracts/contracts.routes').then((m) => m.CONTRACTS_ROUTES),
  },
  {
    path: 'demandes',
    canActivate: [signedInGuard],
    loadChildren: () => import('./requests/requests.routes').then((m) => m.REQUESTS_ROUTES),
  },
  {
    path: 'planning',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager', 'mediator')],
    loadChildren: () => import('./rota/rota.routes').then((m) => m.ROTA_ROUTES),
  },
  {
    path: 'formation',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager')],
    loadChildren: () => import('./training/training.routes').then((m) => m.TRAINING_ROUTES),
  },
  {
    path: 'mon-parcours',
    canActivate: [signedInGuard],
    title: 'Mon parcours – Relais',
    loadComponent: () => import('./training/pathway.page').then((m) => m.PathwayPage),
  },
  {
    path: 'parcours',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager')],
    loadChildren: () => import('./training/training.routes').then((m) => m.PATHWAY_ROUTES),
  },
  {
    path: 'ma-semaine',
    canActivate: [signedInGuard],
    title: 'Ma semaine – Relais',
    loadComponent: () => import('./me/my-week.page').then((m) => m.MyWeekPage),
  },
  {
    path: 'mon-agenda',
    canActivate: [signedInGuard],
    title: 'Mon agenda – Relais',
    loadComponent: () => import('./me/calendar.page').then((m) => m.CalendarPage),
  },
  {
    path: 'echanges',
    canActivate: [signedInGuard],
    title: 'Échanges – Relais',
    loadComponent: () => import('./me/swaps.page').then((m) => m.SwapsPage),
  },
  {
    path: 'creneaux-disponibles',
    canActivate: [signedInGuard],
    title: 'Créneaux disponibles – Relais',
    loadComponent: () => import('./open-shifts/open-shifts.page').then((m) => m.OpenShiftsPage),
  },
  {
    path: 'a-decider',
    canActivate: [signedInGuard, roleGuard('admin', 'hr', 'manager')],
    title: 'À décider – Relais',
    loadComponent: () => import('./pending/pending.page').then((m) => m.PendingPage),
  },
  {
    path: 'messages',
    canActivate: [signedInGuard],
    title: 'Messages – Relais',
    loadComponent: () => import('./me/inbox.page').then((m) => m.InboxPage),
  },
  {
    path: 'paie',
    canActivate: [signedInGuard, roleGuard('admin', 'hr')],
    title: 'Clôture du mois et paie – Relais',
    loadComponent: () => import('./payroll/payroll.page').then((m) => m.PayrollPage),
  },
  {
    path: 'mes-releves',
    canActivate: [signedInGuard],
    title: 'Mes relevés d’heures – Relais',
    loadComponent: () => import('./payroll/my-statements.page').then((m) => m.MyStatementsPage),
  },
  {
    path: 'financeurs',
    canActivate: [signedInGuard, roleGuard('admin', 'hr')],
    title: 'Documents financeurs – Relais',
    loadComponent: () => import('./funders/funders.page').then((m) => m.FundersPage),
  },
  {
    path: 'parametres',
    canActivate: [signedInGuard, roleGuard('admin')],
    title: 'Paramètres de l’association – Relais',
    loadComponent: () => import('./settings/settings.page').then((m) => m.SettingsPage),
  },
  { path: '', pathMatch: 'full', redirectTo: toHome },
  { path: '**', redirectTo: toHome },
];
