import { LiveAnnouncer } from '@angular/cdk/a11y';
import { inject, Injectable, Injector, Type } from '@angular/core';
import type { MatDialogConfig } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import type { Shift } from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { ActionOutcome, RotaStore } from './rota.store';

/**
 * The planner's one-click helpers shared by the page and its side panels: pick a candidate for an
 * open shift or a need, apply a fix. Each write is one undoable step, announced.
 */
@Injectable({ providedIn: 'root' })
export class PlannerActions {
  private readonly store = inject(RotaStore);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);

  /** Lists who can take an open shift (or a need) and assigns the one chosen. */
  async openCandidates(
    target:
      | Pick<Shift, 'id'>
      | { alongsideShiftId: string }
      | { requirementId: string; date: string },
  ): Promise<ActionOutcome | null> {
    const query = 'id' in target ? { shiftId: target.id } : target;
    const answer = await this.store.candidates(query);
    if (typeof answer === 'string') {
      this.tell(answer, true);
      return null;
    }
    const personId = await this.openDialog<string | undefined>(
      () =>
        import('./components/candidates-dialog.component').then((m) => m.CandidatesDialogComponent),
      { data: answer, autoFocus: 'first-tabbable', width: '38rem' },
    );
    if (!personId) return null;
    const name = answer.candidates.find((c) => c.personId === personId)?.name ?? '';
    const { shift } = answer;
    const outcome = shift.id
      ? await this.store.update(shift.id, { personId })
      : await this.store.create({
          personId,
          locationId: shift.locationId,
          activity: shift.activity,
          start: shift.start,
          end: shift.end,
          breakMinutes: shift.breakMinutes,
          note: null,
        });
    this.report(outcome, this.t('candidates.assigned', { name, slot: answer.label }));
    return outcome;
  }

  /** Applies a fix (one undoable step) and reloads the fixes of what remains. */
  async applyFix(fixId: string, label: string): Promise<ActionOutcome> {
    const outcome = await this.store.applyFix(fixId);
    this.report(outcome, this.t('fixes.applied', { label }));
    return outcome;
  }

  private report(outcome: ActionOutcome, success: string): void {
    if (outcome.ok) {
      this.snackBar
        .open(success, this.transloco.translate('rota.actions.undo'), { duration: 10000 })
        .onAction()
        .subscribe(() => void this.store.undo());
      this.announcer.announce(success, 'polite');
    } else {
      this.tell(outcome.message ?? this.transloco.translate('rota.messages.failed'), true);
    }
  }

  private tell(message: string, isError: boolean): void {
    this.announcer.announce(message, isError ? 'assertive' : 'polite');
    this.snackBar.open(message, this.transloco.translate('rota.actions.close'), {
      duration: 10000,
    });
  }

  private async openDialog<R>(
    component: () => Promise<Type<unknown>>,
    config: MatDialogConfig,
  ): Promise<R> {
    const [{ MatDialog }, type] = await Promise.all([
      import('@angular/material/dialog'),
      component(),
    ]);
    return firstValueFrom(this.injector.get(MatDialog).open(type, config).afterClosed());
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(`rota.planner.${key}`, params);
  }
}
