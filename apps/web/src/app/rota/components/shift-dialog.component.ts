import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormBuilder,
  FormGroupDirective,
  NgForm,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ACTIVITY_CODES, ActivityCode, Location, Shift, ShiftTemplate } from '@relais/api-types';
import { isoWeekday } from '@relais/rules';
import { clock, endsNextDay, longDay } from '../rota.model';
import type { ActionOutcome } from '../rota.store';

export interface ShiftDialogData {
  mode: 'create' | 'edit';
  date: string;
  locations: Location[];
  templates: ShiftTemplate[];
  /** Location to preselect (location view), or the shift being edited. */
  locationId?: string;
  shift?: Shift;
  /**
   * Saves what was typed. The dialog closes once it is saved; a refusal keeps it open with the
   * input and the server's message, to correct and send again.
   */
  save: (result: ShiftDialogResult) => Promise<ActionOutcome>;
}

export interface ShiftDialogResult {
  locationId: string;
  activity: ActivityCode;
  startTime: string;
  endTime: string;
  /** "Se termine le lendemain": the end time is on the next day. */
  endsNextDay: boolean;
  breakMinutes: number;
  note: string | null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Worked span in minutes of valid "HH:MM" times, or null while a time is incomplete. */
function spanOf(start: string, end: string, isNextDay: boolean): number | null {
  if (!HHMM.test(start) || !HHMM.test(end)) return null;
  return minutesOf(end) - minutesOf(start) + (isNextDay ? 24 * 60 : 0);
}

/**
 * The times read together: an end not after the start is an error unless the shift explicitly
 * ends the next day; a shift lasts 24 h at most and its break is shorter than the shift (the
 * API's own checks, said before sending).
 */
function timesValidator(group: AbstractControl): ValidationErrors | null {
  const { startTime, endTime, endsNextDay, breakMinutes } = group.value as {
    startTime: string;
    endTime: string;
    endsNextDay: boolean;
    breakMinutes: number | string | null;
  };
  const span = spanOf(startTime ?? '', endTime ?? '', !!endsNextDay);
  if (span === null) return null;
  if (span <= 0) return { endBeforeStart: true };
  if (span > 24 * 60) return { tooLong: true };
  if (breakMinutes !== null && breakMinutes !== '' && Number(breakMinutes) >= span)
    return { breakTooLong: true };
  return null;
}

/** Shows a field in error for its own errors and for the group's errors that name it. */
class GroupErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly groupErrors: readonly string[]) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control) return false;
    const group = control.parent;
    const hasError =
      control.invalid || this.groupErrors.some((error) => group?.hasError(error) ?? false);
    return hasError && (control.touched || control.dirty || !!group?.dirty || !!form?.submitted);
  }
}

/**
 * Quick create or edit of a shift: template, location, activity, "HH:MM" times and break. The
 * dialog saves through `data.save` and stays open, with what was typed, when the server refuses.
 */
