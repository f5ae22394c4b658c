import type { CoverageRequirement, Location, Shift } from '@relais/api-types';
import { DEFAULT_RULE_SETTINGS } from '@relais/rules';
import {
  assignSubLanes,
  dayBounds,
  dayNeeds,
  DayPerson,
  hourTicks,
  laneCoverage,
  minuteAtX,
  minuteOfDay,
  minutesForPixels,
  movedTimes,
  percentAt,
  presence,
  shiftsOfDay,
  snappedMove,
  stepMove,
} from './day-view.model';

const TZ = 'Europe/Paris';
const DAY = '2026-12-01'; // a Tuesday
const h = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const DESK: Location = {
  id: 'loc-desk',
  siteId: 'site',
  code: 'ACC',
  name: 'Accueil',
  kind: 'site',
  address: '',
};
const WORKSHOP: Location = { ...DESK, id: 'loc-atelier', name: 'Atelier', kind: 'workshop' };

const TRAINED = [
  { skill: 'france_services_initial' as const, acquiredOn: '2025-01-01', expiresOn: null },
];
const PEOPLE: DayPerson[] = [
  { id: 'lea', firstName: 'Léa', lastName: 'Fontaine', homeSiteId: 'site', skills: TRAINED },
  { id: 'awa', firstName: 'Awa', lastName: 'Diallo', homeSiteId: 'site', skills: TRAINED },
  { id: 'tom', firstName: 'Tom', lastName: 'Roux', homeSiteId: 'site', skills: [] },
  {
    id: 'old',
    firstName: 'Ana',
    lastName: 'Lima',
    homeSiteId: 'site',
    skills: [
      { skill: 'france_services_initial', acquiredOn: '2020-01-01', expiresOn: '2026-11-30' },
    ],
  },
];

let seq = 0;
function shift(
  personId: string | null,
  start: string,
  end: string,
  more: Partial<Shift> = {},
): Shift {
  return {
    id: `s${++seq}`,
    siteId: 'site',
    personId,
    locationId: DESK.id,
    activity: 'accueil',
    start: `${DAY}T${start}:00+01:00`,
    end: `${DAY}T${end}:00+01:00`,
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: false,
    ...more,
  };
}

describe('time ↔ axis', () => {
  const bounds = { from: h('07:00'), to: h('21:00') };

  it('reads wall-clock minutes in the organisation time zone, on either side of midnight', () => {
    expect(minuteOfDay('2026-12-01T09:30:00+01:00', DAY, TZ)).toBe(h('09:30'));
    expect(minuteOfDay('2026-12-01T08:30:00Z', DAY, TZ)).toBe(h('09:30'));
    expect(minuteOfDay('2026-12-02T01:00:00+01:00', DAY, TZ)).toBe(1440 + 60);
    expect(minuteOfDay('2026-11-30T23:00:00+01:00', DAY, TZ)).toBe(-60);
    // La Réunion is UTC+4 all year: the same instant is 12:30 there.
    expect(minuteOfDay('2026-12-01T09:30:00+01:00', DAY, 'Indian/Reunion')).toBe(h('12:30'));
  });

  it('places minutes on the axis in percent and back from pixels', () => {
    expect(percentAt(h('07:00'), bounds)).toBe(0);
    expect(percentAt(h('14:00'), bounds)).toBe(50);
    expect(percentAt(h('23:00'), bounds)).toBe(100);
    // 840 minutes over 1120 px: 0.75 minute a pixel.
    expect(minutesForPixels(40, 1120, bounds)).toBe(30);
    expect(minutesForPixels(40, 0, bounds)).toBe(0);
    expect(minuteAtX(560, 1120, bounds)).toBe(h('14:00'));
    expect(minuteAtX(575, 1120, bounds)).toBe(h('14:00'));
    expect(minuteAtX(581, 1120, bounds)).toBe(h('14:15'));
  });

  it('snaps a drag to the quarter hour and keeps the shift on its day', () => {
    expect(snappedMove(h('09:00'), 7)).toBe(0);
    expect(snappedMove(h('09:00'), 8)).toBe(15);
    expect(snappedMove(h('09:00'), -52)).toBe(-45);
    expect(snappedMove(h('09:10'), 30)).toBe(35); // lands on 09:45
    expect(snappedMove(h('09:00'), -1000)).toBe(-h('09:00'));
    expect(snappedMove(h('20:00'), 600)).toBe(1440 - 15 - h('20:00'));
  });

  it('moves by one quarter hour with the keyboard, onto the quarter grid', () => {
    expect(stepMove(h('09:00'), 1)).toBe(15);
    expect(stepMove(h('09:00'), -1)).toBe(-15);
    expect(stepMove(h('09:10'), 1)).toBe(5);
    expect(stepMove(h('09:10'), -1)).toBe(-10);
    expect(stepMove(0, -1)).toBe(0);
  });

  it('moves both ends of a shift', () => {
    expect(movedTimes(shift('lea', '09:00', '12:30'), 45, TZ)).toEqual({
      start: '2026-12-01T09:45:00+01:00',
      end: '2026-12-01T13:15:00+01:00',
    });
  });

  it('frames the axis on opening hours with an hour of margin, widened by the shifts', () => {
    expect(dayBounds([{ from: h('09:00'), to: h('17:30') }], [])).toEqual({
      from: h('08:00'),
      to: h('19:00'),
    });
    expect(
      dayBounds([{ from: h('09:00'), to: h('17:00') }], [{ from: h('06:45'), to: h('20:10') }]),
    ).toEqual({ from: h('06:00'), to: h('21:00') });
    expect(dayBounds([], [])).toEqual({ from: h('08:00'), to: h('19:00') });
    expect(dayBounds([], [{ from: -120, to: 1500 }])).toEqual({ from: 0, to: 1440 });
    expect(hourTicks({ from: h('08:00'), to: h('11:00') })).toEqual([8, 9, 10, 11]);
  });
});

