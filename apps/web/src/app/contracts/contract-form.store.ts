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
  Post,
  PostContract,
  PostDetail,
  Site,
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
  openingWeekdaysOf,
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
  /** The site whose posts are offered (the person's home site at first). */
  siteId: string;
  /** The post filled: the délai de carence attaches to it, whoever held it (L1244-3). */
  postId: string;
  /** A replacement CDD: the absent employee replaced (L1242-12 1°). */
  replacedPersonId: string;
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
  /** PEC: a 3-month initial term after a sentence adjustment (L5134-25-1). */
  hasReducedInitialTerm: boolean;
  /** PEC or CDDI prolonged to finish a training action in progress (L5134-25-1). */
  isExtendedForTraining: boolean;
  trainingExtensionAction: string;
  trainingExtensionEnd: string;
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
  siteId: '',
  postId: '',
  replacedPersonId: '',
  tutorId: '',
  partTimeDerogation: '',
  derogationRequestedOn: '',
  trainingHours: null,
  conventionNumber: '',
  conventionStart: '',
  conventionEnd: '',
  isNightWorker: false,
  cycleWeeks: null,
  hasReducedInitialTerm: false,
  isExtendedForTraining: false,
  trainingExtensionAction: '',
  trainingExtensionEnd: '',
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
    replacedPerson: mayLackTerm,
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
    reducedInitialTerm: type === 'PEC' && !value.renewalOf,
    trainingExtension: type === 'PEC' || type === 'CDDI',
    trainingExtensionFields: (type === 'PEC' || type === 'CDDI') && value.isExtendedForTraining,
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
    // A renewal left without a post or a replaced person keeps those of the renewed contract.
    postId: orNull(value.postId) ?? (value.renewalOf ? undefined : null),
    replacedPersonId: show.replacedPerson
      ? (orNull(value.replacedPersonId) ?? (value.renewalOf ? undefined : null))
      : null,
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
    hasReducedInitialTerm: show.reducedInitialTerm && value.hasReducedInitialTerm,
    trainingExtensionAction: show.trainingExtensionFields
      ? orNull(value.trainingExtensionAction)
      : null,
    trainingExtensionEnd: show.trainingExtensionFields ? orNull(value.trainingExtensionEnd) : null,
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
    postId: request.postId ?? null,
    replacedPersonId: request.replacedPersonId ?? null,
    hasReducedInitialTerm: request.hasReducedInitialTerm,
    trainingExtensionEnd: request.trainingExtensionEnd,
  };
}

/** The person's stored contracts as the rules engine reads them. */
export function previousDrafts(contracts: readonly Contract[]): ContractDraft[] {
  return contracts.map((contract) => ({
    postId: contract.postId,
    replacedPersonId: contract.replacedPersonId,
    endReason: contract.endReason,
    hasRenewalRefused: contract.renewalRefusedOn !== null,
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
    hasReducedInitialTerm: contract.hasReducedInitialTerm,
    trainingExtensionEnd: contract.trainingExtension?.end ?? null,
  }));
}

/**
 * The contracts that filled the post, whoever held them, as the rules engine reads them: the
 * délai de carence compares them (L1244-3), as the API does.
 */
export function postDrafts(post: PostDetail | null): ContractDraft[] {
  return (post?.contracts ?? []).map((contract: PostContract) => ({
    id: contract.id,
    type: contract.type,
    start: contract.start,
    end: contract.end,
    weeklyHours: 0,
    reason: contract.reason,
    renewalOf: contract.renewalOf,
    postId: post?.id ?? null,
    replacedPersonId: contract.replacedPersonId,
    endReason: contract.endReason,
    hasRenewalRefused: contract.renewalRefusedOn !== null,
  }));
}

/** The rules' view of the post: its contracts and its site's opening days. */
export interface PostContext {
  post: PostDetail | null;
  site: Site | null;
}

export interface LimitView extends ContractLimit {
  legalRef: string | null;
}

