import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  OnDestroy,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AutoFillApplyResult, AutoFillMode, AutoFillProposal } from '@relais/api-types';
import { AutoFillStore } from '../auto-fill.store';
import { proposalView, type ProposalView } from '../proposal-view';

/**
 * Auto-fill side sheet: scope, mode and time limit; live progress while the solver runs
 * (stoppable, keeping the best); then the proposal, previewed on the grid: why it adds what it
 * adds (or nothing), its moves as moves, each proposed shift with a "Pourquoi ?" disclosure, to
 * apply in one transaction or discard.
 */
@Component({
  selector: 'app-auto-fill-panel',
  imports: [
    FormsModule,
    NgTemplateOutlet,
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
              {{ 'rota.autoFill.best' | transloco: { seconds: wholeSeconds(p.seconds) } }}
            } @else {
              {{ 'rota.autoFill.starting' | transloco }}
            }
          </p>
          <button mat-stroked-button type="button" (click)="stop()" [disabled]="isBusy()">
            {{ 'rota.autoFill.stop' | transloco }}
          </button>
        </div>
      } @else if (current.status === 'done' && view(); as v) {
        <div class="card" data-testid="auto-fill-proposal">
          <p class="title">{{ 'rota.autoFill.proposalTitle' | transloco }}</p>
          @if (v.explanation.length > 0) {
            <div class="explanation" data-testid="auto-fill-explanation">
              @for (item of v.explanation; track $index) {
                <p>{{ item.key | transloco: item.params }}</p>
                @if (item.children; as children) {
                  <ul class="reasons">
                    @for (child of children; track $index) {
                      <li>{{ child.key | transloco: child.params }}</li>
                    }
                  </ul>
                }
              }
            </div>
          }
          <ul class="summary">
            <li>{{ 'rota.autoFill.added' | transloco: { n: v.assignments.length } }}</li>
            @if (v.moves.length > 0) {
              <li>{{ 'rota.autoFill.moved' | transloco: { n: v.moves.length } }}</li>
            }
            <li>{{ 'rota.autoFill.removed' | transloco: { n: v.releases.length } }}</li>
            @if (current.proposal?.changedPublished; as changed) {
              <li>{{ 'rota.autoFill.changedPublished' | transloco: { n: changed } }}</li>
            }
            <li>
              {{
                (current.proposal?.optimal ? 'rota.autoFill.optimal' : 'rota.autoFill.bestFound')
                  | transloco: { seconds: wholeSeconds(current.proposal?.seconds ?? 0) }
              }}
            </li>
          </ul>
          @if (hours().length > 0) {
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
          @if (v.moves.length > 0) {
            <h3>{{ 'rota.autoFill.moves' | transloco }}</h3>
            <ul class="rows" data-testid="auto-fill-moves">
              @for (move of v.moves; track move.key) {
                <li>
                  <span [id]="'auto-fill-move-' + $index">{{
                    'rota.autoFill.moveLine'
                      | transloco: { name: move.personName, from: move.from, to: move.when }
                  }}</span>
                  <ng-container
                    *ngTemplateOutlet="
                      why;
                      context: { $implicit: move, id: 'auto-fill-move-' + $index }
                    "
                  />
                </li>
              }
            </ul>
          }
          @if (v.assignments.length > 0) {
            <h3>{{ 'rota.autoFill.assignments' | transloco }}</h3>
            <ul class="rows" data-testid="auto-fill-assignments">
              @for (row of v.assignments; track row.key) {
                <li>
                  <span [id]="'auto-fill-add-' + $index"
                    >{{ row.personName }} · {{ row.when }}</span
                  >
                  <ng-container
                    *ngTemplateOutlet="
                      why;
                      context: { $implicit: row, id: 'auto-fill-add-' + $index }
                    "
                  />
                </li>
              }
            </ul>
          }
          @if (v.releases.length > 0) {
            <h3>{{ 'rota.autoFill.whyRemoved' | transloco }}</h3>
            <ul class="reasons">
              @for (release of v.releases; track release.shiftId) {
                <li>{{ release.when }} · {{ release.reason }}</li>
              }
            </ul>
          }
          @if (v.unfilled.length > 0) {
            <h3>{{ 'rota.autoFill.unfilled' | transloco }}</h3>
            <ul class="reasons" data-testid="auto-fill-unfilled">
              @for (gap of v.unfilled; track $index) {
                <li>
                  {{ gap.when }} · {{ 'rota.autoFill.missing' | transloco: { n: gap.missing } }} ·
                  {{ 'rota.autoFill.unfilledReasons.' + gap.reason | transloco }}
                </li>
              }
            </ul>
          }
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              (click)="apply()"
              [disabled]="
                isBusy() || v.assignments.length + v.moves.length + v.releases.length === 0
              "
            >
              {{ 'rota.autoFill.apply' | transloco }}
            </button>
            <button mat-button type="button" (click)="discard()" [disabled]="isBusy()">
              {{ 'rota.autoFill.discard' | transloco }}
            </button>
          </div>
        </div>
        <ng-template #why let-row let-id="id">
          <button
            mat-button
            type="button"
            class="why"
            [attr.aria-expanded]="isOpen(row.key)"
            [attr.aria-controls]="id + '-why'"
            [attr.aria-describedby]="id"
            (click)="toggle(row.key)"
          >
            {{ 'rota.autoFill.why.button' | transloco }}
          </button>
          <ul class="why-list" [id]="id + '-why'" [hidden]="!isOpen(row.key)">
            @for (reason of row.reasons; track $index) {
              <li>{{ reason.key | transloco: reason.params }}</li>
            }
          </ul>
        </ng-template>
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
    .reasons,
    .why-list {
      margin: 0;
      padding-left: 1.2rem;
    }
    .explanation p {
      margin: 0;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .why-list {
      font-size: 0.875rem;
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
  private readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'fr' });
  /** The proposal as the sheet words it: explanation, moves, proposed shifts and their reasons. */
  protected readonly view = computed<ProposalView | null>(() => {
    const proposal = this.store.proposal();
    return proposal ? proposalView(proposal, this.lang() === 'en' ? 'en' : 'fr') : null;
  });
  /** Proposed shifts whose "Pourquoi ?" is open. */
  private readonly openReasons = signal<ReadonlySet<string>>(new Set());

  constructor() {
    effect(() => this.preview.emit(this.store.proposal()));
  }

  // ngOnDestroy runs before the outputs close; a DestroyRef callback would emit into a closed one.
  ngOnDestroy(): void {
    this.preview.emit(null);
  }

  /** Seconds on screen: whole ones, never decimals. */
  protected wholeSeconds(seconds: number): number {
    return Math.max(1, Math.round(seconds));
  }

  protected isOpen(key: string): boolean {
    return this.openReasons().has(key);
  }

  protected toggle(key: string): void {
    this.openReasons.update((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
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
