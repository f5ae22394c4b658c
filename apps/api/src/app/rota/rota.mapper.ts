import type { Shift } from '@relais/api-types';
import { toZonedIso } from '../../common/instant';
import { ShiftEntity } from './shift.entity';

export function toShift(entity: ShiftEntity, isChanged: boolean, timeZone?: string): Shift {
  return {
    id: entity.id,
    siteId: entity.siteId,
    personId: entity.personId,
    locationId: entity.locationId,
    activity: entity.activity,
    start: toZonedIso(entity.startAt, timeZone),
    end: toZonedIso(entity.endAt, timeZone),
    breakMinutes: entity.breakMinutes,
    note: entity.note,
    version: entity.version,
    isChangedSincePublication: isChanged,
    trainingSessionId: entity.trainingSessionId,
  };
}

const SCHEDULE = ['personId', 'locationId', 'activity', 'breakMinutes'] as const;

/**
 * Whether a shift's schedule (who, where, what, when) differs from its published copy: what the
 * notice rules (L3123-31, L3123-10) count as a change of hours.
 */
export function differsInSchedule(current: Shift, published: Shift | undefined): boolean {
  if (!published) return true;
  if (new Date(current.start).getTime() !== new Date(published.start).getTime()) return true;
  if (new Date(current.end).getTime() !== new Date(published.end).getTime()) return true;
  return SCHEDULE.some((key) => current[key] !== published[key]);
}

/**
 * Whether a shift differs from its published copy in anything the person would notice, its note
 * included: such a shift is flagged, and publishing it notifies the person.
 */
export function differs(current: Shift, published: Shift | undefined): boolean {
  if (differsInSchedule(current, published)) return true;
  return (current.note ?? null) !== (published?.note ?? null);
}

/**
 * The audit trail's shape of a shift, kept as `before` / `after` of every shift event: what the
 * history needs to tell who, what, where and when.
 */
export function auditSnapshot(
  shift: Pick<
    ShiftEntity,
    'personId' | 'locationId' | 'activity' | 'startAt' | 'endAt' | 'breakMinutes'
  >,
): Record<string, unknown> {
  return {
    personId: shift.personId,
    locationId: shift.locationId,
    activity: shift.activity,
    start: shift.startAt.toISOString(),
    end: shift.endAt.toISOString(),
    breakMinutes: shift.breakMinutes,
  };
}
