import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiError,
  CopyWeekResult,
  CreateShiftRequest,
  PublishResult,
  RotaChange,
  RotaPerson,
  RotaWeek,
  Shift,
  ShiftResult,
  ShiftTemplate,
  Site,
  UpdateShiftRequest,
  Violation,
  WallRotaWeek,
} from '@relais/api-types';
import {
  addIsoWeeks,
  checkRotaWeek,
  coverageCells,
  DEFAULT_ORGANISATION_SETTINGS,
  SERVER_ONLY_RULES,
} from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';
import {
  absenceOn,
  DropTarget,
  GridRow,
  hourCounter,
  HourCounter,
  locationRows,
  moveToDate,
  personRows,
  shiftDate,
  shiftMinutes,
  targetMinutes,
  weekDays,
} from './rota.model';

/** Outcome of a write, for the page to tell the manager. */
export type ActionOutcome =
  | { ok: true; kind: ActionKind }
  | {
      ok: false;
      kind: ActionKind;
      /** 409 stale version: the week was reloaded. */
      isConflict: boolean;
      message: string | null;
      violations?: Violation[];
    };

export type ActionKind = 'create' | 'move' | 'copy' | 'update' | 'delete' | 'undo';

interface UndoEntry {
  kind: 'move' | 'copy' | 'create' | 'update' | 'delete';
  /** Shift as it was before the action (for move, update, delete). */
  before: Shift | null;
  /** Id of the shift the action produced (for create, copy, move, update). */
  shiftId: string | null;
}

let tempSeq = 0;

@Injectable({ providedIn: 'root' })
export class RotaStore {
  private readonly http = inject(HttpClient);

