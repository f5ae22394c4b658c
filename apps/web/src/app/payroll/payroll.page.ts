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
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  PAYROLL_CODES,
  type PayrollAdjustment,
  type PayrollCode,
  type PayrollPersonMonth,
  type PayrollQuantities,
} from '@relais/api-types';
import { formatDate, formatMonth, PAYROLL_CODE_INFO } from '@relais/rules';
import { distinctSiteLabels } from '../rota/rota.model';
import { SitesStore } from '../sites/sites.store';
import { absencesLabel, PayrollStore, quantityLabel, shiftMonth } from './payroll.store';

/**
 * The hour columns of the table, in the order payroll reads them; a column of premium bands shows
 * one line per band worked (« 2 h 24 à +10 % »), a dash when none.
 */
interface Column {
  key: string;
  codes: readonly PayrollCode[];
  /** Words after the value of each band. */
  bands?: readonly string[];
}

const COLUMNS: readonly Column[] = [
  { key: 'contractHours', codes: ['HEURES_CONTRAT'] },
  { key: 'worked', codes: ['HEURES_TRAVAILLEES', 'HEURES_FORMATION'], bands: ['', 'en formation'] },
  {
    key: 'complementary',
    codes: ['HEURES_COMPL_10', 'HEURES_COMPL_25'],
    bands: ['à +10 %', 'à +25 %'],
  },
  { key: 'overtime', codes: ['HEURES_SUP_25', 'HEURES_SUP_50'], bands: ['à +25 %', 'à +50 %'] },
  { key: 'sunday', codes: ['HEURES_DIMANCHE'] },
  { key: 'holiday', codes: ['HEURES_FERIE'] },
  { key: 'night', codes: ['HEURES_NUIT'] },
];

/** « Clôture du mois et paie »: HR checks a month, closes it, exports it and sends statements. */
@Component({
  selector: 'app-payroll-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './payroll.page.html',
  styleUrl: './payroll.page.scss',
})
export class PayrollPage implements OnInit {
  protected readonly store = inject(PayrollStore);
  private readonly sitesStore = inject(SitesStore);
  protected readonly columns = COLUMNS;
  protected readonly codes = PAYROLL_CODES.map((code) => ({
    code,
    label: PAYROLL_CODE_INFO[code].label,
  }));
  protected readonly sites = computed(() => distinctSiteLabels(this.sitesStore.views()));
  protected readonly isConfirming = signal(false);
  protected readonly payrollIds = signal<Record<string, string>>({});
  protected readonly mappingDraft = signal<Record<string, string>>({});
  protected readonly adjustment = signal({
    personId: '',
    correctsMonth: '',
    code: 'HEURES_TRAVAILLEES' as PayrollCode,
    quantity: '',
    reason: '',
  });
  protected readonly scopeWords = computed(
    () =>
      this.sites().find((site) => site.id === this.store.siteId())?.label ?? 'toute l’association',
  );
  protected readonly closedOn = computed(() => {
    const at = this.store.view()?.closedAt;
    return at ? formatDate(at.slice(0, 10)) : '';
  });

  async ngOnInit(): Promise<void> {
    await Promise.all([this.store.load(), this.sitesStore.load(), this.loadMapping()]);
  }

  /** The site as the picker names it (« Paris Sud »), not its long name. */
  protected siteLabel(siteId: string | null): string {
    return this.sites().find((site) => site.id === siteId)?.label ?? '';
  }

  /** A cell's lines: each non-zero band with its words, or a dash. */
  protected cell(quantities: PayrollQuantities, column: Column): string[] {
    const lines = column.codes
      .map((code, index) =>
        quantities[code]
          ? `${quantityLabel(code, quantities[code])} ${column.bands?.[index] ?? ''}`.trim()
          : '',
      )
      .filter(Boolean);
    return lines.length ? lines : ['—'];
  }

  protected absences(person: PayrollPersonMonth): string {
    return absencesLabel(person);
  }

  protected adjustmentLine(adjustment: PayrollAdjustment): {
    label: string;
    value: string;
    month: string;
    reason: string;
  } {
    return {
      label: PAYROLL_CODE_INFO[adjustment.code].label,
      value: quantityLabel(adjustment.code, adjustment.quantity),
      month: formatMonth(adjustment.correctsMonth),
      reason: adjustment.reason,
    };
  }

  protected date(iso: string | null): string {
    return iso ? formatDate(iso.slice(0, 10)) : '';
  }

  protected monthWords(month: string): string {
    return formatMonth(month);
  }

  protected go(delta: number): void {
    this.isConfirming.set(false);
    void this.store.goTo(shiftMonth(this.store.month(), delta));
  }

  protected pickSite(siteId: string | null): void {
    this.isConfirming.set(false);
    void this.store.goTo(this.store.month(), siteId);
  }

  protected async close(): Promise<void> {
    if (await this.store.close()) this.isConfirming.set(false);
  }

  protected setPayrollIdDraft(personId: string, value: string): void {
    this.payrollIds.update((drafts) => ({ ...drafts, [personId]: value }));
  }

  protected savePayrollId(person: PayrollPersonMonth): void {
    void this.store.setPayrollId(person, this.payrollIds()[person.personId] ?? '');
  }

  protected setAdjustment(field: string, value: string): void {
    this.adjustment.update((draft) => ({ ...draft, [field]: value }));
  }

  protected async saveAdjustment(): Promise<void> {
    const draft = this.adjustment();
    const saved = await this.store.adjust({
      personId: draft.personId,
      correctsMonth: draft.correctsMonth.trim(),
      code: draft.code,
      quantity: Number(draft.quantity.replace(',', '.')),
      reason: draft.reason,
    });
    if (saved) this.adjustment.update((d) => ({ ...d, quantity: '', reason: '' }));
  }

  protected setMapping(code: string, value: string): void {
    this.mappingDraft.update((drafts) => ({ ...drafts, [code]: value }));
  }

  protected async saveMapping(): Promise<void> {
    const drafts = this.mappingDraft();
    await this.store.saveMapping(
      PAYROLL_CODES.map((code) => ({ code, externalCode: drafts[code] ?? '' })),
    );
  }

  private async loadMapping(): Promise<void> {
    await this.store.loadMapping();
    this.mappingDraft.set(
      Object.fromEntries(
        this.store.mapping().map((entry) => [entry.code, entry.externalCode ?? '']),
      ),
    );
  }
}
