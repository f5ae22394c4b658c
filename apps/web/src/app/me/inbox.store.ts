import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { AppNotification, NotificationInbox } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';

/** The inbox and its unread count (the badge in the top bar). */
@Injectable({ providedIn: 'root' })
export class InboxStore {
  private readonly http = inject(HttpClient);
  private readonly itemList = signal<AppNotification[]>([]);
  private readonly unreadCount = signal(0);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');

  private loadedAt = 0;

  readonly items = this.itemList.asReadonly();
  readonly unread = this.unreadCount.asReadonly();
  readonly isLoaded = () => this.status() === 'loaded';
  readonly hasError = () => this.status() === 'error';

  /** For the badge: at most one request every 30 s while the person moves between pages. */
  async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt < 30_000) return;
    await this.load();
  }

  async load(): Promise<void> {
    this.loadedAt = Date.now();
    if (this.status() === 'idle') this.status.set('loading');
    try {
      const inbox = await firstValueFrom(this.http.get<NotificationInbox>('/api/notifications'));
      this.itemList.set(inbox.items);
      this.unreadCount.set(inbox.unread);
      this.status.set('loaded');
    } catch {
      if (this.status() !== 'loaded') this.status.set('error');
    }
  }

  async markRead(item: AppNotification): Promise<void> {
    if (item.readAt) return;
    await firstValueFrom(this.http.post(`/api/notifications/${item.id}/read`, {}));
    this.itemList.update((list) =>
      list.map((other) =>
        other.id === item.id ? { ...other, readAt: new Date().toISOString() } : other,
      ),
    );
    this.unreadCount.update((count) => Math.max(0, count - 1));
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.http.post('/api/notifications/read-all', {}));
    const now = new Date().toISOString();
    this.itemList.update((list) => list.map((item) => ({ ...item, readAt: item.readAt ?? now })));
    this.unreadCount.set(0);
  }

  clear(): void {
    this.loadedAt = 0;
    this.itemList.set([]);
    this.unreadCount.set(0);
    this.status.set('idle');
  }
}
