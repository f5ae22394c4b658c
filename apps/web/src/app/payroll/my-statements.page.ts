import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatDate, formatMonth } from '@relais/rules';
import { MyStatementsStore } from './my-statements.store';

/** « Mes relevés d'heures »: each closed month's statement, opened and signed off on the phone. */
@Component({
  selector: 'app-my-statements-page',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'payroll.mine.title' | transloco }}</h1>
    <p class="intro">{{ 'payroll.mine.intro' | transloco }}</p>
    @if (store.message(); as message) {
      <p
        class="message"
        [class.error]="message.isError"
        [attr.role]="message.isError ? 'alert' : 'status'"
      >
        {{ message.text }}
      </p>
    }
    @if (store.isLoading()) {
      <p aria-busy="true" role="status">{{ 'payroll.mine.loading' | transloco }}</p>
    } @else if (store.hasError()) {
      <p role="alert">{{ 'payroll.mine.error' | transloco }}</p>
    } @else if (store.statements().length === 0) {
      <p>{{ 'payroll.mine.empty' | transloco }}</p>
    } @else {
      <ul class="statements">
        @for (statement of store.statements(); track statement.month) {
          <li>
            <h2>{{ month(statement.month) }}</h2>
            <p class="sub">
              {{ 'payroll.mine.sentOn' | transloco: { date: date(statement.sentAt) } }}
              @if (statement.signedAt) {
                ·
                <span class="signed">{{
                  'payroll.mine.signedOn' | transloco: { date: date(statement.signedAt) }
                }}</span>
              }
            </p>
            <a
              mat-stroked-button
              [href]="store.pdfUrl(statement.month)"
              target="_blank"
              rel="noopener"
            >
              {{ 'payroll.mine.open' | transloco: { month: month(statement.month) } }}
            </a>
            @if (!statement.signedAt) {
              <button mat-flat-button type="button" (click)="store.signOff(statement.month)">
                {{ 'payroll.mine.sign' | transloco }}
              </button>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 16px;
      max-width: 720px;
    }
    .intro,
    .sub {
      color: var(--mat-sys-on-surface-variant);
    }
    .statements {
      list-style: none;
      padding: 0;
    }
    .statements li {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin-bottom: 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .statements h2 {
      flex: 1 1 100%;
      margin: 0;
      font-size: 1.125rem;
    }
    .statements .sub {
      flex: 1 1 100%;
      margin: 0;
    }
    .signed {
      color: var(--mat-sys-primary);
    }
    .message.error {
      color: var(--mat-sys-error);
    }
  `,
})
export class MyStatementsPage implements OnInit {
  protected readonly store = inject(MyStatementsStore);

  ngOnInit(): void {
    void this.store.load();
  }

  protected month(month: string): string {
    return formatMonth(month);
  }

  protected date(iso: string): string {
    return formatDate(iso.slice(0, 10));
  }
}
