import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BulkMoveRequest } from '@relais/api-types';

export interface BulkMoveDialogData {
  count: number;
  /** Everyone the shifts may go to; `id: null` is "à pourvoir". */
  people: { id: string | null; name: string }[];
}

export type BulkMoveChoice = Omit<BulkMoveRequest, 'shifts'>;

const SAME_PEOPLE = '__same__';
const OPEN = '__open__';
/** Days a selection may be moved by, each way (the server allows a week). */
const OFFSETS = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6];

/** *Déplacer…* for the selected shifts: by days and/or to one person, in one undoable step. */
@Component({
  selector: 'app-bulk-move-dialog',
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
      {{ 'rota.selection.moveTitle' | transloco: { count: data.count } }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.selection.days' | transloco }}</mat-label>
          <select matNativeControl formControlName="dayOffset">
            @for (offset of offsets; track offset) {
              <option [value]="offset">
                @if (offset === 0) {
                  {{ 'rota.selection.sameDay' | transloco }}
                } @else if (offset > 0) {
                  {{ 'rota.selection.later' | transloco: { count: offset } }}
                } @else {
                  {{ 'rota.selection.earlier' | transloco: { count: -offset } }}
                }
              </option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.selection.person' | transloco }}</mat-label>
          <select matNativeControl formControlName="personId">
            <option [value]="same">{{ 'rota.selection.samePeople' | transloco }}</option>
            @for (person of data.people; track person.id) {
              <option [value]="person.id ?? open">{{ person.name }}</option>
            }
          </select>
        </mat-form-field>
        @if (isUnchanged()) {
          <p class="error" role="alert">{{ 'rota.selection.nothing' | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'rota.selection.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit">{{ 'rota.selection.apply' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 4px;
      min-width: min(22rem, 80vw);
    }
    .error {
      color: #8c1d18;
      margin: 0;
    }
  `,
})
export class BulkMoveDialogComponent {
  protected readonly data = inject<BulkMoveDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<BulkMoveDialogComponent, BulkMoveChoice>);
  protected readonly offsets = OFFSETS;
  protected readonly same = SAME_PEOPLE;
  protected readonly open = OPEN;
  protected readonly isUnchanged = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    dayOffset: '1',
    personId: SAME_PEOPLE,
  });

  protected save(): void {
    const { dayOffset, personId } = this.form.getRawValue();
    const offset = Number(dayOffset);
    if (offset === 0 && personId === SAME_PEOPLE) {
      this.isUnchanged.set(true);
      return;
    }
    this.ref.close({
      ...(offset !== 0 ? { dayOffset: offset } : {}),
      ...(personId === SAME_PEOPLE ? {} : { personId: personId === OPEN ? null : personId }),
    });
  }
}
