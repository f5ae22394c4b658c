import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MyShift } from '@relais/api-types';
import { formatDuration } from '../core/time';
import { asOfLabel, dayOf, dayTitle, rangeOf, timeOf } from './me.format';
import { MyWeekStore } from './my-week.store';
import { registerOfflineSupport } from './offline';

@Component({
  selector: 'app-my-week-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-week.page.html',
  styleUrl: './my-week.page.scss',
})
export class MyWeekPage {
  protected readonly store = inject(MyWeekStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly activeLang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });
  protected readonly lang = computed<'fr' | 'en'>(() => (this.activeLang() === 'en' ? 'en' : 'fr'));

  protected readonly openId = signal<string | null>(null);
  protected readonly swapFor = signal<string | null>(null);
  protected readonly swapTo = signal('');
  protected readonly swapMessage = signal('');
  protected readonly swapError = signal<string | null>(null);
  protected readonly isSending = signal(false);

  protected readonly today = computed(() => dayOf(new Date().toISOString()));
  protected readonly asOf = computed(() => {
    const week = this.store.week();
    return week ? asOfLabel(week.generatedAt, this.lang()) : '';
  });
  /** The Today card: the shift under way, else the next one today, else the next working day. */
  protected readonly todayCard = computed(() => {
    const now = Date.now();
    const shifts = (this.store.week()?.shifts ?? []).filter(
      (shift) => shift.change !== 'cancelled',
    );
    const upcoming = shifts.filter((shift) => new Date(shift.end).getTime() > now);
    const current = upcoming.find((shift) => new Date(shift.start).getTime() <= now);
    const todays = upcoming.filter((shift) => dayOf(shift.start) === this.today());
    const next = upcoming[0];
    return { current, today: current ?? todays[0], next };
  });

  protected readonly range = rangeOf;
  protected readonly time = timeOf;
  protected readonly day = dayOf;

  constructor() {
    void this.store.load();
    registerOfflineSupport();
  }

  protected dayLabel(date: string): string {
    return dayTitle(date, this.lang());
  }

  protected hours(minutes: number): string {
    return formatDuration(Math.round(minutes));
  }

  protected contractHours(): string | null {
    const hours = this.store.week()?.weeklyHours;
    return hours ? formatDuration(Math.round(hours * 60)) : null;
  }

  protected mapUrl(shift: MyShift): string {
    return `https://www.openstreetmap.org/search?query=${encodeURIComponent(shift.locationAddress)}`;
  }

  protected toggle(shift: MyShift): void {
    this.openId.update((id) => (id === shift.id ? null : shift.id));
    this.swapFor.set(null);
  }

  protected async startSwap(shift: MyShift): Promise<void> {
    this.swapFor.set(shift.id);
    this.swapError.set(null);
    this.swapMessage.set('');
    await this.store.loadColleagues();
    this.swapTo.set(this.store.colleagues()[0]?.id ?? '');
  }

  protected async sendSwap(shift: MyShift): Promise<void> {
    if (!this.swapTo()) return;
    if (this.store.isOffline()) {
      this.swapError.set(this.transloco.translate('me.week.swapOffline'));
      return;
    }
    this.isSending.set(true);
    const failure = await this.store.offerSwap(
      shift,
      this.swapTo(),
      this.swapMessage().trim() || null,
    );
    this.isSending.set(false);
    if (failure !== null) {
      this.swapError.set(failure || this.transloco.translate('me.week.swapFailed'));
      return;
    }
    const colleague = this.store.colleagues().find((person) => person.id === this.swapTo());
    this.swapFor.set(null);
    void this.announcer.announce(
      this.transloco.translate('me.week.swapSent', {
        name: colleague ? `${colleague.firstName} ${colleague.lastName}` : '',
      }),
      'polite',
    );
  }
}
