import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  CreateExitRequest,
  Pathway,
  PathwayEvidence,
  PathwayNote,
  TrainingModule,
} from '@relais/api-types';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../shared/http-error';

/** Largest evidence file the API takes (checked there too, from the content). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** Reads a file as base64 (without the `data:` prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Percentage for a progress bar, 0 when nothing is required. */
export function percent(done: number, required: number): number {
  return required > 0 ? Math.min(100, Math.round((done / required) * 100)) : 0;
}

@Injectable({ providedIn: 'root' })
export class PathwayStore {
  private readonly http = inject(HttpClient);
  readonly pathway = signal<Pathway | null>(null);
  readonly notes = signal<PathwayNote[] | null>(null);
  readonly catalogue = signal<TrainingModule[]>([]);
  readonly status = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private personId: string | null = null;

  async load(personId: string | null): Promise<void> {
    this.personId = personId;
    this.notes.set(null);
    this.status.set('loading');
    try {
      this.pathway.set(
        await firstValueFrom(
          this.http.get<Pathway>(personId ? `/api/pathways/${personId}` : '/api/me/pathway'),
        ),
      );
      this.status.set('loaded');
    } catch {
      this.status.set('error');
    }
  }

  /** Reads the pathway again in place (milestones closed by facts recorded elsewhere). */
  async refresh(): Promise<void> {
    try {
      this.pathway.set(
        await firstValueFrom(
          this.http.get<Pathway>(
            this.personId ? `/api/pathways/${this.personId}` : '/api/me/pathway',
          ),
        ),
      );
    } catch {
      // The page keeps what it shows; the next action reloads it.
    }
  }

  private async run<T>(call: () => Promise<T>): Promise<string | null> {
    try {
      await call();
      await this.load(this.personId);
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  /** HR: the modules the plan requires (added or removed one at a time). */
  setRequiredModules(personId: string, codes: string[]): Promise<string | null> {
    return this.run(() =>
      firstValueFrom(
        this.http.patch(`/api/pathways/${personId}/plan`, { requiredModuleCodes: codes }),
      ),
    );
  }

  async loadCatalogue(): Promise<void> {
    try {
      this.catalogue.set(
        await firstValueFrom(this.http.get<TrainingModule[]>('/api/training/modules')),
      );
    } catch {
      this.catalogue.set([]);
    }
  }

  markDone(milestoneId: string, doneOn: string): Promise<string | null> {
    return this.run(() =>
      firstValueFrom(this.http.patch(`/api/pathways/milestones/${milestoneId}`, { doneOn })),
    );
  }

  upload(milestoneId: string, fileName: string, contentBase64: string): Promise<string | null> {
    return this.run(() =>
      firstValueFrom(
        this.http.post<PathwayEvidence>(`/api/pathways/milestones/${milestoneId}/evidence`, {
          fileName,
          contentBase64,
        }),
      ),
    );
  }

  signOff(evidenceId: string): Promise<string | null> {
    return this.run(() =>
      firstValueFrom(this.http.post(`/api/pathways/evidence/${evidenceId}/sign-off`, {})),
    );
  }

  recordExit(body: CreateExitRequest): Promise<string | null> {
    return this.run(() => firstValueFrom(this.http.post('/api/exits', body)));
  }

  async loadNotes(personId: string): Promise<string | null> {
    try {
      this.notes.set(
        await firstValueFrom(this.http.get<PathwayNote[]>(`/api/pathways/${personId}/notes`)),
      );
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }

  async addNote(personId: string, body: string): Promise<string | null> {
    try {
      const note = await firstValueFrom(
        this.http.post<PathwayNote>(`/api/pathways/${personId}/notes`, { body }),
      );
      this.notes.update((notes) => [note, ...(notes ?? [])]);
      return null;
    } catch (error) {
      return messageOf(error) ?? '';
    }
  }
}
