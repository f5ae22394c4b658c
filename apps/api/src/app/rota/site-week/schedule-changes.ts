import type { Shift } from '@relais/api-types';
import {
  civilDate,
  effectiveMinutes,
  ScheduleChange,
  ScheduleChangeKind,
  toEpochMs,
} from '@relais/rules';
import { differsInSchedule } from '../rota.mapper';

/** One change of a person's published schedule, before it is published (or agreed to). */
export interface PendingChange {
  personId: string;
  shiftId: string;
  kind: ScheduleChangeKind;
  /** What the person is asked to agree to: the shift as the person now has it, or `removed`. */
  schedule: string;
  firstAffectedDay: string;
  addedMinutes: number;
}

/** The shift as an agreement names it: times, break, place and activity. */
export function scheduleOf(shift: Shift): string {
  return [
    toEpochMs(shift.start),
    toEpochMs(shift.end),
    shift.breakMinutes,
    shift.locationId,
    shift.activity,
  ].join('|');
}

/**
 * Changes to a published week, per person, as the notice rules (L3123-31, L3123-10) read them: a
 * shift added to a person's week, moved (day, times, break, place or activity), or removed from
 * it (deleted, made open or given to someone else: the person loses those hours too).
 */
export function pendingChanges(
  published: readonly Shift[],
  current: readonly Shift[],
  timeZone: string,
): PendingChange[] {
  const before = new Map(published.map((shift) => [shift.id, shift]));
  const out: PendingChange[] = [];
  const removed = (old: Shift): void => {
    if (!old.personId) return;
    out.push({
      personId: old.personId,
      shiftId: old.id,
      kind: 'removed',
      schedule: 'removed',
      firstAffectedDay: civilDate(old.start, timeZone),
      addedMinutes: -effectiveMinutes(old),
    });
  };
  for (const shift of current) {
    const old = before.get(shift.id);
    if (!differsInSchedule(shift, old)) continue;
    const isSamePerson = old !== undefined && old.personId === shift.personId;
    if (old && !isSamePerson) removed(old);
    if (!shift.personId) continue;
    const days = [
      civilDate(shift.start, timeZone),
      ...(isSamePerson ? [civilDate(old.start, timeZone)] : []),
    ].sort();
    out.push({
      personId: shift.personId,
      shiftId: shift.id,
      kind: isSamePerson ? 'moved' : 'added',
      schedule: scheduleOf(shift),
      firstAffectedDay: days[0],
      addedMinutes: effectiveMinutes(shift) - (isSamePerson ? effectiveMinutes(old) : 0),
    });
  }
  const kept = new Set(current.map((shift) => shift.id));
  for (const old of published) if (!kept.has(old.id)) removed(old);
  return out;
}

/** A recorded written agreement of a person to one change (see NoticeAgreementEntity). */
export interface AgreementKey {
  personId: string;
  shiftId: string;
  schedule: string;
}

export function agreementKey(key: AgreementKey): string {
  return `${key.personId}|${key.shiftId}|${key.schedule}`;
}

/**
 * The pending changes as the rules read them, by person, published now; a change the person
 * agreed to in writing carries it (no notice then, Cass. soc. 9 nov. 2016). A removed shift is
 * gone from the grid, so its change names no shift (the violation stays on the person).
 */
export function changesForRules(
  pending: readonly PendingChange[],
  agreements: readonly AgreementKey[],
  now = Date.now(),
): Record<string, ScheduleChange[]> {
  const agreed = new Set(agreements.map(agreementKey));
  const byPerson: Record<string, ScheduleChange[]> = {};
  for (const change of pending) {
    (byPerson[change.personId] ??= []).push({
      publishedAt: now,
      firstAffectedDay: change.firstAffectedDay,
      shiftIds: change.kind === 'removed' ? [] : [change.shiftId],
      addedMinutes: change.addedMinutes,
      kind: change.kind,
      hasWrittenAgreement: agreed.has(agreementKey(change)),
    });
  }
  return byPerson;
}
