/**
 * Times the compliance engine: 1,000 people × 4 weeks (goal ≤ 50 ms, issue #20) and one site-week
 * through the same entry point as the API and the grid (goal ≤ 1 ms). Usage: `npm run bench:rules`.
 */
import type { CoverageRequirement, RotaPerson, Shift } from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  checkPersonCompliance,
  checkRotaWeek,
  windowOfIsoWeek,
  WorkItem,
  zonedInstant,
} from '@relais/rules';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

const TZ = 'Europe/Paris';
const WEEK = '2026-W49';

function iso(date: string, time: string): string {
  return new Date(zonedInstant(date, time, TZ)).toISOString();
}

/** A plausible week: four desk days and a back-office morning, shifted a little per person. */
function weekItems(personIndex: number, week: string): WorkItem[] {
  const monday = windowOfIsoWeek(week).from;
  const items: WorkItem[] = [];
  for (let day = 0; day < 5; day++) {
    const date = addDays(monday, day);
    const isBackOffice = day === personIndex % 5;
    const start = personIndex % 3 === 0 ? '08:45' : '09:00';
    items.push({
      id: `${personIndex}-${week}-${day}-am`,
      personId: `p${personIndex}`,
      start: iso(date, start),
      end: iso(date, '12:30'),
      activity: isBackOffice ? 'back_office' : 'accueil',
      locationId: 'S',
    });
    if (!isBackOffice)
      items.push({
        id: `${personIndex}-${week}-${day}-pm`,
        personId: `p${personIndex}`,
        start: iso(date, '13:30'),
        end: iso(date, '17:15'),
        activity: 'accueil',
        locationId: 'S',
      });
  }
  return items;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Untimed runs first, so the timed ones see optimised code (V8 tiers up over a few calls). */
const WARM_UP_RUNS = 3;

function time(label: string, runs: number, fn: () => number): void {
  for (let run = 0; run < WARM_UP_RUNS; run++) fn(); // warm-up: JIT and time-zone caches
  const samples: number[] = [];
  let violations = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    violations = fn();
    samples.push(performance.now() - started);
  }
  console.log(
    JSON.stringify({
      bench: label,
      medianMs: Number(median(samples).toFixed(2)),
      minMs: Number(Math.min(...samples).toFixed(2)),
      runs,
      violations,
    }),
  );
}

const weeks = [0, 1, 2, 3].map((offset) => addIsoWeeks(WEEK, offset));

/**
 * The longer windows as the API feeds them: the 11 weeks before and after the checked weeks
 * summed per person-week (WEEKLY_AVG_12W), and 12 months of night minutes (NIGHT_WORK).
 */
function history(index: number, first: string, last: string) {
  const weekMinutes: Record<string, number> = {};
  for (let offset = 1; offset <= 11; offset++) {
    weekMinutes[addIsoWeeks(first, -offset)] = 35 * 60 - (index % 7) * 15;
    weekMinutes[addIsoWeeks(last, offset)] = 35 * 60 - (index % 5) * 15;
  }
  return { weekMinutes, nightMinutes: (index % 10) * 60 };
}

const people = Array.from({ length: 1000 }, (_, index) => ({
  personId: `p${index}`,
  items: weeks.flatMap((week) => weekItems(index, week)),
  history: history(index, weeks[0], weeks[3]),
  contracts: [
    {
      id: `c${index}`,
      type: index % 4 === 0 ? ('PEC' as const) : ('CDI' as const),
      start: '2025-01-01',
      end: null,
      weeklyHours: index % 4 === 0 ? 26 : 35,
    },
  ],
}));
const window = { from: windowOfIsoWeek(weeks[0]).from, to: windowOfIsoWeek(weeks[3]).to };

time('rules: 1000 people x 4 weeks', 7, () =>
  people.reduce((count, person) => count + checkPersonCompliance({ ...person, window }).length, 0),
);

const team = Array.from({ length: 8 }, (_, index) => index);
const shifts: Shift[] = team.flatMap((index) =>
  weekItems(index, WEEK).map((item) => ({
    id: item.id,
    siteId: 'site',
    personId: `p${index}`,
    locationId: 'S',
    activity: item.activity,
    start: String(item.start),
    end: String(item.end),
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: false,
  })),
);
const rotaPeople: RotaPerson[] = team.map((index) => ({
  id: `p${index}`,
  firstName: 'P',
  lastName: String(index),
  homeSiteId: 'site',
  contract: { type: 'CDI', start: '2025-01-01', end: null, weeklyHours: 35 },
  contracts: [{ type: 'CDI', start: '2025-01-01', end: null, weeklyHours: 35 }],
  plannedMinutes: 0,
  absences: [],
  skills:
    index % 4 === 3
      ? []
      : [{ skill: 'france_services_initial', acquiredOn: '2025-02-01', expiresOn: null }],
  otherItems: [],
  workHistory: history(index, WEEK, WEEK),
}));
const openingHours = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:30' },
  { weekday, start: '13:30', end: '17:00' },
]);
const requirements: CoverageRequirement[] = openingHours.map((range, index) => ({
  id: `r${index}`,
  locationId: 'S',
  weekday: range.weekday,
  startTime: range.start,
  endTime: range.end,
  minStaff: 2,
  requiredSkill: 'france_services_initial',
  activity: 'accueil',
  isPair: false,
}));

time(
  'rules: one site-week (8 people, checkRotaWeek)',
  51,
  () =>
    checkRotaWeek({
      site: {
        id: 'site',
        isFranceServices: true,
        openingHours,
        locations: [{ id: 'S', kind: 'site' }],
      },
      week: WEEK,
      shifts,
      people: rotaPeople,
      requirements,
    }).length,
);

console.log(
  JSON.stringify({
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    node: process.version,
  }),
);
