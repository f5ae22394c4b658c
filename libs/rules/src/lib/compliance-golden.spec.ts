import type { ActivityCode, RotaPerson, Shift, Violation } from '@relais/api-types';
import { createHash } from 'node:crypto';
import { checkPersonCompliance } from './person-compliance';
import {
  Absence,
  ContractPeriod,
  PersonComplianceInput,
  ScheduleChange,
  WorkItem,
} from './person-input';
import { checkRotaWeek } from './rota-compliance';
import { RuleSettings } from './rule-settings';
import { addDays, addIsoWeeks, offsetMinutes, windowOfIsoWeek, zonedInstant } from './zoned-time';

// The engine is tuned for speed (see `npm run bench:rules`); these hashes pin its output on a few
// thousand generated people to what the plain code gave: same violations, messages and order.
// Regenerate them only for a deliberate change of the rules or their messages.

/** Mulberry32: a small seeded generator, so the inputs are the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIVITIES: ActivityCode[] = [
  'accueil',
  'back_office',
  'permanence',
  'outreach',
  'workshop',
  'digital_help',
  'meeting',
  'training',
];
const LOCATIONS = ['S', 'S', 'S', 'A', 'B', null];
const ZONES = ['Europe/Paris', 'Europe/Paris', 'Europe/Paris', 'America/New_York'];
/** First weeks of 4-week windows: autumn clock change, Christmas and New Year, spring clock change, 1 May. */
const FIRST_WEEKS = ['2026-W43', '2026-W49', '2026-W51', '2027-W12', '2027-W17'];

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function randomPerson(random: () => number, index: number): PersonComplianceInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number): boolean => random() < p;
  const timeZone = pick(ZONES);
  const firstWeek = pick(FIRST_WEEKS);
  const from = windowOfIsoWeek(firstWeek).from;
  const weeks = chance(0.2) ? 1 : 4;
  const to = windowOfIsoWeek(addIsoWeeks(firstWeek, weeks - 1)).to;
  const personId = `p${index}`;
  const at = (date: string, minutes: number): string | number => {
    const day = addDays(date, Math.floor(minutes / 1440));
    const ms = zonedInstant(day, hhmm(minutes), timeZone);
    const form = random();
    if (form < 0.6) return new Date(ms).toISOString();
    if (form < 0.8) return ms;
    // With the zone's offset, as a client may send it (`2026-12-01T09:00:00+01:00`).
    const offset = offsetMinutes(ms, timeZone);
    const sign = offset < 0 ? '-' : '+';
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    return `${local}${sign}${hhmm(Math.abs(offset))}`;
  };
  const items: WorkItem[] = [];
  const nightOwl = chance(0.1);
  for (let day = -8; day < weeks * 7 + 8; day++) {
    const date = addDays(from, day);
    if (!chance(nightOwl ? 0.6 : 0.72)) continue;
    const slots = nightOwl ? 1 : chance(0.5) ? 2 : chance(0.5) ? 1 : 3;
    let cursor = nightOwl
      ? 19 * 60 + Math.floor(random() * 8) * 30
      : 6 * 60 + Math.floor(random() * 8) * 30;
    for (let s = 0; s < slots; s++) {
      const length = (nightOwl ? 6 * 60 : 90) + Math.floor(random() * (nightOwl ? 8 : 14)) * 30;
      const start = cursor;
      const end = start + length;
      const breakMinutes = chance(0.3) ? pick([15, 20, 30, 45, 60]) : 0;
      const item: WorkItem = {
        id: `${personId}-${day}-${s}`,
        kind: chance(0.05) ? 'training' : 'shift',
        personId: chance(0.05) ? pick([null, undefined, 'someone-else']) : personId,
        start: at(date, start),
        end: at(date, end),
        activity: pick(ACTIVITIES),
        locationId: pick(LOCATIONS),
      };
      if (breakMinutes > 0) {
        item.breakMinutes = breakMinutes;
        if (chance(0.5)) item.breakStart = at(date, start + Math.floor(length / 3));
      }
      if (chance(0.05)) item.requiredSkill = pick(['aidants_connect', 'sst']);
      if (chance(0.1)) item.sundayDerogation = 'L3132-12';
      items.push(item);
      // Mostly gaps, sometimes touching or overlapping the previous item.
      cursor = end + pick([-60, -15, 0, 5, 20, 30, 45, 60, 90, 120, 180]);
    }
  }
  if (chance(0.5)) items.reverse();

  const weeklyHours = pick([35, 35, 35, 28, 26, 24, 20, 17.5, 39]);
  const contractStart = chance(0.8) ? '2025-01-01' : addDays(from, Math.floor(random() * 20));
  const contracts: ContractPeriod[] = [
    {
      id: `c${index}`,
      type: pick(['CDI', 'CDD', 'PEC', 'CDDI'] as const),
      start: contractStart,
      end: chance(0.7) ? null : addDays(from, 5 + Math.floor(random() * 25)),
      weeklyHours,
      isNightWorker: chance(0.05),
      cycleWeeks: chance(0.1) ? 4 : null,
      hasPartTimeDerogation: weeklyHours < 24 && chance(0.7),
      suspensions: chance(0.1)
        ? [{ start: addDays(from, 3), end: addDays(from, 3 + Math.floor(random() * 6)) }]
        : undefined,
    },
  ];
  if (chance(0.2)) {
    const end = contracts[0].end ?? addDays(from, 12);
    contracts[0].end = end;
    contracts.push({
      id: `c${index}b`,
      type: 'CDI',
      start: addDays(end, chance(0.5) ? 1 : 3),
      end: null,
      weeklyHours: pick([35, 26, 30]),
    });
  }

  const absences: Absence[] = [];
  for (let a = Math.floor(random() * 3); a > 0; a--) {
    const day = addDays(from, Math.floor(random() * weeks * 7));
    absences.push(
      chance(0.5)
        ? {
            kind: pick(['leave', 'sickness', 'training', 'unavailability', 'other'] as const),
            start: day,
            end: addDays(day, Math.floor(random() * 4)),
          }
        : { kind: 'unavailability', start: at(day, 9 * 60), end: at(day, 12 * 60) },
    );
  }

  const changes: ScheduleChange[] = [];
  for (let c = Math.floor(random() * 3); c > 0; c--) {
    const first = addDays(from, Math.floor(random() * weeks * 7));
    changes.push({
      publishedAt: at(addDays(first, -Math.floor(random() * 12)), 10 * 60),
      firstAffectedDay: first,
      shiftIds: items.slice(0, 2).map((i) => i.id),
      addedMinutes: chance(0.5) ? pick([-120, 60, 180]) : undefined,
      kind: chance(0.8) ? pick(['added', 'moved', 'removed'] as const) : undefined,
      hasWrittenAgreement: chance(0.2),
    });
  }

  const weekMinutes: Record<string, number> = {};
  if (chance(0.8)) {
    for (let w = 1; w <= 14; w++) {
      weekMinutes[addIsoWeeks(firstWeek, -w)] = Math.floor(random() * 50 * 60);
      weekMinutes[addIsoWeeks(firstWeek, weeks - 1 + w)] = Math.floor(random() * 50 * 60);
    }
  }

  const settings: Partial<RuleSettings> = { timeZone };
  if (chance(0.3)) {
    settings.travelTimes = [
      { fromLocationId: 'S', toLocationId: 'A', minutes: 30 },
      { fromLocationId: 'B', toLocationId: 'S', minutes: 45 },
    ];
  }
  if (chance(0.2)) settings.requiredSkillByActivity = { digital_help: 'aidants_connect' };
  if (chance(0.1)) settings.sundayDerogationLocations = { B: 'L3132-12' };
  if (chance(0.1)) settings.splitDayAgreement = { reference: 'accord 2026' } as never;
  if (chance(0.1)) settings.publicHolidays = [addDays(from, 2), addDays(from, 10)];
  if (chance(0.1)) settings.dailyMaxMinutes = 12 * 60;
  if (chance(0.1)) settings.complementaryHoursRatio = 1 / 3;

  return {
    personId,
    items,
    contracts,
    absences,
    skills: chance(0.5)
      ? [
          { code: 'aidants_connect', acquiredOn: '2025-01-01', expiresOn: addDays(from, 9) },
          { code: 'sst', acquiredOn: addDays(from, 4), expiresOn: null },
        ]
      : chance(0.5)
        ? []
        : undefined,
    isEmployee: chance(0.9),
    changes,
    isNightWorker: chance(0.03),
    history: { weekMinutes, nightMinutes: Math.floor(random() * 300 * 60) },
    inMultiWeekCycle: chance(0.05),
    window: { from, to },
    settings,
  };
}

