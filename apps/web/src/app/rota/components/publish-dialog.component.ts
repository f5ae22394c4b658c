import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ViolationView } from '../rota.model';

export interface PublishDialogData {
  weekNumber: number;
  shiftCount: number;
  changes: number;
  warnings: ViolationView[];
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'rota.publish.title' | transloco: { n: data.weekNumber } }}</h2>
    <mat-dialog-content>
      <p>
        {{ 'rota.publish.summary' | transloco: { count: data.shiftCount, changes: data.changes } }}
      </p>
      @if (data.warnings.length > 0) {
        <p>{{ 'rota.publish.warnings' | transloco: { count: data.warnings.length } }}</p>
        <ul>
          @for (warning of data.warnings; track $index) {
            <li>
              <strong>{{ warning.label }}</strong>
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
    ul {
      max-height: 12rem;
      overflow: auto;
    }
  `,
})
export class PublishDialogComponent {
  protected readonly data = inject<PublishDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<PublishDialogComponent, { justification: string }>);
  protected readonly justification = new FormControl('', { nonNullable: true });

  protected confirm(): void {
    this.ref.close({ justification: this.justification.value.trim() });
  }
}
