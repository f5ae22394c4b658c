import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TINY_TWO_SHIFTS } from './fixtures';
import { curtoisToProblem, parseCurtois } from './parser';
import { scoreCurtois } from './scorer';

// The public instances are kept in the library (libs/solver/benchmarks/curtois).
const BENCH = join(__dirname, '../../../benchmarks/curtois');
const instance1 = join(BENCH, 'Instance1.txt');

describe('parseCurtois', () => {
  it('reads the sections of a small file', () => {
    const inst = parseCurtois(TINY_TWO_SHIFTS);
    expect(inst.horizon).toBe(5);
    expect(inst.shifts).toEqual([
      { id: 'E', minutes: 480, cannotFollow: [] },
      { id: 'L', minutes: 600, cannotFollow: ['E'] },
    ]);
    expect(inst.staff[0]).toEqual({
      id: 'A',
      maxShifts: { E: 3, L: 2 },
      maxTotalMinutes: 2880,
      minTotalMinutes: 1440,
      maxConsecutiveShifts: 3,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      maxWeekends: 1,
    });
    expect(inst.daysOff).toEqual([{ employee: 'B', days: [4] }]);
    expect(inst.onRequests).toEqual([{ employee: 'A', day: 1, shift: 'L', weight: 5 }]);
    expect(inst.offRequests).toEqual([{ employee: 'A', day: 2, shift: 'E', weight: 7 }]);
    expect(inst.cover).toHaveLength(10);
    expect(inst.cover[1]).toEqual({
      day: 0,
      shift: 'L',
      requirement: 1,
      weightUnder: 20,
      weightOver: 2,
    });
  });

  it('maps onto the general model', () => {
    const problem = curtoisToProblem(parseCurtois(TINY_TWO_SHIFTS));
    expect(problem.forbiddenSuccessions).toEqual([{ first: 'L', second: 'E' }]);
    expect(problem.employees[1]?.daysOff).toEqual([4]);
    expect(problem.employees[1]?.maxShifts).toEqual({ E: 5, L: 0 });
  });

  it('rejects malformed numbers', () => {
    expect(() => parseCurtois('SECTION_HORIZON\nfourteen\n')).toThrow(/integer/);
  });

  it.each([['Instance1', 8, 14, 1, 8, 21, 5, 14]])(
    'parses %s (staff, days, shift types, day-off lines, on, off, cover)',
    (_name, staff, days, shifts, daysOff, on, off, cover) => {
      const inst = parseCurtois(readFileSync(instance1, 'utf8'));
      expect(inst.staff).toHaveLength(staff);
      expect(inst.horizon).toBe(days);
      expect(inst.shifts).toHaveLength(shifts);
      expect(inst.daysOff).toHaveLength(daysOff);
      expect(inst.onRequests).toHaveLength(on);
      expect(inst.offRequests).toHaveLength(off);
      expect(inst.cover).toHaveLength(cover);
    },
  );

  it('scores the all-off roster of Instance1 at the documented 7137', () => {
    const inst = parseCurtois(readFileSync(instance1, 'utf8'));
    const allOff = inst.staff.map(() => new Array<string>(inst.horizon).fill(''));
    const score = scoreCurtois(inst, allOff);
    expect(score.objective).toBe(7137);
    // Nobody reaches the minimum minutes when off all the time.
    expect(score.feasible).toBe(false);
  });
});
