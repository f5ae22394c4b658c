import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  signal,
  Type,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialogConfig } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AutoFillApplyResult, AutoFillProposal, Shift, Violation } from '@relais/api-types';
import { addIsoWeeks, civilDate, formatDate, isIsoWeek, isoWeekOf } from '@relais/rules';
import { firstValueFrom, map } from 'rxjs';
import { AuthStore } from '../core/auth.store';
import { ORGANISATION_TIME_ZONE } from '../core/time';
import { AutoFillPanelComponent } from './components/auto-fill-panel.component';
import { CoverageStripComponent } from './components/coverage-strip.component';
import { HistoryPanelComponent } from './components/history-panel.component';
import type { MoveDialogData } from './components/move-dialog.component';
import type { PublishDialogData } from './components/publish-dialog.component';
import type { ShiftDialogData, ShiftDialogResult } from './components/shift-dialog.component';
import { ViolationsPanelComponent } from './components/violations-panel.component';
import { ShiftAction, ShiftDrop, WeekGridComponent } from './components/week-grid.component';
import { proposalOverlay } from './proposal-overlay';
import {
  coverageView,
  deltaSentence,
  describeViolation,
  DropTarget,
  instantsOf,
  longDay,
  shiftDate,
  shiftRange,
  violationDelta,
  weekNumber,
  weekRangeLabel,
} from './rota.model';
import { ActionOutcome, RotaStore } from './rota.store';

type Panel = 'controls' | 'history' | 'autofill' | null;

