import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CandidatesAnswer } from '@relais/api-types';

export type CandidatesDialogData = CandidatesAnswer;

/**
 * Who can take an open shift or an uncovered need without any new blocking problem, best first,
 * with why in words; one click assigns. Closes with the chosen person's id.
 */
@Component({
  selector: 'app-candidates-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'rota.planner.candidates.title' | transloco }}</h2>
    <mat-dialog-content>
      <p class="slot">{{ data.label }}</p>
      <p role="status">
        {{
          (data.candidates.length === 0
            ? 'rota.planner.candidates.none'
            : 'rota.planner.candidates.intro'
          ) | transloco: { count: data.candidates.length }
        }}
      </p>
      <ol data-testid="candidates">
        @for (candidate of data.candidates; track candidate.personId) {
          <li>
            <span class="text">
              <strong>{{ candidate.name }}</strong>
              <span class="why">{{ candidate.reasons.join(' · ') }}</span>
            </span>
            <button
              mat-stroked-button
              type="button"
              [mat-dialog-close]="candidate.personId"
              [attr.aria-label]="
                'rota.planner.candidates.assignTo' | transloco: { name: candidate.name }
              "
            >
              {{ 'rota.planner.candidates.assign' | transloco }}
            </button>
          </li>
        }
      </ol>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'rota.actions.close' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .slot {
      font-weight: 600;
      margin: 0 0 0.25rem;
    }
    ol {
      margin: 0;
      padding-left: 1.25rem;
      max-height: 22rem;
      overflow: auto;
    }
    li {
      padding: 0.375rem 0;
      border-bottom: 1px solid #ddd;
    }
    li > * {
      vertical-align: middle;
    }
    .text {
      display: inline-block;
      width: calc(100% - 7.5rem);
    }
    .why {
      display: block;
      font-size: 0.8125rem;
      color: #333;
    }
  `,
})
export class CandidatesDialogComponent {
  protected readonly data = inject<CandidatesDialogData>(MAT_DIALOG_DATA);
}
