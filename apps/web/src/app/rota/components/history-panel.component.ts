import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RotaChange } from '@relais/api-types';
import { ORGANISATION_TIME_ZONE } from '../../core/time';

const STAMP = new Intl.DateTimeFormat('fr-FR', {
  timeZone: ORGANISATION_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** *Historique*: who changed what, and when. */
@Component({
  selector: 'app-history-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (changes(); as list) {
      @if (list.length === 0) {
        <p>{{ 'rota.panel.noHistory' | transloco }}</p>
      }
      <ol>
        @for (change of list; track $index) {
          <li>
            <time [attr.datetime]="change.at">{{ stamp(change.at) }}</time>
            · {{ change.actorName ?? '—' }} · <strong>{{ change.action }}</strong>
            @if (summary(change); as text) {
              <span class="details">{{ text }}</span>
            }
          </li>
        }
      </ol>
    } @else {
      <p aria-busy="true">…</p>
    }
  `,
  styles: `
    ol {
      margin: 0;
      padding-left: 1.25rem;
      font-size: 0.8125rem;
    }
    li {
      margin-bottom: 4px;
    }
    .details {
      display: block;
      color: #333;
    }
  `,
})
export class HistoryPanelComponent {
  readonly changes = input<RotaChange[] | null>(null);

  protected stamp(at: string): string {
    return STAMP.format(new Date(at)).replace(' ', ' à ');
  }

  protected summary(change: RotaChange): string {
    return Object.entries(change.details ?? {})
      .filter(([, value]) => value !== null && typeof value !== 'object')
      .map(([key, value]) => `${key} : ${String(value)}`)
      .join(' · ');
  }
}
