import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Location, RotaPerson, Severity, Shift, Violation } from '@relais/api-types';
import { PERSON_WIDE_RULES, ruleShortLabel } from '@relais/rules';
import { ACTIVITY_ICONS, SEVERITY_MARKS, STATE_MARKS } from '../marks';
import {
  dayHeader,
  DropTarget,
  DropVerdict,
  duration,
  GridRow,
  HourCounter,
  longDay,
  premiumWords,
  shiftRange,
  worstSeverity,
} from '../rota.model';

export type ShiftAction = 'edit' | 'move' | 'duplicate' | 'open' | 'candidates' | 'delete';

export interface ShiftDrop {
  shiftId: string;
  target: DropTarget;
  isCopy: boolean;
}

/** Per-day and per-week sums under the grid, in words already. */
export interface GridTotals {
  week: { text: string; cost: string | null };
  days: {
    date: string;
    hours: string;
    people: string;
    coverage: { state: 'ok' | 'warn' | 'block'; text: string } | null;
  }[];
}

interface CellTarget extends DropTarget {
  rowKey: string;
  isAbsent: boolean;
}

function dropTargetOf(cell: CellTarget): DropTarget {
  const target: DropTarget = { date: cell.date };
  if (cell.personId !== undefined) target.personId = cell.personId;
  if (cell.locationId !== undefined) target.locationId = cell.locationId;
  return target;
}

/** A press on a chip that becomes a drag once the pointer has moved a little. */
interface Press {
  shift: Shift;
  chip: HTMLElement;
  from: { r: number; c: number };
  x: number;
  y: number;
  pointerId: number;
}

/** Pixels the pointer must travel before a press is a drag (a click below that). */
const DRAG_THRESHOLD = 5;

/** "Repos 11 h, Pause après 6 h": the distinct rules of a list, in a few words each. */
function shortNames(violations: readonly Violation[]): string {
  return [...new Set(violations.map((violation) => ruleShortLabel(violation.rule)))].join(', ');
}

const COUNTER_SIGNS = { under: '▼', over: '▲', on: '✓', none: '' } as const;
const COUNTER_WORDS = {
  under: 'rota.grid.counterUnder',
  over: 'rota.grid.counterOver',
  on: 'rota.grid.counterOn',
  none: 'rota.grid.counterOn',
} as const;

/** Everything a chip shows, worked out once per change of the week (not per change detection). */
interface ChipView {
  shift: Shift;
  /** "chip act-accueil draft …": the classes that follow the data. */
  classes: string;
  range: string;
  icon: string;
  /** Activity in the person view, the person's name in the location view. */
  what: string;
  /** Location code when the shift is not at the site's own desk. */
  code: string | null;
  /** A training session's title. */
  note: string | null;
  /** Changed since the last publication (never on a week not yet published). */
  isModified: boolean;
  isProposed: boolean;
  isRemoved: boolean;
  /** The worst problem touching this very shift (a weekly total shows on the row instead). */
  severity: Severity | null;
  severityLabel: string;
  /** The rules' short names, for the mark: "Repos 11 h". */
  rules: string;
  title: string;
  canDrag: boolean;
}

