import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MyColleague, MyShift, MyWeek, Shift } from '@relais/api-types';
import { addDays, civilDate } from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { todayIn } from '../../common/today';
import type { AuthUser } from '../access/auth-user';
import { LocationEntity } from '../organisation/location.entity';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';
import { differs } from '../rota/rota.mapper';
import {
  PersonPublications,
  PublishedShift,
  PublishedShiftsService,
} from './published-shifts.service';
import { SelfServiceStateEntity } from './self-service-state.entity';

/** "My week" looks this many days ahead of today. */
export const MY_WEEK_DAYS = 14;

@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly published: PublishedShiftsService,
  ) {}

  /** Today and the next 14 days, published shifts only, changes since my last visit marked. */
  async week(user: AuthUser): Promise<MyWeek> {
    const generatedAt = new Date();
    const from = todayIn();
    const to = addDays(from, MY_WEEK_DAYS);
    const manager = this.dataSource.manager;
    const state = await manager.findOneBy(SelfServiceStateEntity, { personId: user.personId });
    const lastSeenAt = state?.weekSeenAt ?? null;
    const shifts = await this.myShifts(manager, user, from, to, lastSeenAt);
    const [contract] = await manager.query(
      `SELECT weekly_hours FROM contract WHERE person_id = $1 AND start_date <= $2
         AND (end_date IS NULL OR end_date >= $2) ORDER BY start_date DESC LIMIT 1`,
      [user.personId, from],
    );
    return {
      from,
      to,
      generatedAt: generatedAt.toISOString(),
      lastSeenAt: lastSeenAt?.toISOString() ?? null,
      shifts,
      weeklyHours: contract ? Number(contract.weekly_hours) : null,
    };
  }

  /** `GET /api/me/shifts`: my published shifts over a range, without change marks. */
  async shifts(user: AuthUser, from: string, to: string): Promise<MyShift[]> {
    return (await this.myShifts(this.dataSource.manager, user, from, to, null)).filter(
      (shift) => shift.change !== 'cancelled',
    );
  }

  /** Remembers what the person has seen; never moves backwards, never past now. */
  async markSeen(user: AuthUser, seenAt: Date): Promise<void> {
    const instant = new Date(Math.min(seenAt.getTime(), Date.now()));
    await this.dataSource.query(
      `INSERT INTO self_service_state (person_id, organisation_id, week_seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET week_seen_at = GREATEST(self_service_state.week_seen_at, EXCLUDED.week_seen_at)`,
      [user.personId, user.organisationId, instant],
    );
  }

  /** Colleagues of my home site I may offer a shift to. */
  async colleagues(user: AuthUser): Promise<MyColleague[]> {
    const rows: { id: string; first_name: string; last_name: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT p.id, p.first_name, p.last_name FROM person p
           JOIN person me ON me.id = $1 AND me.home_site_id = p.home_site_id
           JOIN contract c ON c.person_id = p.id AND (c.end_date IS NULL OR c.end_date >= $2)
          WHERE p.id <> $1 AND p.organisation_id = $3
          ORDER BY p.last_name, p.first_name`,
        [user.personId, todayIn(), user.organisationId],
      );
    return rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name }));
  }

  private async myShifts(
    manager: EntityManager,
    user: AuthUser,
    from: string,
    to: string,
    lastSeenAt: Date | null,
  ): Promise<MyShift[]> {
    const weeks = this.published.weeksBetween(from, to);
    const publications = await this.published.forPerson(
      manager,
      user.organisationId,
      user.personId,
      weeks[0],
      weeks[weeks.length - 1],
    );
    const inRange = (shift: Shift) => {
      const day = civilDate(new Date(shift.start).getTime(), user.timeZone);
      return day >= from && day <= to;
    };
    const seen = lastSeenAt ? publications.asOf(lastSeenAt) : null;
    const current = publications.current.filter(inRange);
    const cancelled = seen
      ? publications.cancelled.filter((shift) => inRange(shift) && seen.has(shift.id))
      : [];
    return this.describe(manager, user, publications, current, cancelled, seen);
  }

  private async describe(
    manager: EntityManager,
    user: AuthUser,
    publications: PersonPublications,
    current: PublishedShift[],
    cancelled: PublishedShift[],
    seen: Map<string, PublishedShift> | null,
  ): Promise<MyShift[]> {
    const all = [...current, ...cancelled];
    const colleaguesOf = new Map<string, string[]>();
    for (const shift of current) {
      const start = new Date(shift.start).getTime();
      const end = new Date(shift.end).getTime();
      colleaguesOf.set(
        shift.id,
        publications.allCurrent
          .filter(
            (other) =>
              other.personId !== null &&
              other.personId !== user.personId &&
              other.locationId === shift.locationId &&
              new Date(other.start).getTime() < end &&
              new Date(other.end).getTime() > start,
          )
          .map((other) => other.personId as string),
      );
    }
    const personIds = [...new Set([...colleaguesOf.values()].flat())];
    const locationIds = [...new Set(all.map((shift) => shift.locationId))];
    const [people, locations, swaps] = await Promise.all([
      personIds.length ? manager.findBy(PersonEntity, { id: In(personIds) }) : [],
      locationIds.length ? manager.findBy(LocationEntity, { id: In(locationIds) }) : [],
      all.length
        ? (manager.query(
            `SELECT id, shift_id FROM shift_swap WHERE shift_id = ANY($1::uuid[]) AND from_person_id = $2
               AND status IN ('offered', 'accepted')`,
            [all.map((shift) => shift.id), user.personId],
          ) as Promise<{ id: string; shift_id: string }[]>)
        : [],
    ]);
    const sites = locations.length
      ? await manager.findBy(SiteEntity, {
          id: In([...new Set(locations.map((location) => location.siteId))]),
        })
      : [];
    const person = new Map(people.map((row) => [row.id, row]));
    const location = new Map(locations.map((row) => [row.id, row]));
    const site = new Map(sites.map((row) => [row.id, row]));
    const swapOf = new Map(swaps.map((row) => [row.shift_id, row.id]));
    const view = (shift: PublishedShift, isCancelled: boolean): MyShift => {
      const old = seen?.get(shift.id);
      const hasMoved =
        !!old &&
        (new Date(old.start).getTime() !== new Date(shift.start).getTime() ||
          new Date(old.end).getTime() !== new Date(shift.end).getTime());
      const place = location.get(shift.locationId);
      return {
        id: shift.id,
        siteId: shift.siteId,
        siteName: site.get(place?.siteId ?? shift.siteId)?.name ?? '',
        locationName: place?.name ?? '',
        locationAddress: place?.address ?? '',
        activity: shift.activity,
        start: shift.start,
        end: shift.end,
        breakMinutes: shift.breakMinutes,
        note: shift.note,
        version: shift.version,
        colleagues: (colleaguesOf.get(shift.id) ?? [])
          .flatMap((id) => {
            const colleague = person.get(id);
            return colleague
              ? [{ id, firstName: colleague.firstName, lastName: colleague.lastName }]
              : [];
          })
          .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr')),
        change: isCancelled
          ? 'cancelled'
          : !seen
            ? null
            : !old
              ? 'new'
              : differs(shift, old)
                ? 'changed'
                : null,
        previous: hasMoved && old ? { start: old.start, end: old.end } : null,
        pendingSwapId: isCancelled ? null : (swapOf.get(shift.id) ?? null),
      };
    };
    return [
      ...current.map((shift) => view(shift, false)),
      ...cancelled.map((shift) => view(shift, true)),
    ].sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
  }
}
