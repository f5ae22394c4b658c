import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { OpeningHours, Site } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { rangeMinutes } from '../core/time';

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
