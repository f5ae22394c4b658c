import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Role } from '@relais/api-types';
import type { AuthUser } from './auth-user';

export type Intent = 'read' | 'write';

const ROLE_LABEL: Record<Role, string> = {
  admin: 'direction',
  hr: 'RH',
  manager: 'responsable de site',
  mediator: 'médiateur ou médiatrice',
};

/** What a policy needs of a person: who they are and their home site. */
export interface PersonInScope {
  id: string;
  homeSiteId: string | null;
}

/**
 * The one place that decides who may do what, by role and by site. Every feature calls it
 * instead of re-implementing scope checks. The policies, in one table a reader can audit:
 *
 * | policy                   | admin, HR | manager                               | mediator |
 * |--------------------------|-----------|---------------------------------------|----------|
 * | site: read               | all sites | the sites they run                    | home site|
 * | site: write (rota)       | all sites | the sites they run                    | never    |
 * | person: read (record,    | anyone    | themselves, people of the sites they  | themselves|
 * |   contracts, pathway)    |           |   run                                 |          |
 * | person: manage (skills,  | anyone    | people of the sites they run          | never    |
 * |   absences, loans)       |           |                                       |          |
 * | job applications: write  | anyone    | never (reads them with the pathway)   | their own|
 * | request: decide          | anyone but themselves | people of their sites, not themselves | never |
 * | training: enrol          | anyone    | people of their sites, in sessions held at their sites | never |
 * | training: withdraw       | anyone    | if they run the session's site or the person's site | never |
 * | account of an admin      | admin only| no                                    | no       |
 * | pay: a contract's hourly | yes       | no (the labour cost of the sites they | no       |
 * |   cost                   |           |   run, as a site total only)          |          |
 * | organisation-wide data   | yes       | no                                    | no       |
 *   (HR notes, exits, reports, validation)
 *
 * Another organisation's records answer 404 before any of these run (see `requireSite`).
 */
@Injectable()
export class AccessService {
  // The sites in scope (admin/HR: every site of the organisation; a manager: the sites managed;
  // otherwise the home site) are read with the session, in one query: AuthService.userFromToken.

  hasRole(user: AuthUser, roles: readonly Role[]): boolean {
    return roles.includes(user.role);
  }

  requireRole(user: AuthUser, roles: readonly Role[]): void {
    if (!this.hasRole(user, roles)) {
      throw new ForbiddenException(
        `Action réservée aux rôles : ${roles.map((role) => ROLE_LABEL[role]).join(', ')}.`,
      );
    }
  }

  /** Whether the user may read or change data of a site. Mediators only ever read. */
  canAccessSite(user: AuthUser, siteId: string, intent: Intent): boolean {
    if (this.isOrganisationWide(user.role) || user.role === 'manager')
      return user.siteIds.includes(siteId);
    return intent === 'read' && user.siteIds.includes(siteId);
  }

  /** Admin and HR act on the whole organisation. */
  isOrganisationWide(role: Role): boolean {
    return role === 'admin' || role === 'hr';
  }

  /** A contract's hourly cost (pay): HR and admin only, never a manager or the person. */
  canSeePay(user: AuthUser): boolean {
    return this.isOrganisationWide(user.role);
  }

  /** The estimated labour cost of a site-week, as a site total: HR, admin, the site's managers. */
  canSeeSiteLabourCost(user: AuthUser, siteId: string): boolean {
    return (
      this.isOrganisationWide(user.role) ||
      (user.role === 'manager' && user.siteIds.includes(siteId))
    );
  }

  /** A manager who runs the person's home site. */
  private runsHomeSite(user: AuthUser, person: PersonInScope): boolean {
    return (
      user.role === 'manager' &&
      person.homeSiteId !== null &&
      user.siteIds.includes(person.homeSiteId)
    );
  }

  canReadPerson(user: AuthUser, person: PersonInScope): boolean {
    return (
      this.isOrganisationWide(user.role) ||
      person.id === user.personId ||
      this.runsHomeSite(user, person)
    );
  }

