import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import {
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
import type { Location, RotaPerson, Severity, Shift, Violation } from '@relais/api-types';
import {
  dayHeader,
  DropTarget,
  duration,
  GridRow,
  HourCounter,
  longDay,
  shiftRange,
  worstSeverity,
} from '../rota.model';

export type ShiftAction = 'edit' | 'move' | 'duplicate' | 'open' | 'delete';

export interface ShiftDrop {
  shiftId: string;
  target: DropTarget;
  isCopy: boolean;
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

const ACTIVITY_ICONS: Record<string, string> = {
  accueil: '⌂',
  back_office: '▤',
  permanence: '⚑',
  outreach: '⇄',
  workshop: '✦',
  digital_help: '⌨',
  meeting: '◉',
  training: '✎',
};

const SEVERITY_ICONS = { block: '⛔', warn: '⚠', info: 'ℹ' } as const;

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
  isDraft: boolean;
  isProposed: boolean;
  isRemoved: boolean;
  severity: Severity | null;
  severityLabel: string;
  problems: number;
  canDrag: boolean;
  hasMenu: boolean;
}

/** The week grid: rows (people or locations) × days, chips draggable between cells. */
@Component({
  selector: 'app-week-grid',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './week-grid.component.html',
  styleUrl: './week-grid.component.scss',
  host: { '(keydown)': 'onKeydown($event)', '(focusin)': 'onFocusIn($event)' },
})
export class WeekGridComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  readonly view = input<'person' | 'location'>('person');
  readonly weekNumber = input.required<number>();
  readonly rows = input.required<GridRow[]>();
  readonly days = input.required<string[]>();
  readonly holidays = input<string[]>([]);
  readonly cells = input.required<Map<string, Shift[]>>();
  readonly violationsByShift = input<Map<string, Violation[]>>(new Map());
  readonly counters = input<Map<string, HourCounter>>(new Map());
  readonly people = input<RotaPerson[]>([]);
  readonly locations = input<Location[]>([]);
  /** "personId|date" → absence word key, for greyed cells. */
  readonly absences = input<Map<string, string>>(new Map());
  readonly highlighted = input<ReadonlySet<string>>(new Set());
  readonly canEdit = input(false);
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
  protected readonly severityIcons = SEVERITY_ICONS;
  protected readonly counterSigns = COUNTER_SIGNS;
  protected readonly dragDelay = { touch: 250, mouse: 0 };
  protected readonly proposedMark = computed(() => this.word('rota.autoFill.proposed'));
  protected readonly removedMark = computed(() => this.word('rota.autoFill.removedMark'));
  protected readonly modifiedMark = computed(() => this.word('rota.grid.modified'));

  protected readonly dayHeaders = computed(() => {
    const lang = this.lang() === 'en' ? 'en' : 'fr';
    const holidays = new Set(this.holidays());
    return this.days().map((date) => ({
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
        delta: counter && counter.state !== 'on' ? duration(counter.delta, true) : '',
        counterWord: counter ? t(COUNTER_WORDS[counter.state]) : '',
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
            chips: shifts.map((shift) => this.chip(shift, view, canEdit, added, removed, t)),
          };
        }),
      };
    });
  });

  private chip(
    shift: Shift,
    view: 'person' | 'location',
    canEdit: boolean,
    added: ReadonlySet<string>,
    removed: ReadonlySet<string>,
    t: (key: string) => string,
  ): ChipView {
    const problems = this.violationsByShift().get(shift.id) ?? [];
    const severity = worstSeverity(problems);
    const isDraft = shift.isChangedSincePublication;
    const isOpen = shift.personId === null;
    const location = view === 'person' ? this.locationsById().get(shift.locationId) : undefined;
    let classes = `chip act-${shift.activity}`;
    if (isDraft) classes += ' draft';
    if (isOpen) classes += ' open';
    if (severity === 'block') classes += ' sev-block';
    if (severity === 'warn') classes += ' sev-warn';
    if (added.has(shift.id)) classes += ' proposed';
    if (removed.has(shift.id)) classes += ' removed';
    return {
      shift,
      classes,
      range: shiftRange(shift),
      icon: ACTIVITY_ICONS[shift.activity] ?? '',
      what: view === 'location' ? this.personName(shift) : t(`rota.activities.${shift.activity}`),
      code: location && location.kind !== 'site' ? location.code : null,
      note: shift.trainingSessionId && shift.note ? shift.note : null,
      isDraft,
      isProposed: added.has(shift.id),
      isRemoved: removed.has(shift.id),
      severity,
      severityLabel: severity ? t(`rota.severity.${severity}`) : '',
      problems: problems.length,
      canDrag: canEdit && !shift.trainingSessionId,
      hasMenu: canEdit && !shift.trainingSessionId,
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

  protected onDrop(event: CdkDragDrop<CellTarget, CellTarget, Shift>): void {
    const target = event.container.data;
    const source = event.previousContainer.data;
    const shift = event.item.data;
    const isCopy = 'altKey' in event.event && event.event.altKey;
    if (!isCopy && source.rowKey === target.rowKey && source.date === target.date) return;
    this.dropped.emit({ shiftId: shift.id, target: dropTargetOf(target), isCopy });
  }

  protected canEnter = (_drag: CdkDrag, drop: CdkDropList<CellTarget>): boolean =>
    !drop.data.isAbsent;

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
        cell.focus();
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

  /** A click on an empty cell opens the quick-create dialog, as Enter does. */
  protected onCellClick(event: MouseEvent, target: CellTarget, count: number): void {
    if (event.target === event.currentTarget && count === 0 && this.canEdit()) this.create(target);
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