function outcome(fn: () => Violation[]): Violation[] | string {
  try {
    return fn();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The bench's people (`tools/bench-rules.ts`): plain weeks, the same violations for many. */
function benchPerson(index: number): PersonComplianceInput {
  const weeks = [0, 1, 2, 3].map((offset) => addIsoWeeks('2026-W49', offset));
  const items: WorkItem[] = [];
  const iso = (date: string, time: string) =>
    new Date(zonedInstant(date, time, 'Europe/Paris')).toISOString();
  for (const week of weeks) {
    const monday = windowOfIsoWeek(week).from;
    for (let day = 0; day < 5; day++) {
      const date = addDays(monday, day);
      const isBackOffice = day === index % 5;
      items.push({
        id: `${index}-${week}-${day}-am`,
        personId: `p${index}`,
        start: iso(date, index % 3 === 0 ? '08:45' : '09:00'),
        end: iso(date, '12:30'),
        activity: isBackOffice ? 'back_office' : 'accueil',
        locationId: 'S',
      });
      if (!isBackOffice)
        items.push({
          id: `${index}-${week}-${day}-pm`,
          personId: `p${index}`,
          start: iso(date, '13:30'),
          end: iso(date, '17:15'),
          activity: 'accueil',
          locationId: 'S',
        });
    }
  }
  const weekMinutes: Record<string, number> = {};
  for (let offset = 1; offset <= 11; offset++) {
    weekMinutes[addIsoWeeks(weeks[0], -offset)] = 35 * 60 - (index % 7) * 15;
    weekMinutes[addIsoWeeks(weeks[3], offset)] = 35 * 60 - (index % 5) * 15;
  }
  return {
    personId: `p${index}`,
    items,
    history: { weekMinutes, nightMinutes: (index % 10) * 60 },
    contracts: [
      {
        id: `c${index}`,
        type: index % 4 === 0 ? 'PEC' : 'CDI',
        start: '2025-01-01',
        end: null,
        weeklyHours: index % 4 === 0 ? 26 : 35,
      },
    ],
    window: { from: windowOfIsoWeek(weeks[0]).from, to: windowOfIsoWeek(weeks[3]).to },
  };
}

function randomSiteWeek(random: () => number, index: number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const week = addIsoWeeks(pick(FIRST_WEEKS), Math.floor(random() * 4));
  const monday = windowOfIsoWeek(week).from;
  const iso = (date: string, minutes: number) =>
    new Date(zonedInstant(date, hhmm(minutes), 'Europe/Paris')).toISOString();
  const shifts: Shift[] = [];
  const people: RotaPerson[] = [];
  for (let p = 0; p < 8; p++) {
    const personId = `s${index}p${p}`;
    for (let day = 0; day < 7; day++) {
      if (random() < 0.3) continue;
      const start = 8 * 60 + Math.floor(random() * 6) * 30;
      shifts.push({
        id: `${personId}-${day}`,
        siteId: 'site',
        personId: random() < 0.1 ? null : personId,
        locationId: pick(['S', 'S', 'O']),
        activity: pick(ACTIVITIES),
        start: iso(addDays(monday, day), start),
        end: iso(addDays(monday, day), start + 120 + Math.floor(random() * 16) * 30),
        breakMinutes: pick([0, 0, 30, 60]),
        note: null,
        version: 1,
        isChangedSincePublication: false,
      });
    }
    const weeklyHours = pick([35, 26, 20]);
    people.push({
      id: personId,
      firstName: 'P',
      lastName: String(p),
      homeSiteId: 'site',
      contract: { type: 'CDI', start: '2025-01-01', end: null, weeklyHours },
      contracts: [{ type: 'CDI', start: '2025-01-01', end: null, weeklyHours }],
      plannedMinutes: 0,
      absences:
        random() < 0.2
          ? [{ start: addDays(monday, 2), end: addDays(monday, 3), kind: 'leave' }]
          : [],
      skills:
        random() < 0.3
          ? []
          : [
              { skill: 'france_services_initial', acquiredOn: '2025-02-01', expiresOn: null },
              { skill: 'sst', acquiredOn: '2025-02-01', expiresOn: addDays(monday, 3) },
            ],
      otherItems:
        random() < 0.3
          ? [
              {
                id: `${personId}-other`,
                start: iso(addDays(monday, -1), 20 * 60),
                end: iso(addDays(monday, -1), 23 * 60),
                breakMinutes: 0,
                locationId: 'X',
                activity: 'permanence',
              },
            ]
          : [],
      workHistory: { weekMinutes: { [addIsoWeeks(week, -1)]: 40 * 60 }, nightMinutes: 0 },
    } as RotaPerson);
  }
  const openingHours = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:30' },
    { weekday, start: '13:30', end: pick(['16:00', '17:00']) },
  ]);
  return checkRotaWeek({
    site: {
      id: 'site',
      isFranceServices: random() < 0.8,
      openingHours,
      locations: [
        { id: 'S', kind: 'site' },
        { id: 'O', kind: 'outreach' },
      ],
    },
    week,
    shifts,
    people,
    requirements: openingHours.map((range, r) => ({
      id: `r${r}`,
      locationId: 'S',
      weekday: range.weekday,
      startTime: range.start,
      endTime: range.end,
      minStaff: 2,
      requiredSkill: r % 3 === 0 ? 'france_services_initial' : null,
      activity: r % 2 === 0 ? 'accueil' : null,
      isPair: r % 5 === 0,
    })),
    changes: {
      [`s${index}p0`]: [
        {
          publishedAt: iso(addDays(monday, -3), 600),
          firstAffectedDay: addDays(monday, 1),
          shiftIds: [`s${index}p0-1`],
          kind: 'moved',
        },
      ],
    },
  });
}

