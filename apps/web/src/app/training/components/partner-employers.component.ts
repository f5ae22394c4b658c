import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PartnerEmployer, PartnerEmployerRequest } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { fieldErrors } from '../../people/people.store';
import { messageOf } from '../../shared/http-error';

const FIELDS = ['sector', 'town', 'contactName', 'contactEmail', 'contactPhone', 'note'] as const;

/** « Employeurs partenaires » on the HR pathway dashboard: the list, one form to add or edit. */
@Component({
  selector: 'app-partner-employers',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel partners" aria-labelledby="partners-title">
      <h2 id="partners-title">{{ 'training.jobSearch.partners.title' | transloco }}</h2>
      <p class="hint">{{ 'training.jobSearch.partners.help' | transloco }}</p>
      @if (partners().length) {
        <ul>
          @for (p of partners(); track p.id) {
            <li>
              <strong>{{ p.name }}</strong>
              @if (p.sector) {
                — {{ p.sector }}
              }
              @if (p.town) {
                , {{ p.town }}
              }
              @if (p.contactName || p.contactEmail || p.contactPhone) {
                <br />
                {{ contactLine(p) }}
              }
              <button mat-button type="button" (click)="edit(p)">
                {{ 'training.jobSearch.partners.edit' | transloco }}
                <span class="visually-hidden">{{ p.name }}</span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'training.jobSearch.partners.empty' | transloco }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'training.jobSearch.partners.name' | transloco }}</mat-label>
          <input matInput maxlength="120" formControlName="name" required />
          @if (errors()['name']; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @for (f of fields; track f) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'training.jobSearch.partners.' + f | transloco }}</mat-label>
            <input
              matInput
              [type]="f === 'contactEmail' ? 'email' : f === 'contactPhone' ? 'tel' : 'text'"
              [maxlength]="f === 'note' ? 1000 : 254"
              [formControlName]="f"
            />
            @if (errors()[f]; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="isSaving()">
            {{
              (editing() ? 'training.jobSearch.partners.save' : 'training.jobSearch.partners.add')
                | transloco
            }}
          </button>
          @if (editing()) {
            <button mat-button type="button" (click)="cancel()">
              {{ 'training.jobSearch.partners.cancel' | transloco }}
            </button>
          }
        </div>
      </form>
      @if (error(); as message) {
        <p class="field-error" role="alert">✖ {{ message }}</p>
      }
    </section>
  `,
  styles: `
    .partners {
      overflow-wrap: anywhere;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr));
      column-gap: 16px;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .hint {
      color: #444;
    }
    .field-error {
      color: #b00020;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class PartnerEmployersComponent implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly fields = FIELDS;
  protected readonly partners = signal<PartnerEmployer[]>([]);
  protected readonly editing = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly isSaving = signal(false);
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    sector: [''],
    town: [''],
    contactName: [''],
    contactEmail: [''],
    contactPhone: [''],
    note: [''],
  });

  async ngOnInit(): Promise<void> {
    try {
      this.partners.set(
        await firstValueFrom(this.http.get<PartnerEmployer[]>('/api/partner-employers')),
      );
    } catch (error) {
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    }
  }

  protected edit(partner: PartnerEmployer): void {
    this.editing.set(partner.id);
    this.form.reset({
      name: partner.name,
      ...Object.fromEntries(FIELDS.map((field) => [field, partner[field] ?? ''])),
    });
  }

  protected cancel(): void {
    this.editing.set(null);
    this.form.reset();
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: PartnerEmployerRequest = {
      name: value.name,
      sector: value.sector.trim() || null,
      town: value.town.trim() || null,
      contactName: value.contactName.trim() || null,
      contactEmail: value.contactEmail.trim() || null,
      contactPhone: value.contactPhone.trim() || null,
      note: value.note.trim() || null,
    };
    const id = this.editing();
    this.isSaving.set(true);
    this.error.set(null);
    this.errors.set({});
    try {
      const saved = await firstValueFrom(
        id
          ? this.http.patch<PartnerEmployer>(`/api/partner-employers/${id}`, body)
          : this.http.post<PartnerEmployer>('/api/partner-employers', body),
      );
      this.partners.update((list) =>
        [...list.filter((p) => p.id !== saved.id), saved].sort((a, b) =>
          a.name.localeCompare(b.name, 'fr'),
        ),
      );
      this.cancel();
    } catch (error) {
      this.errors.set(fieldErrors(error));
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    } finally {
      this.isSaving.set(false);
    }
  }

  protected contactLine(partner: PartnerEmployer): string {
    return [partner.contactName, partner.contactEmail, partner.contactPhone]
      .filter((part) => part)
      .join(' · ');
  }
}
