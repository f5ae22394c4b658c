import {
  MONDAY,
  person,
  plannerInput,
  requirement,
  shift,
} from '../../../testing/planner-fixtures';
import { buildModel } from './planner';

// A 20 h part-timer planned 25 h (5 × 5 h) in a draft week: 5 h of complementary hours.
const DAYS = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const OVER = DAYS.map((date, i) => shift(`s-${i}`, 'p-part', date, '09:00', '14:00'));

describe('buildModel', () => {
  it.each([
    ['the law’s 1/10', 0.1, ['COMPLEMENTARY_HOURS']],
    ['an agreement’s 1/3', 1 / 3, []],
  ])(
    'releases a part-timer’s complementary hours beyond %s of the contract',
    (_, complementaryHoursRatio, rules) => {
      const model = buildModel(
        plannerInput({
          people: [person('p-part', 20)],
          shifts: OVER,
          settings: { complementaryHoursRatio },
        }),
      );
      expect([...new Set(model.released.map((released) => released.rule))]).toEqual(rules);
    },
  );

  it('forbids an evening then the next morning inside the settings’ daily rest', () => {
    // 17:00–21:00 then 07:00–11:00: 10 h apart.
    const requirements = [requirement(1, '17:00', '21:00'), requirement(2, '07:00', '11:00')];
    const people = [person('p-a', 35)];
    const law = buildModel(plannerInput({ people, requirements }));
    expect(law.problem.forbiddenSuccessions).toHaveLength(1);
    const shorter = buildModel(
      plannerInput({ people, requirements, settings: { dailyRestMinutes: 9 * 60 } }),
    );
    expect(shorter.problem.forbiddenSuccessions).toEqual([]);
  });

  it('takes the break of a long window off its working minutes', () => {
    const model = buildModel(
      plannerInput({
        people: [person('p-a', 35)],
        requirements: [requirement(1, '09:00', '16:00')],
      }),
    );
    expect(model.problem.shiftTypes.map((type) => type.lengthMinutes)).toEqual([7 * 60 - 20]);
    expect(model.slots[0]?.date).toBe(MONDAY);
  });
});
