import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SkillView } from '../people.format';

const ICONS = { valid: '✓', expiring: '◷', expired: '✗' } as const;

/** A skill with its state in words and an icon: never colour alone. */
@Component({
  selector: 'app-skill-chip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = skill();
    <span class="chip {{ s.state }}" [attr.data-state]="s.state">
      <span class="icon" aria-hidden="true">{{ icons[s.state] }}</span>
      <span class="name"
        >{{ 'skills.' + s.skill | transloco }}
        @if (s.detail) {
          ({{ s.detail }})
        }
      </span>
      <span class="state">
        @switch (s.state) {
          @case ('expired') {
            {{ 'skills.expired' | transloco }}
          }
          @case ('expiring') {
            {{ 'skills.expiresIn' | transloco: { days: s.daysLeft } }}
          }
          @default {
            @if (s.expiresOn) {
              {{ 'skills.validUntil' | transloco: { date: s.expiresOn } }}
            } @else {
              {{ 'skills.valid' | transloco }}
            }
          }
        }
      </span>
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: baseline;
      gap: 4px;
      border: 1px solid currentColor;
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 0.8rem;
      white-space: nowrap;
    }
    .valid {
      color: #1b5e20;
    }
    .expiring {
      color: #7a4100;
      border-style: dashed;
    }
    .expired {
      color: #b00020;
      border-width: 2px;
    }
    .name {
      font-weight: 600;
    }
    .state::before {
      content: '· ';
    }
  `,
})
export class SkillChipComponent {
  readonly skill = input.required<SkillView>();
  protected readonly icons = ICONS;
}
