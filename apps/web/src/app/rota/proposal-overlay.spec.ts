import type { AutoFillProposal, ProposedShift, Shift } from '@relais/api-types';
import { pairMoves, proposalOverlay } from './proposal-overlay';

function shift(id: string, personId: string | null, start: string, end: string): Shift {
  return {
    id,
    siteId: 'site-sud',
    personId,
    locationId: 'loc-desk',
    activity: 'accueil',
    start,
    end,
    breakMinutes: 0,
    note: null,
    version: 1,
    isChangedSincePublication: false,
  };
}

function proposed(key: string, extra: Partial<ProposedShift> = {}): ProposedShift {
  return {
    key,
    siteId: 'site-sud',
    personId: 'p-awa',
    locationId: 'loc-desk',
    activity: 'accueil',
    start: '2026-11-30T09:00:00+01:00',
    end: '2026-11-30T12:00:00+01:00',
    breakMinutes: 0,
    openShiftId: null,
    personName: 'Awa Diallo',
    reasons: [{ code: 'available' }],
    ...extra,
  };
}

function proposal(add: ProposedShift[], release: string[] = []): AutoFillProposal {
  return {
    add,
    release: release.map((shiftId) => ({
      shiftId,
      siteId: 'site-sud',
      personId: 'p-awa',
      start: '2026-11-30T13:00:00+01:00',
      end: '2026-11-30T18:00:00+01:00',
      rule: 'DURING_ABSENCE',
      reason: 'Awa est absente ce jour-là.',
    })),
    unfilled: [],
    changedPublished: 0,
    violations: [],
    explanation: [],
    objective: 0,
    optimal: true,
    seconds: 1,
    secondsToBest: 1,
    modelSeconds: 0,
    hours: [],
  };
}

// Week 49 of 2026, Paris winter time: Monday 30 November.
const AWA_AFTERNOON = shift(
  's-awa',
  'p-awa',
  '2026-11-30T13:00:00+01:00',
  '2026-11-30T18:00:00+01:00',
);
const OPEN_MORNING = shift(
  's-open',
  null,
  '2026-11-30T09:00:00+01:00',
  '2026-11-30T12:00:00+01:00',
);
const BY_PERSON = new Map([
  ['p-awa|2026-11-30', [AWA_AFTERNOON]],
  ['open|2026-11-30', [OPEN_MORNING]],
]);
const BY_LOCATION = new Map([['loc-desk|2026-11-30', [OPEN_MORNING, AWA_AFTERNOON]]]);

type Row = [
  string,
  {
    view: 'person' | 'location';
    proposal: AutoFillProposal | null;
    /** Shift ids per cell, in the order they are drawn. */
    cells: Record<string, string[]>;
    added: string[];
    removed: string[];
  },
];

