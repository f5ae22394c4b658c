import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { OpenShift, OpenShiftClaim } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

/**
 * The open shifts the mediator may take ("Je suis disponible") and her claims. The server lists
 * only the shifts the rules let her take; a claim or a withdrawal answers with the claim.
 */
@Injectable({ providedIn: 'root' })
export class OpenShiftsStore {
  private readonly http = inject(HttpClient);
  private readonly shiftList = signal<OpenShift[]>([]);
  private readonly claimList = signal<OpenShiftClaim[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');

  readonly shifts = this.shiftList.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');
  /** Claims still waiting first, then the latest decisions. */
  readonly claims = computed(() =>
    [...this.claimList()].sort(
      (a, b) =>
        Number(b.status === 'pending') - Number(a.status === 'pending') ||
        b.createdAt.localeCompare(a.createdAt),
    ),
  );

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      const [shifts, claims] = await Promise.all([
        firstValueFrom(this.http.get<OpenShift[]>('/api/open-shifts')),
        firstValueFrom(this.http.get<OpenShiftClaim[]>('/api/claims')),
      ]);
      this.shiftList.set(shifts);
      this.claimList.set(claims);
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  /** "Je suis disponible". Null when sent, else the server's message (or '' when none). */
  async claim(shift: OpenShift): Promise<string | null> {
    try {
      const claim = await firstValueFrom(
        this.http.post<OpenShiftClaim>(`/api/open-shifts/${shift.id}/claims`, {
          version: shift.version,
        }),
      );
      this.shiftList.update((list) =>
        list.map((item) => (item.id === shift.id ? { ...item, pendingClaimId: claim.id } : item)),
      );
      this.claimList.update((list) => [claim, ...list]);
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async withdraw(claimId: string): Promise<string | null> {
    try {
      const claim = await firstValueFrom(
        this.http.post<OpenShiftClaim>(`/api/claims/${claimId}/withdraw`, {}),
      );
      this.claimList.update((list) => list.map((item) => (item.id === claimId ? claim : item)));
      this.shiftList.update((list) =>
        list.map((item) =>
          item.pendingClaimId === claimId ? { ...item, pendingClaimId: null } : item,
        ),
      );
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }
}
