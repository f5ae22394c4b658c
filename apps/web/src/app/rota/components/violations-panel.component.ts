import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Severity } from '@relais/api-types';
import type { ViolationView } from '../rota.model';

const ICONS = { block: '⛔', warn: '⚠', info: 'ℹ' } as const;

/** *Contrôles*: problems grouped by severity, each with its rule, article, person and message. */
@Component({
  selector: 'app-violations-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (refusal()) {
      <p class="refusal" role="alert">
        <strong>{{ 'rota.panel.server' | transloco }}&nbsp;:</strong> {{ refusal() }}
      </p>
    }
    @if (violations().length === 0) {
      <p>{{ 'rota.panel.none' | transloco }}</p>
    }
    @for (group of groups(); track group.severity) {
      <section [attr.aria-labelledby]="'sev-' + group.severity">
        <h3 [id]="'sev-' + group.severity" [class]="'sev sev-' + group.severity">
          <span aria-hidden="true">{{ icons[group.severity] }}</span>
          {{ 'rota.severityGroups.' + group.severity | transloco }}
          <span class="count">({{ group.items.length }})</span>
        </h3>
        <ul>
          @for (item of group.items; track item.key + $index) {
            <li>
              <button
                type="button"
                class="item"
                [attr.data-rule]="item.rule"
                [disabled]="item.shiftIds.length === 0 && !item.personId"
                (click)="selected.emit(item)"
              >
                <span class="label">{{
                  item.legalRef ? item.label + ' — ' + item.legalRef : item.label
                }}</span>
                <span class="who">{{
                  item.personId
                    ? (names().get(item.personId) ?? '')
                    : ('rota.panel.site' | transloco)
                }}</span>
                <span class="msg">{{ item.message }}</span>
              </button>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 0.75rem 0 0.25rem;
      font-size: 1rem;
    }
    .sev-block {
      color: #8c1d18;
    }
    .sev-warn {
      color: #6b4500;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: block;
      width: 100%;
      margin: 0 0 4px;
      padding: 6px 8px;
      border: 1px solid #8a8a8a;
      border-radius: 4px;
      background: #fff;
      color: #111;
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item:disabled {
      cursor: default;
      color: #333;
    }
    .label,
    .who,
    .msg {
      display: block;
    }
    .label {
      font-weight: 600;
    }
    .who {
      font-size: 0.8125rem;
    }
    .msg {
      font-size: 0.8125rem;
      color: #333;
    }
    .refusal {
      padding: 6px 8px;
      border: 2px solid #8c1d18;
    }
  `,
})
export class ViolationsPanelComponent {
  readonly violations = input.required<ViolationView[]>();
  readonly names = input<Map<string, string>>(new Map());
  readonly refusal = input<string | null>(null);
  readonly selected = output<ViolationView>();

  protected readonly icons = ICONS;
  protected readonly groups = computed(() =>
    (['block', 'warn', 'info'] as Severity[])
      .map((severity) => ({
        severity,
        items: this.violations().filter((violation) => violation.severity === severity),
      }))
      .filter((group) => group.items.length > 0),
  );
}
