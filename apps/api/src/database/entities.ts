import { AuditEventEntity } from '../app/audit/audit-event.entity';
import { AccountEntity } from '../app/auth/account.entity';
import { SessionEntity } from '../app/auth/session.entity';
import { LocationEntity } from '../app/organisation/location.entity';
import { OrganisationEntity } from '../app/organisation/organisation.entity';
import { SiteEntity } from '../app/organisation/site.entity';
import { ManagerSiteEntity } from '../app/people/manager-site.entity';
import { PersonEntity } from '../app/people/person.entity';

/** Every entity, listed once: the app, the migration CLI and the drift test share this list. */
export const ENTITIES = [
  OrganisationEntity,
  SiteEntity,
  LocationEntity,
  PersonEntity,
  ManagerSiteEntity,
  AccountEntity,
  SessionEntity,
  AuditEventEntity,
];