/** The week grid: rows (people or locations) × days, chips draggable between cells. */
@Component({
  selector: 'app-week-grid',
  imports: [MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './week-grid.component.html',
  styleUrl: './week-grid.component.scss',
  // One set of listeners for the whole grid (chips carry none): keys, focus, clicks and presses.
  host: {
    '(keydown)': 'onKeydown($event)',
    '(keyup)': 'onKeyup($event)',
    '(focusin)': 'onFocusIn($event)',
    '(click)': 'onClick($event)',
    '(pointerdown)': 'onPointerDown($event)',
  },
})
export class WeekGridComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly menuTrigger = viewChild.required(MatMenuTrigger);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  readonly view = input<'person' | 'location'>('person');
  readonly weekNumber = input.required<number>();
  readonly rows = input.required<GridRow[]>();
  readonly days = input.required<string[]>();
  readonly holidays = input<string[]>([]);
  /** Days the site is closed and nobody works: their columns are narrower. */
  readonly closedDays = input<ReadonlySet<string>>(new Set());
  readonly cells = input.required<Map<string, Shift[]>>();
  readonly violationsByShift = input<Map<string, Violation[]>>(new Map());
  /** The week's problems, for those about a person's week as a whole (shown on their row). */
  readonly violations = input<readonly Violation[]>([]);
  readonly counters = input<Map<string, HourCounter>>(new Map());
  readonly people = input<RotaPerson[]>([]);
  readonly locations = input<Location[]>([]);
  /** "personId|date" → absence word key, for greyed cells. */
  readonly absences = input<Map<string, string>>(new Map());
  readonly highlighted = input<ReadonlySet<string>>(new Set());
  /** Shifts picked for a bulk action: Ctrl, ⌘ or Maj + clic, or Espace on a chip. */
  readonly selection = model<ReadonlySet<string>>(new Set());
  readonly canEdit = input(false);
  /** Whether the week was ever published: before that, nothing is "modifié". */
  readonly hasPublication = input(false);
  /** Sums under the grid; none on a mediator's wall week. */
  readonly totals = input<GridTotals | null>(null);
  /** What dropping a shift on a cell would do, asked while it is dragged over the cell. */
  readonly previewDrop = input<
    ((shiftId: string, target: DropTarget, isCopy: boolean) => DropVerdict | null) | null
  >(null);
  /** Contract types under names: the planner's grid; never on a mediator's wall week. */
  readonly showsContracts = input(true);
  /** Auto-fill preview: proposed shift ids (dashed) and shifts it would remove (struck). */
  readonly preview = input<{ added: ReadonlySet<string>; removed: ReadonlySet<string> }>({
    added: new Set(),
    removed: new Set(),
  });

  readonly dropped = output<ShiftDrop>();
  readonly createAt = output<DropTarget>();
  readonly action = output<{ action: ShiftAction; shift: Shift }>();

  protected readonly active = signal<[number, number]>([0, 0]);
  protected readonly severityIcons = SEVERITY_MARKS;
  protected readonly verdictIcons = STATE_MARKS;
  protected readonly coverageIcons = STATE_MARKS;
  protected readonly counterSigns = COUNTER_SIGNS;
  /** The shift being dragged, once a press has moved past the threshold. */
  protected readonly dragging = signal<Shift | null>(null);
  /** The cell under a dragged shift and what dropping it there would do. */
  protected readonly hover = signal<{ r: number; c: number; verdict: DropVerdict } | null>(null);
  protected readonly menuShift = signal<Shift | null>(null);
  protected readonly anchor = signal({ x: 0, y: 0 });
  private press: Press | null = null;
  private ghost: HTMLElement | null = null;
  private menuChip: HTMLElement | null = null;
  private suppressClick = false;
  /** Space has just picked a chip: the click the button makes of it opens no menu. */
  private spaceToggled = false;
  private verdicts = new Map<string, DropVerdict | null>();
  protected readonly proposedMark = computed(() => this.word('rota.autoFill.proposed'));
  protected readonly removedMark = computed(() => this.word('rota.autoFill.removedMark'));
  protected readonly modifiedMark = computed(() => this.word('rota.grid.modified'));
  protected readonly verdictWords = computed(() => ({
    ok: this.word('rota.drop.ok'),
    warn: this.word('rota.drop.warn'),
    block: this.word('rota.drop.block'),
  }));

  protected readonly dayHeaders = computed(() => {
    const lang = this.lang() === 'en' ? 'en' : 'fr';
    const holidays = new Set(this.holidays());
    const closed = this.closedDays();
    return this.days().map((date) => ({
      isClosed: closed.has(date),
      date,
      label: dayHeader(date, lang),
      long: longDay(date, lang),
      isHoliday: holidays.has(date),
    }));
  });
  private readonly peopleById = computed(
    () => new Map(this.people().map((person) => [person.id, person])),
  );
  private readonly locationsById = computed(
    () => new Map(this.locations().map((location) => [location.id, location])),
  );

  /** Rows × days with their chips; recomputed when the week, the checks or the language change. */
  protected readonly table = computed(() => {
    const lang = this.lang();
    const view = this.view();
    const days = this.dayHeaders();
    const cells = this.cells();
    const absences = this.absences();
    const counters = this.counters();
    const peopleById = this.peopleById();
    const canEdit = this.canEdit();
    const { added, removed } = this.preview();
    const hasPublication = this.hasPublication();
    const personWide = new Map<string, Violation[]>();
    for (const violation of this.violations()) {
      // The hours' shortfall or excess already reads on the row's counter.
      if (!violation.personId || !PERSON_WIDE_RULES.has(violation.rule)) continue;
      if (violation.rule === 'CONTRACT_HOURS_UNDER') continue;
      personWide.set(violation.personId, [
        ...(personWide.get(violation.personId) ?? []),
        violation,
      ]);
    }
    // One lookup per distinct key: the same few words recur on every chip.
    const words = new Map<string, string>();
    const t = (key: string, params?: Record<string, unknown>): string => {
      if (params) return this.transloco.translate(key, params, lang);
      const known = words.get(key);
      if (known !== undefined) return known;
      const word = this.transloco.translate<string>(key, {}, lang);
      words.set(key, word);
      return word;
    };
    return this.rows().map((row) => {
      const name = row.kind === 'open' ? t('rota.grid.open') : row.name;
      const person = row.personId ? (peopleById.get(row.personId) ?? null) : null;
      const counter = row.personId ? (counters.get(row.personId) ?? null) : null;
      const wide = row.personId ? (personWide.get(row.personId) ?? []) : [];
      const wideSeverity = worstSeverity(wide);
      return {
        row,
        name,
        guest: row.kind === 'guest' ? t('rota.grid.guest') : null,
        contract:
          person && this.showsContracts()
            ? t(person.contract ? `contractTypes.${person.contract.type}` : 'rota.grid.noContract')
            : null,
        counter,
        hours: counter ? `${duration(counter.planned)} / ${duration(counter.target)}` : '',
        // The arrow says the sign (▼ under, ▲ over), the words say it to a screen reader.
        delta: counter && counter.state !== 'on' ? duration(Math.abs(counter.delta)) : '',
        premiums: counter ? premiumWords(counter.bands, t) : '',
        counterWord: counter ? t(COUNTER_WORDS[counter.state]) : '',
        mark:
          wideSeverity && wideSeverity !== 'info'
            ? {
                severity: wideSeverity,
                text: shortNames(wide.filter((v) => v.severity === wideSeverity)),
              }
            : null,
        cells: days.map((day) => {
          const date = day.date;
          const absence = row.personId ? absences.get(`${row.personId}|${date}`) : undefined;
          const target: CellTarget =
            view === 'person'
              ? { rowKey: row.key, date, personId: row.personId, isAbsent: !!absence }
              : { rowKey: row.key, date, locationId: row.locationId ?? undefined, isAbsent: false };
          const shifts = cells.get(`${row.key}|${date}`) ?? [];
          return {
            date,
            day,
            target,
            shifts,
            absence: absence ? t(`rota.grid.${absence}`) : null,
            label:
              shifts.length === 0 && !absence
                ? t('rota.grid.emptyCell', { row: name, day: day.long })
                : null,
            chips: shifts.map((shift) =>
              this.chip(shift, view, canEdit, hasPublication, added, removed, t),
            ),
          };
        }),
      };
    });
  });

  private chip(
    shift: Shift,
    view: 'person' | 'location',
    canEdit: boolean,
    hasPublication: boolean,
    added: ReadonlySet<string>,
    removed: ReadonlySet<string>,
    t: (key: string) => string,
  ): ChipView {
    // A weekly total or a contract term belongs to the row, not to each of the person's shifts.
    const problems = (this.violationsByShift().get(shift.id) ?? []).filter(
      (violation) => !PERSON_WIDE_RULES.has(violation.rule) && violation.severity !== 'info',
    );
    const severity = worstSeverity(problems);
    const isModified = hasPublication && shift.isChangedSincePublication;
    const isOpen = shift.personId === null;
    const location = view === 'person' ? this.locationsById().get(shift.locationId) : undefined;
    const canDrag = canEdit && !shift.trainingSessionId;
    let classes = `chip act-${shift.activity}`;
    if (isModified) classes += ' modified';
    if (isOpen) classes += ' open';
    if (canDrag) classes += ' can-drag';
    if (severity === 'block') classes += ' sev-block';
    if (severity === 'warn') classes += ' sev-warn';
    if (added.has(shift.id)) classes += ' proposed';
    if (removed.has(shift.id)) classes += ' removed';
    const what =
      view === 'location' ? this.personName(shift) : t(`rota.activities.${shift.activity}`);
    const code = location && location.kind !== 'site' ? location.code : null;
    const rules = severity ? shortNames(problems.filter((v) => v.severity === severity)) : '';
    return {
      shift,
      classes,
      range: shiftRange(shift),
      icon: ACTIVITY_ICONS[shift.activity] ?? '',
      what,
      code,
      note: shift.trainingSessionId && shift.note ? shift.note : null,
      isModified,
      isProposed: added.has(shift.id),
      isRemoved: removed.has(shift.id),
      severity,
      severityLabel: severity ? t(`rota.severity.${severity}`) : '',
      rules,
      title: [shiftRange(shift), what, code, rules].filter(Boolean).join(' · '),
      canDrag,
    };
  }

  /** A translation that follows the language. */
  private word(key: string): string {
    return this.transloco.translate(key, {}, this.lang());
  }

  protected personName(shift: Shift): string {
    const person = shift.personId ? this.peopleById().get(shift.personId) : null;
    return person
      ? `${person.firstName} ${person.lastName}`
      : this.transloco.translate('rota.grid.open');
  }

  protected fill(counter: HourCounter): number {
    const scale = counter.ceiling ?? counter.target;
    return scale > 0 ? Math.min(100, (counter.planned / scale) * 100) : 0;
  }

  protected tick(counter: HourCounter): number {
    return counter.ceiling ? (counter.target / counter.ceiling) * 100 : 100;
  }

  protected isActive(r: number, c: number): boolean {
    const [ar, ac] = this.active();
    return ar === r && ac === c;
  }

  // ---------- drag and drop (pointer events, one set of listeners for the whole grid) ----------

  constructor() {
    const move = (event: PointerEvent) => this.onPointerMove(event);
    const up = (event: PointerEvent) => this.onPointerUp(event);
    const cancel = () => this.endDrag();
    const key = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && this.press) this.endDrag();
    };
    document.addEventListener('pointermove', move);
    document.addEventListener('pointerup', up);
    document.addEventListener('pointercancel', cancel);
    document.addEventListener('keydown', key);
    inject(DestroyRef).onDestroy(() => {
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', up);
      document.removeEventListener('pointercancel', cancel);
      document.removeEventListener('keydown', key);
      this.endDrag();
    });
  }

  /**
   * A mouse or pen press on a chip may become a drag. On touch, a press is a tap (the chip's menu
   * moves it): the finger scrolls the week.
   */
  protected onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || event.pointerType === 'touch' || !this.canEdit()) return;
    const chip = (event.target as HTMLElement).closest<HTMLElement>('.chip.can-drag');
    const cell = chip?.closest<HTMLElement>('td[data-r]');
    const shift = chip && cell ? this.shiftOf(chip, cell) : null;
    if (!chip || !cell || !shift) return;
    this.press = {
      shift,
      chip,
      from: { r: Number(cell.dataset['r']), c: Number(cell.dataset['c']) },
      x: event.clientX,
      y: event.clientY,
      pointerId: event.pointerId,
    };
  }

  private onPointerMove(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    if (!this.dragging()) {
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) < DRAG_THRESHOLD) return;
      this.startDrag(press);
    }
    event.preventDefault();
    if (this.ghost) {
      this.ghost.style.transform = `translate(${event.clientX + 8}px, ${event.clientY + 8}px)`;
    }
    const cell = document
      .elementFromPoint(event.clientX, event.clientY)
      ?.closest<HTMLElement>('td[data-r]');
    if (!cell || !this.host.nativeElement.contains(cell)) {
      this.hover.set(null);
      return;
    }
    const r = Number(cell.dataset['r']);
    const c = Number(cell.dataset['c']);
    const current = this.hover();
    if (current && current.r === r && current.c === c) return;
    const verdict = this.verdictAt(press, r, c, event.altKey);
    this.hover.set(verdict ? { r, c, verdict } : null);
  }

  private onPointerUp(event: PointerEvent): void {
    const press = this.press;
    if (!press || event.pointerId !== press.pointerId) return;
    const hover = this.hover();
    const wasDragging = this.dragging() !== null;
    this.endDrag();
    if (!wasDragging) return;
    // The click that follows the release is the drop's, not the chip's menu.
    this.suppressClick = true;
    setTimeout(() => (this.suppressClick = false));
    if (!hover) return;
    const target = this.table()[hover.r]?.cells[hover.c]?.target;
    if (!target || target.isAbsent) return;
    const isCopy = event.altKey;
    const same = hover.r === press.from.r && hover.c === press.from.c;
    if (same && !isCopy) return;
    this.dropped.emit({ shiftId: press.shift.id, target: dropTargetOf(target), isCopy });
  }

  private startDrag(press: Press): void {
    this.verdicts = new Map();
    this.dragging.set(press.shift);
    press.chip.classList.add('is-dragged');
    const ghost = press.chip.cloneNode(true) as HTMLElement;
    ghost.classList.add('drag-ghost');
    ghost.removeAttribute('data-shift-id');
    ghost.setAttribute('aria-hidden', 'true');
    ghost.style.width = `${press.chip.offsetWidth}px`;
    document.body.appendChild(ghost);
    this.ghost = ghost;
  }

  private endDrag(): void {
    this.press?.chip.classList.remove('is-dragged');
    this.press = null;
    this.ghost?.remove();
    this.ghost = null;
    this.dragging.set(null);
    this.hover.set(null);
  }

  /** Whether the shift may land on a cell, and what the rules would say of it there. */
  private verdictAt(press: Press, r: number, c: number, isCopy: boolean): DropVerdict | null {
    const target = this.table()[r]?.cells[c]?.target;
    if (!target) return null;
    if (target.isAbsent) return { state: 'block', rules: this.word('rota.grid.absentDay') };
    if (r === press.from.r && c === press.from.c && !isCopy) return null;
    const key = `${r}|${c}|${isCopy}`;
    if (!this.verdicts.has(key)) {
      const judge = this.previewDrop();
      this.verdicts.set(key, judge ? judge(press.shift.id, dropTargetOf(target), isCopy) : null);
    }
    return this.verdicts.get(key) ?? null;
  }

  private shiftOf(chip: HTMLElement, cell: HTMLElement): Shift | null {
    const data = this.table()[Number(cell.dataset['r'])]?.cells[Number(cell.dataset['c'])];
    return data?.shifts.find((shift) => shift.id === chip.dataset['shiftId']) ?? null;
  }

  // ---------- the chip's menu and the empty cell's quick create ----------

  /** A click on a chip opens its actions; on an empty cell, the quick-create dialog. */
  protected onClick(event: MouseEvent): void {
    if (this.suppressClick) {
      event.stopPropagation();
      return;
    }
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('td[data-r]');
    if (!cell) return;
    const chip = target.closest<HTMLElement>('.chip');
    const data = this.table()[Number(cell.dataset['r'])]?.cells[Number(cell.dataset['c'])];
    if (!data) return;
    if (chip) {
      const shift = this.shiftOf(chip, cell);
      if (!shift || !this.canEdit() || shift.trainingSessionId) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey) this.toggleSelected(shift);
      else if (event.detail === 0 && this.spaceToggled) this.spaceToggled = false;
      else this.openMenu(chip, shift);
      return;
    }
    if (data.shifts.length === 0 && this.canEdit()) this.create(data.target);
  }

  private openMenu(chip: HTMLElement, shift: Shift): void {
    const host = this.host.nativeElement.getBoundingClientRect();
    const rect = chip.getBoundingClientRect();
    this.anchor.set({ x: rect.left - host.left, y: rect.bottom - host.top });
    this.menuShift.set(shift);
    this.menuChip = chip;
    // The anchor has moved: the menu opens once it is drawn there.
    setTimeout(() => this.menuTrigger().openMenu());
  }

  protected onMenuClosed(): void {
    const chip = this.menuChip;
    this.menuChip = null;
    // Back to the chip, unless an action took the focus elsewhere (a dialog).
    setTimeout(() => {
      const active = document.activeElement;
      if (chip?.isConnected && (!active || active === document.body)) chip.focus();
    });
  }

  protected onFocusIn(event: FocusEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (cell) this.active.set([Number(cell.dataset['r']), Number(cell.dataset['c'])]);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-r]');
    if (!cell) return;
    const r = Number(cell.dataset['r']);
    const c = Number(cell.dataset['c']);
    const isChip = target.classList.contains('chip');
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      if (isChip && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        const chips = [...cell.querySelectorAll<HTMLElement>('.chip')];
        const next = chips[chips.indexOf(target) + move[0]];
        if (next) {
          next.focus();
          return;
        }
      }
      this.focusCell(
        Math.max(0, Math.min(this.rows().length - 1, r + move[0])),
        Math.max(0, Math.min(this.days().length - 1, c + move[1])),
      );
      return;
    }
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      this.focusCell(r, event.key === 'Home' ? 0 : this.days().length - 1);
      return;
    }
    const data = this.table()[r]?.cells[c];
    if (!data) return;
    if (isChip) {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (this.selection().size > 0) this.selection.set(new Set());
        else cell.focus();
      } else if (event.key === ' ' && this.canEdit()) {
        // Space picks the chip for a bulk action (Enter opens its actions); the click a button
        // makes of Space is not the menu's.
        event.preventDefault();
        const shift = data.shifts.find((candidate) => candidate.id === target.dataset['shiftId']);
        if (shift && !shift.trainingSessionId) {
          this.spaceToggled = true;
          this.toggleSelected(shift);
        }
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && this.canEdit()) {
        event.preventDefault();
        const shift = data.shifts.find((candidate) => candidate.id === target.dataset['shiftId']);
        if (shift) this.action.emit({ action: 'delete', shift });
      } else if ((event.key === 'n' || event.key === 'N') && this.canEdit()) {
        event.preventDefault();
        this.create(data.target);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const first = cell.querySelector<HTMLElement>('.chip');
      if (first) first.focus();
      else if (this.canEdit()) this.create(data.target);
    } else if ((event.key === 'n' || event.key === 'N') && this.canEdit()) {
      event.preventDefault();
      this.create(data.target);
    }
  }

  protected onKeyup(event: KeyboardEvent): void {
    // The button's click for Space (if the browser makes one) comes right after its keyup.
    if (event.key === ' ' && this.spaceToggled) setTimeout(() => (this.spaceToggled = false));
  }

  protected toggleSelected(shift: Shift): void {
    const next = new Set(this.selection());
    if (next.has(shift.id)) next.delete(shift.id);
    else next.add(shift.id);
    this.selection.set(next);
  }

  protected create(target: CellTarget): void {
    if (target.isAbsent) return;
    this.createAt.emit(dropTargetOf(target));
  }

  protected emit(action: ShiftAction, shift: Shift): void {
    this.action.emit({ action, shift });
  }

  focusCell(r: number, c: number): void {
    this.active.set([r, c]);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)?.focus();
  }

  /** Moves focus to a shift's chip (after a move, or from the violations panel). */
  focusShift(shiftId: string): boolean {
    const chip = [...this.host.nativeElement.querySelectorAll<HTMLElement>('.chip')].find(
      (candidate) => candidate.dataset['shiftId'] === shiftId,
    );
    if (!chip) return false;
    chip.focus();
    chip.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    return true;
  }
}