  private readonly sitesState = signal<Site[]>([]);
  private readonly weekState = signal<RotaWeek | null>(null);
  /** A mediator's week: the last publication as printed for the wall, no checks or counters. */
  private readonly wallState = signal(false);
  private readonly shiftsState = signal<Shift[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly errorMessage = signal<string | null>(null);
  private readonly templatesState = signal<ShiftTemplate[]>([]);
  private readonly historyState = signal<RotaChange[] | null>(null);
  private readonly undoStack = signal<UndoEntry[]>([]);
  private readonly pending = signal(0);
  /** Minutes each person works elsewhere this week (other sites), from the server's count. */
  private readonly baseMinutes = signal<Map<string, number>>(new Map());
  private loadSeq = 0;

  readonly sites = this.sitesState.asReadonly();
  readonly week = this.weekState.asReadonly();
  readonly shifts = this.shiftsState.asReadonly();
  readonly templates = this.templatesState.asReadonly();
  readonly history = this.historyState.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly error = this.errorMessage.asReadonly();
  readonly isSaving = computed(() => this.pending() > 0);
  readonly canUndo = computed(() => this.undoStack().length > 0);
  readonly isWall = this.wallState.asReadonly();

  readonly site = computed(() => {
    const week = this.weekState();
    return week ? (this.sitesState().find((site) => site.id === week.siteId) ?? null) : null;
  });
  readonly days = computed(() => {
    const week = this.weekState();
    return week ? weekDays(week.week) : [];
  });
  readonly people = computed(() => this.weekState()?.people ?? []);
  private readonly peopleById = computed(
    () => new Map(this.people().map((person) => [person.id, person])),
  );
  readonly locations = computed(() => this.site()?.locations ?? []);

  readonly personRows = computed<GridRow[]>(() => {
    const week = this.weekState();
    return week ? personRows(week.people, week.siteId) : [];
  });
  readonly locationRows = computed<GridRow[]>(() => locationRows(this.locations()));

  /** Planned against owed minutes per person, live. */
  readonly counters = computed(() => {
    const week = this.weekState();
    const out = new Map<string, HourCounter>();
    if (!week || this.wallState()) return out;
    const own = new Map<string, number>();
    for (const shift of this.shiftsState()) {
      if (shift.personId)
        own.set(shift.personId, (own.get(shift.personId) ?? 0) + shiftMinutes(shift));
    }
    const days = this.days();
    for (const person of week.people) {
      const planned = (this.baseMinutes().get(person.id) ?? 0) + (own.get(person.id) ?? 0);
      out.set(
        person.id,
        hourCounter(
          planned,
          person,
          targetMinutes(person, days, week.holidays),
          week.settings.complementaryHoursRatio,
        ),
      );
    }
    return out;
  });

  /**
   * The same rules as the server, on the grid as it is now. As loaded, the grid is exactly what
   * the server checked with this engine and these data, so its list stands (the rules only it can
   * judge last, where the local check puts them) and the first render skips the check.
   */
  readonly violations = computed<Violation[]>(() => {
    const week = this.weekState();
    const site = this.site();
    if (!week) return [];
    if (!site) return week.violations;
    if (this.shiftsState() === week.shifts) {
      return [
        ...week.violations.filter((v) => !SERVER_ONLY_RULES.has(v.rule)),
        ...week.violations.filter((v) => SERVER_ONLY_RULES.has(v.rule)),
      ];
    }
    try {
      const local = checkRotaWeek({
        site,
        week: week.week,
        shifts: this.shiftsState(),
        people: week.people,
        requirements: week.requirements,
        // The organisation's thresholds, as the server checked with them.
        settings: { ...week.settings, travelTimes: week.travelTimes ?? [] },
      });
      return [...local, ...week.violations.filter((v) => SERVER_ONLY_RULES.has(v.rule))];
    } catch {
      return week.violations;
    }
  });

  readonly blocking = computed(() => this.violations().filter((v) => v.severity === 'block'));

  readonly violationsByShift = computed(() => {
    const out = new Map<string, Violation[]>();
    for (const violation of this.violations()) {
      for (const id of violation.shiftIds) out.set(id, [...(out.get(id) ?? []), violation]);
    }
    return out;
  });

  readonly coverage = computed(() => {
    const week = this.weekState();
    if (!week) return [];
    // As loaded, the server's count of the same shifts stands (see `violations`).
    if (this.shiftsState() === week.shifts) return week.coverage;
    try {
      return coverageCells({
        week: week.week,
        shifts: this.shiftsState(),
        people: week.people,
        requirements: week.requirements,
      });
    } catch {
      return week.coverage;
    }
  });

  /** Shifts by "rowKey|date" for the person view. */
  readonly cellsByPerson = computed(() => this.group((shift) => shift.personId ?? 'open'));
  /** Shifts by "locationId|date" for the location view. */
  readonly cellsByLocation = computed(() => this.group((shift) => shift.locationId));

  private group(keyOf: (shift: Shift) => string): Map<string, Shift[]> {
    const out = new Map<string, Shift[]>();
    const sorted = [...this.shiftsState()].sort((a, b) => a.start.localeCompare(b.start));
    for (const shift of sorted) {
      const key = `${keyOf(shift)}|${shiftDate(shift)}`;
      out.set(key, [...(out.get(key) ?? []), shift]);
    }
    return out;
  }

  person(id: string | null): RotaPerson | null {
    return id ? (this.peopleById().get(id) ?? null) : null;
  }

  isAbsent(personId: string | null, date: string): RotaPerson['absences'][number] | null {
    const person = this.person(personId);
    return person ? absenceOn(person, date) : null;
  }

  async loadSites(): Promise<Site[]> {
    if (this.sitesState().length === 0) {
      try {
        this.sitesState.set(await firstValueFrom(this.http.get<Site[]>('/api/sites')));
      } catch {
        this.status.set('error');
      }
    }
    return this.sitesState();
  }

  /** Loads a site-week; `quiet` keeps the grid on screen (refresh after a write or a conflict). */
  async load(siteId: string, week: string, quiet = false): Promise<void> {
    const seq = ++this.loadSeq;
    if (!quiet) {
      this.status.set('loading');
      this.undoStack.set([]);
      this.historyState.set(null);
    }
    this.errorMessage.set(null);
    try {
      const answer = await firstValueFrom(
        this.http.get<RotaWeek | WallRotaWeek>('/api/rota', { params: { siteId, week } }),
      );
      // A newer load, or a write started since, wins: never move things behind the manager's back.
      if (seq !== this.loadSeq || (quiet && this.pending() > 0)) return;
      this.wallState.set(answer.view === 'wall');
      this.setWeek(answer.view === 'wall' ? asGrid(answer) : answer);
      this.status.set('loaded');
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.errorMessage.set(messageOf(error));
      this.status.set('error');
    }
  }

  private setWeek(week: RotaWeek): void {
    const base = new Map<string, number>();
    for (const person of week.people) {
      const here = week.shifts
        .filter((shift) => shift.personId === person.id)
        .reduce((sum, shift) => sum + shiftMinutes(shift), 0);
      base.set(person.id, Math.max(0, person.plannedMinutes - here));
    }
    this.baseMinutes.set(base);
    this.weekState.set(week);
    this.shiftsState.set(week.shifts);
  }

  private reload(): Promise<void> {
    const week = this.weekState();
    return week ? this.load(week.siteId, week.week, true) : Promise.resolve();
  }

  async loadTemplates(siteId: string): Promise<void> {
    try {
      this.templatesState.set(
        await firstValueFrom(
          this.http.get<ShiftTemplate[]>('/api/rota/templates', { params: { siteId } }),
        ),
      );
    } catch {
      this.templatesState.set([]);
    }
  }

  async loadHistory(): Promise<void> {
    const week = this.weekState();
    if (!week) return;
    try {
      this.historyState.set(
        await firstValueFrom(
          this.http.get<RotaChange[]>('/api/rota/history', {
            params: { siteId: week.siteId, week: week.week },
          }),
        ),
      );
    } catch {
      this.historyState.set([]);
    }
  }

  // ---------- writes ----------

  /** Moves a shift to another person (or the open line) or location, and day, keeping its times. */
  move(shiftId: string, target: DropTarget): Promise<ActionOutcome> {
    const shift = this.find(shiftId);
    if (!shift) return Promise.resolve(this.missing('move'));
    const changes: Partial<CreateShiftRequest> = { ...moveToDate(shift, target.date) };
    if (target.personId !== undefined) changes.personId = target.personId;
    if (target.locationId !== undefined) changes.locationId = target.locationId;
    return this.patch('move', shift, changes, true);
  }

  update(shiftId: string, changes: Partial<CreateShiftRequest>): Promise<ActionOutcome> {
    const shift = this.find(shiftId);
    if (!shift) return Promise.resolve(this.missing('update'));
    return this.patch('update', shift, changes, true);
  }

  /** Copies a shift to a person and day (Alt-drag, *Dupliquer*). */
  copy(shiftId: string, target: DropTarget): Promise<ActionOutcome> {
    const shift = this.find(shiftId);
    if (!shift) return Promise.resolve(this.missing('copy'));
    return this.create(
      {
        personId: target.personId === undefined ? shift.personId : target.personId,
        locationId: target.locationId ?? shift.locationId,
        activity: shift.activity,
        breakMinutes: shift.breakMinutes,
        note: shift.note,
        ...moveToDate(shift, target.date),
      },
      'copy',
    );
  }

  async create(
    request: CreateShiftRequest,
    kind: 'create' | 'copy' = 'create',
    record = true,
  ): Promise<ActionOutcome> {
    const week = this.weekState();
    if (!week) return this.missing(kind);
    const temp: Shift = {
      id: `tmp-${++tempSeq}`,
      siteId: week.siteId,
      personId: request.personId ?? null,
      locationId: request.locationId,
      activity: request.activity,
      start: request.start,
      end: request.end,
      breakMinutes: request.breakMinutes,
      note: request.note ?? null,
      version: 0,
      isChangedSincePublication: true,
    };
    this.shiftsState.update((shifts) => [...shifts, temp]);
    this.pending.update((n) => n + 1);
    try {
      const result = await firstValueFrom(this.http.post<ShiftResult>('/api/shifts', request));
      this.replace(temp.id, result.shift);
      if (record) this.push({ kind, before: null, shiftId: result.shift.id });
      return { ok: true, kind };
    } catch (error) {
      this.shiftsState.update((shifts) => shifts.filter((shift) => shift.id !== temp.id));
      return this.failure(kind, error);
    } finally {
      this.settle();
    }
  }

  async remove(shiftId: string, record = true): Promise<ActionOutcome> {
    const shift = this.find(shiftId);
    if (!shift) return this.missing('delete');
    const index = this.shiftsState().indexOf(shift);
    this.shiftsState.update((shifts) => shifts.filter((candidate) => candidate.id !== shiftId));
    this.pending.update((n) => n + 1);
    try {
      await firstValueFrom(
        this.http.delete(`/api/shifts/${shiftId}`, { params: { version: shift.version } }),
      );
      if (record) this.push({ kind: 'delete', before: shift, shiftId: null });
      return { ok: true, kind: 'delete' };
    } catch (error) {
      this.shiftsState.update((shifts) => {
        const copy = [...shifts];
        copy.splice(Math.min(index, copy.length), 0, shift);
        return copy;
      });
      return this.failure('delete', error);
    } finally {
      this.settle();
    }
  }

  /** Reverts the last action (Ctrl+Z). */
  async undo(): Promise<ActionOutcome> {
    const entry = this.undoStack().at(-1);
    if (!entry) return this.missing('undo');
    this.undoStack.update((stack) => stack.slice(0, -1));
    let outcome: ActionOutcome;
    if ((entry.kind === 'create' || entry.kind === 'copy') && entry.shiftId) {
      outcome = await this.remove(entry.shiftId, false);
    } else if (entry.kind === 'delete' && entry.before) {
      const { personId, locationId, activity, start, end, breakMinutes, note } = entry.before;
      outcome = await this.create(
        { personId, locationId, activity, start, end, breakMinutes, note },
        'create',
        false,
      );
    } else if (entry.before && entry.shiftId) {
      const current = this.find(entry.shiftId);
      if (!current) return this.missing('undo');
      const { personId, locationId, activity, start, end, breakMinutes, note } = entry.before;
      outcome = await this.patch(
        'update',
        current,
        { personId, locationId, activity, start, end, breakMinutes, note },
        false,
      );
    } else {
      return this.missing('undo');
    }
    return outcome.ok ? { ok: true, kind: 'undo' } : { ...outcome, kind: 'undo' };
  }

  async publish(
    justification: string | null,
  ): Promise<
    | { ok: true; result: PublishResult }
    | { ok: false; message: string | null; violations: Violation[] }
  > {
    const week = this.weekState();
    if (!week) return { ok: false, message: null, violations: [] };
    try {
      const result = await firstValueFrom(
        this.http.post<PublishResult>('/api/rota/publish', {
          siteId: week.siteId,
          week: week.week,
          ...(justification ? { justification } : {}),
        }),
      );
      this.undoStack.set([]);
      await this.reload();
      return { ok: true, result };
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError>) : null;
      return { ok: false, message: messageOf(error), violations: body?.violations ?? [] };
    }
  }

