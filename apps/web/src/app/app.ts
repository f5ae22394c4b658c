import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthStore } from './core/auth.store';
import { FirstRead, planningSite, planningWeek } from './core/first-read';
import { Lang, LANGS, LanguageService } from './core/i18n/i18n';
import { navFor, PHONE_ITEMS } from './core/navigation';
import { formatLongDate } from './core/time';
import { InboxStore } from './me/inbox.store';
import { PendingStore } from './pending/pending.store';

@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatMenuModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  protected readonly inbox = inject(InboxStore);
  protected readonly pending = inject(PendingStore);
  protected readonly phoneItems = PHONE_ITEMS;
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly firstRead = inject(FirstRead);
  private readonly language = inject(LanguageService);
  private readonly activeLang = toSignal(inject(TranslocoService).langChanges$, {
    initialValue: 'fr',
  });

  protected readonly langs = LANGS;
  protected readonly nav = computed(() =>
    navFor(this.auth.role()).filter((item) => !item.isExternal),
  );
  /** Links out of the app (the API documentation): in the account menu, not the bar. */
  protected readonly externalNav = computed(() =>
    navFor(this.auth.role()).filter((item) => item.isExternal),
  );
  protected readonly lang = computed<Lang>(() => (this.activeLang() === 'en' ? 'en' : 'fr'));

  constructor() {
    this.language.restore();
    // Who is signed in decides the top bar; the guards share this request.
    // Opened on the planning, its week is asked for as soon as the session is known, while the
    // page's code is still on its way (the page takes that answer instead of asking again).
    if (this.auth.me() === undefined) void this.auth.load().then(() => this.readAhead());
    // The first date in Paris time loads the browser's time-zone data (a long task): done while
    // that request is in flight rather than after its answer, when the page is being drawn.
    setTimeout(() => formatLongDate(new Date(), this.lang()));
    // The unread badge follows navigation (refreshed at most every 30 s).
    this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (this.auth.isSignedIn()) void this.inbox.refresh();
      else this.inbox.clear();
      // Those who decide see how many requests, swaps and claims wait for them.
      const role = this.auth.role();
      if (role && role !== 'mediator') void this.pending.refreshCount();
      else this.pending.clear();
      // Once the links are marked for the new page.
      setTimeout(() => this.showActiveLink());
    });
  }

  /**
   * On a phone the top links scroll sideways in their line: the current page's link is brought
   * to the middle of it, so the reader sees where they are (nothing moves when all fit).
   */
  private showActiveLink(): void {
    const nav = this.document.querySelector<HTMLElement>('.topbar .nav');
    const active = nav?.querySelector<HTMLElement>('a.active');
    if (!nav || !active || nav.scrollWidth <= nav.clientWidth) return;
    const box = nav.getBoundingClientRect();
    const link = active.getBoundingClientRect();
    nav.scrollLeft += link.left - box.left - (nav.clientWidth - link.width) / 2;
  }

  private readAhead(): void {
    const me = this.auth.me();
    const { pathname, search } = this.document.location;
    if (!me || pathname !== '/planning') return;
    const query = new URLSearchParams(search);
    const siteId = planningSite(query.get('site'), me.siteIds);
    if (!siteId) return;
    // The week and its site's opening days and places: the grid is drawn once both are known.
    this.firstRead.start('/api/rota', { siteId, week: planningWeek(query.get('semaine')) });
    this.firstRead.start('/api/sites', {});
  }

  protected setLang(lang: Lang): void {
    this.language.use(lang);
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/connexion']);
  }
}
