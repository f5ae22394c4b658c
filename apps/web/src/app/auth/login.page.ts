import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '../core/auth.store';
import { homeFor } from '../core/navigation';

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** Where to go back after signing in (query parameter `retour`). */
  readonly retour = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly error = signal<string | null>(null);
  protected readonly isSubmitting = signal(false);
  protected readonly demoAccounts = [
    'direction@relais.demo',
    'rh@relais.demo',
    'manager.sud@relais.demo',
    'manager.est@relais.demo',
    'mediateur@relais.demo',
  ];

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.error.set(null);
    const failure = await this.auth.login(this.form.getRawValue());
    this.isSubmitting.set(false);
    if (failure !== null || !this.auth.isSignedIn()) {
      this.error.set(failure ?? this.transloco.translate('login.failed'));
      return;
    }
    const target = this.retour();
    await this.router.navigateByUrl(
      target?.startsWith('/') && !target.startsWith('//') ? target : homeFor(this.auth.role()),
    );
  }
}
