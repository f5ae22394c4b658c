import { ChangeDetectionStrategy, Component, effect, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ACTIVITY_CODES,
  SKILL_LABELS,
  type ActivityCode,
  type OrganisationSettings,
  type SkillCode,
  type SplitDayAgreement,
} from '@relais/api-types';
import {
  DEFAULT_ORGANISATION_SETTINGS,
  FRENCH_TIME_ZONES,
  ORGANISATION_SETTING_BOUNDS,
} from '@relais/rules';
import { formatDuration, ORGANISATION_TIME_ZONE } from '../core/time';
import { SettingsStore } from './settings.store';

interface Choice<T> {
  value: T;
  label: string;
}

const HALF_HOURS = (min: number, max: number): number[] =>
  Array.from({ length: (max - min) / 30 + 1 }, (_, i) => min + i * 30);

// Shares agreements usually write; another value set through the API is listed as a percentage.
const SHARES: readonly [number, string][] = [
  [0.1, '1/10'],
  [1 / 8, '1/8'],
  [1 / 6, '1/6'],
  [1 / 5, '1/5'],
  [1 / 4, '1/4'],
  [1 / 3, '1/3'],
];

const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

function shareLabel(value: number): string {
  const fraction = SHARES.find(([share]) => Math.abs(share - value) < 1e-6)?.[1];
  return fraction ? `${fraction} (${PERCENT.format(value)})` : PERCENT.format(value);
}

/** With the current value among the choices, even one the list does not offer. */
function withCurrent<T>(choices: Choice<T>[], current: T, label: (value: T) => string) {
  return choices.some((choice) => choice.value === current)
    ? choices
    : [...choices, { value: current, label: label(current) }];
}

/** « Paramètres de l'association »: the thresholds an agreement may change, for the director. */
@Component({
  selector: 'app-settings-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings.page.html',
  styleUrl: './settings.page.scss',
})
export class SettingsPage implements OnInit {
  protected readonly store = inject(SettingsStore);
  protected readonly draft = signal<OrganisationSettings>(DEFAULT_ORGANISATION_SETTINGS);
  protected readonly savedAt = signal<string | null>(null);
  protected readonly timeZones = FRENCH_TIME_ZONES;
  protected readonly bounds = ORGANISATION_SETTING_BOUNDS;
  protected readonly activities = ACTIVITY_CODES;
  /** Habilitations an activity may require (a language is a competence, not a habilitation). */
  protected readonly habilitationSkills: readonly SkillCode[] = [
    'aidants_connect',
    'france_services_initial',
    'sst',
  ];
  protected readonly skillLabels = SKILL_LABELS;

  constructor() {
    // The form starts from the server's values, and again after each save.
    effect(() => {
      const settings = this.store.settings();
      if (settings) this.draft.set({ ...settings });
    });
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected dailyChoices(): Choice<number>[] {
    const { min, max } = this.bounds.dailyMaxMinutes;
    return withCurrent(
      HALF_HOURS(min, max).map((value) => ({ value, label: formatDuration(value) })),
      this.draft().dailyMaxMinutes,
      formatDuration,
    );
  }

  protected averageChoices(): Choice<number>[] {
    const { min, max } = this.bounds.weeklyAverageMaxMinutes;
    return withCurrent(
      HALF_HOURS(min, max).map((value) => ({ value, label: formatDuration(value) })),
      this.draft().weeklyAverageMaxMinutes,
      formatDuration,
    );
  }

  protected shareChoices(): Choice<number>[] {
    const current = this.draft().complementaryHoursRatio;
    const choices = SHARES.map(([value]) => ({ value, label: shareLabel(value) }));
    return choices.some((choice) => Math.abs(choice.value - current) < 1e-6)
      ? choices
      : [...choices, { value: current, label: shareLabel(current) }];
  }

  /** The listed share equal to the value (1/3 arrives as 0.333…). */
  protected shareValue(): number {
    const current = this.draft().complementaryHoursRatio;
    return this.shareChoices().find((choice) => Math.abs(choice.value - current) < 1e-6)
      ?.value as number;
  }

  protected set<K extends keyof OrganisationSettings>(
    field: K,
    value: OrganisationSettings[K],
  ): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected setNotice(text: string): void {
    this.set('partTimeNoticeWorkingDays', text.trim() === '' ? Number.NaN : Number(text));
  }

  /** L3123-30: split days are allowed only by an agreement, named with its counterparts. */
  protected setHasAgreement(hasAgreement: boolean): void {
    this.set('splitDayAgreement', hasAgreement ? { reference: '', counterparts: '' } : null);
  }

  protected setAgreement(field: keyof SplitDayAgreement, text: string): void {
    const agreement = this.draft().splitDayAgreement ?? { reference: '', counterparts: '' };
    this.set('splitDayAgreement', { ...agreement, [field]: text });
  }

  protected setGroupingBlock(text: string): void {
    this.set('partTimeGroupingMinBlockMinutes', text.trim() === '' ? Number.NaN : Number(text));
  }

  protected setExitStay(text: string): void {
    this.set('exitMinimumStayDays', text.trim() === '' ? Number.NaN : Number(text));
  }

  /** '' : the activity requires nothing. */
  protected setHabilitation(activity: ActivityCode, skill: SkillCode | ''): void {
    const required = { ...this.draft().requiredSkillByActivity };
    if (skill === '') delete required[activity];
    else required[activity] = skill;
    this.set('requiredSkillByActivity', required);
  }

  protected setDerogation(text: string): void {
    this.set('sundayDerogation', text.trim() === '' ? null : text);
  }

  /** The law's thresholds; the habilitations are the association's own and stay. */
  protected lawValues(): void {
    this.draft.update((draft) => ({
      ...DEFAULT_ORGANISATION_SETTINGS,
      requiredSkillByActivity: draft.requiredSkillByActivity,
    }));
  }

  protected async save(): Promise<void> {
    this.savedAt.set(null);
    if (await this.store.save(this.draft())) {
      this.savedAt.set(
        new Intl.DateTimeFormat('fr-FR', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: ORGANISATION_TIME_ZONE,
        }).format(new Date()),
      );
    }
  }

  protected lastChange(iso: string): string {
    return new Intl.DateTimeFormat('fr-FR', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: ORGANISATION_TIME_ZONE,
    }).format(new Date(iso));
  }
}