  async copyPreviousWeek(withPeople = true): Promise<CopyWeekResult | string | null> {
    const week = this.weekState();
    if (!week) return null;
    return this.bulk(() =>
      this.http.post<CopyWeekResult>('/api/rota/copy', {
        siteId: week.siteId,
        fromWeek: addIsoWeeks(week.week, -1),
        toWeek: week.week,
        withPeople,
      }),
    );
  }

  async applyTemplates(): Promise<CopyWeekResult | string | null> {
    const week = this.weekState();
    if (!week) return null;
    return this.bulk(() =>
      this.http.post<CopyWeekResult>('/api/rota/apply-template', {
        siteId: week.siteId,
        week: week.week,
      }),
    );
  }

  /** Returns the result, or the server's message on failure. */
  private async bulk(
    call: () => ReturnType<HttpClient['post']>,
  ): Promise<CopyWeekResult | string | null> {
    this.pending.update((n) => n + 1);
    try {
      const result = (await firstValueFrom(call())) as CopyWeekResult;
      this.undoStack.set([]);
      return result;
    } catch (error) {
      return messageOf(error);
    } finally {
      this.settle();
    }
  }

  // ---------- helpers ----------

  private find(id: string): Shift | undefined {
    return this.shiftsState().find((shift) => shift.id === id);
  }

