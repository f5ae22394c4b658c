import type { CertificationRoute } from '@relais/api-types';
import type { EntityManager } from 'typeorm';

/** The blocks whose passing closes the pathway's P09 milestone: the whole TP MSADS. */
export const P09_TITLE = 'MSADS';

export interface ObtainedBlock {
  titleCode: string;
  blockCode: string;
  /** The day of the first passed assessment of the block. */
  on: string;
  route: CertificationRoute;
}

/** Every block a person has passed (by exam or VAE), with the first day it was, up to a day. */
export async function obtainedBlocks(
  manager: EntityManager,
  personId: string,
  until: string | null = null,
): Promise<ObtainedBlock[]> {
  const rows: { title_code: string; block_code: string; held_on: string; route: string }[] =
    await manager.query(
      `SELECT DISTINCT ON (s.title_code, b.block) s.title_code, b.block AS block_code,
              to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.route
         FROM certification_session s CROSS JOIN LATERAL unnest(s.block_codes) AS b(block)
        WHERE s.person_id = $1 AND s.result = 'ADMIS' AND ($2::date IS NULL OR s.held_on <= $2::date)
        ORDER BY s.title_code, b.block, s.held_on, s.created_at`,
      [personId, until],
    );
  return rows.map((row) => ({
    titleCode: row.title_code,
    blockCode: row.block_code,
    on: row.held_on,
    route: row.route as CertificationRoute,
  }));
}

/**
 * The day a person obtained the whole title (the last of its blocks), or null: a SQL fragment
 * for a lateral join on a row `p` with a `person_id`; `$title` and `$blocks` name its parameters.
 */
export function titleObtainedSql(title: string, blocks: string): string {
  return `SELECT CASE WHEN count(*) = cardinality(${blocks}::text[]) THEN max(b.first_on) END AS obtained
            FROM (SELECT u.block, min(s.held_on) AS first_on
                    FROM certification_session s CROSS JOIN LATERAL unnest(s.block_codes) AS u(block)
                   WHERE s.person_id = p.person_id AND s.title_code = ${title} AND s.result = 'ADMIS'
                     AND u.block = ANY(${blocks}::text[])
                   GROUP BY u.block) b`;
}

/**
 * Derives `certified_blocks` (and the flag that follows from it) on a person's exit records: the
 * blocks passed on or before each exit date. Run in the caller's transaction after any change of
 * sessions and on every exit written, so that no record says what the sessions do not.
 */
export async function syncExitCertifications(
  manager: EntityManager,
  personId: string,
): Promise<void> {
  await manager.query(
    `UPDATE exit_record x SET certified_blocks = f.codes, certification_obtained = cardinality(f.codes) > 0
       FROM exit_record y
       CROSS JOIN LATERAL (
         SELECT COALESCE(array_agg(DISTINCT s.title_code || '.' || u.block ORDER BY s.title_code || '.' || u.block), '{}') AS codes
           FROM certification_session s CROSS JOIN LATERAL unnest(s.block_codes) AS u(block)
          WHERE s.person_id = y.person_id AND s.result = 'ADMIS' AND s.held_on <= y.exit_date) f
      WHERE x.id = y.id AND y.person_id = $1 AND x.certified_blocks IS DISTINCT FROM f.codes`,
    [personId],
  );
}
