import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SharedIncumbent } from './shared-incumbent';

describe('SharedIncumbent', () => {
  it('holds the best roster offered and hands a copy only to a worse one', () => {
    const buffer = SharedIncumbent.allocate(4);
    const mine = new SharedIncumbent(buffer);
    const theirs = new SharedIncumbent(buffer);
    expect(theirs.better(Infinity)).toBeUndefined();
    expect(mine.offer(Int16Array.from([0, 1, -1, 0]), 120)).toBe(true);
    expect(mine.offer(Int16Array.from([1, 1, 1, 1]), 130)).toBe(false);
    expect(mine.offer(Int16Array.from([1, 1, 1]), 10)).toBe(false);
    const copy = theirs.better(125);
    expect(copy?.objective).toBe(120);
    expect(Array.from(copy?.assign ?? [])).toEqual([0, 1, -1, 0]);
    // A copy: changing it leaves the shared roster as it was.
    copy?.assign.fill(5);
    expect(Array.from(theirs.better(125)?.assign ?? [])).toEqual([0, 1, -1, 0]);
    expect(theirs.better(120)).toBeUndefined();
    expect(theirs.offer(Int16Array.from([2, 2, 2, 2]), 90)).toBe(true);
    expect(mine.better(120)?.objective).toBe(90);
  });

  it('is seen by another thread, which keeps only its better rosters', async () => {
    const buffer = SharedIncumbent.allocate(3);
    const shared = new SharedIncumbent(buffer);
    shared.offer(Int16Array.from([7, 7, 7]), 50);
    // The other thread offers a worse roster then a better one, as another worker would.
    const source = `
      require('tsx/cjs/api').register();
      const { workerData, parentPort } = require('node:worker_threads');
      const { SharedIncumbent } = require(${JSON.stringify(join(__dirname, 'shared-incumbent.ts'))});
      const shared = new SharedIncumbent(workerData);
      const offered = [shared.offer(Int16Array.from([1, 1, 1]), 60), shared.offer(Int16Array.from([2, 3, 4]), 40)];
      parentPort.postMessage(offered);
    `;
    const worker = new Worker(source, { eval: true, workerData: buffer });
    const offered = await new Promise<boolean[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(offered).toEqual([false, true]);
    const taken = shared.better(50);
    expect(taken?.objective).toBe(40);
    expect(Array.from(taken?.assign ?? [])).toEqual([2, 3, 4]);
  });
});
