import {
  CdkDrag,
  CdkDragDrop,
  CdkDragMove,
  CdkDragPreview,
  CdkDropList,
  CdkDropListGroup,
} from '@angular/cdk/drag-drop';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  CoverageRequirement,
  Location,
  OpeningHours,
  Severity,
  Shift,
  Violation,
} from '@relais/api-types';
import { PERSON_WIDE_RULES, resolveRuleSettings, RuleSettings } from '@relais/rules';
import {
  assignSubLanes,
  clockOf,
  CoverageGap,
  CoverageRun,
  dayBounds,
  DayBounds,
  dayNeeds,
  DayPerson,
  hourTicks,
  laneCoverage,
  minuteAtX,
  minuteOfDay,
  minutesForPixels,
  movedTimes,
  openingSpans,
  percentAt,
  shiftsOfDay,
  snappedMove,
  stepMove,
} from '../day-view.model';
import { ACTIVITY_ICONS, SEVERITY_MARKS } from '../marks';
import { DropTarget, locationRows, longDay, worstSeverity } from '../rota.model';
import { ShiftAction, ShiftDrop } from './week-grid.component';

/** A drop in the day view: another location and/or new times (moved along the time axis). */
export interface DayShiftDrop extends ShiftDrop {
  /** New start and end when the shift moved in time; absent when only the location changed. */
  start?: string;
  end?: string;
}

/** Where to create a shift: the day and location, and the quarter hour clicked ("HH:MM"), if any. */
export interface DayCreateTarget extends DropTarget {
  locationId: string;
  start?: string;
}

interface BarView {
  shift: Shift;
  classes: string;
  left: number;
  width: number;
  subLane: number;
  from: number;
  to: number;
  name: string;
  range: string;
  icon: string;
  activity: string;
  place: string;
  isDraft: boolean;
  severity: Severity | null;
  severityText: string;
  canDrag: boolean;
  hasMenu: boolean;
}

interface RunView extends CoverageRun {
  left: number;
  width: number;
  height: number;
  needAt: number | null;
}

interface LaneView {
  location: Location;
  bars: BarView[];
  subLanes: number;
  runs: RunView[];
  gaps: (CoverageGap & { left: number; width: number })[];
  opening: { left: number; width: number }[];
  gapTexts: string[];
  emptyLabel: string | null;
  /** Something is needed at this location on the day (the head then says covered or not). */
  hasNeeds: boolean;
}

/**
 * One day of a site, hour by hour: a lane per location with its shifts as bars placed by time,
 * and under each the people present by quarter hour against what is needed, gaps hatched.
 * Same drag and drop and keyboard as the week grid, plus moves along the time axis.
 */