describe('assignSubLanes', () => {
  it('stacks overlapping shifts and reuses a sub-lane once it is free', () => {
    const { lanes, count } = assignSubLanes([
      { id: 'a', from: h('09:00'), to: h('12:30') },
      { id: 'b', from: h('10:00'), to: h('14:00') },
      { id: 'c', from: h('12:30'), to: h('17:00') },
      { id: 'd', from: h('11:00'), to: h('12:00') },
    ]);
    expect(count).toBe(3);
    expect(lanes.get('a')).toBe(0);
    expect(lanes.get('b')).toBe(1);
    expect(lanes.get('d')).toBe(2);
    // "c" starts when "a" ends: back on the first sub-lane.
    expect(lanes.get('c')).toBe(0);
  });

  it('keeps one sub-lane for an empty lane', () => {
    expect(assignSubLanes([]).count).toBe(1);
  });
});

describe('shiftsOfDay and presence', () => {
  it('keeps the shifts touching the day, an overnight one of the eve included', () => {
    const eve = shift('lea', '22:00', '23:00', {
      start: '2026-11-30T22:00:00+01:00',
      end: '2026-12-01T02:00:00+01:00',
    });
    const before = shift('lea', '09:00', '10:00', {
      start: '2026-11-30T09:00:00+01:00',
      end: '2026-11-30T10:00:00+01:00',
    });
    const today = shift('awa', '09:00', '12:00');
    expect(shiftsOfDay([eve, before, today], DAY, TZ).map((s) => s.id)).toEqual([eve.id, today.id]);
  });

  it('takes the break out of the middle of the shift, as the rules do', () => {
    expect(presence(shift('lea', '09:00', '17:00', { breakMinutes: 60 }), DAY, TZ)).toEqual([
      { from: h('09:00'), to: h('12:30') },
      { from: h('13:30'), to: h('17:00') },
    ]);
  });
});

