import type { Contract } from '@relais/api-types';
import { contractTimeline } from './contract-timeline.component';

const base = {
  personId: 'p',
  weeklyHours: 35,
  reason: null,
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
  warnings: [],
  justification: null,
  endReason: null,
  plannedEnd: null,
} satisfies Partial<Contract>;

describe('contractTimeline', () => {
  it('lays contracts and renewals on a month axis with today in between', () => {
    const timeline = contractTimeline(
      [
        {
          ...base,
          id: 'renewal',
          type: 'CDD',
          start: '2026-07-01',
          end: '2026-12-31',
          minimumEnd: null,
          renewalOf: 'first',
          status: 'active',
        },
        {
          ...base,
          id: 'first',
          type: 'CDD',
          start: '2026-01-01',
          end: '2026-06-30',
          minimumEnd: null,
          renewalOf: null,
          status: 'ended',
        },
      ],
      '2026-11-27',
    );
    expect(timeline.bars.map((bar) => [bar.id, bar.isRenewal, bar.start, bar.end])).toEqual([
      ['first', false, '01/01/2026', '30/06/2026'],
      ['renewal', true, '01/07/2026', '31/12/2026'],
    ]);
    // One year exactly: the first contract takes the first half, the renewal the second.
    expect(timeline.bars[0].left).toBe(0);
    expect(timeline.bars[1].left + timeline.bars[1].width).toBeCloseTo(100);
    expect(timeline.today).toBeGreaterThan(timeline.bars[1].left);
    expect(timeline.ticks[0].label).toBe('01/2026');
  });
});