@Component({
  selector: 'app-shift-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
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
            <select matNativeControl formControlName="templateId" data-testid="template">
              <option value="">{{ 'rota.dialog.customTimes' | transloco }}</option>
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
            <input
              matInput
              type="time"
              formControlName="endTime"
              required
              data-testid="end"
              [errorStateMatcher]="endMatcher"
            />
            <mat-error>{{ endError() | transloco }}</mat-error>
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
              [errorStateMatcher]="breakMatcher"
            />
            <mat-error>{{
              (form.hasError('breakTooLong')
                ? 'rota.dialog.breakTooLong'
                : 'rota.dialog.breakInvalid'
              ) | transloco
            }}</mat-error>
          </mat-form-field>
        </div>
        <mat-checkbox formControlName="endsNextDay" data-testid="ends-next-day">
          {{ 'rota.dialog.endsNextDay' | transloco }}
        </mat-checkbox>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'rota.dialog.note' | transloco }}</mat-label>
          <input matInput formControlName="note" autocomplete="off" />
        </mat-form-field>
      </mat-dialog-content>
      <div class="refusal" role="alert" data-testid="refusal">
        @if (refusal(); as refused) {
          <p>{{ refused.message }}</p>
          @if (refused.details.length) {
            <ul>
              @for (detail of refused.details; track $index) {
                <li>{{ detail }}</li>
              }
            </ul>
          }
        }
      </div>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="isSaving()">
          {{ 'rota.dialog.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="isSaving()">
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
    .refusal:not(:empty) {
      margin: 0 24px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error, #b3261e);
      color: var(--mat-sys-on-error-container, #410e0b);
      background: var(--mat-sys-error-container, #f9dedc);
    }
    .refusal p,
    .refusal ul {
      margin: 0;
    }
  `,
})
export class ShiftDialogComponent {
  protected readonly data = inject<ShiftDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ShiftDialogComponent, ShiftDialogResult>);
  private readonly transloco = inject(TranslocoService);
  protected readonly activities = ACTIVITY_CODES;
  protected readonly day = longDay(this.data.date);
  protected readonly templates = this.data.templates.filter(
    (template) =>
      template.weekdays.length === 0 || template.weekdays.includes(isoWeekday(this.data.date)),
  );
  protected readonly endMatcher = new GroupErrorMatcher(['endBeforeStart', 'tooLong']);
  protected readonly breakMatcher = new GroupErrorMatcher(['breakTooLong']);
  protected readonly isSaving = signal(false);
  /** The server's refusal of the last attempt, shown beside the buttons until the next one. */
  protected readonly refusal = signal<{ message: string; details: string[] } | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      templateId: [''],
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
      endsNextDay: [this.data.shift ? endsNextDay(this.data.shift) : false],
      breakMinutes: [
        this.data.shift?.breakMinutes ?? 0,
        [Validators.required, Validators.min(0), Validators.max(240)],
      ],
      note: [this.data.shift?.note ?? ''],
    },
    { validators: timesValidator },
  );

  constructor() {
    // From a location's cell, its first template; from a person's, the day's first. Shown as
    // chosen in the selector, so the times and the template always say the same thing.
    const first = this.templates.find(
      (template) => !this.data.locationId || template.locationId === this.data.locationId,
    );
    if (this.data.mode === 'create' && first) this.useTemplate(first.id);
    this.form.controls.templateId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.useTemplate(id));
    // Times (or place, activity, break) changed by hand: the template no longer describes them.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      const template = this.chosenTemplate();
      if (template && !this.matches(template))
        this.form.controls.templateId.setValue('', { emitEvent: false });
    });
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

  private chosenTemplate(): ShiftTemplate | undefined {
    const id = this.form.controls.templateId.value;
    return id ? this.templates.find((template) => template.id === id) : undefined;
  }

  private matches(template: ShiftTemplate): boolean {
    const value = this.form.getRawValue();
    return (
      value.locationId === template.locationId &&
      value.activity === template.activity &&
      value.startTime === template.startTime &&
      value.endTime === template.endTime &&
      value.endsNextDay === templateEndsNextDay(template) &&
      Number(value.breakMinutes) === template.breakMinutes
    );
  }

  private useTemplate(id: string): void {
    const template = this.templates.find((candidate) => candidate.id === id);
    if (!template) return;
    this.form.patchValue(
      {
        templateId: template.id,
        locationId: template.locationId,
        activity: template.activity,
        startTime: template.startTime,
        endTime: template.endTime,
        endsNextDay: templateEndsNextDay(template),
        breakMinutes: template.breakMinutes,
      },
      { emitEvent: false },
    );
    this.form.updateValueAndValidity();
  }

  protected endError(): string {
    if (this.form.hasError('endBeforeStart')) return 'rota.dialog.endBeforeStart';
    if (this.form.hasError('tooLong')) return 'rota.dialog.tooLong';
    return 'rota.dialog.timeInvalid';
  }

  protected async save(): Promise<void> {
    if (this.isSaving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const result: ShiftDialogResult = {
      locationId: value.locationId,
      activity: value.activity,
      startTime: value.startTime,
      endTime: value.endTime,
      endsNextDay: value.endsNextDay,
      breakMinutes: Number(value.breakMinutes),
      note: value.note || null,
    };
    this.isSaving.set(true);
    // Until the server answers, the dialog stays: its refusal needs somewhere to show.
    this.ref.disableClose = true;
    this.refusal.set(null);
    try {
      const outcome = await this.data.save(result);
      if (outcome.ok) {
        this.ref.close(result);
        return;
      }
      const t = (key: string) => this.transloco.translate(`rota.${key}`);
      this.refusal.set({
        message: [
          outcome.isConflict ? t('messages.conflict') : t('dialog.refused'),
          outcome.message,
        ]
          .filter(Boolean)
          .join(' '),
        details: (outcome.violations ?? []).map((violation) => violation.message),
      });
    } finally {
      this.isSaving.set(false);
      this.ref.disableClose = false;
    }
  }
}

/** A template whose end is not after its start runs overnight. */
function templateEndsNextDay(template: ShiftTemplate): boolean {
  return template.endTime <= template.startTime;
}
