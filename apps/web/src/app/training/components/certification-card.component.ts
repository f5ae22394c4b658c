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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ASSESSMENT_STAGES,
  CERTIFICATION_RESULTS,
  CERTIFICATION_ROUTES,
  CERTIFICATION_TITLES,
  COMPETENCE_LEVELS,
  COMPETENCES,
  type AssessmentStage,
  type CertificationResult,
  type CertificationRoute,
  type CertificationTitleProgress,
  type CompetenceLevel,
  type ContractCompetences,
  type PersonCertifications,
  type PersonCompetences,
  type PersonSummary,
  type RecordCertificationSessionRequest,
  type RecordCompetenceAssessmentRequest,
} from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../shared/http-error';

const CIVIL_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "12 mars 2027" from "2027-03-12". */
export function longCivilDate(date: string): string {
  return CIVIL_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * The pathway's "Titre professionnel" and "Compétences" cards: each block's state written out,
 * the sessions, HR's form to record a result (`POST …/certifications/sessions`); the competence
 * table by stage (a list on a phone) and the form of the tutor or HR (`PUT /api/contracts/{id}/competences`).
 */
@Component({
  selector: 'app-certification-card',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="certification-title">
      <h2 id="certification-title">{{ 'training.certification.title' | transloco }}</h2>
      @if (certifications(); as c) {
        <p class="hint">{{ 'training.certification.derivedHint' | transloco }}</p>
        @for (title of shownTitles(); track title.code) {
          <h3 [attr.data-testid]="'title-' + title.code">
            {{
              'training.certification.titleLine'
                | transloco: { label: title.label, rncp: title.rncp, level: title.level }
            }}
          </h3>
          <p class="state" [attr.data-testid]="'title-state-' + title.code">
            @if (title.obtainedOn) {
              ✓
              {{ 'training.certification.obtainedOn' | transloco: { date: day(title.obtainedOn) } }}
            } @else {
              {{
                'training.certification.state'
                  | transloco
                    : { state: ('training.certification.titleStates.' + title.state | transloco) }
              }}
            }
          </p>
          <h4>{{ 'training.certification.blocks' | transloco }}</h4>
          <ul class="blocks">
            @for (block of title.blocks; track block.code) {
              <li [attr.data-testid]="'block-' + title.code + '-' + block.code">
                <strong>{{ block.code }}</strong> {{ block.label }} —
                <span class="block-state">
                  {{ 'training.certification.blockStates.' + block.state | transloco }}
                  @if (block.obtainedOn && block.obtainedBy) {
                    {{
                      'training.certification.blockObtained'
                        | transloco
                          : {
                              date: day(block.obtainedOn),
                              route:
                                ('training.certification.routes.' + block.obtainedBy | transloco),
                            }
                    }}
                  }
                </span>
                @if (block.trainingHours > 0) {
                  · {{ 'training.certification.hours' | transloco: { hours: block.trainingHours } }}
                }
                @if (block.trainingModule) {
                  ·
                  {{
                    'training.certification.module' | transloco: { module: block.trainingModule }
                  }}
                }
              </li>
            }
          </ul>
          <h4>{{ 'training.certification.sessions' | transloco }}</h4>
          @if (title.sessions.length) {
            <ul class="sessions">
              @for (s of title.sessions; track s.id) {
                <li>
                  {{ day(s.heldOn) }} — {{ s.blockCodes.join(', ') }} —
                  {{ 'training.certification.routes.' + s.route | transloco }} —
                  <strong>{{ 'training.certification.results.' + s.result | transloco }}</strong>
                  @if (s.note) {
                    — {{ s.note }}
                  }
                </li>
              }
            </ul>
          } @else {
            <p>{{ 'training.certification.noSessions' | transloco }}</p>
          }
        }
        @if (c.canRecord) {
          <form [formGroup]="sessionForm" (ngSubmit)="recordSession()" novalidate class="form">
            <h3>{{ 'training.certification.record' | transloco }}</h3>
            <div class="fields">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.titleField' | transloco }}</mat-label>
                <select matNativeControl formControlName="titleCode" (change)="pickTitle()">
                  @for (t of catalogue; track t.code) {
                    <option [value]="t.code">{{ t.shortLabel }}</option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.route' | transloco }}</mat-label>
                <select matNativeControl formControlName="route">
                  @for (r of routes; track r) {
                    <option [value]="r">
                      {{ 'training.certification.routes.' + r | transloco }}
                    </option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.heldOn' | transloco }}</mat-label>
                <input matInput type="date" formControlName="heldOn" required />
                <mat-error>{{ 'training.certification.required' | transloco }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.result' | transloco }}</mat-label>
                <select matNativeControl formControlName="result">
                  @for (r of results; track r) {
                    <option [value]="r">
                      {{ 'training.certification.results.' + r | transloco }}
                    </option>
                  }
                </select>
              </mat-form-field>
            </div>
            <fieldset class="checks">
              <legend>{{ 'training.certification.blocksField' | transloco }}</legend>
              @for (block of formBlocks(); track block.code) {
                <mat-checkbox
                  [checked]="chosenBlocks().includes(block.code)"
                  (change)="toggleBlock(block.code, $event.checked)"
                >
                  {{ block.code }} — {{ block.label }}
                </mat-checkbox>
              }
            </fieldset>
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'training.certification.note' | transloco }}</mat-label>
              <input matInput formControlName="note" maxlength="500" />
            </mat-form-field>
            <div class="messages">
              <p class="error" role="alert" data-testid="session-error">{{ sessionError() }}</p>
              <p class="status" role="status">{{ sessionSaved() }}</p>
            </div>
            <button mat-flat-button type="submit" [disabled]="isSaving()">
              {{ 'training.certification.save' | transloco }}
            </button>
          </form>
        }
      } @else if (loadError(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
    </section>

    <section class="panel" aria-labelledby="competences-title">
      <h2 id="competences-title">{{ 'training.certification.competences' | transloco }}</h2>
      <p class="hint">{{ 'training.certification.competencesHint' | transloco }}</p>
      @for (contract of contracts(); track contract.contractId) {
        <h3>
          {{
            'training.certification.contractLine'
              | transloco
                : {
                    type: ('contractTypes.' + contract.contractType | transloco),
                    start: day(contract.start),
                  }
          }}
        </h3>
        <p>
          @if (contract.tutorName) {
            {{ 'training.certification.tutor' | transloco: { name: contract.tutorName } }}
          } @else {
            {{ 'training.certification.noTutor' | transloco }}
          }
        </p>
        @if (contract.assessments.length) {
          <ul class="assessors">
            @for (a of contract.assessments; track a.id) {
              <li>
                {{
                  'training.certification.assessedBy'
                    | transloco
                      : {
                          stage: ('training.certification.stages.' + a.stage | transloco),
                          date: day(a.assessedOn),
                          name: a.assessorName,
                        }
                }}
              </li>
            }
          </ul>
          <table class="grid-table" [attr.data-testid]="'competences-' + contract.contractId">
            <thead>
              <tr>
                <th scope="col">{{ 'training.certification.competence' | transloco }}</th>
                @for (stage of stages; track stage) {
                  <th scope="col">{{ 'training.certification.stages.' + stage | transloco }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (competence of competences; track competence.code) {
                <tr>
                  <th scope="row">{{ competence.label }}</th>
                  @for (stage of stages; track stage) {
                    <td>
                      <span class="stage-name"
                        >{{ 'training.certification.stages.' + stage | transloco }} :
                      </span>
                      {{ levelText(contract, stage, competence.code) }}
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p>{{ 'training.certification.noAssessment' | transloco }}</p>
        }
        @if (contract.canRecord && contract.contractId === recordable()?.contractId) {
          <form [formGroup]="stageForm" (ngSubmit)="recordStage(contract)" novalidate class="form">
            <h3>{{ 'training.certification.recordStage' | transloco }}</h3>
            <div class="fields">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.stage' | transloco }}</mat-label>
                <select matNativeControl formControlName="stage" (change)="prefill(contract)">
                  @for (stage of stages; track stage) {
                    <option [value]="stage">
                      {{ 'training.certification.stages.' + stage | transloco }}
                    </option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'training.certification.assessedOn' | transloco }}</mat-label>
                <input matInput type="date" formControlName="assessedOn" required />
                <mat-error>{{ 'training.certification.required' | transloco }}</mat-error>
              </mat-form-field>
              @if (!contract.tutorId) {
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'training.certification.assessor' | transloco }}</mat-label>
                  <select matNativeControl formControlName="assessorId" required>
                    <option value=""></option>
                    @for (person of assessors(); track person.id) {
                      <option [value]="person.id">
                        {{ person.firstName }} {{ person.lastName }}
                      </option>
                    }
                  </select>
                  <mat-hint>{{ 'training.certification.assessorHint' | transloco }}</mat-hint>
                </mat-form-field>
              }
            </div>
            <!-- Plain rows: a competence's name wraps on a phone, a floating label would not. -->
            <div class="levels">
              @for (competence of competences; track competence.code) {
                <label class="level-row">
                  <span>{{ competence.label }}</span>
                  <select [formControlName]="competence.code">
                    @for (level of levels; track level) {
                      <option [value]="level">
                        {{ 'training.certification.levels.' + level | transloco }}
                      </option>
                    }
                  </select>
                </label>
              }
            </div>
            <div class="messages">
              <p class="error" role="alert" data-testid="stage-error">{{ stageError() }}</p>
              <p class="status" role="status">{{ stageSaved() }}</p>
            </div>
            <button mat-flat-button type="submit" [disabled]="isSaving()">
              {{ 'training.certification.saveStage' | transloco }}
            </button>
          </form>
        }
      }
    </section>
  `,
  styles: `
    .panel {
      border: 1px solid #767676;
      border-radius: 8px;
      padding: 8px 16px 16px;
      margin-bottom: 16px;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: 1.125rem;
    }
    h3,
    h4 {
      font-size: 1rem;
    }
    .hint {
      color: #444;
    }
    .state {
      font-weight: 500;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(220px, 100%), 1fr));
      column-gap: 16px;
    }
    /* A native select is as wide as its longest option: let the column, not it, decide. */
    .fields > *,
    .wide {
      min-width: 0;
      max-width: 100%;
    }
    select {
      max-width: 100%;
    }
    .levels {
      margin-bottom: 12px;
    }
    .level-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
      padding: 4px 0;
      border-bottom: 1px solid #ddd;
      select {
        min-height: 44px;
        font: inherit;
      }
    }
    .checks {
      border: none;
      padding: 0;
      margin: 0 0 12px;
      display: flex;
      flex-direction: column;
    }
    .wide {
      width: 100%;
    }
    .error {
      color: #b00020;
    }
    .status {
      color: #1b5e20;
    }
    .messages p:empty {
      display: none;
    }
    button {
      min-height: 44px;
    }
    .grid-table {
      border-collapse: collapse;
      width: 100%;
      th,
      td {
        text-align: left;
        padding: 6px 8px;
        border-bottom: 1px solid #ddd;
      }
    }
    .stage-name {
      display: none;
    }
    /* On a phone each competence becomes a short list of its stages. */
    @media (max-width: 600px) {
      .grid-table thead {
        display: none;
      }
      .grid-table tr,
      .grid-table th,
      .grid-table td {
        display: block;
        border: none;
        padding: 2px 0;
      }
      .grid-table tr {
        border-bottom: 1px solid #ddd;
        padding: 8px 0;
      }
      .stage-name {
        display: inline;
      }
    }
  `,
})
export class CertificationCardComponent {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;

  /** The person whose pathway this is. */
  readonly personId = input.required<string>();

  protected readonly catalogue = CERTIFICATION_TITLES;
  protected readonly routes = CERTIFICATION_ROUTES;
  protected readonly results = CERTIFICATION_RESULTS;
  protected readonly stages = ASSESSMENT_STAGES;
  protected readonly levels = COMPETENCE_LEVELS;
  protected readonly competences = COMPETENCES;
  protected readonly day = longCivilDate;

  protected readonly certifications = signal<PersonCertifications | null>(null);
  protected readonly competencesOf = signal<PersonCompetences | null>(null);
  /** Who HR may name to assess a contract without a tutor: the organisation's people. */
  protected readonly assessors = signal<PersonSummary[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly sessionError = signal<string | null>(null);
  protected readonly sessionSaved = signal<string | null>(null);
  protected readonly stageError = signal<string | null>(null);
  protected readonly stageSaved = signal<string | null>(null);
  protected readonly isSaving = signal(false);
  protected readonly chosenBlocks = signal<string[]>([]);

  /** The TP MSADS always; another title once something was recorded toward it. */
  protected readonly shownTitles = computed<CertificationTitleProgress[]>(() =>
    (this.certifications()?.titles ?? []).filter(
      (title) => title.code === 'MSADS' || title.state !== 'NON_COMMENCE' || title.sessions.length,
    ),
  );
  protected readonly contracts = computed(() => this.competencesOf()?.contracts ?? []);
  /** Stages are recorded on the latest contract the caller may assess. */
  protected readonly recordable = computed(() =>
    this.contracts().find((contract) => contract.canRecord),
  );

  protected readonly sessionForm = this.fb.group({
    titleCode: 'MSADS',
    route: 'EXAMEN' as CertificationRoute,
    heldOn: ['', Validators.required],
    result: 'ADMIS' as CertificationResult,
    note: '',
  });
  protected readonly stageForm = this.fb.group({
    stage: 'ENTREE' as AssessmentStage,
    assessedOn: ['', Validators.required],
    assessorId: '',
    ...Object.fromEntries(
      COMPETENCES.map((competence) => [competence.code, 'NON_ACQUIS' as CompetenceLevel]),
    ),
  });
  private readonly pickedTitle = signal('MSADS');
  protected readonly formBlocks = computed(
    () => CERTIFICATION_TITLES.find((title) => title.code === this.pickedTitle())?.blocks ?? [],
  );

  constructor() {
    effect(() => {
      const id = this.personId();
      untracked(() => void this.load(id));
    });
  }

  protected pickTitle(): void {
    this.pickedTitle.set(this.sessionForm.controls.titleCode.value);
    this.chosenBlocks.set([]);
  }

  protected toggleBlock(code: string, isChecked: boolean): void {
    this.chosenBlocks.update((codes) =>
      isChecked ? [...codes, code] : codes.filter((c) => c !== code),
    );
  }

  protected levelText(contract: ContractCompetences, stage: AssessmentStage, code: string): string {
    const rating = contract.assessments
      .find((assessment) => assessment.stage === stage)
      ?.ratings.find((r) => r.code === code);
    return rating
      ? this.transloco.translate(`training.certification.levels.${rating.level}`)
      : this.transloco.translate('training.certification.notAssessed');
  }

  /** The stage's levels as recorded, to correct them; the framework's floor otherwise. */
  protected prefill(contract: ContractCompetences): void {
    const stage = this.stageForm.controls.stage.value;
    const recorded = contract.assessments.find((assessment) => assessment.stage === stage);
    this.stageForm.patchValue({
      assessedOn: recorded?.assessedOn ?? '',
      assessorId: recorded?.assessorId ?? '',
      ...Object.fromEntries(
        COMPETENCES.map((competence) => [
          competence.code,
          recorded?.ratings.find((r) => r.code === competence.code)?.level ?? 'NON_ACQUIS',
        ]),
      ),
    });
  }

  protected async recordSession(): Promise<void> {
    const value = this.sessionForm.getRawValue();
    this.sessionSaved.set(null);
    if (this.sessionForm.invalid) {
      this.sessionForm.markAllAsTouched();
      this.sessionError.set(this.transloco.translate('training.certification.required'));
      return;
    }
    if (!this.chosenBlocks().length) {
      this.sessionError.set(this.transloco.translate('training.certification.chooseBlock'));
      return;
    }
    const body: RecordCertificationSessionRequest = {
      titleCode: value.titleCode,
      blockCodes: this.chosenBlocks(),
      route: value.route,
      heldOn: value.heldOn,
      result: value.result,
      note: value.note.trim() || null,
    };
    await this.save(async () => {
      this.certifications.set(
        await firstValueFrom(
          this.http.post<PersonCertifications>(
            `/api/pathways/${this.personId()}/certifications/sessions`,
            body,
          ),
        ),
      );
      this.sessionError.set(null);
      this.sessionSaved.set(this.transloco.translate('training.certification.saved'));
      this.chosenBlocks.set([]);
      this.sessionForm.patchValue({ heldOn: '', note: '' });
    }, this.sessionError);
  }

  protected async recordStage(contract: ContractCompetences): Promise<void> {
    const value = this.stageForm.getRawValue() as Record<string, string>;
    this.stageSaved.set(null);
    if (!contract.tutorId && !value['assessorId']) {
      this.stageForm.markAllAsTouched();
      this.stageError.set(this.transloco.translate('training.certification.chooseAssessor'));
      return;
    }
    if (this.stageForm.invalid) {
      this.stageForm.markAllAsTouched();
      this.stageError.set(this.transloco.translate('training.certification.required'));
      return;
    }
    const body: RecordCompetenceAssessmentRequest = {
      stage: value['stage'] as AssessmentStage,
      assessedOn: value['assessedOn'],
      ...(contract.tutorId ? {} : { assessorId: value['assessorId'] }),
      ratings: COMPETENCES.map((competence) => ({
        code: competence.code,
        level: value[competence.code] as CompetenceLevel,
      })),
    };
    await this.save(async () => {
      this.competencesOf.set(
        await firstValueFrom(
          this.http.put<PersonCompetences>(
            `/api/contracts/${contract.contractId}/competences`,
            body,
          ),
        ),
      );
      this.stageError.set(null);
      this.stageSaved.set(this.transloco.translate('training.certification.stageSaved'));
    }, this.stageError);
  }

  private async save(
    send: () => Promise<void>,
    error: ReturnType<typeof signal<string | null>>,
  ): Promise<void> {
    this.isSaving.set(true);
    try {
      await send();
    } catch (failure) {
      error.set(messageOf(failure) ?? this.transloco.translate('training.certification.failed'));
    } finally {
      this.isSaving.set(false);
    }
  }

  private async load(personId: string): Promise<void> {
    try {
      const [certifications, competences] = await Promise.all([
        firstValueFrom(
          this.http.get<PersonCertifications>(`/api/pathways/${personId}/certifications`),
        ),
        firstValueFrom(this.http.get<PersonCompetences>(`/api/pathways/${personId}/competences`)),
      ]);
      this.certifications.set(certifications);
      this.competencesOf.set(competences);
      const first = competences.contracts.find((contract) => contract.canRecord);
      if (first) this.prefill(first);
      // Only HR records on a contract without a tutor: they name the assessor among the staff.
      if (first && !first.tutorId)
        this.assessors.set(
          (await firstValueFrom(this.http.get<PersonSummary[]>('/api/people'))).filter(
            (person) => person.id !== personId,
          ),
        );
    } catch (failure) {
      this.loadError.set(
        messageOf(failure) ?? this.transloco.translate('training.certification.failed'),
      );
    }
  }
}
