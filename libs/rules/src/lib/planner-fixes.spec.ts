import type { RotaPerson, Shift, Violation } from '@relais/api-types';
import fc from 'fast-check';
import { applyFixChanges, fixesFor, rankCandidates, weekFixes } from './planner-fixes';
import { checkRotaWeek, RotaComplianceInput } from './rota-compliance';
import { closedDayOf } from './site-calendar';
import { addDays, windowOfIsoWeek, zonedInstant } from './zoned-time';

const WEEK = '2027-W03';
const MONDAY = windowOfIsoWeek(WEEK).from;
const TZ = 'Europe/Paris';
const DESK = 'desk';

function iso(date: string, time: string): string {
  const ms = zonedInstant(date, time, TZ);
  // January: Paris is UTC+1.
  return new Date(ms + 3_600_000).toISOString().replace('.000Z', '+01:00');
}

function person(id: string, trained: boolean, weeklyHours = 35): RotaPerson {
  return {
    id,
    firstName: id,
    lastName: 'Test',
    homeSiteId: 'site',
    contract: { type: 'CDI', start: '2020-01-01', end: null, weeklyHours },
    contracts: [{ type: 'CDI', start: '2020-01-01', end: null, weeklyHours }],
    plannedMinutes: 0,
    absences: [],
    skills: trained
      ? [{ skill: 'france_services_initial', acquiredOn: '2020-01-01', expiresOn: null }]
      : [],
    otherItems: [],
  };
}

function shift(
  id: string,
  personId: string | null,
  day: number,
  start: string,
  end: string,
  breakMinutes = 0,
): Shift {
  const date = addDays(MONDAY, day);
  const endDate = end < start ? addDays(date, 1) : date;
  return {
    id,
    siteId: 'site',
    personId,
    locationId: DESK,
    activity: 'accueil',
    start: iso(date, start),
    end: iso(endDate, end),
    breakMinutes,
    note: null,
    version: 1,
    isChangedSincePublication: true,
  };
}

function input(
  shifts: Shift[],
  people: RotaPerson[],
  isFranceServices = false,
): RotaComplianceInput {
  return {
    site: {
      id: 'site',
      isFranceServices,
      openingHours: isFranceServices
        ? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }))
        : [],
      locations: [{ id: DESK, kind: 'site' }],
    },
    week: WEEK,
    shifts,
    people: people.map((p) => ({
      ...p,
      plannedMinutes: shifts
        .filter((s) => s.personId === p.id)
        .reduce((sum, s) => sum + (Date.parse(s.end) - Date.parse(s.start)) / 60_000, 0),
    })),
    requirements: [],
    settings: { timeZone: TZ },
  };
}

/** The same problem in two checks: same rule and person, a shift in common (or none at all). */
const same = (a: Violation, b: Violation) =>
  a.rule === b.rule &&
  (a.personId ?? '') === (b.personId ?? '') &&
  (a.shiftIds.length === 0
    ? b.shiftIds.length === 0 && a.message === b.message
    : a.personId
      ? [...a.shiftIds].sort().join() === [...b.shiftIds].sort().join()
      : a.shiftIds.some((id) => b.shiftIds.includes(id)));

