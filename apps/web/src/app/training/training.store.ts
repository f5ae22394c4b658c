import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  ApiError,
  PersonSummary,
  Site,
  TrainingEnrolment,
  TrainingModule,
  TrainingSession,
} from '@relais/api-types';
import { isoWeekOf, offsetMinutes, zonedInstant } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

const TZ = 'Europe/Paris';

/** "2026-12-08T09:00:00+01:00" → its civil date and wall-clock time in Paris. */
export function instantLabel(start: string, end: string): { date: string; time: string } {
  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, ...options }).format(new Date(iso));
  return {
    date: format(start, { day: '2-digit', month: '2-digit', year: 'numeric' }),
    time: `${format(start, { hour: '2-digit', minute: '2-digit' })}–${format(end, { hour: '2-digit', minute: '2-digit' })}`,
  };
}

/** A civil date and two "HH:MM" times → ISO instants with the Paris offset of that day. */
export function sessionInstants(
  date: string,
  start: string,
  end: string,
): { start: string; end: string } {
  const iso = (time: string) => {
    const offset = offsetMinutes(zonedInstant(date, time, TZ), TZ);
    const abs = Math.abs(offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date}T${time}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
  return { start: iso(start), end: iso(end) };
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base' });

/** Lower case without accents, for a search that finds "Étienne" by typing "etienne". */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Who the enrolment picker offers: people under contract at one of the caller's sites (HR and
 * direction: every site) who are not HR or direction accounts, grouped by site in site order and
 * sorted the French way ("Étienne" before "Vasseur"), narrowed by a name search.
 */
export function enrolmentGroups(
  people: readonly PersonSummary[],
  sites: readonly Site[],
  siteIds: readonly string[],
  search: string,
): { site: Site; people: PersonSummary[] }[] {
  const words = folded(search).split(/\s+/).filter(Boolean);
  const matches = (person: PersonSummary) => {
    const name = folded(`${person.lastName} ${person.firstName}`);
    return words.every((word) => name.includes(word));
  };
  const enrolable = people
    .filter(
      (person) =>
        person.currentContract !== null &&
        person.currentContract.status !== 'ended' &&
        person.role !== 'admin' &&
        person.role !== 'hr' &&
        person.homeSiteId !== null &&
        siteIds.includes(person.homeSiteId) &&
        matches(person),
    )
    .sort(
      (a, b) =>
        COLLATOR.compare(a.lastName, b.lastName) || COLLATOR.compare(a.firstName, b.firstName),
    );
  return sites
    .map((site) => ({ site, people: enrolable.filter((person) => person.homeSiteId === site.id) }))
    .filter((group) => group.people.length > 0);
}

/** The item in the way of an enrolment, from the 409's details. */
export interface Conflict {
  message: string;
  shiftId: string | null;
  shiftVersion: number | null;
  siteId: string | null;
  week: string | null;
}

export function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = error.error as Partial<ApiError> & {
    details?: { shiftId?: string; shiftVersion?: number; siteId?: string; start?: string }[];
  };
  const detail = Array.isArray(body?.details) ? body.details[0] : undefined;
  return {
    message: body?.message ?? '',
    shiftId: detail?.shiftId ?? null,
    shiftVersion: detail?.shiftVersion ?? null,
    siteId: detail?.siteId ?? null,
    week: detail?.start ? isoWeekOf(detail.start.slice(0, 10)) : null,
  };
}

