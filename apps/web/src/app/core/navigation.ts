import type { Role } from '@relais/api-types';

export interface NavItem {
  /** i18n key of the label. */
  label: string;
  link: string;
  roles: readonly Role[];
  /** A plain link out of the Angular app (e.g. the API documentation). */
  isExternal?: boolean;
  /** Shows the count of decisions waiting for the reader (requests, swaps, claims). */
  hasPendingBadge?: boolean;
}

// Each feature adds its entry here with the roles that may use it.
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'nav.sites', link: '/sites', roles: ['admin', 'hr', 'manager', 'mediator'] },
  { label: 'nav.people', link: '/personnes', roles: ['admin', 'hr', 'manager'] },
  { label: 'nav.contractEnds', link: '/contrats/echeances', roles: ['admin', 'hr', 'manager'] },
  { label: 'nav.rota', link: '/planning', roles: ['admin', 'hr', 'manager', 'mediator'] },
  { label: 'nav.requests', link: '/demandes', roles: ['admin', 'hr', 'manager', 'mediator'] },
  { label: 'nav.training', link: '/formation', roles: ['admin', 'hr', 'manager'] },
  { label: 'nav.pathways', link: '/parcours', roles: ['admin', 'hr'] },
  { label: 'nav.funders', link: '/financeurs', roles: ['admin', 'hr'] },
  { label: 'nav.myPathway', link: '/mon-parcours', roles: ['mediator'] },
  { label: 'nav.myWeek', link: '/ma-semaine', roles: ['mediator'] },
  { label: 'nav.swaps', link: '/echanges', roles: ['admin', 'hr', 'manager', 'mediator'] },
  { label: 'nav.openShifts', link: '/creneaux-disponibles', roles: ['mediator'] },
  {
    label: 'nav.pending',
    link: '/a-decider',
    roles: ['admin', 'hr', 'manager'],
    hasPendingBadge: true,
  },
  { label: 'nav.payroll', link: '/paie', roles: ['admin', 'hr'] },
  { label: 'nav.myStatements', link: '/mes-releves', roles: ['mediator'] },
  { label: 'nav.settings', link: '/parametres', roles: ['admin'] },
  { label: 'nav.apiDocs', link: '/api/docs', roles: ['admin'], isExternal: true },
];

/** Where each role lands after login or on an unknown address: a mediator on their week. */
export function homeFor(role: Role | null): string {
  return role === 'mediator' ? '/ma-semaine' : '/sites';
}

export function navFor(role: Role | null): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}

/** The mediator's phone bar (UX §5): week, pathway, requests, swaps. */
export const PHONE_ITEMS: readonly NavItem[] = [
  { label: 'me.nav.week', link: '/ma-semaine', roles: ['mediator'] },
  { label: 'me.nav.pathway', link: '/mon-parcours', roles: ['mediator'] },
  { label: 'me.nav.requests', link: '/demandes', roles: ['mediator'] },
  { label: 'me.nav.swaps', link: '/echanges', roles: ['mediator'] },
];
