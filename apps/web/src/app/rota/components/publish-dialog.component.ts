import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RotaPersonDiff } from '@relais/api-types';
import type { ViolationView } from '../rota.model';
import { RotaDiffComponent } from './rota-diff.component';

export interface PublishDialogData {
  weekNumber: number;
  shiftCount: number;
  changes: number;
  warnings: ViolationView[];
  /** Names by person id, so that each point says whom it is about. */
  names?: ReadonlyMap<string, string>;
  /** What publishing changes for each person (draft against the last publication); null if unknown. */
  review?: RotaPersonDiff[] | null;
  /** Never published yet: every shift is new. */
  isFirst?: boolean;
}

/** The review sheet before publishing: what changes, what needs a justification. */
@Component({
  selector: 'app-publish-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    RotaDiffComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'rota.publish.title' | transloco: { n: data.weekNumber } }}</h2>
    <mat-dialog-content>
      <p>
        {{ 'rota.publish.summary' | transloco: { count: data.shiftCount, changes: data.changes } }}
      </p>
      @if (data.review; as review) {
        <section class="review" aria-labelledby="publish-review">
          <h3 id="publish-review">{{ 'rota.publish.review' | transloco }}</h3>
          @if (data.isFirst) {
            <p>{{ 'rota.publish.reviewFirst' | transloco }}</p>
          } @else if (review.length === 0) {
            <p>{{ 'rota.publish.reviewNone' | transloco }}</p>
          }
          @if (review.length > 0) {
            <app-rota-diff [people]="review" />
          }
        </section>
      }
      @if (data.warnings.length > 0) {
        <p>{{ 'rota.publish.warnings' | transloco: { count: data.warnings.length } }}</p>
        <ul>
          @for (warning of data.warnings; track $index) {
            <li>
              <strong>{{ warning.label }}</strong>
              @if (warning.personId && data.names?.get(warning.personId); as name) {
                · {{ name }}
              }
              @if (warning.legalRef) {
                ({{ warning.legalRef }})
              }
              — {{ warning.message }}
            </li>
          }
        </ul>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'rota.publish.justification' | transloco }}</mat-label>
          <textarea matInput rows="3" [formControl]="justification"></textarea>
          <mat-hint>{{ 'rota.publish.justificationHint' | transloco }}</mat-hint>
        </mat-form-field>
        @if (missing()) {
          <p class="error" role="alert">{{ 'rota.planner.publish.required' | transloco }}</p>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'rota.publish.cancel' | transloco }}
      </button>
      <button mat-flat-button type="button" (click)="confirm()">
        {{ 'rota.publish.confirm' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .error {
      color: #8c1d18;
      font-weight: 600;
      margin: 0;
    }
    ul {
      max-height: 12rem;
      overflow: auto;
    }
    .review {
      max-height: 16rem;
      overflow: auto;
    }
    h3 {
      font-size: 0.9375rem;
      margin: 8px 0 4px;
    }
  `,
})
export class PublishDialogComponent {
  protected readonly data = inject<PublishDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<PublishDialogComponent, { justification: string }>);
  protected readonly justification = new FormControl('', { nonNullable: true });

  /** Set when *Publier* was pressed with points to justify and no justification. */
  protected readonly missing = signal(false);

  protected confirm(): void {
    const justification = this.justification.value.trim();
    if (this.data.warnings.length > 0 && !justification) {
      this.missing.set(true);
      return;
    }
    this.ref.close({ justification });
  }
}
