import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  APPLICATION_CONTRACTS,
  APPLICATION_STATUSES,
  CAREER_ACTION_KINDS,
  CAREER_ACTION_STATUSES,
  IMMERSION_OBJECTIVES,
  IMMERSION_PRESCRIBERS,
  type ApplicationStatus,
  type CareerAction,
  type CareerActionStatus,
  type JobApplication,
  type JobSearch,
  type PartnerEmployer,
} from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { fieldErrors } from '../../people/people.store';
import { messageOf } from '../../shared/http-error';
import { todayInParis } from '../../shared/today';

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A civil date as a reader says it: « 12 mars 2027 ». */
export function longDate(date: string): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}

const blankToNull = (value: string): string | null => value.trim() || null;

/**
 * The « Recherche d'emploi » card of a pathway: the professional project (P11), PMSMP immersions
 * (P10), applications and career actions. HR and admin fill it in; the person adds and updates
 * their own applications (from their phone: one column at 390 px); a manager reads it.
 */
@Component({
  selector: 'app-job-search-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="job-search" aria-labelledby="job-search-title">
      <h2 id="job-search-title">{{ 'training.jobSearch.title' | transloco }}</h2>
      @if (data(); as d) {
        <h3>{{ 'training.jobSearch.project' | transloco }}</h3>
        @if (d.project; as project) {
          <p class="project-jobs">{{ project.targetJobs }}</p>
          @if (project.sector) {
            <p>{{ 'training.jobSearch.sector' | transloco }} : {{ project.sector }}</p>
          }
          @if (project.steps) {
            <ul class="steps">
              @for (step of stepsOf(project.steps); track $index) {
                <li>{{ step }}</li>
              }
            </ul>
          }
          <p class="validation">
            @if (project.validatedOn) {
              ✓
              {{
                'training.jobSearch.validated'
                  | transloco
                    : { date: long(project.validatedOn), who: project.validatedByName ?? '—' }
              }}
            } @else {
              {{ 'training.jobSearch.notValidated' | transloco }}
            }
          </p>
        } @else {
          <p>{{ 'training.jobSearch.noProject' | transloco }}</p>
        }
        @if (d.canManage) {
          <form [formGroup]="projectForm" (ngSubmit)="saveProject()" novalidate class="fields">
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'training.jobSearch.targetJobs' | transloco }}</mat-label>
              <input matInput maxlength="500" formControlName="targetJobs" required />
              @if (fieldError('targetJobs'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.sector' | transloco }}</mat-label>
              <input matInput maxlength="120" formControlName="sector" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.validatedOn' | transloco }}</mat-label>
              <input matInput type="date" formControlName="validatedOn" />
              @if (fieldError('validatedOn'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'training.jobSearch.steps' | transloco }}</mat-label>
              <textarea matInput rows="3" maxlength="2000" formControlName="steps"></textarea>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="isSaving()">
              {{ 'training.jobSearch.saveProject' | transloco }}
            </button>
          </form>
        }

        <h3>{{ 'training.jobSearch.immersions' | transloco }}</h3>
        <p class="hint">{{ 'training.jobSearch.immersionsHelp' | transloco }}</p>
        @if (d.immersions.length) {
          <ul class="items">
            @for (i of d.immersions; track i.id) {
              <li>
                {{
                  'training.jobSearch.immersionLine'
                    | transloco
                      : {
                          employer: i.employerName,
                          start: long(i.start),
                          end: long(i.end),
                          objective: ('training.jobSearch.objectives.' + i.objective | transloco),
                        }
                }}
                ({{
                  (i.isDone ? 'training.jobSearch.done' : 'training.jobSearch.upcoming')
                    | transloco
                }})
                <br />
                <span class="detail">{{
                  'training.jobSearch.immersionDetail'
                    | transloco
                      : {
                          prescriber:
                            i.prescriberName ??
                            ('training.jobSearch.prescribers.' + i.prescriber | transloco),
                          signed: long(i.conventionSignedOn),
                          tutor: i.tutorName,
                        }
                }}</span>
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'training.jobSearch.noImmersions' | transloco }}</p>
        }
        @if (d.canManage) {
          @if (partners().length) {
            <form [formGroup]="immersionForm" (ngSubmit)="addImmersion()" novalidate class="fields">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.employer' | transloco }}</mat-label>
                <select matNativeControl formControlName="employerId" required>
                  @for (p of partners(); track p.id) {
                    <option [value]="p.id">{{ p.name }}</option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.start' | transloco }}</mat-label>
                <input matInput type="date" formControlName="start" required />
                @if (fieldError('start'); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.end' | transloco }}</mat-label>
                <input matInput type="date" formControlName="end" required />
                @if (fieldError('end'); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.objective' | transloco }}</mat-label>
                <select matNativeControl formControlName="objective">
                  @for (o of objectives; track o) {
                    <option [value]="o">
                      {{ 'training.jobSearch.objectives.' + o | transloco }}
                    </option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.prescriber' | transloco }}</mat-label>
                <select matNativeControl formControlName="prescriber">
                  @for (o of prescribers; track o) {
                    <option [value]="o">
                      {{ 'training.jobSearch.prescribers.' + o | transloco }}
                    </option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.prescriberName' | transloco }}</mat-label>
                <input matInput maxlength="200" formControlName="prescriberName" />
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.conventionSignedOn' | transloco }}</mat-label>
                <input matInput type="date" formControlName="conventionSignedOn" required />
                @if (fieldError('conventionSignedOn'); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.tutorName' | transloco }}</mat-label>
                <input matInput maxlength="200" formControlName="tutorName" required />
              </mat-form-field>
              <button mat-stroked-button type="submit" [disabled]="isSaving()">
                {{ 'training.jobSearch.addImmersion' | transloco }}
              </button>
            </form>
          } @else {
            <p class="hint">{{ 'training.jobSearch.noPartner' | transloco }}</p>
          }
        }

        <h3>{{ 'training.jobSearch.applications' | transloco }}</h3>
        @if (d.applications.length) {
          <ul class="items">
            @for (a of d.applications; track a.id) {
              <li>
                {{
                  'training.jobSearch.applicationLine'
                    | transloco
                      : {
                          position: a.position,
                          employer: a.employerName,
                          contract: ('training.jobSearch.contracts.' + a.contract | transloco),
                          sent: long(a.sentOn),
                        }
                }}
                <br />
                <strong>{{
                  'training.jobSearch.statusLine'
                    | transloco
                      : {
                          status: ('training.jobSearch.statuses.' + a.status | transloco),
                          date: long(a.statusOn),
                        }
                }}</strong>
                @if (d.canApply) {
                  <span class="inline">
                    <label [for]="'status-' + a.id">{{
                      'training.jobSearch.newStatus' | transloco
                    }}</label>
                    <select [id]="'status-' + a.id" #status [value]="a.status">
                      @for (s of statuses; track s) {
                        <option [value]="s">
                          {{ 'training.jobSearch.statuses.' + s | transloco }}
                        </option>
                      }
                    </select>
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="isSaving()"
                      (click)="updateApplication(a, $any(status.value))"
                    >
                      {{ 'training.jobSearch.updateStatus' | transloco }}
                    </button>
                  </span>
                }
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'training.jobSearch.noApplications' | transloco }}</p>
        }
        @if (d.canApply) {
          <form
            [formGroup]="applicationForm"
            (ngSubmit)="addApplication()"
            novalidate
            class="fields"
          >
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.employerName' | transloco }}</mat-label>
              <input matInput maxlength="120" formControlName="employerName" />
              @if (fieldError('employerName'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            @if (partners().length) {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.jobSearch.orPartner' | transloco }}</mat-label>
                <select matNativeControl formControlName="employerId">
                  <option value="">{{ 'training.jobSearch.none' | transloco }}</option>
                  @for (p of partners(); track p.id) {
                    <option [value]="p.id">{{ p.name }}</option>
                  }
                </select>
              </mat-form-field>
            }
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.position' | transloco }}</mat-label>
              <input matInput maxlength="200" formControlName="position" required />
              @if (fieldError('position'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.contract' | transloco }}</mat-label>
              <select matNativeControl formControlName="contract">
                @for (c of contracts; track c) {
                  <option [value]="c">{{ 'training.jobSearch.contracts.' + c | transloco }}</option>
                }
              </select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.sentOn' | transloco }}</mat-label>
              <input matInput type="date" formControlName="sentOn" required />
              @if (fieldError('sentOn'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="isSaving()">
              {{ 'training.jobSearch.addApplication' | transloco }}
            </button>
          </form>
        }

        <h3>{{ 'training.jobSearch.careerActions' | transloco }}</h3>
        @if (d.careerActions.length) {
          <ul class="items">
            @for (c of d.careerActions; track c.id) {
              <li>
                {{
                  'training.jobSearch.careerLine'
                    | transloco
                      : {
                          kind: ('training.jobSearch.kinds.' + c.kind | transloco),
                          title: c.title,
                          status: ('training.jobSearch.actionStatuses.' + c.status | transloco),
                        }
                }}
                <br />
                <span class="detail">{{ careerDetail(c) }}</span>
                @if (d.canManage) {
                  <span class="inline">
                    <label [for]="'action-' + c.id">{{
                      'training.jobSearch.status' | transloco
                    }}</label>
                    <select [id]="'action-' + c.id" #actionStatus [value]="c.status">
                      @for (s of actionStatuses; track s) {
                        <option [value]="s">
                          {{ 'training.jobSearch.actionStatuses.' + s | transloco }}
                        </option>
                      }
                    </select>
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="isSaving()"
                      (click)="updateCareerAction(c, $any(actionStatus.value))"
                    >
                      {{ 'training.jobSearch.updateStatus' | transloco }}
                    </button>
                  </span>
                }
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'training.jobSearch.noCareerActions' | transloco }}</p>
        }
        @if (d.canManage) {
          <form [formGroup]="careerForm" (ngSubmit)="addCareerAction()" novalidate class="fields">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.kind' | transloco }}</mat-label>
              <select matNativeControl formControlName="kind">
                @for (k of kinds; track k) {
                  <option [value]="k">{{ 'training.jobSearch.kinds.' + k | transloco }}</option>
                }
              </select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.actionTitle' | transloco }}</mat-label>
              <input matInput maxlength="200" formControlName="title" required />
              @if (fieldError('title'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.provider' | transloco }}</mat-label>
              <input matInput maxlength="200" formControlName="provider" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.plannedStart' | transloco }}</mat-label>
              <input matInput type="date" formControlName="plannedStart" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.plannedEnd' | transloco }}</mat-label>
              <input matInput type="date" formControlName="plannedEnd" />
              @if (fieldError('plannedEnd'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.hours' | transloco }}</mat-label>
              <input
                matInput
                type="number"
                min="0.5"
                max="2000"
                step="0.5"
                formControlName="hours"
              />
              @if (fieldError('hours'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.funding' | transloco }}</mat-label>
              <input matInput maxlength="200" formControlName="funding" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'training.jobSearch.status' | transloco }}</mat-label>
              <select matNativeControl formControlName="status">
                @for (s of actionStatuses; track s) {
                  <option [value]="s">
                    {{ 'training.jobSearch.actionStatuses.' + s | transloco }}
                  </option>
                }
              </select>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="isSaving()">
              {{ 'training.jobSearch.addCareerAction' | transloco }}
            </button>
          </form>
        }
        @if (error(); as message) {
          <p class="field-error" role="alert">✖ {{ message }}</p>
        }
        @if (saved()) {
          <p class="saved" role="status">✓ {{ 'training.jobSearch.saved' | transloco }}</p>
        }
      } @else if (error(); as message) {
        <p class="field-error" role="alert">✖ {{ message }}</p>
      } @else {
        <p role="status">{{ 'training.jobSearch.loading' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .job-search {
      margin-top: 24px;
      max-width: 880px;
      overflow-wrap: anywhere;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr));
      column-gap: 16px;
      align-items: start;
      margin-bottom: 16px;
    }
    .fields > button {
      justify-self: start;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .items {
      padding-left: 20px;
    }
    .items li {
      margin-bottom: 10px;
    }
    .inline {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 4px;
    }
    .inline select {
      min-height: 36px;
      max-width: 100%;
    }
    .detail,
    .hint {
      color: #444;
    }
    .field-error {
      color: #b00020;
    }
  `,
})
export class JobSearchCardComponent {
  readonly personId = input.required<string>();
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly data = signal<JobSearch | null>(null);
  protected readonly partners = signal<PartnerEmployer[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly saved = signal(false);
  protected readonly isSaving = signal(false);
  private readonly today = computed(() => todayInParis());

  protected readonly objectives = IMMERSION_OBJECTIVES;
  protected readonly prescribers = IMMERSION_PRESCRIBERS;
  protected readonly contracts = APPLICATION_CONTRACTS;
  protected readonly statuses = APPLICATION_STATUSES;
  protected readonly kinds = CAREER_ACTION_KINDS;
  protected readonly actionStatuses = CAREER_ACTION_STATUSES;

  protected readonly projectForm = this.fb.group({
    targetJobs: ['', Validators.required],
    sector: [''],
    steps: [''],
    validatedOn: [''],
  });
  protected readonly immersionForm = this.fb.group({
    employerId: ['', Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
    objective: [IMMERSION_OBJECTIVES[0] as string],
    prescriber: [IMMERSION_PRESCRIBERS[0] as string],
    prescriberName: [''],
    conventionSignedOn: ['', Validators.required],
    tutorName: ['', Validators.required],
  });
  protected readonly applicationForm = this.fb.group({
    employerName: [''],
    employerId: [''],
    position: ['', Validators.required],
    contract: ['CDI' as string],
    sentOn: ['', Validators.required],
  });
  protected readonly careerForm = this.fb.group({
    kind: ['CPF' as string],
    title: ['', Validators.required],
    provider: [''],
    plannedStart: [''],
    plannedEnd: [''],
    hours: [''],
    funding: [''],
    status: ['ENVISAGEE' as string],
  });

  constructor() {
    effect(() => {
      const id = this.personId();
      untracked(() => void this.load(id));
    });
  }

  private base(): string {
    return `/api/pathways/${this.personId()}`;
  }

  async load(id: string): Promise<void> {
    try {
      const answer = await firstValueFrom(
        this.http.get<JobSearch>(`/api/pathways/${id}/job-search`),
      );
      this.show(answer);
      if (answer.canManage)
        this.partners.set(
          await firstValueFrom(this.http.get<PartnerEmployer[]>('/api/partner-employers')),
        );
    } catch (error) {
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
    }
  }

  private show(answer: JobSearch): void {
    this.data.set(answer);
    const project = answer.project;
    if (project)
      this.projectForm.reset({
        targetJobs: project.targetJobs,
        sector: project.sector ?? '',
        steps: project.steps ?? '',
        validatedOn: project.validatedOn ?? '',
      });
    this.applicationForm.patchValue({ sentOn: this.applicationForm.value.sentOn || this.today() });
  }

  protected long(date: string): string {
    return longDate(date);
  }

  protected stepsOf(steps: string): string[] {
    return steps.split('\n').filter((step) => step.trim());
  }

  protected fieldError(field: string): string | null {
    return this.errors()[field] ?? null;
  }

  protected careerDetail(action: CareerAction): string {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`training.jobSearch.${key}`, params);
    const dates =
      action.plannedStart && action.plannedEnd
        ? t('datesFrom', { start: longDate(action.plannedStart), end: longDate(action.plannedEnd) })
        : null;
    return [
      action.provider,
      dates,
      action.hours === null ? null : t('hoursValue', { hours: action.hours }),
      action.funding,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  }

  /** Sends a write; the answer is the whole card. Returns whether it was accepted. */
  private async send(
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    body: unknown,
  ): Promise<boolean> {
    this.isSaving.set(true);
    this.error.set(null);
    this.errors.set({});
    this.saved.set(false);
    try {
      const answer = await firstValueFrom(this.http.request<JobSearch>(method, url, { body }));
      this.show(answer);
      this.saved.set(true);
      return true;
    } catch (error) {
      this.errors.set(fieldErrors(error));
      this.error.set(messageOf(error) ?? this.transloco.translate('training.loadError'));
      return false;
    } finally {
      this.isSaving.set(false);
    }
  }

  protected async saveProject(): Promise<void> {
    if (this.projectForm.invalid) {
      this.projectForm.markAllAsTouched();
      return;
    }
    const value = this.projectForm.getRawValue();
    await this.send('PUT', `${this.base()}/project`, {
      targetJobs: value.targetJobs,
      sector: blankToNull(value.sector),
      steps: blankToNull(value.steps),
      validatedOn: value.validatedOn || null,
    });
  }

  protected async addImmersion(): Promise<void> {
    if (this.immersionForm.invalid) {
      this.immersionForm.markAllAsTouched();
      return;
    }
    const value = this.immersionForm.getRawValue();
    const isDone = await this.send('POST', `${this.base()}/immersions`, {
      ...value,
      prescriberName: value.prescriber === 'AUTRE' ? blankToNull(value.prescriberName) : null,
    });
    if (isDone) this.immersionForm.reset();
  }

  protected async addApplication(): Promise<void> {
    if (this.applicationForm.invalid) {
      this.applicationForm.markAllAsTouched();
      return;
    }
    const value = this.applicationForm.getRawValue();
    const isDone = await this.send('POST', `${this.base()}/applications`, {
      employerId: value.employerId || null,
      employerName: value.employerId ? null : blankToNull(value.employerName),
      position: value.position,
      contract: value.contract,
      sentOn: value.sentOn,
    });
    if (isDone) this.applicationForm.reset({ contract: 'CDI', sentOn: this.today() });
  }

  protected async updateApplication(
    application: JobApplication,
    status: ApplicationStatus,
  ): Promise<void> {
    await this.send('PATCH', `/api/pathways/applications/${application.id}`, {
      status,
      statusOn: this.today(),
    });
  }

  protected async addCareerAction(): Promise<void> {
    if (this.careerForm.invalid) {
      this.careerForm.markAllAsTouched();
      return;
    }
    const value = this.careerForm.getRawValue();
    const isDone = await this.send('POST', `${this.base()}/career-actions`, {
      kind: value.kind,
      title: value.title,
      provider: blankToNull(value.provider),
      plannedStart: value.plannedStart || null,
      plannedEnd: value.plannedEnd || null,
      actualStart: null,
      actualEnd: null,
      hours: value.hours === '' || value.hours === null ? null : Number(value.hours),
      funding: blankToNull(value.funding),
      status: value.status,
    });
    if (isDone) this.careerForm.reset();
  }

  protected async updateCareerAction(
    action: CareerAction,
    status: CareerActionStatus,
  ): Promise<void> {
    const { id, ...fields } = action;
    await this.send('PATCH', `/api/pathways/career-actions/${id}`, { ...fields, status });
  }
}