describe('compliance output on generated inputs (guards the fast paths)', () => {
  it('gives the recorded violations for 1,000 random people', () => {
    const random = generator(20261207);
    const results = Array.from({ length: 1000 }, (_, i) => {
      const input = randomPerson(random, i);
      return outcome(() => checkPersonCompliance(input));
    });
    const count = results.reduce((n, r) => n + (typeof r === 'string' ? 0 : r.length), 0);
    expect({ count, hash: digest(results) }).toEqual({
      count: 59396,
      hash: 'a410385ffbb756d6a3cf0328ec8b0ea587609cfc20dc54509fe33adf1170ee13',
    });
  });

  it('gives the recorded violations for the bench people', () => {
    const results = Array.from({ length: 200 }, (_, i) => checkPersonCompliance(benchPerson(i)));
    const count = results.reduce((n, r) => n + r.length, 0);
    expect({ count, hash: digest(results) }).toEqual({
      count: 1060,
      hash: '5a87f7faf1c3feded155a8be32c2b783b7dba414aff19ef763368c0b5d2a0792',
    });
  });

  it('gives the recorded violations for 60 random site-weeks', () => {
    const random = generator(49);
    const results = Array.from({ length: 60 }, (_, i) => outcome(() => randomSiteWeek(random, i)));
    const count = results.reduce((n, r) => n + (typeof r === 'string' ? 0 : r.length), 0);
    expect({ count, hash: digest(results) }).toEqual({
      count: 3920,
      hash: 'be74350af954c8266e14147fb839501fd5cc84925e0904a806bf1e13c7348ae1',
    });
  });
});
