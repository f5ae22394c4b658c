import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

const MIN_LENGTH = 12;

/** Sets a password from an invitation or reset link given by HR (`/invitation/:token`). */
@Component({
  selector: 'app-accept-link-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="accept">
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title
            ><h1>{{ 'acceptLink.title' | transloco }}</h1></mat-card-title
          >
        </mat-card-header>
        <mat-card-content>
          @if (isDone()) {
            <p role="status">{{ 'acceptLink.done' | transloco }}</p>
            <a mat-flat-button routerLink="/connexion">{{ 'login.submit' | transloco }}</a>
          } @else {
            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'acceptLink.password' | transloco }}</mat-label>
                <input
                  matInput
                  type="password"
                  formControlName="password"
                  autocomplete="new-password"
                  required
                />
                <mat-hint>{{ 'acceptLink.hint' | transloco: { n: minLength } }}</mat-hint>
                @if (form.controls.password.invalid) {
                  <mat-error>{{ 'acceptLink.hint' | transloco: { n: minLength } }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'acceptLink.confirm' | transloco }}</mat-label>
                <input
                  matInput
                  type="password"
                  formControlName="confirm"
                  autocomplete="new-password"
                  required
                />
              </mat-form-field>
              @if (error(); as message) {
                <p class="error" role="alert">{{ message }}</p>
              }
              <button mat-flat-button type="submit" [disabled]="isSubmitting()">
                {{ 'acceptLink.submit' | transloco }}
              </button>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </section>
  `,
  styles: `
    .accept {
      max-width: 440px;
      margin: 32px auto;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-top: 16px;
    }
    .error {
      color: #b00020;
      margin: 0;
    }
  `,
})
export class AcceptLinkPage {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter: the one-time token of the link. */
  readonly token = input.required<string>();

  protected readonly minLength = MIN_LENGTH;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', [Validators.required, Validators.minLength(MIN_LENGTH)]],
    confirm: ['', Validators.required],
  });
  protected readonly error = signal<string | null>(null);
  protected readonly isSubmitting = signal(false);
  protected readonly isDone = signal(false);

  protected async submit(): Promise<void> {
    const { password, confirm } = this.form.getRawValue();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (password !== confirm) {
      this.error.set(this.transloco.translate('acceptLink.mismatch'));
      return;
    }
    this.isSubmitting.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.http.post('/api/auth/accept-link', { token: this.token(), password }),
      );
      this.isDone.set(true);
    } catch (failure) {
      this.error.set(messageOf(failure) ?? this.transloco.translate('login.failed'));
    } finally {
      this.isSubmitting.set(false);
    }
  }
}
