import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ABSENCE_KINDS, type AbsenceKind, SKILL_CODES, type SkillCode } from '@relais/api-types';
import { formatDate } from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { formatDuration } from '../core/time';
import { CertificateRemindersComponent } from '../training/certificate-reminders.component';
import { ContractTimelineComponent } from './components/contract-timeline.component';
import { SkillChipComponent } from './components/skill-chip.component';
import { instantParts } from './people.format';
import { LinkKind, PersonStore } from './person.store';

type PersonTab = 'skills' | 'absences' | 'loans';

@Component({
  selector: 'app-person-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTabsModule,
    TranslocoPipe,
    SkillChipComponent,
    ContractTimelineComponent,
    CertificateRemindersComponent,
  ],
  providers: [PersonStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './person.page.html',
  styleUrl: './person.page.scss',
})
export class PersonPage {
  protected readonly store = inject(PersonStore);
  private readonly auth = inject(AuthStore);
  private readonly title = inject(Title);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly fb = inject(FormBuilder).nonNullable;

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly skillCodes = SKILL_CODES;
  protected readonly absenceKinds = ABSENCE_KINDS;
  protected readonly formatDate = formatDate;
  protected readonly canManage = computed(() => {
    const role = this.auth.role();
    return role === 'admin' || role === 'hr';
  });
  /** HR, admin, or the manager of the person's own site lends her to another site. */
  protected readonly canLend = computed(() => {
    const me = this.auth.me();
    const home = this.store.person()?.homeSiteId;
    if (!me) return false;
    if (me.role === 'admin' || me.role === 'hr') return true;
    return me.role === 'manager' && !!home && me.siteIds.includes(home);
  });
  protected readonly otherSites = computed(() =>
    this.store.sites().filter((site) => site.id !== this.store.person()?.homeSiteId),
  );
  protected readonly current = computed(() => this.store.person()?.currentContract ?? null);
  protected readonly linkExpiry = computed(() => {
    const link = this.store.oneTimeLink();
    return link ? instantParts(link.expiresAt) : null;
  });
  protected readonly actionError = signal<string | null>(null);
  /** A refusal shown under the form (or list) it answers, not at the top of the page. */
  protected readonly formError = signal<{ tab: PersonTab; message: string } | null>(null);
  private readonly linkHeading = viewChild<ElementRef<HTMLElement>>('linkHeading');

  protected readonly skillForm = this.fb.group({
    skill: ['' as SkillCode | '', Validators.required],
    detail: [''],
    acquiredOn: ['', Validators.required],
    expiresOn: [''],
  });
  protected readonly absenceForm = this.fb.group({
    kind: ['leave' as AbsenceKind, Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
    reason: [''],
  });

  protected readonly loanForm = this.fb.group({
    siteId: ['', Validators.required],
    from: ['', Validators.required],
    until: ['', Validators.required],
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
    effect(() => {
      const name = this.store.name();
      if (name) this.title.setTitle(`${name} – Personnes – Relais`);
    });
    effect(() => {
      // Move focus to the one-time link as soon as it appears.
      this.linkHeading()?.nativeElement.focus();
    });
  }

  protected duration(minutes: number): string {
    return formatDuration(minutes);
  }

  protected hours(weeklyHours: number): string {
    return formatDuration(Math.round(weeklyHours * 60));
  }

  protected async createLink(kind: LinkKind): Promise<void> {
    this.actionError.set(null);
    const failure = await this.store.createLink(kind);
    if (failure !== null) {
      this.actionError.set(failure || this.transloco.translate('person.linkFailed'));
    }
  }

  protected copyLink(url: string): void {
    this.clipboard.copy(url);
    void this.announcer.announce(this.transloco.translate('person.copied'), 'polite');
  }

  protected async addSkill(): Promise<void> {
    if (this.skillForm.invalid) {
      this.skillForm.markAllAsTouched();
      return;
    }
    const value = this.skillForm.getRawValue();
    const failure = await this.store.addSkill({
      skill: value.skill as SkillCode,
      detail: value.detail.trim() || null,
      acquiredOn: value.acquiredOn,
      expiresOn: value.expiresOn || null,
    });
    this.done(failure, 'skills', 'person.skillAdded', () => this.skillForm.reset());
  }

  protected async removeSkill(id: string): Promise<void> {
    this.done(await this.store.removeSkill(id), 'skills', 'person.skillRemoved');
  }

  protected async addAbsence(): Promise<void> {
    if (this.absenceForm.invalid) {
      this.absenceForm.markAllAsTouched();
      return;
    }
    const value = this.absenceForm.getRawValue();
    const failure = await this.store.addAbsence({
      kind: value.kind,
      start: value.start,
      end: value.end,
      reason: value.reason.trim() || null,
    });
    this.done(failure, 'absences', 'person.absenceAdded', () => this.absenceForm.reset());
  }

  protected async addLoan(): Promise<void> {
    if (this.loanForm.invalid) {
      this.loanForm.markAllAsTouched();
      return;
    }
    const failure = await this.store.addLoan(this.loanForm.getRawValue());
    this.done(failure, 'loans', 'person.loanAdded', () => this.loanForm.reset());
  }

  protected async endLoan(id: string): Promise<void> {
    this.done(await this.store.endLoan(id), 'loans', 'person.loanEnded');
  }

  private done(
    failure: string | null,
    tab: PersonTab,
    successKey: string,
    onSuccess?: () => void,
  ): void {
    if (failure !== null) {
      this.formError.set({
        tab,
        message: failure || this.transloco.translate('person.saveFailed'),
      });
      return;
    }
    this.formError.set(null);
    onSuccess?.();
    this.snackBar.open(this.transloco.translate(successKey), undefined, { duration: 10_000 });
  }
}
