import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Shift, Violation } from '@relais/api-types';
import {
  addDays,
  checkRotaPerson,
  daysBetween,
  isoWeekOf,
  ScheduleChange,
  shiftToWorkItem,
  zonedInstant,
} from '@relais/rules';
import { DataSource } from 'typeorm';
import { inTurnOrTogether } from '../../database/in-turn';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { PublishedShiftsService } from '../me/published-shifts.service';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { PeopleService } from '../people/people.service';
import { toShift } from './rota.mapper';
import { changesForRules, pendingChanges } from './site-week/schedule-changes';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** One person's checks over a range of days, all sites together (`GET /api/compliance`). */
@Injectable()
export class RotaComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly access: AccessService,
    private readonly published: PublishedShiftsService,
    private readonly loader: SiteWeekLoader,
  ) {}

  /** Violations of one person over a date range, all sites together. */
  async compliance(
    user: AuthUser,
    personId: string,
    from: string,
    to: string,
  ): Promise<Violation[]> {
    // The person (scope) and the settings in parallel; the checks' inputs then in parallel too:
    // each query takes its own pooled connection, so the route waits for the slowest, not the sum.
    const [person, settings] = await Promise.all([
      this.people.findInOrganisation(user, personId),
      readOrganisationSettings(this.dataSource.manager, user.organisationId),
    ]);
    this.access.requireReadPerson(user, person);
    if (to < from) {
      throw new UnprocessableEntityException({
        message: 'La fin de la période précède son début.',
        details: [{ field: 'to', message: 'doit suivre « from »' }],
      });
    }
    if (daysBetween(from, to) > 366) {
      throw new UnprocessableEntityException({
        message: 'Période trop longue : un an au plus.',
        details: [{ field: 'to', message: 'un an au plus' }],
      });
    }
    // A mediator's checks read what was published: neither drafts' hours nor pending changes.
    const isMediator = user.role === 'mediator';
    const [[rotaPerson], published, changes, locationRules] = await Promise.all([
      this.loader.people(
        this.dataSource.manager,
        user,
        [personId],
        from,
        to,
        new Set(),
        undefined,
        settings.timeZone,
      ),
      // A mediator's own checks read what was published, never the manager's drafts.
      isMediator
        ? this.published.forPerson(
            this.dataSource.manager,
            user.organisationId,
            personId,
            isoWeekOf(addDays(from, -1)),
            isoWeekOf(addDays(to, 1)),
          )
        : undefined,
      isMediator
        ? undefined
        : this.pendingChanges(user.organisationId, personId, from, to, settings.timeZone),
      this.loader.locationRules(this.dataSource.manager, user.organisationId),
    ]);
    const items = published
      ? published.current.map((shift) => shiftToWorkItem({ ...shift, personId }))
      : rotaPerson.otherItems.map((item) => shiftToWorkItem({ ...item, personId }));
    return checkRotaPerson(
      isMediator ? { ...rotaPerson, workHistory: undefined } : rotaPerson,
      items,
      { from, to },
      { ...settings, ...locationRules },
      changes,
    );
  }

  /**
   * The person's changes not yet published, on every published site-week of the range, with the
   * written agreements recorded for them (PART_TIME_NOTICE, SHORT_NOTICE_EXTRA).
   */
  private async pendingChanges(
    organisationId: string,
    personId: string,
    from: string,
    to: string,
    timeZone: string,
  ): Promise<ScheduleChange[]> {
    const manager = this.dataSource.manager;
    const weeks: { id: string; site_id: string; week: string; shifts: Shift[] }[] =
      await manager.query(
        `SELECT sw.id, sw.site_id, sw.week, p.shifts FROM site_week sw
           JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version
          WHERE sw.organisation_id = $1 AND sw.week >= $2 AND sw.week <= $3
            AND (p.shifts @> jsonb_build_array(jsonb_build_object('personId', $4::text))
              OR EXISTS (SELECT 1 FROM shift s WHERE s.site_id = sw.site_id AND s.person_id = $7
                           AND s.start_at >= $5 AND s.start_at < $6))`,
        [
          organisationId,
          isoWeekOf(from),
          isoWeekOf(to),
          personId,
          new Date(zonedInstant(addDays(from, -7), '00:00', timeZone)),
          new Date(zonedInstant(addDays(to, 8), '00:00', timeZone)),
          personId,
        ],
      );
    // The weeks' live shifts in one query; the agreements, when a week has changes, in parallel
    // (in turn should the manager be a transaction's); the changes in the order of the rows.
    const live = await this.loader.shiftsOfWeeks(
      manager,
      weeks.map((row) => ({ siteId: row.site_id, week: row.week })),
      timeZone,
    );
    const perWeek = await inTurnOrTogether(
      manager,
      weeks.map((row) => async () => {
        const current = (live.get(`${row.site_id}|${row.week}`) ?? []).map((entity) =>
          toShift(entity, false, timeZone),
        );
        const pending = pendingChanges(row.shifts, current, timeZone).filter(
          (change) => change.personId === personId,
        );
        if (pending.length === 0) return [];
        const agreements = await this.loader.noticeAgreements(manager, row.id);
        return changesForRules(pending, agreements)[personId] ?? [];
      }),
    );
    return perWeek.flat();
  }
}
