import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACTIVITY_CODES, ActivityCode, Location, Shift, ShiftTemplate } from '@relais/api-types';
import { isoWeekday } from '@relais/rules';
import { clock, longDay } from '../rota.model';

export interface ShiftDialogData {
  mode: 'create' | 'edit';
  date: string;
  locations: Location[];
  templates: ShiftTemplate[];
  /** Location to preselect (location view), or the shift being edited. */
  locationId?: string;
  shift?: Shift;
}

export interface ShiftDialogResult {
  locationId: string;
  activity: ActivityCode;
  startTime: string;
  endTime: string;
  breakMinutes: number;
  note: string | null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Quick create or edit of a shift: location, activity, "HH:MM" times and break, prefilled from templates. */
@Component({
  selector: 'app-shift-dialog',
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
        (data.mode === 'create' ? 'rota.dialog.createTitle' : 'rota.dialog.editTitle') | transloco
      }}
      · {{ day }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        @if (data.mode === 'create' && templates.length > 0) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'rota.dialog.template' | transloco }}</mat-label>
            <select matNativeControl (change)="useTemplate($any($event.target).value)">
              <option value="">{{ 'rota.dialog.noTemplate' | transloco }}</option>
              @for (template of templates; track template.id) {
                <option [value]="template.id">
                  {{ template.code }} – {{ template.label }} ({{ template.startTime }}–{{
                    template.endTime
                  }})
                </option>
              }
            </select>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.location' | transloco }}</mat-label>
          <select matNativeControl formControlName="locationId" required>
            @for (location of data.locations; track location.id) {
              <option [value]="location.id">{{ location.code }} – {{ location.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.activity' | transloco }}</mat-label>
          <select matNativeControl formControlName="activity" required>
            @for (code of activities; track code) {
              <option [value]="code">{{ 'rota.activities.' + code | transloco }}</option>
            }
          </select>
        </mat-form-field>
        <div class="times">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'rota.dialog.start' | transloco }}</mat-label>
            <input matInput type="time" formControlName="startTime" required />
            <mat-error>{{ 'rota.dialog.timeInvalid' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'rota.dialog.end' | transloco }}</mat-label>
            <input matInput type="time" formControlName="endTime" required />
            <mat-error>{{ 'rota.dialog.timeInvalid' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'rota.dialog.breakMinutes' | transloco }}</mat-label>
            <input
              matInput
              type="number"
              min="0"
              max="240"
              step="5"
              formControlName="breakMinutes"
            />
            <mat-error>{{ 'rota.dialog.breakInvalid' | transloco }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.note' | transloco }}</mat-label>
          <input matInput formControlName="note" autocomplete="off" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'rota.dialog.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit">
          {{ (data.mode === 'create' ? 'rota.dialog.create' : 'rota.dialog.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 4px;
      min-width: min(28rem, 80vw);
    }
    .times {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
    }
  `,
})
export class ShiftDialogComponent {
  protected readonly data = inject<ShiftDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ShiftDialogComponent, ShiftDialogResult>);
  protected readonly activities = ACTIVITY_CODES;
  protected readonly day = longDay(this.data.date);
  protected readonly templates = this.data.templates.filter(
    (template) =>
      template.weekdays.length === 0 || template.weekdays.includes(isoWeekday(this.data.date)),
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    locationId: [this.initialLocation(), Validators.required],
    activity: [this.data.shift?.activity ?? ('accueil' as ActivityCode), Validators.required],
    startTime: [
      this.data.shift ? clock(this.data.shift.start) : '09:00',
      [Validators.required, Validators.pattern(HHMM)],
    ],
    endTime: [
      this.data.shift ? clock(this.data.shift.end) : '12:30',
      [Validators.required, Validators.pattern(HHMM)],
    ],
    breakMinutes: [
      this.data.shift?.breakMinutes ?? 0,
      [Validators.required, Validators.min(0), Validators.max(240)],
    ],
    note: [this.data.shift?.note ?? ''],
  });

  constructor() {
    const first = this.templates.find(
      (template) => !this.data.locationId || template.locationId === this.data.locationId,
    );
    if (this.data.mode === 'create' && first) this.useTemplate(first.id);
  }

  private initialLocation(): string {
    return (
      this.data.shift?.locationId ??
      this.data.locationId ??
      this.data.locations.find((location) => location.kind === 'site')?.id ??
      this.data.locations[0]?.id ??
      ''
    );
  }

  protected useTemplate(id: string): void {
    const template = this.data.templates.find((candidate) => candidate.id === id);
    if (!template) return;
    this.form.patchValue({
      locationId: template.locationId,
      activity: template.activity,
      startTime: template.startTime,
      endTime: template.endTime,
      breakMinutes: template.breakMinutes,
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.ref.close({
      ...value,
      breakMinutes: Number(value.breakMinutes),
      note: value.note || null,
    });
  }
}
