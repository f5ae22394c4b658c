import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { CalendarFeedState } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';

/** My calendar link: its URL is known only right after creating or regenerating it. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<CalendarFeedState | null>(null);
  private readonly failed = signal(false);

  readonly state = this.current.asReadonly();
  readonly hasError = this.failed.asReadonly();

  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.http.get<CalendarFeedState>('/api/me/calendar')));
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
  }

  async regenerate(): Promise<boolean> {
    try {
      this.current.set(
        await firstValueFrom(this.http.post<CalendarFeedState>('/api/me/calendar', {})),
      );
      return true;
    } catch {
      return false;
    }
  }

  async revoke(): Promise<boolean> {
    try {
      await firstValueFrom(this.http.delete('/api/me/calendar'));
      this.current.set({ isActive: false, createdAt: null });
      return true;
    } catch {
      return false;
    }
  }
}
