import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiError,
  BatchResult,
  BulkMoveRequest,
  CandidatesAnswer,
  CopyWeekResult,
  CreateShiftRequest,
  NoticeAgreementResult,
  PublishResult,
  RotaBatch,
  RotaChange,
  RotaComparison,
  RotaPerson,
  RotaPersonDiff,
  RotaVersion,
  RotaWeek,
  Shift,
  ShiftResult,
  ShiftTemplate,
  Site,
  UpdateShiftRequest,
  Violation,
  ViolationFixes,
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
import { FirstRead } from '../core/first-read';
import { messageOf } from '../shared/http-error';
import {
  absenceOn,
  DropTarget,
  DropVerdict,
  dropVerdictOf,
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
  kind: 'move' | 'copy' | 'create' | 'update' | 'delete' | 'batch';
  /** The server's batch (copied week, templates, bulk delete or move, fix), undone as one step. */
  batchId?: string;
  /** Shift as it was before the action (for move, update, delete). */
  before: Shift | null;
  /** Id of the shift the action produced (for create, copy, move, update). */
  shiftId: string | null;
}

let tempSeq = 0;

@Injectable({ providedIn: 'root' })
export class RotaStore {
  private readonly http = inject(HttpClient);
  private readonly firstRead = inject(FirstRead);

