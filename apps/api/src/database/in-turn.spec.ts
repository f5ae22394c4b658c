import type { EntityManager } from 'typeorm';
import { inTurnOrTogether } from './in-turn';

describe('inTurnOrTogether', () => {
  function reads(log: string[]) {
    const read = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      return name;
    };
    return [read('a', 20), read('b', 1)] as const;
  }

  it('sends the reads at once through the pool', async () => {
    const log: string[] = [];
    const pooled = {} as EntityManager;
    expect(await inTurnOrTogether<[string, string]>(pooled, reads(log))).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });

  it('sends them one after the other through a transaction’s connection', async () => {
    const log: string[] = [];
    const inTransaction = { queryRunner: {} } as EntityManager;
    expect(await inTurnOrTogether<[string, string]>(inTransaction, reads(log))).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