describe('France Services coverage', () => {
  const bounds = { from: h('08:00'), to: h('18:00') };
  const needs = dayNeeds({
    date: DAY,
    locations: [DESK, WORKSHOP],
    isFranceServices: true,
    openingHours: [
      { weekday: 2, start: '09:00', end: '12:30' },
      { weekday: 2, start: '13:30', end: '17:00' },
      { weekday: 3, start: '09:00', end: '12:00' },
    ],
    requirements: [],
    settings: DEFAULT_RULE_SETTINGS,
    isHoliday: false,
  });

  it('asks two trained agents at the desk during the opening hours of the weekday', () => {
    expect(needs).toEqual([
      expect.objectContaining({
        kind: 'france_services',
        locationId: DESK.id,
        from: h('09:00'),
        to: h('12:30'),
        need: 2,
      }),
      expect.objectContaining({
        kind: 'france_services',
        locationId: DESK.id,
        from: h('13:30'),
        to: h('17:00'),
        need: 2,
      }),
    ]);
  });

  it('asks nothing on a public holiday the site is closed', () => {
    expect(
      dayNeeds({
        date: DAY,
        locations: [DESK],
        isFranceServices: true,
        openingHours: [{ weekday: 2, start: '09:00', end: '12:00' }],
        requirements: [],
        settings: DEFAULT_RULE_SETTINGS,
        isHoliday: true,
      }),
    ).toEqual([]);
  });

  function coverage(shifts: Shift[]) {
    return laneCoverage({
      date: DAY,
      locationId: DESK.id,
      shifts,
      people: PEOPLE,
      needs,
      bounds,
      timeZone: TZ,
    });
  }

  it('finds no gap when two trained agents hold the desk all day', () => {
    const { gaps, runs } = coverage([
      shift('lea', '09:00', '17:00'),
      shift('awa', '09:00', '17:00'),
    ]);
    expect(gaps).toEqual([]);
    expect(runs.some((run) => run.isGap)).toBe(false);
  });

  it('marks the lunch break of one agent, the hours without anyone and an untrained agent', () => {
    const { gaps } = coverage([
      shift('lea', '09:00', '17:00', { breakMinutes: 60 }),
      shift('awa', '09:00', '12:30'),
      // Tom is at the desk but not trained: he does not count.
      shift('tom', '13:30', '17:00'),
      // Ana's training expired the day before.
      shift('old', '13:30', '17:00'),
      // Awa in the afternoon, but at the workshop: not at the desk.
      shift('awa', '13:30', '17:00', { locationId: WORKSHOP.id }),
    ]);
    expect(gaps.map((gap) => [gap.from, gap.to, gap.count, gap.need])).toEqual([
      [h('13:30'), h('17:00'), 1, 2],
    ]);
  });

  it('splits a gap where the count changes and counts one person once', () => {
    const { gaps } = coverage([
      shift('lea', '10:00', '12:30'),
      // Two shifts of the same person overlapping: still one agent.
      shift('lea', '11:00', '12:00', { activity: 'accueil' }),
    ]);
    expect(gaps.map((gap) => [gap.from, gap.to, gap.count])).toEqual([
      [h('09:00'), h('10:00'), 0],
      [h('10:00'), h('12:30'), 1],
      [h('13:30'), h('17:00'), 0],
    ]);
  });

  it('only counts reception shifts for the France Services desk', () => {
    const { gaps } = coverage([
      shift('lea', '09:00', '12:30'),
      shift('awa', '09:00', '12:30', { activity: 'back_office' }),
    ]);
    expect(gaps[0]).toEqual(
      expect.objectContaining({ from: h('09:00'), to: h('12:30'), count: 1 }),
    );
  });

  it('draws the curve by quarter hour against the requirement', () => {
    const { runs, peak } = coverage([
      shift('lea', '08:00', '12:30'),
      shift('awa', '09:00', '12:00'),
    ]);
    // 08:00–09:00: one person on duty, nothing needed yet.
    expect(runs[0]).toEqual({
      from: h('08:00'),
      to: h('09:00'),
      count: 1,
      need: null,
      isGap: false,
    });
    expect(runs[1]).toEqual({ from: h('09:00'), to: h('12:00'), count: 2, need: 2, isGap: false });
    expect(runs[2]).toEqual({ from: h('12:00'), to: h('12:30'), count: 1, need: 2, isGap: true });
    expect(peak).toBe(2);
  });
});

describe('coverage requirements', () => {
  const requirement: CoverageRequirement = {
    id: 'r1',
    locationId: WORKSHOP.id,
    weekday: 2,
    startTime: '14:00',
    endTime: '16:00',
    minStaff: 1,
    requiredSkill: null,
    activity: null,
    isPair: true,
  };

  it('asks at least two for a pair and counts the people at that location', () => {
    const needs = dayNeeds({
      date: DAY,
      locations: [DESK, WORKSHOP],
      isFranceServices: false,
      openingHours: [{ weekday: 2, start: '09:00', end: '17:00' }],
      requirements: [requirement, { ...requirement, id: 'r2', weekday: 3 }],
      settings: DEFAULT_RULE_SETTINGS,
      isHoliday: false,
    });
    expect(needs).toEqual([
      expect.objectContaining({ kind: 'requirement', locationId: WORKSHOP.id, need: 2 }),
    ]);
    const { gaps } = laneCoverage({
      date: DAY,
      locationId: WORKSHOP.id,
      shifts: [
        shift('tom', '14:00', '16:00', { locationId: WORKSHOP.id, activity: 'workshop' }),
        shift(null, '14:00', '16:00', { locationId: WORKSHOP.id, activity: 'workshop' }),
      ],
      people: PEOPLE,
      needs,
      bounds: { from: h('08:00'), to: h('18:00') },
      timeZone: TZ,
    });
    // The open shift is nobody yet.
    expect(gaps.map((gap) => [gap.from, gap.to, gap.count, gap.need, gap.kind])).toEqual([
      [h('14:00'), h('16:00'), 1, 2, 'requirement'],
    ]);
  });
});
