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
  /** Give my shift, or exchange it for one of the colleague's. */
  protected readonly swapKind = signal<'give' | 'exchange'>('give');
  protected readonly counterId = signal('');
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
  }

  protected dayLabel(date: string): string {
    return dayTitle(date, this.lang());
  }

  protected hours(minutes: number): string {
    return formatDuration(Math.round(minutes));
  }

  /** "Semaine 50", with the year when it is not this year's ("Semaine 1 (2027)"). */
  protected readonly weekLabel = computed(() => {
    const week = this.store.shown()?.week;
    if (!week) return '';
    const n = Number(week.slice(6));
    return week.slice(0, 4) === this.today().slice(0, 4)
      ? this.transloco.translate('me.week.weekTitle', { n })
      : this.transloco.translate('me.week.weekTitleYear', { n, year: week.slice(0, 4) });
  });

  /** "décembre 2026" for "2026-12". */
  protected monthLabel(month: string): string {
    return new Intl.DateTimeFormat(this.lang() === 'en' ? 'en-GB' : 'fr-FR', {
      timeZone: 'UTC',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${month}-15T12:00:00Z`));
  }

  protected contractHours(): string | null {
    const hours = this.store.shown()?.weeklyHours;
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
    this.swapKind.set('give');
    this.counterId.set('');
    await this.store.loadColleagues(shift);
    this.swapTo.set(this.store.colleagues()[0]?.id ?? '');
  }

  protected async chooseColleague(id: string): Promise<void> {
    this.swapTo.set(id);
    if (this.swapKind() === 'exchange') await this.loadCounters();
  }

  protected async chooseKind(kind: 'give' | 'exchange'): Promise<void> {
    this.swapKind.set(kind);
    if (kind === 'exchange') await this.loadCounters();
  }

  private async loadCounters(): Promise<void> {
    this.counterId.set('');
    if (!this.swapTo()) return;
    await this.store.loadExchangeable(this.swapTo());
    this.counterId.set(this.store.exchangeable()[0]?.id ?? '');
  }

  /** "jeudi 17 décembre · 09:00–12:30 · Accueil" for the exchange picker. */
  protected counterLabel(shift: { start: string; end: string; activity: string }): string {
    return `${this.dayLabel(dayOf(shift.start))} · ${rangeOf(shift.start, shift.end)} · ${this.transloco.translate(`rota.activities.${shift.activity}`)}`;
  }

  protected async sendSwap(shift: MyShift): Promise<void> {
    if (!this.swapTo()) return;
    const counter =
      this.swapKind() === 'exchange'
        ? (this.store.exchangeable().find((item) => item.id === this.counterId()) ?? null)
        : null;
    if (this.swapKind() === 'exchange' && !counter) {
      this.swapError.set(this.transloco.translate('me.week.exchangeRequired'));
      return;
    }
    if (this.store.isOffline()) {
      this.swapError.set(this.transloco.translate('me.week.swapOffline'));
      return;
    }
    this.isSending.set(true);
    const failure = await this.store.offerSwap(
      shift,
      this.swapTo(),
      this.swapMessage().trim() || null,
      counter,
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
