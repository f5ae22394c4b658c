import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Violation } from '@relais/api-types';
import { addDays, checkRotaPerson, daysBetween, isoWeekOf, shiftToWorkItem } from '@relais/rules';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { PublishedShiftsService } from '../me/published-shifts.service';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { PeopleService } from '../people/people.service';
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
    const person = await this.people.findInOrganisation(user, personId);
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
    const settings = await readOrganisationSettings(this.dataSource.manager, user.organisationId);
    const [rotaPerson] = await this.loader.people(
      this.dataSource.manager,
      user,
      [personId],
      from,
      to,
      new Set(),
      undefined,
      settings.timeZone,
    );
    // A mediator's own checks read what was published, never the manager's drafts.
    const items =
      user.role === 'mediator'
        ? (
            await this.published.forPerson(
              this.dataSource.manager,
              user.organisationId,
              personId,
              isoWeekOf(addDays(from, -1)),
              isoWeekOf(addDays(to, 1)),
            )
          ).current.map((shift) => shiftToWorkItem({ ...shift, personId }))
        : rotaPerson.otherItems.map((item) => shiftToWorkItem({ ...item, personId }));
    return checkRotaPerson(
      rotaPerson,
      items,
      { from, to },
      {
        ...settings,
        travelTimes: await this.loader.travelTimes(this.dataSource.manager, user.organisationId),
      },
    );
  }
}
