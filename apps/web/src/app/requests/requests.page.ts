import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { REQUEST_KINDS, type RequestKind } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { RequestsStore, RequestView } from './requests.store';

@Component({
  selector: 'app-requests-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './requests.page.html',
  styleUrl: './requests.page.scss',
})
export class RequestsPage {
  protected readonly store = inject(RequestsStore);
  private readonly auth = inject(AuthStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly kinds = REQUEST_KINDS;
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7];
  /** A mediator sees their own requests and asks; everyone else answers the queue. */
  protected readonly isMine = computed(() => this.auth.role() === 'mediator');
  protected readonly replies = signal<Record<string, string>>({});
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly sendError = signal<string | null>(null);
  protected readonly isSending = signal(false);
  /** What the last request sent got back, shown under the form. */
  protected readonly sent = signal<{ warning: string | null } | null>(null);
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly balanceLine = computed(() => {
    const balance = this.store.balance();
    if (!balance) return null;
    return this.transloco.translate('requests.balance', {
      start: formatDate(balance.periodStart),
      end: formatDate(balance.periodEnd),
      acquired: this.days(balance.acquiredDays),
      taken: this.days(balance.takenDays),
      remaining: this.days(balance.remainingDays),
    });
  });

  protected readonly form = this.fb.group({
    kind: ['leave' as RequestKind, Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
    isRecurring: [false],
    weekday: [1],
    startTime: ['09:00'],
    endTime: ['12:30'],
    comment: [''],
  });

  constructor() {
    void this.store.load(this.isMine() ? 'mine' : 'queue');
    const personId = this.auth.me()?.personId;
    if (this.isMine() && personId) void this.store.loadBalance(personId);
  }

  /** "1 jour", "9 jours". */
  protected days(n: number): string {
    return this.transloco.translate(Math.abs(n) > 1 ? 'requests.days' : 'requests.day', {
      n: String(n).replace('.', ','),
    });
  }

  protected setReply(id: string, text: string): void {
    this.replies.update((replies) => ({ ...replies, [id]: text }));
  }

  protected async decide(request: RequestView, status: 'approved' | 'refused'): Promise<void> {
    const reply = this.replies()[request.id]?.trim() || null;
    const failure = await this.store.decide(request.id, status, reply);
    if (failure !== null) {
      const message = failure || this.transloco.translate('requests.decisionFailed');
      this.errors.update((errors) => ({ ...errors, [request.id]: message }));
      return;
    }
    void this.announcer.announce(
      this.transloco.translate(`requests.${status}`, { name: request.personName }),
      'polite',
    );
  }

  protected async send(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSending.set(true);
    this.sendError.set(null);
    this.sent.set(null);
    const answer = await this.store.send({
      kind: value.kind,
      start: value.start,
      end: value.end,
      weekday: value.isRecurring ? Number(value.weekday) : null,
      startTime: value.isRecurring ? value.startTime : null,
      endTime: value.isRecurring ? value.endTime : null,
      comment: value.comment.trim() || null,
    });
    this.isSending.set(false);
    if (typeof answer === 'string') {
      this.sendError.set(answer || this.transloco.translate('requests.sendFailed'));
      return;
    }
    // The directive's reset also clears its "submitted" state: the emptied required fields are
    // not shown in error.
    const directive = this.formDirective();
    if (directive) directive.resetForm();
    else this.form.reset();
    this.sent.set({ warning: answer.balanceWarning });
    const personId = this.auth.me()?.personId;
    // The confirmation under the form is a status region: it is announced from there.
    if (answer.kind === 'leave' && personId) void this.store.loadBalance(personId);
  }
}
