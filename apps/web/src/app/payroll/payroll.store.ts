import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  PAYROLL_CODES,
  type HoursStatementSummary,
  type PayrollAdjustment,
  type PayrollCode,
  type PayrollMappingEntry,
  type PayrollMonthView,
  type PayrollPersonMonth,
} from '@relais/api-types';
import { addDays, addMonths, formatDuration, formatMonth, monthBounds } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';
import { todayInParis } from '../shared/today';

/** `2026-11` → `2026-10` (`delta` −1) or `2026-12` (+1). */
export function shiftMonth(month: string, delta: number): string {
  return addMonths(`${month}-01`, delta).slice(0, 7);
}

/** The month before today's: the one HR usually closes. */
export function lastMonth(today: string): string {
  return shiftMonth(today.slice(0, 7), -1);
}

/** A month's value on screen: minutes as « 2 h 24 », days as « 3 j », nothing as « — ». */
export function quantityLabel(code: PayrollCode, quantity: number): string {
  if (quantity === 0) return '—';
  return code.startsWith('ABS_')
    ? `${quantity}\u00a0j`
    : formatDuration(quantity).replace(/ /g, '\u00a0');
}

const ABSENCE_WORDS: Partial<Record<PayrollCode, string>> = {
  ABS_CONGES_PAYES: 'congés payés (ouvrables)',
  ABS_MALADIE: 'maladie',
  ABS_FORMATION: 'formation',
  ABS_INDISPONIBILITE: 'indisponibilité',
  ABS_AUTRE: 'autre absence',
};

/** A person's absences in a few words: « 3 j maladie, 4 j congés payés (ouvrables) ». */
export function absencesLabel(person: PayrollPersonMonth): string {
  const parts = PAYROLL_CODES.filter(
    (code) => code.startsWith('ABS_') && person.quantities[code],
  ).map((code) => `${person.quantities[code]}\u00a0j ${ABSENCE_WORDS[code] ?? ''}`.trim());
  return parts.length ? parts.join(', ') : '—';
}

/** HR's month close: the month's variables, the close, the exports, the statements, the mapping. */
@Injectable({ providedIn: 'root' })
export class PayrollStore {
  private readonly http = inject(HttpClient);
  private readonly viewState = signal<PayrollMonthView | null>(null);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly busy = signal(false);
  private readonly messageState = signal<{ text: string; isError: boolean } | null>(null);
  private readonly mappingState = signal<PayrollMappingEntry[]>([]);

  readonly month = signal(lastMonth(todayInParis()));
  /** Null: the whole organisation. */
  readonly siteId = signal<string | null>(null);
  readonly view = this.viewState.asReadonly();
  readonly mapping = this.mappingState.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly isBusy = this.busy.asReadonly();
  readonly message = this.messageState.asReadonly();
  readonly monthWords = computed(() => formatMonth(this.month()));
  readonly isClosed = computed(() => this.viewState()?.status === 'closed');
  readonly blocking = computed(
    () => this.viewState()?.anomalies.filter((anomaly) => anomaly.isBlocking) ?? [],
  );
  readonly warnings = computed(
    () => this.viewState()?.anomalies.filter((anomaly) => !anomaly.isBlocking) ?? [],
  );
  /** A month closes once over (its last day passed). */
  readonly isOver = computed(() => addDays(monthBounds(this.month()).to, 1) <= todayInParis());
  readonly canClose = computed(
    () => !this.isClosed() && this.isOver() && this.blocking().length === 0,
  );

  private query(): string {
    const site = this.siteId();
    return site ? `?siteId=${site}` : '';
  }

  exportUrl(format: 'csv' | 'xlsx'): string {
    return `/api/payroll/months/${this.month()}/export.${format}${this.query()}`;
  }

  statementUrl(personId: string): string {
    return `/api/payroll/months/${this.month()}/people/${personId}/statement.pdf`;
  }

  async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.viewState.set(
        await firstValueFrom(
          this.http.get<PayrollMonthView>(`/api/payroll/months/${this.month()}${this.query()}`),
        ),
      );
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  async goTo(month: string, siteId: string | null = this.siteId()): Promise<void> {
    this.month.set(month);
    this.siteId.set(siteId);
    this.messageState.set(null);
    await this.load();
  }

  async close(): Promise<boolean> {
    return this.act(async () => {
      const body = { month: this.month(), ...(this.siteId() ? { siteId: this.siteId() } : {}) };
      this.viewState.set(
        await firstValueFrom(this.http.post<PayrollMonthView>('/api/payroll/closes', body)),
      );
      return `${capitalised(this.monthWords())} est clôturé : ses créneaux ne sont plus modifiables.`;
    });
  }

  async send(person: PayrollPersonMonth): Promise<boolean> {
    return this.act(async () => {
      await firstValueFrom(
        this.http.post<HoursStatementSummary>('/api/payroll/statements', {
          month: this.month(),
          personId: person.personId,
        }),
      );
      await this.load();
      return `Relevé de ${this.monthWords()} envoyé à ${person.name}.`;
    });
  }

  async setPayrollId(person: PayrollPersonMonth, payrollId: string): Promise<boolean> {
    return this.act(async () => {
      await firstValueFrom(
        this.http.put<void>(`/api/payroll/people/${person.personId}/payroll-id`, {
          payrollId: payrollId.trim() || null,
        }),
      );
      await this.load();
      return `Matricule de ${person.name} enregistré.`;
    });
  }

  async adjust(request: {
    personId: string;
    correctsMonth: string;
    code: PayrollCode;
    quantity: number;
    reason: string;
  }): Promise<boolean> {
    return this.act(async () => {
      const saved = await firstValueFrom(
        this.http.post<PayrollAdjustment>('/api/payroll/adjustments', request),
      );
      await this.load();
      return `Régularisation enregistrée : elle sera payée avec ${formatMonth(saved.month)}.`;
    });
  }

  async loadMapping(): Promise<void> {
    this.mappingState.set(
      await firstValueFrom(this.http.get<PayrollMappingEntry[]>('/api/payroll/mapping')),
    );
  }

  async saveMapping(entries: { code: PayrollCode; externalCode: string }[]): Promise<boolean> {
    return this.act(async () => {
      this.mappingState.set(
        await firstValueFrom(
          this.http.put<PayrollMappingEntry[]>('/api/payroll/mapping', { entries }),
        ),
      );
      return 'Correspondance des codes enregistrée.';
    });
  }

  private async act(run: () => Promise<string>): Promise<boolean> {
    this.busy.set(true);
    try {
      this.messageState.set({ text: await run(), isError: false });
      return true;
    } catch (error) {
      this.messageState.set({
        text: messageOf(error) ?? 'L’opération n’a pas abouti. Réessayez dans un instant.',
        isError: true,
      });
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
