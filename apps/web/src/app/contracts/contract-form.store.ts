import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  Contract,
  ContractRefusal,
  ContractType,
  CreateContractRequest,
  PersonDetail,
  PersonEligibility,
  PersonSummary,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  addMonths,
  CivilDate,
  ContractDraft,
  ContractLimit,
  contractLimits,
  ContractPerson,
  daysBetween,
  isCivilDate,
  PartTimeDerogation,
  RULE_CATALOGUE,
} from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { fieldErrors } from '../people/people.store';
import { messageOf } from '../shared/http-error';

/** What the contract form holds; empty strings for fields left blank. */
export interface ContractFormValue {
  type: ContractType | '';
  start: string;
  end: string;
  /** A replacement CDD without a precise term (L1242-7): no end, a minimum duration instead. */
  withoutTerm: boolean;
  minimumEnd: string;
  weeklyHours: number | null;
  reason: string;
  renewalOf: string;
  tutorId: string;
  partTimeDerogation: PartTimeDerogation | '';
  derogationRequestedOn: string;
  trainingHours: number | null;
  conventionNumber: string;
  conventionStart: string;
  conventionEnd: string;
  /** Night worker by the contract (L3122-5). */
  isNightWorker: boolean;
  /** A multi-week cycle (L3121-44); null for a weekly schedule. */
  cycleWeeks: number | null;
  /** Coût horaire chargé, in euros (HR and admin only, like the form). */
  hourlyCost: number | null;
  justification: string;
}

export const EMPTY_CONTRACT_FORM: ContractFormValue = {
  type: '',
  start: '',
  end: '',
  withoutTerm: false,
  minimumEnd: '',
  weeklyHours: null,
  reason: '',
  renewalOf: '',
  tutorId: '',
  partTimeDerogation: '',
  derogationRequestedOn: '',
  trainingHours: null,
  conventionNumber: '',
  conventionStart: '',
  conventionEnd: '',
  isNightWorker: false,
  cycleWeeks: null,
  hourlyCost: null,
  justification: '',
};

// Below this, a part-time contract needs a recorded derogation (C. trav., art. L3123-7);
// PEC and CDDI have their own floors.
const PART_TIME_FLOOR_HOURS = 24;

/** Which optional fields the form shows for a type and hours. */
export function visibleFields(value: ContractFormValue) {
  const type = value.type;
  const mayLackTerm = type === 'CDD' && value.reason === 'replacement';
  const isWithoutTerm = mayLackTerm && value.withoutTerm;
  return {
    end: type !== 'CDI' && !isWithoutTerm,
    /** An adulte-relais contract without an end is a CDI (L5134-103). */
    endOptional: type === 'ADULTE_RELAIS',
    withoutTerm: mayLackTerm,
    minimumEnd: isWithoutTerm,
    reason: type === 'CDD',
    tutor: type === 'PEC' || type === 'PRO',
    derogation:
      type !== '' &&
      type !== 'PEC' &&
      type !== 'CDDI' &&
      value.weeklyHours !== null &&
      value.weeklyHours < PART_TIME_FLOOR_HOURS,
    derogationRequestedOn: value.partTimeDerogation === 'employee_request',
    trainingHours: type === 'PRO',
    convention: type === 'ADULTE_RELAIS',
  };
}

const orNull = (text: string): string | null => text.trim() || null;

/** The body of `POST /api/contracts`: hidden fields are left out. */
export function toRequest(personId: string, value: ContractFormValue): CreateContractRequest {
  const show = visibleFields(value);
  return {
    personId,
    type: value.type as ContractType,
    start: value.start,
    end: show.end ? orNull(value.end) : null,
    minimumEnd: show.minimumEnd ? orNull(value.minimumEnd) : null,
    weeklyHours: value.weeklyHours ?? 0,
    reason: show.reason ? orNull(value.reason) : null,
    renewalOf: orNull(value.renewalOf),
    tutorId: show.tutor ? orNull(value.tutorId) : null,
    partTimeDerogation: show.derogation ? orNull(value.partTimeDerogation) : null,
    derogationRequestedOn:
      show.derogation && show.derogationRequestedOn ? orNull(value.derogationRequestedOn) : null,
    trainingHours: show.trainingHours ? value.trainingHours : null,
    conventionNumber: show.convention ? orNull(value.conventionNumber) : null,
    conventionStart: show.convention ? orNull(value.conventionStart) : null,
    conventionEnd: show.convention ? orNull(value.conventionEnd) : null,
    isNightWorker: value.isNightWorker,
    cycleWeeks: value.cycleWeeks,
    hourlyCost: value.hourlyCost,
    justification: orNull(value.justification),
  };
}

