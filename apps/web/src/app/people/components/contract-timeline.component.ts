import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Contract, ContractType } from '@relais/api-types';
import { addDays, addMonths, CivilDate, daysBetween, formatDate } from '@relais/rules';

export interface TimelineBar {
  id: string;
  type: ContractType;
  isRenewal: boolean;
  isOpenEnded: boolean;
  start: string;
  end: string | null;
  /** Percentages of the axis. */
  left: number;
  width: number;
}

export interface Timeline {
  ticks: { label: string; left: number }[];
  bars: TimelineBar[];
  today: number;
}

// An open-ended contract (CDI) is drawn this far past today.
const OPEN_END_MONTHS = 6;

/** Lays contracts on a month axis from the first start (or today) to the last end (or today). */
export function contractTimeline(contracts: readonly Contract[], today: CivilDate): Timeline {
  const sorted = [...contracts].sort((a, b) => a.start.localeCompare(b.start));
  const openEnd = addMonths(today, OPEN_END_MONTHS);
  const first = [today, ...sorted.map((c) => c.start)].sort()[0];
  const last = [today, ...sorted.map((c) => c.end ?? openEnd)].sort().reverse()[0];
  const axisStart = `${first.slice(0, 7)}-01`;
  const axisEnd = addMonths(`${last.slice(0, 7)}-01`, 1);
  const total = Math.max(daysBetween(axisStart, axisEnd), 1);
  const at = (date: CivilDate): number => (daysBetween(axisStart, date) / total) * 100;

  const months: CivilDate[] = [];
  for (let month = axisStart; month < axisEnd; month = addMonths(month, 1)) months.push(month);
  const step = Math.ceil(months.length / 12);
  const ticks = months
    .filter((_, index) => index % step === 0)
    .map((month) => ({ label: `${month.slice(5, 7)}/${month.slice(0, 4)}`, left: at(month) }));

  const bars = sorted.map((contract) => {
    const end = contract.end ?? openEnd;
    const left = at(contract.start);
    return {
      id: contract.id,
      type: contract.type,
      isRenewal: contract.renewalOf !== null,
      isOpenEnded: contract.end === null,
      start: formatDate(contract.start),
      end: contract.end ? formatDate(contract.end) : null,
      left,
      width: Math.max(at(addDays(end, 1)) - left, 0.5),
    };
  });
  return { ticks, bars, today: at(today) };
}

/** A bar per contract or renewal across months, with a today marker (text rows, not colour). */
@Component({
  selector: 'app-contract-timeline',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = timeline();
    <figure class="timeline">
      <figcaption>
        {{ 'person.timelineHelp' | transloco }}
      </figcaption>
      <div class="axis" aria-hidden="true">
        <span class="label"></span>
        <span class="track">
          @for (tick of t.ticks; track tick.label) {
            <span class="tick" [style.left.%]="tick.left">{{ tick.label }}</span>
          }
        </span>
      </div>
      <ol>
        @for (bar of t.bars; track bar.id) {
          <li class="row">
            <span class="label">
              <strong>{{ 'contractTypes.' + bar.type | transloco }}</strong>
              @if (bar.isRenewal) {
                ({{ 'person.renewal' | transloco }})
              }
              <br />
              {{ bar.start }} →
              {{ bar.end ?? ('person.openEnded' | transloco) }}
            </span>
            <span class="track" aria-hidden="true">
              <span
                class="bar"
                [class.renewal]="bar.isRenewal"
                [class.open]="bar.isOpenEnded"
                [style.left.%]="bar.left"
                [style.width.%]="bar.width"
              ></span>
              <span class="today" [style.left.%]="t.today"></span>
            </span>
          </li>
        }
      </ol>
      <p class="legend" aria-hidden="true">
        <span class="today-key"></span> {{ 'person.today' | transloco }}
      </p>
    </figure>
  `,
  styles: `
    .timeline {
      margin: 0 0 16px;
    }
    figcaption {
      font-size: 0.875rem;
      margin-bottom: 8px;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .row,
    .axis {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 40px;
    }
    .label {
      flex: 0 0 220px;
      font-size: 0.85rem;
    }
    .track {
      position: relative;
      flex: 1;
      height: 24px;
      border-bottom: 1px solid #767676;
    }
    .tick {
      position: absolute;
      bottom: 2px;
      font-size: 0.7rem;
      border-left: 1px solid #767676;
      padding-left: 2px;
    }
    .bar {
      position: absolute;
      top: 4px;
      height: 16px;
      border: 2px solid #0b5394;
      background: #cfe2f3;
      border-radius: 3px;
      box-sizing: border-box;
    }
    .bar.renewal {
      background: repeating-linear-gradient(45deg, #cfe2f3 0 4px, #ffffff 4px 8px);
    }
    .bar.open {
      border-right-style: dashed;
    }
    .today {
      position: absolute;
      top: -4px;
      bottom: -4px;
      border-left: 2px solid #b00020;
    }
    .legend {
      font-size: 0.8rem;
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .today-key {
      display: inline-block;
      width: 0;
      height: 14px;
      border-left: 2px solid #b00020;
    }
  `,
})
export class ContractTimelineComponent {
  readonly contracts = input.required<readonly Contract[]>();
  readonly today = input.required<string>();
  protected readonly timeline = computed(() => contractTimeline(this.contracts(), this.today()));
}
