import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LeaveBalance, RequestKind, RequestStatus, StaffRequest } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

/** Body of `POST /api/requests`. */
export interface NewStaffRequest {
  kind: RequestKind;
  start: string;
  end: string;
  weekday?: number | null;
  startTime?: string | null;
  endTime?: string | null;
  comment?: string | null;
}

export interface RequestView {
  id: string;
  personName: string;
  kind: RequestKind;
  status: RequestStatus;
  /** "01/12/2026". */
  start: string;
  end: string;
  /** Weekly recurrence, "09:00"–"12:30" on an ISO weekday. */
  recurrence: { weekday: number; start: string; end: string } | null;
  comment: string | null;
  reply: string | null;
  /** Jours ouvrables asked for, for leave. */
  leaveDays: number | null;
  /** The person's paid leave left today, for leave. */
  remainingDays: number | null;
  /** "solde insuffisant : 3 jours restants pour 5 demandés". */
  balanceWarning: string | null;
}

export function requestView(request: StaffRequest): RequestView {
  return {
    id: request.id,
    personName: request.personName,
    kind: request.kind,
    status: request.status,
    start: formatDate(request.start),
    end: formatDate(request.end),
    recurrence:
      request.weekday && request.startTime && request.endTime
        ? { weekday: request.weekday, start: request.startTime, end: request.endTime }
        : null,
    comment: request.comment,
    reply: request.reply,
    leaveDays: request.leaveDays ?? null,
    remainingDays: request.remainingDays ?? null,
    balanceWarning: request.balanceWarning ?? null,
  };
}

/**
 * Managers, HR and the director see the pending queue; a mediator sees their own requests,
 * whatever their status.
 */
@Injectable({ providedIn: 'root' })
export class RequestsStore {
  private readonly http = inject(HttpClient);
  private readonly requests = signal<StaffRequest[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly mode = signal<'queue' | 'mine'>('queue');
  private readonly balanceOf = signal<LeaveBalance | null>(null);
  readonly balance = this.balanceOf.asReadonly();

  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');
  readonly views = computed(() =>
    [...this.requests()]
      .sort((a, b) =>
        this.mode() === 'mine'
          ? b.createdAt.localeCompare(a.createdAt)
          : a.start.localeCompare(b.start) || a.createdAt.localeCompare(b.createdAt),
      )
      .map(requestView),
  );

  async load(mode: 'queue' | 'mine'): Promise<void> {
    this.mode.set(mode);
    this.status.set('loading');
    try {
      const url = mode === 'queue' ? '/api/requests?status=pending' : '/api/requests';
      this.requests.set(await firstValueFrom(this.http.get<StaffRequest[]>(url)));
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  /** Returns null on success (the request leaves the queue), else the server's message or ''. */
  async decide(
    id: string,
    status: 'approved' | 'refused',
    reply: string | null,
  ): Promise<string | null> {
    try {
      const decided = await firstValueFrom(
        this.http.post<StaffRequest>(`/api/requests/${id}/decision`, { status, reply }),
      );
      this.requests.update((list) =>
        this.mode() === 'queue'
          ? list.filter((request) => request.id !== id)
          : list.map((request) => (request.id === id ? decided : request)),
      );
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  /** The created request, or the server's French message ('' when unknown). */
  async send(request: NewStaffRequest): Promise<StaffRequest | string> {
    try {
      const created = await firstValueFrom(this.http.post<StaffRequest>('/api/requests', request));
      this.requests.update((list) => [created, ...list]);
      return created;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  /** The person's paid-leave balance; stays null when it cannot be read. */
  async loadBalance(personId: string): Promise<void> {
    try {
      this.balanceOf.set(
        await firstValueFrom(this.http.get<LeaveBalance>(`/api/people/${personId}/leave-balance`)),
      );
    } catch {
      this.balanceOf.set(null);
    }
  }
}
