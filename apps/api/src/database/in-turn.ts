import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads through one entity manager: all at once when the manager uses the pool
 * (each query takes its own connection), one after the other when it holds a query runner (a
 * transaction, or a replica's connection). A pg client runs one query at a time: sending several
 * at once on it only queues them, and pg warns ("client.query() when the client is already
 * executing a query"), which pg 9 will refuse.
 */
export async function inTurnOrTogether<T extends readonly unknown[]>(
  manager: EntityManager,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (manager.queryRunner === undefined) {
    return Promise.all(reads.map((read) => read())) as unknown as Promise<T>;
  }
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
