import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { OpenShift, OpenShiftClaim } from '@relais/api-types';
import { dayOf, dayTitle, rangeOf } from '../me/me.format';
import { OpenShiftsStore } from './open-shifts.store';

@Component({
  selector: 'app-open-shifts-page',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open-shifts.page.html',
  styleUrl: '../me/me-pages.scss',
})
export class OpenShiftsPage {
  protected readonly store = inject(OpenShiftsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly activeLang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });
  private readonly lang = computed<'fr' | 'en'>(() => (this.activeLang() === 'en' ? 'en' : 'fr'));

  /** The message of the last action, next to the shift or claim it answers (by id). */
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly busy = signal<string | null>(null);

  constructor() {
    void this.store.load();
  }

  protected when(item: { start: string; end: string }): string {
    if (!item.start) return '';
    return `${dayTitle(dayOf(item.start), this.lang())} · ${rangeOf(item.start, item.end)}`;
  }

  protected async claim(shift: OpenShift): Promise<void> {
    this.busy.set(shift.id);
    const failure = await this.store.claim(shift);
    this.busy.set(null);
    this.setError(shift.id, failure);
    if (failure === null)
      void this.announcer.announce(
        this.transloco.translate('openShifts.claimed', { when: this.when(shift) }),
        'polite',
      );
  }

  protected async withdraw(claimId: string, key: string): Promise<void> {
    this.busy.set(key);
    const failure = await this.store.withdraw(claimId);
    this.busy.set(null);
    this.setError(key, failure);
    if (failure === null)
      void this.announcer.announce(this.transloco.translate('openShifts.withdrawn'), 'polite');
  }

  protected isOpen(claim: OpenShiftClaim): boolean {
    return claim.status === 'pending';
  }

  private setError(key: string, failure: string | null): void {
    this.errors.update((errors) => {
      const next = { ...errors };
      if (failure === null) delete next[key];
      else next[key] = failure || this.transloco.translate('openShifts.failed');
      return next;
    });
  }
}
