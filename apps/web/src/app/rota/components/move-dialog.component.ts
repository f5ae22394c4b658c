import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DropTarget } from '../rota.model';

export interface MoveDialogData {
  mode: 'move' | 'duplicate';
  /** "09:00–12:30, Accueil". */
  summary: string;
  people: { id: string | null; name: string }[];
  days: { date: string; label: string }[];
  personId: string | null;
  date: string;
}

const OPEN = '__open__';

/** *Déplacer vers…* / *Dupliquer vers…*: the keyboard and single-click equivalent of dragging. */
@Component({
  selector: 'app-move-dialog',
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
    <h2 mat-dialog-title>
      {{
        (data.mode === 'move' ? 'rota.dialog.moveTitle' : 'rota.dialog.duplicateTitle') | transloco
      }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <p>{{ data.summary }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.person' | transloco }}</mat-label>
          <select matNativeControl formControlName="personId">
            @for (person of data.people; track person.id) {
              <option [value]="person.id ?? open">{{ person.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.day' | transloco }}</mat-label>
          <select matNativeControl formControlName="date">
            @for (day of data.days; track day.date) {
              <option [value]="day.date">{{ day.label }}</option>
            }
          </select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'rota.dialog.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit">
          {{ (data.mode === 'move' ? 'rota.dialog.move' : 'rota.dialog.duplicate') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 4px;
      min-width: min(22rem, 80vw);
    }
  `,
})
export class MoveDialogComponent {
  protected readonly data = inject<MoveDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<MoveDialogComponent, DropTarget>);
  protected readonly open = OPEN;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    personId: [this.data.personId ?? OPEN],
    date: [this.data.date],
  });

  protected save(): void {
    const { personId, date } = this.form.getRawValue();
    this.ref.close({ personId: personId === OPEN ? null : personId, date });
  }
}
