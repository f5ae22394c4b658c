import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AppNotification } from '@relais/api-types';
import { InboxStore } from './inbox.store';
import { asOfLabel } from './me.format';

@Component({
  selector: 'app-inbox-page',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox.page.html',
  styleUrl: './me-pages.scss',
})
export class InboxPage {
  protected readonly store = inject(InboxStore);
  private readonly router = inject(Router);
  private readonly activeLang = toSignal(inject(TranslocoService).langChanges$, {
    initialValue: 'fr',
  });

  constructor() {
    void this.store.load();
  }

  protected when(item: AppNotification): string {
    return asOfLabel(item.createdAt, this.activeLang() === 'en' ? 'en' : 'fr');
  }

  protected async open(item: AppNotification): Promise<void> {
    await this.store.markRead(item);
    if (item.link) await this.router.navigateByUrl(item.link);
  }
}
