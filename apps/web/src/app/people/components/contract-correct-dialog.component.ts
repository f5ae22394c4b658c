import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  CDD_REASONS,
  CONTRACT_TYPES,
  requiresContractReason,
  type Contract,
  type ContractType,
  type UpdateContractRequest,
} from '@relais/api-types';
import type { Refusal } from '../person.store';

export interface ContractCorrectDialogData {
  contract: Contract;
  submit: (request: UpdateContractRequest) => Promise<Contract | Refusal>;
  /** Everyone the contract may replace (its holder aside), for a replacement CDD. */
  people: readonly { id: string; name: string }[];
}

/** *Corriger le contrat*: its main data, checked by the server like a new contract. */
@Component({
  selector: 'app-contract-correct-dialog',
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
    <h2 mat-dialog-title>{{ 'hrPeople.correctDialog.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p class="note">{{ 'hrPeople.correctDialog.help' | transloco }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'contractForm.type' | transloco }}</mat-label>
          <select matNativeControl formControlName="type" required>
            @for (type of types; track type) {
              <option [value]="type">{{ 'contractTypes.' + type | transloco }}</option>
            }
          </select>
          <mat-error>{{
            serverError('type') ?? ('hrPeople.correctDialog.required' | transloco)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'contractForm.start' | transloco }}</mat-label>
          <input matInput type="date" formControlName="start" required />
          <mat-error>{{
            serverError('start') ?? ('hrPeople.correctDialog.required' | transloco)
          }}</mat-error>
        </mat-form-field>
        @if (type() !== 'CDI') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'contractForm.end' | transloco }}</mat-label>
            <input matInput type="date" formControlName="end" required />
            <mat-error>{{
              serverError('end') ?? ('hrPeople.correctDialog.required' | transloco)
            }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'contractForm.weeklyHours' | transloco }}</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="48"
            step="0.5"
            formControlName="weeklyHours"
            required
          />
          <mat-error>{{
            serverError('weeklyHours') ?? ('hrPeople.correctDialog.required' | transloco)
          }}</mat-error>
        </mat-form-field>
        @if (needsReason()) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'contractForm.reason' | transloco }}</mat-label>
            <select matNativeControl formControlName="reason" required>
              <option value="">{{ 'contractForm.chooseReason' | transloco }}</option>
              @for (reason of reasons; track reason) {
                <option [value]="reason">{{ 'contractForm.reasons.' + reason | transloco }}</option>
              }
            </select>
            <mat-error>{{
              serverError('reason') ?? ('hrPeople.correctDialog.required' | transloco)
            }}</mat-error>
          </mat-form-field>
        }
        @if (isReplacement()) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'contractForm.replacedPerson' | transloco }}</mat-label>
            <select matNativeControl formControlName="replacedPersonId" required>
              <option value="">{{ 'contractForm.chooseReplacedPerson' | transloco }}</option>
              @for (person of data.people; track person.id) {
                <option [value]="person.id">{{ person.name }}</option>
              }
            </select>
            <mat-hint>{{ 'contractForm.replacedPersonHint' | transloco }}</mat-hint>
            <mat-error>{{
              serverError('replacedPersonId') ?? ('hrPeople.correctDialog.required' | transloco)
            }}</mat-error>
          </mat-form-field>
        }
        @if (mayBeExtendedForTraining()) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'contractForm.trainingExtensionAction' | transloco }}</mat-label>
            <input matInput maxlength="200" formControlName="trainingExtensionAction" />
            <mat-hint>{{ 'contractForm.isExtendedForTrainingHint' | transloco }}</mat-hint>
            <mat-error>{{
              serverError('trainingExtensionAction') ??
                ('hrPeople.correctDialog.required' | transloco)
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'contractForm.trainingExtensionEnd' | transloco }}</mat-label>
            <input matInput type="date" formControlName="trainingExtensionEnd" />
            <mat-error>{{
              serverError('trainingExtensionEnd') ?? ('hrPeople.correctDialog.required' | transloco)
            }}</mat-error>
          </mat-form-field>
        }
        <mat-checkbox formControlName="isNightWorker">
          {{ 'contractForm.isNightWorker' | transloco }}
        </mat-checkbox>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'contractForm.cycleWeeks' | transloco }}</mat-label>
          <input
            matInput
            type="number"
            min="2"
            max="52"
            step="1"
            inputmode="numeric"
            formControlName="cycleWeeks"
          />
          <mat-hint>{{ 'contractForm.cycleWeeksHint' | transloco }}</mat-hint>
          <mat-error>{{
            serverError('cycleWeeks') ?? ('contractForm.cycleWeeksInvalid' | transloco)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'contractForm.justification' | transloco }}</mat-label>
          <textarea matInput rows="2" formControlName="justification"></textarea>
          <mat-hint>{{ 'contractForm.justificationHint' | transloco }}</mat-hint>
        </mat-form-field>
        <div role="alert" class="error">{{ error() }}</div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'hrPeople.correctDialog.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="isSaving()">
          {{
            (isSaving() ? 'hrPeople.correctDialog.saving' : 'hrPeople.correctDialog.confirm')
              | transloco
          }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 4px;
      min-width: min(26rem, 80vw);
    }
    .note {
      margin: 0 0 8px;
      font-size: 0.875rem;
    }
    .error {
      color: #b00020;
      &:empty {
        display: none;
      }
    }
  `,
})
export class ContractCorrectDialogComponent {
  protected readonly data = inject<ContractCorrectDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ContractCorrectDialogComponent, Contract>);
  private readonly transloco = inject(TranslocoService);

  protected readonly types = CONTRACT_TYPES;
  protected readonly reasons = CDD_REASONS;
  protected readonly isSaving = signal(false);
  protected readonly error = signal('');

  private readonly contract = this.data.contract;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    type: [this.contract.type as ContractType, Validators.required],
    start: [this.contract.start, Validators.required],
    end: [this.contract.end ?? ''],
    weeklyHours: [this.contract.weeklyHours, [Validators.required, Validators.min(1)]],
    reason: [this.contract.reason ?? ''],
    replacedPersonId: [this.contract.replacedPersonId ?? ''],
    isNightWorker: [this.contract.isNightWorker],
    cycleWeeks: [this.contract.cycleWeeks, [Validators.min(2), Validators.max(52)]],
    trainingExtensionAction: [this.contract.trainingExtension?.action ?? ''],
    trainingExtensionEnd: [this.contract.trainingExtension?.end ?? ''],
    justification: [this.contract.justification ?? ''],
  });
  protected readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.contract.type,
  });
  protected readonly reason = toSignal(this.form.controls.reason.valueChanges, {
    initialValue: this.contract.reason ?? '',
  });
  /** A replacement CDD names the person replaced (L1242-12 1°). */
  protected isReplacement(): boolean {
    return this.type() === 'CDD' && this.reason() === 'replacement';
  }
  /** A PEC or a CDDI may run past its cap to finish a training action (L5134-25-1). */
  protected mayBeExtendedForTraining(): boolean {
    return this.type() === 'PEC' || this.type() === 'CDDI';
  }
  protected needsReason(): boolean {
    return requiresContractReason(this.type());
  }

  protected serverError(field: string): string | null {
    const message: unknown = this.form.get(field)?.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async save(): Promise<void> {
    this.error.set('');
    const value = this.form.getRawValue();
    const isCdi = value.type === 'CDI';
    // An adulte-relais CDI (L5134-103) and a replacement CDD without a precise term (L1242-7,
    // its end entered when the replaced employee returns) may stay without an end.
    const mayLackEnd =
      value.type === 'ADULTE_RELAIS' || (value.type === 'CDD' && this.contract.minimumEnd !== null);
    if (!isCdi && !mayLackEnd && !value.end) this.form.controls.end.setErrors({ required: true });
    if (this.needsReason() && !value.reason)
      this.form.controls.reason.setErrors({ required: true });
    if (this.isReplacement() && !value.replacedPersonId)
      this.form.controls.replacedPersonId.setErrors({ required: true });
    // The action and its end go together, or neither.
    const action = value.trainingExtensionAction.trim();
    const extended =
      this.mayBeExtendedForTraining() && (action !== '' || !!value.trainingExtensionEnd);
    if (extended && action === '')
      this.form.controls.trainingExtensionAction.setErrors({ required: true });
    if (extended && !value.trainingExtensionEnd)
      this.form.controls.trainingExtensionEnd.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request: UpdateContractRequest = {
      type: value.type,
      start: value.start,
      end: isCdi ? null : value.end || null,
      weeklyHours: Number(value.weeklyHours),
      reason: this.needsReason() ? value.reason : null,
      replacedPersonId: this.isReplacement() ? value.replacedPersonId : null,
      isNightWorker: value.isNightWorker,
      // An emptied number field reads null (or '' in some browsers): a weekly schedule.
      cycleWeeks:
        value.cycleWeeks === null || `${value.cycleWeeks}` === '' ? null : Number(value.cycleWeeks),
      trainingExtensionAction: extended ? action : null,
      trainingExtensionEnd: extended ? value.trainingExtensionEnd : null,
      justification: value.justification.trim() || null,
    };
    this.isSaving.set(true);
    const outcome = await this.data.submit(request);
    this.isSaving.set(false);
    if ('id' in outcome) {
      this.ref.close(outcome);
      return;
    }
    for (const [field, message] of Object.entries(outcome.fields)) {
      const control = this.form.get(field);
      control?.setErrors({ server: message });
      control?.markAsTouched();
    }
    this.error.set(outcome.message ?? this.transloco.translate('hrPeople.correctDialog.failed'));
  }
}
