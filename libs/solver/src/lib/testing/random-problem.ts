import type { CoverRequirement, EmployeeSpec, RosterProblem } from '../model';
import { Random } from '../random';

/** A random benchmark-like problem (short horizons re-solve whole rows, long ones by windows). */
export function randomProblem(seed: number, long: boolean): RosterProblem {
  const rng = new Random(seed);
  const H = long ? 64 + rng.int(20) : 3 + rng.int(12);
  const T = 1 + rng.int(3);
  const E = 2 + rng.int(4);
  const shiftTypes = Array.from({ length: T }, (_, t) => ({
    id: `S${t}`,
    startMinute: 0,
    lengthMinutes: [480, 480, 600][rng.int(3)] ?? 480,
  }));
  const employees: EmployeeSpec[] = Array.from({ length: E }, (_, e) => {
    const maxShifts: Record<string, number> = {};
    for (const s of shiftTypes) if (rng.next() < 0.4) maxShifts[s.id] = rng.int(H);
    const daysOff: number[] = [];
    for (let d = 0; d < H; d++) if (rng.next() < 0.1) daysOff.push(d);
    const maxMinutes = 480 * Math.ceil(H * (0.4 + 0.4 * rng.next()));
    return {
      id: `E${e}`,
      maxShifts,
      maxTotalMinutes: maxMinutes,
      minTotalMinutes: rng.next() < 0.7 ? Math.floor(maxMinutes * 0.5 * rng.next()) : undefined,
      maxConsecutiveShifts: 3 + rng.int(4),
      minConsecutiveShifts: 1 + rng.int(2),
      minConsecutiveDaysOff: 1 + rng.int(2),
      maxWeekends: rng.int(Math.ceil(H / 7) + 1),
      daysOff,
    };
  });
  const cover: CoverRequirement[] = [];
  for (let d = 0; d < H; d++) {
    for (const s of shiftTypes) {
      cover.push({
        day: d,
        shift: s.id,
        requirement: rng.int(3),
        weightUnder: 1 + rng.int(100),
        weightOver: 1 + rng.int(10),
      });
    }
  }
  const requests = (n: number) =>
    Array.from({ length: n }, () => ({
      employee: `E${rng.int(E)}`,
      day: rng.int(H),
      shift: `S${rng.int(T)}`,
      weight: 1 + rng.int(3),
    }));
  return {
    horizon: H,
    shiftTypes,
    employees,
    cover,
    shiftOnRequests: requests(rng.int(E * 2)),
    shiftOffRequests: requests(rng.int(E * 2)),
    forbiddenSuccessions: T > 1 ? [{ first: 'S1', second: 'S0' }] : [],
    edgeBlocks: rng.next() < 0.7 ? 'exempt' : 'enforced',
  };
}