  private readonly sitesState = signal<Site[]>([]);
  private readonly weekState = signal<RotaWeek | null>(null);
  /** A mediator's week: the last publication as printed for the wall, no checks or counters. */
  private readonly wallState = signal(false);
  private readonly shiftsState = signal<Shift[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly errorMessage = signal<string | null>(null);
  private readonly templatesState = signal<ShiftTemplate[]>([]);
  private readonly historyState = signal<RotaChange[] | null>(null);
  private readonly versionsState = signal<RotaVersion[] | null>(null);
  private readonly comparisonState = signal<RotaComparison | null>(null);
  private readonly compareFailed = signal(false);
  private readonly undoStack = signal<UndoEntry[]>([]);
  /** The caller's last batch of the week on the server: still undoable after a reload. */
  private readonly serverBatch = signal<RotaBatch | null>(null);
  private readonly pending = signal(0);
  /** Minutes each person works elsewhere this week (other sites), from the server's count. */
  private readonly baseMinutes = signal<Map<string, number>>(new Map());
  private loadSeq = 0;

  readonly sites = this.sitesState.asReadonly();
  readonly week = this.weekState.asReadonly();
  readonly shifts = this.shiftsState.asReadonly();
  readonly templates = this.templatesState.asReadonly();
  readonly history = this.historyState.asReadonly();
  /** The week's versions to compare: the draft, then each publication, newest first. */
  readonly versions = this.versionsState.asReadonly();
  readonly comparison = this.comparisonState.asReadonly();
  readonly hasCompareError = this.compareFailed.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly error = this.errorMessage.asReadonly();
  readonly isSaving = computed(() => this.pending() > 0);
  readonly canUndo = computed(() => this.undoStack().length > 0 || this.serverBatch() !== null);
  readonly lastBatch = this.serverBatch.asReadonly();
  private readonly fixesState = signal<{ week: RotaWeek; list: ViolationFixes[] } | null>(null);
  private fixesSeq = 0;
  /** Legal fixes of the blocking problems, by violation key, for the week as the server has it. */
  readonly fixes = computed(() => {
    const state = this.fixesState();
    const out = new Map<string, ViolationFixes['fixes']>();
    if (!state || state.week !== this.weekState()) return out;
    for (const item of state.list) {
      const v = item.violation;
      out.set([v.rule, v.personId ?? '', [...v.shiftIds].sort().join(',')].join('|'), item.fixes);
    }
    return out;
  });
  readonly isLoadingFixes = signal(false);
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
        settings: {
          ...week.settings,
          travelTimes: week.travelTimes ?? [],
          sundayDerogationLocations: week.sundayDerogationLocations ?? {},
        },
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

  /**
   * What dropping a shift on a cell would do, before it is made: the server's rules, in the
   * browser, on the week with the shift moved (or copied) there. Only the problems the drop adds
   * for the person it lands on (or for the shift itself) count: the worst decides.
   */
  dropVerdict(shiftId: string, target: DropTarget, isCopy: boolean): DropVerdict | null {
    const week = this.weekState();
    const site = this.site();
    const shift = this.find(shiftId);
    if (!week || !site || !shift || this.wallState()) return null;
    const personId = target.personId === undefined ? shift.personId : target.personId;
    const landed: Shift = {
      ...shift,
      ...moveToDate(shift, target.date),
      id: isCopy ? 'drop-preview' : shift.id,
      personId,
      locationId: target.locationId ?? shift.locationId,
    };
    const shifts = isCopy
      ? [...this.shiftsState(), landed]
      : this.shiftsState().map((one) => (one.id === shift.id ? landed : one));
    const keyOf = (v: Violation) => `${v.rule}|${v.personId ?? ''}|${v.shiftIds.join(',')}`;
    const known = new Set(this.violations().map(keyOf));
    let after: Violation[];
    try {
      after = checkRotaWeek({
        site,
        week: week.week,
        shifts,
        people: week.people,
        requirements: week.requirements,
        settings: {
          ...week.settings,
          travelTimes: week.travelTimes ?? [],
          sundayDerogationLocations: week.sundayDerogationLocations ?? {},
        },
      });
    } catch {
      return null;
    }
    const added = after.filter(
      (v) =>
        !known.has(keyOf(v)) &&
        v.severity !== 'info' &&
        (v.shiftIds.includes(landed.id) || (personId !== null && v.personId === personId)),
    );
    return dropVerdictOf(added);
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
        this.sitesState.set(
          await firstValueFrom(
            this.firstRead.take<Site[]>('/api/sites', {}) ?? this.http.get<Site[]>('/api/sites'),
          ),
        );
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
      this.serverBatch.set(null);
      this.historyState.set(null);
      this.versionsState.set(null);
      this.comparisonState.set(null);
    }
    this.errorMessage.set(null);
    try {
      const params = { siteId, week };
      const answer = await firstValueFrom(
        (quiet ? null : this.firstRead.take<RotaWeek | WallRotaWeek>('/api/rota', params)) ??
          this.http.get<RotaWeek | WallRotaWeek>('/api/rota', { params }),
      );
      // A newer load, or a write started since, wins: never move things behind the manager's back.
      if (seq !== this.loadSeq || (quiet && this.pending() > 0)) return;
      this.wallState.set(answer.view === 'wall');
      this.setWeek(answer.view === 'wall' ? asGrid(answer) : answer);
      this.status.set('loaded');
      if (!quiet) void this.loadLastBatch(siteId, week, seq);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.errorMessage.set(messageOf(error));
      this.status.set('error');
    }
  }

