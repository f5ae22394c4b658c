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
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DURATION_BUCKETS,
  EXIT_CATEGORIES,
  EXIT_JOB_TYPES,
  type DurationBucket,
  type ExitCategory,
  type ExitJobType,
  type PathwayMilestone,
} from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
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
  protected readonly categories = EXIT_CATEGORIES;
  protected readonly jobTypes = EXIT_JOB_TYPES;
  protected readonly buckets = DURATION_BUCKETS;
  protected readonly isHr = computed(() => ['admin', 'hr'].includes(this.auth.role() ?? ''));
  protected readonly isOwn = computed(() => !this.id() || this.id() === this.auth.me()?.personId);
  protected readonly message = signal<string | null>(null);
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
    category: ['' as ExitCategory | '', Validators.required],
    exitDate: ['', Validators.required],
    jobContractType: ['' as ExitJobType | ''],
    durationBucket: ['' as DurationBucket | ''],
    employerSector: [''],
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

  protected async upload(milestone: PathwayMilestone, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
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

  protected async recordExit(): Promise<void> {
    const contractId = this.store.pathway()?.contractId;
    if (this.exitForm.invalid || !contractId) {
      this.exitForm.markAllAsTouched();
      return;
    }
    const value = this.exitForm.getRawValue();
    await this.report(
      await this.store.recordExit({
        contractId,
        exitDate: value.exitDate,
        category: value.category as ExitCategory,
        jobContractType: value.jobContractType || null,
        durationBucket: value.durationBucket || null,
        employerSector: value.employerSector || null,
      }),
      this.transloco.translate('training.pathway.exitSaved'),
    );
  }
}
