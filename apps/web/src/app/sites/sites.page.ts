import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../core/auth.store';
import { formatDuration } from '../core/time';
import { SitesStore } from './sites.store';

@Component({
  selector: 'app-sites-page',
  imports: [MatCardModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sites.page.html',
  styleUrl: './sites.page.scss',
})
export class SitesPage implements OnInit {
  protected readonly store = inject(SitesStore);
  private readonly auth = inject(AuthStore);
  protected readonly formatDuration = formatDuration;

  /** Managers and mediators see which sites are theirs; admin and HR have them all. */
  protected readonly scope = computed(() => {
    const me = this.auth.me();
    return me && (me.role === 'manager' || me.role === 'mediator') ? new Set(me.siteIds) : null;
  });

  ngOnInit(): void {
    void this.store.load();
  }
}