describe('proposalOverlay', () => {
  it.each<Row>([
    [
      'no proposal: the week as it is, nothing marked',
      {
        view: 'person',
        proposal: null,
        cells: { 'p-awa|2026-11-30': ['s-awa'], 'open|2026-11-30': ['s-open'] },
        added: [],
        removed: [],
      },
    ],
    [
      'a new shift appears in its person’s cell, before a later one, marked "+ proposé"',
      {
        view: 'person',
        proposal: proposal([proposed('k1')]),
        cells: { 'p-awa|2026-11-30': ['proposal:k1', 's-awa'], 'open|2026-11-30': ['s-open'] },
        added: ['proposal:k1'],
        removed: [],
      },
    ],
    [
      'an assigned open shift moves from the open row to its person',
      {
        view: 'person',
        proposal: proposal([proposed('k1', { personId: 'p-ben', openShiftId: 's-open' })]),
        cells: { 'p-awa|2026-11-30': ['s-awa'], 'p-ben|2026-11-30': ['proposal:k1'] },
        added: ['proposal:k1'],
        removed: [],
      },
    ],
    [
      'a released shift stays in its cell, marked "retiré"',
      {
        view: 'person',
        proposal: proposal([], ['s-awa']),
        cells: { 'p-awa|2026-11-30': ['s-awa'], 'open|2026-11-30': ['s-open'] },
        added: [],
        removed: ['s-awa'],
      },
    ],
    [
      'a shift proposed on another site solved together is not drawn here',
      {
        view: 'person',
        proposal: proposal([proposed('k1', { siteId: 'site-nord', locationId: 'loc-nord' })]),
        cells: { 'p-awa|2026-11-30': ['s-awa'], 'open|2026-11-30': ['s-open'] },
        added: ['proposal:k1'],
        removed: [],
      },
    ],
    [
      'by location: the proposed shift joins its location, the assigned open shift is replaced',
      {
        view: 'location',
        proposal: proposal([
          proposed('k1', { personId: 'p-ben', openShiftId: 's-open' }),
          proposed('k2', {
            locationId: 'loc-out',
            start: '2026-11-30T14:00:00+01:00',
            end: '2026-11-30T16:00:00+01:00',
          }),
        ]),
        cells: {
          'loc-desk|2026-11-30': ['proposal:k1', 's-awa'],
          'loc-out|2026-11-30': ['proposal:k2'],
        },
        added: ['proposal:k1', 'proposal:k2'],
        removed: [],
      },
    ],
    [
      'a shift proposed after midnight Paris time goes to the next day’s cell',
      {
        view: 'person',
        proposal: proposal([
          proposed('k1', { start: '2026-11-30T23:30:00Z', end: '2026-12-01T03:00:00Z' }),
        ]),
        cells: {
          'p-awa|2026-11-30': ['s-awa'],
          'open|2026-11-30': ['s-open'],
          'p-awa|2026-12-01': ['proposal:k1'],
        },
        added: ['proposal:k1'],
        removed: [],
      },
    ],
  ])('%s', (_, row) => {
    const overlay = proposalOverlay({
      cells: row.view === 'person' ? BY_PERSON : BY_LOCATION,
      proposal: row.proposal,
      view: row.view,
      siteId: 'site-sud',
    });
    const cells = Object.fromEntries(
      [...overlay.cells].map(([key, shifts]) => [key, shifts.map((s) => s.id)]),
    );
    expect(cells).toEqual(row.cells);
    expect([...overlay.marks.added]).toEqual(row.added);
    expect([...overlay.marks.removed]).toEqual(row.removed);
  });

  it('draws a proposed shift dashed, as a change since publication', () => {
    const overlay = proposalOverlay({
      cells: BY_PERSON,
      proposal: proposal([proposed('k1')]),
      view: 'person',
      siteId: 'site-sud',
    });
    expect(overlay.cells.get('p-awa|2026-11-30')?.[0]).toMatchObject({
      id: 'proposal:k1',
      personId: 'p-awa',
      start: '2026-11-30T09:00:00+01:00',
      isChangedSincePublication: true,
    });
  });

  it('leaves the cells untouched without a proposal', () => {
    expect(
      proposalOverlay({ cells: BY_PERSON, proposal: null, view: 'person', siteId: 'site-sud' })
        .cells,
    ).toBe(BY_PERSON);
  });
});

describe('pairMoves', () => {
  it('pairs a released shift with the nearest shift proposed to the same person', () => {
    // Awa's Monday afternoon is released; she is proposed Monday morning and Friday.
    const monday = proposed('k-mon');
    const friday = proposed('k-fri', {
      start: '2026-12-04T09:00:00+01:00',
      end: '2026-12-04T12:00:00+01:00',
    });
    const other = proposed('k-ben', { personId: 'p-ben' });
    const { moves, adds, releases } = pairMoves(proposal([friday, monday, other], ['s-awa']));
    expect(moves.map((move) => [move.release.shiftId, move.add.key])).toEqual([['s-awa', 'k-mon']]);
    expect(adds.map((add) => add.key)).toEqual(['k-fri', 'k-ben']);
    expect(releases).toEqual([]);
  });

  it('keeps a release nobody is proposed instead as a removal', () => {
    const { moves, releases } = pairMoves(
      proposal([proposed('k-ben', { personId: 'p-ben' })], ['s-awa']),
    );
    expect(moves).toEqual([]);
    expect(releases.map((release) => release.shiftId)).toEqual(['s-awa']);
  });
});
