import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TINY_TWO_SHIFTS } from './curtois/fixtures';
import { curtoisToProblem, parseCurtois } from './curtois/parser';
import { scoreCurtois } from './curtois/scorer';
import { evaluateRoster } from './evaluate';

describe('evaluateRoster agrees with the independent scorer', () => {
  it.each([
    ['Instance1', readFileSync(join(__dirname, '../../benchmarks/curtois/Instance1.txt'), 'utf8')],
    ['two shift types', TINY_TWO_SHIFTS],
  ])('on random rosters of %s', (_name, text) => {
    const instance = parseCurtois(text);
    const problem = curtoisToProblem(instance);
    const values = [null, ...instance.shifts.map((s) => s.id)];
    const rosterArb = fc.array(
      fc.array(fc.constantFrom(...values), {
        minLength: instance.horizon,
        maxLength: instance.horizon,
      }),
      { minLength: instance.staff.length, maxLength: instance.staff.length },
    );
    fc.assert(
      fc.property(rosterArb, (rows) => {
        const mine = evaluateRoster(problem, { assignments: rows });
        const theirs = scoreCurtois(instance, rows);
        expect(mine.objective).toBe(theirs.objective);
        expect(mine.feasible).toBe(theirs.feasible);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
