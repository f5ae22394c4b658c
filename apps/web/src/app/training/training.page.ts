import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { TrainingEnrolment } from '@relais/api-types';
import { addDays } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { formatHoursOnScreen } from '../core/time';
import { Conflict, enrolmentGroups, instantLabel, TrainingStore } from './training.store';

/** HR and site managers schedule sessions, enrol people (a rota item each) and follow attendance. */
@Component({
  selector: 'app-training-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './training.page.html',
  styleUrl: './training.page.scss',
})
export class TrainingPage {
  protected readonly store = inject(TrainingStore);
  private readonly auth = inject(AuthStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly isHr = computed(() => ['admin', 'hr'].includes(this.auth.role() ?? ''));
  protected readonly createError = signal<string | null>(null);
  protected readonly enrolError = signal<string | null>(null);
  protected readonly conflict = signal<Conflict | null>(null);
  protected readonly rowErrors = signal<Record<string, string>>({});
  protected readonly hours = formatHoursOnScreen;
  protected readonly minutes = (minutes: number) => formatHoursOnScreen(minutes / 60);

  /** Where the person stands on the module once this session is validated. */
  protected moduleLine(enrolment: TrainingEnrolment): string {
    const { attendedMinutes, requiredMinutes, isComplete } = enrolment.module;
    return isComplete
      ? this.transloco.translate('training.moduleDone', { done: this.minutes(attendedMinutes) })
      : this.transloco.translate('training.moduleProgress', {
          done: this.minutes(attendedMinutes),
          required: this.minutes(requiredMinutes),
        });
  }
  protected readonly search = signal('');
  private readonly siteIds = computed(() => this.auth.me()?.siteIds ?? []);
  protected readonly candidates = computed(() =>
    enrolmentGroups(this.store.people(), this.store.sites(), this.siteIds(), this.search()),
  );
  protected readonly candidateCount = computed(() =>
    this.candidates().reduce((sum, group) => sum + group.people.length, 0),
  );
  /** A manager schedules only at the sites they run (the session goes on that rota). */
  protected readonly locations = computed(() =>
    this.store.locations().filter((location) => this.siteIds().includes(location.siteId)),
  );
  protected readonly selectedLabel = computed(() => {
    const session = this.store.selected();
    return session ? instantLabel(session.start, session.end) : null;
  });

  protected readonly form = this.fb.group({
    moduleId: ['', Validators.required],
    locationId: ['', Validators.required],
    date: [addDays(new Date().toISOString().slice(0, 10), 14), Validators.required],
    start: ['09:00', Validators.required],
    end: ['12:30', Validators.required],
    breakMinutes: [0, [Validators.required, Validators.min(0)]],
    capacity: [10, [Validators.required, Validators.min(1)]],
    place: [''],
    trainer: [''],
  });
  protected readonly personId = this.fb.control('', Validators.required);

  constructor() {
    void this.store.load();
  }

  protected async create(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.createError.set(null);
    const result = await this.store.create(this.form.getRawValue());
    if (result.error !== undefined) {
      this.createError.set(result.error || this.transloco.translate('training.loadError'));
      return;
    }
    const label = instantLabel(result.session?.start ?? '', result.session?.end ?? '');
    void this.announcer.announce(
      this.transloco.translate('training.created', {
        module: result.session?.moduleCode,
        date: label.date,
      }),
      'polite',
    );
  }

  protected async open(id: string): Promise<void> {
    this.conflict.set(null);
    this.enrolError.set(null);
    await this.store.open(id);
  }

  protected async enrol(removeFirst = false): Promise<void> {
    const personId = this.personId.value;
    if (!personId) {
      this.personId.markAsTouched();
      return;
    }
    const conflict = this.conflict();
    this.enrolError.set(null);
    this.conflict.set(null);
    const result =
      removeFirst && conflict
        ? await this.store.removeShiftAndEnrol(conflict, personId)
        : await this.store.enrol(personId);
    if (result?.conflict) this.conflict.set(result.conflict);
    else if (result)
      this.enrolError.set(result.error || this.transloco.translate('training.loadError'));
    else {
      const person = this.store.people().find((p) => p.id === personId);
      void this.announcer.announce(
        this.transloco.translate('training.enrolled', {
          name: `${person?.firstName} ${person?.lastName}`,
        }),
        'polite',
      );
      this.personId.reset('');
      this.search.set('');
    }
  }

  protected async act(
    enrolment: TrainingEnrolment,
    action: 'present' | 'absent' | 'validate' | 'remove',
  ): Promise<void> {
    const error = await this.store.act(enrolment.id, action);
    this.rowErrors.update((errors) => ({ ...errors, [enrolment.id]: error ?? '' }));
    if (error === null)
      void this.announcer.announce(
        `${enrolment.personName} : ${this.transloco.translate(action === 'remove' ? 'training.unenrol' : action === 'validate' ? 'training.status.validated' : `training.status.${action}`)}`,
        'polite',
      );
  }
}
