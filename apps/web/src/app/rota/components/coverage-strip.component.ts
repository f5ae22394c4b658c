import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Location } from '@relais/api-types';
import { STATE_MARKS } from '../marks';
import { CoverageView, dayHeader } from '../rota.model';

/** Staffing per location and day: "1/2", "FS 2/2" with a sign and a word. */
@Component({
  selector: 'app-coverage-strip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p>{{ 'rota.coverage.none' | transloco }}</p>
    } @else {
      <table>
        <caption>
          {{
            'rota.coverage.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'rota.grid.location' | transloco }}</th>
            @for (day of headers(); track day.date) {
              <th scope="col">{{ day.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.location.id) {
            <tr>
              <th scope="row">{{ row.location.code }} – {{ row.location.name }}</th>
              @for (day of row.days; track day.date) {
                <td>
                  @for (cell of day.cells; track cell.requirementId) {
                    <span [class]="'cell state-' + cell.state">
                      <span class="range">{{ cell.startTime }}–{{ cell.endTime }}</span>
                      {{ cell.text }}
                      <span aria-hidden="true">{{ icons[cell.state] }}</span>
                      {{ cell.word }}
                    </span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
      font-size: 0.8125rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 4px 0;
    }
    th,
    td {
      border: 1px solid #c4c4c4;
      padding: 3px 5px;
      text-align: left;
      vertical-align: top;
    }
    .cell {
      display: block;
    }
    .range {
      font-variant-numeric: tabular-nums;
      margin-right: 4px;
    }
    .state-warn {
      color: #6b4500;
      font-weight: 600;
    }
    .state-block {
      color: #8c1d18;
      font-weight: 700;
    }
  `,
})
export class CoverageStripComponent {
  private readonly transloco = inject(TranslocoService);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  readonly cells = input.required<CoverageView[]>();
  readonly locations = input.required<Location[]>();
  readonly days = input.required<string[]>();

  protected readonly icons = STATE_MARKS;
  protected readonly headers = computed(() =>
    this.days().map((date) => ({ date, label: dayHeader(date) })),
  );
  /** Locations × days with their slots, each state's word looked up once per change. */
  protected readonly rows = computed(() => {
    const lang = this.lang();
    const words = new Map(
      (Object.keys(STATE_MARKS) as (keyof typeof STATE_MARKS)[]).map((state) => [
        state,
        this.transloco.translate<string>(`rota.coverage.${state}`, {}, lang),
      ]),
    );
    return this.locations()
      .filter((location) => this.cells().some((cell) => cell.locationId === location.id))
      .map((location) => ({
        location,
        days: this.days().map((date) => ({
          date,
          cells: this.cells()
            .filter((cell) => cell.locationId === location.id && cell.date === date)
            .sort((a, b) => a.startTime.localeCompare(b.startTime))
            .map((cell) => ({ ...cell, word: words.get(cell.state) ?? '' })),
        })),
      }));
  });
}