  /** The last batch the caller may still undo on this week (a copy, templates…), after a reload. */
  private async loadLastBatch(siteId: string, week: string, seq: number): Promise<void> {
    if (this.wallState()) {
      this.serverBatch.set(null);
      return;
    }
    try {
      const answer = await firstValueFrom(
        this.http.get<{ batch: RotaBatch | null }>('/api/rota/batches/last', {
          params: { siteId, week },
        }),
      );
      if (seq === this.loadSeq && this.undoStack().length === 0) this.serverBatch.set(answer.batch);
    } catch {
      this.serverBatch.set(null);
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
    try {
      this.versionsState.set(
        await firstValueFrom(
          this.http.get<RotaVersion[]>('/api/rota/versions', {
            params: { siteId: week.siteId, week: week.week },
          }),
        ),
      );
    } catch {
      this.versionsState.set([]);
    }
  }

  /** Compares two versions of the week (publication ids, `published` or `draft`). */
  async compare(from: string, to: string): Promise<void> {
    const week = this.weekState();
    if (!week) return;
    this.compareFailed.set(false);
    try {
      this.comparisonState.set(await this.fetchComparison(week, from, to));
    } catch {
      this.comparisonState.set(null);
      this.compareFailed.set(true);
    }
  }

  /** What publishing now changes for each person: the draft against the last publication. */
  async publishReview(): Promise<RotaPersonDiff[] | null> {
    const week = this.weekState();
    if (!week) return null;
    try {
      return (await this.fetchComparison(week, 'published', 'draft')).people;
    } catch {
      return null;
    }
  }

  private fetchComparison(week: RotaWeek, from: string, to: string): Promise<RotaComparison> {
    return firstValueFrom(
      this.http.get<RotaComparison>('/api/rota/compare', {
        params: { siteId: week.siteId, week: week.week, from, to },
      }),
    );
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
    const entry: UndoEntry | undefined =
      this.undoStack().at(-1) ??
      (this.serverBatch()
        ? { kind: 'batch', batchId: this.serverBatch()?.id, before: null, shiftId: null }
        : undefined);
    if (!entry) return this.missing('undo');
    this.undoStack.update((stack) => stack.slice(0, -1));
    this.serverBatch.set(null);
    let outcome: ActionOutcome;
    if (entry.kind === 'batch' && entry.batchId) {
      outcome = await this.undoBatch(entry.batchId);
    } else if ((entry.kind === 'create' || entry.kind === 'copy') && entry.shiftId) {
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
      this.serverBatch.set(null);
      await this.reload();
      return { ok: true, result };
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError>) : null;
      return { ok: false, message: messageOf(error), violations: body?.violations ?? [] };
    }
  }