  private async patch(
    kind: 'move' | 'update',
    shift: Shift,
    changes: Partial<CreateShiftRequest>,
    record: boolean,
  ): Promise<ActionOutcome> {
    const optimistic: Shift = {
      ...shift,
      ...changes,
      personId: changes.personId === undefined ? shift.personId : changes.personId,
      note: changes.note === undefined ? shift.note : changes.note,
      isChangedSincePublication: true,
    };
    this.replace(shift.id, optimistic);
    this.pending.update((n) => n + 1);
    try {
      const body: UpdateShiftRequest = { ...changes, version: shift.version };
      const result = await firstValueFrom(
        this.http.patch<ShiftResult>(`/api/shifts/${shift.id}`, body),
      );
      this.replace(shift.id, result.shift);
      if (record) this.push({ kind, before: shift, shiftId: result.shift.id });
      return { ok: true, kind };
    } catch (error) {
      this.replace(shift.id, shift);
      return this.failure(kind, error);
    } finally {
      this.settle();
    }
  }

  private replace(id: string, next: Shift): void {
    this.shiftsState.update((shifts) => shifts.map((shift) => (shift.id === id ? next : shift)));
  }

  private push(entry: UndoEntry): void {
    this.undoStack.update((stack) => [...stack.slice(-19), entry]);
  }

  private failure(kind: ActionKind, error: unknown): ActionOutcome {
    // A 409 on an existing shift means someone changed it meanwhile; on a new one, an overlap.
    const isConflict =
      error instanceof HttpErrorResponse &&
      error.status === 409 &&
      kind !== 'create' &&
      kind !== 'copy';
    const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError>) : null;
    return {
      ok: false,
      kind,
      isConflict,
      message: messageOf(error),
      violations: body?.violations,
    };
  }

  private missing(kind: ActionKind): ActionOutcome {
    return { ok: false, kind, isConflict: false, message: null };
  }

  /** After the last pending write, re-read the week: the server's figures become the truth again. */
  private settle(): void {
    this.pending.update((n) => n - 1);
    if (this.pending() === 0) void this.reload();
  }
}

/** A wall week drawn on the same grid: its people carry nothing but their names. */
function asGrid(wall: WallRotaWeek): RotaWeek {
  return {
    ...wall,
    view: 'planner',
    unpublishedChanges: 0,
    violations: [],
    coverage: [],
    requirements: [],
    travelTimes: [],
    // No check runs on a wall week: the law's values stand in for the organisation's.
    settings: DEFAULT_ORGANISATION_SETTINGS,
    people: wall.people.map((person) => ({
      ...person,
      contract: null,
      contracts: [],
      plannedMinutes: 0,
      absences: [],
      skills: [],
      otherItems: [],
    })),
  };
}
