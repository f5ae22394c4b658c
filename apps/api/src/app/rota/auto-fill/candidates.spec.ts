import { resolveRuleSettings } from '@relais/rules';
import type { ShiftType } from '@relais/solver';
import { person, plannerInput, requirement, shift } from '../../../testing/planner-fixtures';
import { vetCandidates } from './candidates';
import { collectDemand } from './demand';
import { breakFor, minutesOf, skillCheck } from './planner-model';

function vet(input: ReturnType<typeof plannerInput>) {
  const site = input.sites[0];
  const holds = skillCheck(site.input.people);
  const demand = collectDemand(input, new Map([['site-s', [...site.input.shifts]]]), holds);
  const settings = resolveRuleSettings(input.settings);
  const types: ShiftType[] = [...new Map(demand.slots.map((s) => [s.typeId, s])).values()].map(
    (slot) => {
      const length = minutesOf(slot.endTime) - minutesOf(slot.startTime);
      return {
        id: slot.typeId,
        startMinute: minutesOf(slot.startTime),
        lengthMinutes: length - breakFor(length, settings),
      };
    },
  );
  return { demand, candidates: vetCandidates(input, site.input.people, demand, types, holds) };
}

// A Monday of 10 h 30: 07:00–12:00 and 12:30–18:00.
const LONG_DAY = [requirement(1, '07:00', '12:00'), requirement(1, '12:30', '18:00')];

describe('vetCandidates', () => {
  it('caps a day at the settings’ daily maximum: 10 h by law, 12 h by agreement', () => {
    const law = vet(plannerInput({ people: [person('p-a', 35)], requirements: LONG_DAY }));
    expect(law.candidates.linear.map((constraint) => constraint.max)).toEqual([600]);
    const agreement = vet(
      plannerInput({
        people: [person('p-a', 35)],
        requirements: LONG_DAY,
        settings: { dailyMaxMinutes: 720 },
      }),
    );
    expect(agreement.candidates.linear).toEqual([]);
  });

  it('offers a part-timer no more than the contract’s hours, and says why', () => {
    const { demand, candidates } = vet(
      plannerInput({ people: [person('p-part', 4)], requirements: LONG_DAY }),
    );
    expect(candidates.remainingMinutes.get('p-part')).toBe(240);
    for (const slot of demand.slots) {
      expect(candidates.refusals.get(slot.key)?.rules).toEqual(new Set(['CONTRACT_HOURS']));
    }
    expect(candidates.employees[0]?.unavailable?.length).toBe(14 * demand.slots.length);
  });

  it('refuses a window during an absence with the rule that forbids it', () => {
    const { demand, candidates } = vet(
      plannerInput({
        people: [
          person('p-away', 35, {
            absences: [{ start: '2026-12-07', end: '2026-12-07', kind: 'leave' }],
          }),
        ],
        requirements: [requirement(1, '09:00', '12:00')],
      }),
    );
    const [slot] = demand.slots;
    expect(candidates.refusals.get(slot.key)).toEqual({
      skilled: 1,
      offered: 0,
      rules: new Set(['DURING_ABSENCE']),
    });
  });
  it('keeps, when re-planning, a published shift a part-timer would lose without the notice owed', () => {
    // Tuesday 8 December 2026, published: taking it away now gives less than 7 working days.
    const planned = (personId: string) => ({
      ...shift('s-tue', personId, '2026-12-08', '09:00', '12:00'),
      isChangedSincePublication: false,
    });
    const kept = (hours: number, mode: 'replan' | 'fill') => {
      const { demand, candidates } = vet(
        plannerInput({
          people: [person('p', hours)],
          requirements: [requirement(2, '09:00', '12:00')],
          shifts: [planned('p')],
          mode,
          publishedShiftIds: ['s-tue'],
        }),
      );
      const own = demand.movable.find((m) => m.shift.id === 's-tue');
      const slot = own ? demand.byKey.get(own.slotKey) : undefined;
      return {
        cell: slot && { employee: 'p', day: slot.period, shift: slot.typeId, coefficient: 1 },
        hard: candidates.linear.filter((constraint) => constraint.min === 1),
      };
    };
    const partTimer = kept(20, 'replan');
    expect(partTimer.cell).toBeDefined();
    expect(partTimer.hard).toEqual([{ terms: [partTimer.cell], min: 1 }]);
    // A full-timer is owed no such notice; a fill never moves a published shift anyway.
    expect(kept(35, 'replan').hard).toEqual([]);
    expect(kept(20, 'fill').hard).toEqual([]);
  });
});
