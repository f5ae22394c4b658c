import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { HoursStatementSummary } from '@relais/api-types';
import { formatMonth } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

/** The caller's hours statements, as HR sent them: read on the phone and signed off. */
@Injectable({ providedIn: 'root' })
export class MyStatementsStore {
  private readonly http = inject(HttpClient);
  private readonly listState = signal<HoursStatementSummary[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly messageState = signal<{ text: string; isError: boolean } | null>(null);

  readonly statements = this.listState.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly message = this.messageState.asReadonly();

  pdfUrl(month: string): string {
    return `/api/me/statements/${month}/statement.pdf`;
  }

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.listState.set(
        await firstValueFrom(this.http.get<HoursStatementSummary[]>('/api/me/statements')),
      );
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  async signOff(month: string): Promise<void> {
    try {
      const signed = await firstValueFrom(
        this.http.post<HoursStatementSummary>('/api/me/statements/sign-off', { month }),
      );
      this.listState.update((list) => list.map((s) => (s.month === month ? signed : s)));
      this.messageState.set({
        text: `Relevé de ${formatMonth(month)} validé. Merci !`,
        isError: false,
      });
    } catch (error) {
      this.messageState.set({
        text: messageOf(error) ?? 'La validation n’a pas abouti. Réessayez dans un instant.',
        isError: true,
      });
    }
  }
}
