import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { BulkShift, CopyWeekResult, Location } from '@relais/api-types';
import { longDay, shiftDate, shiftRange } from '../rota.model';

export interface BulkPreviewDialogData {
  /** `copy` (previous week) or `templates`. */
  kind: 'copy' | 'templates';
  weekNumber: number;
  preview: CopyWeekResult;
  locations: Location[];
}

interface Line {
  day: string;
  text: string;
  why: string | null;
}

/**
 * What a copied week or the templates would add, and what they skip with why, before anything is
 * written. Closes with `true` to apply.
 */
@Component({
  selector: 'app-bulk-preview-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ 'rota.planner.bulk.title.' + data.kind | transloco: { n: data.weekNumber } }}
    </h2>
    <mat-dialog-content>
      <p role="status">
        {{
          'rota.planner.bulk.summary'
            | transloco: { add: added().length, open: open().length, skip: skipped().length }
        }}
      </p>
      @if (added().length > 0) {
        <h3>{{ 'rota.planner.bulk.added' | transloco: { count: added().length } }}</h3>
        <ul data-testid="bulk-added">
          @for (line of added(); track $index) {
            <li>
              <span class="day">{{ line.day }}</span> {{ line.text }}
              @if (line.why) {
                <span class="why">— {{ line.why }}</span>
              }
            </li>
          }
        </ul>
      }
      @if (skipped().length > 0) {
        <h3>{{ 'rota.planner.bulk.skipped' | transloco: { count: skipped().length } }}</h3>
        <ul data-testid="bulk-skipped">
          @for (line of skipped(); track $index) {
            <li>
              <span class="day">{{ line.day }}</span> {{ line.text }}
              <span class="why">— {{ line.why }}</span>
            </li>
          }
        </ul>
      }
      @if (added().length === 0) {
        <p>{{ 'rota.planner.bulk.nothing' | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'rota.dialog.cancel' | transloco }}
      </button>
      @if (added().length > 0) {
        <button mat-flat-button type="button" [mat-dialog-close]="true">
          {{ 'rota.planner.bulk.apply' | transloco: { count: added().length } }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    ul {
      max-height: 14rem;
      overflow: auto;
      padding-left: 1.25rem;
      margin: 0.25rem 0 0.75rem;
    }
    h3 {
      font-size: 1rem;
      margin: 0.75rem 0 0.25rem;
    }
    .day {
      font-weight: 600;
    }
    .why {
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class BulkPreviewDialogComponent {
  protected readonly data = inject<BulkPreviewDialogData>(MAT_DIALOG_DATA);
  private readonly transloco = inject(TranslocoService);

  protected readonly added = computed<Line[]>(() =>
    this.data.preview.added.map((item) => this.line(item, item.unassigned)),
  );
  protected readonly open = computed(() =>
    this.data.preview.added.filter((item) => item.unassigned),
  );
  protected readonly skipped = computed<Line[]>(() =>
    this.data.preview.skipped.map((item) => this.line(item, item.why)),
  );

  private line(item: BulkShift, why: string | null): Line {
    const place = this.data.locations.find((location) => location.id === item.locationId)?.name;
    const who = item.personName ?? this.transloco.translate('rota.grid.open');
    const activity = this.transloco.translate(`rota.activities.${item.activity}`);
    return {
      day: longDay(shiftDate(item)),
      text: `${shiftRange(item)} · ${activity}${place ? ` (${place})` : ''} · ${who}`,
      why,
    };
  }
}