/** The draft the rules engine checks, or null while type, dates or hours are missing. */
export function toDraft(value: ContractFormValue): ContractDraft | null {
  if (!value.type || !isCivilDate(value.start) || value.weeklyHours === null) return null;
  if (value.end && !isCivilDate(value.end)) return null;
  if (value.minimumEnd && !isCivilDate(value.minimumEnd)) return null;
  const request = toRequest('', value);
  return {
    type: request.type,
    start: request.start,
    end: request.end,
    minimumEnd: request.minimumEnd,
    weeklyHours: request.weeklyHours,
    reason: request.reason,
    renewalOf: request.renewalOf,
    tutorId: request.tutorId,
    partTimeDerogation: (request.partTimeDerogation as PartTimeDerogation | null) ?? null,
    derogationRequestedOn: request.derogationRequestedOn,
    trainingHours: request.trainingHours,
    conventionEnd: request.conventionEnd,
  };
}

/** The person's stored contracts as the rules engine reads them. */
export function previousDrafts(contracts: readonly Contract[]): ContractDraft[] {
  return contracts.map((contract) => ({
    id: contract.id,
    type: contract.type,
    start: contract.start,
    end: contract.end,
    minimumEnd: contract.minimumEnd,
    weeklyHours: contract.weeklyHours,
    reason: contract.reason,
    renewalOf: contract.renewalOf,
    tutorId: contract.tutorId,
    partTimeDerogation: contract.partTimeDerogation as PartTimeDerogation | null,
    derogationRequestedOn: contract.derogationRequestedOn,
    trainingHours: contract.trainingHours,
    conventionEnd: contract.conventionEnd,
  }));
}

export interface LimitView extends ContractLimit {
  legalRef: string | null;
}

/** The limits beside the form, the same engine as the API's (`@relais/rules`). */
export function limitsFor(
  value: ContractFormValue,
  person: ContractPerson,
  contracts: readonly Contract[],
): LimitView[] | null {
  const draft = toDraft(value);
  if (!draft) return null;
  try {
    return contractLimits({
      contract: draft,
      previousContracts: previousDrafts(contracts),
      person,
    }).map((limit) => ({
      ...limit,
      legalRef: (RULE_CATALOGUE[limit.rule] as { legalRef?: string }).legalRef ?? null,
    }));
  } catch {
    // Dates the engine cannot read yet (typing in progress).
    return null;
  }
}

/** Whole months then days, `end` inclusive: 01/01 → 15/09 is 8 months 15 days. */
export function contractDuration(
  start: CivilDate,
  end: CivilDate,
): { months: number; days: number } | null {
  if (!isCivilDate(start) || !isCivilDate(end) || end < start) return null;
  const after = addDays(end, 1);
  let months = 0;
  while (addMonths(start, months + 1) <= after) months++;
  return { months, days: daysBetween(addMonths(start, months), after) };
}

export type SubmitOutcome =
  | { kind: 'saved'; contract: Contract }
  | { kind: 'refused' }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/** The contract form's state: the person, tutors, live limits and the server's answer. */
@Injectable()
export class ContractFormStore {
  private readonly http = inject(HttpClient);
  private readonly detail = signal<PersonDetail | null>(null);
  private readonly eligibility = signal<PersonEligibility | null>(null);
  private readonly people = signal<PersonSummary[]>([]);
  private readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  private readonly formValue = signal<ContractFormValue>(EMPTY_CONTRACT_FORM);
  private readonly refusal = signal<Violation[]>([]);
  private readonly problem = signal<string | null>(null);
  private readonly submitting = signal(false);

