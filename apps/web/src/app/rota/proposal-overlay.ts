import type { AutoFillProposal, ProposedShift, ReleasedShift, Shift } from '@relais/api-types';
import { shiftDate } from './rota.model';

export interface ProposalOverlayInput {
  /** The week's cells, keyed `row|date` (person or `open` by person, location by location). */
  cells: Map<string, Shift[]>;
  proposal: AutoFillProposal | null;
  view: 'person' | 'location';
  /** The site on screen: proposed shifts of the other sites solved together are not drawn. */
  siteId: string | null;
}

export interface ProposalOverlay {
  cells: Map<string, Shift[]>;
  marks: {
    /** Ids of the proposed shifts, drawn dashed ("+ proposé"). */
    added: ReadonlySet<string>;
    /** Ids of the existing shifts the proposal takes away, struck through ("retiré"). */
    removed: ReadonlySet<string>;
  };
}

/**
 * How an auto-fill proposal is drawn on the grid: its new shifts in their cells, the open shifts
 * it assigns moved to their person, and the shifts it releases left in place to be struck through.
 * Without a proposal the cells are returned as they are.
 */
export function proposalOverlay({
  cells,
  proposal,
  view,
  siteId,
}: ProposalOverlayInput): ProposalOverlay {
  const marks = {
    added: new Set((proposal?.add ?? []).map((add) => `proposal:${add.key}`)),
    removed: new Set((proposal?.release ?? []).map((release) => release.shiftId)),
  };
  if (!proposal) return { cells, marks };
  const assigned = new Set(proposal.add.flatMap((add) => add.openShiftId ?? []));
  const merged = new Map<string, Shift[]>();
  const put = (shift: Shift) => {
    const key = `${view === 'person' ? (shift.personId ?? 'open') : shift.locationId}|${shiftDate(shift)}`;
    merged.set(key, [...(merged.get(key) ?? []), shift]);
  };
  for (const list of cells.values())
    for (const shift of list) if (!assigned.has(shift.id)) put(shift);
  for (const add of proposal.add) {
    if (add.siteId !== siteId) continue;
    put({
      id: `proposal:${add.key}`,
      siteId: add.siteId,
      personId: add.personId,
      locationId: add.locationId,
      activity: add.activity,
      start: add.start,
      end: add.end,
      breakMinutes: add.breakMinutes,
      note: null,
      version: 0,
      isChangedSincePublication: true,
    });
  }
  for (const list of merged.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return { cells: merged, marks };
}

/** A shift the proposal takes from a person and the one it gives them instead: one move. */
export interface ProposalMove {
  release: ReleasedShift;
  add: ProposedShift;
}

/**
 * The proposal as a manager reads it: a person's released shift and a shift proposed to the same
 * person are one move (the nearest in time pairs first), not a removal plus an addition.
 */
export function pairMoves(proposal: Pick<AutoFillProposal, 'add' | 'release'>): {
  moves: ProposalMove[];
  adds: ProposedShift[];
  releases: ReleasedShift[];
} {
  const adds = [...proposal.add];
  const moves: ProposalMove[] = [];
  const releases: ReleasedShift[] = [];
  for (const release of proposal.release) {
    const startMs = Date.parse(release.start);
    let best = -1;
    adds.forEach((add, index) => {
      if (add.personId !== release.personId) return;
      const previous = adds[best];
      if (
        !previous ||
        Math.abs(Date.parse(add.start) - startMs) < Math.abs(Date.parse(previous.start) - startMs)
      )
        best = index;
    });
    const [add] = best >= 0 ? adds.splice(best, 1) : [];
    if (add) moves.push({ release, add });
    else releases.push(release);
  }
  return { moves, adds, releases };
}
