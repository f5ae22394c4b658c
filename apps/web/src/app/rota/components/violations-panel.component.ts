import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Severity } from '@relais/api-types';
import { SEVERITY_MARKS } from '../marks';
import { PlannerActions } from '../planner-actions';
import type { ViolationView } from '../rota.model';
import { RotaStore } from '../rota.store';

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
              @if (item.severity === 'block') {
                @let fixes = store.fixes().get(item.key);
                @if (fixes && fixes.length > 0) {
                  <ul class="fixes" [attr.aria-label]="'rota.planner.fixes.title' | transloco">
                    @for (fix of fixes; track fix.id) {
                      <li>
                        <span class="fix-label">{{ fix.label }}</span>
                        <button
                          type="button"
                          class="fix-apply"
                          [disabled]="busy()"
                          [attr.aria-label]="
                            'rota.planner.fixes.applyLabel' | transloco: { label: fix.label }
                          "
                          (click)="apply(fix.id, fix.label)"
                        >
                          {{ 'rota.planner.fixes.apply' | transloco }}
                        </button>
                      </li>
                    }
                  </ul>
                } @else if (store.isLoadingFixes()) {
                  <p class="fix-note">{{ 'rota.planner.fixes.loading' | transloco }}</p>
                } @else if (fixes) {
                  <p class="fix-note">{{ 'rota.planner.fixes.none' | transloco }}</p>
                }
              }
              @if (item.rule === 'PART_TIME_NOTICE' && item.personId) {
                @if (agreementFor() === item.key) {
                  <form class="agreement" (submit)="$event.preventDefault(); agree(item.personId)">
                    <label [attr.for]="'agreement-' + $index">{{
                      'rota.panel.agreement.reference' | transloco
                    }}</label>
                    <input
                      [id]="'agreement-' + $index"
                      type="text"
                      maxlength="500"
                      required
                      [value]="agreementReference()"
                      [placeholder]="'rota.panel.agreement.placeholder' | transloco"
                      (input)="agreementReference.set($any($event.target).value)"
                    />
                    <button type="submit" class="fix-apply" [disabled]="busy()">
                      {{ 'rota.panel.agreement.save' | transloco }}
                    </button>
                    @if (agreementError(); as error) {
                      <p class="fix-note" role="alert">{{ error }}</p>
                    }
                  </form>
                } @else {
                  <button
                    type="button"
                    class="fix-apply candidates"
                    [disabled]="busy()"
                    (click)="openAgreement(item.key)"
                  >
                    {{ 'rota.panel.agreement.open' | transloco }}
                  </button>
                }
              }
              @if (openShiftOf(item); as open) {
                <button
                  type="button"
                  class="fix-apply candidates"
                  [disabled]="busy()"
                  (click)="candidates({ id: open })"
                >
                  {{ 'rota.planner.candidates.open' | transloco }}
                </button>
              } @else if (item.rule === 'FS_TRAINED_COVERAGE' && item.shiftIds.length > 0) {
                <button
                  type="button"
                  class="fix-apply candidates"
                  [disabled]="busy()"
                  (click)="candidates({ alongsideShiftId: item.shiftIds[0] })"
                >
                  {{ 'rota.planner.candidates.reinforce' | transloco }}
                </button>
              }
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
    .fixes {
      margin: 0 0 8px 12px;
      border-left: 3px solid #1b5e20;
      padding-left: 8px;
    }
    .fixes li {
      display: flex;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      margin: 0 0 4px;
      font-size: 0.8125rem;
    }
    .fix-apply {
      flex: none;
      padding: 4px 10px;
      border: 1px solid #1b5e20;
      border-radius: 4px;
      background: #fff;
      color: #1b5e20;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .fix-apply:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .candidates {
      margin: 0 0 8px 12px;
    }
    .agreement {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      margin: 0 0 8px 12px;
      font-size: 0.8125rem;
    }
    .agreement input {
      flex: 1 1 12rem;
      font: inherit;
    }
    .fix-note {
      margin: 0 0 8px 12px;
      font-size: 0.8125rem;
      color: #333;
    }
  `,
})
export class ViolationsPanelComponent {
  readonly violations = input.required<ViolationView[]>();
  readonly names = input<Map<string, string>>(new Map());
  readonly refusal = input<string | null>(null);
  readonly selected = output<ViolationView>();

  protected readonly store = inject(RotaStore);
  private readonly transloco = inject(TranslocoService);
  private readonly actions = inject(PlannerActions);
  protected readonly busy = signal(false);

  constructor() {
    // The fixes of the week as the server has it: asked again after each reload of the week.
    effect(() => {
      if (this.store.week()) untracked(() => void this.store.loadFixes());
    });
  }

  /** The open shift a problem is about (a France Services desk or a need to staff), if any. */
  protected openShiftOf(item: ViolationView): string | null {
    if (item.severity === 'info') return null;
    const shifts = this.store.shifts();
    return (
      item.shiftIds
        .map((id) => shifts.find((shift) => shift.id === id))
        .find((shift) => shift && shift.personId === null && !shift.trainingSessionId)?.id ?? null
    );
  }

  protected async apply(fixId: string, label: string): Promise<void> {
    this.busy.set(true);
    try {
      await this.actions.applyFix(fixId, label);
    } finally {
      this.busy.set(false);
    }
  }

  /** The PART_TIME_NOTICE problem whose written agreement is being entered. */
  protected readonly agreementFor = signal<string | null>(null);
  protected readonly agreementReference = signal('');
  protected readonly agreementError = signal<string | null>(null);

  protected openAgreement(key: string): void {
    this.agreementFor.set(key);
    this.agreementReference.set('');
    this.agreementError.set(null);
  }

  /** Cass. soc. 9 nov. 2016: with the person's written agreement, no notice is owed. */
  protected async agree(personId: string): Promise<void> {
    const reference = this.agreementReference().trim();
    if (!reference) {
      this.agreementError.set(this.transloco.translate('rota.panel.agreement.required'));
      return;
    }
    this.busy.set(true);
    try {
      const outcome = await this.store.recordNoticeAgreement(personId, reference);
      if (outcome.ok) this.agreementFor.set(null);
      else this.agreementError.set(outcome.message);
    } finally {
      this.busy.set(false);
    }
  }

  protected async candidates(target: { id: string } | { alongsideShiftId: string }): Promise<void> {
    this.busy.set(true);
    try {
      await this.actions.openCandidates(target);
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly icons = SEVERITY_MARKS;
  protected readonly groups = computed(() =>
    (['block', 'warn', 'info'] as Severity[])
      .map((severity) => ({
        severity,
        items: this.violations().filter((violation) => violation.severity === severity),
      }))
      .filter((group) => group.items.length > 0),
  );
}
