import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { civilDate, isIsoWeek, isoWeekOf } from '@relais/rules/format';
import { Observable, ReplaySubject } from 'rxjs';
import { ORGANISATION_TIME_ZONE } from './time';

/** How long a read started ahead stays good for the page that asked for it. */
const FRESH_MS = 10_000;

/** The site the planning page shows: the one the URL names if the caller may see it, else their first. */
export function planningSite(wanted: string | null, siteIds: readonly string[]): string | null {
  return siteIds.find((id) => id === wanted) ?? siteIds[0] ?? null;
}

/** The week the planning page shows: the one the URL names, else this week in Paris. */
export function planningWeek(wanted: string | null, now = Date.now()): string {
  return wanted && isIsoWeek(wanted) ? wanted : isoWeekOf(civilDate(now, ORGANISATION_TIME_ZONE));
}

/**
 * Reads a page's data while its code is still being fetched. The app starts the read as soon as
 * it knows who is signed in; the page takes it (once) instead of asking again. Nothing is kept:
 * a read not taken within a few seconds is dropped, and every later load asks the server.
 */
@Injectable({ providedIn: 'root' })
export class FirstRead {
  private readonly http = inject(HttpClient);
  private readonly reads = new Map<string, { at: number; answer: ReplaySubject<unknown> }>();

  start(url: string, params: Record<string, string>): void {
    const answer = new ReplaySubject<unknown>(1);
    this.http.get<unknown>(url, { params }).subscribe(answer);
    this.reads.set(keyOf(url, params), { at: Date.now(), answer });
  }

  /** Drops every read not yet taken (sign-in, sign-out: they were asked for another session). */
  clear(): void {
    this.reads.clear();
  }

  /** The read started for exactly this request, if there is a fresh one; it is handed out once. */
  take<T>(url: string, params: Record<string, string>): Observable<T> | null {
    const key = keyOf(url, params);
    const read = this.reads.get(key);
    this.reads.delete(key);
    if (!read || Date.now() - read.at > FRESH_MS) return null;
    return read.answer as Observable<T>;
  }
}

function keyOf(url: string, params: Record<string, string>): string {
  return `${url}?${new HttpParams({ fromObject: params }).toString()}`;
}
