import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from './core/auth.store';
import { Lang, LANGS, LanguageService } from './core/i18n/i18n';
import { navFor } from './core/navigation';
import { formatLongDate } from './core/time';

@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly activeLang = toSignal(inject(TranslocoService).langChanges$, {
    initialValue: 'fr',
  });

  protected readonly langs = LANGS;
  protected readonly nav = computed(() => navFor(this.auth.role()));
  protected readonly lang = computed<Lang>(() => (this.activeLang() === 'en' ? 'en' : 'fr'));
  protected readonly today = computed(() => formatLongDate(new Date(), this.lang()));

  constructor() {
    this.language.restore();
  }

  protected setLang(lang: Lang): void {
    this.language.use(lang);
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/connexion']);
  }
}
