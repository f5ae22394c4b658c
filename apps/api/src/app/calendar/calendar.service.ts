import { TZDate } from '@date-fns/tz';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVITY_LABELS, type CalendarFeedState } from '@relais/api-types';
import { addDays, isoWeekOf } from '@relais/rules';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DataSource, In } from 'typeorm';
import { todayIn } from '../../common/today';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { PublishedShift, PublishedShiftsService } from '../me/published-shifts.service';
import { LocationEntity } from '../organisation/location.entity';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';

/** The feed starts this many days back: recent history stays in the phone's calendar. */
const FEED_HISTORY_DAYS = 56;

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly published: PublishedShiftsService,
    private readonly audit: AuditService,
  ) {}

  async state(user: AuthUser): Promise<CalendarFeedState> {
    const feed = await this.dataSource.manager.findOneBy(CalendarFeedEntity, {
      personId: user.personId,
    });
    return { isActive: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** Creates my feed URL, or replaces it: the previous URL stops working at once. */
  async regenerate(user: AuthUser, origin: string): Promise<CalendarFeedState> {
    const token = newSessionToken();
    const feed = await this.dataSource.transaction(async (manager) => {
      const previous = await manager.delete(CalendarFeedEntity, { personId: user.personId });
      const saved = await manager.save(
        manager.create(CalendarFeedEntity, {
          organisationId: user.organisationId,
          personId: user.personId,
          tokenHash: this.hash(token),
        }),
      );
      await this.audit.record(manager, user, {
        action: previous.affected ? 'calendar.regenerate' : 'calendar.create',
        entity: 'calendar_feed',
        entityId: saved.id,
        details: { personId: user.personId },
      });
      return saved;
    });
    return {
      isActive: true,
      createdAt: feed.createdAt.toISOString(),
      url: `${origin}/api/calendar/${token}.ics`,
    };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const feed = await manager.findOneBy(CalendarFeedEntity, { personId: user.personId });
      if (!feed) throw new NotFoundException('Aucun lien d’agenda à révoquer.');
      await manager.delete(CalendarFeedEntity, { id: feed.id });
      await this.audit.record(manager, user, {
        action: 'calendar.revoke',
        entity: 'calendar_feed',
        entityId: feed.id,
        details: { personId: user.personId },
      });
    });
  }

  /**
   * The RFC 5545 feed of a token, or null when the token is unknown or revoked. Published shifts
   * only; a shift deleted or given to someone else since it was published to the person stays as
   * a cancelled event (same UID), so calendars that merge updates remove it. Never notes or
   * absence reasons.
   */
  async feed(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const manager = this.dataSource.manager;
    const feed = await manager.findOneBy(CalendarFeedEntity, { tokenHash: this.hash(token) });
    if (!feed) return null;
    // A disabled account (contract ended) no longer feeds any calendar.
    const [account] = await manager.query(
      'SELECT 1 FROM account WHERE person_id = $1 AND is_active LIMIT 1',
      [feed.personId],
    );
    if (!account) return null;
    const person = await manager.findOneByOrFail(PersonEntity, { id: feed.personId });
    const { timeZone } = await readOrganisationSettings(manager, feed.organisationId);
    const publications = await this.published.forPerson(
      manager,
      feed.organisationId,
      feed.personId,
      isoWeekOf(addDays(todayIn(timeZone), -FEED_HISTORY_DAYS)),
      null,
    );
    const all = [...publications.current, ...publications.cancelled];
    const locations = all.length
      ? await manager.findBy(LocationEntity, {
          id: In([...new Set(all.map((shift) => shift.locationId))]),
        })
      : [];
    const sites = locations.length
      ? await manager.findBy(SiteEntity, {
          id: In([...new Set(locations.map((location) => location.siteId))]),
        })
      : [];
    const location = new Map(locations.map((row) => [row.id, row]));
    const site = new Map(sites.map((row) => [row.id, row]));
    const calendar = ical({
      name: `Relais – ${person.firstName} ${person.lastName}`,
      prodId: { company: 'Relais', product: 'planning', language: 'FR' },
      method: ICalCalendarMethod.PUBLISH,
      // No calendar-wide zone: ical-generator would then write DTSTAMP as a floating local time
      // and add a non-standard TIMEZONE-ID property. DTSTAMP must be UTC (RFC 5545 §3.8.7.2);
      // each event carries its TZID, whose VTIMEZONE the generator still writes.
      timezone: { name: null, generator: getVtimezoneComponent },
      x: { 'X-WR-TIMEZONE': timeZone },
      ttl: 60 * 60,
    });
    const add = (shift: PublishedShift, isCancelled: boolean) => {
      const place = location.get(shift.locationId);
      const siteName = place ? site.get(place.siteId)?.name : undefined;
      calendar.createEvent({
        id: `${shift.id}@relais`,
        // A zoned date: ical-generator writes its Paris wall-clock time under TZID=Europe/Paris.
        start: new TZDate(new Date(shift.start).getTime(), timeZone),
        end: new TZDate(new Date(shift.end).getTime(), timeZone),
        timezone: timeZone,
        stamp: shift.publishedAt,
        // A cancellation must outrank the last published copy in clients that merge by UID.
        sequence: shift.version + (isCancelled ? 1 : 0),
        status: isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        summary: `${isCancelled ? 'Annulé : ' : ''}${ACTIVITY_LABELS[shift.activity]}${siteName ? ` – ${siteName}` : ''}`,
        location: place ? `${place.name}, ${place.address}` : null,
        description: shift.breakMinutes > 0 ? `Pause : ${shift.breakMinutes} min` : null,
      });
    };
    for (const shift of publications.current) add(shift, false);
    for (const shift of publications.cancelled) add(shift, true);
    return calendar.toString();
  }

  private hash(token: string): string {
    return hashSessionToken(`calendar:${token}`, this.config.sessionSecret);
  }
}
