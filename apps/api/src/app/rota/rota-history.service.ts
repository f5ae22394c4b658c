import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isActivityCode,
  type RotaChange,
  type RotaChangeKind,
  type RotaChangeShift,
} from '@relais/api-types';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { LocationEntity } from '../organisation/location.entity';
import { PersonEntity } from '../people/person.entity';
import { ShiftEntity } from './shift.entity';

interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entity: string;
  entity_id: string | null;
  account_id: string | null;
  details: Record<string, unknown>;
  first_name: string | null;
  last_name: string | null;
}

/** A shift as an audit event keeps it (`before` / `after`); old events may lack any field. */
interface Snapshot {
  personId?: string | null;
  locationId?: string;
  activity?: string;
  start?: string;
  end?: string;
}

const CLAIM_KINDS: Record<string, RotaChangeKind> = {
  'claim.create': 'claim_requested',
  'claim.withdraw': 'claim_withdrawn',
  'claim.refuse': 'claim_refused',
  'claim.approve': 'claim_approved',
  'claim.close': 'claim_closed',
  'swap.offer': 'swap_offered',
  'swap.accept': 'swap_accepted',
  'swap.cancel': 'swap_cancelled',
  'swap.refuse': 'swap_refused',
  'swap.approve': 'swap_approved',
};

function snapshotOf(value: unknown): Snapshot | null {
  return value && typeof value === 'object' ? (value as Snapshot) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  return a === b || (!!a && !!b && new Date(a).getTime() === new Date(b).getTime());
}

/** What a shift change amounts to, from its before and after. */
function updateKind(before: Snapshot | null, after: Snapshot | null): RotaChangeKind {
  if (before && after && 'personId' in before && 'personId' in after) {
    if ((before.personId ?? null) !== (after.personId ?? null)) {
      if (!before.personId) return 'assigned';
      if (!after.personId) return 'unassigned';
      return 'reassigned';
    }
  }
  if (before?.start && after?.start)
    if (!sameInstant(before.start, after.start) || !sameInstant(before.end, after.end))
      return 'moved';
  return 'changed';
}

/** The step a shift event belongs to when it was made with many others, shown as one line. */
function stepOf(row: AuditRow): RotaChangeKind | null {
  const details = row.details;
  if (details['autoFill']) return 'auto_filled';
  if (row.action === 'shift.create' && details['copiedFrom']) return 'copied';
  if (row.action === 'shift.create' && details['template']) return 'templates';
  if (row.action === 'shift.delete' && details['bulk']) return 'bulk_deleted';
  if (row.action === 'shift.update' && details['bulk']) return 'bulk_moved';
  return null;
}

const EMPTY: Omit<RotaChange, 'at' | 'actorName' | 'kind'> = {
  shiftId: null,
  before: null,
  after: null,
  count: null,
  version: null,
  justification: null,
  fromWeek: null,
  personName: null,
  otherPersonName: null,
  label: null,
  via: null,
};

