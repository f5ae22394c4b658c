import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  OnDestroy,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  FOLLOW_UP_SITUATIONS,
  isContractType,
  type ExitRate,
  type ExitReport,
  type FollowUpSituation,
  type PathwayDashboard,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { firstValueFrom } from 'rxjs';
import { formatHoursOnScreen } from '../core/time';
import { messageOf } from '../shared/http-error';
import { todayInParis } from '../shared/today';
import { ObligationsDueComponent } from './components/obligations-due.component';
import { PartnerEmployersComponent } from './components/partner-employers.component';
import { percent } from './pathway.store';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** "85,7 %", or "—" when no exit counts. */
export function rateLabel(rate: ExitRate['dynamicExitRate']): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')} %`;
}

/** The HR dashboard: dynamic-exit rate (chart and table), contract ends, late milestones, expiries. */
@Component({
  selector: 'app-pathway-dashboard-page',
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoPipe,
    PartnerEmployersComponent,
    ObligationsDueComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pathway-dashboard.page.html',
  styleUrl: './training.page.scss',
})
export class PathwayDashboardPage implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  protected readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('chart');
  protected readonly report = signal<ExitReport | null>(null);
  protected readonly dashboard = signal<PathwayDashboard | null>(null);
  /** The rate by site and by contract type: one table each, the same columns. */
  protected readonly groups = computed(() => {
    const report = this.report();
    if (!report) return [];
    return [
      {
        id: 'rate-by-site',
        caption: 'training.dashboard.bySite',
        head: 'training.dashboard.site',
        rows: report.bySite.map((row) => ({ label: row.siteName, ...row })),
      },
      {
        id: 'rate-by-type',
        caption: 'training.dashboard.byType',
        head: 'training.dashboard.contractType',
        rows: report.byContractType.map((row) => ({
          ...row,
          label: isContractType(row.contractType)
            ? this.transloco.translate(`contractTypes.${row.contractType}`)
            : row.contractType,
        })),
      },
    ];
  });
  protected readonly hasError = signal(false);
  protected readonly formatDate = formatDate;
  protected readonly rateLabel = rateLabel;
  protected readonly percent = percent;
  protected readonly hours = formatHoursOnScreen;
  protected readonly situations = FOLLOW_UP_SITUATIONS;
  protected readonly today = todayInParis();
  protected readonly followUpError = signal<string | null>(null);
  protected readonly followUpSaved = signal<string | null>(null);
  private chart?: Chart;

  constructor() {
    void this.load();
    effect(() => {
      const report = this.report();
      const canvas = this.canvas()?.nativeElement;
      if (!report || !canvas) return;
      this.chart?.destroy();
      this.chart = new Chart(canvas, {
        type: 'bar',
        data: {
          labels: report.byYear.map((row) => String(row.year)),
          datasets: [
            {
              label: this.transloco.translate('training.dashboard.rate'),
              data: report.byYear.map((row) => Math.round((row.dynamicExitRate ?? 0) * 1000) / 10),
              backgroundColor: '#1a5fb4',
            },
          ],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } } },
        },
      });
    });
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  /** Records the 6-month follow-up of one exit, then reloads the figures it moves. */
  protected async saveFollowUp(
    exitId: string,
    name: string,
    situation: string,
    contactedOn: string,
  ): Promise<void> {
    this.followUpError.set(null);
    this.followUpSaved.set(null);
    try {
      await firstValueFrom(
        this.http.put(`/api/exits/${exitId}/follow-up`, {
          situation: situation as FollowUpSituation,
          contactedOn,
        }),
      );
      this.followUpSaved.set(
        this.transloco.translate('training.dashboard.followUpSaved', { name }),
      );
      await this.load();
    } catch (error) {
      this.followUpError.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    }
  }

  private async load(): Promise<void> {
    try {
      const [report, dashboard] = await Promise.all([
        firstValueFrom(this.http.get<ExitReport>('/api/reports/exits')),
        firstValueFrom(this.http.get<PathwayDashboard>('/api/reports/pathways')),
      ]);
      this.report.set(report);
      this.dashboard.set(dashboard);
    } catch {
      this.hasError.set(true);
    }
  }
}