@Component({
  selector: 'app-day-view',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, CdkDragPreview, MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './day-view.component.html',
  styleUrl: './day-view.component.scss',
  host: { '(keydown)': 'onKeydown($event)', '(focusin)': 'onFocusIn($event)' },
})
export class DayViewComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  /** The civil day shown ("2026-12-01"). */
  readonly date = input.required<string>();
  /** The site's locations (one lane each, the site's own desk first). */
  readonly locations = input.required<Location[]>();
  /** Shifts of the week (or of the day): the day's are picked here. */
  readonly shifts = input.required<Shift[]>();
  readonly people = input<DayPerson[]>([]);
  /** The site's weekly opening hours (the day's are picked here). */
  readonly openingHours = input<OpeningHours[]>([]);
  readonly isFranceServices = input(false);
  /** The week's coverage requirements (the weekday's are picked here). */
  readonly requirements = input<CoverageRequirement[]>([]);
  /** The organisation's settings as the week carries them (time zone, France Services staff). */
  readonly settings = input<Partial<RuleSettings>>({});
  readonly holidays = input<string[]>([]);
  readonly violationsByShift = input<Map<string, Violation[]>>(new Map());
  readonly highlighted = input<ReadonlySet<string>>(new Set());
  readonly canEdit = input(false);
  /** Whether the week was ever published: before that, nothing is "modifié". */
  readonly hasPublication = input(false);

  readonly dropped = output<DayShiftDrop>();
  readonly createAt = output<DayCreateTarget>();
  readonly action = output<{ action: ShiftAction; shift: Shift }>();

  protected readonly active = signal(0);
  protected readonly severityIcons = SEVERITY_MARKS;
  protected readonly dragDelay = { touch: 250, mouse: 0 };
  /** "14:30–18:30": where the dragged bar would land, shown on the drag preview. */
  protected readonly dragRange = signal<string | null>(null);
  /** A bar moved by the keyboard gets the focus back once redrawn (in its new lane, if any). */
  private pendingFocus: string | null = null;

  private readonly rules = computed(() => resolveRuleSettings(this.settings()));
  private readonly timeZone = computed(() => this.rules().timeZone);
  private readonly dayShifts = computed(() =>
    shiftsOfDay(this.shifts(), this.date(), this.timeZone()),
  );
  private readonly opening = computed(() => openingSpans(this.openingHours(), this.date()));

  protected readonly bounds = computed<DayBounds>(() => {
    const date = this.date();
    const timeZone = this.timeZone();
    const isClosed = this.holidays().includes(date) && this.rules().closedOnPublicHolidays;
    return dayBounds(
      isClosed ? [] : this.opening(),
      this.dayShifts().map((shift) => ({
        from: minuteOfDay(shift.start, date, timeZone),
        to: minuteOfDay(shift.end, date, timeZone),
      })),
    );
  });

  protected readonly dayLabel = computed(() =>
    longDay(this.date(), this.lang() === 'en' ? 'en' : 'fr'),
  );

  protected readonly ticks = computed(() => {
    const bounds = this.bounds();
    const lang = this.lang();
    return hourTicks(bounds).map((hour) => ({
      hour,
      left: percentAt(hour * 60, bounds),
      label: this.transloco.translate(
        'rota.dayView.hour',
        { h: hour, hh: String(hour).padStart(2, '0') },
        lang,
      ),
    }));
  });

  protected readonly axisLabel = computed(() => {
    const bounds = this.bounds();
    return this.transloco.translate(
      'rota.dayView.axis',
      { from: clockOf(bounds.from), to: clockOf(bounds.to) },
      this.lang(),
    );
  });

  protected readonly openingLabel = computed(() => {
    const isClosed = this.holidays().includes(this.date()) && this.rules().closedOnPublicHolidays;
    const spans = isClosed ? [] : this.opening();
    if (spans.length === 0) return this.transloco.translate('rota.dayView.closed', {}, this.lang());
    const ranges = spans.map((span) => `${clockOf(span.from)}–${clockOf(span.to)}`).join(', ');
    return this.transloco.translate('rota.dayView.opening', { ranges }, this.lang());
  });

  private readonly peopleById = computed(
    () => new Map(this.people().map((person) => [person.id, person])),
  );

  /** Lanes with their bars and coverage; recomputed when the day, the checks or the language change. */
  protected readonly lanes = computed<LaneView[]>(() => {
    const lang = this.lang();
    const date = this.date();
    const timeZone = this.timeZone();
    const bounds = this.bounds();
    const shifts = this.dayShifts();
    const canEdit = this.canEdit();
    const t = (key: string, params: Record<string, unknown> = {}): string =>
      this.transloco.translate(key, params, lang);
    const locations = this.locations();
    const byId = new Map(locations.map((location) => [location.id, location]));
    const ordered = locationRows(locations)
      .map((row) => byId.get(row.locationId ?? ''))
      .filter((location): location is Location => location !== undefined);
    const needs = dayNeeds({
      date,
      locations: ordered,
      isFranceServices: this.isFranceServices(),
      openingHours: this.openingHours(),
      requirements: this.requirements(),
      settings: this.rules(),
      isHoliday: this.holidays().includes(date),
    });
    const coverages = ordered.map((location) =>
      laneCoverage({
        date,
        locationId: location.id,
        shifts,
        people: this.people(),
        needs,
        bounds,
        timeZone,
      }),
    );
    const scale = Math.max(2, ...coverages.map((coverage) => coverage.peak));
    const isClosed = this.holidays().includes(date) && this.rules().closedOnPublicHolidays;
    return ordered.map((location, index) => {
      const own = shifts
        .filter((shift) => shift.locationId === location.id)
        .map((shift) => ({
          shift,
          from: minuteOfDay(shift.start, date, timeZone),
          to: minuteOfDay(shift.end, date, timeZone),
        }))
        .sort((a, b) => a.from - b.from || a.to - b.to);
      const { lanes, count } = assignSubLanes(
        own.map((item) => ({ id: item.shift.id, from: item.from, to: item.to })),
      );
      const { runs, gaps } = coverages[index];
      const span = (from: number, to: number) => {
        const left = percentAt(from, bounds);
        return { left, width: percentAt(to, bounds) - left };
      };
      return {
        location,
        subLanes: count,
        bars: own.map((item) =>
          this.bar(item.shift, item.from, item.to, lanes.get(item.shift.id) ?? 0, location, {
            bounds,
            canEdit,
            t,
          }),
        ),
        runs: runs.map((run) => ({
          ...run,
          ...span(run.from, run.to),
          height: (run.count / scale) * 100,
          needAt: run.need === null ? null : (run.need / scale) * 100,
        })),
        gaps: gaps.map((gap) => ({ ...gap, ...span(gap.from, gap.to) })),
        opening:
          location.kind === 'site' && !isClosed
            ? this.opening().map((range) => span(range.from, range.to))
            : [],
        gapTexts: gaps.map((gap) => this.gapText(gap, location, t)),
        hasNeeds: needs.some((need) => need.locationId === location.id),
        emptyLabel: own.length === 0 ? t('rota.dayView.emptyLane', { place: location.name }) : null,
      };
    });
  });

  protected readonly allGaps = computed(() => this.lanes().flatMap((lane) => lane.gapTexts));

  private bar(
    shift: Shift,
    from: number,
    to: number,
    subLane: number,
    location: Location,
    context: {
      bounds: DayBounds;
      canEdit: boolean;
      t: (key: string, params?: Record<string, unknown>) => string;
    },
  ): BarView {
    const { bounds, canEdit, t } = context;
    // As on the week grid: a weekly total belongs to the person, not to each of their shifts.
    const problems = (this.violationsByShift().get(shift.id) ?? []).filter(
      (violation) => !PERSON_WIDE_RULES.has(violation.rule) && violation.severity !== 'info',
    );
    const severity = worstSeverity(problems);
    const isDraft = this.hasPublication() && shift.isChangedSincePublication;
    let classes = `bar act-${shift.activity}`;
    if (isDraft) classes += ' draft';
    if (shift.personId === null) classes += ' open';
    if (severity === 'block') classes += ' sev-block';
    if (severity === 'warn') classes += ' sev-warn';
    const left = percentAt(from, bounds);
    const person = shift.personId ? this.peopleById().get(shift.personId) : undefined;
    const isEditable = canEdit && !shift.trainingSessionId;
    return {
      shift,
      classes,
      left,
      width: percentAt(to, bounds) - left,
      subLane,
      from,
      to,
      name: person ? `${person.firstName} ${person.lastName}` : t('rota.dayView.open'),
      range: `${clockOf(from)}–${clockOf(to)}`,
      icon: ACTIVITY_ICONS[shift.activity] ?? '',
      activity: t(`rota.activities.${shift.activity}`),
      place: location.name,
      isDraft,
      severity,
      severityText: severity
        ? t('rota.dayView.problems', {
            count: problems.length,
            severity: t(`rota.severity.${severity}`),
          })
        : '',
      canDrag: isEditable,
      hasMenu: isEditable,
    };
  }

  private gapText(
    gap: CoverageGap,
    location: Location,
    t: (key: string, params?: Record<string, unknown>) => string,
  ): string {
    const key =
      gap.kind === 'france_services' ? 'gapTrained' : gap.skill !== null ? 'gapSkill' : 'gapStaff';
    // French puts 0 and 1 in the singular, English only 1.
    const isOne = this.lang() === 'en' ? gap.count === 1 : gap.count <= 1;
    return t(`rota.dayView.${key}.${isOne ? 'one' : 'other'}`, {
      place: location.name,
      count: gap.count,
      need: gap.need,
      skill: gap.skill ? t(`skills.${gap.skill}`) : '',
      from: clockOf(gap.from),
      to: clockOf(gap.to),
    });
  }

  constructor() {
    afterRenderEffect(() => {
      this.lanes();
      const id = this.pendingFocus;
      if (id && this.focusShift(id)) this.pendingFocus = null;
    });
  }

  // ---------- pointer ----------

  protected onDrop(event: CdkDragDrop<string, string, Shift>): void {
    const shift = event.item.data;
    const locationId = event.container.data;
    const width = event.container.element.nativeElement.clientWidth;
    const start = minuteOfDay(shift.start, this.date(), this.timeZone());
    const minutes = snappedMove(start, minutesForPixels(event.distance.x, width, this.bounds()));
    const isCopy = 'altKey' in event.event && event.event.altKey;
    if (!isCopy && minutes === 0 && locationId === shift.locationId) return;
    this.emitMove(shift, locationId, minutes, isCopy);
  }

  protected onDragMoved(event: CdkDragMove<Shift>, from: number, to: number): void {
    // The drag library moves the bar out of its lane while dragging: measure the lane it left.
    const width = event.source.dropContainer?.element.nativeElement.clientWidth ?? 0;
    const raw = minutesForPixels(event.distance.x, width, this.bounds());
    const minutes = snappedMove(from, raw);
    const range = `${clockOf(from + minutes)}–${clockOf(to + minutes)}`;
    if (range !== this.dragRange()) this.dragRange.set(range);
  }

  /** A click on the empty part of a lane creates a shift there, at the quarter hour clicked. */
  protected onTrackClick(event: MouseEvent, location: Location): void {
    const target = event.target as HTMLElement;
    if (!this.canEdit() || target.closest('.bar')) return;
    const track = event.currentTarget as HTMLElement;
    const rect = track.getBoundingClientRect();
    const minute = minuteAtX(event.clientX - rect.left, rect.width, this.bounds());
    this.createAt.emit({ date: this.date(), locationId: location.id, start: clockOf(minute) });
  }

  // ---------- keyboard ----------

  protected onFocusIn(event: FocusEvent): void {
    const lane = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (lane) this.active.set(Number(lane.dataset['r']));
  }

  protected onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const track = target.closest<HTMLElement>('.track[data-r]');
    if (!track) return;
    const r = Number(track.dataset['r']);
    const lane = this.lanes()[r];
    if (!lane) return;
    const isBar = target.classList.contains('bar');
    const bar = isBar
      ? lane.bars.find((item) => item.shift.id === target.dataset['shiftId'])
      : null;
    const key = event.key;
    const isN = key === 'n' || key === 'N';

    if (bar && event.altKey && key.startsWith('Arrow')) {
      event.preventDefault();
      if (!bar.canDrag) return;
      if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const minutes = stepMove(bar.from, key === 'ArrowLeft' ? -1 : 1);
        if (minutes !== 0) this.emitMove(bar.shift, lane.location.id, minutes, false);
      } else {
        const next = this.lanes()[r + (key === 'ArrowUp' ? -1 : 1)];
        if (next) this.emitMove(bar.shift, next.location.id, 0, false);
      }
      this.pendingFocus = bar.shift.id;
      return;
    }

    if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault();
      const next = r + (key === 'ArrowUp' ? -1 : 1);
      if (next < 0 || next >= this.lanes().length) return;
      if (bar) this.focusNearest(next, bar.from);
      else this.focusLane(next);
      return;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End') {
      event.preventDefault();
      const bars = this.barsInOrder(track);
      if (bars.length === 0) return;
      if (!isBar) {
        if (key !== 'ArrowLeft') (key === 'End' ? bars[bars.length - 1] : bars[0]).focus();
        return;
      }
      const index = bars.indexOf(target);
      const next =
        key === 'Home'
          ? 0
          : key === 'End'
            ? bars.length - 1
            : index + (key === 'ArrowLeft' ? -1 : 1);
      if (next < 0) track.focus();
      else bars[Math.min(next, bars.length - 1)].focus();
      return;
    }
    if (isN && this.canEdit()) {
      event.preventDefault();
      this.createAt.emit({ date: this.date(), locationId: lane.location.id });
      return;
    }
    if (bar) {
      if (key === 'Escape') {
        event.preventDefault();
        track.focus();
      } else if ((key === 'Delete' || key === 'Backspace') && bar.hasMenu) {
        event.preventDefault();
        this.action.emit({ action: 'delete', shift: bar.shift });
      }
      // Enter and Space reach the bar's button, which opens its menu.
      return;
    }
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      const first = this.barsInOrder(track)[0];
      if (first) first.focus();
      else if (this.canEdit())
        this.createAt.emit({ date: this.date(), locationId: lane.location.id });
    }
  }

  /** Bars of a lane from left to right (the DOM order is by start already). */
  private barsInOrder(track: HTMLElement): HTMLElement[] {
    return [...track.querySelectorAll<HTMLElement>('.bar')];
  }

  private focusNearest(r: number, from: number): void {
    const lane = this.lanes()[r];
    const track = this.trackElement(r);
    if (!lane || !track) return;
    if (lane.bars.length === 0) {
      this.focusLane(r);
      return;
    }
    const nearest = lane.bars.reduce((best, bar) =>
      Math.abs(bar.from - from) < Math.abs(best.from - from) ? bar : best,
    );
    this.active.set(r);
    this.focusShift(nearest.shift.id);
  }

  private trackElement(r: number): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>(`.track[data-r="${r}"]`);
  }

  private emitMove(shift: Shift, locationId: string, minutes: number, isCopy: boolean): void {
    const drop: DayShiftDrop = {
      shiftId: shift.id,
      target: { date: this.date(), locationId },
      isCopy,
    };
    if (minutes !== 0) Object.assign(drop, movedTimes(shift, minutes, this.timeZone()));
    this.dropped.emit(drop);
  }

  protected emit(action: ShiftAction, shift: Shift): void {
    this.action.emit({ action, shift });
  }

  /** Moves focus to a location's lane. */
  focusLane(r: number): void {
    this.active.set(r);
    this.trackElement(r)?.focus();
  }

  /** Moves focus to a shift's bar (after a move, or from the violations panel). */
  focusShift(shiftId: string): boolean {
    const bar = [...this.host.nativeElement.querySelectorAll<HTMLElement>('.bar')].find(
      (candidate) => candidate.dataset['shiftId'] === shiftId,
    );
    if (!bar) return false;
    bar.focus();
    bar.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    return true;
  }
}
