import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { OpeningHours, Site } from '@relais/api-types';
import {
  franceServicesOpeningShortfall,
  openingHoursIssues,
  openingHoursTotals,
} from '@relais/rules';
import { AuthStore } from '../core/auth.store';
import { formatDuration, ORGANISATION_TIME_ZONE } from '../core/time';
import { dayText, parseDayText, SitesStore } from './sites.store';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The opening-hours editor: one text per weekday, what it reads as, and what is wrong. */
interface HoursDraft {
  siteId: string;
  isFranceServices: boolean;
  texts: string[];
}

@Component({
  selector: 'app-sites-page',
  imports: [MatCardModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sites.page.html',
  styleUrl: './sites.page.scss',
})
export class SitesPage implements OnInit {
  protected readonly store = inject(SitesStore);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly formatDuration = formatDuration;

  /** Managers and mediators see which sites are theirs; admin and HR have them all. */
  protected readonly scope = computed(() => {
    const me = this.auth.me();
    return me && (me.role === 'manager' || me.role === 'mediator') ? new Set(me.siteIds) : null;
  });

  /** A derogation to Sunday rest is a legal fact HR or an admin records. */
  protected readonly canRecord = computed(() => {
    const role = this.auth.me()?.role;
    return role === 'admin' || role === 'hr';
  });

  /** The site whose derogation form is open, its text, and what the last save said. */
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly failedSite = signal<string | null>(null);
  protected readonly isSaving = signal(false);
  protected readonly done = signal<{ siteId: string; text: string } | null>(null);

  /** The site whose opening hours are being edited, with one text per weekday. */
  protected readonly hoursDraft = signal<HoursDraft | null>(null);
  protected readonly hoursError = signal<string | null>(null);
  protected readonly hoursDone = signal<{ siteId: string; text: string } | null>(null);
  protected readonly weekdays = WEEKDAYS;

  /** The draft read back: its ranges, an error per day, the week's total and the FS minimum. */
  protected readonly hoursCheck = computed(() => {
    const draft = this.hoursDraft();
    if (!draft) return null;
    const dayErrors: (string | null)[] = WEEKDAYS.map(() => null);
    const hours: OpeningHours[] = [];
    WEEKDAYS.forEach((weekday, index) => {
      const ranges = parseDayText(draft.texts[index], weekday);
      if (ranges === null)
        dayErrors[index] = this.transloco.translate('sites.openingHours.unreadable');
      else hours.push(...ranges);
    });
    for (const issue of openingHoursIssues(hours)) {
      const range = hours[Number(issue.field.split('.')[1])];
      dayErrors[range.weekday - 1] ??= issue.message;
    }
    const { minutes, days } = openingHoursTotals(hours);
    return {
      hours,
      dayErrors,
      isValid: dayErrors.every((error) => error === null),
      total: this.transloco.translate('sites.openingHours.total', {
        hours: formatDuration(minutes),
        days,
      }),
      shortfall: draft.isFranceServices ? franceServicesOpeningShortfall(hours) : null,
    };
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected recordedAt(iso: string): string {
    return new Intl.DateTimeFormat('fr-FR', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: ORGANISATION_TIME_ZONE,
    }).format(new Date(iso));
  }

  protected editHours(site: Site): void {
    this.hoursDraft.set({
      siteId: site.id,
      isFranceServices: site.isFranceServices,
      texts: WEEKDAYS.map((weekday) => dayText(site.openingHours, weekday)),
    });
    this.hoursError.set(null);
    this.hoursDone.set(null);
  }

  protected setDayText(index: number, text: string): void {
    this.hoursDraft.update((draft) =>
      draft
        ? { ...draft, texts: draft.texts.map((one, at) => (at === index ? text : one)) }
        : draft,
    );
  }

  protected cancelHours(): void {
    this.hoursDraft.set(null);
    this.hoursError.set(null);
  }

  /** Saves the week's hours; on a refusal the form keeps what was typed and says why. */
  protected async saveHours(event: Event, site: Site): Promise<void> {
    event.preventDefault();
    const check = this.hoursCheck();
    if (!check) return;
    if (!check.isValid) {
      this.hoursError.set(this.transloco.translate('sites.openingHours.fix'));
      return;
    }
    this.isSaving.set(true);
    const refusal = await this.store.saveOpeningHours(site.id, check.hours);
    this.isSaving.set(false);
    this.hoursError.set(refusal);
    if (refusal !== null) return;
    this.hoursDraft.set(null);
    this.hoursDone.set({
      siteId: site.id,
      text: this.transloco.translate('sites.openingHours.saved', { site: site.name }),
    });
  }

  protected edit(site: Site): void {
    this.editing.set(site.id);
    this.draft.set(site.sundayDerogation?.basis ?? '');
    this.error.set(null);
    this.done.set(null);
  }

  protected cancel(): void {
    this.editing.set(null);
    this.error.set(null);
  }

  protected async save(event: Event, site: Site): Promise<void> {
    event.preventDefault();
    const basis = this.draft().trim();
    if (basis === '') {
      this.error.set(this.transloco.translate('sites.sunday.blank'));
      return;
    }
    if (await this.write(site, basis)) this.editing.set(null);
  }

  protected async remove(site: Site): Promise<void> {
    this.editing.set(null);
    await this.write(site, null);
  }

  /** Saves and says so next to the site; the form keeps what was typed on a refusal. */
  private async write(site: Site, basis: string | null): Promise<boolean> {
    this.isSaving.set(true);
    this.done.set(null);
    const refusal = await this.store.saveSundayDerogation(site.id, basis);
    this.isSaving.set(false);
    this.error.set(refusal);
    this.failedSite.set(refusal === null ? null : site.id);
    if (refusal !== null) return false;
    this.done.set({
      siteId: site.id,
      text: this.transloco.translate(
        basis === null ? 'sites.sunday.removed' : 'sites.sunday.saved',
        {
          site: site.name,
        },
      ),
    });
    return true;
  }
}
