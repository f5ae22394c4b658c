import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CertificateReminder, Pathway } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';

/** Certificate expiry reminders (90/60/30/7 days) of one person, for their file's skills tab. */
@Component({
  selector: 'app-certificate-reminders',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (reminders().length) {
      <h3>{{ 'training.pathway.reminders' | transloco }}</h3>
      <ul data-testid="certificate-reminders">
        @for (reminder of reminders(); track reminder.id) {
          <li>{{ reminder.message }}</li>
        }
      </ul>
    }
    <p>
      <a [routerLink]="['/parcours', personId()]">{{ 'nav.pathways' | transloco }} →</a>
    </p>
  `,
})
export class CertificateRemindersComponent {
  readonly personId = input.required<string>();
  private readonly http = inject(HttpClient);
  protected readonly reminders = signal<CertificateReminder[]>([]);

  constructor() {
    effect(() => {
      const id = this.personId();
      untracked(async () => {
        try {
          const pathway = await firstValueFrom(this.http.get<Pathway>(`/api/pathways/${id}`));
          this.reminders.set(pathway.reminders);
        } catch {
          this.reminders.set([]);
        }
      });
    });
  }
}
