import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  OpeningHours,
  Site,
  SiteOpeningHoursRequest,
  SiteSundayDerogationRequest,
} from '@relais/api-types';
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

/** "09:30" on screen: « 9 h 30 »; "17:00": « 17 h ». */
export function clockLabel(time: string): string {
  const [hours, minutes] = time.split(':');
  return minutes === '00' ? `${Number(hours)}\u00a0h` : `${Number(hours)}\u00a0h\u00a0${minutes}`;
}

/** Groups ranges by ISO weekday, Monday first, each as « 9 h – 12 h 30 ». */
export function openingDays(hours: OpeningHours[]): OpeningDay[] {
  const byDay = new Map<number, string[]>();
  for (const range of [...hours].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
  )) {
    byDay.set(range.weekday, [
      ...(byDay.get(range.weekday) ?? []),
      `${clockLabel(range.start)} – ${clockLabel(range.end)}`,
    ]);
  }
  return [...byDay].map(([weekday, ranges]) => ({ weekday, ranges }));
}

/** One day's ranges as the editor shows them: « 9 h – 12 h 30, 13 h 30 – 17 h ». */
export function dayText(hours: OpeningHours[], weekday: number): string {
  return (openingDays(hours).find((day) => day.weekday === weekday)?.ranges ?? [])
    .join(', ')
    .replace(/\u00a0/g, ' ');
}

const CLOCK = /^(\d{1,2})\s*(?:h|:)?\s*(\d{2})?$/i;

function parseClock(text: string): string | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * One day's ranges typed by HR: « 9 h – 12 h 30, 13 h 30 – 17 h », "09:00-12:30 ; 13:30-17:00"
 * or « 9h à 12h30 et 13h30 à 17h ». Empty: closed that day. Null when a range cannot be read.
 */
export function parseDayText(text: string, weekday: number): OpeningHours[] | null {
  const parts = text
    .split(/[,;]|\bet\b/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ranges: OpeningHours[] = [];
  for (const part of parts) {
    const ends = part.split(/\s*[–—-]\s*|\s+à\s+/);
    if (ends.length !== 2) return null;
    const [start, end] = ends.map(parseClock);
    if (!start || !end) return null;
    ranges.push({ weekday, start, end });
  }
  return ranges;
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

  /**
   * Replaces a site's public opening hours. Resolves to null on success (the site as the server
   * answered replaces the old one), or to the server's message.
   */
  async saveOpeningHours(siteId: string, openingHours: OpeningHours[]): Promise<string | null> {
    const body: SiteOpeningHoursRequest = { openingHours };
    try {
      const saved = await firstValueFrom(
        this.http.put<Site>(`/api/sites/${siteId}/opening-hours`, body),
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
