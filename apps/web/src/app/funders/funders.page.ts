import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CONTRAT_PRO_STATUS_LABELS, type FranceServicesGap } from '@relais/api-types';
import { formatDate, formatWeek } from '@relais/rules';
import { formatDuration } from '../core/time';
import { dayLabel, FundersStore, gapLabel, weekNumber } from './funders.store';

/** « Documents financeurs »: the month's France Services, aided-contract and contrat pro reports. */
@Component({
  selector: 'app-funders-page',
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './funders.page.html',
  styleUrl: './funders.page.scss',
})
export class FundersPage {
  protected readonly store = inject(FundersStore);
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });

  protected readonly duration = formatDuration;
  protected readonly formatDate = formatDate;
  protected readonly weekNumber = weekNumber;
  protected readonly statusLabels = CONTRAT_PRO_STATUS_LABELS;

  constructor() {
    void this.store.init();
  }

  protected gapText(gap: FranceServicesGap): string {
    return gapLabel(gap, this.lang() === 'en' ? 'en' : 'fr');
  }

  protected dayText(date: string): string {
    return dayLabel(date, this.lang() === 'en' ? 'en' : 'fr');
  }

  /** « semaine 45, semaine 46 » from the weeks left out. */
  protected weeks(weeks: readonly string[]): string {
    const year = Number(this.store.month().slice(0, 4));
    return weeks.map((week) => formatWeek(week, year)).join(', ');
  }
}
