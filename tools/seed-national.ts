/**
 * The national network on one database: 65 organisations, about 3,200 people, two years of shifts
 * (about 3.3 million rows), loaded with COPY. Usage: `npm run seed:national`.
 *
 * NATIONAL_DATABASE_URL names the database (default: the server of DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432, with the database `relais_national`). It is dropped and
 * created again, migrated with the app's migrations, then filled. Every account's password is
 * NATIONAL_PASSWORD (default `relais-national`); logins are printed at the end.
 *
 * To seed a new table, add a `TableSeed` to `tables()` (in foreign-key order); rows are plain
 * arrays in the column order given, streamed to COPY.
 */
import { zonedInstant } from '@relais/rules';
import { argon2id, hash } from 'argon2';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source';
import { nationalDatabaseUrl } from './national-server';

const TZ = 'Europe/Paris';
const ORGANISATIONS = Number(process.env['NATIONAL_ORGANISATIONS'] ?? 65);
const WEEKS_BACK = 95;
const WEEKS_AHEAD = 8;
/** Site-weeks around today that are published (with their snapshot), as a live network has. */
const PUBLISHED_WEEKS = { back: 3, ahead: 1 };
const PASSWORD = process.env['NATIONAL_PASSWORD'] ?? 'relais-national';

type Value = string | number | boolean | null | Date;
export interface TableSeed {
  table: string;
  columns: string[];
  rows: () => Iterable<Value[]>;
}

interface Org {
  id: string;
  index: number;
  sites: { id: string; code: string; deskId: string; satelliteId: string }[];
  people: Person[];
}
interface Person {
  id: string;
  orgIndex: number;
  index: number;
  siteIndex: number;
  role: 'admin' | 'hr' | 'manager' | 'mediator';
  email: string;
  isPartTime: boolean;
}

// ---- dates (civil dates as YYYY-MM-DD, weeks as ISO weeks) ----------------------------------

function mondayOf(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}
const civil = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
function isoWeek(monday: Date): string {
  const thursday = plusDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week =
    1 + Math.round((mondayOf(thursday).getTime() - mondayOf(jan4).getTime()) / 604_800_000);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// ---- the network ----------------------------------------------------------------------------

/** 65 associations of 3 to 7 sites and 30 to 69 people: about 3,200 people in all. */
function network(): Org[] {
  const orgs: Org[] = [];
  for (let o = 0; o < ORGANISATIONS; o++) {
    const siteCount = 3 + (o % 5);
    const sites = Array.from({ length: siteCount }, (_, s) => ({
      id: randomUUID(),
      code: `S${s + 1}`,
      deskId: randomUUID(),
      satelliteId: randomUUID(),
    }));
    const peopleCount = 30 + ((o * 17) % 40);
    const people: Person[] = Array.from({ length: peopleCount }, (_, p) => {
      const managers = Math.ceil(siteCount / 2);
      const role = p === 0 ? 'admin' : p === 1 ? 'hr' : p < 2 + managers ? 'manager' : 'mediator';
      const tag = `o${String(o + 1).padStart(2, '0')}`;
      const email =
        role === 'admin'
          ? `direction@${tag}.national.test`
          : role === 'hr'
            ? `rh@${tag}.national.test`
            : role === 'manager'
              ? `manager.${p - 1}@${tag}.national.test`
              : `mediateur.${p}@${tag}.national.test`;
      return {
        id: randomUUID(),
        orgIndex: o,
        index: p,
        siteIndex: role === 'manager' ? ((p - 2) * 2) % siteCount : p % siteCount,
        role,
        email,
        isPartTime: p % 3 === 0,
      };
    });
    orgs.push({ id: randomUUID(), index: o, sites, people });
  }
  return orgs;
}

const STANDARD_HOURS = JSON.stringify(
  [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:30' },
    { weekday, start: '13:30', end: '17:00' },
  ]),
);

