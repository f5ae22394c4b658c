import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ExchangeableShift, MyColleague, MyShift, MyWeek, ShiftSwap } from '@relais/api-types';
import { addIsoWeeks, isoWeekOf } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';
import { dayOf, workedMinutes } from './me.format';
import { MY_WEEK_CACHE_KEY } from './offline';

export interface MyDay {
  date: string;
  shifts: MyShift[];
}

export interface MyWeekGroup {
  week: string;
  /** "Semaine 49". */
  number: number;
  plannedMinutes: number;
  days: MyDay[];
}

/** Groups shifts by ISO week and Paris day, cancelled ones kept in place (struck through). */
export function groupWeek(shifts: MyShift[]): MyWeekGroup[] {
  const groups: MyWeekGroup[] = [];
  for (const shift of shifts) {
    const date = dayOf(shift.start);
    const week = isoWeekOf(date);
    let group = groups.find((candidate) => candidate.week === week);
    if (!group) {
      group = { week, number: Number(week.slice(6)), plannedMinutes: 0, days: [] };
      groups.push(group);
    }
    if (shift.change !== 'cancelled') group.plannedMinutes += workedMinutes(shift);
    let day = group.days.find((candidate) => candidate.date === date);
    if (!day) {
      day = { date, shifts: [] };
      group.days.push(day);
    }
    day.shifts.push(shift);
  }
  return groups;
}

/**
 * The mediator's next 14 days. The last answer is kept on the device: offline, the page shows it
 * with the time it was fetched ("à jour au …").
 */
@Injectable({ providedIn: 'root' })
export class MyWeekStore {
  private readonly http = inject(HttpClient);
  private readonly data = signal<MyWeek | null>(null);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'offline' | 'error'>('idle');
  private readonly colleagueList = signal<MyColleague[]>([]);
  private readonly exchangeableList = signal<ExchangeableShift[]>([]);

  readonly week = this.data.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' && !this.data());
  readonly isOffline = computed(() => this.status() === 'offline');
  readonly hasError = computed(() => this.status() === 'error');
  readonly colleagues = this.colleagueList.asReadonly();
  /** The chosen colleague's published shifts to come, to ask one in exchange. */
  readonly exchangeable = this.exchangeableList.asReadonly();
  readonly groups = computed(() => groupWeek(this.data()?.shifts ?? []));
  private readonly other = signal<MyWeek | null>(null);
  private readonly otherStatus = signal<'idle' | 'loading' | 'error'>('idle');
  /** The week on screen: this week (from the main answer) or another one asked for. */
  readonly shown = computed(() => this.other() ?? this.data());
  readonly isWeekLoading = computed(() => this.otherStatus() === 'loading');
  readonly hasWeekError = computed(() => this.otherStatus() === 'error');
  readonly isCurrentWeek = computed(() => this.other() === null);
  /** The shown week's days, Monday to Sunday, with its planned total over the whole week. */
  readonly shownGroup = computed<MyWeekGroup | null>(() => {
    const shown = this.shown();
    if (!shown) return null;
    return (
      groupWeek(shown.shifts).find((group) => group.week === shown.week) ?? {
        week: shown.week,
        number: Number(shown.week.slice(6)),
        plannedMinutes: 0,
        days: [],
      }
    );
  });

  /** Moves by whole weeks from the shown one; 0 comes back to this week. */
  async moveWeek(offset: number): Promise<void> {
    const current = this.data();
    if (!current) return;
    const target =
      offset === 0 ? current.week : addIsoWeeks(this.shown()?.week ?? current.week, offset);
    if (target === current.week) {
      this.other.set(null);
      this.otherStatus.set('idle');
      return;
    }
    this.otherStatus.set('loading');
    try {
      this.other.set(
        await firstValueFrom(this.http.get<MyWeek>('/api/me/week', { params: { week: target } })),
      );
      this.otherStatus.set('idle');
    } catch {
      this.otherStatus.set('error');
    }
  }
  readonly changedCount = computed(
    () => (this.data()?.shifts ?? []).filter((shift) => shift.change !== null).length,
  );

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      const week = await firstValueFrom(this.http.get<MyWeek>('/api/me/week'));
      this.data.set(week);
      // Offline, the service worker answers with its last copy: say so.
      if (globalThis.navigator?.onLine === false) {
        this.status.set('offline');
        return;
      }
      this.status.set('loaded');
      globalThis.localStorage?.setItem(MY_WEEK_CACHE_KEY, JSON.stringify(week));
      // Changes stay highlighted until the next visit.
      void firstValueFrom(this.http.post('/api/me/week/seen', { seenAt: week.generatedAt })).catch(
        () => undefined,
      );
    } catch {
      const cached = globalThis.localStorage?.getItem(MY_WEEK_CACHE_KEY);
      if (cached) {
        this.data.set(JSON.parse(cached) as MyWeek);
        this.status.set('offline');
      } else {
        this.status.set('error');
      }
    }
  }

  /** Colleagues who may take this shift: mediators of my site under contract on its day. */
  async loadColleagues(shift: MyShift): Promise<void> {
    this.colleagueList.set([]);
    try {
      this.colleagueList.set(
        await firstValueFrom(
          this.http.get<MyColleague[]>('/api/me/colleagues', { params: { shiftId: shift.id } }),
        ),
      );
    } catch {
      this.colleagueList.set([]);
    }
  }

  async loadExchangeable(toPersonId: string): Promise<void> {
    this.exchangeableList.set([]);
    try {
      this.exchangeableList.set(
        await firstValueFrom(
          this.http.get<ExchangeableShift[]>(
            `/api/swaps/exchangeable?toPersonId=${encodeURIComponent(toPersonId)}`,
          ),
        ),
      );
    } catch {
      this.exchangeableList.set([]);
    }
  }

  /**
   * Offers my shift to a colleague, alone or in exchange for one of hers (`counter`). Returns
   * null on success, else the server's French message (or '' when unknown).
   */
  async offerSwap(
    shift: MyShift,
    toPersonId: string,
    message: string | null,
    counter: ExchangeableShift | null = null,
  ): Promise<string | null> {
    try {
      const swap = await firstValueFrom(
        this.http.post<ShiftSwap>('/api/swaps', {
          shiftId: shift.id,
          version: shift.version,
          toPersonId,
          message,
          ...(counter ? { counterShiftId: counter.id, counterVersion: counter.version } : {}),
        }),
      );
      // The shift may be in this week's answer, in the other week shown, or in both.
      const mark = (week: MyWeek | null) =>
        week
          ? {
              ...week,
              shifts: week.shifts.map((candidate) =>
                candidate.id === shift.id ? { ...candidate, pendingSwapId: swap.id } : candidate,
              ),
            }
          : week;
      this.data.update(mark);
      this.other.update(mark);
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }
}
