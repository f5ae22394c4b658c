import type {
  AssignmentReason,
  AutoFillExplanation,
  AutoFillProposal,
  ProposedShift,
  UnfilledReason,
} from '@relais/api-types';
import { pairMoves } from './proposal-overlay';
import { dayHeader, duration, shiftDate, shiftRange } from './rota.model';

/** A sentence of the side sheet: a transloco key under `rota.autoFill` and its parameters. */
export interface ViewLine {
  key: string;
  params: Record<string, string | number>;
  /** Sub-items (what stays uncovered, by reason). */
  children?: ViewLine[];
}

/** A proposed shift as the side sheet lists it, with what decided it. */
export interface AssignmentRow {
  key: string;
  personName: string;
  /** "mer. 09/12 09:00–12:30". */
  when: string;
  reasons: ViewLine[];
}

export interface MoveRow extends AssignmentRow {
  /** "mer. 09/12 09:00–12:30", the shift the person leaves. */
  from: string;
}

export interface ReleaseRow {
  shiftId: string;
  when: string;
  reason: string;
}

export interface UnfilledRow {
  when: string;
  missing: number;
  reason: UnfilledReason;
}

export interface ProposalView {
  explanation: ViewLine[];
  assignments: AssignmentRow[];
  moves: MoveRow[];
  releases: ReleaseRow[];
  unfilled: UnfilledRow[];
}

const line = (key: string, params: ViewLine['params'] = {}, children?: ViewLine[]): ViewLine =>
  children
    ? { key: `rota.autoFill.${key}`, params, children }
    : { key: `rota.autoFill.${key}`, params };

function when(shift: { start: string; end: string }, lang: 'fr' | 'en'): string {
  return `${dayHeader(shiftDate(shift), lang)} ${shiftRange(shift)}`;
}

function days(dates: readonly string[], lang: 'fr' | 'en'): string {
  return dates.map((date) => dayHeader(date, lang)).join(', ');
}

/** The words of one reason of the "Pourquoi ?" disclosure. */
export function reasonLine(reason: AssignmentReason, lang: 'fr' | 'en'): ViewLine {
  switch (reason.code) {
    case 'hours-owed':
      return line('why.hoursOwed', { hours: duration(reason.minutes) });
    case 'skill':
      return line(`why.skill.${reason.skill}`);
    case 'fairness':
      return line(`why.fairness.${reason.kind}`, {
        count: reason.count,
        others: reason.othersCount,
      });
    case 'continuity':
      return line('why.continuity', { days: days(reason.dates, lang) });
    case 'only-candidate':
      return line('why.onlyCandidate');
    case 'available':
      return line('why.available');
  }
}

/** The sentences saying why the proposal adds what it adds, or nothing. */
export function explanationLines(
  explanation: readonly AutoFillExplanation[],
  lang: 'fr' | 'en',
): ViewLine[] {
  return explanation.flatMap((item): ViewLine[] => {
    switch (item.code) {
      case 'no-open-need':
        return [
          item.underHours > 1
            ? line('explain.noOpenNeed', { n: item.underHours })
            : item.underHours === 1
              ? line('explain.noOpenNeedOne')
              : line('explain.noOpenNeedOnHours'),
        ];
      case 'closed-day': {
        const holidays = item.days.filter((day) => day.reason === 'holiday').map((d) => d.date);
        const closed = item.days.filter((day) => day.reason === 'closed').map((d) => d.date);
        return [
          ...(holidays.length > 0
            ? [line('explain.holidays', { days: days(holidays, lang), n: holidays.length })]
            : []),
          ...(closed.length > 0
            ? [line('explain.closedDays', { days: days(closed, lang), n: closed.length })]
            : []),
          line('explain.closedLeft', { openShifts: item.openShifts, needs: item.needs }),
        ];
      }
      case 'uncovered':
        return [
          line(
            'explain.uncovered',
            { n: item.missing },
            item.reasons.map((entry) =>
              line(`explain.uncoveredBecause.${entry.reason}`, { n: entry.missing }),
            ),
          ),
        ];
    }
  });
}

function row(add: ProposedShift, lang: 'fr' | 'en'): AssignmentRow {
  return {
    key: add.key,
    personName: add.personName,
    when: when(add, lang),
    reasons: (add.reasons ?? []).map((reason) => reasonLine(reason, lang)),
  };
}

/** Everything the side sheet shows of a proposal, in the language on screen. */
export function proposalView(proposal: AutoFillProposal, lang: 'fr' | 'en'): ProposalView {
  const { moves, adds, releases } = pairMoves(proposal);
  return {
    explanation: explanationLines(proposal.explanation ?? [], lang),
    assignments: adds.map((add) => row(add, lang)),
    moves: moves.map((move) => ({ ...row(move.add, lang), from: when(move.release, lang) })),
    releases: releases.map((release) => ({
      shiftId: release.shiftId,
      when: when(release, lang),
      reason: release.reason,
    })),
    unfilled: proposal.unfilled.map((gap) => ({
      when: `${dayHeader(gap.date, lang)} ${gap.startTime}–${gap.endTime}`,
      missing: gap.missing,
      reason: gap.reason,
    })),
  };
}
