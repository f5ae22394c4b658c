import {
  addDays,
  addIsoWeeks,
  DEFAULT_RULE_SETTINGS,
  HOURS_REVIEW_PERIOD_WEEKS,
  isoWeekOf,
  windowOfIsoWeek,
  WorkHistory,
  zonedInstant,
} from '@relais/rules';
import type { EntityManager } from 'typeorm';
import { inTurnOrTogether } from '../../../database/in-turn';

/** The work items a check carries itself: every item overlapping `[fromMs, toMs)`. */
export interface NearWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The person's effective work, as the rules lay it out (work-timeline), of the items NOT
 * overlapping the near window: each item minus its break (placed in the middle, as the engine
 * does without a break start), plus the travel before it when the previous item ended the same
 * civil day at another location (travel is work). A CTE named `seg (person_id, s, e)`.
 *
 * $1 person ids, $2 first start read (a day before the range, for the previous item), $3 end of
 * the range, $4 near window start, $5 near window end, $6 time zone, $7 organisation.
 */
const SEGMENTS = `
  items AS (
    SELECT s.person_id, s.start_at, s.end_at, s.break_minutes, s.location_id,
           lag(s.end_at) OVER w AS prev_end, lag(s.location_id) OVER w AS prev_location
      FROM shift s
     WHERE s.person_id = ANY($1::uuid[]) AND s.start_at >= $2 AND s.start_at < $3
    WINDOW w AS (PARTITION BY s.person_id ORDER BY s.start_at, s.end_at)
  ),
  far AS (
    SELECT i.person_id, i.start_at, i.end_at,
           i.start_at + floor((extract(epoch FROM i.end_at - i.start_at) / 60 - i.break_minutes) / 2)
             * interval '1 minute' AS break_at,
           i.break_minutes,
           CASE WHEN i.prev_location IS NOT NULL AND i.prev_location <> i.location_id
                     AND i.start_at > i.prev_end
                     AND (i.prev_end AT TIME ZONE $6)::date = (i.start_at AT TIME ZONE $6)::date
                THEN COALESCE((
                  SELECT LEAST(extract(epoch FROM i.start_at - i.prev_end) / 60, t.minutes)
                    FROM travel_time t
                   WHERE t.organisation_id = $7
                     AND ((t.from_location_id = i.prev_location AND t.to_location_id = i.location_id)
                       OR (t.from_location_id = i.location_id AND t.to_location_id = i.prev_location))
                   ORDER BY t.from_location_id = i.prev_location DESC
                   LIMIT 1), 0)
                ELSE 0 END AS travel
      FROM items i
     WHERE NOT (i.start_at < $5 AND i.end_at > $4)
  ),
  seg AS (
    SELECT person_id, start_at AS s, break_at AS e FROM far WHERE break_at > start_at
    UNION ALL
    SELECT person_id, break_at + break_minutes * interval '1 minute', end_at
      FROM far WHERE end_at > break_at + break_minutes * interval '1 minute'
    UNION ALL
    SELECT person_id, start_at - travel * interval '1 minute', start_at FROM far WHERE travel > 0
  )`;

/**
 * What the long-window rules need of the work outside a check's items, summed in SQL rather than
 * loaded as rows: minutes per person and ISO week over the 14 weeks before the first evaluated
 * week and the 11 after the last (WEEKLY_AVG_12W, L3121-22; the night worker's average, L3122-7;
 * a part-timer's hours over 12 of 15 weeks, L3123-13), and
 * night minutes over the 12 months ending on the last evaluated day (NIGHT_WORK 270 h, L3122-23).
 */
export async function loadWorkHistory(
  manager: EntityManager,
  organisationId: string,
  personIds: readonly string[],
  near: NearWindow,
  evaluated: { from: string; to: string },
  timeZone: string,
): Promise<
  Map<string, WorkHistory & { weekMinutes: Record<string, number>; nightMinutes: number }>
