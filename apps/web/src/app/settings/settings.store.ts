import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiError,
  FieldError,
  OrganisationSettings,
  OrganisationSettingsAnswer,
} from '@relais/api-types';
import { validateOrganisationSettings } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

/** Problems by field, in French: the server's, or the same legal bounds checked before sending. */
export type FieldProblems = Partial<Record<keyof OrganisationSettings, string>>;

/** The association's settings: read, changed by an admin, refused with the field and its bound. */
@Injectable({ providedIn: 'root' })
export class SettingsStore {
  private readonly http = inject(HttpClient);
  private readonly answer = signal<OrganisationSettingsAnswer | null>(null);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly saving = signal(false);
  private readonly problemsState = signal<FieldProblems>({});
  private readonly messageState = signal<string | null>(null);

  readonly settings = computed(() => this.answer()?.settings ?? null);
  readonly updatedAt = computed(() => this.answer()?.updatedAt ?? null);
  /** Who recorded the split-day agreement and when (L3123-30). */
  readonly splitDayAgreementRecorded = computed(
    () => this.answer()?.splitDayAgreementRecorded ?? null,
  );
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly isSaving = this.saving.asReadonly();
  readonly problems = this.problemsState.asReadonly();
  /** The refusal's sentence (or a network failure) for the whole form. */
  readonly message = this.messageState.asReadonly();

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.answer.set(
        await firstValueFrom(
          this.http.get<OrganisationSettingsAnswer>('/api/organisation/settings'),
        ),
      );
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  /** Saves every value; `false` with the problems by field when refused. */
  async save(settings: OrganisationSettings): Promise<boolean> {
    const local = validateOrganisationSettings(settings);
    if (local.length > 0) {
      this.problemsState.set(byField(local));
      this.messageState.set(null);
      return false;
    }
    this.saving.set(true);
    try {
      this.answer.set(
        await firstValueFrom(
          this.http.put<OrganisationSettingsAnswer>('/api/organisation/settings', settings),
        ),
      );
      this.problemsState.set({});
      this.messageState.set(null);
      return true;
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError>) : null;
      const details = Array.isArray(body?.details) ? (body.details as FieldError[]) : [];
      this.problemsState.set(byField(details));
      this.messageState.set(messageOf(error));
      return false;
    } finally {
      this.saving.set(false);
    }
  }
}

function byField(issues: readonly { field: string; message: string }[]): FieldProblems {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out as FieldProblems;
}
