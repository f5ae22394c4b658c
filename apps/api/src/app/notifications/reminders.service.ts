import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Shift } from '@relais/api-types';
import {
  addDays,
  civilDate,
  DEFAULT_ORGANISATION_SETTINGS,
  formatDayLabel,
  isoWeekOf,
} from '@relais/rules';
import { DataSource } from 'typeorm';
import { HourlyJob } from '../../common/hourly-job';
import { JobQueueService } from '../jobs/job-queue.service';
import { NotificationsService } from './notifications.service';

function range(shift: Shift): string {
  return `${shift.start.slice(11, 16)}–${shift.end.slice(11, 16)}`;
}

/**
 * The day before work, each person gets a reminder of their published shifts (in-app, and by
 * e-mail when SMTP is set). Runs every hour; once per person and day, so a missed run loses
 * nothing and a repeated one sends nothing twice.
 */
@Injectable()
export class RemindersService extends HourlyJob {
  constructor(
    queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    super(queue, 'shift-reminders', new Logger('Reminders'));
  }

  protected runFor(today: string): Promise<number> {
    return this.remindTomorrow(today);
  }

  /** Sends the reminders for the day after `today`; returns how many people were reminded. */
  async remindTomorrow(today: string): Promise<number> {
    const tomorrow = addDays(today, 1);
    const link = `/ma-semaine#${tomorrow}`;
    const rows: { shifts: Shift[]; time_zone: string }[] = await this.dataSource.query(
      `SELECT p.shifts, coalesce(os.time_zone, $2) AS time_zone FROM site_week sw
         JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version
         LEFT JOIN organisation_settings os ON os.organisation_id = sw.organisation_id
        WHERE sw.week = $1`,
      [isoWeekOf(tomorrow), DEFAULT_ORGANISATION_SETTINGS.timeZone],
    );
    const byPerson = new Map<string, Shift[]>();
    // Tomorrow in each organisation's own time zone.
    for (const { shift, timeZone } of rows.flatMap((row) =>
      row.shifts.map((shift) => ({ shift, timeZone: row.time_zone })),
    )) {
      if (!shift.personId || civilDate(new Date(shift.start).getTime(), timeZone) !== tomorrow)
        continue;
      byPerson.set(shift.personId, [...(byPerson.get(shift.personId) ?? []), shift]);
    }
    if (byPerson.size === 0) return 0;
    const done: { person_id: string }[] = await this.dataSource.query(
      `SELECT person_id FROM notification WHERE kind = 'reminder' AND link = $1 AND person_id = ANY($2::uuid[])`,
      [link, [...byPerson.keys()]],
    );
    const reminded = new Set(done.map((row) => row.person_id));
    let count = 0;
    for (const [personId, shifts] of byPerson) {
      if (reminded.has(personId)) continue;
      const times = shifts
        .sort((a, b) => a.start.localeCompare(b.start))
        .map(range)
        .join(', ');
      await this.dataSource.transaction((manager) =>
        this.notifications.notify(
          manager,
          [personId],
          'reminder',
          `Demain, ${formatDayLabel(tomorrow)}`,
          `Vous travaillez demain : ${times}. Détails dans « Ma semaine ».`,
          link,
        ),
      );
      count++;
    }
    return count;
  }
}
