import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ApiError, PendingCount, PendingDecisions, Violation } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

export type PendingKind = 'request' | 'swap' | 'claim';

/** Outcome of a decision: null when done, else the message and any blocking problems. */
export interface DecisionFailure {
  message: string;
  violations: Violation[];
}

const DECISION_URL: Record<PendingKind, string> = {
  request: '/api/requests',
  swap: '/api/swaps',
  claim: '/api/claims',
};

/**
 * What waits for the manager's decision (requests, swaps, claims) with the rules' verdict on each,
 * and the count behind the navigation's badge.
 */
@Injectable({ providedIn: 'root' })
export class PendingStore {
  private readonly http = inject(HttpClient);
  private readonly data = signal<PendingDecisions | null>(null);
  private readonly badge = signal(0);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private countedAt = 0;

  readonly decisions = this.data.asReadonly();
  readonly count = this.badge.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');

  /** For the badge: at most one request every 30 s while the person moves between pages. */
  async refreshCount(): Promise<void> {
    if (Date.now() - this.countedAt < 30_000) return;
    this.countedAt = Date.now();
    try {
      this.badge.set(
        (await firstValueFrom(this.http.get<PendingCount>('/api/pending/count'))).count,
      );
    } catch {
      // The badge keeps its last value; the page says when the list cannot be read.
    }
  }

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      const decisions = await firstValueFrom(this.http.get<PendingDecisions>('/api/pending'));
      this.data.set(decisions);
      this.badge.set(decisions.count);
      this.countedAt = Date.now();
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  /** Approves or refuses one item; on success it leaves the list and the badge. */
  async decide(
    kind: PendingKind,
    id: string,
    status: 'approved' | 'refused',
    reply: string | null,
  ): Promise<DecisionFailure | null> {
    try {
      await firstValueFrom(
        this.http.post(`${DECISION_URL[kind]}/${id}/decision`, { status, reply }),
      );
      this.data.update((data) => {
        if (!data) return data;
        const shiftId = data.claims.find((claim) => claim.id === id)?.shiftId;
        const requests = data.requests.filter((item) => item.request.id !== id);
        const swaps = data.swaps.filter((item) => item.id !== id);
        // An approved claim closes the others on the same shift.
        const claims = data.claims.filter(
          (item) =>
            item.id !== id &&
            !(kind === 'claim' && status === 'approved' && item.shiftId === shiftId),
        );
        return {
          ...data,
          count: requests.length + swaps.length + claims.length,
          requests,
          swaps,
          claims,
        };
      });
      this.badge.set(this.data()?.count ?? 0);
      this.countedAt = 0;
      return null;
    } catch (error) {
      const violations =
        error instanceof HttpErrorResponse
          ? ((error.error as Partial<ApiError> | null)?.violations ?? [])
          : [];
      return { message: messageOf(error) ?? '', violations };
    }
  }

  clear(): void {
    this.countedAt = 0;
    this.badge.set(0);
    this.data.set(null);
    this.status.set('idle');
  }
}
