import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ShiftSwap, Violation } from '@relais/api-types';
import { AuthStore } from '../core/auth.store';
import { dayOf, dayTitle, rangeOf } from './me.format';
import { SwapAction, SwapsStore } from './swaps.store';

@Component({
  selector: 'app-swaps-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './swaps.page.html',
  styleUrl: './me-pages.scss',
})
export class SwapsPage {
  protected readonly store = inject(SwapsStore);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly activeLang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });

  protected readonly replies = signal<Record<string, string>>({});
  protected readonly errors = signal<Record<string, { message: string; violations: Violation[] }>>(
    {},
  );
  protected readonly me = computed(() => this.auth.me()?.personId ?? null);
  protected readonly canDecide = computed(() => this.auth.role() !== 'mediator');

  constructor() {
    void this.store.load();
  }

  protected when(swap: Pick<ShiftSwap, 'start' | 'end'>): string {
    if (!swap.start) return '';
    return `${dayTitle(dayOf(swap.start), this.activeLang() === 'en' ? 'en' : 'fr')} ${rangeOf(swap.start, swap.end)}`;
  }

  protected setReply(id: string, text: string): void {
    this.replies.update((replies) => ({ ...replies, [id]: text }));
  }

  protected async act(swap: ShiftSwap, action: SwapAction): Promise<void> {
    const reply = this.replies()[swap.id]?.trim() || null;
    const failure = await this.store.act(swap, action, reply);
    if (failure) {
      this.errors.update((errors) => ({
        ...errors,
        [swap.id]: {
          message: failure.message || this.transloco.translate('me.swaps.failed'),
          violations: failure.violations,
        },
      }));
      return;
    }
    this.errors.update((errors) => {
      const rest = { ...errors };
      delete rest[swap.id];
      return rest;
    });
    void this.announcer.announce(this.transloco.translate('me.swaps.done'), 'polite');
  }
}