@Injectable({ providedIn: 'root' })
export class TrainingStore {
  private readonly http = inject(HttpClient);
  readonly modules = signal<TrainingModule[]>([]);
  readonly sessions = signal<TrainingSession[]>([]);
  readonly sites = signal<Site[]>([]);
  readonly people = signal<PersonSummary[]>([]);
  readonly selected = signal<TrainingSession | null>(null);
  readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  readonly locations = computed(() =>
    this.sites().flatMap((site) =>
      site.locations.map((location) => ({ ...location, siteCode: site.code })),
    ),
  );
  readonly views = computed(() =>
    this.sessions().map((session) => ({
      ...session,
      ...instantLabel(session.start, session.end),
      siteCode: this.sites().find((site) => site.id === session.siteId)?.code ?? '',
    })),
  );

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      const [modules, sessions, sites, people] = await Promise.all([
        firstValueFrom(this.http.get<TrainingModule[]>('/api/training/modules')),
        firstValueFrom(this.http.get<TrainingSession[]>('/api/training/sessions')),
        firstValueFrom(this.http.get<Site[]>('/api/sites')),
        firstValueFrom(this.http.get<PersonSummary[]>('/api/people')),
      ]);
      this.modules.set(modules);
      this.sessions.set(sessions);
      this.sites.set(sites);
      this.people.set(people.filter((person) => person.currentContract !== null));
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  async create(body: {
    moduleId: string;
    locationId: string;
    date: string;
    start: string;
    end: string;
    breakMinutes: number;
    capacity: number;
    place: string;
    trainer: string;
  }): Promise<{ session?: TrainingSession; error?: string }> {
    try {
      const session = await firstValueFrom(
        this.http.post<TrainingSession>('/api/training/sessions', {
          moduleId: body.moduleId,
          locationId: body.locationId,
          ...sessionInstants(body.date, body.start, body.end),
          breakMinutes: body.breakMinutes,
          capacity: body.capacity,
          place: body.place || null,
          trainer: body.trainer || null,
        }),
      );
      this.sessions.update((list) =>
        [...list, session].sort((a, b) => a.start.localeCompare(b.start)),
      );
      this.selected.set({ ...session, enrolments: [] });
      return { session };
    } catch (error) {
      return { error: messageOf(error) ?? '' };
    }
  }

  async open(id: string): Promise<void> {
    this.selected.set(
      await firstValueFrom(this.http.get<TrainingSession>(`/api/training/sessions/${id}`)),
    );
  }

  private async refresh(): Promise<void> {
    const current = this.selected();
    if (!current) return;
    const session = await firstValueFrom(
      this.http.get<TrainingSession>(`/api/training/sessions/${current.id}`),
    );
    this.selected.set(session);
    this.sessions.update((list) => list.map((s) => (s.id === session.id ? session : s)));
  }

  /** null on success; a conflict (with the shift in the way) or a message otherwise. */
  async enrol(personId: string): Promise<{ conflict?: Conflict; error?: string } | null> {
    const session = this.selected();
    if (!session) return null;
    try {
      await firstValueFrom(
        this.http.post<TrainingEnrolment>(`/api/training/sessions/${session.id}/enrolments`, {
          personId,
        }),
      );
      await this.refresh();
      return null;
    } catch (error) {
      const conflict = conflictOf(error);
      return conflict ? { conflict } : { error: messageOf(error) ?? '' };
    }
  }

  /** Removes the shift in the way (with its version: a stale one is refused), then enrols. */
  async removeShiftAndEnrol(
    conflict: Conflict,
    personId: string,
  ): Promise<{ conflict?: Conflict; error?: string } | null> {
    try {
      await firstValueFrom(
        this.http.delete(`/api/shifts/${conflict.shiftId}?version=${conflict.shiftVersion}`),
      );
    } catch (error) {
      return { error: messageOf(error) ?? '' };
    }
    return this.enrol(personId);
  }

  async act(
    enrolmentId: string,
    action: 'present' | 'absent' | 'validate' | 'remove',
  ): Promise<string | null> {
    try {
      const base = `/api/training/enrolments/${enrolmentId}`;
      if (action === 'remove') await firstValueFrom(this.http.delete(base));
      else if (action === 'validate')
        await firstValueFrom(this.http.post(`${base}/validation`, {}));
      else
        await firstValueFrom(
          this.http.post(`${base}/attendance`, { present: action === 'present' }),
        );
      await this.refresh();
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }
}
