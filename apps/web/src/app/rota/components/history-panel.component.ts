import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { RotaChange, RotaComparison, RotaVersion } from '@relais/api-types';
import { describeChange, type Lang, stamp, type Translate } from '../history.format';
import { RotaDiffComponent } from './rota-diff.component';

/** *Historique*: who changed what, and when; and what differs between two versions of the week. */
@Component({
  selector: 'app-history-panel',
  imports: [TranslocoPipe, MatButtonModule, RotaDiffComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{{ 'rota.history.compare.title' | transloco }}</h3>
      @if (versions(); as list) {
        @if (list.length < 2) {
          <p>{{ 'rota.history.compare.nothing' | transloco }}</p>
        } @else {
          <label>
            {{ 'rota.history.compare.from' | transloco }}
            <select data-testid="compare-from" (change)="from.set(value($event))">
              @for (version of list; track version.id) {
                <option [value]="version.id" [selected]="version.id === from()">
                  {{ versionLabel(version) }}
                </option>
              }
            </select>
          </label>
          <label>
            {{ 'rota.history.compare.to' | transloco }}
            <select data-testid="compare-to" (change)="to.set(value($event))">
              @for (version of list; track version.id) {
                <option [value]="version.id" [selected]="version.id === to()">
                  {{ versionLabel(version) }}
                </option>
              }
            </select>
          </label>
          <button mat-stroked-button type="button" (click)="run()">
            {{ 'rota.history.compare.run' | transloco }}
          </button>
          @if (from() === to()) {
            <p class="hint">{{ 'rota.history.compare.same' | transloco }}</p>
          }
        }
      }
      @if (compareError()) {
        <p class="error" role="alert">{{ 'rota.history.compare.error' | transloco }}</p>
      }
      @if (comparison(); as result) {
        <div class="result" aria-live="polite">
          <p class="range">{{ rangeLabel(result) }}</p>
          <app-rota-diff [people]="result.people" />
        </div>
      }
    </section>
    <h3>{{ 'rota.panel.history' | transloco }}</h3>
    @if (lines(); as list) {
      @if (list.length === 0) {
        <p>{{ 'rota.panel.noHistory' | transloco }}</p>
      }
      <ol class="history">
        @for (line of list; track $index) {
          <li>
            {{ line.actor }} ·
            <time [attr.datetime]="line.at">{{ line.stamp }}</time>
            · {{ line.text }}
            @if (line.justification) {
              <span class="details">{{ line.justification }}</span>
            }
          </li>
        }
      </ol>
    } @else {
      <p aria-busy="true">…</p>
    }
  `,
  styles: `
    h3 {
      font-size: 0.9375rem;
      margin: 12px 0 4px;
    }
    .compare label {
      display: block;
      font-size: 0.8125rem;
      margin-bottom: 4px;
    }
    .compare select {
      display: block;
      width: 100%;
      min-height: 32px;
    }
    .hint,
    .range {
      font-size: 0.8125rem;
      margin: 4px 0;
    }
    .error {
      color: #8c1d18;
      font-weight: 600;
    }
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
  private readonly transloco = inject(TranslocoService);

  readonly changes = input<RotaChange[] | null>(null);
  /** The draft, then each publication, newest first. */
  readonly versions = input<RotaVersion[] | null>(null);
  readonly comparison = input<RotaComparison | null>(null);
  readonly compareError = input(false);
  readonly compare = output<{ from: string; to: string }>();

  /** By default: the last publication against the draft. */
  protected readonly from = linkedSignal(() => this.versions()?.[1]?.id ?? 'draft');
  protected readonly to = linkedSignal(() => this.versions()?.[0]?.id ?? 'draft');

  protected readonly lines = computed(() => {
    const list = this.changes();
    if (!list) return null;
    const lang = this.lang();
    return list.map((change) => ({
      at: change.at,
      stamp: stamp(change.at, lang),
      actor: change.actorName ?? this.t('history.someone'),
      text: describeChange(change, this.t, lang),
      justification: change.justification
        ? this.t('history.justification', { text: change.justification })
        : null,
    }));
  });

  private readonly t: Translate = (key, params) => this.transloco.translate(`rota.${key}`, params);

  private lang(): Lang {
    return this.transloco.getActiveLang() === 'en' ? 'en' : 'fr';
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected versionLabel(version: RotaVersion): string {
    if (version.version === null || !version.publishedAt) return this.t('history.compare.draft');
    const date = stamp(version.publishedAt, this.lang());
    return version.publishedByName
      ? this.t('history.compare.publishedBy', {
          version: version.version,
          date,
          name: version.publishedByName,
        })
      : this.t('history.compare.published', { version: version.version, date });
  }

  protected rangeLabel(result: RotaComparison): string {
    return this.t('history.compare.result', {
      from: this.versionLabel(result.from),
      to: this.versionLabel(result.to),
    });
  }

  protected run(): void {
    if (this.from() === this.to()) return;
    this.compare.emit({ from: this.from(), to: this.to() });
  }
}
