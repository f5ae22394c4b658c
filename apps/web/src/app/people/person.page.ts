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
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ABSENCE_KINDS,
  CONTRACT_END_REASON_LABELS,
  SKILL_CODES,
  type AbsenceKind,
  type Contract,
  type EndContractResult,
  type HrNote,
  type Shift,
  type SkillCode,
} from '@relais/api-types';
import { civilDate, effectiveMinutes, formatDate } from '@relais/rules';
import { firstValueFrom, map } from 'rxjs';
import { AuthStore } from '../core/auth.store';
import { formatDuration, ORGANISATION_TIME_ZONE } from '../core/time';
import { dayHeader, weekRangeLabel } from '../rota/rota.model';
import { longDate } from '../shared/long-date';
import { CertificateRemindersComponent } from '../training/certificate-reminders.component';
import { ContractTimelineComponent } from './components/contract-timeline.component';
import { EligibilityCardComponent } from './components/eligibility-card.component';
import { SkillChipComponent } from './components/skill-chip.component';
import { instantParts } from './people.format';
import { LinkKind, PersonStore } from './person.store';

type PersonTab = 'skills' | 'absences' | 'loans' | 'notes';

/** Tab keys, as in the URL (`?onglet=contrats`). */
export const PERSON_TABS = [
  'contrats',
  'planning',
  'parcours',
  'formation',
  'absences',
  'prets',
  'notes',
] as const;
export type PersonTabKey = (typeof PERSON_TABS)[number];

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
    EligibilityCardComponent,
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
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);

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
  protected readonly endReasonLabels = CONTRACT_END_REASON_LABELS;
  /** The tabs this caller sees: Notes RH only for HR and admin. */
  protected readonly tabs = computed<readonly PersonTabKey[]>(() =>
    this.canManage() ? PERSON_TABS : PERSON_TABS.filter((tab) => tab !== 'notes'),
  );
  private readonly tabParam = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('onglet'))),
    { initialValue: null },
  );
  protected readonly tab = computed<PersonTabKey>(() => {
    const wanted = this.tabParam();
    return this.tabs().find((tab) => tab === wanted) ?? 'contrats';
  });
  protected readonly tabIndex = computed(() => this.tabs().indexOf(this.tab()));
  protected readonly noteLength = signal(0);
  protected readonly notes = computed(() => {
    const state = this.store.hrNotes();
    return state.status === 'loaded' ? state.value : null;
  });
  protected readonly pathwayValue = computed(() => {
    const state = this.store.pathway();
    return state.status === 'loaded' ? state.value : null;
  });
  protected readonly planningWeeks = computed(() => {
    const state = this.store.planning();
    return state.status === 'loaded' ? state.value : [];
  });
  protected readonly lateMilestones = computed(
    () => this.pathwayValue()?.milestones.filter((m) => m.status === 'en_retard').length ?? 0,
  );
  protected readonly nextMilestone = computed(
    () => this.pathwayValue()?.milestones.find((m) => m.doneOn === null) ?? null,
  );
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

  protected readonly noteForm = this.fb.group({
    text: ['', [Validators.required, Validators.maxLength(4000), Validators.pattern(/\S/)]],
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
      // A tab's data is read when the tab is first shown (and again for another person).
      const tab = this.tab();
      if (this.store.loadStatus() !== 'loaded') return;
      untracked(() => {
        if (tab === 'notes') void this.store.loadHrNotes();
        if (tab === 'planning') void this.store.loadPlanning();
        if (tab === 'parcours' || tab === 'formation') void this.store.loadPathway();
      });
    });
    effect(() => {
      // Move focus to the one-time link as soon as it appears.
      this.linkHeading()?.nativeElement.focus();
    });
  }

  protected selectTab(index: number): void {
    const tab = this.tabs()[index] ?? 'contrats';
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { onglet: tab === 'contrats' ? null : tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** The CDD whose refused renewal is being recorded, with the day typed and any refusal. */
  protected readonly refusal = signal<{
    contractId: string;
    date: string;
    error: string | null;
  } | null>(null);
  protected readonly longDate = longDate;

  /** A CDD not renewed, whose refused renewal is not recorded yet (L1244-4-1). */
  protected canRecordRefusal(contract: Contract): boolean {
    return (
      contract.type === 'CDD' &&
      contract.renewalRefusedOn === null &&
      !this.store.contracts().some((other) => other.renewalOf === contract.id)
    );
  }

  protected async saveRefusal(): Promise<void> {
    const refusal = this.refusal();
    if (!refusal?.date) return;
    const error = await this.store.recordRenewalRefusal(refusal.contractId, refusal.date);
    if (error !== null) {
      this.refusal.set({
        ...refusal,
        error: error || this.transloco.translate('contractForm.failed'),
      });
      return;
    }
    this.refusal.set(null);
    this.snackBar.open(this.transloco.translate('hrPeople.contracts.refusalSaved'), undefined, {
      duration: 10_000,
    });
  }

  /** A contract may still be ended early: not ended, not already cut short. */
  protected canEnd(contract: Contract): boolean {
    return contract.status !== 'ended' && contract.endReason === null;
  }

  protected async endContract(contract: Contract, trigger: HTMLElement): Promise<void> {
    const { ContractEndDialogComponent } = await import(
      './components/contract-end-dialog.component'
    );
    const result = await firstValueFrom(
      this.dialog
        .open<typeof ContractEndDialogComponent.prototype, unknown, EndContractResult>(
          ContractEndDialogComponent,
          {
            data: {
              contract,
              submit: (request: Parameters<PersonStore['endContract']>[1]) =>
                this.store.endContract(contract.id, request),
            },
            restoreFocus: trigger,
          },
        )
        .afterClosed(),
    );
    if (!result) return;
    const key = result.exitRecordId ? 'hrPeople.endDialog.doneWithExit' : 'hrPeople.endDialog.done';
    const message = this.transloco.translate(key, { end: formatDate(result.contract.end ?? '') });
    this.snackBar.open(message, undefined, { duration: 10_000 });
  }

  protected async correctContract(contract: Contract, trigger: HTMLElement): Promise<void> {
    const { ContractCorrectDialogComponent } = await import(
      './components/contract-correct-dialog.component'
    );
    const result = await firstValueFrom(
      this.dialog
        .open(ContractCorrectDialogComponent, {
          data: {
            contract,
            submit: (request: Parameters<PersonStore['correctContract']>[1]) =>
              this.store.correctContract(contract.id, request),
            people: await this.store.replaceablePeople(),
          },
          restoreFocus: trigger,
        })
        .afterClosed(),
    );
    if (!result) return;
    this.snackBar.open(this.transloco.translate('hrPeople.correctDialog.done'), undefined, {
      duration: 10_000,
    });
  }

  /** "Semaine 50 (7 déc. – 13 déc. 2026)". */
  protected weekLabel(week: string): string {
    return this.transloco.translate('hrPeople.planning.week', {
      week: Number(week.slice(6)),
      range: weekRangeLabel(week),
    });
  }

  protected shiftDay(shift: Shift): string {
    return dayHeader(civilDate(Date.parse(shift.start), ORGANISATION_TIME_ZONE));
  }

  protected shiftTimes(shift: Shift): string {
    return `${instantParts(shift.start).time}–${instantParts(shift.end).time}`;
  }

  protected weekTotal(shifts: Shift[]): string {
    return formatDuration(
      shifts.reduce(
        (sum, shift) =>
          sum +
          effectiveMinutes({
            start: shift.start,
            end: shift.end,
            breakMinutes: shift.breakMinutes,
          }),
        0,
      ),
    );
  }

  protected sessionDay(start: string): string {
    return instantParts(start).date;
  }

  protected sessionTime(instant: string): string {
    return instantParts(instant).time;
  }

  protected noteTime(note: HrNote): { date: string; time: string } {
    return instantParts(note.createdAt);
  }

  protected async addNote(): Promise<void> {
    if (this.noteForm.invalid) {
      this.noteForm.markAllAsTouched();
      return;
    }
    const failure = await this.store.addHrNote(this.noteForm.getRawValue().text.trim());
    this.done(
      failure === null ? null : (failure.message ?? ''),
      'notes',
      'hrPeople.notes.added',
      () => {
        this.noteForm.reset();
        this.noteLength.set(0);
      },
    );
  }

  protected async deleteNote(id: string): Promise<void> {
    const failure = await this.store.deleteHrNote(id);
    this.done(failure === null ? null : (failure.message ?? ''), 'notes', 'hrPeople.notes.deleted');
  }

  /** "PEC (CUI-CAE), du 03/03/2026 au 02/03/2027, 20 h par semaine", with no stray space. */
  protected contractSummary(contract: Contract): string {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(key, params);
    const period = contract.end
      ? t('person.fromTo', { start: formatDate(contract.start), end: formatDate(contract.end) })
      : t('person.since', { start: formatDate(contract.start) });
    return [
      t(`contractTypes.${contract.type}`),
      period,
      t('person.weeklyHours', { hours: this.hours(contract.weeklyHours) }),
    ].join(', ');
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
