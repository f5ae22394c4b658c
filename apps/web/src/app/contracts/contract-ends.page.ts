import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ContractEndsStore, Horizon, HORIZONS } from './contract-ends.store';

const URGENCY_ICONS = { urgent: '⚠', soon: '◷', later: '○', none: '' } as const;

@Component({
  selector: 'app-contract-ends-page',
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contract-ends.page.html',
  styleUrl: './contract-ends.page.scss',
})
export class ContractEndsPage {
  protected readonly store = inject(ContractEndsStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });

  /** Query parameter `mois`: how many months ahead (6 by default). */
  readonly mois = input<string>();

  protected readonly horizons = HORIZONS;
  protected readonly icons = URGENCY_ICONS;
  protected readonly months = computed<Horizon>(() => {
    const value = Number(this.mois());
    return (HORIZONS as readonly number[]).includes(value) ? (value as Horizon) : 6;
  });

  constructor() {
    effect(() => this.store.setLang(this.lang() === 'en' ? 'en' : 'fr'));
    effect(() => {
      const months = this.months();
      untracked(() => void this.store.load(months));
    });
  }

  protected setHorizon(value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: value === '6' ? {} : { mois: value },
    });
  }
}
