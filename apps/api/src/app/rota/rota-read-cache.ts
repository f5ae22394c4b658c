import { Inject, Injectable } from '@nestjs/common';
import type { RotaWeek } from '@relais/api-types';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';

/** Bounds how long a week computed before a change of day or hour (notice rules) is served. */
const TTL_MS = 60_000;

/**
 * Computed rota weeks, keyed on the organisation's data version (raised at the commit of any
 * write to a table the week reads, see the DataVersion migration) and on who reads. The version
 * is read before the week, in the same place (primary or replica), so a cached week is never
 * older than its key; a later write changes the key. In memory, per API process, least recently
 * used first out.
 */
@Injectable()
export class RotaReadCache {
  private readonly entries = new Map<
    string,
    { at: number; scope: string; version: string; week: RotaWeek }
  >();
  private readonly versions = new Map<string, string>();
  /** Served from the cache / computed, since start (for tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0 };
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
   * `scope` is the organisation and `version` its data version; `reader` tells readers and weeks
   * apart. Weeks of older versions of the organisation are dropped as soon as a newer one is
   * seen: only a lagging replica could still ask for them.
   */
  async through(
    scope: string,
    version: string,
    reader: string,
    build: () => Promise<RotaWeek>,
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
    this.stats.misses++;
    const week = await build();
    if (this.maxEntries === 0) return week;
    this.entries.delete(key);
    this.entries.set(key, { at: now, scope, version, week });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return week;
  }
}
