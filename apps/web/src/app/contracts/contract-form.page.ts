import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CDD_REASONS, CONTRACT_TYPES } from '@relais/api-types';
import { PART_TIME_DEROGATION_LABELS, PART_TIME_DEROGATIONS } from '@relais/rules';
import { longDate } from '../shared/long-date';
import { ContractFormStore, ContractFormValue, EMPTY_CONTRACT_FORM } from './contract-form.store';

@Component({
  selector: 'app-contract-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  providers: [ContractFormStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contract-form.page.html',
  styleUrl: './contract-form.page.scss',
})
export class ContractFormPage {
  protected readonly store = inject(ContractFormStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly title = inject(Title);

  /** Route parameter `:id`: the person. */
  readonly id = input.required<string>();

  protected readonly contractTypes = CONTRACT_TYPES;
  protected readonly reasons = CDD_REASONS;
  protected readonly derogations = PART_TIME_DEROGATIONS;
  protected readonly derogationLabels = PART_TIME_DEROGATION_LABELS;
  protected readonly formatDate = longDate;
  /** The title of a post to create on the chosen site. */
  protected readonly newPostTitle = new FormControl('', { nonNullable: true });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    ...EMPTY_CONTRACT_FORM,
    type: [EMPTY_CONTRACT_FORM.type, Validators.required],
    start: ['', Validators.required],
    weeklyHours: [null as number | null, [Validators.required, Validators.min(1)]],
    hourlyCost: [null as number | null, [Validators.min(0), Validators.max(1000)]],
    cycleWeeks: [null as number | null, [Validators.min(2), Validators.max(52)]],
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
    // The person's home site offers its posts first.
    effect(() => {
      const siteId = this.store.person()?.homeSiteId;
      if (siteId && !untracked(() => this.form.controls.siteId.value))
        this.form.controls.siteId.setValue(siteId);
    });
    effect(() => {
      const name = this.store.name();
      if (name) this.title.setTitle(`Nouveau contrat – ${name} – Relais`);
    });
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.store.update(this.form.getRawValue() as ContractFormValue));
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue() as ContractFormValue;
    // A CDI has no end, nor may an adulte-relais CDI (L5134-103); every other contract needs
    // one, or, for a replacement without a precise term, its minimum duration (L1242-7).
    const show = this.store.show();
    if (show.end && !show.endOptional && !value.end) {
      this.form.controls.end.setErrors({ required: true });
    }
    if (show.minimumEnd && !value.minimumEnd) {
      this.form.controls.minimumEnd.setErrors({ required: true });
    }
    // A CDD states its motif de recours (L1242-2), or it is deemed a CDI (L1242-12).
    if (this.store.show().reason && !value.reason) {
      this.form.controls.reason.setErrors({ required: true });
    }
    // A replacement CDD names the absent employee (L1242-12 1°).
    if (show.replacedPerson && !value.replacedPersonId && !value.renewalOf) {
      this.form.controls.replacedPersonId.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.store.update(value);
    const outcome = await this.store.submit();
    if (outcome.kind === 'saved') {
      this.snackBar.open(this.transloco.translate('contractForm.saved'), undefined, {
        duration: 10_000,
      });
      await this.router.navigate(['/personnes', this.id()]);
      return;
    }
    if (outcome.kind === 'invalid') {
      for (const [field, message] of Object.entries(outcome.fields)) {
        const control = this.form.get(field);
        control?.setErrors({ server: message });
        control?.markAsTouched();
      }
    }
  }

  protected async createPost(): Promise<void> {
    const post = await this.store.createPost(this.newPostTitle.value);
    if (post) {
      this.newPostTitle.setValue('');
      this.form.controls.postId.setValue(post.id);
    }
  }

  protected serverError(field: keyof ContractFormValue): string | null {
    const message: unknown = this.form.controls[field].errors?.['server'];
    return typeof message === 'string' ? message : null;
  }
}
