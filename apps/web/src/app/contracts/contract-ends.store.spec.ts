import { EndingContract, groupByMonth, urgencyOf } from './contract-ends.store';

function ending(id: string, personName: string, end: string): EndingContract {
  return {
    id,
    personId: `person-${id}`,
    personName,
    siteId: null,
    type: 'PEC',
    start: '2026-01-01',
    end,
    minimumEnd: null,
    weeklyHours: 20,
    reason: null,
    renewalOf: null,
    tutorId: null,
    partTimeDerogation: null,
    derogationRequestedOn: null,
    trainingHours: null,
    conventionNumber: null,
    conventionStart: null,
    conventionEnd: null,
    isNightWorker: false,
    cycleWeeks: null,
    hasReducedInitialTerm: false,
    trainingExtension: null,
    postId: null,
    replacedPersonId: null,
    renewalRefusedOn: null,
    status: 'active',
    warnings: [],
    justification: null,
    endReason: null,
    plannedEnd: null,
  };
}

describe('groupByMonth', () => {
  it('groups contract ends by month in date order, with days left and urgency', () => {
    const groups = groupByMonth(
      [
        ending('c', 'Chloé Martin', '2027-01-15'),
        ending('a', 'Awa Diallo', '2026-11-30'),
        ending('b', 'Bilal Haddad', '2026-12-24'),
        ending('d', 'Denis Roy', '2026-12-05'),
      ],
      '2026-11-27',
    );
    expect(groups.map((group) => group.label)).toEqual([
      'novembre 2026',
      'décembre 2026',
      'janvier 2027',
    ]);
    expect(groups[1].entries.map((entry) => [entry.personName, entry.end, entry.daysLeft])).toEqual(
      [
        ['Denis Roy', '05/12/2026', 8],
        ['Bilal Haddad', '24/12/2026', 27],
      ],
    );
    expect(groups[2].entries[0].urgency).toBe('soon');
  });

  it('names months in English when the interface is in English', () => {
    expect(groupByMonth([ending('a', 'A', '2026-12-01')], '2026-11-27', 'en')[0].label).toBe(
      'December 2026',
    );
  });
});

describe('urgencyOf', () => {
  it.each([
    [0, 'urgent'],
    [30, 'urgent'],
    [31, 'soon'],
    [60, 'soon'],
    [90, 'later'],
    [91, 'none'],
  ])('%i days left → %s', (days, urgency) => {
    expect(urgencyOf(days)).toBe(urgency);
  });
});
