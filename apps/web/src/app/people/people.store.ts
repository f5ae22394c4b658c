import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  type ContractType,
  type CreatePersonRequest,
  type PersonSummary,
  type Role,
  type Site,
  type SkillCode,
  isContractType,
  ROLES,
  SKILL_CODES,
} from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';
import { todayInParis } from '../shared/today';
import { SkillView, skillView } from './people.format';

export const ENDING_WITHIN_DAYS = [30, 60, 90] as const;
export type EndingWithinDays = (typeof ENDING_WITHIN_DAYS)[number];
export const PERSON_STATUSES = ['active', 'ended', 'all'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** The people list's filters, mirrored in the URL so a view can be shared and exported. */
export interface PeopleFilters {
  /** Name or e-mail words; the API ignores case and accents. */
  q: string | null;
  siteId: string | null;
  role: Role | null;
  contractType: ContractType | null;
  endingWithinDays: EndingWithinDays | null;
  missingSkill: SkillCode | null;
  /** `active` is the API's default: left out of URLs. */
  status: PersonStatus;
}

export const NO_FILTERS: PeopleFilters = {
  q: null,
  siteId: null,
  role: null,
  contractType: null,
  endingWithinDays: null,
  missingSkill: null,
  status: 'active',
};

/** Reads filters from URL query parameters, dropping values the API would refuse. */
export function filtersFromParams(params: { get(name: string): string | null }): PeopleFilters {
  const contractType = params.get('contractType');
  const ending = Number(params.get('endingWithinDays'));
  const skill = params.get('missingSkill');
  const status = params.get('status');
  const role = params.get('role');
  return {
    q: params.get('q')?.trim().slice(0, 100) || null,
    siteId: params.get('siteId') || null,
    role: (ROLES as readonly (string | null)[]).includes(role) ? (role as Role) : null,
    contractType: isContractType(contractType) ? contractType : null,
    endingWithinDays: (ENDING_WITHIN_DAYS as readonly number[]).includes(ending)
      ? (ending as EndingWithinDays)
      : null,
    missingSkill: (SKILL_CODES as readonly (string | null)[]).includes(skill)
      ? (skill as SkillCode)
      : null,
    status: (PERSON_STATUSES as readonly (string | null)[]).includes(status)
      ? (status as PersonStatus)
      : 'active',
  };
}

/** Query parameters of a filtered view, in a fixed order, without the defaults. */
export function toQueryParams(filters: PeopleFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q) params['q'] = filters.q;
  if (filters.siteId) params['siteId'] = filters.siteId;
  if (filters.role) params['role'] = filters.role;
  if (filters.contractType) params['contractType'] = filters.contractType;
  if (filters.endingWithinDays) params['endingWithinDays'] = String(filters.endingWithinDays);
  if (filters.missingSkill) params['missingSkill'] = filters.missingSkill;
  if (filters.status !== 'active') params['status'] = filters.status;
  return params;
}

/** "siteId=…&status=all": the same string for the list request and the export links. */
export function toQueryString(filters: PeopleFilters): string {
  return new URLSearchParams(toQueryParams(filters)).toString();
}

export function hasFilters(filters: PeopleFilters): boolean {
  return toQueryString(filters) !== '';
}

export interface PersonRow {
  id: string;
  name: string;
  siteName: string | null;
  role: Role | null;
  jobTitle: string | null;
  contractType: ContractType | null;
  /** "30/11/2026"-ready civil date of the current contract's end, null for a CDI. */
  contractEnd: string | null;
  endingInDays: number | null;
  skills: SkillView[];
}

export type CreatePersonResult =
  | { person: PersonSummary }
  | { error: string | null; fields: Record<string, string> };

/** Field messages of a refusal, malformed (400) or refused by a rule (422): `details: [{ field, message }]`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (error instanceof HttpErrorResponse && (error.status === 400 || error.status === 422)) {
    const details = (error.error as { details?: unknown } | null)?.details;
    if (Array.isArray(details)) {
      for (const item of details as { field?: unknown; message?: unknown }[]) {
        if (typeof item?.field === 'string' && typeof item.message === 'string') {
          fields[item.field] = item.message;
        }
      }
    }
  }
  return fields;
}

@Injectable({ providedIn: 'root' })
export class PeopleStore {
  private readonly http = inject(HttpClient);
  private readonly people = signal<PersonSummary[]>([]);
  private readonly siteList = signal<Site[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly lastFilters = signal<PeopleFilters>(NO_FILTERS);
  // Filters change faster than the server answers: only the latest answer is kept.
  private requestNumber = 0;

  readonly sites = this.siteList.asReadonly();
  readonly filters = this.lastFilters.asReadonly();
  readonly isLoading = computed(() => this.status() === 'loading');
  readonly hasError = computed(() => this.status() === 'error');
  readonly rows = computed<PersonRow[]>(() => {
    const today = todayInParis();
    const siteNames = new Map(this.siteList().map((site) => [site.id, site.name]));
    return this.people()
      .map((person) => ({
        id: person.id,
        name: `${person.firstName} ${person.lastName}`,
        siteName: person.homeSiteId ? (siteNames.get(person.homeSiteId) ?? null) : null,
        role: person.role,
        jobTitle: person.jobTitle,
        contractType: person.currentContract?.type ?? null,
        contractEnd: person.currentContract?.end ?? null,
        endingInDays: person.endingInDays,
        skills: person.skills.map((skill) => skillView(skill, today)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  });

  async load(filters: PeopleFilters): Promise<void> {
    const number = ++this.requestNumber;
    this.lastFilters.set(filters);
    this.status.set('loading');
    const query = toQueryString(filters);
    try {
      const people = await firstValueFrom(
        this.http.get<PersonSummary[]>(query ? `/api/people?${query}` : '/api/people'),
      );
      if (number !== this.requestNumber) return;
      this.people.set(people);
      this.status.set('loaded');
    } catch {
      if (number === this.requestNumber) this.status.set('error');
    }
  }

  async loadSites(): Promise<void> {
    if (this.siteList().length) return;
    try {
      this.siteList.set(await firstValueFrom(this.http.get<Site[]>('/api/sites')));
    } catch {
      // The list still works without site names; the filter just stays empty.
    }
  }

  async create(request: CreatePersonRequest): Promise<CreatePersonResult> {
    try {
      const person = await firstValueFrom(this.http.post<PersonSummary>('/api/people', request));
      return { person };
    } catch (error) {
      return { error: messageOf(error), fields: fieldErrors(error) };
    }
  }
}
