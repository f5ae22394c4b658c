import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  OnDestroy,
  output,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AutoFillApplyResult, AutoFillMode, AutoFillProposal } from '@relais/api-types';
import { AutoFillStore } from '../auto-fill.store';

/**
 * Auto-fill side sheet: scope, mode and time limit; live best-so-far while the solver runs
 * (stoppable, keeping the best); then the proposal as a summary, previewed on the grid, to apply
 * in one transaction or discard.
 */
@Component({
  selector: 'app-auto-fill-panel',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  providers: [AutoFillStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (job(); as current) {
      @if (current.status === 'running') {
        <div class="card" role="status" aria-live="polite">
          <p class="title">{{ 'rota.autoFill.running' | transloco }}</p>
          <mat-progress-bar mode="determinate" [value]="progressPercent()" />
          <p data-testid="auto-fill-progress">
            @if (current.progress; as p) {
              {{ 'rota.autoFill.best' | transloco: { cost: p.objective, seconds: p.seconds } }}
            } @else {
              {{ 'rota.autoFill.starting' | transloco }}
            }
          </p>
          <button mat-stroked-button type="button" (click)="stop()" [disabled]="isBusy()">
            {{ 'rota.autoFill.stop' | transloco }}
          </button>
        </div>
      } @else if (current.status === 'done' && current.proposal; as proposal) {
        <div class="card" data-testid="auto-fill-proposal">
          <p class="title">{{ 'rota.autoFill.proposalTitle' | transloco }}</p>
          <ul class="summary">
            <li>{{ 'rota.autoFill.added' | transloco: { n: current.proposal.add.length } }}</li>
            <li>
              {{ 'rota.autoFill.removed' | transloco: { n: current.proposal.release.length } }}
            </li>
            @if (current.proposal.changedPublished > 0) {
              <li>
                {{
                  'rota.autoFill.changedPublished'
                    | transloco: { n: current.proposal.changedPublished }
                }}
              </li>
            }
            <li>
              {{
                (current.proposal.optimal ? 'rota.autoFill.optimal' : 'rota.autoFill.bestFound')
                  | transloco: { seconds: round(current.proposal.seconds) }
              }}
            </li>
          </ul>
          @if (current.proposal.hours.length > 0) {
            <details class="hours" data-testid="auto-fill-hours">
              <summary>{{ 'rota.autoFill.hours' | transloco }}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{{ 'rota.autoFill.person' | transloco }}</th>
                    <th scope="col">{{ 'rota.autoFill.planned' | transloco }}</th>
                    <th scope="col">{{ 'rota.autoFill.owed' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of hours(); track row.personId) {
                    <tr [class.short]="row.isShort">
                      <th scope="row">{{ row.personName }}</th>
                      <td>{{ row.planned }}</td>
                      <td>{{ row.owed }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </details>
          }
          @if (current.proposal.release.length > 0) {
            <h3>{{ 'rota.autoFill.whyRemoved' | transloco }}</h3>
            <ul class="reasons">
              @for (release of current.proposal.release; track release.shiftId) {
                <li>{{ release.reason }}</li>
              }
            </ul>
          }
          @if (current.proposal.unfilled.length > 0) {
            <h3>{{ 'rota.autoFill.unfilled' | transloco }}</h3>
            <ul class="reasons" data-testid="auto-fill-unfilled">
              @for (gap of current.proposal.unfilled; track $index) {
                <li>{{ gap.message }}</li>
              }
            </ul>
          }
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              (click)="apply()"
              [disabled]="isBusy() || isEmpty(current.proposal)"
            >
              {{ 'rota.autoFill.apply' | transloco }}
            </button>
            <button mat-button type="button" (click)="discard()" [disabled]="isBusy()">
              {{ 'rota.autoFill.discard' | transloco }}
            </button>
          </div>
        </div>
      } @else if (current.status === 'failed') {
        <p role="alert">{{ current.error }}</p>
      }
    }
    @if (!job() || job()?.status !== 'running') {
      @if (!job() || job()?.status !== 'done') {
        <form class="form" (ngSubmit)="start()">
          <mat-radio-group
            [(ngModel)]="scope"
            name="scope"
            [attr.aria-label]="'rota.autoFill.scope' | transloco"
          >
            <mat-radio-button value="site">{{
              'rota.autoFill.thisSite' | transloco
            }}</mat-radio-button>
            @if (siteIds().length > 1) {
              <mat-radio-button value="all">{{
                'rota.autoFill.allMySites' | transloco: { n: siteIds().length }
              }}</mat-radio-button>
            }
          </mat-radio-group>
          <mat-radio-group
            [(ngModel)]="mode"
            name="mode"
            [attr.aria-label]="'rota.autoFill.mode' | transloco"
          >
            <mat-radio-button value="fill">{{
              'rota.autoFill.modes.fill' | transloco
            }}</mat-radio-button>
            <mat-radio-button value="replan">{{
              'rota.autoFill.modes.replan' | transloco
            }}</mat-radio-button>
          </mat-radio-group>
          <mat-form-field>
            <mat-label>{{ 'rota.autoFill.timeLimit' | transloco }}</mat-label>
            <mat-select [(ngModel)]="timeLimit" name="timeLimit">
              <mat-option [value]="10">10 s</mat-option>
              <mat-option [value]="30">30 s</mat-option>
              <mat-option [value]="60">60 s</mat-option>
            </mat-select>
          </mat-form-field>
          <p class="hint">{{ 'rota.autoFill.hint' | transloco }}</p>
          <button mat-flat-button type="submit" [disabled]="isBusy()">
            {{ 'rota.autoFill.start' | transloco }}
          </button>
        </form>
      }
    }
    @if (error(); as failure) {
      <p role="alert" class="error">{{ failure.message ?? ('rota.autoFill.error' | transloco) }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 0 1rem 1rem;
    }
    .form,
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
    }
    .title {
      font-weight: 600;
      margin: 0;
    }
    .summary,
    .reasons {
      margin: 0;
      padding-left: 1.2rem;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0.5rem 0 0;
    }
    .hours table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875rem;
    }
    .hours th,
    .hours td {
      text-align: left;
      padding: 0.15rem 0.25rem;
    }
    .hours td {
      font-variant-numeric: tabular-nums;
    }
    .hours tr.short td:first-of-type {
      font-weight: 600;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .hint {
      font-size: 0.85rem;
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
})
export class AutoFillPanelComponent implements OnDestroy {
  private readonly store = inject(AutoFillStore);

  readonly siteId = input.required<string>();
  /** Every site the user may plan, for "all my sites". */
  readonly siteIds = input<string[]>([]);
  readonly week = input.required<string>();

  /** The proposal to preview on the grid, or null. */
  readonly preview = output<AutoFillProposal | null>();
  readonly applied = output<AutoFillApplyResult>();

  protected scope: 'site' | 'all' = 'site';
  protected mode: AutoFillMode = 'fill';
  protected timeLimit = 10;
  protected readonly job = this.store.job;
  protected readonly hours = this.store.hours;
  protected readonly error = this.store.error;
  protected readonly isBusy = this.store.isBusy;
  protected readonly progressPercent = this.store.progressPercent;

  constructor() {
    effect(() => this.preview.emit(this.store.proposal()));
  }

  // ngOnDestroy runs before the outputs close; a DestroyRef callback would emit into a closed one.
  ngOnDestroy(): void {
    this.preview.emit(null);
  }

  protected round(seconds: number): string {
    return seconds.toFixed(1);
  }

  protected isEmpty(proposal: AutoFillProposal): boolean {
    return proposal.add.length === 0 && proposal.release.length === 0;
  }

  protected start(): Promise<void> {
    return this.store.start({
      siteIds: this.scope === 'all' ? this.siteIds() : [this.siteId()],
      week: this.week(),
      mode: this.mode,
      timeLimitSeconds: this.timeLimit,
    });
  }

  protected stop(): Promise<void> {
    return this.store.stop();
  }

  protected async apply(): Promise<void> {
    const result = await this.store.apply();
    if (result) this.applied.emit(result);
  }

  protected discard(): Promise<void> {
    return this.store.discard();
  }
}
