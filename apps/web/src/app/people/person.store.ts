import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  Absence,
  AbsenceKind,
  Contract,
  EndContractRequest,
  EndContractResult,
  HrNote,
  OneTimeLink,
  Pathway,
  PersonDetail,
  PersonSkill,
  PersonSummary,
  RotaWeek,
  Shift,
  Site,
  SiteLoan,
  SkillCode,
  UpdateContractRequest,
} from '@relais/api-types';
import { addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';
import { todayInParis } from '../shared/today';
import { skillView } from './people.format';

export interface NewSkill {
  skill: SkillCode;
  detail?: string | null;
  acquiredOn: string;
  expiresOn?: string | null;
}

export interface NewAbsence {
  kind: AbsenceKind;
  start: string;
  end: string;
  reason?: string | null;
}

export type LinkKind = 'invitation' | 'password-reset';

/** A refused command: the server's French message and the fields it names. */
export interface Refusal {
  message: string | null;
  fields: Record<string, string>;
}

/** The message and field details of a 400, 409 or 422 (`details: [{ field, message }]`). */
export function refusalOf(error: unknown): Refusal {
  const fields: Record<string, string> = {};
  if (error instanceof HttpErrorResponse) {
    const details = (error.error as { details?: unknown } | null)?.details;
    if (Array.isArray(details)) {
      for (const item of details as { field?: unknown; message?: unknown }[]) {
        if (typeof item?.field === 'string' && typeof item.message === 'string') {
          fields[item.field] = item.message;
        }
      }
    }
  }
  return { message: messageOf(error), fields };
}

/** One week of the person's published shifts at the home site. */
export interface PlanningWeek {
  week: string;
  from: string;
  to: string;
  isPublished: boolean;
  shifts: Shift[];
}

type Loadable<T> =
  | { status: 'idle' | 'loading' | 'error' | 'forbidden' }
  | { status: 'loaded'; value: T };

/** One person's record: contracts, skills and absences. Provided by the person page. */
@Injectable()
export class PersonStore {
  private readonly http = inject(HttpClient);
  private readonly detail = signal<PersonDetail | null>(null);
  private readonly siteList = signal<Site[]>([]);
  private readonly status = signal<
    'idle' | 'loading' | 'loaded' | 'forbidden' | 'missing' | 'error'
  >('idle');
  private readonly link = signal<(OneTimeLink & { kind: LinkKind }) | null>(null);
  private readonly loanList = signal<SiteLoan[]>([]);
  private readonly notes = signal<Loadable<HrNote[]>>({ status: 'idle' });
  private readonly pathwayState = signal<Loadable<Pathway>>({ status: 'idle' });
  private readonly planningState = signal<Loadable<PlanningWeek[]>>({ status: 'idle' });

  /** HR notes, loaded when their tab is first opened (HR and admin only). */
  readonly hrNotes = this.notes.asReadonly();
  /** The person's pathway (progress, milestones, training), for the Parcours and Formation tabs. */
  readonly pathway = this.pathwayState.asReadonly();
  /** This week's and next week's published shifts, loaded when the Planning tab opens. */
  readonly planning = this.planningState.asReadonly();

  readonly person = this.detail.asReadonly();
  readonly loadStatus = this.status.asReadonly();
  readonly oneTimeLink = this.link.asReadonly();
  readonly today = signal(todayInParis());
  readonly name = computed(() => {
    const person = this.detail();
    return person ? `${person.firstName} ${person.lastName}` : '';
  });
  readonly siteName = computed(() => {
    const id = this.detail()?.homeSiteId;
    return id ? (this.siteList().find((site) => site.id === id)?.name ?? null) : null;
  });
  readonly skills = computed(() =>
    (this.detail()?.skills ?? []).map((skill) => skillView(skill, this.today())),
  );
  readonly contracts = computed(() =>
    [...(this.detail()?.contracts ?? [])].sort((a, b) => b.start.localeCompare(a.start)),
  );
  readonly sites = this.siteList.asReadonly();
  /** Loans to other sites, latest first, with the borrowing site's name. */
  readonly loans = computed(() =>
    this.loanList().map((loan) => ({
      ...loan,
      siteName: this.siteList().find((site) => site.id === loan.siteId)?.name ?? '',
    })),
  );
  readonly absences = computed(() =>
    [...(this.detail()?.absences ?? [])].sort((a, b) => b.start.localeCompare(a.start)),
  );

  async load(id: string): Promise<void> {
    this.status.set('loading');
    this.link.set(null);
    this.notes.set({ status: 'idle' });
    this.pathwayState.set({ status: 'idle' });
    this.planningState.set({ status: 'idle' });
    if (!this.siteList().length) {
      void firstValueFrom(this.http.get<Site[]>('/api/sites')).then(
        (sites) => this.siteList.set(sites),
        () => undefined,
      );
    }
    try {
      this.detail.set(await firstValueFrom(this.http.get<PersonDetail>(`/api/people/${id}`)));
      this.status.set('loaded');
      this.loanList.set([]);
      void firstValueFrom(this.http.get<SiteLoan[]>(`/api/people/${id}/loans`)).then(
        (loans) => this.loanList.set(loans),
        () => undefined,
      );
    } catch (error) {
      const code = error instanceof HttpErrorResponse ? error.status : 0;
      this.status.set(code === 403 ? 'forbidden' : code === 404 ? 'missing' : 'error');
    }
  }

  /** Returns null on success, else the server's French message (or '' when it gave none). */
  async addSkill(skill: NewSkill): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      const created = await firstValueFrom(
        this.http.post<PersonSkill>(`/api/people/${person.id}/skills`, skill),
      );
      this.patch({ skills: [...person.skills, created] });
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async removeSkill(skillId: string): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      await firstValueFrom(this.http.delete(`/api/skills/${skillId}`));
      this.patch({ skills: person.skills.filter((skill) => skill.id !== skillId) });
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async addAbsence(absence: NewAbsence): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      const created = await firstValueFrom(
        this.http.post<Absence>(`/api/people/${person.id}/absences`, absence),
      );
      this.patch({ absences: [...person.absences, created] });
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  /** Lends the person to another site for some days (then its manager may staff her there). */
  async addLoan(loan: { siteId: string; from: string; until: string }): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      const created = await firstValueFrom(
        this.http.post<SiteLoan>(`/api/people/${person.id}/loans`, loan),
      );
      this.loanList.set([created, ...this.loanList()]);
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async endLoan(loanId: string): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      await firstValueFrom(this.http.delete(`/api/loans/${loanId}`));
      this.loanList.set(this.loanList().filter((loan) => loan.id !== loanId));
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async createLink(kind: LinkKind): Promise<string | null> {
    const person = this.detail();
    if (!person) return '';
    try {
      const link = await firstValueFrom(
        this.http.post<OneTimeLink>(`/api/people/${person.id}/${kind}`, {}),
      );
      this.link.set({ ...link, kind });
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  /** Ends a contract early; on success the record is reloaded (header, table, timeline agree). */
  async endContract(
    contractId: string,
    request: EndContractRequest,
  ): Promise<EndContractResult | Refusal> {
    try {
      const result = await firstValueFrom(
        this.http.post<EndContractResult>(`/api/contracts/${contractId}/end`, request),
      );
      await this.reload();
      return result;
    } catch (error) {
      return refusalOf(error);
    }
  }

  async correctContract(
    contractId: string,
    request: UpdateContractRequest,
  ): Promise<Contract | Refusal> {
    try {
      const contract = await firstValueFrom(
        this.http.patch<Contract>(`/api/contracts/${contractId}`, request),
      );
      await this.reload();
      return contract;
    } catch (error) {
      return refusalOf(error);
    }
  }

  /** Everyone but the person, by name, for the person a replacement CDD replaces. */
  async replaceablePeople(): Promise<{ id: string; name: string }[]> {
    const people = await firstValueFrom(this.http.get<PersonSummary[]>('/api/people')).catch(
      () => [] as PersonSummary[],
    );
    return people
      .filter((other) => other.id !== this.detail()?.id)
      .map((other) => ({ id: other.id, name: `${other.firstName} ${other.lastName}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  /**
   * Records the day the employee refused the renewal of a CDD (no délai de carence after it,
   * L1244-4-1); on success the record is reloaded. Returns null, or the server's reason.
   */
  async recordRenewalRefusal(contractId: string, refusedOn: string): Promise<string | null> {
    try {
      await firstValueFrom(
        this.http.post<Contract>(`/api/contracts/${contractId}/renewal-refusal`, { refusedOn }),
      );
      await this.reload();
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async loadHrNotes(): Promise<void> {
    const person = this.detail();
    if (!person || this.notes().status === 'loading') return;
    this.notes.set({ status: 'loading' });
    try {
      const value = await firstValueFrom(
        this.http.get<HrNote[]>(`/api/people/${person.id}/hr-notes`),
      );
      this.notes.set({ status: 'loaded', value });
    } catch (error) {
      const code = error instanceof HttpErrorResponse ? error.status : 0;
      this.notes.set({ status: code === 403 ? 'forbidden' : 'error' });
    }
  }

  async addHrNote(text: string): Promise<Refusal | null> {
    const person = this.detail();
    if (!person) return { message: null, fields: {} };
    try {
      const note = await firstValueFrom(
        this.http.post<HrNote>(`/api/people/${person.id}/hr-notes`, { text }),
      );
      const notes = this.notes();
      this.notes.set({
        status: 'loaded',
        value: [note, ...(notes.status === 'loaded' ? notes.value : [])],
      });
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  }

  async deleteHrNote(id: string): Promise<Refusal | null> {
    try {
      await firstValueFrom(this.http.delete(`/api/hr-notes/${id}`));
      const notes = this.notes();
      if (notes.status === 'loaded') {
        this.notes.set({ status: 'loaded', value: notes.value.filter((note) => note.id !== id) });
      }
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  }

  async loadPathway(): Promise<void> {
    const person = this.detail();
    const state = this.pathwayState().status;
    if (!person || state === 'loading' || state === 'loaded') return;
    this.pathwayState.set({ status: 'loading' });
    try {
      const value = await firstValueFrom(this.http.get<Pathway>(`/api/pathways/${person.id}`));
      this.pathwayState.set({ status: 'loaded', value });
    } catch (error) {
      const code = error instanceof HttpErrorResponse ? error.status : 0;
      this.pathwayState.set({ status: code === 403 ? 'forbidden' : 'error' });
    }
  }

  /**
   * The person's shifts in the home site's rota (`GET /api/rota`) this week and next; a draft
   * week shows nothing, a shift changed since the publication is marked by the page.
   */
  async loadPlanning(): Promise<void> {
    const person = this.detail();
    const state = this.planningState().status;
    if (!person?.homeSiteId || state === 'loading' || state === 'loaded') return;
    this.planningState.set({ status: 'loading' });
    const thisWeek = isoWeekOf(this.today());
    try {
      const weeks = await Promise.all(
        [thisWeek, addIsoWeeks(thisWeek, 1)].map(async (week) => {
          const rota = await firstValueFrom(
            this.http.get<RotaWeek>(`/api/rota?siteId=${person.homeSiteId}&week=${week}`),
          );
          const isPublished = rota.publishedAt !== null;
          return {
            week,
            ...windowOfIsoWeek(week),
            isPublished,
            shifts: isPublished
              ? rota.shifts
                  .filter((shift) => shift.personId === person.id)
                  .sort((a, b) => a.start.localeCompare(b.start))
              : [],
          };
        }),
      );
      this.planningState.set({ status: 'loaded', value: weeks });
    } catch (error) {
      const code = error instanceof HttpErrorResponse ? error.status : 0;
      this.planningState.set({ status: code === 403 ? 'forbidden' : 'error' });
    }
  }

  /** Re-reads the record without the loading state (the page stays in place). */
  private async reload(): Promise<void> {
    const person = this.detail();
    if (!person) return;
    try {
      this.detail.set(
        await firstValueFrom(this.http.get<PersonDetail>(`/api/people/${person.id}`)),
      );
    } catch {
      // The command succeeded; the next visit shows the new state.
    }
  }

  closeLink(): void {
    this.link.set(null);
  }

  private patch(change: Partial<PersonDetail>): void {
    const person = this.detail();
    if (person) this.detail.set({ ...person, ...change });
  }
}
