import { Injectable } from '@nestjs/common';
import type { Shift } from '@relais/api-types';
import { addIsoWeeks, isoWeekOf } from '@relais/rules';
import { EntityManager } from 'typeorm';

/** A shift as the person knows it from a publication. */
export interface PublishedShift extends Shift {
  /** When the publication that holds this copy was made. */
  publishedAt: Date;
}

/** What publications say about one person's shifts over some ISO weeks. */
export interface PersonPublications {
  /** The person's shifts in the latest publication of each site-week. */
  current: PublishedShift[];
  /** Shifts once published for the person and now deleted or given to someone else (last copy). */
  cancelled: PublishedShift[];
  /** Every shift of the latest publications of the weeks (for colleagues on the same slot). */
  allCurrent: Shift[];
  /** The person's shifts as published at a past instant (latest publication at that time). */
  asOf(instant: Date): Map<string, PublishedShift>;
}

interface PublicationRow {
  site_id: string;
  week: string;
  version: number;
  latest: number;
  published_at: Date;
  shifts: Shift[];
}

/**
 * Mediators only ever see published weeks: this reads the publication snapshots
 * (`rota_publication.shifts`), never the live, possibly draft, `shift` rows.
 */
@Injectable()
export class PublishedShiftsService {
  /** ISO weeks touching the civil dates from…to (inclusive). */
  weeksBetween(from: string, to: string): string[] {
    const weeks: string[] = [];
    for (let week = isoWeekOf(from); week <= isoWeekOf(to); week = addIsoWeeks(week, 1)) {
      weeks.push(week);
      if (weeks.length > 120) break;
    }
    return weeks;
  }

  /**
   * Some shifts as the latest publication of their site-week holds them (absent if in none); a
   * shift moved to another week may sit in two publications: the latest one says where.
   */
  async latestCopies(
    manager: EntityManager,
    shifts: readonly { id: string; siteId: string }[],
  ): Promise<Map<string, Shift>> {
    if (shifts.length === 0) return new Map();
    const rows: { shift: Shift }[] = await manager.query(
      `SELECT e.value AS shift
         FROM site_week sw
         JOIN rota_publication p ON p.site_week_id = sw.id AND p.version = sw.version
         CROSS JOIN LATERAL jsonb_array_elements(p.shifts) e
        WHERE sw.site_id = ANY($1::uuid[]) AND e.value->>'id' = ANY($2::text[])
        ORDER BY p.published_at`,
      [[...new Set(shifts.map((shift) => shift.siteId))], shifts.map((shift) => shift.id)],
    );
    return new Map(rows.map(({ shift }) => [shift.id, shift]));
  }

  /** Publications of the weeks from `fromWeek` on (all later ones when `toWeek` is null). */
  async forPerson(
    manager: EntityManager,
    organisationId: string,
    personId: string,
    fromWeek: string,
    toWeek: string | null,
  ): Promise<PersonPublications> {
    const rows: PublicationRow[] = await manager.query(
      `SELECT sw.site_id, sw.week, p.version, sw.version AS latest, p.published_at, p.shifts
         FROM site_week sw JOIN rota_publication p ON p.site_week_id = sw.id
        WHERE sw.organisation_id = $1 AND sw.version > 0 AND sw.week >= $2
          AND ($3::text IS NULL OR sw.week <= $3)
        ORDER BY sw.week, sw.site_id, p.version`,
      [organisationId, fromWeek, toWeek],
    );
    const mine = (row: PublicationRow): PublishedShift[] =>
      row.shifts
        .filter((shift) => shift.personId === personId)
        .map((shift) => ({ ...shift, publishedAt: row.published_at }));
    const latestRows = rows.filter((row) => row.version === row.latest);
    const current = latestRows.flatMap(mine);
    const currentIds = new Set(current.map((shift) => shift.id));
    const lastCopy = new Map<string, PublishedShift>();
    for (const row of rows) for (const shift of mine(row)) lastCopy.set(shift.id, shift);
    const cancelled = [...lastCopy.values()].filter((shift) => !currentIds.has(shift.id));
    return {
      current: sortByStart(current),
      cancelled: sortByStart(cancelled),
      allCurrent: latestRows.flatMap((row) => row.shifts),
      asOf: (instant: Date) => {
        const bySiteWeek = new Map<string, PublicationRow>();
        for (const row of rows) {
          if (row.published_at.getTime() > instant.getTime()) continue;
          bySiteWeek.set(`${row.site_id}/${row.week}`, row);
        }
        return new Map(
          [...bySiteWeek.values()].flatMap(mine).map((shift) => [shift.id, shift] as const),
        );
      },
    };
  }
}

function sortByStart<T extends Shift>(shifts: T[]): T[] {
  return shifts.sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
}
