import { Inject, Injectable } from '@nestjs/common';
import type { RotaWeek } from '@relais/api-types';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';

/** Bounds how long a week computed before a change of day or hour (notice rules) is served. */
const TTL_MS = 60_000;

/** Writes remembered per organisation, for patching the weeks computed before them. */
const MAX_WRITES = 256;

/**
 * What one committed transaction that wrote only shifts changed: the shifts it created, changed
 * or deleted, their people (before and after), and where those shifts stood (site, start),
 * before and after. Recorded by the API process that wrote them, under the data version their
 * transaction raised.
 */
export interface ShiftWrite {
  shiftIds: readonly string[];
  personIds: readonly string[];
  shifts: readonly { siteId: string; startMs: number }[];
}

/** A computed week and what it was computed from, for patching it after shift writes. */
export interface Computed<S> {
  week: RotaWeek;
  state: S;
}

interface Entry {
  at: number;
  scope: string;
  version: string;
  week: RotaWeek;
  state?: unknown;
}

/**
 * Computed rota weeks, keyed on the organisation's data version (raised at the commit of any
 * write to a table the week reads, see the DataVersion migration) and on who reads. The version
 * is read before the week, in the same place (primary or replica), so a cached week is never
 * older than its key; a later write changes the key. In memory, per API process, least recently
 * used first out.
 *
 * After a write, the week of the previous version is patched instead of computed whole when every
 * version since is a shift write this process recorded (`recordShiftWrite`): only the people and
 * shifts those writes touched are read and checked again. Any other write (another table, another
 * process, straight in the database) leaves a version unknown here, and the week is computed whole.
 */
@Injectable()
export class RotaReadCache {
  private readonly entries = new Map<string, Entry>();
  /** The last week computed per organisation and reader, whatever its version. */
  private readonly latest = new Map<string, Entry>();
  private readonly versions = new Map<string, string>();
  private readonly writes = new Map<string, Map<string, ShiftWrite>>();
  /** Served from the cache / computed, since start (for tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0, joined: 0 };
  /** Weeks being computed, by key: later readers of the same key wait for them. */
  private readonly inFlight = new Map<string, Promise<RotaWeek>>();
  /** Of the weeks computed, those patched from an earlier version after shift writes. */
  readonly patches = { patched: 0 };
  private readonly maxEntries: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxEntries = config.rotaCacheEntries;
  }

  async version(manager: EntityManager, organisationId: string): Promise<string> {
    const rows: { version: string }[] = await manager.query(
      'SELECT version FROM organisation_data_version WHERE organisation_id = $1',
      [organisationId],
    );
    return rows[0]?.version ?? '0';
  }

  /**
   * Records that the transaction which raised `scope`'s data version to `version` wrote only
   * these shifts. Call it after the commit only: a rolled-back transaction's version is taken by
   * the next one.
   */
  recordShiftWrite(scope: string, version: string, write: ShiftWrite): void {
    if (this.maxEntries === 0) return;
    let writes = this.writes.get(scope);
    if (!writes) {
      writes = new Map();
      this.writes.set(scope, writes);
    }
    writes.set(version, write);
    while (writes.size > MAX_WRITES) {
      const oldest = writes.keys().next().value;
      if (oldest === undefined) break;
      writes.delete(oldest);
    }
  }

  /**
   * `scope` is the organisation and `version` its data version; `reader` tells readers and weeks
   * apart. Weeks of older versions of the organisation are dropped as soon as a newer one is
   * seen: only a lagging replica could still ask for them. With `patch`, a miss whose reader has
   * a week of an earlier version, younger than the time to live, followed only by recorded shift
   * writes, is patched from it (the patched week keeps the earlier week's age).
   */
  async through<S>(
    scope: string,
    version: string,
    reader: string,
    build: () => Promise<RotaWeek | Computed<S>>,
    patch?: (state: S, writes: ShiftWrite[]) => Promise<Computed<S> | undefined>,
  ): Promise<RotaWeek> {
    const now = Date.now();
    const latest = this.versions.get(scope);
    if (latest === undefined || BigInt(version) > BigInt(latest)) {
      this.versions.set(scope, version);
      for (const [key, entry] of this.entries)
        if (entry.scope === scope && BigInt(entry.version) < BigInt(version))
          this.entries.delete(key);
    }
    const key = `${scope}|${version}|${reader}`;
    const entry = this.entries.get(key);
    if (entry && now - entry.at < TTL_MS) {
      this.stats.hits++;
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.week;
    }
    // A reader asking for a week being computed for the same key waits for that computation
    // instead of starting another: a burst of first reads (a team opening the planning after a
    // publication) costs one computation, not one per request, in time and in memory.
    const running = this.maxEntries === 0 ? undefined : this.inFlight.get(key);
    if (running) {
      this.stats.joined++;
      return running;
    }
    this.stats.misses++;
    if (this.maxEntries === 0) return this.compute(scope, version, reader, key, now, build, patch);
    const computing = this.compute(scope, version, reader, key, now, build, patch).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, computing);
    return computing;
  }

  private async compute<S>(
    scope: string,
    version: string,
    reader: string,
    key: string,
    now: number,
    build: () => Promise<RotaWeek | Computed<S>>,
    patch?: (state: S, writes: ShiftWrite[]) => Promise<Computed<S> | undefined>,
  ): Promise<RotaWeek> {
    const baseKey = `${scope}|${reader}`;
    const base = this.latest.get(baseKey);
    let at = now;
    let computed: RotaWeek | Computed<S> | undefined;
    if (patch && base?.state !== undefined && now - base.at < TTL_MS) {
      const writes = this.writesBetween(scope, base.version, version);
      if (writes) {
        computed = await patch(base.state as S, writes);
        if (computed) {
          this.patches.patched++;
          at = base.at;
        }
      }
    }
    computed ??= await build();
    const week = 'state' in computed ? computed.week : computed;
    if (this.maxEntries === 0) return week;
    const stored: Entry = {
      at,
      scope,
      version,
      week,
      state: 'state' in computed ? computed.state : undefined,
    };
    this.entries.delete(key);
    this.entries.set(key, stored);
    const current = this.latest.get(baseKey);
    if (current === undefined || BigInt(current.version) <= BigInt(version)) {
      this.latest.delete(baseKey);
      this.latest.set(baseKey, stored);
    }
    for (const map of [this.entries, this.latest]) {
      while (map.size > this.maxEntries) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
    }
    return week;
  }

  /** The shift writes from `from` (excluded) to `to`, when every one of them was recorded. */
  private writesBetween(scope: string, from: string, to: string): ShiftWrite[] | undefined {
    const first = BigInt(from);
    const last = BigInt(to);
    if (last <= first || last - first > BigInt(MAX_WRITES)) return undefined;
    const recorded = this.writes.get(scope);
    const out: ShiftWrite[] = [];
    for (let version = first + 1n; version <= last; version++) {
      const write = recorded?.get(version.toString());
      if (!write) return undefined;
      out.push(write);
    }
    return out;
  }
}