  requireReadPerson(
    user: AuthUser,
    person: PersonInScope,
    message = 'Cette personne ne fait pas partie de votre périmètre.',
  ): void {
    if (!this.canReadPerson(user, person)) throw new ForbiddenException(message);
  }

  /** Skills, absences, loans: HR and admin, or the manager of the person's site. */
  canManagePerson(user: AuthUser, person: PersonInScope): boolean {
    return this.isOrganisationWide(user.role) || this.runsHomeSite(user, person);
  }

  requireManagePerson(user: AuthUser, person: PersonInScope): void {
    if (!this.canManagePerson(user, person)) {
      throw new ForbiddenException(
        'Seuls les RH ou le responsable du site de la personne peuvent faire cette modification.',
      );
    }
  }

  /**
   * Job applications: HR and admin for anyone, and the person for their own (a mediator logs on
   * the phone what they sent). A manager reads them with the pathway but does not write them.
   */
  canWriteApplications(user: AuthUser, person: PersonInScope): boolean {
    return this.isOrganisationWide(user.role) || person.id === user.personId;
  }

  requireWriteApplications(user: AuthUser, person: PersonInScope): void {
    if (!this.canWriteApplications(user, person))
      throw new ForbiddenException(
        'Seuls les RH et la personne elle-même peuvent noter ses candidatures.',
      );
  }

  /** A request is decided by those who manage the person, never by the person. */
  requireDecideRequest(user: AuthUser, person: PersonInScope): void {
    if (!this.canManagePerson(user, person) || person.id === user.personId) {
      throw new ForbiddenException(
        'Seul le responsable du site de la personne (ou les RH) peut décider de cette demande.',
      );
    }
  }

  /**
   * HR and direction enrol anyone. A manager enrols only people of the sites they manage, in
   * sessions held at a site they manage: the enrolment is an item on the session site's rota,
   * and nobody writes on a rota they do not run.
   */
  requireEnrol(user: AuthUser, person: PersonInScope, sessionSiteId: string): void {
    this.requireRole(user, ['admin', 'hr', 'manager']);
    if (user.role !== 'manager') return;
    if (!this.runsHomeSite(user, person))
      throw new ForbiddenException(
        'Vous ne pouvez inscrire que les personnes des sites dont vous avez la charge.',
      );
    if (!user.siteIds.includes(sessionSiteId))
      throw new ForbiddenException(
        'Cette session se tient sur un site dont vous n’avez pas la charge : l’inscription irait sur son planning. Demandez à sa ou son responsable ou aux RH.',
      );
  }

  /**
   * The session site's manager (the rota showing the item) and the person's own manager may
   * withdraw an enrolment, whoever made it; HR and direction always may.
   */
  requireWithdraw(user: AuthUser, person: PersonInScope, sessionSiteId: string): void {
    this.requireRole(user, ['admin', 'hr', 'manager']);
    if (user.role !== 'manager') return;
    if (!user.siteIds.includes(sessionSiteId) && !this.runsHomeSite(user, person))
      throw new ForbiddenException(
        'Vous ne pouvez retirer que les inscriptions aux sessions de vos sites ou celles des personnes de vos sites.',
      );
  }

  /** Only the direction creates an admin account or issues its links: HR cannot make one. */
  requireMayActOnAccountOf(user: AuthUser, targetRole: Role | undefined, message: string): void {
    if (targetRole === 'admin' && user.role !== 'admin') throw new ForbiddenException(message);
  }

  requireSite(user: AuthUser, siteId: string, intent: Intent): void {
    if (!this.canAccessSite(user, siteId, intent)) {
      // Another organisation's site, or none: the same answer as an unknown id, no hint.
      if (user.organisationSiteIds && !user.organisationSiteIds.includes(siteId)) {
        throw new NotFoundException('Site introuvable.');
      }
      throw new ForbiddenException(
        intent === 'read'
          ? 'Ce site ne fait pas partie de votre périmètre.'
          : 'Vous ne pouvez modifier que les sites dont vous avez la charge.',
      );
    }
  }
}
