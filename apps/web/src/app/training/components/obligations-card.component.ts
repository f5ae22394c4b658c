import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  OBLIGATION_FIELDS,
  OBLIGATION_OUTCOME_LABELS,
  type ContractObligation,
  type ContractObligations,
  type ObligationFieldSpec,
  type RecordObligationRequest,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { fieldErrors } from '../../people/people.store';
import { messageOf } from '../../shared/http-error';

/**
 * The obligations of the person's contract (PEC, adulte-relais, contrat pro, France Services) on
 * their pathway: each with its due date or window, its state in words, what was recorded and by
 * whom; HR records or corrects one in place (`POST /api/contracts/{id}/obligations`).
 */
@Component({
  selector: 'app-obligations-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="obligations-title">{{ 'training.obligations.title' | transloco }}</h2>
    @if (obligations(); as list) {
      @if (list.items.length === 0) {
        <p>{{ 'training.obligations.none' | transloco }}</p>
      } @else {
        <p class="hint">{{ 'training.obligations.help' | transloco }}</p>
        <ul class="obligations" aria-labelledby="obligations-title">
          @for (item of list.items; track item.code) {
            <li [attr.data-code]="item.code" [class]="'state-' + item.status">
              <div class="head">
                <span class="state">{{ stateLabel(item) }}</span>
                <strong class="what">{{ item.title }}</strong>
                <span class="basis">({{ item.basis }})</span>
              </div>
              <p class="when">{{ when(item) }}</p>
              @if (item.progress) {
                <p class="progress">{{ item.progress }}</p>
              }
              @if (item.record; as record) {
                <p class="record">
                  {{ recordLine(item) }}
                  @if (record.evidence) {
                    <br />{{ 'training.obligations.evidence' | transloco }} : {{ record.evidence }}
                  }
                  <br /><span class="by">
                    @if (record.recordedBy) {
                      {{
                        'training.obligations.recordedBy'
                          | transloco: { who: record.recordedBy, when: stamp(record.recordedAt) }
                      }}
                    } @else {
                      {{ 'training.obligations.imported' | transloco }}
                    }
                  </span>
                </p>
              }
              @if (item.remark) {
                <p class="remark">{{ item.remark }}</p>
              }
              @if (isHr() && fields(item); as spec) {
                @if (editing() === item.code) {
                  <form
                    class="record-form"
                    [formGroup]="form"
                    (ngSubmit)="save(item, spec)"
                    novalidate
                    [attr.aria-label]="item.title"
                  >
                    <mat-form-field appearance="outline">
                      <mat-label>{{ spec.dateLabel }}</mat-label>
                      <input matInput type="date" formControlName="doneOn" required />
                      @if (serverError('doneOn'); as message) {
                        <mat-error>{{ message }}</mat-error>
                      }
                    </mat-form-field>
                    @if (spec.outcome; as outcome) {
                      <mat-form-field appearance="outline">
                        <mat-label>{{ outcome.label }}</mat-label>
                        <select matNativeControl formControlName="outcome" required>
                          <option value=""></option>
                          @for (value of outcome.values; track value) {
                            <option [value]="value">{{ outcomeLabel(value) }}</option>
                          }
                        </select>
                        @if (serverError('outcome'); as message) {
                          <mat-error>{{ message }}</mat-error>
                        }
                      </mat-form-field>
                    }
                    @if (spec.modules; as modulesSpec) {
                      <mat-form-field appearance="outline" class="wide">
                        <mat-label>{{ modulesSpec.label }}</mat-label>
                        <mat-select formControlName="moduleCodes" multiple>
                          @for (module of modules(); track module.code) {
                            <mat-option [value]="module.code"
                              >{{ module.code }} {{ module.title }}</mat-option
                            >
                          }
                        </mat-select>
                        @if (serverError('moduleCodes'); as message) {
                          <mat-error>{{ message }}</mat-error>
                        }
                      </mat-form-field>
                    }
                    @if (spec.reference; as reference) {
                      <mat-form-field appearance="outline" class="wide">
                        <mat-label>{{ reference.label }}</mat-label>
                        <input matInput type="text" maxlength="500" formControlName="reference" />
                        @if (serverError('reference'); as message) {
                          <mat-error>{{ message }}</mat-error>
                        }
                      </mat-form-field>
                    }
                    <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
                      <mat-label>{{ 'training.obligations.evidenceLabel' | transloco }}</mat-label>
                      <input matInput type="text" maxlength="500" formControlName="evidence" />
                      <mat-hint>{{ 'training.obligations.evidenceHint' | transloco }}</mat-hint>
                    </mat-form-field>
                    @if (error(); as message) {
                      <p class="field-error wide" role="alert">✖ {{ message }}</p>
                    }
                    <div class="actions wide">
                      <button mat-flat-button type="submit" [disabled]="isSaving()">
                        {{ 'training.obligations.save' | transloco }}
                      </button>
                      <button mat-button type="button" (click)="editing.set(null)">
                        {{ 'training.obligations.cancel' | transloco }}
                      </button>
                    </div>
                  </form>
                } @else {
                  <div class="actions">
                    <button mat-stroked-button type="button" (click)="edit(item)">
                      {{
                        (item.record ? 'training.obligations.edit' : 'training.obligations.record')
                          | transloco
                      }}
                    </button>
                    @if (item.record; as record) {
                      <button mat-button type="button" (click)="remove(item, record.id)">
                        {{ 'training.obligations.remove' | transloco }}
                      </button>
                    }
                  </div>
                }
              }
            </li>
          }
        </ul>
      }
      @if (saved(); as text) {
        <p class="saved" role="status">✓ {{ text }}</p>
      }
      @if (editing() === null && error(); as message) {
        <p class="field-error" role="alert">✖ {{ message }}</p>
      }
    } @else if (loadError(); as message) {
      <p class="field-error" role="alert">✖ {{ message }}</p>
    } @else if (loaded()) {
      <p>{{ 'training.obligations.noContract' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font-size: 1.125rem;
    }
    .hint {
      color: #444;
    }
    .obligations {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      border-top: 1px solid #ccc;
      padding: 8px 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
    }
    .state {
      border: 1px solid currentColor;
      border-radius: 12px;
      padding: 0 8px;
      font-size: 0.875rem;
      white-space: nowrap;
    }
    .state-fait .state {
      color: #1b5e20;
    }
    .state-en_retard .state {
      color: #b3261e;
      font-weight: 600;
    }
    .state-a_venir .state {
      color: #444;
    }
    .basis,
    .by {
      color: #555;
      font-size: 0.875rem;
    }
    p {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    .remark {
      font-style: italic;
    }
    .record-form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr));
      column-gap: 16px;
      margin-top: 8px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 4px;
    }
    button {
      min-height: 44px;
    }
    .field-error {
      color: #b3261e;
    }
    .saved {
      color: #1b5e20;
    }
  `,
})
export class ObligationsCardComponent {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);

  readonly personId = input.required<string>();
  readonly isHr = input(false);
  /** The training catalogue, for the modules a PEC's aid request declares. */
  readonly modules = input<{ code: string; title: string }[]>([]);
  /** Something recorded: the pathway's milestones may have moved (P12 follows the exit interview). */
  readonly changed = output<void>();

  protected readonly obligations = signal<ContractObligations | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly isSaving = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    doneOn: '',
    outcome: '',
    reference: '',
    moduleCodes: [[] as string[]],
    evidence: '',
  });

  constructor() {
    effect(() => {
      const id = this.personId();
      untracked(() => void this.load(id));
    });
  }

  private async load(personId: string): Promise<void> {
    // Another person's list never stays on screen while this one loads, nor after it fails.
    this.obligations.set(null);
    this.loaded.set(false);
    this.editing.set(null);
    this.saved.set(null);
    this.error.set(null);
    this.loadError.set(null);
    try {
      const answer = await firstValueFrom(
        this.http.get<ContractObligations | null>(`/api/pathways/${personId}/obligations`),
      );
      if (personId === this.personId()) this.obligations.set(answer);
    } catch (error) {
      if (personId === this.personId()) {
        this.loadError.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
      }
    } finally {
      this.loaded.set(true);
    }
  }

  protected fields(item: ContractObligation): ObligationFieldSpec | null {
    return item.fulfilment === 'record' ? (OBLIGATION_FIELDS[item.code] ?? null) : null;
  }

  protected stateLabel(item: ContractObligation): string {
    return this.transloco.translate(`training.obligations.states.${item.status}`);
  }

  protected outcomeLabel(value: string): string {
    return OBLIGATION_OUTCOME_LABELS[value] ?? value;
  }

  protected when(item: ContractObligation): string {
    if (item.window) {
      return this.transloco.translate('training.obligations.window', {
        from: formatDate(item.window.from),
        to: formatDate(item.window.to),
      });
    }
    return item.due
      ? this.transloco.translate('training.obligations.due', { due: formatDate(item.due) })
      : this.transloco.translate('training.obligations.noDue');
  }

  protected recordLine(item: ContractObligation): string {
    const record = item.record;
    if (!record) return '';
    const label = OBLIGATION_FIELDS[item.code]?.dateLabel ?? '';
    return [
      `${label} ${formatDate(record.doneOn)}`,
      record.outcome ? this.outcomeLabel(record.outcome) : null,
      record.moduleCodes.length ? record.moduleCodes.join(', ') : null,
      record.reference,
    ]
      .filter((part): part is string => !!part)
      .join(' — ');
  }

  protected stamp(iso: string): string {
    return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' }).format(new Date(iso));
  }

  protected serverError(field: string): string | null {
    const message: unknown = this.form.get(field)?.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected edit(item: ContractObligation): void {
    const record = item.record;
    this.form.reset({
      doneOn: record?.doneOn ?? '',
      outcome: record?.outcome ?? '',
      reference: record?.reference ?? '',
      moduleCodes: record?.moduleCodes ?? [],
      evidence: record?.evidence ?? '',
    });
    this.error.set(null);
    this.saved.set(null);
    this.editing.set(item.code);
  }

  protected async save(item: ContractObligation, spec: ObligationFieldSpec): Promise<void> {
    const list = this.obligations();
    if (!list) return;
    const value = this.form.getRawValue();
    const body: RecordObligationRequest = {
      code: item.code,
      doneOn: value.doneOn,
      outcome: spec.outcome ? value.outcome || null : null,
      reference: spec.reference ? value.reference.trim() || null : null,
      moduleCodes: spec.modules ? value.moduleCodes : [],
      evidence: value.evidence.trim() || null,
    };
    this.isSaving.set(true);
    this.error.set(null);
    try {
      this.obligations.set(
        await firstValueFrom(
          this.http.post<ContractObligations>(
            `/api/contracts/${list.contractId}/obligations`,
            body,
          ),
        ),
      );
      this.editing.set(null);
      this.saved.set(this.transloco.translate('training.obligations.saved', { what: item.title }));
      this.changed.emit();
    } catch (error) {
      // What was typed stays; each refused field says why under it.
      if (error instanceof HttpErrorResponse) {
        for (const [field, message] of Object.entries(fieldErrors(error))) {
          const control = this.form.get(field);
          control?.setErrors({ server: message });
          control?.markAsTouched();
        }
      }
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    } finally {
      this.isSaving.set(false);
    }
  }

  protected async remove(item: ContractObligation, recordId: string): Promise<void> {
    this.error.set(null);
    try {
      this.obligations.set(
        await firstValueFrom(
          this.http.delete<ContractObligations>(`/api/contract-obligations/${recordId}`),
        ),
      );
      this.saved.set(
        this.transloco.translate('training.obligations.removed', { what: item.title }),
      );
      this.changed.emit();
    } catch (error) {
      this.saved.set(null);
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    }
  }
}