/** Every table to seed, in foreign-key order. Add new ones here (e.g. training records). */
function tables(orgs: Org[], passwordHash: string, weeks: Date[], today: Date): TableSeed[] {
  const people = orgs.flatMap((org) => org.people);
  const orgOf = (person: Person) => orgs[person.orgIndex];
  const twoYearsAgo = civil(plusDays(today, -730));
  const publishedFrom = PUBLISHED_WEEKS.back;
  const currentIndex = WEEKS_BACK;
  return [
    {
      table: 'organisation',
      columns: ['id', 'name'],
      rows: () => orgs.map((org) => [org.id, `Association nationale ${org.index + 1}`]),
    },
    {
      table: 'site',
      columns: [
        'id',
        'organisation_id',
        'code',
        'name',
        'address',
        'is_france_services',
        'opening_hours',
      ],
      rows: () =>
        orgs.flatMap((org) =>
          org.sites.map((site, s) => [
            site.id,
            org.id,
            site.code,
            `Site ${s + 1} de l'association ${org.index + 1}`,
            `${s + 1} rue de la Médiation, ${String(10 + org.index).padStart(2, '0')}000`,
            true,
            STANDARD_HOURS,
          ]),
        ),
    },
    {
      table: 'location',
      columns: ['id', 'organisation_id', 'site_id', 'code', 'name', 'kind', 'address'],
      rows: () =>
        orgs.flatMap((org) =>
          org.sites.flatMap((site, s) => [
            [site.deskId, org.id, site.id, site.code, `Accueil ${s + 1}`, 'site', 'adresse'],
            [
              site.satelliteId,
              org.id,
              site.id,
              `${site.code}-SAT`,
              `Antenne ${s + 1}`,
              'satellite',
              'adresse',
            ],
          ]),
        ),
    },
    {
      table: 'person',
      columns: [
        'id',
        'organisation_id',
        'first_name',
        'last_name',
        'email',
        'job_title',
        'home_site_id',
      ],
      rows: () =>
        people.map((person) => [
          person.id,
          orgOf(person).id,
          `Prénom${person.index}`,
          `Nom${person.orgIndex}-${person.index}`,
          person.email,
          person.role === 'mediator' ? 'Médiateur social' : 'Encadrement',
          orgOf(person).sites[person.siteIndex].id,
        ]),
    },
    {
      table: 'account',
      columns: [
        'id',
        'organisation_id',
        'person_id',
        'email',
        'password_hash',
        'role',
        'is_active',
      ],
      rows: () =>
        people.map((person) => [
          randomUUID(),
          orgOf(person).id,
          person.id,
          person.email,
          passwordHash,
          person.role,
          true,
        ]),
    },
    {
      table: 'manager_site',
      columns: ['organisation_id', 'person_id', 'site_id'],
      rows: () =>
        people
          .filter((person) => person.role === 'manager')
          .flatMap((person) => {
            const sites = orgOf(person).sites;
            const first = sites[person.siteIndex];
            const second = sites[(person.siteIndex + 1) % sites.length];
            const org = orgOf(person).id;
            return first === second
              ? [[org, person.id, first.id]]
              : [
                  [org, person.id, first.id],
                  [org, person.id, second.id],
                ];
          }),
    },
    {
      table: 'contract',
      columns: [
        'id',
        'organisation_id',
        'person_id',
        'type',
        'start_date',
        'end_date',
        'weekly_hours',
      ],
      rows: () =>
        people.map((person) => [
          randomUUID(),
          orgOf(person).id,
          person.id,
          person.role === 'mediator' && person.index % 4 === 0 ? 'ADULTE_RELAIS' : 'CDI',
          twoYearsAgo,
          person.role === 'mediator' && person.index % 4 === 0 ? civil(plusDays(today, 365)) : null,
          person.isPartTime ? 28 : 35,
        ]),
    },
    {
      table: 'person_skill',
      columns: ['id', 'organisation_id', 'person_id', 'skill', 'acquired_on'],
      rows: () =>
        people
          .filter((person) => person.index % 5 !== 4)
          .map((person) => [
            randomUUID(),
            orgOf(person).id,
            person.id,
            'france_services_initial',
            twoYearsAgo,
          ]),
    },
    {
      table: 'coverage_requirement',
      columns: [
        'id',
        'organisation_id',
        'location_id',
        'weekday',
        'start_time',
        'end_time',
        'min_staff',
        'required_skill',
      ],
      rows: () =>
        orgs.flatMap((org) =>
          org.sites.flatMap((site) =>
            [1, 2, 3, 4, 5].flatMap((weekday) => [
              [
                randomUUID(),
                org.id,
                site.deskId,
                weekday,
                '09:00',
                '12:30',
                2,
                'france_services_initial',
              ],
              [randomUUID(), org.id, site.deskId, weekday, '13:30', '17:00', 1, null],
            ]),
          ),
        ),
    },
    {
      table: 'shift',
      columns: [
        'id',
        'organisation_id',
        'site_id',
        'person_id',
        'location_id',
        'activity',
        'start_at',
        'end_at',
        'break_minutes',
        'version',
      ],
      rows: () => shiftRows(orgs, weeks),
    },
    {
      table: 'site_week',
      columns: ['id', 'organisation_id', 'site_id', 'week', 'status', 'version', 'published_at'],
      rows: () =>
        orgs.flatMap((org) =>
          org.sites.flatMap((site) =>
            weeks
              .slice(currentIndex - publishedFrom, currentIndex + PUBLISHED_WEEKS.ahead + 1)
              .map((monday) => [
                siteWeekId(site.id, monday),
                org.id,
                site.id,
                isoWeek(monday),
                'published',
                1,
                plusDays(monday, -4),
              ]),
          ),
        ),
    },
  ];
}

