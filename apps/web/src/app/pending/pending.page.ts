import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Violation } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { dayOf, dayTitle, rangeOf } from '../me/me.format';
import { DecisionFailure, PendingKind, PendingStore } from './pending.store';

/** The manager's decisions in one list: each item with the rules' verdict and two buttons. */
@Component({
  selector: 'app-pending-page',
  imports: [NgTemplateOutlet, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pending.page.html',
  styleUrl: './pending.page.scss',
})
export class PendingPage {
  protected readonly store = inject(PendingStore);
  private readonly transloco = inject(TranslocoService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly activeLang = toSignal(this.transloco.langChanges$, { initialValue: 'fr' });
  private readonly lang = computed<'fr' | 'en'>(() => (this.activeLang() === 'en' ? 'en' : 'fr'));

  protected readonly replies = signal<Record<string, string>>({});
  protected readonly errors = signal<Record<string, DecisionFailure>>({});
  protected readonly busy = signal<string | null>(null);
  protected readonly date = formatDate;

  constructor() {
    void this.store.load();
  }

  protected when(item: { start: string; end: string }): string {
    if (!item.start) return '';
    return `${dayTitle(dayOf(item.start), this.lang())} · ${rangeOf(item.start, item.end)}`;
  }

  protected setReply(id: string, text: string): void {
    this.replies.update((replies) => ({ ...replies, [id]: text }));
  }

  protected problem(id: string): string | null {
    return this.store.decisions()?.problems[id] ?? null;
  }

  protected blocking(violations: Violation[]): Violation[] {
    return violations.filter((violation) => violation.severity === 'block');
  }

  protected async decide(
    kind: PendingKind,
    id: string,
    status: 'approved' | 'refused',
    label: string,
  ): Promise<void> {
    this.busy.set(id);
    const failure = await this.store.decide(kind, id, status, this.replies()[id]?.trim() || null);
    this.busy.set(null);
    this.errors.update((errors) => {
      const next = { ...errors };
      if (failure)
        next[id] = {
          ...failure,
          message: failure.message || this.transloco.translate('pending.failed'),
        };
      else delete next[id];
      return next;
    });
    if (!failure)
      void this.announcer.announce(
        this.transloco.translate(
          status === 'approved' ? 'pending.approvedDone' : 'pending.refusedDone',
          {
            what: label,
          },
        ),
        'polite',
      );
  }
}