describe('one-click fixes', () => {
  it('fixes an 11 h rest breach by exactly the missing time, or by handing a shift over', () => {
    // Monday 13:00–21:00, Tuesday 06:00–12:00: 9 h of rest, 2 h missing.
    const week = input(
      [shift('late', 'ana', 0, '13:00', '21:00', 30), shift('early', 'ana', 1, '06:00', '12:00')],
      [person('ana', false), person('bea', false)],
    );
    const [rest] = checkRotaWeek(week).filter((v) => v.rule === 'DAILY_REST');
    expect(rest.severity).toBe('block');
    const fixes = fixesFor(week, rest);
    expect(fixes.map((fix) => fix.label)).toEqual([
      'Commencer le créneau du mardi 06:00–12:00 à 08:00 (2 h plus tard)',
      'Finir le créneau du lundi 13:00–21:00 à 19:00 (2 h plus tôt)',
      // Not Tuesday's: 6 h without a break would become bea's own blocking problem.
      'Confier le créneau du lundi 13:00–21:00 à bea Test (35 h sous son contrat cette semaine)',
    ]);
    expect(fixes[0].changes).toEqual([{ shiftId: 'early', start: '2027-01-19T08:00:00+01:00' }]);
  });

  it('adds the missing break', () => {
    const week = input([shift('long', 'ana', 2, '08:00', '15:00')], [person('ana', false)]);
    const [missing] = checkRotaWeek(week).filter((v) => v.rule === 'BREAK_6H');
    const fixes = fixesFor(week, missing);
    expect(fixes[0]).toMatchObject({
      label: 'Ajouter une pause de 20 min au créneau du mercredi 08:00–15:00',
      changes: [{ shiftId: 'long', breakMinutes: 20 }],
    });
  });

  it('swaps in a trained colleague where a France Services slot has one trained agent', () => {
    const people = [person('ana', true), person('bob', false), person('cyd', true)];
    const shifts = [0, 1, 2, 3, 4].flatMap((day) => [
      shift(`a${day}`, 'ana', day, '09:00', '12:00'),
      shift(`b${day}`, day === 2 ? 'bob' : 'cyd', day, '09:00', '12:00'),
    ]);
    const week = input(shifts, people, true);
    const fs = checkRotaWeek(week).filter((v) => v.rule === 'FS_TRAINED_COVERAGE');
    expect(fs).toHaveLength(1);
    // cyd is busy that morning? No: she is free on Wednesday, and trained.
    const [fix] = fixesFor(week, fs[0]);
    expect(fix.label).toMatch(/^Remplacer bob Test par cyd Test/);
    expect(fix.changes).toEqual([{ shiftId: 'b2', personId: 'cyd' }]);
  });

  it('never offers a candidate who would break a blocking rule', () => {
    // bea already works Tuesday 06:00–12:00: Monday evening would leave her 9 h of rest.
    const week = input(
      [shift('open', null, 0, '13:00', '21:00', 30), shift('bea-tue', 'bea', 1, '06:00', '12:00')],
      [person('ana', false), person('bea', false, 35)],
    );
    const candidates = rankCandidates(week, week.shifts[0]);
    expect(candidates.map((c) => c.personId)).toEqual(['ana']);
    expect(candidates[0].reasons[0]).toBe('35 h sous son contrat cette semaine');
  });

  it('over random weeks, each offered fix clears its blocking violation and adds none', () => {
    const ids = ['ana', 'bea', 'cyd', 'dan'];
    const shiftArb = fc.record({
      personId: fc.constantFrom<string | null>(null, ...ids),
      day: fc.integer({ min: 0, max: 6 }),
      startHour: fc.integer({ min: 5, max: 16 }),
      hours: fc.integer({ min: 2, max: 9 }),
      breakMinutes: fc.constantFrom(0, 0, 30),
    });
    const weekArb = fc.record({
      shifts: fc.array(shiftArb, { minLength: 2, maxLength: 14 }),
      trained: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      isFranceServices: fc.boolean(),
    });
    let offered = 0;
    fc.assert(
      fc.property(weekArb, ({ shifts, trained, isFranceServices }) => {
        // One person never holds two overlapping shifts (the database refuses them).
        const kept: Shift[] = [];
        shifts.forEach((s, index) => {
          const start = `${String(s.startHour).padStart(2, '0')}:00`;
          const end = `${String(s.startHour + s.hours).padStart(2, '0')}:00`;
          const candidate = shift(`s${index}`, s.personId, s.day, start, end, s.breakMinutes);
          const clash = kept.some(
            (other) =>
              other.personId !== null &&
              other.personId === candidate.personId &&
              Date.parse(other.start) < Date.parse(candidate.end) &&
              Date.parse(candidate.start) < Date.parse(other.end),
          );
          if (!clash) kept.push(candidate);
        });
        const week = input(
          kept,
          ids.map((id, i) => person(id, trained[i])),
          isFranceServices,
        );
        const before = checkRotaWeek(week);
        const had = before.filter((v) => v.severity === 'block');
        for (const { violation, fixes } of weekFixes(week)) {
          expect(fixes.length).toBeLessThanOrEqual(3);
          for (const fix of fixes) {
            offered++;
            const after = checkRotaWeek({
              ...week,
              shifts: applyFixChanges(week.shifts, fix.changes),
            });
            expect(after.filter((v) => same(violation, v))).toEqual([]);
            const added = after.filter(
              (v) => v.severity === 'block' && !had.some((old) => same(old, v)),
            );
            expect(added).toEqual([]);
          }
        }
      }),
      { numRuns: 120, seed: 7 },
    );
    // The property is not empty: fixes were offered and checked.
    expect(offered).toBeGreaterThan(20);
  });
});

describe('closed days', () => {
  it('closes a public holiday and a weekday without opening hours, never a site without hours', () => {
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    expect(closedDayOf('2026-12-25', hours)).toEqual({
      reason: 'holiday',
      label: 'jour férié (Noël)',
    });
    expect(closedDayOf('2026-12-26', hours)).toEqual({
      reason: 'closed',
      label: 'site fermé le samedi',
    });
    expect(closedDayOf('2026-12-24', hours)).toBeNull();
    expect(closedDayOf('2026-12-26', [])).toBeNull();
  });
});
