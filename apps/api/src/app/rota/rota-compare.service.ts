import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  RotaComparison,
  RotaDiffItem,
  RotaDiffShift,
  RotaPersonDiff,
  RotaVersion,
  Shift,
} from '@relais/api-types';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { LocationEntity } from '../organisation/location.entity';
import { PersonEntity } from '../people/person.entity';
import { RotaPublicationEntity } from './rota-publication.entity';
import { differsInSchedule } from './rota.mapper';
import { SiteWeekEntity } from './site-week.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** A difference before names are resolved. */
export interface RawDiffItem {
  kind: RotaDiffItem['kind'];
  personId: string | null;
  shiftId: string;
  before: Shift | null;
  after: Shift | null;
  /** Added: who had it before; removed: who has it now (null: the open-shift row, or none). */
  otherPersonId: string | null;
  /** Whether there is another side at all (a shift given from or to someone). */
  hasOther: boolean;
}

function sameContent(a: Shift, b: Shift): boolean {
  return a.personId === b.personId && !differsInSchedule(a, b);
}

/**
 * What changed between two versions of a week, as each person sees it: a shift kept by its
 * person but changed (day, times, place, activity) is one move; a shift given to someone else is
 * removed from one and added to the other; a shift deleted and made again the same (a copy, an
 * undo) is no change.
 */
export function diffShifts(from: Shift[], to: Shift[]): RawDiffItem[] {
  const out: RawDiffItem[] = [];
  const toById = new Map(to.map((shift) => [shift.id, shift]));
  const fromIds = new Set(from.map((shift) => shift.id));
  const removed: Shift[] = [];
  for (const before of from) {
    const after = toById.get(before.id);
    if (!after) {
      removed.push(before);
      continue;
    }
    if (before.personId === after.personId) {
      if (differsInSchedule(after, before))
        out.push({
          kind: 'moved',
          personId: after.personId,
          shiftId: after.id,
          before,
          after,
          otherPersonId: null,
          hasOther: false,
        });
      continue;
    }
    out.push({
      kind: 'removed',
      personId: before.personId,
      shiftId: before.id,
      before,
      after: null,
      otherPersonId: after.personId,
      hasOther: true,
    });
    out.push({
      kind: 'added',
      personId: after.personId,
      shiftId: after.id,
      before: null,
      after,
      otherPersonId: before.personId,
      hasOther: true,
    });
  }
  const added = to.filter((shift) => !fromIds.has(shift.id));
  for (const before of removed) {
    const twin = added.findIndex((after) => sameContent(before, after));
    if (twin >= 0) {
      added.splice(twin, 1);
      continue;
    }
    out.push({
      kind: 'removed',
      personId: before.personId,
      shiftId: before.id,
      before,
      after: null,
      otherPersonId: null,
      hasOther: false,
    });
  }
  for (const after of added)
    out.push({
      kind: 'added',
      personId: after.personId,
      shiftId: after.id,
      before: null,
      after,
      otherPersonId: null,
      hasOther: false,
    });
  return out;
}

const startOf = (item: RawDiffItem) => new Date((item.after ?? item.before)?.start ?? 0).getTime();

