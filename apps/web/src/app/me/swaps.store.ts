import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ApiError, ShiftSwap, Violation } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

export type SwapAction = 'accept' | 'cancel' | 'approved' | 'refused';

/** Outcome of an action: null when done, else the message and any blocking problems. */
export interface SwapFailure {
  message: string;
  violations: Violation[];
}

@Injectable({ providedIn: 'root' })
export class SwapsStore {
  private readonly http = inject(HttpClient);
  private readonly list = signal<ShiftSwap[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');

  readonly swaps = this.list.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.list.set(await firstValueFrom(this.http.get<ShiftSwap[]>('/api/swaps')));
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  async act(
    swap: ShiftSwap,
    action: SwapAction,
    reply: string | null,
  ): Promise<SwapFailure | null> {
    const url =
      action === 'accept' || action === 'cancel'
        ? `/api/swaps/${swap.id}/${action}`
        : `/api/swaps/${swap.id}/decision`;
    const body = action === 'approved' || action === 'refused' ? { status: action, reply } : {};
    try {
      const updated = await firstValueFrom(this.http.post<ShiftSwap>(url, body));
      this.list.update((list) => list.map((item) => (item.id === swap.id ? updated : item)));
      return null;
    } catch (error) {
      const violations =
        error instanceof HttpErrorResponse
          ? ((error.error as Partial<ApiError> | null)?.violations ?? [])
          : [];
      return { message: messageOf(error) ?? '', violations };
    }
  }
}
