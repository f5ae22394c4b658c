import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { EndContractRequest } from '@relais/api-types';
import {
  CONTRACT_END_REASON_LABELS,
  endReasonsFor,
  type Contract,
  type ContractEndReason,
  type EndContractResult,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import type { Refusal } from '../person.store';

export interface ContractEndDialogData {
  contract: Contract;
  /** Sends the request; the dialog stays open on a refusal and shows it under the form. */
  submit: (request: EndContractRequest) => Promise<EndContractResult | Refusal>;
}

/** *Terminer le contrat*: the last day and the legal ground the contract's type allows. */
@Component({
  selector: 'app-contract-end-dialog',
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
    <h2 mat-dialog-title>{{ 'hrPeople.endDialog.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p>{{ summary }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hrPeople.endDialog.end' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="end"
            required
            [min]="contract.start"
            [max]="contract.end ?? ''"
          />
          <mat-hint>{{ endHint }}</mat-hint>
          @if (form.controls.end.errors?.['server']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>{{ 'hrPeople.endDialog.required' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hrPeople.endDialog.reason' | transloco }}</mat-label>
          <select matNativeControl formControlName="reason" required>
            <option value="">{{ 'hrPeople.endDialog.chooseReason' | transloco }}</option>
            @for (reason of reasons; track reason) {
              <option [value]="reason">{{ labels[reason] }}</option>
            }
          </select>
          @if (form.controls.reason.errors?.['server']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>{{ 'hrPeople.endDialog.required' | transloco }}</mat-error>
          }
        </mat-form-field>
        <p class="note">{{ 'hrPeople.endDialog.shiftsNote' | transloco }}</p>
        <p class="note">{{ 'hrPeople.endDialog.exitNote' | transloco }}</p>
        <div role="alert" class="error">{{ error() }}</div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'hrPeople.endDialog.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="isSaving()">
          {{
            (isSaving() ? 'hrPeople.endDialog.saving' : 'hrPeople.endDialog.confirm') | transloco
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
      margin: 0;
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
export class ContractEndDialogComponent {
  private readonly data = inject<ContractEndDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ContractEndDialogComponent, EndContractResult>);
  private readonly transloco = inject(TranslocoService);

  protected readonly contract = this.data.contract;
  protected readonly reasons = endReasonsFor(this.contract.type, this.contract.end);
  protected readonly labels = CONTRACT_END_REASON_LABELS;
  protected readonly isSaving = signal(false);
  protected readonly error = signal('');
  protected readonly summary = this.transloco.translate('hrPeople.endDialog.summary', {
    type: this.transloco.translate(`contractTypes.${this.contract.type}`),
    start: formatDate(this.contract.start),
    planned: this.contract.end
      ? this.transloco.translate('hrPeople.endDialog.plannedEnd', {
          end: formatDate(this.contract.end),
        })
      : this.transloco.translate('hrPeople.endDialog.noPlannedEnd'),
  });
  protected readonly endHint = this.contract.end
    ? this.transloco.translate('hrPeople.endDialog.endHint', {
        start: formatDate(this.contract.start),
        max: formatDate(this.contract.end),
      })
    : this.transloco.translate('hrPeople.endDialog.endHintOpen', {
        start: formatDate(this.contract.start),
      });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    end: ['', Validators.required],
    reason: ['' as ContractEndReason | '', Validators.required],
  });

  protected async save(): Promise<void> {
    this.error.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSaving.set(true);
    const outcome = await this.data.submit({
      end: value.end,
      reason: value.reason as ContractEndReason,
    });
    this.isSaving.set(false);
    if ('contract' in outcome) {
      this.ref.close(outcome);
      return;
    }
    for (const [field, message] of Object.entries(outcome.fields)) {
      const control = this.form.get(field);
      control?.setErrors({ server: message });
      control?.markAsTouched();
    }
    this.error.set(outcome.message ?? this.transloco.translate('hrPeople.endDialog.failed'));
  }
}