/** Versions of a site-week and the differences between two of them. */
@Injectable()
export class RotaCompareService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly loader: SiteWeekLoader,
  ) {}

  /** The draft as it stands, then every publication, newest first. */
  async versions(user: AuthUser, siteId: string, week: string): Promise<RotaVersion[]> {
    this.access.requireSite(user, siteId, 'read');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const loaded = await this.loader.load(manager, user, siteId, week);
      const publications = await this.publications(manager, user, siteId, week);
      const names = await this.publisherNames(
        manager,
        publications.map((publication) => publication.publishedBy),
      );
      return [
        this.draft(loaded.shifts),
        ...publications.map((publication) => this.toVersion(publication, names)),
      ];
    });
  }

  async compare(
    user: AuthUser,
    siteId: string,
    week: string,
    fromRef: string,
    toRef: string,
  ): Promise<RotaComparison> {
    this.access.requireSite(user, siteId, 'read');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const loaded = await this.loader.load(manager, user, siteId, week);
      const publications = await this.publications(manager, user, siteId, week);
      const names = await this.publisherNames(
        manager,
        publications.map((publication) => publication.publishedBy),
      );
      const pick = (ref: string, field: string): { version: RotaVersion; shifts: Shift[] } => {
        if (ref === 'draft') return { version: this.draft(loaded.shifts), shifts: loaded.shifts };
        const publication =
          ref === 'published'
            ? publications[0]
            : publications.find((candidate) => candidate.id === ref.toLowerCase());
        if (publication)
          return { version: this.toVersion(publication, names), shifts: publication.shifts };
        if (ref === 'published')
          // Never published: everything in the draft is new.
          return {
            version: {
              id: 'published',
              version: null,
              publishedAt: null,
              publishedByName: null,
              shiftCount: 0,
            },
            shifts: [],
          };
        throw new NotFoundException({
          message: `Version introuvable pour « ${field} » : aucune publication de cette semaine ne porte cet identifiant.`,
          details: [{ field, message: 'version introuvable pour cette semaine' }],
        });
      };
      const from = pick(fromRef, 'from');
      const to = pick(toRef, 'to');
      return {
        siteId,
        week,
        from: from.version,
        to: to.version,
        people: await this.resolve(manager, user, diffShifts(from.shifts, to.shifts)),
      };
    });
  }

  /** Groups differences by person (open shifts first, then by name) with names resolved. */
  async resolve(
    manager: EntityManager,
    user: AuthUser,
    items: RawDiffItem[],
  ): Promise<RotaPersonDiff[]> {
    const personIds = new Set<string>();
    const locationIds = new Set<string>();
    for (const item of items) {
      if (item.personId) personIds.add(item.personId);
      if (item.otherPersonId) personIds.add(item.otherPersonId);
      for (const shift of [item.before, item.after]) if (shift) locationIds.add(shift.locationId);
    }
    const people = personIds.size
      ? await manager.findBy(PersonEntity, {
          id: In([...personIds]),
          organisationId: user.organisationId,
        })
      : [];
    const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    const locations = locationIds.size
      ? await manager.findBy(LocationEntity, {
          id: In([...locationIds]),
          organisationId: user.organisationId,
        })
      : [];
    const places = new Map(locations.map((location) => [location.id, location.name]));
    const shiftOf = (shift: Shift | null): RotaDiffShift | null =>
      shift && {
        activity: shift.activity,
        locationName: places.get(shift.locationId) ?? null,
        start: shift.start,
        end: shift.end,
      };
    const byPerson = new Map<string | null, RawDiffItem[]>();
    for (const item of items)
      byPerson.set(item.personId, [...(byPerson.get(item.personId) ?? []), item]);
    return [...byPerson.entries()]
      .map(([personId, list]) => ({
        personId,
        personName: personId ? (names.get(personId) ?? null) : null,
        items: list
          .sort((a, b) => startOf(a) - startOf(b))
          .map((item) => ({
            kind: item.kind,
            shiftId: item.shiftId,
            before: shiftOf(item.before),
            after: shiftOf(item.after),
            otherPersonName: item.otherPersonId ? (names.get(item.otherPersonId) ?? null) : null,
            isOtherOpen: item.hasOther && item.otherPersonId === null,
          })),
      }))
      .sort((a, b) =>
        a.personId === null
          ? -1
          : b.personId === null
            ? 1
            : (a.personName ?? '').localeCompare(b.personName ?? '', 'fr'),
      );
  }

  private draft(shifts: Shift[]): RotaVersion {
    return {
      id: 'draft',
      version: null,
      publishedAt: null,
      publishedByName: null,
      shiftCount: shifts.length,
    };
  }

  private toVersion(publication: RotaPublicationEntity, names: Map<string, string>): RotaVersion {
    return {
      id: publication.id,
      version: publication.version,
      publishedAt: publication.publishedAt.toISOString(),
      publishedByName: publication.publishedBy
        ? (names.get(publication.publishedBy) ?? null)
        : null,
      shiftCount: publication.shifts.length,
    };
  }

  /** The week's publications, newest first. */
  private async publications(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
  ): Promise<RotaPublicationEntity[]> {
    const siteWeek = await manager.findOneBy(SiteWeekEntity, { siteId, week });
    if (!siteWeek) return [];
    return manager.find(RotaPublicationEntity, {
      where: { siteWeekId: siteWeek.id, organisationId: user.organisationId },
      order: { version: 'DESC' },
    });
  }

  /** Names of the accounts that published, by account id. */
  private async publisherNames(
    manager: EntityManager,
    accountIds: (string | null)[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(accountIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; first_name: string; last_name: string }[] = await manager.query(
      `SELECT a.id, p.first_name, p.last_name FROM account a JOIN person p ON p.id = a.person_id
        WHERE a.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`]));
  }
}
