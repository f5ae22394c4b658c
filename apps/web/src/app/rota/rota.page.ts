import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  linkedSignal,
  signal,
  Type,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialogConfig } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  AutoFillApplyResult,
  AutoFillProposal,
  RotaWeek,
  Shift,
  Violation,
} from '@relais/api-types';
import { addIsoWeeks, civilDate, formatDate } from '@relais/rules';
import { firstValueFrom, map } from 'rxjs';
import { AuthStore } from '../core/auth.store';
import { planningSite, planningWeek } from '../core/first-read';
import { ORGANISATION_TIME_ZONE } from '../core/time';
import { AutoFillPanelComponent } from './components/auto-fill-panel.component';
import type { BulkMoveChoice, BulkMoveDialogData } from './components/bulk-move-dialog.component';
import type { BulkPreviewDialogData } from './components/bulk-preview-dialog.component';
import { CoverageStripComponent } from './components/coverage-strip.component';
import { DayCreateTarget, DayShiftDrop, DayViewComponent } from './components/day-view.component';
import { HistoryPanelComponent } from './components/history-panel.component';
import type { MoveDialogData } from './components/move-dialog.component';
import type { PublishDialogData } from './components/publish-dialog.component';
import type { ShiftDialogData, ShiftDialogResult } from './components/shift-dialog.component';
import { ViolationsPanelComponent } from './components/violations-panel.component';
import {
  GridTotals,
  ShiftAction,
  ShiftDrop,
  WeekGridComponent,
} from './components/week-grid.component';
import { PlannerActions } from './planner-actions';
import { proposalOverlay } from './proposal-overlay';
import {
  coverageView,
  dayHeader,
  deltaSentence,
  describeViolation,
  distinctSiteLabels,
  DropTarget,
  duration,
  instantsOf,
  longDay,
  shiftDate,
  shiftMinutes,
  shiftRange,
  violationDelta,
  warmUpFormats,
  weekNumber,
  weekRangeLabel,
} from './rota.model';
import { ActionOutcome, RotaStore } from './rota.store';

const EUROS = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

type Panel = 'controls' | 'history' | 'autofill' | null;

