import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DueObligation, DueObligations } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../shared/http-error';
import { todayInParis } from '../../shared/today';

/**
 * HR's month (`GET /api/obligations/due`): every contract obligation not met that falls due by
 * the end of the chosen month, late ones first, each linked to the person's pathway.
 */
@Component({
  selector: 'app-obligations-due',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="obligations-due-title">{{ 'training.obligations.month.title' | transloco }}</h2>
    <p class="hint">{{ 'training.obligations.month.help' | transloco }}</p>
    <mat-form-field appearance="outline">
      <mat-label>{{ 'training.obligations.month.month' | transloco }}</mat-label>
      <input
        matInput
        type="month"
        [ngModel]="month()"
        (ngModelChange)="month.set($event || thisMonth)"
      />
    </mat-form-field>
    @if (error(); as message) {
      <p class="error" role="alert">✖ {{ message }}</p>
    } @else if (items(); as list) {
      @if (list.length === 0) {
        <p>{{ 'training.obligations.month.empty' | transloco }}</p>
      } @else {
        <p role="status">
          {{ 'training.obligations.month.count' | transloco: { count: list.length, late: late() } }}
        </p>
        <ul class="due" aria-labelledby="obligations-due-title">
          @for (item of list; track item.contractId + item.code) {
            <li [class]="'state-' + item.status">
              <span class="state">{{
                'training.obligations.states.' + item.status | transloco
              }}</span>
              <span class="date">{{ dueLabel(item) }}</span>
              <a [routerLink]="['/parcours', item.personId]">{{ item.personName }}</a>
              <span class="type">({{ 'contractTypes.' + item.contractType | transloco }})</span>
              <span class="what">{{ item.title }}</span>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font-size: 1.125rem;
    }
    .hint {
      color: #444;
    }
    .due {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      border-top: 1px solid #ccc;
      padding: 6px 0;
      overflow-wrap: anywhere;
    }
    .state {
      border: 1px solid currentColor;
      border-radius: 12px;
      padding: 0 8px;
      font-size: 0.875rem;
      white-space: nowrap;
    }
    .state-en_retard .state {
      color: #b3261e;
      font-weight: 600;
    }
    .what {
      flex-basis: 100%;
    }
    a {
      min-height: 24px;
    }
    .error {
      color: #b3261e;
    }
  `,
})
export class ObligationsDueComponent {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  protected readonly thisMonth = todayInParis().slice(0, 7);
  protected readonly month = signal(this.thisMonth);
  protected readonly items = signal<DueObligation[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly late = computed(
    () => this.items()?.filter((item) => item.status === 'en_retard').length ?? 0,
  );

  constructor() {
    effect(() => {
      const month = this.month();
      untracked(() => void this.load(month));
    });
  }

  protected dueLabel(item: DueObligation): string {
    return item.due ? formatDate(item.due) : '—';
  }

  private async load(month: string): Promise<void> {
    this.error.set(null);
    try {
      const answer = await firstValueFrom(
        this.http.get<DueObligations>('/api/obligations/due', { params: { month } }),
      );
      this.items.set(answer.items);
    } catch (error) {
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    }
  }
}
