import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { OpeningHours, Site, SiteSundayDerogationRequest } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { rangeMinutes } from '../core/time';
import { messageOf } from '../shared/http-error';

export interface OpeningDay {
  weekday: number;
  ranges: string[];
}

export interface SiteView extends Site {
  openingDays: OpeningDay[];
  weeklyMinutes: number;
}

/** Groups "09:00–12:30" ranges by ISO weekday, Monday first. */
export function openingDays(hours: OpeningHours[]): OpeningDay[] {
  const byDay = new Map<number, string[]>();
  for (const range of [...hours].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
  )) {
    byDay.set(range.weekday, [...(byDay.get(range.weekday) ?? []), `${range.start}–${range.end}`]);
  }
  return [...byDay].map(([weekday, ranges]) => ({ weekday, ranges }));
}

@Injectable({ providedIn: 'root' })
export class SitesStore {
  private readonly http = inject(HttpClient);
  private readonly sites = signal<Site[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');

  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly views = computed<SiteView[]>(() =>
    this.sites().map((site) => ({
      ...site,
      openingDays: openingDays(site.openingHours),
      weeklyMinutes: rangeMinutes(site.openingHours),
    })),
  );

  /**
   * Records, replaces or removes (`null`) a site's derogation to Sunday rest. Resolves to null on
   * success (the site as the server answered replaces the old one), or to the server's message.
   */
  async saveSundayDerogation(siteId: string, basis: string | null): Promise<string | null> {
    const body: SiteSundayDerogationRequest = { basis };
    try {
      const saved = await firstValueFrom(
        this.http.put<Site>(`/api/sites/${siteId}/sunday-derogation`, body),
      );
      this.sites.update((sites) => sites.map((site) => (site.id === saved.id ? saved : site)));
      return null;
    } catch (error) {
      return messageOf(error) ?? 'Enregistrement impossible. Réessayez dans un instant.';
    }
  }

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.sites.set(await firstValueFrom(this.http.get<Site[]>('/api/sites')));
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }
}
