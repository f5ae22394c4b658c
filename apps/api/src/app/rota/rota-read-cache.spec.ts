import type { RotaWeek } from '@relais/api-types';
import type { AppConfig } from '../../config/config';
import { RotaReadCache, ShiftWrite } from './rota-read-cache';

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
    expect(c.stats).toEqual({ hits: 2, misses: 6, joined: 0 });
  });

  it('computes a week asked for by several readers at once only once (none shared with the cache off)', async () => {
    for (const entries of [10, 0]) {
      const c = cache(entries);
      let builds = 0;
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const build = async () => {
        builds++;
        await gate;
        return week(`build ${builds}`);
      };
      const burst = Array.from({ length: 5 }, () => c.through('org', '1', 'a', build));
      // Another reader's key is computed on its own.
      const other = c.through('org', '1', 'b', build);
      release();
      const weeks = await Promise.all([...burst, other]);
      if (entries > 0) {
        expect(builds).toBe(2);
        expect(new Set(weeks.slice(0, 5))).toEqual(new Set([weeks[0]]));
        expect(c.stats).toEqual({ hits: 0, misses: 2, joined: 4 });
        // Once done, the next reader is a plain hit, and a failed computation is not kept.
        expect(await c.through('org', '1', 'a', build)).toBe(weeks[0]);
        const failing = () => Promise.reject(new Error('panne'));
        await expect(c.through('org', '2', 'a', failing)).rejects.toThrow('panne');
        expect((await c.through('org', '2', 'a', async () => week('v2'))).week).toBe('v2');
      } else {
        expect(builds).toBe(6);
      }
    }
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

  it('patches the week of an earlier version when every version since is a recorded shift write', async () => {
    const c = cache(10);
    const seen: { state: string; writes: string[] }[] = [];
    const build = (label: string) => async () => ({ week: week(label), state: label });
    const patch = async (state: string, writes: ShiftWrite[]) => {
      seen.push({ state, writes: writes.map((write) => write.personIds.join()) });
      return { week: week(`${state}+${writes.length}`), state: `${state}+${writes.length}` };
    };
    const write = (personId: string): ShiftWrite => ({
      shiftIds: ['shift'],
      personIds: [personId],
      shifts: [{ siteId: 's', startMs: 0 }],
    });
    expect((await c.through('org', '1', 'a', build('v1'), patch)).week).toBe('v1');
    c.recordShiftWrite('org', '2', write('p2'));
    c.recordShiftWrite('org', '3', write('p3'));
    expect((await c.through('org', '3', 'a', build('v3'), patch)).week).toBe('v1+2');
    expect(seen).toEqual([{ state: 'v1', writes: ['p2', 'p3'] }]);
    // The patched week is cached under its version, and patched again after the next write.
    expect((await c.through('org', '3', 'a', build('again'), patch)).week).toBe('v1+2');
    c.recordShiftWrite('org', '4', write('p4'));
    expect((await c.through('org', '4', 'a', build('v4'), patch)).week).toBe('v1+2+1');
    // Version 5 was not recorded here (another table, another process): computed whole.
    expect((await c.through('org', '5', 'a', build('v5'), patch)).week).toBe('v5');
    // Another reader has no earlier week of its own.
    c.recordShiftWrite('org', '6', write('p6'));
    expect((await c.through('org', '6', 'b', build('b6'), patch)).week).toBe('b6');
    // A patch may decline (the week was published meanwhile): computed whole.
    expect((await c.through('org', '6', 'a', build('v6'), async () => undefined)).week).toBe('v6');
    expect(c.patches).toEqual({ patched: 2 });
    expect(c.stats).toEqual({ hits: 1, misses: 6, joined: 0 });

    // Without a cache nothing is kept to patch.
    const off = cache(0);
    await off.through('org', '1', 'a', build('v1'), patch);
    off.recordShiftWrite('org', '2', write('p2'));
    expect((await off.through('org', '2', 'a', build('v2'), patch)).week).toBe('v2');
  });
});
