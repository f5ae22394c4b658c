import type { RotaWeek } from '@relais/api-types';
import type { AppConfig } from '../../config/config';
import { RotaReadCache } from './rota-read-cache';

function cache(entries: number): RotaReadCache {
  return new RotaReadCache({ rotaCacheEntries: entries } as AppConfig);
}

function week(label: string): RotaWeek {
  return { week: label } as RotaWeek;
}

describe('RotaReadCache', () => {
  it('computes a week once per version and reader, and again after a newer version', async () => {
    const c = cache(10);
    let builds = 0;
    const build = (label: string) => async () => {
      builds++;
      return week(label);
    };
    expect((await c.through('org', '1', 'a', build('v1'))).week).toBe('v1');
    expect((await c.through('org', '1', 'a', build('again'))).week).toBe('v1');
    expect((await c.through('org', '1', 'b', build('v1 b'))).week).toBe('v1 b');
    expect((await c.through('org', '2', 'a', build('v2'))).week).toBe('v2');
    expect(builds).toBe(3);
    // Version 1 is gone once version 2 was seen: a lagging reader computes it anew.
    expect((await c.through('org', '1', 'b', build('v1 b late'))).week).toBe('v1 b late');
    // Another organisation keeps its weeks.
    await c.through('other', '7', 'a', build('o7'));
    await c.through('org', '3', 'a', build('v3'));
    expect((await c.through('other', '7', 'a', build('o7 again'))).week).toBe('o7');
    expect(c.stats).toEqual({ hits: 2, misses: 6 });
  });

  it('keeps at most its number of weeks, the least recently used out first; 0 keeps none', async () => {
    const c = cache(2);
    const build = (label: string) => async () => week(label);
    await c.through('org', '1', 'a', build('a'));
    await c.through('org', '1', 'b', build('b'));
    await c.through('org', '1', 'a', build('a2')); // a is now the most recent
    await c.through('org', '1', 'c', build('c')); // b goes
    expect((await c.through('org', '1', 'a', build('a3'))).week).toBe('a');
    expect((await c.through('org', '1', 'b', build('b2'))).week).toBe('b2');

    const off = cache(0);
    await off.through('org', '1', 'a', build('a'));
    expect((await off.through('org', '1', 'a', build('a again'))).week).toBe('a again');
  });
});
