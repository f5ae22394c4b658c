/** Tiny hand-written instances in the benchmark's text format, for the specs. */

/** One shift type, 2 people, 7 days: block, minutes and weekend rules all bite. */
export const TINY_ONE_SHIFT = `
SECTION_HORIZON
7

SECTION_SHIFTS
D,480,

SECTION_STAFF
A,D=7,2400,1440,4,2,2,1
B,D=7,2400,960,3,2,1,0

SECTION_DAYS_OFF
A,3

SECTION_SHIFT_ON_REQUESTS
A,0,D,3
B,1,D,2

SECTION_SHIFT_OFF_REQUESTS
A,6,D,4

SECTION_COVER
0,D,1,50,5
1,D,2,50,5
2,D,1,50,5
3,D,1,50,5
4,D,1,50,5
5,D,1,50,5
6,D,1,50,5
`;

/** Two shift types with a forbidden succession (L then E), 2 people, 5 days. */
export const TINY_TWO_SHIFTS = `
SECTION_HORIZON
5

SECTION_SHIFTS
E,480,
L,600,E

SECTION_STAFF
A,E=3|L=2,2880,1440,3,1,1,1
B,E=5|L=0,2400,960,4,1,1,1

SECTION_DAYS_OFF
B,4

SECTION_SHIFT_ON_REQUESTS
A,1,L,5

SECTION_SHIFT_OFF_REQUESTS
A,2,E,7

SECTION_COVER
0,E,1,30,2
0,L,1,20,2
1,E,1,30,2
1,L,1,20,2
2,E,1,30,2
2,L,0,20,2
3,E,1,30,2
3,L,1,20,2
4,E,1,30,2
4,L,0,20,2
`;

/** Exhaustive optimum under the independent scorer, the ground truth for the tiny instances. */
export function bruteForce(
  staff: number,
  horizon: number,
  shiftIds: readonly string[],
  score: (roster: (string | null)[][]) => { objective: number; feasible: boolean },
): number {
  const values = [null, ...shiftIds];
  const cells = staff * horizon;
  const digits = new Array<number>(cells).fill(0);
  let best = Infinity;
  for (;;) {
    const roster: (string | null)[][] = [];
    for (let e = 0; e < staff; e++) {
      roster.push(digits.slice(e * horizon, (e + 1) * horizon).map((v) => values[v] ?? null));
    }
    const s = score(roster);
    if (s.feasible && s.objective < best) best = s.objective;
    let i = 0;
    while (i < cells && digits[i] === values.length - 1) digits[i++] = 0;
    if (i === cells) return best;
    digits[i] = (digits[i] ?? 0) + 1;
  }
}
