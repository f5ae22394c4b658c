import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ContratProReport,
  FranceServicesGap,
  FranceServicesReport,
  Site,
  SubsidisedReport,
} from '@relais/api-types';
import { addMonths } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { distinctSiteLabels } from '../rota/rota.model';
import { todayInParis } from '../shared/today';

type Status = 'idle' | 'loading' | 'loaded' | 'error';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;
const DAY_FORMATS: Partial<Record<'fr' | 'en', Intl.DateTimeFormat>> = {};

/** A wall-clock time as French rotas write it: « 14 h 00 » for "14:00". */
export function clockLabel(time: string): string {
  const [hours, minutes] = time.split(':');
  return `${Number(hours)}\u00a0h\u00a0${minutes}`;
}

/** « mardi 3 novembre » (fr) or « Tuesday 3 November » (en) for "2026-11-03". */
export function dayLabel(date: string, lang: 'fr' | 'en' = 'fr'): string {
  const format = (DAY_FORMATS[lang] ??= new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }));
  return format
    .formatToParts(new Date(`${date}T00:00:00Z`))
    .map((part) =>
      lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value,
    )
    .join('');
}

/** « mardi 3 novembre, 14 h 00 – 15 h 30 ». */
export function gapLabel(gap: FranceServicesGap, lang: 'fr' | 'en' = 'fr'): string {
  return `${dayLabel(gap.date, lang)}, ${clockLabel(gap.start)} – ${clockLabel(gap.end)}`;
}

/** « semaine 45 » for "2026-W45". */
export function weekNumber(week: string): number {
  return Number(week.slice(6));
}

/** The month picker's value checked: "2026-11", or null for anything else. */
export function parseMonth(value: string): string | null {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/**
 * The « Documents financeurs » page's data: the month and the France Services site chosen, and
 * the three reports of that month (each loaded on its own, a late answer never overwrites a newer
 * one).
 */
@Injectable({ providedIn: 'root' })
export class FundersStore {
  private readonly http = inject(HttpClient);
  // Last month by default: the one funders ask about once it is over.
  private readonly monthValue = signal(
    addMonths(`${todayInParis().slice(0, 7)}-01`, -1).slice(0, 7),
  );
  private readonly siteIdValue = signal<string | null>(null);
  private readonly siteList = signal<Site[]>([]);
  private readonly fs = signal<FranceServicesReport | null>(null);
  private readonly aided = signal<SubsidisedReport | null>(null);
  private readonly pro = signal<ContratProReport | null>(null);
  private readonly status = signal<Status>('idle');
  private requestNumber = 0;

  readonly month = this.monthValue.asReadonly();
  readonly siteId = this.siteIdValue.asReadonly();
  /** France Services sites, named so that they can be told apart (« Paris Sud », « Paris Sud Est »). */
  readonly franceServicesSites = computed(() =>
    distinctSiteLabels(this.siteList().filter((site) => site.isFranceServices)),
  );
  readonly franceServices = this.fs.asReadonly();
  readonly subsidised = this.aided.asReadonly();
  readonly contratPro = this.pro.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');

  async init(): Promise<void> {
    try {
      this.siteList.set(await firstValueFrom(this.http.get<Site[]>('/api/sites')));
    } catch {
      this.status.set('error');
      return;
    }
    this.siteIdValue.set(this.franceServicesSites()[0]?.id ?? null);
    await this.load();
  }

  setMonth(value: string): void {
    const month = parseMonth(value);
    if (!month || month === this.monthValue()) return;
    this.monthValue.set(month);
    void this.load();
  }

  setSite(siteId: string): void {
    if (siteId === this.siteIdValue()) return;
    this.siteIdValue.set(siteId);
    void this.load();
  }

  async load(): Promise<void> {
    const number = ++this.requestNumber;
    const month = this.monthValue();
    const siteId = this.siteIdValue();
    this.status.set('loading');
    try {
      const [fs, aided, pro] = await Promise.all([
        siteId
          ? firstValueFrom(
              this.http.get<FranceServicesReport>('/api/reports/france-services', {
                params: { siteId, month },
              }),
            )
          : Promise.resolve(null),
        firstValueFrom(
          this.http.get<SubsidisedReport>('/api/reports/subsidised', { params: { month } }),
        ),
        firstValueFrom(
          this.http.get<ContratProReport>('/api/reports/contrat-pro', { params: { month } }),
        ),
      ]);
      if (number !== this.requestNumber) return;
      this.fs.set(fs);
      this.aided.set(aided);
      this.pro.set(pro);
      this.status.set('loaded');
    } catch {
      if (number === this.requestNumber) this.status.set('error');
    }
  }
}