/** A site-week's history, from the audit trail, put in terms a manager reads: names, never ids. */
@Injectable()
export class RotaHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async history(user: AuthUser, siteId: string, week: string): Promise<RotaChange[]> {
    this.access.requireSite(user, siteId, 'read');
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT e.id, e.at, e.action, e.entity, e.entity_id, e.account_id, e.details, p.first_name, p.last_name
         FROM audit_event e LEFT JOIN account a ON a.id = e.account_id LEFT JOIN person p ON p.id = a.person_id
         WHERE e.organisation_id = $1 AND e.details->>'siteId' = $2 AND e.details->>'week' = $3
         ORDER BY e.at DESC, e.id DESC LIMIT 500`,
      [user.organisationId, siteId, week],
    );

    // Old events kept only part of the shift: what is missing is read from the shift as it is.
    const shiftIds = new Set<string>();
    for (const row of rows) {
      const id = row.entity === 'shift' ? row.entity_id : text(row.details['shiftId']);
      if (id) shiftIds.add(id);
    }
    const shifts = new Map(
      (shiftIds.size
        ? await this.dataSource.getRepository(ShiftEntity).findBy({
            id: In([...shiftIds]),
            organisationId: user.organisationId,
          })
        : []
      ).map((shift) => [shift.id, shift]),
    );
    const personIds = new Set<string>();
    const locationIds = new Set<string>();
    const note = (snapshot: Snapshot | null) => {
      if (snapshot?.personId) personIds.add(snapshot.personId);
      if (snapshot?.locationId) locationIds.add(snapshot.locationId);
    };
    for (const row of rows) {
      note(snapshotOf(row.details['before']));
      note(snapshotOf(row.details['after']));
      note(snapshotOf(row.details['shift']));
      for (const key of ['personId', 'fromPersonId', 'toPersonId'])
        if (text(row.details[key])) personIds.add(row.details[key] as string);
    }
    for (const shift of shifts.values()) {
      if (shift.personId) personIds.add(shift.personId);
      locationIds.add(shift.locationId);
    }
    const names = new Map(
      (personIds.size
        ? await this.dataSource.getRepository(PersonEntity).findBy({
            id: In([...personIds]),
            organisationId: user.organisationId,
          })
        : []
      ).map((person) => [person.id, `${person.firstName} ${person.lastName}`]),
    );
    const places = new Map(
      (locationIds.size
        ? await this.dataSource.getRepository(LocationEntity).findBy({
            id: In([...locationIds]),
            organisationId: user.organisationId,
          })
        : []
      ).map((location) => [location.id, location.name]),
    );
    const nameOf = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? null) : null);

    /** A snapshot in words, completed from the shift as it stands when the event lacks a field. */
    const shiftView = (value: unknown, shiftId: string | null): RotaChangeShift | null => {
      const snapshot = snapshotOf(value);
      const live = shiftId ? shifts.get(shiftId) : undefined;
      if (!snapshot && !live) return null;
      const personId =
        snapshot && 'personId' in snapshot ? (snapshot.personId ?? null) : (live?.personId ?? null);
      const activity = snapshot?.activity ?? live?.activity ?? null;
      const locationId = snapshot?.locationId ?? live?.locationId ?? null;
      return {
        personName: nameOf(personId),
        isOpen: personId === null,
        activity: isActivityCode(activity) ? activity : null,
        locationName: locationId ? (places.get(locationId) ?? null) : null,
        start: snapshot?.start ?? live?.startAt.toISOString() ?? null,
        end: snapshot?.end ?? live?.endAt.toISOString() ?? null,
      };
    };

    const out: RotaChange[] = [];
    const steps = new Map<string, RotaChange>();
    for (const row of rows) {
      const details = row.details;
      const base = {
        at: row.at.toISOString(),
        actorName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
      };
      const shiftId = row.entity === 'shift' ? row.entity_id : text(details['shiftId']);
      // A swap or a claim approved writes its shift change with it: its own line tells it.
      if (row.entity === 'shift' && (details['swapId'] || details['claimId'])) continue;

      const step = stepOf(row);
      if (step) {
        // Every event of one transaction shares its instant: one line per step.
        const key = `${step}|${row.at.getTime()}|${row.account_id ?? ''}`;
        const line = steps.get(key);
        if (line) {
          line.count = (line.count ?? 0) + 1;
          line.fromWeek ??= text(details['fromWeek']);
          continue;
        }
        const created: RotaChange = {
          ...base,
          ...EMPTY,
          kind: step,
          count: 1,
          fromWeek: text(details['fromWeek']),
        };
        steps.set(key, created);
        out.push(created);
        continue;
      }

      const via = details['fix'] ? 'fix' : null;
      switch (row.action) {
        case 'shift.create':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'created',
            shiftId,
            after: shiftView(details['after'], shiftId),
            via,
          });
          break;
        case 'shift.delete':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'deleted',
            shiftId,
            // A deleted shift is gone: only the event can tell what it was.
            before: shiftView(details['before'], null),
            via,
          });
          break;
        case 'shift.update': {
          const before = snapshotOf(details['before']);
          const after = snapshotOf(details['after']);
          out.push({
            ...base,
            ...EMPTY,
            kind: updateKind(before, after),
            shiftId,
            before: shiftView(before, shiftId),
            after: shiftView(after, shiftId),
            via,
          });
          break;
        }
        case 'shift.move_out':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'moved_out',
            shiftId,
            before: shiftView(details['before'], null),
            after: shiftView(details['after'], shiftId),
          });
          break;
        case 'rota.publish':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'published',
            version: typeof details['version'] === 'number' ? details['version'] : null,
            justification: text(details['justification']),
            via: details['swapId'] ? 'swap' : details['claimId'] ? 'claim' : null,
          });
          break;
        case 'rota.notice_agreement':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'notice_agreed',
            personName: nameOf(details['personId']),
            count: Array.isArray(details['changes']) ? details['changes'].length : null,
            justification: text(details['reference']),
          });
          break;
        case 'rota.batch_undo':
          out.push({
            ...base,
            ...EMPTY,
            kind: 'undone',
            count: typeof details['shifts'] === 'number' ? details['shifts'] : null,
            label: text(details['label']),
          });
          break;
        default: {
          const kind = CLAIM_KINDS[row.action];
          if (kind) {
            const isSwap = row.entity === 'shift_swap';
            out.push({
              ...base,
              ...EMPTY,
              kind,
              shiftId,
              after: shiftView(details['shift'], shiftId),
              personName: nameOf(isSwap ? details['fromPersonId'] : details['personId']),
              otherPersonName: isSwap ? nameOf(details['toPersonId']) : null,
              via: isSwap ? 'swap' : 'claim',
            });
          } else {
            out.push({ ...base, ...EMPTY, kind: 'other', shiftId });
          }
        }
      }
    }
    return out;
  }
}
