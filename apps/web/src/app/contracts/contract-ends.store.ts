import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Contract } from '@relais/api-types';
import { CivilDate, daysBetween, formatDate } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { todayInParis } from '../shared/today';

/** Item of `GET /api/contracts/ending`. */
export type EndingContract = Contract & { personName: string; siteId: string | null };

export const HORIZONS = [6, 12, 18] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Urgency bands of the contract-end alerts (90, 60, 30 days before the end). */
export type Urgency = 'urgent' | 'soon' | 'later' | 'none';

export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft <= 30) return 'urgent';
  if (daysLeft <= 60) return 'soon';
  if (daysLeft <= 90) return 'later';
  return 'none';
}

export interface EndingEntry {
  id: string;
  personId: string;
  personName: string;
  type: Contract['type'];
  /** "30/11/2026". */
  end: string;
  daysLeft: number;
  urgency: Urgency;
}

export interface EndingMonth {
  /** "2026-12". */
  key: string;
  /** "décembre 2026". */
  label: string;
  entries: EndingEntry[];
}

/** "décembre 2026" (fr) or "December 2026" (en) for "2026-12". */
export function monthLabel(key: string, lang: 'fr' | 'en'): string {
  const [year, month] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Contracts grouped by the month they end, months and entries in date order. */
export function groupByMonth(
  contracts: readonly EndingContract[],
  today: CivilDate,
  lang: 'fr' | 'en' = 'fr',
): EndingMonth[] {
  const months = new Map<string, EndingEntry[]>();
  const sorted = contracts
    .filter((contract): contract is EndingContract & { end: string } => contract.end !== null)
    .sort((a, b) => a.end.localeCompare(b.end) || a.personName.localeCompare(b.personName, 'fr'));
  for (const contract of sorted) {
    const key = contract.end.slice(0, 7);
    const daysLeft = daysBetween(today, contract.end);
    months.set(key, [
      ...(months.get(key) ?? []),
      {
        id: contract.id,
        personId: contract.personId,
        personName: contract.personName,
        type: contract.type,
        end: formatDate(contract.end),
        daysLeft,
        urgency: urgencyOf(daysLeft),
      },
    ]);
  }
  return [...months].map(([key, entries]) => ({ key, label: monthLabel(key, lang), entries }));
}

@Injectable({ providedIn: 'root' })
export class ContractEndsStore {
  private readonly http = inject(HttpClient);
  private readonly contracts = signal<EndingContract[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly lang = signal<'fr' | 'en'>('fr');
  private readonly months = signal<Horizon>(6);
  private requestNumber = 0;

  readonly horizon = this.months.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading' || this.status() === 'idle');
  readonly hasError = computed(() => this.status() === 'error');
  readonly count = computed(() => this.contracts().length);
  readonly groups = computed(() => groupByMonth(this.contracts(), todayInParis(), this.lang()));

  setLang(lang: 'fr' | 'en'): void {
    this.lang.set(lang);
  }

  async load(months: Horizon): Promise<void> {
    const number = ++this.requestNumber;
    this.months.set(months);
    this.status.set('loading');
    try {
      const contracts = await firstValueFrom(
        this.http.get<EndingContract[]>(`/api/contracts/ending?months=${months}`),
      );
      if (number !== this.requestNumber) return;
      this.contracts.set(contracts);
      this.status.set('loaded');
    } catch {
      if (number === this.requestNumber) this.status.set('error');
    }
  }
}