const siteWeekIds = new Map<string, string>();
function siteWeekId(siteId: string, monday: Date): string {
  const key = `${siteId}|${civil(monday)}`;
  let id = siteWeekIds.get(key);
  if (!id) {
    id = randomUUID();
    siteWeekIds.set(key, id);
  }
  return id;
}

/** Five days a week: a morning at the desk and an afternoon (Wednesday afternoon off part-time). */
function* shiftRows(orgs: Org[], weeks: Date[]): Iterable<Value[]> {
  // Instants are computed once per (day, time) and reused for everyone.
  const instants = new Map<string, string>();
  const instant = (date: string, time: string) => {
    const key = `${date}T${time}`;
    let value = instants.get(key);
    if (!value) {
      value = new Date(zonedInstant(date, time, TZ)).toISOString();
      instants.set(key, value);
    }
    return value;
  };
  for (const org of orgs) {
    for (const person of org.people) {
      if (person.role === 'admin' || person.role === 'hr') continue;
      const site = org.sites[person.siteIndex];
      for (const monday of weeks) {
        for (let day = 0; day < 5; day++) {
          const date = civil(plusDays(monday, day));
          const isBackOffice = day === person.index % 5;
          const isOutreach = day === (person.index + 2) % 5 && person.role === 'mediator';
          yield [
            randomUUID(),
            org.id,
            site.id,
            person.id,
            site.deskId,
            isBackOffice ? 'back_office' : 'accueil',
            instant(date, '09:00'),
            instant(date, '12:30'),
            0,
            1,
          ];
          if (person.isPartTime && day === 2) continue;
          yield [
            randomUUID(),
            org.id,
            site.id,
            person.id,
            isOutreach ? site.satelliteId : site.deskId,
            isOutreach ? 'outreach' : 'accueil',
            instant(date, '13:30'),
            instant(date, '17:00'),
            0,
            1,
          ];
        }
      }
    }
  }
}

// ---- COPY -----------------------------------------------------------------------------------

function copyText(value: Value): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** Streams rows to `COPY table (columns) FROM STDIN` in batches of lines. */
async function copy(client: Client, seed: TableSeed): Promise<number> {
  let count = 0;
  function* lines(): Iterable<string> {
    let batch: string[] = [];
    for (const row of seed.rows()) {
      batch.push(row.map(copyText).join('\t'));
      count++;
      if (batch.length === 5000) {
        yield batch.join('\n') + '\n';
        batch = [];
      }
    }
    if (batch.length) yield batch.join('\n') + '\n';
  }
  const columns = seed.columns.map((column) => `"${column}"`).join(', ');
  await pipeline(
    Readable.from(lines()),
    client.query(copyFrom(`COPY "${seed.table}" (${columns}) FROM STDIN`)),
  );
  return count;
}

