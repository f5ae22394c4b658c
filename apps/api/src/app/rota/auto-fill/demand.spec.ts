import { DEFAULT_RULE_SETTINGS } from '@relais/rules';
import {
  DESK,
  MONDAY,
  person,
  plannerInput,
  requirement,
  shift,
} from '../../../testing/planner-fixtures';
import { collectDemand } from './demand';
import { skillCheck, slotShift } from './planner-model';

function demandOf(input: ReturnType<typeof plannerInput>) {
  const site = input.sites[0];
  const kept = new Map([[site.input.site.id, [...site.input.shifts]]]);
  return collectDemand(input, kept, skillCheck(site.input.people));
}

describe('collectDemand', () => {
  it('turns each requirement into a slot of its day, morning or afternoon', () => {
    const demand = demandOf(
      plannerInput({
        requirements: [requirement(1, '09:00', '12:30'), requirement(3, '13:30', '17:00', 2)],
      }),
    );
    expect(
      demand.slots.map((slot) => [slot.date, slot.period, slot.startTime, slot.endTime, slot.need]),
    ).toEqual([
      [MONDAY, 0, '09:00', '12:30', 1],
      ['2026-12-09', 5, '13:30', '17:00', 2],
    ]);
  });

  it('nets a published shift out of the need and lets a draft one move, kept at no cost', () => {
    const published = shift('s-pub', 'p-a', MONDAY, '09:00', '12:30');
    const draft = shift('s-draft', 'p-b', '2026-12-08', '09:00', '12:30');
    const demand = demandOf(
      plannerInput({
        people: [person('p-a', 35), person('p-b', 35)],
        requirements: [requirement(1, '09:00', '12:30'), requirement(2, '09:00', '12:30')],
        shifts: [{ ...published, isChangedSincePublication: false }, draft],
        publishedShiftIds: ['s-pub'],
      }),
    );
    expect(demand.slots.map((slot) => [slot.date, slot.need, slot.weightOver])).toEqual([
      ['2026-12-08', 1, 0],
    ]);
    expect(demand.movable.map((m) => m.shift.id)).toEqual(['s-draft']);
    expect(demand.pinnedBySite.get('site-s')?.map((s) => s.id)).toEqual(['s-pub']);
  });

  it('hands out open shifts first', () => {
    const open = shift('s-open', null, '2026-12-10', '14:00', '17:00');
    const demand = demandOf(plannerInput({ shifts: [open] }));
    expect(demand.slots.map((slot) => [slot.date, slot.openShiftIds, slot.need])).toEqual([
      ['2026-12-10', ['s-open'], 1],
    ]);
  });

  it('counts the pair of an outreach requirement from the settings', () => {
    const outreach = { ...requirement(2, '14:00', '17:00'), isPair: true };
    const two = demandOf(plannerInput({ requirements: [outreach] }));
    const three = demandOf(
      plannerInput({ requirements: [outreach], settings: { outreachMinStaff: 3 } }),
    );
    expect([two.slots[0]?.need, three.slots[0]?.need]).toEqual([2, 3]);
  });
});

describe('slotShift', () => {
  const [slot] = demandOf(plannerInput({ requirements: [requirement(1, '09:00', '16:00')] })).slots;

  it('gives a long window the break the settings ask for, in the settings’ time zone', () => {
    expect(slotShift(slot, 'p-a', DEFAULT_RULE_SETTINGS)).toEqual({
      siteId: 'site-s',
      personId: 'p-a',
      locationId: DESK,
      activity: 'accueil',
      start: `${MONDAY}T09:00:00+01:00`,
      end: `${MONDAY}T16:00:00+01:00`,
      breakMinutes: 20,
    });
    const reunion = { ...DEFAULT_RULE_SETTINGS, timeZone: 'Indian/Reunion', breakMinMinutes: 30 };
    expect(slotShift(slot, 'p-a', reunion)).toMatchObject({
      start: `${MONDAY}T09:00:00+04:00`,
      breakMinutes: 30,
    });
  });
});