  readonly person = this.detail.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly value = this.formValue.asReadonly();
  readonly violations = this.refusal.asReadonly();
  readonly error = this.problem.asReadonly();
  readonly isSubmitting = this.submitting.asReadonly();
  readonly name = computed(() => {
    const person = this.detail();
    return person ? `${person.firstName} ${person.lastName}` : '';
  });
  readonly contracts = computed(() =>
    [...(this.detail()?.contracts ?? [])].sort((a, b) => b.start.localeCompare(a.start)),
  );
  readonly tutors = computed(() =>
    this.people()
      .filter((person) => person.id !== this.detail()?.id)
      .map((person) => ({ id: person.id, name: `${person.firstName} ${person.lastName}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  );
  readonly show = computed(() => visibleFields(this.formValue()));
  /** The person as the contract rules read them: the eligibility facts HR recorded. */
  private readonly rulesPerson = computed<ContractPerson>(() => {
    const facts = this.eligibility();
    return {
      id: this.detail()?.id ?? '',
      birthDate: facts?.birthDate,
      isOver50WithDifficulties: facts?.isPecExtendedCapEligible,
      isOutOfWorkAtHiring: facts?.isOutOfWorkAtHiring,
      qpvName: facts?.qpvName,
      qpvCheckedOn: facts?.qpvCheckedOn,
      prefectException: facts?.prefectException,
      isStudent: facts?.isStudent,
    };
  });
  readonly limits = computed(() =>
    limitsFor(this.formValue(), this.rulesPerson(), this.detail()?.contracts ?? []),
  );
  readonly failedLimits = computed(() => (this.limits() ?? []).filter((l) => l.status === 'fail'));
  readonly duration = computed(() => {
    const value = this.formValue();
    return this.show().end && value.end ? contractDuration(value.start, value.end) : null;
  });
  /** Warnings need a justification: from the live check or from the server's refusal. */
  readonly needsJustification = computed(
    () =>
      this.failedLimits().some((limit) => limit.severity === 'warn') ||
      this.refusal().some((violation) => violation.severity === 'warn'),
  );

  async load(personId: string): Promise<void> {
    this.status.set('loading');
    try {
      const [person, people, eligibility] = await Promise.all([
        firstValueFrom(this.http.get<PersonDetail>(`/api/people/${personId}`)),
        firstValueFrom(this.http.get<PersonSummary[]>('/api/people')).catch(() => []),
        firstValueFrom(
          this.http.get<PersonEligibility>(`/api/people/${personId}/eligibility`),
        ).catch(() => null),
      ]);
      this.detail.set(person);
      this.people.set(people);
      this.eligibility.set(eligibility);
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  update(value: ContractFormValue): void {
    this.formValue.set(value);
  }

  async submit(): Promise<SubmitOutcome> {
    const person = this.detail();
    if (!person) return { kind: 'failed' };
    this.submitting.set(true);
    this.refusal.set([]);
    this.problem.set(null);
    try {
      const contract = await firstValueFrom(
        this.http.post<Contract>('/api/contracts', toRequest(person.id, this.formValue())),
      );
      return { kind: 'saved', contract };
    } catch (error) {
      const message = messageOf(error);
      if (error instanceof HttpErrorResponse && error.status === 422) {
        const details = (error.error as { details?: Partial<ContractRefusal> } | null)?.details;
        const violations = Array.isArray(details?.violations) ? details.violations : [];
        this.refusal.set(violations);
        if (!violations.length) this.problem.set(message);
        return { kind: 'refused' };
      }
      if (error instanceof HttpErrorResponse && error.status === 400) {
        this.problem.set(message);
        return { kind: 'invalid', fields: fieldErrors(error) };
      }
      this.problem.set(message);
      return { kind: 'failed' };
    } finally {
      this.submitting.set(false);
    }
  }
}
