import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  Absence,
  AbsenceKind,
  OneTimeLink,
  PersonDetail,
  PersonSkill,
  Site,
  SiteLoan,
  SkillCode,
} from '@relais/api-types';
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

  closeLink(): void {
    this.link.set(null);
  }

  private patch(change: Partial<PersonDetail>): void {
    const person = this.detail();
    if (person) this.detail.set({ ...person, ...change });
  }
}