@Component({
  selector: 'app-rota-page',
  imports: [
    MatButtonModule,
    MatMenuModule,
    TranslocoPipe,
    WeekGridComponent,
    DayViewComponent,
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
  private readonly dayView = viewChild(DayViewComponent);
  private readonly plannerActions = inject(PlannerActions);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  private readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => ({ site: params.get('site'), week: params.get('semaine') })),
    ),
    { initialValue: { site: null, week: null } },
  );

  protected readonly view = signal<'person' | 'location' | 'day'>('person');
  /** The day the day view shows: the one picked, else today when in the week, else Monday. */
  protected readonly pickedDay = signal<string | null>(null);
  protected readonly dayDate = computed(() => {
    const days = this.store.days();
    const picked = this.pickedDay();
    if (picked && days.includes(picked)) return picked;
    const today = civilDate(Date.now(), ORGANISATION_TIME_ZONE);
    return days.includes(today) ? today : (days[0] ?? today);
  });
  protected readonly dayChoices = computed(() => {
    const lang = this.lang() === 'en' ? 'en' : 'fr';
    return this.store
      .days()
      .map((date) => ({ date, label: dayHeader(date, lang), long: longDay(date, lang) }));
  });
  /** The checks are open beside the grid on a wide screen; on a narrow one they would cover it. */
  protected readonly panel = signal<Panel>(
    typeof window !== 'undefined' && window.innerWidth >= 1280 ? 'controls' : null,
  );
  protected readonly highlighted = signal<ReadonlySet<string>>(new Set());
  /** Shifts picked for a bulk action; another site or week starts with none. */
  protected readonly selection = linkedSignal<string, ReadonlySet<string>>({
    source: () => `${this.siteId()}|${this.week()}`,
    computation: () => new Set(),
  });
  /** The picked shifts still in the week (another hand may have deleted one). */
  protected readonly selectedIds = computed(() => {
    const present = new Set(this.store.shifts().map((shift) => shift.id));
    return [...this.selection()].filter((id) => present.has(id));
  });
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
  /**
   * The grid edits only the week asked for: while another site or week loads, it still holds
   * the previous one, and a shift created there would land in the wrong week.
   */
  protected readonly canEditGrid = computed(() => {
    const shown = this.store.week();
    return this.canEdit() && shown?.week === this.week() && shown.siteId === this.siteId();
  });
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
  /**
   * The site shown: the one the URL names if the caller may see it, else their first. Read from
   * the session (its site ids come in the site list's order), so the week is asked for at once,
   * not after the site list.
   */
  protected readonly siteId = computed(() =>
    planningSite(this.params().site, this.auth.me()?.siteIds ?? []),
  );
  protected readonly week = computed(() => planningWeek(this.params().week));
  protected readonly weekNo = computed(() => weekNumber(this.week()));
  protected readonly weekRange = computed(() =>
    weekRangeLabel(this.week(), this.lang() === 'en' ? 'en' : 'fr'),
  );
  protected readonly siteName = computed(
    () => this.sites().find((site) => site.id === this.siteId())?.name ?? '',
  );
  /** The picker's names, told apart: "Paris Sud", "Paris Sud Est". */
  protected readonly siteOptions = computed(() => distinctSiteLabels(this.sites()));
  /** Before a week's first publication nothing is "modifié". */
  protected readonly hasPublication = computed(() => {
    const week = this.store.week();
    return !!week && (week.status === 'published' || week.publishedAt !== null);
  });
  /** Set when *Publier* met blocking problems; shown while some stand. */
  private readonly publishTried = signal(false);
  protected readonly blockedNotice = computed(() => {
    const count = this.store.blocking().length;
    return this.publishTried() && count > 0 ? this.t('publish.blockers', { count }) : null;
  });
  /** Days the site does not open and nobody works (their columns are narrower). */
  protected readonly closedDays = computed(() => {
    const site = this.store.site();
    if (!site) return new Set<string>();
    const open = new Set(site.openingHours.map((hours) => hours.weekday));
    const worked = new Set(this.store.shifts().map((shift) => shiftDate(shift)));
    return new Set(
      this.store.days().filter((date, index) => !open.has(index + 1) && !worked.has(date)),
    );
  });
  /** Asked by the grid while a shift is dragged over a cell. */
  protected readonly previewDrop = (shiftId: string, target: DropTarget, isCopy: boolean) =>
    this.store.dropVerdict(shiftId, target, isCopy);

  /** Per day: hours, people on shift, coverage; per week: hours (and the estimated cost). */
  protected readonly totals = computed<GridTotals | null>(() => {
    const week = this.store.week();
    if (!week || this.store.isWall()) return null;
    this.lang();
    const byDay = new Map<string, { minutes: number; people: Set<string>; open: number }>();
    let minutes = 0;
    const everyone = new Set<string>();
    for (const shift of this.store.shifts()) {
      if (shift.siteId !== week.siteId) continue;
      const date = shiftDate(shift);
      const day = byDay.get(date) ?? { minutes: 0, people: new Set<string>(), open: 0 };
      byDay.set(date, day);
      if (shift.personId === null) {
        day.open++;
        continue;
      }
      const worked = shiftMinutes(shift);
      day.minutes += worked;
      day.people.add(shift.personId);
      minutes += worked;
      everyone.add(shift.personId);
    }
    const coverage = new Map<string, { gaps: number; block: boolean }>();
    for (const cell of this.coverage()) {
      const day = coverage.get(cell.date) ?? { gaps: 0, block: false };
      coverage.set(cell.date, day);
      if (cell.state !== 'ok') {
        day.gaps++;
        day.block ||= cell.state === 'block';
      }
    }
    return {
      week: {
        text: `${duration(minutes)} · ${this.t('totals.people', { count: everyone.size })}`,
        cost: this.costText(week.totals),
      },
      days: this.store.days().map((date) => {
        const day = byDay.get(date);
        const cover = coverage.get(date);
        const people = day?.people.size ?? 0;
        return {
          date,
          hours: day?.minutes ? duration(day.minutes) : '—',
          people: [
            people > 0 ? this.t('totals.people', { count: people }) : '',
            day?.open ? this.t('totals.open', { count: day.open }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
          coverage: cover
            ? cover.gaps === 0
              ? { state: 'ok', text: this.t('totals.covered') }
              : {
                  state: cover.block ? 'block' : 'warn',
                  text: this.t('totals.gaps', { count: cover.gaps }),
                }
            : null,
        };
      }),
    };
  });

  /** The week grid's view (the day view keeps the person view's grid underneath). */
  protected readonly gridView = computed(() =>
    this.view() === 'location' ? 'location' : 'person',
  );
  protected readonly rows = computed(() =>
    this.view() === 'person' ? this.store.personRows() : this.store.locationRows(),
  );
  private readonly overlay = computed(() =>
    proposalOverlay({
      cells: this.view() === 'person' ? this.store.cellsByPerson() : this.store.cellsByLocation(),
      proposal: this.proposal(),
      view: this.gridView(),
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

  /**
   * What is drawn after the grid, one task each, so that no single task holds the page for long
   * and the week shows sooner: 0 the grid alone, 1 the coverage under it and the legend, 2 the
   * checks panel beside it. Each follows within a frame; the parts under the grid come after it,
   * so nothing already on screen moves when they arrive.
   */
  protected readonly drawnAfterGrid = signal(0);

  constructor() {
    void this.store.loadSites();
    // Locale data the grid's first drawing needs, built while the week is being fetched.
    setTimeout(() => warmUpFormats(this.lang() === 'en' ? 'en' : 'fr'));
    effect(() => {
      if (!this.store.week() || untracked(this.drawnAfterGrid) > 0) return;
      setTimeout(() => {
        this.drawnAfterGrid.set(1);
        setTimeout(() => this.drawnAfterGrid.set(2));
      });
    });
    // Load the site-week the URL names (or the caller's first site, this week).
    effect(() => {
      const siteId = this.siteId();
      const week = this.week();
      if (!siteId) return;
      untracked(() => {
        this.refusal.set(null);
        this.publishTried.set(false);
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
    await this.bulkWithPreview('copy');
  }

  protected async applyTemplates(): Promise<void> {
    await this.bulkWithPreview('templates');
  }

  /**
   * A copied week or the templates: the preview first (what is added, what is skipped and why),
   * then, if confirmed, one batch that *Annuler* removes at once.
   */
  private async bulkWithPreview(kind: 'copy' | 'templates'): Promise<void> {
    const call = (dryRun: boolean) =>
      kind === 'copy'
        ? this.store.copyPreviousWeek(true, dryRun)
        : this.store.applyTemplates(dryRun);
    const preview = await call(true);
    if (!preview || typeof preview !== 'object') {
      this.fail(preview ?? this.t('messages.failed'));
      return;
    }
    const data: BulkPreviewDialogData = {
      kind,
      weekNumber: this.weekNo(),
      preview,
      locations: this.store.locations(),
    };
    const confirmed = await this.openDialog<boolean | undefined>(
      () =>
        import('./components/bulk-preview-dialog.component').then(
          (m) => m.BulkPreviewDialogComponent,
        ),
      { data, autoFocus: 'first-tabbable', width: '40rem' },
    );
    if (!confirmed) return;
    const result = await call(false);
    if (result && typeof result === 'object') {
      this.say(
        result.created === 0
          ? this.t('planner.bulk.nothingDone')
          : this.t('planner.bulk.done', {
              created: result.created,
              open: result.added.filter((item) => item.unassigned).length,
              skipped: result.skipped.length,
            }),
      );
    } else {
      this.fail(result ?? this.t('messages.failed'));
    }
  }

  protected async publish(): Promise<void> {
    const week = this.store.week();
    if (!week) return;
    const blocking = this.store.blocking();
    if (blocking.length > 0) {
      // Never disabled: the button explains what stands in the way, on screen and aloud.
      this.publishTried.set(true);
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
      isFirst: week.version === 0,
      review: await this.store.publishReview(),
      shiftCount: this.store.shifts().length,
      changes: week.unpublishedChanges,
      warnings: this.store
        .violations()
        .filter((v) => v.severity === 'warn')
        .map(describeViolation),
      names: this.names(),
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

  /** A drop in the day view: another location, and new times when dragged along the axis. */
  protected onDayDrop(drop: DayShiftDrop): void {
    if (!drop.start || !drop.end) {
      this.onDrop(drop);
      return;
    }
    const times = { start: drop.start, end: drop.end };
    const shift = this.store.shifts().find((one) => one.id === drop.shiftId);
    if (!shift) return;
    if (drop.isCopy) {
      void this.run(
        () =>
          this.store.create(
            {
              personId: shift.personId,
              locationId: drop.target.locationId ?? shift.locationId,
              activity: shift.activity,
              breakMinutes: shift.breakMinutes,
              note: shift.note,
              ...times,
            },
            'copy',
          ),
        drop.target.date,
      );
      return;
    }
    void this.run(
      () =>
        this.store.update(shift.id, {
          ...times,
          locationId: drop.target.locationId ?? shift.locationId,
        }),
      drop.target.date,
      shift.id,
    );
  }

  protected async onCreate(target: DropTarget | DayCreateTarget): Promise<void> {
    await this.openShiftDialog({
      mode: 'create',
      date: target.date,
      locations: this.store.locations(),
      templates: this.store.templates(),
      locationId: target.locationId,
      save: (result) =>
        this.run(
          () =>
            this.store.create({
              personId: target.personId ?? null,
              locationId: result.locationId,
              activity: result.activity,
              ...instantsOf(target.date, result.startTime, result.endTime, result.endsNextDay),
              breakMinutes: result.breakMinutes,
              note: result.note,
            }),
          target.date,
          undefined,
          true,
        ),
    });
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
        await this.openShiftDialog({
          mode: 'edit',
          date,
          locations: this.store.locations(),
          templates: this.store.templates(),
          shift,
          save: (result) =>
            this.run(
              () =>
                this.store.update(shift.id, {
                  locationId: result.locationId,
                  activity: result.activity,
                  ...instantsOf(date, result.startTime, result.endTime, result.endsNextDay),
                  breakMinutes: result.breakMinutes,
                  note: result.note,
                }),
              date,
              shift.id,
              true,
            ),
        });
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
      case 'candidates':
        await this.openCandidates(shift);
        return;
      case 'delete':
        // Suppr on a picked chip deletes the whole selection.
        if (this.selectedIds().length > 1 && this.selection().has(shift.id)) {
          await this.deleteSelection();
          return;
        }
        await this.run(() => this.store.remove(shift.id), date);
        return;
    }
  }

  // ---------- the selection: several shifts moved or deleted in one undoable step ----------

  protected async deleteSelection(): Promise<void> {
    const ids = this.selectedIds();
    if (ids.length === 0) return;
    this.afterBulk(await this.store.bulkDelete(ids), 'deleted', ids.length);
  }

  protected async moveSelection(): Promise<void> {
    const ids = this.selectedIds();
    if (ids.length === 0) return;
    const data: BulkMoveDialogData = {
      count: ids.length,
      people: this.store.personRows().map((row) => ({
        id: row.personId,
        name: row.personId ? row.name : this.t('grid.open'),
      })),
    };
    const choice = await this.openDialog<BulkMoveChoice | undefined>(
      () =>
        import('./components/bulk-move-dialog.component').then((m) => m.BulkMoveDialogComponent),
      { data },
    );
    if (!choice) return;
    this.afterBulk(await this.store.bulkMove(ids, choice), 'moved', ids.length);
  }

  protected clearSelection(): void {
    this.selection.set(new Set());
  }

  private afterBulk(outcome: ActionOutcome, key: 'deleted' | 'moved', count: number): void {
    if (!outcome.ok) {
      this.fail(
        outcome.isConflict
          ? `${this.t('messages.conflict')} ${outcome.message ?? ''}`.trim()
          : (outcome.message ?? this.t('messages.failed')),
      );
      return;
    }
    this.clearSelection();
    const sentence = this.t(`selection.${key}`, { count });
    this.announcer.announce(sentence, 'polite');
    this.snackBar
      .open(sentence, this.t('actions.undo'), { duration: 10000 })
      .onAction()
      .subscribe(() => void this.undo());
  }

  /**
   * Hook for the grid: who can take an open shift (or, given a requirement and a day, an uncovered
   * need), one click to assign. E.g. clicking an open shift calls `openCandidates(shift)`.
   */
  protected async openCandidates(
    target: Pick<Shift, 'id'> | { requirementId: string; date: string },
  ): Promise<void> {
    await this.plannerActions.openCandidates(target);
  }

  protected onViolation(violation: { shiftIds: string[]; personId?: string }): void {
    this.highlighted.set(new Set(violation.shiftIds));
    const day = this.dayView();
    if (day) {
      for (const id of violation.shiftIds) if (day.focusShift(id)) return;
      // Not on the day shown: the week shows it.
      this.view.set('person');
      setTimeout(() => this.onViolation(violation));
      return;
    }
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

  /** The dialog saves through `data.save`; it closes with what was saved, once saved. */
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
   * then the server's answer confirms or reverts. `isFromDialog`: a refusal is told in the dialog
   * that stays open, not in a snackbar behind it.
   */
  private async run(
    action: () => Promise<ActionOutcome>,
    date: string | null,
    focusId?: string,
    isFromDialog = false,
  ): Promise<ActionOutcome> {
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
      if (focusId)
        setTimeout(() => this.grid()?.focusShift(focusId) ?? this.dayView()?.focusShift(focusId));
    } else if (isFromDialog) {
      // The dialog shows the refusal beside its buttons (role=alert) and keeps the input.
    } else if (outcome.isConflict) {
      this.fail(`${this.t('messages.conflict')} ${outcome.message ?? ''}`.trim());
    } else {
      this.fail(outcome.message ?? this.t('messages.failed'));
    }
    return outcome;
  }

  /** "Coût estimé : 6 540 €" from the server's total (HR, admin, the site's managers). */
  private costText(totals: RotaWeek['totals'] | undefined): string | null {
    if (!totals || totals.labourCostCents === null) return null;
    const cost = EUROS.format(totals.labourCostCents / 100);
    const missing = totals.peopleWithoutCost
      ? ` ${this.t('totals.costMissing', { count: totals.peopleWithoutCost })}`
      : '';
    return `${this.t('totals.cost', { cost })}${missing}`;
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