/** The snapshots of the published site-weeks, as the API writes them at publication. */
async function publications(client: Client): Promise<number> {
  const result = await client.query(`
    INSERT INTO rota_publication (organisation_id, site_week_id, version, published_by, published_at, shifts)
    SELECT w.organisation_id, w.id, 1, NULL, w.published_at, coalesce((
      SELECT jsonb_agg(jsonb_build_object(
        'id', s.id, 'siteId', s.site_id, 'personId', s.person_id, 'locationId', s.location_id,
        'activity', s.activity,
        'start', to_char(s.start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI:SS')
                 || to_char(s.start_at AT TIME ZONE 'Europe/Paris' - s.start_at AT TIME ZONE 'UTC', '+HH24:MI'),
        'end', to_char(s.end_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI:SS')
                 || to_char(s.end_at AT TIME ZONE 'Europe/Paris' - s.end_at AT TIME ZONE 'UTC', '+HH24:MI'),
        'breakMinutes', s.break_minutes, 'note', s.note, 'version', s.version,
        'isChangedSincePublication', false) ORDER BY s.start_at)
      FROM shift s
      WHERE s.site_id = w.site_id
        AND s.start_at >= (to_date(w.week, 'IYYY-"W"IW')::timestamp AT TIME ZONE 'Europe/Paris')
        AND s.start_at < ((to_date(w.week, 'IYYY-"W"IW') + 7)::timestamp AT TIME ZONE 'Europe/Paris')
    ), '[]'::jsonb)
    FROM site_week w`);
  return result.rowCount ?? 0;
}

async function main(): Promise<void> {
  const url = nationalDatabaseUrl();
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name refused: ${name}`);
  const started = performance.now();
  const lap = (label: string, since: number) =>
    console.log(`${label.padEnd(34)} ${((performance.now() - since) / 1000).toFixed(1)} s`);

  const serverUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  let step = performance.now();
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  lap('migrations', step);

  const today = new Date();
  const thisMonday = mondayOf(
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())),
  );
  const weeks = Array.from({ length: WEEKS_BACK + WEEKS_AHEAD + 1 }, (_, index) =>
    plusDays(thisMonday, (index - WEEKS_BACK) * 7),
  );
  const orgs = network();
  const passwordHash = await hash(PASSWORD, {
    type: argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });

  const client = new Client({ connectionString: url });
  await client.connect();
  // Generated rows are consistent by construction: foreign keys are checked once at the end
  // rather than row by row (replica mode skips the FK triggers), and the load is one transaction.
  await client.query('BEGIN');
  await client.query(`SET LOCAL session_replication_role = replica`);
  await client.query(`SET LOCAL synchronous_commit = off`);
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  const counts: Record<string, number> = {};
  for (const seed of tables(orgs, passwordHash, weeks, thisMonday)) {
    step = performance.now();
    counts[seed.table] = await copy(client, seed);
    lap(`${seed.table} (${counts[seed.table].toLocaleString('en')} rows)`, step);
  }
  step = performance.now();
  counts['rota_publication'] = await publications(client);
  lap(`rota_publication (${counts['rota_publication']} rows)`, step);
  await client.query('COMMIT');

  step = performance.now();
  // Proof that replica mode skipped nothing: every foreign key of the schema holds (a row whose
  // key columns are all set finds its referenced row, as the constraint would have checked).
  const keys = await client.query<{
    name: string;
    child: string;
    parent: string;
    columns: string[];
    referenced: string[];
  }>(`
    SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced
      FROM pg_constraint c
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
     ORDER BY 1`);
  const broken: string[] = [];
  for (const key of keys.rows) {
    const orphans = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${key.child} c
        WHERE ${key.columns.map((column) => `c.${column} IS NOT NULL`).join(' AND ')}
          AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${key.columns
            .map((column, i) => `p.${key.referenced[i]} = c.${column}`)
            .join(' AND ')})`,
    );
    if (Number(orphans.rows[0].n) !== 0) broken.push(`${key.name}: ${orphans.rows[0].n} rows`);
  }
  if (broken.length > 0) throw new Error(`orphan rows in the national seed: ${broken.join(', ')}`);
  console.log(`${keys.rows.length} foreign keys hold`);
  lap('foreign keys checked', step);
  step = performance.now();
  await client.query('VACUUM (ANALYZE)');
  lap('vacuum analyze', step);
  const size = await client.query(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  await client.end();

  const people = orgs.reduce((sum, org) => sum + org.people.length, 0);
  console.log(
    JSON.stringify({
      database: name,
      organisations: orgs.length,
      sites: orgs.reduce((sum, org) => sum + org.sites.length, 0),
      people,
      shifts: counts['shift'],
      weeks: weeks.length,
      size: size.rows[0].size,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
  console.log(
    `Logins (password ${PASSWORD}): direction@o01.national.test, rh@o01.national.test, manager.1@o01.national.test, mediateur.5@o01.national.test`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