/** The limits beside the form, the same engine as the API's (`@relais/rules`). */
export function limitsFor(
  value: ContractFormValue,
  person: ContractPerson,
  contracts: readonly Contract[],
  context: PostContext = { post: null, site: null },
): LimitView[] | null {
  const draft = toDraft(value);
  if (!draft) return null;
  // With a renewal and no post chosen, the API keeps the renewed contract's post.
  const renewed = contracts.find((contract) => contract.id === draft.renewalOf);
  if (!draft.postId && renewed) draft.postId = renewed.postId;
  const own = previousDrafts(contracts);
  const others = postDrafts(context.post).filter(
    (other) => !own.some((mine) => mine.id === other.id),
  );
  try {
    return contractLimits({
      contract: draft,
      previousContracts: [...own, ...others],
      person,
      settings: context.site
        ? { openingWeekdays: openingWeekdaysOf(context.site.openingHours) }
        : undefined,
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
  private readonly siteList = signal<Site[]>([]);
  private readonly postList = signal<Post[]>([]);
  private readonly postDetail = signal<PostDetail | null>(null);
  private readonly postProblem = signal<string | null>(null);
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
  readonly sites = this.siteList.asReadonly();
  /** Posts of the chosen site, by title. */
  readonly posts = this.postList.asReadonly();
  /** The chosen post with the contracts that filled it. */
  readonly post = this.postDetail.asReadonly();
  readonly postError = this.postProblem.asReadonly();
  /** Everyone but the person, for the replaced employee. */
  readonly replaceable = this.tutors;
  private readonly postSite = computed(
    () => this.siteList().find((site) => site.id === this.postDetail()?.siteId) ?? null,
  );
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
    limitsFor(this.formValue(), this.rulesPerson(), this.detail()?.contracts ?? [], {
      post: this.postDetail(),
      site: this.postSite(),
    }),
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
      const [person, people, eligibility, sites] = await Promise.all([
        firstValueFrom(this.http.get<PersonDetail>(`/api/people/${personId}`)),
        firstValueFrom(this.http.get<PersonSummary[]>('/api/people')).catch(() => []),
        firstValueFrom(
          this.http.get<PersonEligibility>(`/api/people/${personId}/eligibility`),
        ).catch(() => null),
        firstValueFrom(this.http.get<Site[]>('/api/sites')).catch(() => []),
      ]);
      this.detail.set(person);
      this.people.set(people);
      this.eligibility.set(eligibility);
      this.siteList.set(sites);
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  update(value: ContractFormValue): void {
    const before = this.formValue();
    this.formValue.set(value);
    if (value.siteId !== before.siteId) void this.loadPosts(value.siteId);
    if (value.postId !== before.postId) void this.loadPost(value.postId);
  }

  /** The posts of a site, for the select. */
  async loadPosts(siteId: string): Promise<void> {
    this.postList.set([]);
    if (!siteId) return;
    const posts = await firstValueFrom(
      this.http.get<Post[]>('/api/posts', { params: { siteId } }),
    ).catch(() => []);
    if (this.formValue().siteId === siteId) this.postList.set(posts);
  }

  /** The chosen post's earlier contracts, whoever held them, for the live délai de carence. */
  async loadPost(postId: string): Promise<void> {
    this.postDetail.set(null);
    if (!postId) return;
    const post = await firstValueFrom(this.http.get<PostDetail>(`/api/posts/${postId}`)).catch(
      () => null,
    );
    if (this.formValue().postId === postId) this.postDetail.set(post);
  }

  /** Creates a post on the chosen site (HR, admin) and returns it, or null with the reason shown. */
  async createPost(title: string): Promise<Post | null> {
    const siteId = this.formValue().siteId;
    this.postProblem.set(null);
    if (!siteId || !title.trim()) return null;
    try {
      const post = await firstValueFrom(
        this.http.post<Post>('/api/posts', { siteId, title: title.trim() }),
      );
      this.postList.update((posts) =>
        [...posts, post].sort((a, b) => a.title.localeCompare(b.title, 'fr')),
      );
      return post;
    } catch (error) {
      this.postProblem.set(messageOf(error));
      return null;
    }
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
