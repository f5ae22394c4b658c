import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { RotaDiffItem, RotaPersonDiff } from '@relais/api-types';
import { describeDiffItem, type Lang } from '../history.format';

/** Differences between two versions of a week, person by person (open shifts first). */
@Component({
  selector: 'app-rota-diff',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (people().length === 0) {
      <p>{{ 'rota.diff.none' | transloco }}</p>
    }
    @for (person of people(); track person.personId) {
      <section class="person">
        <h4>
          {{ person.personId === null ? ('rota.diff.open' | transloco) : person.personName }}
          <span class="count">{{
            'rota.diff.count' | transloco: { count: person.items.length }
          }}</span>
        </h4>
        <ul>
          @for (item of person.items; track $index) {
            <li [class]="item.kind">
              <span aria-hidden="true">{{ mark[item.kind] }}</span> {{ line(item) }}
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    h4 {
      margin: 8px 0 2px;
      font-size: 0.875rem;
    }
    .count {
      font-weight: normal;
      color: #444;
      margin-left: 4px;
    }
    ul {
      margin: 0;
      padding-left: 1rem;
      list-style: none;
      font-size: 0.8125rem;
    }
    .removed {
      text-decoration: line-through;
      text-decoration-thickness: 1px;
    }
  `,
})
export class RotaDiffComponent {
  private readonly transloco = inject(TranslocoService);
  readonly people = input<RotaPersonDiff[]>([]);

  /** Shape as well as word: never colour alone. */
  protected readonly mark: Record<RotaDiffItem['kind'], string> = {
    added: '+',
    removed: '−',
    moved: '↔',
  };

  protected line(item: RotaDiffItem): string {
    return describeDiffItem(
      item,
      (key, params) => this.transloco.translate(`rota.${key}`, params),
      this.transloco.getActiveLang() as Lang,
    );
  }
}
