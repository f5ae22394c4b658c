import {
  joursOuvrables,
  leaveBalanceWarning,
  paidLeaveBalance,
  paidLeavePeriodOf,
} from './paid-leave';

describe('paid leave (C. trav., art. L3141-3, L3141-7, R3141-4)', () => {
  it.each([
    ['2026-12-04', '2026-06-01', '2027-05-31'],
    ['2026-06-01', '2026-06-01', '2027-05-31'],
    ['2026-05-31', '2025-06-01', '2026-05-31'],
  ])('the reference period holding %s runs from %s to %s', (date, start, end) => {
    expect(paidLeavePeriodOf(date)).toEqual({ start, end });
  });

  it.each([
    // Monday 7 to Sunday 13 December 2026: six jours ouvrables (Saturday counts, Sunday not).
    ['a week', '2026-12-07', '2026-12-13', 6],
    // Friday 25 December is a public holiday: not a day of leave.
    ['Christmas week', '2026-12-21', '2026-12-26', 5],
    ['one Sunday', '2026-12-13', '2026-12-13', 0],
  ])('%s counts %i jours ouvrables', (_label, start, end, days) => {
    expect(joursOuvrables(start, end)).toBe(days);
  });

  it.each([
    ['a CDI all along, six months ended', [{ start: '2020-01-01', end: null }], '2026-12-04', 15],
    [
      'the current month is not acquired yet',
      [{ start: '2020-01-01', end: null }],
      '2026-06-30',
      2.5 + 0.5,
    ],
    [
      'hired on 16 September (pro rata, rounded up)',
      [{ start: '2026-09-16', end: null }],
      '2026-12-04',
      1.25 + 2.5 + 2.5,
    ],
    ['a CDD ended on 31 August', [{ start: '2026-03-01', end: '2026-08-31' }], '2026-12-04', 7.5],
    [
      'two contracts meeting within a month',
      [
        { start: '2026-06-01', end: '2026-06-15' },
        { start: '2026-06-16', end: null },
      ],
      '2026-07-01',
      3,
    ],
    ['capped at 30 days', [{ start: '2020-01-01', end: null }], '2027-05-31', 30],
  ])('%s: %s acquired', (_label, contracts, asOf, acquired) => {
    const balance = paidLeaveBalance({ contracts, taken: [], pending: [], asOf });
    expect(balance.acquiredDays).toBe(Math.ceil(acquired));
  });

  it('deducts approved leave within the period and reports pending leave apart', () => {
    const balance = paidLeaveBalance({
      contracts: [{ start: '2020-01-01', end: null }],
      taken: [
        { start: '2026-05-25', end: '2026-06-06' }, // only 1–6 June is in this period: 6 days
        { start: '2026-12-21', end: '2026-12-26' }, // 5 days (Christmas)
      ],
      pending: [{ start: '2027-02-01', end: '2027-02-06' }],
      asOf: '2026-12-04',
    });
    expect(balance).toEqual({
      periodStart: '2026-06-01',
      periodEnd: '2027-05-31',
      acquiredDays: 15,
      takenDays: 11,
      pendingDays: 6,
      remainingDays: 4,
    });
  });

  it.each([
    [3, 5, 'solde insuffisant : 3 jours restants pour 5 demandés'],
    [1, 2, 'solde insuffisant : 1 jour restant pour 2 demandés'],
    [-2, 1, 'solde insuffisant : 0 jour restant pour 1 demandé'],
    [5, 5, null],
  ])('%i days left for %i asked: %s', (left, asked, warning) => {
    expect(leaveBalanceWarning(left, asked)).toBe(warning);
  });
});
