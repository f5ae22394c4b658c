import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, OnDestroy, signal } from '@angular/core';
import type {
  AutoFillApplyResult,
  AutoFillJob,
  AutoFillProposal,
  AutoFillRequest,
} from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { formatDuration } from '../core/time';
import { messageOf } from '../shared/http-error';

const POLL_MS = 400;

/** A failed call: the server's French message, or null for the panel's generic one. */
export interface AutoFillFailure {
  message: string | null;
}

/** A person's planned against owed hours in a proposal, as the side sheet lists them. */
export interface AutoFillHoursRow {
  personId: string;
  personName: string;
  planned: string;
  owed: string;
  isShort: boolean;
}

/**
 * One auto-fill job: started, polled while the solver runs (stoppable, keeping the best), then
 * applied or discarded. Provided by the auto-fill panel, so it lives as long as the panel does.
 */
@Injectable()
export class AutoFillStore implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly jobState = signal<AutoFillJob | null>(null);
  private readonly failure = signal<AutoFillFailure | null>(null);
  private readonly busy = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly job = this.jobState.asReadonly();
  readonly error = this.failure.asReadonly();
  readonly isBusy = this.busy.asReadonly();
  /** The finished job's proposal, to preview on the grid; null otherwise. */
  readonly proposal = computed<AutoFillProposal | null>(() => {
    const job = this.jobState();
    return job?.status === 'done' ? job.proposal : null;
  });
  readonly progressPercent = computed(() => {
    const job = this.jobState();
    if (!job?.progress) return 0;
    return Math.min(100, (job.progress.seconds / job.timeLimitSeconds) * 100);
  });
  /** Planned against owed hours per person, the furthest below their contract first. */
  readonly hours = computed<AutoFillHoursRow[]>(() =>
    [...(this.jobState()?.proposal?.hours ?? [])]
      .sort(
        (a, b) =>
          a.plannedMinutes - a.contractMinutes - (b.plannedMinutes - b.contractMinutes) ||
          a.personName.localeCompare(b.personName, 'fr'),
      )
      .map((row) => ({
        personId: row.personId,
        personName: row.personName,
        planned: formatDuration(row.plannedMinutes),
        owed: formatDuration(row.contractMinutes),
        isShort: row.plannedMinutes < row.contractMinutes,
      })),
  );

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  async start(request: AutoFillRequest): Promise<void> {
    this.failure.set(null);
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(this.http.post<AutoFillJob>('/api/rota/auto-fill', request)));
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Stops the solver early; the job ends with the best proposal found so far. */
  async stop(): Promise<void> {
    const job = this.jobState();
    if (!job) return;
    this.busy.set(true);
    try {
      this.show(
        await firstValueFrom(this.http.post<AutoFillJob>(`/api/rota/auto-fill/${job.id}/stop`, {})),
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Applies the proposal in one transaction; the counts on success, null on failure. */
  async apply(): Promise<AutoFillApplyResult | null> {
    const job = this.jobState();
    if (!job) return null;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const result = await firstValueFrom(
        this.http.post<AutoFillApplyResult>(`/api/rota/auto-fill/${job.id}/apply`, {}),
      );
      this.jobState.set(null);
      return result;
    } catch (error) {
      this.fail(error);
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  async discard(): Promise<void> {
    const job = this.jobState();
    if (!job) return;
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.http.post<AutoFillJob>(`/api/rota/auto-fill/${job.id}/discard`, {}),
      );
    } catch {
      // Already gone: nothing to keep either way.
    } finally {
      this.jobState.set(null);
      this.busy.set(false);
    }
  }

  private show(job: AutoFillJob): void {
    this.jobState.set(job);
    clearTimeout(this.timer);
    if (job.status === 'running') {
      this.timer = setTimeout(() => void this.poll(job.id), POLL_MS);
    }
  }

  private async poll(id: string): Promise<void> {
    try {
      this.show(await firstValueFrom(this.http.get<AutoFillJob>(`/api/rota/auto-fill/${id}`)));
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failure.set({ message: messageOf(error) });
  }
}