  /**
   * Records a part-timer's written agreement to the changes of their published week as they now
   * stand (no notice then, Cass. soc. 9 nov. 2016), then reloads the week: PART_TIME_NOTICE goes.
   */
  async recordNoticeAgreement(
    personId: string,
    reference: string,
  ): Promise<{ ok: true } | { ok: false; message: string | null }> {
    const week = this.weekState();
    if (!week) return { ok: false, message: null };
    try {
      await firstValueFrom(
        this.http.post<NoticeAgreementResult>('/api/rota/notice-agreements', {
          siteId: week.siteId,
          week: week.week,
          personId,
          reference,
        }),
      );
      await this.reload();
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  /** Copies the previous week here; `dryRun`: only the preview (what is added, what is skipped). */
  async copyPreviousWeek(
    withPeople = true,
    dryRun = false,
  ): Promise<CopyWeekResult | string | null> {
    const week = this.weekState();
    if (!week) return null;
    return this.bulk(
      () =>
        this.http.post<CopyWeekResult>(
          '/api/rota/copy',
          {
            siteId: week.siteId,
            fromWeek: addIsoWeeks(week.week, -1),
            toWeek: week.week,
            withPeople,
          },
          { params: dryRun ? { dryRun: 'true' } : {} },
        ),
      dryRun,
    );
  }

  /** Adds the site's templates as open shifts; `dryRun`: only the preview. */
  async applyTemplates(dryRun = false): Promise<CopyWeekResult | string | null> {
    const week = this.weekState();
    if (!week) return null;
    return this.bulk(
      () =>
        this.http.post<CopyWeekResult>(
          '/api/rota/apply-template',
          { siteId: week.siteId, week: week.week },
          { params: dryRun ? { dryRun: 'true' } : {} },
        ),
      dryRun,
    );
  }

  /** Deletes several shifts in one step (one undo). */
  bulkDelete(shiftIds: readonly string[]): Promise<ActionOutcome> {
    return this.batchWrite('delete', '/api/rota/bulk-delete', { shifts: this.selected(shiftIds) });
  }

  /** Moves several shifts by days and/or to a person in one step (one undo). */
  bulkMove(
    shiftIds: readonly string[],
    move: Omit<BulkMoveRequest, 'shifts'>,
  ): Promise<ActionOutcome> {
    return this.batchWrite('move', '/api/rota/bulk-move', {
      shifts: this.selected(shiftIds),
      ...move,
    });
  }

  /** Posts a write the server keeps as one batch, and records it for *Annuler*. */
  async batchWrite(kind: ActionKind, url: string, body: unknown): Promise<ActionOutcome> {
    this.pending.update((n) => n + 1);
    try {
      const result = await firstValueFrom(this.http.post<BatchResult>(url, body));
      if (result.batchId)
        this.push({ kind: 'batch', batchId: result.batchId, before: null, shiftId: null });
      return { ok: true, kind };
    } catch (error) {
      return this.failure(kind, error);
    } finally {
      this.settle();
    }
  }

  private selected(shiftIds: readonly string[]): { id: string; version: number }[] {
    return shiftIds.flatMap((id) => {
      const shift = this.find(id);
      return shift ? [{ id, version: shift.version }] : [];
    });
  }

  private async undoBatch(batchId: string): Promise<ActionOutcome> {
    this.pending.update((n) => n + 1);
    try {
      await firstValueFrom(this.http.post<BatchResult>(`/api/rota/batches/${batchId}/undo`, {}));
      return { ok: true, kind: 'undo' };
    } catch (error) {
      return this.failure('undo', error);
    } finally {
      this.settle();
    }
  }

  /** Loads the fixes of the week's blocking problems (computed by the server with the rules). */
  async loadFixes(): Promise<void> {
    const week = this.weekState();
    if (!week || this.wallState()) return;
    if (!week.violations.some((v) => v.severity === 'block')) {
      this.fixesState.set({ week, list: [] });
      return;
    }
    const seq = ++this.fixesSeq;
    this.isLoadingFixes.set(true);
    try {
      const list = await firstValueFrom(
        this.http.get<ViolationFixes[]>('/api/rota/fixes', {
          params: { siteId: week.siteId, week: week.week },
        }),
      );
      if (seq === this.fixesSeq) this.fixesState.set({ week, list });
    } catch {
      if (seq === this.fixesSeq) this.fixesState.set({ week, list: [] });
    } finally {
      if (seq === this.fixesSeq) this.isLoadingFixes.set(false);
    }
  }

  /** Applies one fix as one undoable step. */
  applyFix(fixId: string): Promise<ActionOutcome> {
    const week = this.weekState();
    if (!week) return Promise.resolve(this.missing('update'));
    return this.batchWrite('update', '/api/rota/fixes/apply', {
      siteId: week.siteId,
      week: week.week,
      fixId,
    });
  }

  /** Who can take an open shift, or a need of the site on a day, best first. */
  async candidates(
    query:
      | { shiftId: string }
      | { alongsideShiftId: string }
      | { requirementId: string; date: string },
  ): Promise<CandidatesAnswer | string> {
    const week = this.weekState();
    const params: Record<string, string> =
      'requirementId' in query ? { ...query, siteId: week?.siteId ?? '' } : { ...query };
    try {
      return await firstValueFrom(
        this.http.get<CandidatesAnswer>('/api/rota/candidates', { params }),
      );
    } catch (error) {
      return messageOf(error) ?? 'Erreur inattendue : réessayez.';
    }
  }

  /** Returns the result, or the server's message on failure. */
  private async bulk(
    call: () => ReturnType<HttpClient['post']>,
    dryRun: boolean,
  ): Promise<CopyWeekResult | string | null> {
    if (dryRun) {
      try {
        return (await firstValueFrom(call())) as CopyWeekResult;
      } catch (error) {
        return messageOf(error);
      }
    }
    this.pending.update((n) => n + 1);
    try {
      const result = (await firstValueFrom(call())) as CopyWeekResult;
      if (result.batchId)
        this.push({ kind: 'batch', batchId: result.batchId, before: null, shiftId: null });
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
    sundayDerogationLocations: {},
    // No check runs on a wall week: the law's values stand in for the organisation's.
    settings: DEFAULT_ORGANISATION_SETTINGS,
    // A mediator gets no totals (and no cost): nothing to show (see `isWall`).
    totals: { minutes: 0, labourCostCents: null, peopleWithoutCost: 0 },
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
