import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, Me, Role } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { clearOfflineCopies } from '../me/offline';
import { messageOf } from '../shared/http-error';
import { FirstRead } from './first-read';

/** Who is signed in. `undefined` until the first `/api/auth/me` answer, `null` when signed out. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  // A read started ahead for one account is never handed to the next one.
  private readonly firstRead = inject(FirstRead);
  private readonly state = signal<Me | null | undefined>(undefined);

  readonly me = this.state.asReadonly();
  readonly isSignedIn = computed(() => !!this.state());
  readonly role = computed<Role | null>(() => this.state()?.role ?? null);

  private loading: Promise<void> | null = null;

  /** Asks the server who is signed in; guards that ask at the same time share one request. */
  load(): Promise<void> {
    this.loading ??= this.fetchMe().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fetchMe(): Promise<void> {
    try {
      this.state.set(await firstValueFrom(this.http.get<Me>('/api/auth/me')));
    } catch {
      this.state.set(null);
    }
  }

  /** Returns null on success, else the server's French message. */
  async login(request: LoginRequest): Promise<string | null> {
    try {
      const me = await firstValueFrom(this.http.post<Me>('/api/auth/login', request));
      // A session may have ended without a sign-out (expired, revoked): what the device kept
      // offline may be someone else's, and must not stand in for this person's answers.
      await clearOfflineCopies();
      this.firstRead.clear();
      this.state.set(me);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post('/api/auth/logout', {}));
    } finally {
      this.state.set(null);
      this.firstRead.clear();
      await clearOfflineCopies();
    }
  }

  /** Called when any request answers 401: the session ended on the server. */
  signedOut(): void {
    this.state.set(null);
    this.firstRead.clear();
  }
}