> {
  const out = new Map(
    personIds.map((id) => [id, { weekMinutes: {} as Record<string, number>, nightMinutes: 0 }]),
  );
  if (personIds.length === 0) return out;
  const span = DEFAULT_RULE_SETTINGS.averageWindowWeeks - 1;
  // PART_TIME_HOURS_REVIEW reads the 15 weeks ending on each evaluated week (L3123-13).
  const firstWeek = addIsoWeeks(
    isoWeekOf(evaluated.from),
    -Math.max(span, HOURS_REVIEW_PERIOD_WEEKS - 1),
  );
  const lastWeek = addIsoWeeks(isoWeekOf(evaluated.to), span);
  const weeksFromMs = zonedInstant(windowOfIsoWeek(firstWeek).from, '00:00', timeZone);
  const weeksToMs = zonedInstant(addDays(windowOfIsoWeek(lastWeek).to, 1), '00:00', timeZone);
  const day = 24 * 3_600_000;
  // A segment lasts less than 24 h (ck_shift_period), so it touches two ISO weeks at most: it is
  // cut at the Monday 00:00 between them, as the engine cuts by civil day.
  // Nights keyed by the civil day they start on, from the day after `to − 365` to `to` (the
  // engine's 12 months); only the items ending before the near window can hold such nights.
  const yearStart = addDays(evaluated.to, -365);
  const { nightStart, nightEnd } = DEFAULT_RULE_SETTINGS;
  // The two sums are independent: both queries are sent at once (in turn inside a transaction).
  const [weekRows, nightRows] = await inTurnOrTogether<
    [
      { person_id: string; week: string; minutes: string }[],
      { person_id: string; minutes: string }[],
    ]
  >(manager, [
    () =>
      manager.query(
        `WITH ${SEGMENTS},
     cut AS (
       SELECT person_id, s, e, (date_trunc('week', e AT TIME ZONE $6) AT TIME ZONE $6) AS monday
         FROM seg
     ),
     parts AS (
       SELECT person_id, s AS at, CASE WHEN monday > s THEN monday - s ELSE e - s END AS length
         FROM cut
       UNION ALL
       SELECT person_id, monday, e - monday FROM cut WHERE monday > s
     )
     SELECT person_id, to_char(at AT TIME ZONE $6, 'IYYY-"W"IW') AS week,
            sum(extract(epoch FROM length) / 60) AS minutes
       FROM parts
      WHERE length > interval '0' AND at >= $8 AND at < $3
      GROUP BY person_id, week
      -- Each person's weeks in order: the same keys in the same order however many people.
      ORDER BY person_id, week`,
        [
          personIds,
          new Date(weeksFromMs - day),
          new Date(weeksToMs),
          new Date(near.fromMs),
          new Date(near.toMs),
          timeZone,
          organisationId,
          new Date(weeksFromMs),
        ],
      ),
    () =>
      manager.query(
        `WITH ${SEGMENTS}
     SELECT seg.person_id, sum(extract(epoch FROM LEAST(seg.e, n.e) - GREATEST(seg.s, n.s)) / 60) AS minutes
       FROM (
         -- Daytime segments are left out before the nights are laid over them: with a night that
         -- crosses midnight (21:00–06:00), a segment within one civil day, from nightEnd or later
         -- to nightStart or earlier, meets no night (most of the year's work).
         -- Each end is converted to local time once (ls, le; OFFSET 0 keeps them computed once
         -- per row): ls on or after its day's nightEnd, le no later than that day's nightStart.
         SELECT x.person_id, x.s, x.e, x.ls, x.le FROM (
           SELECT seg.person_id, seg.s, seg.e, seg.s AT TIME ZONE $6 AS ls, seg.e AT TIME ZONE $6 AS le
             FROM seg OFFSET 0
         ) x
          WHERE NOT ($10::time > $11::time
                     AND x.ls >= x.ls::date + $11::time
                     AND x.le <= x.ls::date + $10::time)
       ) seg
      CROSS JOIN LATERAL (
        SELECT d::date AS night,
               (d::date + $10::time) AT TIME ZONE $6 AS s,
               ((CASE WHEN $10::time > $11::time THEN d::date + 1 ELSE d::date END) + $11::time)
                 AT TIME ZONE $6 AS e
          FROM generate_series(seg.ls::date - 1, seg.le::date, interval '1 day') d
      ) n
      WHERE n.e > seg.s AND n.s < seg.e AND n.night > $8::date AND n.night <= $9::date
      GROUP BY seg.person_id`,
        [
          personIds,
          new Date(zonedInstant(yearStart, '00:00', timeZone) - day),
          new Date(near.fromMs),
          new Date(near.fromMs),
          new Date(near.toMs),
          timeZone,
          organisationId,
          yearStart,
          evaluated.to,
          nightStart,
          nightEnd,
        ],
      ),
  ]);
  for (const row of weekRows) {
    const history = out.get(row.person_id);
    if (history) history.weekMinutes[row.week] = Number(row.minutes);
  }
  for (const row of nightRows) {
    const history = out.get(row.person_id);
    if (history) history.nightMinutes = Number(row.minutes);
  }
  return out;
}
