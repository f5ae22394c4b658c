import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PersonEligibility, PersonEligibilityRequest } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { ORGANISATION_TIME_ZONE } from '../../core/time';
import { messageOf } from '../../shared/http-error';
import { fieldErrors } from '../people.store';

type OutOfWork = 'unknown' | 'yes' | 'no';
type Checked = OutOfWork;

/** A fact checked or not: `unknown` stands for null. */
const toChecked = (fact: boolean | null): Checked =>
  fact === null ? 'unknown' : fact ? 'yes' : 'no';
const fromChecked = (value: Checked): boolean | null =>
  value === 'unknown' ? null : value === 'yes';

/**
 * The facts an aided contract's eligibility rests on, read and recorded by HR on the person's
 * Contrats tab (`GET`/`PUT /api/people/{id}/eligibility`); the contract form's live check reads
 * the same facts.
 */
@Component({
  selector: 'app-eligibility-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="eligibility" aria-labelledby="eligibility-title">
      <h3 id="eligibility-title">{{ 'hrPeople.eligibility.title' | transloco }}</h3>
      <p class="hint">{{ 'hrPeople.eligibility.help' | transloco }}</p>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="fields">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hrPeople.eligibility.birthDate' | transloco }}</mat-label>
            <input matInput type="date" formControlName="birthDate" />
            @if (serverError('birthDate'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hrPeople.eligibility.outOfWork' | transloco }}</mat-label>
            <select matNativeControl formControlName="outOfWork">
              <option value="unknown">
                {{ 'hrPeople.eligibility.outOfWorkUnknown' | transloco }}
              </option>
              <option value="yes">{{ 'hrPeople.eligibility.outOfWorkYes' | transloco }}</option>
              <option value="no">{{ 'hrPeople.eligibility.outOfWorkNo' | transloco }}</option>
            </select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hrPeople.eligibility.student' | transloco }}</mat-label>
            <select matNativeControl formControlName="student">
              <option value="unknown">
                {{ 'hrPeople.eligibility.outOfWorkUnknown' | transloco }}
              </option>
              <option value="yes">{{ 'hrPeople.eligibility.outOfWorkYes' | transloco }}</option>
              <option value="no">{{ 'hrPeople.eligibility.outOfWorkNo' | transloco }}</option>
            </select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hrPeople.eligibility.qpvName' | transloco }}</mat-label>
            <input matInput type="text" maxlength="200" formControlName="qpvName" />
            @if (serverError('qpvName'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hrPeople.eligibility.qpvCheckedOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="qpvCheckedOn" />
            @if (serverError('qpvCheckedOn'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'hrPeople.eligibility.prefectException' | transloco }}</mat-label>
            <input matInput type="text" maxlength="500" formControlName="prefectException" />
            @if (serverError('prefectException'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        </div>
        <mat-checkbox formControlName="isPecExtendedCapEligible">
          {{ 'hrPeople.eligibility.extendedCap' | transloco }}
        </mat-checkbox>
        <p class="recorded">
          @if (recorded(); as recorded) {
            {{
              'hrPeople.eligibility.recorded'
                | transloco: { when: recordedAt(recorded.at), who: recorded.byName ?? '—' }
            }}
          } @else if (hasFacts()) {
            {{ 'hrPeople.eligibility.imported' | transloco }}
          } @else {
            {{ 'hrPeople.eligibility.never' | transloco }}
          }
        </p>
        @if (error(); as message) {
          <p class="field-error" role="alert">✖ {{ message }}</p>
        }
        @if (saved()) {
          <p class="saved" role="status">✓ {{ 'hrPeople.eligibility.saved' | transloco }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="isSaving()">
          {{ 'hrPeople.eligibility.save' | transloco }}
        </button>
      </form>
    </section>
  `,
  styles: `
    .eligibility {
      margin-top: 24px;
      max-width: 880px;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      column-gap: 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .recorded {
      color: #444;
    }
    .field-error {
      color: #b00020;
    }
    .saved {
      color: #1b5e20;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class EligibilityCardComponent implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);

  /** The person whose facts these are. */
  readonly personId = input.required<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    birthDate: '',
    outOfWork: 'unknown' as OutOfWork,
    student: 'unknown' as Checked,
    qpvName: '',
    qpvCheckedOn: '',
    prefectException: '',
    isPecExtendedCapEligible: false,
  });
  protected readonly recorded = signal<PersonEligibility['recorded']>(null);
  /** Facts present without an author: entered before they were recorded with who and when. */
  protected readonly hasFacts = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly isSaving = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      this.show(
        await firstValueFrom(
          this.http.get<PersonEligibility>(`/api/people/${this.personId()}/eligibility`),
        ),
      );
    } catch (error) {
      this.error.set(messageOf(error) ?? this.transloco.translate('hrPeople.eligibility.failed'));
    }
  }

  protected recordedAt(iso: string): string {
    return new Intl.DateTimeFormat('fr-FR', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: ORGANISATION_TIME_ZONE,
    }).format(new Date(iso));
  }

  protected serverError(field: string): string | null {
    const message: unknown = this.form.get(field)?.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const body: PersonEligibilityRequest = {
      birthDate: value.birthDate || null,
      isPecExtendedCapEligible: value.isPecExtendedCapEligible,
      isOutOfWorkAtHiring: fromChecked(value.outOfWork),
      isStudent: fromChecked(value.student),
      qpvName: value.qpvName.trim() || null,
      qpvCheckedOn: value.qpvCheckedOn || null,
      prefectException: value.prefectException.trim() || null,
    };
    this.isSaving.set(true);
    this.error.set(null);
    this.saved.set(false);
    try {
      this.show(
        await firstValueFrom(
          this.http.put<PersonEligibility>(`/api/people/${this.personId()}/eligibility`, body),
        ),
      );
      this.saved.set(true);
    } catch (error) {
      // The form keeps what was typed; each refused field says why under it.
      if (error instanceof HttpErrorResponse) {
        for (const [field, message] of Object.entries(fieldErrors(error))) {
          const control = this.form.get(field);
          control?.setErrors({ server: message });
          control?.markAsTouched();
        }
      }
      this.error.set(messageOf(error) ?? this.transloco.translate('hrPeople.eligibility.failed'));
    } finally {
      this.isSaving.set(false);
    }
  }

  private show(facts: PersonEligibility): void {
    this.form.setValue({
      birthDate: facts.birthDate ?? '',
      outOfWork: toChecked(facts.isOutOfWorkAtHiring),
      student: toChecked(facts.isStudent),
      qpvName: facts.qpvName ?? '',
      qpvCheckedOn: facts.qpvCheckedOn ?? '',
      prefectException: facts.prefectException ?? '',
      isPecExtendedCapEligible: facts.isPecExtendedCapEligible,
    });
    this.recorded.set(facts.recorded);
    this.hasFacts.set(
      facts.birthDate !== null ||
        facts.isOutOfWorkAtHiring !== null ||
        facts.isStudent !== null ||
        facts.qpvName !== null ||
        facts.prefectException !== null ||
        facts.isPecExtendedCapEligible,
    );
  }
}