@Component({
  selector: 'app-rota-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    WeekGridComponent,
    CoverageStripComponent,
    HistoryPanelComponent,
    ViolationsPanelComponent,
    AutoFillPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rota.page.html',
  styleUrl: './rota.page.scss',
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class RotaPage {
  protected readonly store = inject(RotaStore);
  private readonly auth = inject(AuthStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly title = inject(Title);
  private readonly grid = viewChild(WeekGridComponent);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  private readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => ({ site: params.get('site'), week: params.get('semaine') })),
    ),
    { initialValue: { site: null, week: null } },
  );

  protected readonly view = signal<'person' | 'location'>('person');
  protected readonly panel = signal<Panel>('controls');
  protected readonly highlighted = signal<ReadonlySet<string>>(new Set());
  /** The server's blocking list after a refused publication, until the next change. */
  protected readonly refusal = signal<{ message: string | null; violations: Violation[] } | null>(
    null,
  );

  protected readonly mayEdit = computed(() => {
    const role = this.auth.role();
    return role === 'admin' || role === 'hr' || role === 'manager';
  });
  /** An auto-fill proposal shown on the grid: read-only until applied or discarded. */
  protected readonly proposal = signal<AutoFillProposal | null>(null);
  protected readonly canEdit = computed(() => this.mayEdit() && this.proposal() === null);
  protected readonly siteIds = computed(() => this.sites().map((site) => site.id));
  protected readonly sites = computed(() => {
    const ids = new Set(this.auth.me()?.siteIds ?? []);
    return this.store.sites().filter((site) => ids.has(site.id));
  });
  /**
   * The site picker shows when the person has several sites: known from the session before the
   * site list arrives, so the toolbar is laid out once.
   */
  protected readonly hasSiteChoice = computed(() =>
    this.store.sites().length > 0
      ? this.sites().length > 1
      : (this.auth.me()?.siteIds.length ?? 0) > 1,
  );
  protected readonly siteId = computed<string | null>(() => {
    const wanted = this.params().site;
    const sites = this.sites();
    return sites.find((site) => site.id === wanted)?.id ?? sites[0]?.id ?? null;
  });
  protected readonly week = computed(() => {
    const wanted = this.params().week;
    return wanted && isIsoWeek(wanted)
      ? wanted
      : isoWeekOf(civilDate(Date.now(), ORGANISATION_TIME_ZONE));
  });
  protected readonly weekNo = computed(() => weekNumber(this.week()));
  protected readonly weekRange = computed(() =>
    weekRangeLabel(this.week(), this.lang() === 'en' ? 'en' : 'fr'),
  );
  protected readonly siteName = computed(
    () => this.sites().find((site) => site.id === this.siteId())?.name ?? '',
  );

  protected readonly rows = computed(() =>
    this.view() === 'person' ? this.store.personRows() : this.store.locationRows(),
  );
  private readonly overlay = computed(() =>
    proposalOverlay({
      cells: this.view() === 'person' ? this.store.cellsByPerson() : this.store.cellsByLocation(),
      proposal: this.proposal(),
      view: this.view(),
      siteId: this.siteId(),
    }),
  );
  protected readonly cells = computed(() => this.overlay().cells);
  protected readonly previewMarks = computed(() => this.overlay().marks);
  protected readonly names = computed(
    () =>
      new Map(
        this.store.people().map((person) => [person.id, `${person.firstName} ${person.lastName}`]),
      ),
  );
  protected readonly absences = computed(() => {
    const out = new Map<string, string>();
    for (const person of this.store.people()) {
      for (const date of this.store.days()) {
        const absence = this.store.isAbsent(person.id, date);
        if (absence) {
          const word =
            absence.kind === 'leave'
              ? 'leave'
              : absence.kind === 'unavailability'
                ? 'unavailable'
                : 'absence';
          out.set(`${person.id}|${date}`, word);
        }
      }
    }
    return out;
  });
  protected readonly panelViolations = computed(() =>
    (this.refusal()?.violations ?? this.store.violations()).map(describeViolation),
  );
  protected readonly counts = computed(() => {
    const list = this.store.violations();
    return {
      block: list.filter((v) => v.severity === 'block').length,
      warn: list.filter((v) => v.severity === 'warn').length,
      info: list.filter((v) => v.severity === 'info').length,
    };
  });
  protected readonly coverage = computed(() => {
    const week = this.store.week();
    const requirements = new Map((week?.requirements ?? []).map((r) => [r.id, r]));
    const blockingRules = new Set(
      this.store
        .violations()
        .filter((v) => v.severity === 'block')
        .map((v) => v.rule),
    );
    return this.store.coverage().map((cell) => {
      const requirement = requirements.get(cell.requirementId);
      const isBlocking =
        !!requirement?.requiredSkill &&
        (blockingRules.has('FS_TRAINED_COVERAGE') || blockingRules.has('SKILL_REQUIRED'));
      return coverageView(cell, requirement?.requiredSkill ?? null, isBlocking);
    });
  });
  protected readonly publishedOn = computed(() => {
    const at = this.store.week()?.publishedAt;
    return at ? formatDate(civilDate(at, ORGANISATION_TIME_ZONE)) : null;
  });
  protected readonly isEmpty = computed(
    () => !this.store.isLoading() && !!this.store.week() && this.store.shifts().length === 0,
  );

  constructor() {
    void this.store.loadSites();
    // Load the site-week the URL names (or the caller's first site, this week).
    effect(() => {
      const siteId = this.siteId();
      const week = this.week();
      if (!siteId) return;
      untracked(() => {
        this.refusal.set(null);
        this.proposal.set(null);
        this.highlighted.set(new Set());
        void this.store.load(siteId, week);
        void this.store.loadTemplates(siteId);
        if (this.panel() === 'history') void this.store.loadHistory();
      });
    });
    effect(() => {
      const name = this.siteName();
      const n = this.weekNo();
      this.lang();
      this.title.setTitle(
        name
          ? this.transloco.translate('rota.pageTitle', { n, site: name })
          : `${this.transloco.translate('rota.title')} – Relais`,
      );
    });
  }

  // ---------- toolbar ----------

  protected goTo(params: { site?: string; semaine?: string }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { site: this.siteId(), semaine: this.week(), ...params },
    });
  }

  protected shiftWeek(offset: number): void {
    this.goTo({ semaine: addIsoWeeks(this.week(), offset) });
  }

  protected async onAutoFillApplied(result: AutoFillApplyResult): Promise<void> {
    this.proposal.set(null);
    const siteId = this.siteId();
    if (siteId) await this.store.load(siteId, this.week(), true);
    const message = this.transloco.translate('rota.autoFill.applied', { ...result });
    this.snackBar.open(message, undefined, { duration: 5000 });
    this.announcer.announce(message);
  }

  protected togglePanel(panel: Exclude<Panel, null>): void {
    this.panel.set(this.panel() === panel ? null : panel);
    if (this.panel() === 'history') void this.store.loadHistory();
  }

  protected async copyPrevious(): Promise<void> {
    const result = await this.store.copyPreviousWeek(true);
    this.bulkDone(result, 'copyDone');
  }

  protected async applyTemplates(): Promise<void> {
    const result = await this.store.applyTemplates();
    this.bulkDone(result, 'templatesDone');
  }

  private bulkDone(
    result: Awaited<ReturnType<RotaStore['applyTemplates']>>,
    key: 'copyDone' | 'templatesDone',
  ): void {
    if (result && typeof result === 'object') {
      this.say(this.t(`messages.${key}`, { created: result.created, open: result.madeOpen }));
    } else {
      this.fail(result ?? this.t('messages.failed'));
    }
  }

  protected async publish(): Promise<void> {
    const week = this.store.week();
    if (!week) return;
    const blocking = this.store.blocking();
    if (blocking.length > 0) {
      // Never disabled: the button explains what stands in the way.
      this.panel.set('controls');
      this.refusal.set(null);
      this.announcer.announce(this.t('publish.blockers', { count: blocking.length }), 'polite');
      setTimeout(() =>
        document.querySelector<HTMLElement>('app-violations-panel .item:not([disabled])')?.focus(),
      );
      return;
    }
    const data: PublishDialogData = {
      weekNumber: this.weekNo(),
      shiftCount: this.store.shifts().length,
      changes: week.unpublishedChanges,
      warnings: this.store
        .violations()
        .filter((v) => v.severity === 'warn')
        .map(describeViolation),
    };
    const answer = await this.openDialog<{ justification: string } | undefined>(
      () => import('./components/publish-dialog.component').then((m) => m.PublishDialogComponent),
      { data, autoFocus: 'first-tabbable' },
    );
    if (!answer) return;
    const outcome = await this.store.publish(answer.justification || null);
    if (outcome.ok) {
      this.refusal.set(null);
      const done = this.t('publish.done', { n: this.weekNo(), version: outcome.result.version });
      const notified = this.t('publish.notified', {
        count: outcome.result.notifiedPersonIds.length,
      });
      this.snackBar.open(`${done} · ${notified}`, undefined, { duration: 8000 });
    } else {
      this.refusal.set({ message: outcome.message, violations: outcome.violations });
      this.panel.set('controls');
      this.fail(outcome.message ?? this.t('publish.refused'));
    }
  }

  protected print(): void {
    window.print();
  }

  // ---------- grid events ----------

  protected onDrop(drop: ShiftDrop): void {
    if (drop.isCopy)
      void this.run(() => this.store.copy(drop.shiftId, drop.target), drop.target.date);
    else
      void this.run(
        () => this.store.move(drop.shiftId, drop.target),
        drop.target.date,
        drop.shiftId,
      );
  }

  protected async onCreate(target: DropTarget): Promise<void> {
    const result = await this.openShiftDialog({
      mode: 'create',
      date: target.date,
      locations: this.store.locations(),
      templates: this.store.templates(),
      locationId: target.locationId,
    });
    if (!result) return;
    await this.run(
      () =>
        this.store.create({
          personId: target.personId ?? null,
          locationId: result.locationId,
          activity: result.activity,
          ...instantsOf(target.date, result.startTime, result.endTime),
          breakMinutes: result.breakMinutes,
          note: result.note,
        }),
      target.date,
    );
  }

  protected async onAction({
    action,
    shift,
  }: {
    action: ShiftAction;
    shift: Shift;
  }): Promise<void> {
    const date = shiftDate(shift);
    switch (action) {
      case 'edit': {
        const result = await this.openShiftDialog({
          mode: 'edit',
          date,
          locations: this.store.locations(),
          templates: this.store.templates(),
          shift,
        });
        if (result) {
          await this.run(
            () =>
              this.store.update(shift.id, {
                locationId: result.locationId,
                activity: result.activity,
                ...instantsOf(date, result.startTime, result.endTime),
                breakMinutes: result.breakMinutes,
                note: result.note,
              }),
            date,
            shift.id,
          );
        }
        return;
      }
      case 'move':
      case 'duplicate': {
        const data: MoveDialogData = {
          mode: action,
          summary: `${longDay(date)}, ${shiftRange(shift)}, ${this.t(`activities.${shift.activity}`)}`,
          people: this.store.personRows().map((row) => ({
            id: row.personId,
            name: row.personId ? row.name : this.t('grid.open'),
          })),
          days: this.store.days().map((day) => ({ date: day, label: longDay(day) })),
          personId: shift.personId,
          date,
        };
        const target = await this.openDialog<DropTarget | undefined>(
          () => import('./components/move-dialog.component').then((m) => m.MoveDialogComponent),
          { data },
        );
        if (!target) return;
        await this.run(
          () =>
            action === 'move'
              ? this.store.move(shift.id, target as DropTarget)
              : this.store.copy(shift.id, target as DropTarget),
          (target as DropTarget).date,
          action === 'move' ? shift.id : undefined,
        );
        return;
      }
      case 'open':
        await this.run(() => this.store.update(shift.id, { personId: null }), date, shift.id);
        return;
      case 'delete':
        await this.run(() => this.store.remove(shift.id), date);
        return;
    }
  }

  protected onViolation(violation: { shiftIds: string[]; personId?: string }): void {
    this.highlighted.set(new Set(violation.shiftIds));
    const grid = this.grid();
    if (!grid) return;
    if (this.view() !== 'person' && violation.shiftIds.length === 0) this.view.set('person');
    for (const id of violation.shiftIds) if (grid.focusShift(id)) return;
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable], .cdk-overlay-container'))
      return;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      if (!this.canEdit()) return;
      event.preventDefault();
      void this.undo();
    }
  }

  protected async undo(): Promise<void> {
    if (!this.store.canUndo()) {
      this.announcer.announce(this.t('messages.nothingToUndo'), 'polite');
      return;
    }
    await this.run(() => this.store.undo(), null);
  }

  // ---------- helpers ----------

  private openShiftDialog(data: ShiftDialogData): Promise<ShiftDialogResult | undefined> {
    return this.openDialog<ShiftDialogResult | undefined>(
      () => import('./components/shift-dialog.component').then((m) => m.ShiftDialogComponent),
      { data },
    );
  }

  /**
   * Opens a dialog whose code (and the dialog service's) is fetched on first use: none of it is
   * needed to show the week.
   */
  private async openDialog<R>(
    component: () => Promise<Type<unknown>>,
    config: MatDialogConfig,
  ): Promise<R> {
    const [{ MatDialog }, type] = await Promise.all([
      import('@angular/material/dialog'),
      component(),
    ]);
    return firstValueFrom(this.injector.get(MatDialog).open(type, config).afterClosed());
  }

  /**
   * Runs a write: the grid and the checks change at once (optimistic), the delta is announced,
   * then the server's answer confirms or reverts.
   */
  private async run(
    action: () => Promise<ActionOutcome>,
    date: string | null,
    focusId?: string,
  ): Promise<void> {
    const before = this.store.violations();
    const pending = action();
    // The optimistic change is applied synchronously: this is the grid the manager now sees.
    const after = this.store.violations();
    this.refusal.set(null);
    const outcome = await pending;
    if (outcome.ok) {
      const day = date ? longDay(date, this.lang() === 'en' ? 'en' : 'fr') : '';
      const keys = {
        create: 'created',
        move: 'moved',
        copy: 'copied',
        update: 'updated',
        delete: 'deleted',
        undo: 'undone',
      } as const;
      const sentence = this.t(`messages.${keys[outcome.kind]}`, { day });
      const delta = deltaSentence(violationDelta(before, after));
      this.announcer.announce(`${sentence} ${delta}`.trim(), 'polite');
      if (outcome.kind !== 'undo') {
        this.snackBar
          .open(sentence, this.t('actions.undo'), { duration: 10000 })
          .onAction()
          .subscribe(() => void this.undo());
      }
      if (focusId) setTimeout(() => this.grid()?.focusShift(focusId));
    } else if (outcome.isConflict) {
      this.fail(`${this.t('messages.conflict')} ${outcome.message ?? ''}`.trim());
    } else {
      this.fail(outcome.message ?? this.t('messages.failed'));
    }
  }

  private fail(message: string): void {
    this.announcer.announce(message, 'assertive');
    this.snackBar.open(message, this.t('actions.close'), { duration: 10000 });
  }

  private say(message: string): void {
    this.announcer.announce(message, 'polite');
    this.snackBar.open(message, undefined, { duration: 6000 });
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(`rota.${key}`, params);
  }
}
