import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplementaryHours, MyColleague, MyShift, MyWeek, Shift } from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  civilDate,
  DEFAULT_RULE_SETTINGS,
  isoWeekOf,
  mondayOfIsoWeek,
  windowOfIsoWeek,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { todayIn } from '../../common/today';
import { inTurnOrTogether } from '../../database/in-turn';
import type { AuthUser } from '../access/auth-user';
import { LocationEntity } from '../organisation/location.entity';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
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

  /**
   * Published shifts only, changes since my last visit marked. Without a week: from Monday of
   * the current week (so the week's figures count the days already worked) to 14 days ahead;
   * with a week: that week, Monday to Sunday.
   */
  async week(user: AuthUser, isoWeek?: string): Promise<MyWeek> {
    const generatedAt = new Date();
    const today = todayIn(user.timeZone);
    const shown = isoWeek ?? isoWeekOf(today);
    const window = windowOfIsoWeek(shown);
    const from = window.from;
    const to = isoWeek ? window.to : addDays(today, MY_WEEK_DAYS);
    const manager = this.dataSource.manager;
    const state = await manager.findOneBy(SelfServiceStateEntity, { personId: user.personId });
    const lastSeenAt = state?.weekSeenAt ?? null;
    const shifts = await this.myShifts(manager, user, from, to, lastSeenAt);
    const onDay = isoWeek ? from : today;
    const [contract]: { weekly_hours: string }[] = await manager.query(
      `SELECT weekly_hours FROM contract WHERE person_id = $1 AND start_date <= $3
         AND (end_date IS NULL OR end_date >= $2) ORDER BY start_date DESC LIMIT 1`,
      [user.personId, onDay, isoWeek ? window.to : onDay],
    );
    const weeklyHours = contract ? Number(contract.weekly_hours) : null;
    return {
      from,
      to,
      week: shown,
      generatedAt: generatedAt.toISOString(),
      lastSeenAt: lastSeenAt?.toISOString() ?? null,
      shifts,
      weeklyHours,
      complementaryHours:
        weeklyHours === null
          ? null
          : await this.complementaryHours(manager, user, shown, weeklyHours),
    };
  }

  /**
   * A part-timer's complementary hours (C. trav., art. L3123-28: 1/10 of the contract's hours,
   * up to 1/3 by agreement, L3123-20, from the organisation's settings) in a week and in the
   * month holding that week's Thursday. Like the rota's check, each week counts what exceeds
   * the contract's weekly hours; the month adds up its weeks and their limits. Published shifts
   * only: what the person has been told.
   */
  private async complementaryHours(
    manager: EntityManager,
    user: AuthUser,
    week: string,
    weeklyHours: number,
  ): Promise<ComplementaryHours | null> {
    if (weeklyHours >= DEFAULT_RULE_SETTINGS.fullTimeWeeklyHours) return null;
    const { complementaryHoursRatio } = await readOrganisationSettings(
      manager,
      user.organisationId,
    );
    const thursdayOf = (candidate: string) => addDays(mondayOfIsoWeek(candidate), 3);
    const month = thursdayOf(week).slice(0, 7);
    const weeks = [week];
    const inMonth = (candidate: string) => thursdayOf(candidate).slice(0, 7) === month;
    for (let before = addIsoWeeks(week, -1); inMonth(before); before = addIsoWeeks(before, -1))
      weeks.unshift(before);
    for (let after = addIsoWeeks(week, 1); inMonth(after); after = addIsoWeeks(after, 1))
      weeks.push(after);
    const publications = await this.published.forPerson(
      manager,
      user.organisationId,
      user.personId,
      weeks[0],
      weeks[weeks.length - 1],
    );
    const contractMinutes = Math.round(weeklyHours * 60);
    const capMinutes = Math.floor(contractMinutes * complementaryHoursRatio + 1e-6);
    const extraOf = (candidate: string) => {
      const planned = publications.current
        .filter(
          (shift) =>
            isoWeekOf(civilDate(new Date(shift.start).getTime(), user.timeZone)) === candidate,
        )
        .reduce(
          (sum, shift) =>
            sum +
            (new Date(shift.end).getTime() - new Date(shift.start).getTime()) / 60_000 -
            shift.breakMinutes,
          0,
        );
      return Math.max(0, Math.round(planned) - contractMinutes);
    };
    return {
      ratio: complementaryHoursRatio,
      weekMinutes: extraOf(week),
      weekCapMinutes: capMinutes,
      month,
      monthMinutes: weeks.reduce((sum, candidate) => sum + extraOf(candidate), 0),
      monthCapMinutes: capMinutes * weeks.length,
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

  /**
   * Colleagues of my home site I may offer a shift to: mediators with an active account whose
   * contract covers the shift's day (or, without a shift, has not ended). Neither the site's
   * manager nor HR: a swap hands a mediator's shift to another mediator.
   */
  async colleagues(user: AuthUser, shiftId?: string): Promise<MyColleague[]> {
    let from = todayIn(user.timeZone);
    let to: string | null = from;
    if (shiftId) {
      const [shift]: { start_at: Date }[] = await this.dataSource.query(
        'SELECT start_at FROM shift WHERE id = $1 AND organisation_id = $2 AND person_id = $3',
        [shiftId, user.organisationId, user.personId],
      );
      if (!shift) throw new NotFoundException('Créneau introuvable parmi vos créneaux.');
      from = to = civilDate(shift.start_at.getTime(), user.timeZone);
    } else {
      to = null;
    }
    const rows: { id: string; first_name: string; last_name: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT p.id, p.first_name, p.last_name FROM person p
           JOIN person me ON me.id = $1 AND me.home_site_id = p.home_site_id
           JOIN account a ON a.person_id = p.id AND a.is_active AND a.role = 'mediator'
           JOIN contract c ON c.person_id = p.id AND (c.end_date IS NULL OR c.end_date >= $2)
                AND ($4::date IS NULL OR c.start_date <= $4::date)
          WHERE p.id <> $1 AND p.organisation_id = $3
          ORDER BY p.last_name, p.first_name`,
        [user.personId, from, user.organisationId, to],
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
    // Others' published shifts by place, their bounds read once (not once per shift of mine).
    const othersAt = new Map<string, { personId: string; start: number; end: number }[]>();
    for (const other of publications.allCurrent) {
      if (other.personId === null || other.personId === user.personId) continue;
      let atPlace = othersAt.get(other.locationId);
      if (atPlace === undefined) othersAt.set(other.locationId, (atPlace = []));
      atPlace.push({
        personId: other.personId,
        start: Date.parse(other.start),
        end: Date.parse(other.end),
      });
    }
    const colleaguesOf = new Map<string, string[]>();
    for (const shift of current) {
      const start = Date.parse(shift.start);
      const end = Date.parse(shift.end);
      colleaguesOf.set(
        shift.id,
        (othersAt.get(shift.locationId) ?? [])
          .filter((other) => other.start < end && other.end > start)
          .map((other) => other.personId),
      );
    }
    const personIds = [...new Set([...colleaguesOf.values()].flat())];
    const locationIds = [...new Set(all.map((shift) => shift.locationId))];
    const [people, locations, swaps] = await inTurnOrTogether(manager, [
      async () => (personIds.length ? manager.findBy(PersonEntity, { id: In(personIds) }) : []),
      async () =>
        locationIds.length ? manager.findBy(LocationEntity, { id: In(locationIds) }) : [],
      async () =>
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
