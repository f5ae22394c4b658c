import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { formatLongDate } from '../core/time';
import { CalendarFeedStore } from './calendar-feed.store';

@Component({
  selector: 'app-calendar-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar.page.html',
  styleUrl: './me-pages.scss',
})
export class CalendarPage {
  protected readonly store = inject(CalendarFeedStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly activeLang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  /** Which irreversible action waits for a confirmation. */
  protected readonly confirming = signal<'regenerate' | 'revoke' | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly since = computed(() => {
    const createdAt = this.store.state()?.createdAt;
    return createdAt
      ? formatLongDate(new Date(createdAt), this.activeLang() === 'en' ? 'en' : 'fr')
      : '';
  });
  protected readonly webcal = computed(
    () => this.store.state()?.url?.replace(/^https?:/, 'webcal:') ?? null,
  );

  constructor() {
    void this.store.load();
  }

  protected async create(): Promise<void> {
    this.confirming.set(null);
    this.failure.set(null);
    if (!(await this.store.regenerate()))
      this.failure.set(this.transloco.translate('me.calendar.failed'));
  }

  protected async revoke(): Promise<void> {
    this.confirming.set(null);
    this.failure.set(null);
    if (await this.store.revoke()) {
      void this.announcer.announce(this.transloco.translate('me.calendar.revoked'), 'polite');
    } else {
      this.failure.set(this.transloco.translate('me.calendar.failed'));
    }
  }

  protected async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      void this.announcer.announce(this.transloco.translate('me.calendar.copied'), 'polite');
    } catch {
      this.failure.set(this.transloco.translate('me.calendar.failed'));
    }
  }
}
