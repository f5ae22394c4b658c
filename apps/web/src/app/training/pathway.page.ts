import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  EXIT_OUTCOMES,
  NEUTRALISED_REASONS,
  type ExitOutcome,
  type NeutralisedReason,
  type PathwayMilestone,
  type PlanChange,
} from '@relais/api-types';
import { deriveExitCategory, formatDate, isRuleCode, ruleDefinition } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { formatHoursOnScreen } from '../core/time';
import { CertificationCardComponent } from './components/certification-card.component';
import { JobSearchCardComponent } from './components/job-search-card.component';
import { ObligationsCardComponent } from './components/obligations-card.component';
import { fileToBase64, MAX_EVIDENCE_BYTES, PathwayStore, percent } from './pathway.store';
import { instantLabel } from './training.store';

/** A mediator's pathway: `/mon-parcours` (their own) or `/parcours/:id` (HR, their manager). */
@Component({
  selector: 'app-pathway-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    CertificationCardComponent,
    JobSearchCardComponent,
    ObligationsCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pathway.page.html',
  styleUrl: './training.page.scss',
})
export class PathwayPage {
  /** Route parameter of `/parcours/:id`; absent on `/mon-parcours`. */
  readonly id = input<string>();
  protected readonly store = inject(PathwayStore);
  private readonly auth = inject(AuthStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly title = inject(Title);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly formatDate = formatDate;
  protected readonly percent = percent;
  protected readonly outcomes = EXIT_OUTCOMES;
  protected readonly reasons = NEUTRALISED_REASONS;
  protected readonly isHr = computed(() => ['admin', 'hr'].includes(this.auth.role() ?? ''));
  protected readonly isOwn = computed(() => !this.id() || this.id() === this.auth.me()?.personId);
  protected readonly hours = formatHoursOnScreen;
  protected readonly message = signal<string | null>(null);
  protected readonly exitError = signal<string | null>(null);
  protected readonly exitSaved = signal<string | null>(null);
  /** The file picked on each milestone row, shown by its button while it uploads. */
  protected readonly chosen = signal<Record<string, string>>({});
  protected readonly noteError = signal<string | null>(null);
  protected readonly sessions = computed(() =>
    (this.store.pathway()?.upcomingSessions ?? []).map((session) => ({
      ...session,
      ...instantLabel(session.start, session.end),
    })),
  );
  protected readonly note = this.fb.control('', Validators.required);
  protected readonly moduleToAdd = this.fb.control('');
  protected readonly addable = computed(() => {
    const required = new Set((this.store.pathway()?.requiredModules ?? []).map((m) => m.code));
    return this.store.catalogue().filter((module) => !required.has(module.code));
  });
  protected readonly exitForm = this.fb.group({
    exitDate: ['', Validators.required],
    outcome: ['' as ExitOutcome | ''],
    jobMonths: [null as number | null],
    neutralisedReason: ['' as NeutralisedReason | ''],
    detail: [''],
    employerSector: [''],
  });
  private readonly exitValue = toSignal(this.exitForm.valueChanges, {
    initialValue: this.exitForm.getRawValue(),
  });
  /** After an aided contract, an internal hire on an ordinary post says what followed. */
  protected readonly internalHire = computed(
    () => this.store.pathway()?.exitContract?.internalHire ?? null,
  );
  protected readonly needsMonths = computed(() =>
    ['CDD', 'INTERIM', 'CONTRAT_AIDE'].includes(this.exitValue().outcome ?? ''),
  );
  protected readonly isNeutralised = computed(() => this.exitValue().outcome === 'NEUTRALISEE');
  /** The category the server will derive, shown as the form is filled (never typed). */
  protected readonly derivedCategory = computed(() => {
    const hire = this.internalHire();
    const value = this.exitValue();
    const outcome = (hire ? hire.contractType : value.outcome) as ExitOutcome | '';
    if (!outcome) return null;
    const months = hire ? hire.months : value.jobMonths ? Number(value.jobMonths) : null;
    return deriveExitCategory({ outcome, months }).category;
  });

  constructor() {
    effect(() => {
      const id = this.id() ?? null;
      untracked(() => void this.store.load(id));
    });
    effect(() => {
      if (this.isHr()) untracked(() => void this.store.loadCatalogue());
    });
    effect(() => {
      const pathway = this.store.pathway();
      if (!pathway) return;
      this.title.setTitle(
        this.isOwn()
          ? `${this.transloco.translate('training.pathway.mine')} – Relais`
          : `${this.transloco.translate('training.pathway.of', { name: pathway.personName })} – Relais`,
      );
    });
  }

  protected reload(): void {
    void this.store.refresh();
  }

  private async report(error: string | null, success: string): Promise<void> {
    this.message.set(
      error === null ? success : error || this.transloco.translate('training.loadError'),
    );
    void this.announcer.announce(this.message() ?? '', error === null ? 'polite' : 'assertive');
  }

  protected async markDone(milestone: PathwayMilestone): Promise<void> {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    await this.report(
      await this.store.markDone(milestone.id, today),
      `${milestone.code} : ${this.transloco.translate('training.pathway.status.fait')}`,
    );
  }

  /** The rule's name ("Entretien de sortie PEC à tenir"), never its code. */
  protected ruleName(rule: string): string {
    return isRuleCode(rule) ? ruleDefinition(rule).label : rule;
  }

  protected async upload(milestone: PathwayMilestone, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    this.chosen.update((chosen) => ({ ...chosen, [milestone.id]: file.name }));
    if (file.size > MAX_EVIDENCE_BYTES) {
      await this.report('Fichier trop volumineux : 5 Mo au plus.', '');
      return;
    }
    await this.report(
      await this.store.upload(milestone.id, file.name, await fileToBase64(file)),
      this.transloco.translate('training.pathway.uploaded', { name: file.name }),
    );
  }

  protected async changeModules(remove: string | null): Promise<void> {
    const pathway = this.store.pathway();
    if (!pathway) return;
    const codes = pathway.requiredModules.map((m) => m.code).filter((code) => code !== remove);
    const added = remove === null ? this.moduleToAdd.value : '';
    if (remove === null && !added) return;
    await this.report(
      await this.store.setRequiredModules(pathway.personId, added ? [...codes, added] : codes),
      `${remove ?? added} : ${this.transloco.translate(remove ? 'training.pathway.removed' : 'training.pathway.added')}`,
    );
    this.moduleToAdd.reset('');
  }

  protected async signOff(id: string): Promise<void> {
    await this.report(
      await this.store.signOff(id),
      this.transloco.translate('training.pathway.signedOff'),
    );
  }

  protected async showNotes(): Promise<void> {
    const id = this.store.pathway()?.personId;
    if (id) this.noteError.set(await this.store.loadNotes(id));
  }

  protected async addNote(): Promise<void> {
    const id = this.store.pathway()?.personId;
    if (!id || !this.note.value.trim()) {
      this.note.markAsTouched();
      return;
    }
    const error = await this.store.addNote(id, this.note.value);
    this.noteError.set(error);
    if (error === null) this.note.reset('');
  }

  /** Milestones closed by facts (certificate, title, job search, follow-up, the tutor), not by hand. */
  protected isFact(code: string): boolean {
    const type = this.store.pathway()?.contractType;
    return (
      ['P06', 'P09', 'P10', 'P11', 'P14'].includes(code) ||
      (code === 'P01' && (type === 'PEC' || type === 'PRO')) ||
      (code === 'P12' && type === 'PEC')
    );
  }

  protected planChangeLine(change: PlanChange): string {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(key, params);
    const head = t('training.pathway.planChange', {
      date: formatDate(change.at.slice(0, 10)),
      reason: t(`training.pathway.reasons.${change.reason}`),
    });
    return change.contractType
      ? `${head}, ${t('training.pathway.planChangeType', {
          before: t(`contractTypes.${change.contractType.before}`),
          after: t(`contractTypes.${change.contractType.after}`),
        })}`
      : head;
  }

  protected moveLines(change: PlanChange): string[] {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(key, params);
    const date = (value: string | null) => (value ? formatDate(value) : '—');
    const lines = change.moves.map((move) =>
      t(
        move.before === null
          ? 'training.pathway.addedMilestone'
          : move.after === null
            ? 'training.pathway.removedMilestone'
            : 'training.pathway.moved',
        { ...move, before: date(move.before), after: date(move.after) },
      ),
    );
    if (change.kept.length)
      lines.push(t('training.pathway.kept', { codes: change.kept.join(', ') }));
    return lines;
  }

  protected async recordExit(): Promise<void> {
    const target = this.store.pathway()?.exitContract;
    const hire = this.internalHire();
    const value = this.exitForm.getRawValue();
    if (this.exitForm.invalid || !target || (!hire && !value.outcome)) {
      this.exitForm.markAllAsTouched();
      if (target && !hire && !value.outcome)
        this.exitError.set(this.transloco.translate('training.pathway.derivedPending'));
      return;
    }
    const category = this.derivedCategory();
    this.exitError.set(null);
    this.exitSaved.set(null);
    const error = await this.store.recordExit({
      contractId: target.contractId,
      exitDate: value.exitDate,
      ...(hire
        ? {}
        : {
            outcome: value.outcome || null,
            jobMonths: this.needsMonths() && value.jobMonths ? Number(value.jobMonths) : null,
            neutralisedReason: this.isNeutralised() ? value.neutralisedReason || null : null,
          }),
      detail: value.detail || null,
      employerSector: value.employerSector || null,
    });
    // The message goes under the form (where the eye is), in a live region that announces it.
    if (error !== null) {
      this.exitError.set(error || this.transloco.translate('training.loadError'));
      return;
    }
    this.exitSaved.set(
      this.transloco.translate('training.pathway.exitSavedAs', {
        category: this.transloco.translate(`training.categories.${category}`),
        date: formatDate(value.exitDate),
      }),
    );
    this.exitForm.reset();
  }
}
